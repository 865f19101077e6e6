import AccordPostgres
import ArgumentParser

struct TeamInit: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "init",
    abstract: "Make a team's Accord database on a PostgreSQL server (or bring it up to date), and its roles.",
    discussion: """
      Creates Accord's schema in the database URL names (an empty one: createdb accord), and the \
      roles accord_writer and accord_reader; run again, it brings the schema up to this Accord's \
      version and renews the roles' privileges, and changes nothing else. Run it as the database's \
      owner (the first time, a role that may create roles). URL is libpq's: what it leaves out comes \
      from PGHOST, PGUSER, PGPASSWORD, … and ~/.pgpass. Each analyst then signs in as a role of \
      their own, a member of one of the two:
        CREATE ROLE alice LOGIN PASSWORD '…' IN ROLE accord_writer;
        CREATE ROLE bob LOGIN PASSWORD '…' IN ROLE accord_reader;
      The history records that role (session_user), and nobody can change the change log.

      Example:
        accord team init postgresql://owner@db.example.org/accord
      """
  ).asLeaf

  @Argument(help: ArgumentHelp("The database: postgresql://[USER@]HOST[:PORT]/NAME.", valueName: "url"))
  var url: String

  func validate() throws {
    guard TeamDatabase.isURL(url) else {
      throw ValidationError(
        "'\(TeamDatabase.shown(url))' is not a PostgreSQL URL: give one such as postgresql://owner@localhost/accord"
      )
    }
  }

  func run() throws {
    let connection = try PostgresConnection(url: url)
    let done = try PostgresMigrator.embedded.initialize(connection)
    let before = done.before
    let after = done.after
    let what: String
    if before == 0 {
      what = "made Accord's schema (version \(after))"
    } else if before == after {
      what = "the schema is up to date (version \(after))"
    } else {
      what = "brought the schema from version \(before) to \(after)"
    }
    let logins = """
      Roles accord_writer and accord_reader are ready. Give each analyst a login of their own:
        CREATE ROLE alice LOGIN PASSWORD '…' IN ROLE accord_writer;
        CREATE ROLE bob LOGIN PASSWORD '…' IN ROLE accord_reader;

      """
    FileOutput.standardOutput.write("\(connection.database): \(what)\n\(logins)")
  }
}
