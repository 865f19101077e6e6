import AccordPostgres
import AccordSQLite
import Foundation
import Testing

/// `accord import` into a team's PostgreSQL database: an export and the datasets come in as they
/// come into a file, with the same lines said and the same records kept; a reader may not import;
/// an import that fails, or that loses its server midway, leaves nothing. Against `ACCORD_TEST_PG`.
@Suite(
  .fileOnly("a file beside the server, run in the file pass"),
  .enabled(if: TeamServer.url != nil, "ACCORD_TEST_PG is not set"))
struct TeamImportTests {
  let sandbox: Sandbox
  init() throws { sandbox = try Sandbox() }

  static let fixtures =
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().path
    + "/AccordTransferTests/Fixtures"

  /// An export with every time it holds (`recorded_at`, `started_at`, …) as T: two imports made
  /// at different moments stamp their rows differently, and nothing else may differ.
  static func timeless(_ export: String) -> String {
    export.replacing(/"[a-z_]+_at":"[^"]*"/, with: "T")
  }

  @Test func anExportComesInOnTheServerAsIntoAFileAndOnlyOnce() throws {
    #expect(try sandbox.run("example", "--db", sandbox.db).status == 0)
    #expect(
      try sandbox.run("log", "us-ukraine-minerals", "A second round in Riyadh", "--on", "2025-02-18").status
        == 0)
    let file = sandbox.folder + "/example.ndjson"
    #expect(try sandbox.run("export", "--format", "ndjson", "--output", file).status == 0)
    let exported = try String(contentsOfFile: file, encoding: .utf8)
    let database = try TeamServer.Database()
    #expect(try sandbox.run("team", "init", database.url).status == 0)
    let other = sandbox.folder + "/other.sqlite"

    for round in 1...2 {
      let team = try sandbox.run("import", file, "--db", database.url)
      let here = try sandbox.run("import", file, "--db", other)
      #expect(team.status == 0, "\(team)")
      #expect(team.stdout == here.stdout, "round \(round)")
      #expect(team.stderr == here.stderr, "round \(round)")
      #expect(
        team.stdout.hasPrefix(round == 1 ? "Added 36 records (" : "Added 0 records; 36 were there already ("),
        "\(team)")
      // The server keeps the file's ids and times: its export is the file's, byte for byte.
      #expect(try sandbox.run("export", "--format", "ndjson", "--db", database.url).stdout == exported)
    }
    for command in [["deals", "--unsigned"], ["timeline", "us-ukraine-minerals"], ["search", "minerals"]] {
      #expect(
        try sandbox.run(command + ["--db", database.url]).stdout
          == (try sandbox.run(command + ["--db", other]).stdout),
        "\(command)")
    }
    #expect(try sandbox.run("check", "--db", database.url).stdout == "ok\n")
    // On the change log under the login, a row a record (the second import wrote nothing): undo
    // takes the import back whole.
    let server = try database.connect()
    #expect(
      try server.integer(
        "SELECT count(DISTINCT command_id) FROM change_log l JOIN command c ON c.id = l.command_id WHERE c.arguments LIKE 'accord import %'"
      ) == 1)
    #expect(try server.integer("SELECT count(*) FROM change_log WHERE table_name = 'actor'") == 9)
    let undo = try sandbox.run("undo", "--db", database.url)
    #expect(undo.status == 0, "\(undo)")
    #expect(try server.integer("SELECT count(*) FROM actor") == 0)
    #expect(try server.integer("SELECT count(*) FROM search") == 0)
  }

  @Test func theDatasetsComeInOnTheServerAsIntoAFile() throws {
    let status = sandbox.folder + "/status.csv"
    try LifecycleCommandTests.parisStatus.write(toFile: status, atomically: true, encoding: .utf8)
    let database = try TeamServer.Database()
    #expect(try sandbox.run("team", "init", database.url).status == 0)
    let fixtures = Self.fixtures
    let steps: [[String]] = [
      ["import", "--from", "pax", fixtures + "/pax-excerpt.csv"],
      ["import", "--from", "ucdp", fixtures + "/ucdp-excerpt.csv"],
      // Again: the same agreements are found there already.
      ["import", "--from", "pax", fixtures + "/pax-excerpt.csv"],
      ["negotiation", "add", "Paris climate talks", "--id", "talks", "--party", "France"],
      [
        "proposal", "add", "talks", "Paris Agreement", "--id", "paris", "--by", "France", "--on",
        "2015-12-12",
      ],
      ["import", "--from", "treaty-status", status, "--proposal", "paris"],
      ["import", "--from", "treaty-status", status, "--proposal", "paris"],
    ]
    for step in steps {
      let team = try sandbox.run(step + ["--db", database.url])
      let file = try sandbox.run(step)
      #expect(file.status == 0, "\(step): \(file)")
      #expect(team.status == 0, "\(step): \(team)")
      #expect(team.stdout == file.stdout, "\(step)")
    }
    for command in [
      ["deals"], ["deals", "--unsigned"], ["negotiation", "list"], ["actor", "list"],
      ["proposal", "show", "paris", "--as-of", "2016-10-05"],
    ] {
      let team = try sandbox.run(command + ["--db", database.url])
      #expect(team.status == 0, "\(command): \(team)")
      #expect(team.stdout == (try sandbox.run(command).stdout), "\(command)")
    }
    // The same hits, each with the same snippet; ranked by ts_rank there, by bm25 here.
    let search = ["search", "ceasefire", "--format", "csv", "--limit", "1000"]
    let teamSearch = try sandbox.run(search + ["--db", database.url])
    let teamHits = teamSearch.stdout.split(whereSeparator: \.isNewline).sorted()
    #expect(teamHits.count == 13, "\(teamSearch)")
    #expect(teamHits == (try sandbox.run(search).stdout.split(whereSeparator: \.isNewline).sorted()))
    let export = ["export", "--format", "ndjson"]
    let teamExport = try sandbox.run(export + ["--db", database.url]).stdout
    #expect(teamExport.split(separator: "\n").count > 300)
    #expect(Self.timeless(teamExport) == Self.timeless(try sandbox.run(export).stdout))
    #expect(try sandbox.run("check", "--db", database.url).stdout == "ok\n")
  }

  @Test func aReadersImportIsRefusedAndAFailedImportWritesNothing() throws {
    let database = try TeamServer.Database()
    #expect(try sandbox.run("team", "init", database.url).status == 0)
    let server = try database.connect()
    func counts() throws -> [Int64?] {
      try ["command", "change_log", "actor", "negotiation", "search"].map {
        try server.integer("SELECT count(*) FROM \($0)")
      }
    }
    let before = try counts()
    let (_, reader) = try database.login("reader", in: "accord_reader")
    let refused = try sandbox.run(
      "import", "--from", "pax", Self.fixtures + "/pax-excerpt.csv", "--db", reader)
    #expect(refused.status == 1)
    #expect(refused.stdout == "")
    #expect(refused.stderr.hasPrefix("Error: permission denied for "), "\(refused)")
    #expect(refused.stderr.hasSuffix("ask the database's owner\n"), "\(refused)")
    #expect(try counts() == before)

    // A writer's file whose last record is wrong: the line is named, and the records before it
    // are not kept.
    let file = sandbox.folder + "/bad.ndjson"
    try """
    {"format":"accord-export","version":3}
    {"type":"actor","id":1,"slug":"ukraine","name":"Ukraine","kind":"state"}
    {"type":"negotiation","id":1,"slug":"talks","title":"Talks"}
    {"type":"development","id":1,"negotiation":"talks","date":"2025-02-31","text":"A day that is not"}

    """.write(toFile: file, atomically: true, encoding: .utf8)
    let (writerRole, writer) = try database.login("writer", in: "accord_writer")
    let team = try sandbox.run("import", file, "--db", writer)
    let here = try sandbox.run("import", file)
    #expect(team.status == 64, "\(team)")
    #expect(
      team.stderr
        == "Error: line 4, record 3 (development 1): field 'date': '2025-02-31' is not a date: 2025-02 has 28 days\n"
    )
    #expect(team.stderr == here.stderr && team.status == here.status)
    #expect(try counts() == before)

    // Another analyst's retraction: the writer may not log it in their name (migration 0016); the
    // same without an analyst is the writer's own.
    let retraction = sandbox.folder + "/retraction.ndjson"
    let lines = [
      #"{"format":"accord-export","version":3}"#,
      #"{"type":"actor","id":1,"slug":"ukraine","name":"Ukraine","kind":"state"}"#,
      #"{"type":"retraction","id":1,"kind":"actor","record":"ukraine","reason":"a duplicate","analyst":"ana"}"#,
    ]
    try (lines.joined(separator: "\n") + "\n").write(toFile: retraction, atomically: true, encoding: .utf8)
    let theirs = try sandbox.run("import", retraction, "--db", writer)
    #expect(theirs.status == 64)
    #expect(
      theirs.stderr.hasPrefix("Error: line 3, record 2 (retraction 1): the database refused it: "),
      "\(theirs)")
    #expect(theirs.stderr.hasSuffix("; another analyst's retraction is imported by the database's owner\n"))
    #expect(try counts() == before)
    try (lines.joined(separator: "\n").replacing(#","analyst":"ana""#, with: "") + "\n")
      .write(toFile: retraction, atomically: true, encoding: .utf8)
    #expect(try sandbox.run("import", retraction, "--db", writer).status == 0)
    #expect(
      try server.first("SELECT analyst FROM retraction", []) { row throws(PostgresError) in row.text(0) }
        == writerRole)
  }

  /// The server's connection is cut while the import waits for the change log (another session
  /// holds it): the command fails in one line, and nothing of it is ever seen.
  @Test func anImportCutOffMidwayLeavesNothingOnTheServer() throws {
    let database = try TeamServer.Database()
    #expect(try sandbox.run("team", "init", database.url).status == 0)
    let blocker = try database.connect()
    try blocker.execute("BEGIN; LOCK TABLE change_log IN EXCLUSIVE MODE")
    let file = Self.fixtures + "/ucdp-excerpt.csv"
    let running = try sandbox.start(["import", "--from", "ucdp", file, "--db", database.url])
    let admin = try PostgresConnection(url: TeamServer.url(database: "postgres"))
    var backend: Int64?
    // Until the import waits for the change log (a bound against a test gone wrong, not a deadline).
    for _ in 0..<60_000 where backend == nil && running.poll() == nil {
      backend = try admin.integer(
        "SELECT pid FROM pg_stat_activity WHERE datname = ? AND wait_event_type = 'Lock'",
        [.text(database.name)])
      if backend == nil { usleep(10_000) }
    }
    let pid = try #require(
      backend, "the import never waited: \(running.poll().map { "\($0)" } ?? "running")")
    _ = try admin.integer("SELECT count(*) FROM pg_terminate_backend(?) WHERE true", [.integer(pid)])
    #expect(running.wait() == .exited(1))
    try blocker.execute("ROLLBACK")
    let stderr = try String(contentsOfFile: running.stderrPath, encoding: .utf8)
    #expect(stderr.hasPrefix("Error: the connection to PostgreSQL was lost mid-command ("), "\(stderr)")
    #expect(stderr.split(separator: "\n").count == 1)
    let server = try database.connect()
    for table in ["actor", "negotiation", "proposal", "command", "change_log", "search"] {
      #expect(try server.integer("SELECT count(*) FROM \(table)") == 0, "\(table)")
    }
    // Run again, it goes through whole.
    let again = try sandbox.run("import", "--from", "ucdp", file, "--db", database.url)
    #expect(again.status == 0, "\(again)")
    #expect(again.stdout.hasPrefix("UCDP: 11 agreements (11 new, 0 there already)"), "\(again)")
  }

  /// The server itself killed mid-import (`pg_ctl stop -m immediate`, as a crash would) and started
  /// again: it recovers from its WAL, and the import is not there at all. On a server of the test's
  /// own (`scripts/pg-test-server`), not the suite's.
  @Test func aServerKilledDuringAnImportKeepsNothingOfIt() throws {
    let script =
      URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().path + "/scripts/pg-test-server"
    // posix_spawn, not Process: the server it starts outlives the script.
    func shell(_ arguments: [String]) throws -> String {
      let child = try ChildProcess(
        script, arguments, environment: ProcessInfo.processInfo.environment, folder: sandbox.folder)
      let ending = child.wait()
      let stderr = (try? String(contentsOfFile: child.stderrPath, encoding: .utf8)) ?? ""
      try #require(ending == .exited(0), "pg-test-server \(arguments): \(ending) \(stderr)")
      return try String(contentsOfFile: child.stdoutPath, encoding: .utf8)
    }
    var variables: [String: String] = [:]
    for line in try shell(["start"]).split(separator: "\n") {
      let pair = line.dropFirst("export ".count).split(separator: "=", maxSplits: 1)
      if pair.count == 2 { variables[String(pair[0])] = String(pair[1]) }
    }
    let folder = try #require(variables["ACCORD_TEST_PG_DIR"])
    defer { _ = try? shell(["stop", folder]) }
    let url = try #require(variables["ACCORD_TEST_PG"])
    #expect(try sandbox.run("team", "init", url).status == 0)
    let file = Self.fixtures + "/ucdp-excerpt.csv"

    let blocker = try PostgresConnection(url: url)
    try blocker.execute("BEGIN; LOCK TABLE change_log IN EXCLUSIVE MODE")
    let running = try sandbox.start(["import", "--from", "ucdp", file, "--db", url])
    let watcher = try PostgresConnection(url: url)
    var waiting = false
    // Until the import waits for the change log, its rows written but not committed (a bound
    // against a test gone wrong, not a deadline).
    for _ in 0..<60_000 where !waiting && running.poll() == nil {
      waiting =
        try watcher.integer(
          "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND pid <> pg_backend_pid()")
        == 1
      if !waiting { usleep(10_000) }
    }
    try #require(waiting, "the import never waited: \(running.poll().map { "\($0)" } ?? "running")")
    _ = try shell(["crash", folder])
    #expect(running.wait() == .exited(1))
    let stderr = try String(contentsOfFile: running.stderrPath, encoding: .utf8)
    // One line, Accord's: the server's parting warning is not printed before it.
    #expect(stderr.hasPrefix("Error: the connection to PostgreSQL was lost mid-command ("), "\(stderr)")
    #expect(stderr.split(separator: "\n").count == 1, "\(stderr)")

    let server = try PostgresConnection(url: url)
    for table in ["actor", "negotiation", "proposal", "proposal_step", "command", "change_log", "search"] {
      #expect(try server.integer("SELECT count(*) FROM \(table)") == 0, "\(table)")
    }
    #expect(try sandbox.run("check", "--db", url).stdout == "ok\n")
    let again = try sandbox.run("import", "--from", "ucdp", file, "--db", url)
    #expect(again.status == 0, "\(again)")
    #expect(again.stdout.hasPrefix("UCDP: 11 agreements (11 new, 0 there already)"), "\(again)")
  }
}
