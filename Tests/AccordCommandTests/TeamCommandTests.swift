import AccordPostgres
import Foundation
import Testing

/// A team's PostgreSQL database through the binary: `accord team init`, `check` and `backup` on
/// it, and every other command refusing it in one line. Against `ACCORD_TEST_PG` (a superuser on a
/// throwaway server, as `scripts/pg-test-server start` exports it); skipped when it is unset.
@Suite(.enabled(if: TeamServer.url != nil, "ACCORD_TEST_PG is not set"))
struct TeamCommandTests {
  let sandbox: Sandbox
  init() throws { sandbox = try Sandbox() }

  @Test func initMakesTheSchemaAndTheRolesOnceAndCheckFindsItSound() throws {
    let database = try TeamServer.Database()
    let first = try sandbox.run("team", "init", database.url)
    #expect(first.status == 0, "\(first)")
    #expect(first.stderr == "")
    let lines = first.stdout.split(separator: "\n")
    #expect(lines.first == "\(database.name) on \(TeamServer.server): made Accord's schema (version 13)")
    #expect(lines.contains("  CREATE ROLE alice LOGIN PASSWORD '…' IN ROLE accord_writer;"))
    let connection = try database.connect()
    #expect(try PostgresMigrator.version(of: connection) == 13)
    #expect(
      try connection.integer(
        "SELECT count(*) FROM pg_roles WHERE rolname IN ('accord_reader', 'accord_writer')")
        == 2)
    #expect(try connection.integer("SELECT count(*) FROM schema_migration") == 1)

    // Again: nothing to do, and nothing done twice.
    let again = try sandbox.run("team", "init", database.url)
    #expect(again.status == 0, "\(again)")
    #expect(
      again.stdout.hasPrefix(
        "\(database.name) on \(TeamServer.server): the schema is up to date (version 13)\n"))
    #expect(try connection.integer("SELECT count(*) FROM schema_migration") == 1)

    let check = try sandbox.run("check", "--db", database.url)
    #expect(check.status == 0, "\(check)")
    #expect(check.stdout == "ok\n")
    // ACCORD_DB names it as well as --db does.
    let byEnvironment = try sandbox.run(["check"], environment: ["ACCORD_DB": database.url])
    #expect(byEnvironment.stdout == "ok\n", "\(byEnvironment)")
  }

  @Test func checkNamesEachSafeguardUndoneAndInitRestoresThePrivileges() throws {
    let database = try TeamServer.Database()
    #expect(try sandbox.run("team", "init", database.url).status == 0)
    try database.connect().execute(
      """
      ALTER TABLE change_log DISABLE TRIGGER change_log_no_delete;
      DROP TRIGGER actor_history_update ON actor;
      ALTER TABLE actor ADD CONSTRAINT positive_id CHECK (id > 0) NOT VALID;
      GRANT INSERT ON actor TO accord_reader;
      GRANT DELETE ON change_log TO accord_writer;
      """)
    let problems = [
      "trigger: change_log_no_delete on change_log is disabled; the database's owner can enable it again",
      "trigger: actor keeps no full history (2 of its 3 history triggers)",
      "constraint: positive_id on actor is not validated: rows from before it may break it; the database's owner can validate it",
      "roles: accord_reader may write to actor; 'accord team init' takes it back",
      "roles: accord_writer may change the change log; 'accord team init' takes it back",
    ]
    let check = try sandbox.run("check", "--db", database.url)
    #expect(check.status == 1, "\(check)")
    #expect(check.stdout == problems.map { $0 + "\n" }.joined())
    #expect(
      check.stderr
        == "Error: \(database.name) on \(TeamServer.server) has 5 problems, listed on standard output\n")

    // init gives the roles back their privileges, and only that: the triggers are the owner's to mend.
    #expect(try sandbox.run("team", "init", database.url).status == 0)
    let after = try sandbox.run("check", "--db", database.url)
    #expect(after.stdout == problems.prefix(3).map { $0 + "\n" }.joined(), "\(after)")
  }

  @Test func checkOfAnEmptyOrForeignDatabaseSaysSoAndInitLeavesAForeignOneAlone() throws {
    let empty = try TeamServer.Database()
    let check = try sandbox.run("check", "--db", empty.url)
    #expect(check.status == 1, "\(check)")
    #expect(check.stdout == "schema: the database holds no Accord record yet; 'accord team init' makes one\n")

    try empty.connect().execute("CREATE TABLE invoices (id int)")
    let foreign = try sandbox.run("team", "init", empty.url)
    #expect(foreign.status == 1)
    #expect(foreign.stdout == "")
    #expect(
      foreign.stderr
        == "Error: \(empty.name) on \(TeamServer.server) is the database of another application (it has tables, and no Accord schema): use an empty database\n"
    )
    #expect(try empty.connect().integer("SELECT count(*) FROM pg_class WHERE relname = 'accord_schema'") == 0)
  }

  @Test func backupRunsPgDumpIntoAPrivateFileAndNeverOverwritesWithoutForce() throws {
    let database = try TeamServer.Database()
    #expect(try sandbox.run("team", "init", database.url).status == 0)
    let file = sandbox.folder + "/team.dump"
    let backup = try sandbox.run("backup", file, "--db", database.url)
    #expect(backup.status == 0, "\(backup)")
    #expect(backup.stdout == file + "\n")
    let bytes = try #require(FileManager.default.contents(atPath: file))
    #expect(bytes.prefix(5) == Data("PGDMP".utf8), "pg_dump's custom format")
    let mode = try FileManager.default.attributesOfItem(atPath: file)[.posixPermissions] as? Int
    #expect(mode == 0o600)

    let again = try sandbox.run("backup", file, "--db", database.url)
    #expect(again.status == 1)
    #expect(again.stderr == "Error: \(file) exists: name a new file, or add --force to replace it\n")
    #expect(FileManager.default.contents(atPath: file) == bytes)
    #expect(try sandbox.run("backup", file, "--force", "--db", database.url).status == 0)
    // Nothing left beside it.
    #expect(
      try FileManager.default.contentsOfDirectory(atPath: sandbox.folder).filter { $0.contains("partial") }
        == [])
  }

  @Test func aWrongServerOrURLIsOneLine() throws {
    let refused = try sandbox.run("team", "init", "postgresql://127.0.0.1:1/accord")
    #expect(refused.status == 1)
    #expect(refused.stderr.hasPrefix("Error: cannot connect to PostgreSQL at 127.0.0.1:1: "))
    #expect(refused.stderr.split(separator: "\n").count == 1)

    let notAURL = try sandbox.run("team", "init", "accord.sqlite")
    #expect(notAURL.status == 64)
    #expect(
      notAURL.stderr
        == "Error: 'accord.sqlite' is not a PostgreSQL URL: give one such as postgresql://owner@localhost/accord (see 'accord team init --help')\n"
    )
  }
}

/// The commands that do not run on PostgreSQL yet say so, in one line, before they connect (the
/// URL here names no server), and make no file of that name. Needs no server.
@Suite struct TeamDatabaseRefusalTests {
  @Test(arguments: [
    ["log", "minerals-deal", "Talks resumed", "--db", "postgresql://127.0.0.1:1/accord"],
    ["deals", "--unsigned", "--db", "postgres://127.0.0.1:1/accord"],
    ["init", "--db", "postgresql://127.0.0.1:1/accord"],
    ["export", "--format", "ndjson", "--db", "postgresql://127.0.0.1:1/accord"],
  ])
  func aCommandOnAFileOnlyRefusesAURL(_ arguments: [String]) throws {
    let sandbox = try Sandbox()
    let result = try sandbox.run(arguments)
    #expect(result.status == 1, "\(result)")
    #expect(result.stdout == "")
    #expect(
      result.stderr
        == "Error: this command does not work on a team's PostgreSQL database yet (only 'accord team init', 'accord check' and 'accord backup' do): give --db an SQLite file\n"
    )
    #expect(
      try FileManager.default.contentsOfDirectory(atPath: sandbox.folder).filter { $0.hasPrefix("postgres") }
        == [])
  }

  @Test func theExampleGoesToAFileBesideTheDefaultWhenACCORD_DBIsAURL() throws {
    let sandbox = try Sandbox()
    let result = try sandbox.run(["example"], environment: ["ACCORD_DB": "postgresql://127.0.0.1:1/accord"])
    #expect(result.status == 0, "\(result)")
    #expect(result.stdout.hasPrefix("Loaded the worked example into \(sandbox.folder)/"), "\(result)")
    #expect(
      result.stdout.contains("/.local/share/accord/example.sqlite\n")
        || result.stdout.contains("/accord/example.sqlite\n"))
  }
}

/// The server of ``TeamCommandTests``, and a database of each test's own on it.
enum TeamServer {
  static let url: String? = ProcessInfo.processInfo.environment["ACCORD_TEST_PG"].flatMap {
    $0.isEmpty ? nil : $0
  }

  /// HOST:PORT, as Accord names the server.
  static var server: String {
    let components = url.flatMap { URLComponents(string: $0) }
    return "\(components?.host ?? "?"):\(components?.port ?? 5432)"
  }

  /// `url` with another database.
  static func url(database: String) -> String {
    guard let url, var components = URLComponents(string: url) else { return "" }
    components.path = "/" + database
    return components.string ?? url
  }

  /// An empty database, dropped when the test is done with it.
  final class Database {
    let name =
      "accord_cli_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(12).lowercased()
    var url: String { TeamServer.url(database: name) }

    init() throws {
      try PostgresConnection(url: TeamServer.url(database: "postgres")).execute("CREATE DATABASE \(name)")
    }

    func connect() throws -> PostgresConnection { try PostgresConnection(url: url) }

    deinit {
      try? PostgresConnection(url: TeamServer.url(database: "postgres")).execute(
        "DROP DATABASE IF EXISTS \(name) WITH (FORCE)")
    }
  }
}
