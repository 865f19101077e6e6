import AccordPostgres
import AccordSQLite
import AccordStore
import AccordSystem
import ArgumentParser

struct Copy: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "copy",
    abstract: "Copy the whole record to a team's PostgreSQL database, or from it to a new file.",
    discussion: """
      --to copies every table of the SQLite file (--db) into the empty Accord database that \
      'accord team init' made on the server; --from copies the server's record into a new file \
      (--db names it, and it must not exist). The records keep their numbers, and the commands and \
      change log come with them, so that the history does too. One transaction: afterwards every \
      row is read back and compared with the other side's, and a copy that differs is undone. The \
      side copied from is only read, as it stood when the copy began. Both are at the same schema \
      version.

      Examples:
        accord copy --to postgresql://db.example.org/accord --db mine.sqlite
        accord copy --from postgresql://db.example.org/accord --db team.sqlite
      """
  ).asLeaf

  @Option(help: ArgumentHelp("The team's database to copy into: postgresql://…", valueName: "url"))
  var to: String?
  @Option(
    help: ArgumentHelp("The team's database to copy from, into a new file: postgresql://…", valueName: "url"))
  var from: String?
  @OptionGroup var database: DatabaseOptions

  func validate() throws {
    guard (to == nil) != (from == nil) else {
      throw ValidationError("give --to URL (a file to the server) or --from URL (the server to a new file)")
    }
    for url in [to, from].compactMap({ $0 }) where !TeamDatabase.isURL(url) {
      throw ValidationError(
        "'\(TeamDatabase.shown(url))' is not a PostgreSQL URL: give one such as postgresql://owner@localhost/accord"
      )
    }
  }

  func run() throws {
    guard database.postgresURL == nil else {
      throw StoreError.conflict("--db names the SQLite file of the copy, not a server: give it a file")
    }
    let copied: PostgresCopy.Copied
    let server: PostgresConnection
    if let to {
      guard DatabaseAccess.isRegularFile(database.path) else {
        throw StoreError.cannotOpen(path: database.path, reason: "there is no such file to copy")
      }
      let file = try DatabaseAccess.openForReading(database.path)
      server = try PostgresConnection(url: to)
      copied = try PostgresCopy.copy(from: file, to: server)
    } else {
      guard !System.exists(database.path) else {
        throw StoreError.conflict(
          "\(database.path) exists: copy --from writes a new file, and never into a record; name a new one")
      }
      server = try PostgresConnection(url: from ?? "")
      guard let file = try database.open().file else {
        throw StoreError.conflict("copy --from writes an SQLite file: give --db a file's path")
      }
      copied = try PostgresCopy.copy(from: server, to: file)
    }
    let (source, target) = to == nil ? (server.database, database.path) : (database.path, server.database)
    FileOutput.standardOutput.write(
      "copied \(copied.rows) rows of \(copied.tables) tables from \(source) to \(target), and compared them\n"
    )
  }
}
