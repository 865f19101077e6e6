import AccordPostgres
import AccordSQLite
import AccordTestEngine
import Foundation
import Testing

/// A team's PostgreSQL database through the binary: `accord team init`, `check` and `backup` on
/// it, and every other command refusing it in one line. Against `ACCORD_TEST_PG` (a superuser on a
/// throwaway server, as `scripts/pg-test-server start` exports it); skipped when it is unset.
@Suite(
  .fileOnly("a file beside the server, run in the file pass"),
  .enabled(if: TeamServer.url != nil, "ACCORD_TEST_PG is not set"))
struct TeamCommandTests {
  let sandbox: Sandbox
  init() throws { sandbox = try Sandbox() }

  @Test func initMakesTheSchemaAndTheRolesOnceAndCheckFindsItSound() throws {
    let database = try TeamServer.Database()
    let first = try sandbox.run("team", "init", database.url)
    #expect(first.status == 0, "\(first)")
    #expect(first.stderr == "")
    let lines = first.stdout.split(separator: "\n")
    #expect(
      lines.first
        == "\(database.name) on \(TeamServer.server): made Accord's schema (version \(PostgresMigrator.embedded.latestVersion))"
    )
    #expect(lines.contains("  CREATE ROLE alice LOGIN PASSWORD '…' IN ROLE accord_writer;"))
    let connection = try database.connect()
    #expect(try PostgresMigrator.version(of: connection) == PostgresMigrator.embedded.latestVersion)
    #expect(
      try connection.integer(
        "SELECT count(*) FROM pg_roles WHERE rolname IN ('accord_reader', 'accord_writer')")
        == 2)
    #expect(try connection.integer("SELECT count(*) FROM schema_migration") == Self.migrations)

    // Again: nothing to do, and nothing done twice.
    let again = try sandbox.run("team", "init", database.url)
    #expect(again.status == 0, "\(again)")
    #expect(
      again.stdout.hasPrefix(
        "\(database.name) on \(TeamServer.server): the schema is up to date (version \(PostgresMigrator.embedded.latestVersion))\n"
      ))
    #expect(try connection.integer("SELECT count(*) FROM schema_migration") == Self.migrations)

    let check = try sandbox.run("check", "--db", database.url)
    #expect(check.status == 0, "\(check)")
    #expect(check.stdout == "ok\n")
    // ACCORD_DB names it as well as --db does.
    let byEnvironment = try sandbox.run(["check"], environment: ["ACCORD_DB": database.url])
    #expect(byEnvironment.stdout == "ok\n", "\(byEnvironment)")
  }

  /// How many migrations a team's database records: the baseline (13) and each one after it.
  static let migrations = Int64(PostgresMigrator.embedded.migrations.count)

  @Test func checkNamesEachSafeguardUndoneAndInitRestoresThePrivileges() throws {
    let database = try TeamServer.Database()
    #expect(try sandbox.run("team", "init", database.url).status == 0)
    try database.connect().execute(
      """
      ALTER TABLE change_log DISABLE TRIGGER change_log_no_delete;
      ALTER TABLE proposal ENABLE REPLICA TRIGGER proposal_history_insert;
      DROP TRIGGER command_no_truncate ON command;
      DROP TRIGGER retraction_analyst_is_the_login ON retraction;
      GRANT UPDATE (title) ON negotiation TO accord_reader;
      DROP TRIGGER actor_history_update ON actor;
      ALTER TABLE actor ADD CONSTRAINT positive_id CHECK (id > 0) NOT VALID;
      GRANT INSERT ON actor TO accord_reader;
      GRANT DELETE ON change_log TO accord_writer;
      """)
    let problems = [
      "trigger: change_log_no_delete on change_log is disabled (or fires for replication only); the database's owner can enable it again",
      "trigger: proposal_history_insert on proposal is disabled (or fires for replication only); the database's owner can enable it again",
      "trigger: command_no_truncate is missing: the command log can be changed; 'accord team init' cannot mend it",
      "trigger: retraction_analyst_is_the_login is missing: a writer can log work in another analyst's name; 'accord team init' cannot mend it",
      "trigger: actor keeps no full history (2 of its 3 history triggers)",
      "constraint: positive_id on actor is not validated: rows from before it may break it; the database's owner can validate it",
      "roles: accord_reader may write to actor, negotiation; 'accord team init' takes it back",
      "roles: accord_writer may change the change log; 'accord team init' takes it back",
    ]
    let check = try sandbox.run("check", "--db", database.url)
    #expect(check.status == 1, "\(check)")
    #expect(check.stdout == problems.map { $0 + "\n" }.joined())
    #expect(
      check.stderr
        == "Error: \(database.name) on \(TeamServer.server) has 8 problems, listed on standard output\n")

    // init gives the roles back their privileges, and only that: the triggers are the owner's to mend.
    #expect(try sandbox.run("team", "init", database.url).status == 0)
    let after = try sandbox.run("check", "--db", database.url)
    #expect(after.stdout == problems.prefix(6).map { $0 + "\n" }.joined(), "\(after)")
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
    // A URL with a password (which goes to pg_dump in its environment, not on its command line).
    let withPassword = database.url.replacingOccurrences(of: "postgres@", with: "postgres:s%40cret@")
    #expect(withPassword != database.url)
    let secret = try sandbox.run("backup", file, "--force", "--db", withPassword)
    #expect(secret.status == 0, "\(secret)")
    #expect(!secret.stdout.contains("cret") && !secret.stderr.contains("cret"))
    // Nothing left beside it.
    #expect(
      try FileManager.default.contentsOfDirectory(atPath: sandbox.folder).filter { $0.contains("partial") }
        == [])
  }

  @Test func copyMovesTheWholeRecordWithItsHistoryOnceAndOnlyIntoAnEmptyTeamDatabase() throws {
    #expect(try sandbox.run("example", "--db", sandbox.db).status == 0)
    let database = try TeamServer.Database()
    let early = try sandbox.run("copy", "--to", database.url)
    #expect(early.status == 1)
    #expect(
      early.stderr
        == "Error: \(database.name) on \(TeamServer.server) holds no Accord schema yet: make it with 'accord team init', then copy\n"
    )
    #expect(try sandbox.run("team", "init", database.url).status == 0)

    let copy = try sandbox.run("copy", "--to", database.url)
    #expect(copy.status == 0, "\(copy)")
    #expect(copy.stdout.hasPrefix("copied "))
    #expect(
      copy.stdout.hasSuffix(
        " tables from \(sandbox.db) to \(database.name) on \(TeamServer.server), and compared them\n"))
    let server = try database.connect()
    for table in [
      "actor", "negotiation", "proposal", "proposal_step", "term", "statement", "command", "change_log",
    ] {
      let here = try server.integer("SELECT count(*) FROM \(table)")
      #expect(here == (try DatabaseSnapshot.count(sandbox.db, table)), "\(table)")
      #expect((here ?? 0) > 0, "\(table)")
      // The planner knows how many rows each table holds now (ANALYZE), not an empty table's -1.
      #expect(
        try server.integer(
          "SELECT CAST(reltuples AS bigint) FROM pg_class WHERE oid = to_regclass(?)", [.text(table)])
          == here, "\(table)")
    }
    // The search finds what the file's finds.
    #expect(
      try server.integer("SELECT count(*) FROM search WHERE document @@ accord_search_words('minerals')") == 3
    )
    // The logs go on numbering after the copied rows.
    #expect(
      try server.integer(
        "SELECT nextval(pg_get_serial_sequence('change_log', 'id')) - (SELECT max(id) FROM change_log)") == 1)
    #expect(try sandbox.run("check", "--db", database.url).stdout == "ok\n")

    // Again: refused, and the server as it was.
    let before = try server.integer("SELECT count(*) FROM change_log")
    let again = try sandbox.run("copy", "--to", database.url)
    #expect(again.status == 1)
    #expect(
      again.stderr
        == "Error: \(database.name) on \(TeamServer.server) already holds records (its actor table has rows): copy into an empty team database\n"
    )
    #expect(try server.integer("SELECT count(*) FROM change_log") == before)
  }

  @Test func aRecordCopiedToTheServerAndBackExportsByteForByteTheSame() throws {
    #expect(try sandbox.run("example", "--db", sandbox.db).status == 0)
    #expect(
      try sandbox.run("log", "us-ukraine-minerals", "A second round in Riyadh", "--on", "2025-02-18").status
        == 0)
    // A proposal that counters a later one (by number): it goes in after it.
    #expect(
      try sandbox.run(
        "proposal", "add", "us-ukraine-minerals", "An early sketch", "--by", "United States", "--on",
        "2025-02-01"
      ).status == 0)
    #expect(try sandbox.run("proposal", "edit", "1", "--counters", "2").status == 0)
    let database = try TeamServer.Database()
    #expect(try sandbox.run("team", "init", database.url).status == 0)
    #expect(try sandbox.run("copy", "--to", database.url).status == 0)

    let back = sandbox.folder + "/back.sqlite"
    let copy = try sandbox.run("copy", "--from", database.url, "--db", back)
    #expect(copy.status == 0, "\(copy)")
    #expect(
      copy.stdout.hasSuffix(
        " tables from \(database.name) on \(TeamServer.server) to \(back), and compared them\n"))
    for command in [
      ["export", "--format", "ndjson"], ["deals", "--unsigned"], ["timeline", "us-ukraine-minerals"],
      ["history"], ["search", "minerals"],
    ] {
      let original = try sandbox.run(command)
      let copied = try sandbox.run(command + ["--db", back])
      #expect(original.status == 0 && !original.stdout.isEmpty, "\(original)")
      #expect(copied.stdout == original.stdout, "\(command)")
    }
    #expect(try sandbox.run("check", "--db", back).stdout == "ok\n")

    // Never into a file that exists: it stays as it was.
    let bytes = FileManager.default.contents(atPath: sandbox.db)
    let into = try sandbox.run("copy", "--from", database.url)
    #expect(into.status == 1)
    #expect(
      into.stderr
        == "Error: \(sandbox.db) exists: copy --from writes a new file, and never into a record; name a new one\n"
    )
    #expect(FileManager.default.contents(atPath: sandbox.db) == bytes)
  }

  @Test func copyOfAFileBehindTheServersSchemaSaysHowToBringItUp() throws {
    #expect(try sandbox.run("example", "--db", sandbox.db).status == 0)
    // A file as an earlier Accord left it: version 14 (0015 and 0016 change nothing on SQLite).
    let file = try Connection(path: sandbox.db, create: false)
    try file.execute("PRAGMA user_version = 14; DELETE FROM schema_migration WHERE version >= 15")
    let database = try TeamServer.Database()
    #expect(try sandbox.run("team", "init", database.url).status == 0)
    let behind = try sandbox.run("copy", "--to", database.url)
    #expect(behind.status == 1)
    #expect(
      behind.stderr
        == "Error: the file's schema is version 14 and \(database.name) on \(TeamServer.server)'s is \(PostgresMigrator.embedded.latestVersion): bring both to this Accord's ('accord init' on the file, 'accord team init' on the server)\n"
    )
    #expect(try database.connect().integer("SELECT count(*) FROM actor") == 0)
    #expect(try sandbox.run("init", "--db", sandbox.db).status == 0)
    #expect(try sandbox.run("copy", "--to", database.url).status == 0)
  }

  /// The server goes away in the middle of a copy (its backend terminated while it waits for the
  /// change log, after the tables before it went in): one line, exit 1, and nothing of the copy there.
  @Test func aCopyCutOffMidwayLeavesNothingOnTheServer() throws {
    #expect(try sandbox.run("example", "--db", sandbox.db).status == 0)
    let database = try TeamServer.Database()
    #expect(try sandbox.run("team", "init", database.url).status == 0)
    let blocker = try database.connect()
    try blocker.execute("BEGIN; LOCK TABLE change_log IN EXCLUSIVE MODE")
    let copy = try sandbox.start(["copy", "--to", database.url])
    let admin = try PostgresConnection(url: TeamServer.url(database: "postgres"))
    var backend: Int64?
    // Until the copy waits for the change log (a bound against a test gone wrong, not a deadline).
    for _ in 0..<60_000 where backend == nil && copy.poll() == nil {
      backend = try admin.integer(
        """
        SELECT pid FROM pg_stat_activity
        WHERE datname = ? AND wait_event_type = 'Lock' AND query LIKE 'INSERT INTO "change_log"%'
        """, [.text(database.name)])
      if backend == nil { usleep(10_000) }
    }
    let pid = try #require(
      backend, "the copy never waited for the change log: \(copy.poll().map { "\($0)" } ?? "running")")
    #expect(try database.connect().integer("SELECT count(*) FROM actor") == 0, "nothing visible meanwhile")
    _ = try admin.integer("SELECT count(*) FROM pg_terminate_backend(?) WHERE true", [.integer(pid)])
    #expect(copy.wait() == .exited(1))
    try blocker.execute("ROLLBACK")
    let stderr = try String(contentsOfFile: copy.stderrPath, encoding: .utf8)
    #expect(stderr.hasPrefix("Error: the connection to PostgreSQL was lost mid-command ("), "\(stderr)")
    #expect(stderr.hasSuffix("): check the server, then run the command again\n"), "\(stderr)")
    #expect(stderr.split(separator: "\n").count == 1)
    let server = try database.connect()
    for table in ["actor", "negotiation", "proposal", "command", "change_log", "search"] {
      #expect(try server.integer("SELECT count(*) FROM \(table)") == 0, "\(table)")
    }
    // And the copy, run again, goes through.
    #expect(try sandbox.run("copy", "--to", database.url).status == 0)
  }

  @Test func aCopyThatDoesNotCompareEqualIsUndone() throws {
    #expect(try sandbox.run("example", "--db", sandbox.db).status == 0)
    let database = try TeamServer.Database()
    #expect(try sandbox.run("team", "init", database.url).status == 0)
    // A server that changes what it is given: the comparison after the copy must see it.
    try database.connect().execute(
      """
      CREATE FUNCTION test_alter() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN NEW.name := NEW.name || ' (altered)'; RETURN NEW; END $$;
      CREATE TRIGGER zz_alter BEFORE INSERT ON actor FOR EACH ROW EXECUTE FUNCTION test_alter();
      """)
    let copy = try sandbox.run("copy", "--to", database.url)
    #expect(copy.status == 1)
    #expect(
      copy.stderr == "Error: the copy of actor differs from the original at its row 1: nothing was copied\n")
    let server = try database.connect()
    for table in ["actor", "negotiation", "command", "change_log", "search"] {
      #expect(try server.integer("SELECT count(*) FROM \(table)") == 0, "\(table)")
    }
  }

  @Test func aWrongServerOrURLIsOneLine() throws {
    let refused = try sandbox.run("team", "init", "postgresql://127.0.0.1:1/accord")
    #expect(refused.status == 1)
    #expect(refused.stderr.hasPrefix("Error: cannot connect to PostgreSQL at 127.0.0.1:1: "))
    #expect(refused.stderr.split(separator: "\n").count == 1)

    let mistyped = try sandbox.run("team", "init", "postgresq://alice:hunter2@db.example.org/accord")
    #expect(mistyped.status == 64)
    #expect(
      mistyped.stderr
        == "Error: 'postgresq://…' is not a PostgreSQL URL: give one such as postgresql://owner@localhost/accord (see 'accord team init --help')\n"
    )

    let notAURL = try sandbox.run("team", "init", "accord.sqlite")
    #expect(notAURL.status == 64)
    #expect(
      notAURL.stderr
        == "Error: 'accord.sqlite' is not a PostgreSQL URL: give one such as postgresql://owner@localhost/accord (see 'accord team init --help')\n"
    )
  }
}

/// The commands that read a record give the same answers from a team's database as from the file
/// it was copied from: the same lines, the same errors, byte for byte.
@Suite(
  .fileOnly("a file beside the server, run in the file pass"),
  .enabled(if: TeamServer.url != nil, "ACCORD_TEST_PG is not set"))
struct TeamReadingTests {
  /// Every command that works on a team's database (the README's "For a team" lists them).
  static let readings: [[String]] = [
    ["deals"], ["deals", "--unsigned"], ["deals", "--all-drafts", "--format", "json"],
    ["deals", "--as-of", "2025-02-14"], ["deals", "--party", "ukraine"], ["proposal", "list"],
    ["proposal", "show", "1"], ["negotiation", "list"], ["negotiation", "list", "--tag", "minerals"],
    ["negotiation", "show", "us-ukraine-minerals"],
    ["negotiation", "show", "us-ukraine-minerals", "--as-of", "2025-02-14"],
    ["actor", "list"], ["actor", "list", "--kind", "person"], ["actor", "show", "vance"],
    ["actor", "show", "ukraine"],
    ["timeline", "us-ukraine-minerals"], ["positions", "us-ukraine-minerals"], ["deadlines"],
    ["condition", "list"], ["condition", "show", "1"], ["source", "list"], ["source", "show", "epoch-times"],
    ["source", "show", "amanpour-interview", "--include-retracted"], ["meeting", "list"],
    ["meeting", "show", "1"], ["quote", "list"], ["quote", "list", "--speaker", "zelenskyy"],
    ["development", "list"], ["report", "us-ukraine-minerals"],
    ["report", "us-ukraine-minerals", "--format", "html"],
    ["export", "--format", "ndjson"], ["export", "--format", "json"],
    ["negotiation", "show", "no-such-talks"], ["deals", "--negotiation", "minerals-deal"],
    // Search: the same facts, ranked alike (ts_rank normalised by length, as bm25 favours short
    // texts), with the same snippets (cut by FTS5 on both), and the same usage errors.
    ["search", "minerals"], ["search", "guarant*"], ["search", "security guarantees"],
    ["search", "\"security guarantees\""], ["search", "title:minerals"], ["search", "Munchen"],
    ["search", "{title body}:minerals"], ["search", "US-Ukraine"], ["search", "minerals NOT rare"],
    ["search", "deal", "--limit", "2", "--page", "2"], ["search", "United States"],
    ["search", "zelenskyy", "--negotiation", "us-ukraine-minerals", "--from", "2025-02-14"],
    ["search", "minerals", "--actor", "united-states"], ["search", "\"—\""],
    ["search", "title:(rare OR x) minerals"], ["search", "minerals AND"], ["search", "(minerals"],
    ["search", "{bogus}:x"], ["search", "NEAR(a b, x)"],
    // The log: every change, what concerns one record (its rows, the rows that point at it, its
    // retraction), and what changed since a day, in words.
    ["history"], ["history", "--limit", "3", "--format", "json"], ["history", "actor", "zelenskyy"],
    ["history", "quote", "2"], ["history", "actor", "amanpour"],
    ["history", "negotiation", "us-ukraine-minerals"],
    ["history", "citation", "3"], ["changes", "--since", "2020-01-01"],
    ["changes", "--since", "2020-01-01", "--format", "json"],
  ]

  @Test func aTeamDatabaseAnswersAsTheFileItWasCopiedFrom() throws {
    let sandbox = try Sandbox()
    #expect(try sandbox.run("example", "--db", sandbox.db).status == 0)
    #expect(
      try sandbox.run("log", "us-ukraine-minerals", "A second round in Riyadh", "--on", "2025-02-18").status
        == 0)
    #expect(
      try sandbox.run("deadline", "add", "us-ukraine-minerals", "Reply due", "--on", "2025-03-01").status == 0
    )
    // Retractions of a record with a short id and of one with a number only (export names each).
    #expect(try sandbox.run("retract", "quote", "2", "--reason", "misquoted").status == 0)
    #expect(try sandbox.run("retract", "actor", "amanpour", "--reason", "a duplicate").status == 0)
    let database = try TeamServer.Database()
    #expect(try sandbox.run("team", "init", database.url).status == 0)
    #expect(try sandbox.run("copy", "--to", database.url).status == 0)
    for reading in Self.readings {
      let file = try sandbox.run(reading)
      let team = try sandbox.run(reading + ["--db", database.url])
      #expect(!(file.stdout + file.stderr).isEmpty, "\(reading)")
      #expect(team.stdout == file.stdout, "\(reading)")
      #expect(team.stderr == file.stderr, "\(reading)")
      #expect(team.status == file.status, "\(reading)")
    }
  }

  /// Searches whose ranking differs between bm25 and ts_rank: the same hits, with the same
  /// snippets, in another order.
  static let searchesRankedOtherwise: [[String]] = [
    ["search", "NEAR(rare minerals, 2)"], ["search", "deal OR minerals", "--format", "csv"],
  ]

  @Test func aTeamSearchFindsWhatTheFileFindsAndRefusesWhatItsIndexCannotSay() throws {
    let sandbox = try Sandbox()
    #expect(try sandbox.run("example", "--db", sandbox.db).status == 0)
    let database = try TeamServer.Database()
    #expect(try sandbox.run("team", "init", database.url).status == 0)
    #expect(try sandbox.run("copy", "--to", database.url).status == 0)
    for search in Self.searchesRankedOtherwise {
      let file = try sandbox.run(search)
      let team = try sandbox.run(search + ["--db", database.url])
      #expect(
        file.status == 0 && file.stdout.split(whereSeparator: \.isNewline).count > 2, "\(search): \(file)")
      #expect(
        team.stdout.split(whereSeparator: \.isNewline).sorted()
          == file.stdout.split(whereSeparator: \.isNewline).sorted())
      #expect(team.stdout != file.stdout, "\(search) is ranked alike: it belongs in readings")
    }
    // A field's first word, and NEAR of three phrases, cannot be asked of a tsvector: refused in
    // one line (a usage error), where the file answers.
    for (query, reason) in [
      ("^access", "^ (a field's first word) works in a file's search only, not on a team's database"),
      (
        "NEAR(rare minerals deal)",
        "NEAR of more than two phrases works in a file's search only, not on a team's database"
      ),
    ] {
      #expect(try sandbox.run("search", query).status == 0)
      let team = try sandbox.run("search", query, "--db", database.url)
      #expect(team.status == 64, "\(team)")
      #expect(team.stdout == "")
      #expect(
        team.stderr
          == "Error: cannot search for '\(query)': \(reason); write words, \"a phrase\", a prefix* and AND, OR, NOT or ( ) between them\n"
      )
    }
    // A fact recorded on the server is found at once (the index's trigger), with its accents.
    #expect(
      try sandbox.run("log", "us-ukraine-minerals", "Talks moved to Łódź and München", "--db", database.url)
        .status == 0)
    let found = try sandbox.run("search", "lodz munchen", "--db", database.url)
    #expect(found.status == 0)
    #expect(found.stdout.contains("development  2 "), "\(found)")
  }

  @Test func aTeamDatabaseWithoutTheRecordOrBehindItSaysWhatToDo() throws {
    let sandbox = try Sandbox()
    let database = try TeamServer.Database()
    let empty = try sandbox.run("deals", "--db", database.url)
    #expect(empty.status == 1)
    #expect(
      empty.stderr
        == "Error: \(database.name) on \(TeamServer.server) holds no Accord record yet: its owner makes one with 'accord team init URL'\n"
    )
    #expect(try sandbox.run("team", "init", database.url).status == 0)
    try database.connect().execute("UPDATE accord_schema SET version = 15")
    let behind = try sandbox.run("negotiation", "list", "--db", database.url)
    #expect(behind.status == 1)
    #expect(
      behind.stderr
        == "Error: \(database.name) on \(TeamServer.server)'s schema is version 15, behind this Accord's (\(PostgresMigrator.embedded.latestVersion)): its owner brings it up to date with 'accord team init URL'\n"
    )
  }
}

/// The commands that write do on a team's database what they do on a file: the README's tour, run
/// on both, prints the same lines, command after command; the command log names the role that
/// signed in; a reader's write is refused in one line and writes nothing.
@Suite(
  .fileOnly("a file beside the server, run in the file pass"),
  .enabled(if: TeamServer.url != nil, "ACCORD_TEST_PG is not set"))
struct TeamWritingTests {
  /// Commands of the tour that name what they work on (the file, or the server), and so print
  /// otherwise on each (TeamCommandTests has their own tests).
  static let notYet: [[String]] = [
    ["backup"], ["check"],
  ]

  /// The log quotes each command line, with the --db it named, and when it ran: the same once
  /// each is DB and TIME (and a table's columns as wide as what is in them).
  static func alike(_ text: String, _ db: String) -> String {
    text.replacing("'\(db)'", with: "DB").replacing(db, with: "DB")
      .replacing(/\d{4}-\d\d-\d\d[T ]\d\d:\d\d(:\d\d\.\d+Z)?/, with: "TIME")
      .split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
  }

  /// Through pgbouncer in session mode, as README's "For a team" sets it up to keep the server's
  /// sessions (and what each has learnt of the schema) warm between commands: the tour prints
  /// what it prints on a direct connection, command after command; every command is closed, and
  /// no session keeps the writers' lock.
  @Test(.enabled(if: TeamServer.bouncer != nil, "ACCORD_TEST_PGBOUNCER is not set"))
  func theTourThroughPgBouncerWritesAndReadsAsDirectly() throws {
    let sandbox = try Sandbox()
    let direct = try TeamServer.Database()
    let pooled = try TeamServer.Database()
    #expect(try sandbox.run("team", "init", direct.url).status == 0)
    #expect(try sandbox.run("team", "init", pooled.url).status == 0)
    let bouncer = TeamServer.bouncerURL(database: pooled.name)
    var compared = 0
    for words in try ReadmeTourTests.tourCommands() {
      let command = Array(words.dropFirst())
      if Self.notYet.contains(where: { command.starts(with: $0) }) { continue }
      let one = try sandbox.run(command + ["--db", direct.url])
      let other = try sandbox.run(command + ["--db", bouncer])
      #expect(other.status == one.status, "\(command): \(other)")
      #expect(Self.alike(other.stdout, bouncer) == Self.alike(one.stdout, direct.url), "\(command)")
      #expect(other.stderr == one.stderr, "\(command)")
      compared += 1
    }
    #expect(compared > 50)
    let server = try pooled.connect()
    #expect(try server.integer("SELECT count(*) FROM command WHERE open = 1") == 0)
    // This database's advisory locks only: the other tests' writers hold theirs at the same time.
    #expect(
      try server.integer(
        """
        SELECT count(*) FROM pg_locks l JOIN pg_database d ON d.oid = l.database
        WHERE l.locktype = 'advisory' AND d.datname = current_database()
        """) == 0)
    #expect(
      try server.integer("SELECT count(*) FROM command")
        == direct.connect().integer("SELECT count(*) FROM command"))
  }

  @Test func theReadmeTourWritesAndReadsTheSameOnATeamDatabase() throws {
    let sandbox = try Sandbox()
    let database = try TeamServer.Database()
    #expect(try sandbox.run("team", "init", database.url).status == 0)
    var compared = 0
    let server = try database.connect()
    let user = try #require(
      try server.first("SELECT session_user", []) { row throws(PostgresError) in row.text(0) })
    for words in try ReadmeTourTests.tourCommands() {
      let command = Array(words.dropFirst())
      if Self.notYet.contains(where: { command.starts(with: $0) }) { continue }
      // The file's analyst is named as the server names the login, so that the log reads alike.
      let file = try sandbox.run(command + ["--db", sandbox.db], environment: ["ACCORD_ANALYST": user])
      let team = try sandbox.run(command + ["--db", database.url])
      #expect(file.status == 0, "\(command): \(file)")
      if ["history", "changes", "undo"].contains(command[0]) {
        #expect(Self.alike(team.stdout, database.url) == Self.alike(file.stdout, sandbox.db), "\(command)")
        #expect(!team.stdout.isEmpty, "\(command)")
      } else {
        #expect(team.stdout == file.stdout, "\(command)")
      }
      #expect(team.stderr == file.stderr, "\(command)")
      #expect(team.status == file.status, "\(command)")
      compared += 1
    }
    #expect(compared > 50)
    // Every command is on the log under the role that signed in, and none is left open.
    #expect(
      try server.all("SELECT DISTINCT analyst FROM command ORDER BY 1", []) { row throws(PostgresError) in
        row.text(0)
      }
        == [user])
    #expect(try server.integer("SELECT count(*) FROM command WHERE open = 1") == 0)
    // The tour's retraction, undone at its end, was made under the role too.
    #expect(
      try server.all(
        "SELECT DISTINCT CAST(before AS json) ->> 'analyst' FROM change_log WHERE table_name = 'retraction' AND before IS NOT NULL",
        []
      ) { row throws(PostgresError) in row.text(0) } == [user])
  }

  /// `undo` on the server takes back the latest commands of the role that signed in (whatever
  /// `$ACCORD_ANALYST` says), row for row: the record exports as it did before; undone again, it
  /// is redone; and a later change by another analyst stops it, writing nothing.
  @Test func aTeamUndoTakesBackTheLoginsCommandsExactly() throws {
    let sandbox = try Sandbox()
    #expect(try sandbox.run("example", "--db", sandbox.db).status == 0)
    let database = try TeamServer.Database()
    #expect(try sandbox.run("team", "init", database.url).status == 0)
    #expect(try sandbox.run("copy", "--to", database.url).status == 0)
    let db = ["--db", database.url]
    let export = ["export", "--format", "ndjson"] + db
    let before = try sandbox.run(export).stdout
    #expect(try sandbox.run(["quote", "edit", "2", "--text", "Not in our interest."] + db).status == 0)
    #expect(try sandbox.run(["meeting", "edit", "1", "--at", "Munich"] + db).status == 0)
    #expect(try sandbox.run(["retract", "quote", "3", "--reason", "a duplicate"] + db).status == 0)
    let edited = try sandbox.run(export).stdout
    #expect(edited != before)

    let undo = try sandbox.run(
      ["undo", "--steps", "3"] + db, environment: ["ACCORD_ANALYST": "someone-else"])
    #expect(undo.status == 0, "\(undo)")
    #expect(undo.stdout.split(separator: "\n").count == 3)
    #expect(try sandbox.run(export).stdout == before)
    // The latest undo (of the quote's edit) undone: the edit is back, and undone once more.
    #expect(try sandbox.run(["undo"] + db).stdout.hasPrefix("Redid command "))
    #expect(try sandbox.run(["quote", "list"] + db).stdout.contains("Not in our interest."))
    #expect(try sandbox.run(["undo"] + db).status == 0)
    #expect(try sandbox.run(export).stdout == before)

    // Another analyst's later change to the same row stands in the way.
    let (alice, url) = try database.login("writer", in: "accord_writer")
    #expect(try sandbox.run(["meeting", "edit", "1", "--at", "Munich"] + db).status == 0)
    #expect(try sandbox.run("meeting", "edit", "1", "--at", "Munich, Germany", "--db", url).status == 0)
    let server = try database.connect()
    let changes = try server.integer("SELECT count(*) FROM change_log")
    let refused = try sandbox.run(["undo"] + db)
    #expect(refused.status == 1)
    #expect(
      refused.stderr.contains(
        "a later change by \(alice) touched the same record (meeting [1]); nothing was written"))
    #expect(try server.integer("SELECT count(*) FROM change_log") == changes)
    #expect(try sandbox.run(["history", "meeting", "1"] + db).stdout.contains(alice))
  }

  /// `actor merge` on the server moves what it moves on a file: a reference that would duplicate
  /// one the other actor has (the same meeting, the same party) is dropped, not moved, as SQLite's
  /// UPDATE OR IGNORE drops it; and `undo` puts everything back.
  @Test func aTeamMergeMovesAndDropsWhatAFileDoes() throws {
    let sandbox = try Sandbox()
    #expect(try sandbox.run("example", "--db", sandbox.db).status == 0)
    let database = try TeamServer.Database()
    #expect(try sandbox.run("team", "init", database.url).status == 0)
    #expect(try sandbox.run("copy", "--to", database.url).status == 0)
    let before = try sandbox.run("export", "--format", "ndjson", "--db", database.url).stdout
    for db in [sandbox.db, database.url] {
      for command in [
        ["actor", "add", "V. Zelensky", "--kind", "person", "--id", "v-zelensky"],
        ["negotiation", "join", "us-ukraine-minerals", "v-zelensky", "zelenskyy", "--as", "mediator"],
        [
          "meeting", "add", "us-ukraine-minerals", "--on", "2025-02-20", "--with", "v-zelensky", "--with",
          "zelenskyy",
        ],
        [
          "quote", "add", "--by", "v-zelensky", "--on", "2025-02-20", "Talks go on.", "--negotiation",
          "us-ukraine-minerals",
        ],
      ] {
        let result = try sandbox.run(command + ["--db", db])
        #expect(result.status == 0, "\(command): \(result)")
      }
    }
    let file = try sandbox.run("actor", "merge", "v-zelensky", "zelenskyy", "--db", sandbox.db)
    let team = try sandbox.run("actor", "merge", "v-zelensky", "zelenskyy", "--db", database.url)
    #expect(file.status == 0, "\(file)")
    #expect(team.stdout == file.stdout)
    #expect(team.stderr == file.stderr)
    for reading in [
      ["export", "--format", "ndjson"], ["meeting", "show", "2"], ["actor", "show", "zelenskyy"],
      ["negotiation", "show", "us-ukraine-minerals"], ["quote", "list", "--by", "zelenskyy"],
    ] {
      // The same records, each stamped when it was written to each, and retracted by each's analyst.
      func alike(_ text: String) -> String {
        text.replacing(/"(recorded_at|retracted_at|analyst)":"[^"]*"/, with: "")
      }
      let fileReads = try sandbox.run(reading + ["--db", sandbox.db])
      #expect(fileReads.status == 0, "\(reading): \(fileReads)")
      #expect(
        alike(try sandbox.run(reading + ["--db", database.url]).stdout) == alike(fileReads.stdout),
        "\(reading)")
    }
    let undo = try sandbox.run("undo", "--steps", "5", "--db", database.url)
    #expect(undo.status == 0, "\(undo)")
    #expect(try sandbox.run("export", "--format", "ndjson", "--db", database.url).stdout == before)
  }

  /// Eight analysts, each signed in as their own role, log at once, three rounds of eight: every
  /// command ends well (a serialization failure is retried), and every development is there once,
  /// on the log under the analyst who wrote it.
  @Test func eightAnalystsLoggingAtOnceLoseNothing() throws {
    let sandbox = try Sandbox()
    #expect(try sandbox.run("example", "--db", sandbox.db).status == 0)
    let database = try TeamServer.Database()
    #expect(try sandbox.run("team", "init", database.url).status == 0)
    #expect(try sandbox.run("copy", "--to", database.url).status == 0)
    let logins = try (1...8).map { try database.login("analyst\($0)", in: "accord_writer") }
    let analysts = logins.map(\.role)
    func url(_ analyst: String) -> String { logins.first { $0.role == analyst }?.url ?? "" }
    for round in 1...3 {
      let children = try analysts.map { analyst in
        try sandbox.start([
          "log", "us-ukraine-minerals", "Round \(round) by \(analyst)", "--on", "2025-03-0\(round)",
          "--actor", "ukraine", "--db", url(analyst),
        ])
      }
      for child in children {
        #expect(
          child.wait() == .exited(0),
          "\((try? String(contentsOfFile: child.stderrPath, encoding: .utf8)) ?? "")")
      }
    }
    let server = try database.connect()
    #expect(try server.integer("SELECT count(*) FROM development") == 1 + 24)
    #expect(try server.integer("SELECT count(DISTINCT text) FROM development") == 1 + 24)
    #expect(try server.integer("SELECT count(*) FROM command WHERE open = 1") == 0)
    for analyst in analysts {
      #expect(
        try server.integer(
          """
          SELECT count(*) FROM change_log l JOIN command c ON c.id = l.command_id
          JOIN development d ON l.table_name = 'development' AND l.row_key = '[' || d.id || ']'
          WHERE l.operation = 'insert' AND c.analyst = ? AND d.text LIKE 'Round % by ' || ?
          """, [.text(analyst), .text(analyst)]) == 3, "\(analyst)")
    }
    // Each development has its actor, and the search finds each round's eight.
    #expect(try server.integer("SELECT count(*) FROM development_actor") == 1 + 24)
    let found = try sandbox.run(
      "search", "\"Round 2\"", "--limit", "50", "--format", "csv", "--db", database.url)
    #expect(found.stdout.split(whereSeparator: \.isNewline).count == 1 + 8, "\(found)")
  }

  /// A writer with psql cannot put work in a colleague's name: a command or a retraction that
  /// names another analyst is refused, and so is a change logged under another's command; the
  /// database's owner (who copies a file's log) may.
  @Test func aWriterCannotWriteInAnothersName() throws {
    let sandbox = try Sandbox()
    #expect(try sandbox.run("example", "--db", sandbox.db).status == 0)
    let database = try TeamServer.Database()
    #expect(try sandbox.run("team", "init", database.url).status == 0)
    #expect(try sandbox.run("copy", "--to", database.url).status == 0)
    let (mallory, url) = try database.login("mallory", in: "accord_writer")
    let writer = try PostgresConnection(url: url)
    let owner = try database.connect()
    let before = try owner.integer("SELECT count(*) FROM change_log")
    for (forgery, message) in [
      (
        "INSERT INTO command (analyst, arguments) VALUES ('alice', 'accord log …')",
        "command.analyst is who signed in (\(mallory)), not alice"
      ),
      (
        "INSERT INTO retraction (record_table, record_id, reason, analyst) VALUES ('statement', 1, 'x', 'alice')",
        "retraction.analyst is who signed in (\(mallory)), not alice"
      ),
      (
        "INSERT INTO change_log (command_id, table_name, row_key, operation) VALUES (1, 'actor', '[1]', 'insert')",
        "change_log.command_id is the command \(mallory) has open, not 1"
      ),
    ] {
      let error = #expect(throws: PostgresError.self) { try writer.execute(forgery) }
      #expect(error?.description.contains(message) == true, "\(String(describing: error))")
    }
    #expect(try owner.integer("SELECT count(*) FROM change_log") == before)
    // Accord itself, signed in as the writer, writes under the writer's name.
    #expect(
      try sandbox.run("retract", "quote", "1", "--reason", "a duplicate", "--db", url).status == 0)
    #expect(
      try owner.first("SELECT analyst FROM retraction WHERE record_table = 'statement'", []) {
        row throws(PostgresError) in row.text(0)
      } == mallory)
  }

  @Test func aReadersWriteIsRefusedInOneLineAndWritesNothing() throws {
    let sandbox = try Sandbox()
    #expect(try sandbox.run("example", "--db", sandbox.db).status == 0)
    let database = try TeamServer.Database()
    #expect(try sandbox.run("team", "init", database.url).status == 0)
    #expect(try sandbox.run("copy", "--to", database.url).status == 0)
    let (_, url) = try database.login("reader", in: "accord_reader")
    let server = try database.connect()
    let before = try server.integer("SELECT count(*) FROM change_log")
    let read = try sandbox.run("deals", "--db", url)
    #expect(read.status == 0, "\(read)")
    let write = try sandbox.run(
      "log", "us-ukraine-minerals", "A second round in Riyadh", "--on", "2025-02-18", "--db", url)
    #expect(write.status == 1, "\(write)")
    #expect(write.stdout == "")
    #expect(
      write.stderr
        == "Error: permission denied for table command: this role may not do that (a member of accord_reader only reads); ask the database's owner\n"
    )
    #expect(try server.integer("SELECT count(*) FROM change_log") == before)
    #expect(try server.integer("SELECT count(*) FROM development") == 1)
  }
}

/// The commands that do not run on PostgreSQL say so, in one line, before they connect (the
/// URL here names no server), and make no file of that name. Needs no server.
@Suite(.fileOnly("run in the file pass")) struct TeamDatabaseRefusalTests {
  @Test(arguments: [
    ["generate", "--negotiations", "1", "--db", "postgres://127.0.0.1:1/accord"],
    ["init", "--db", "postgresql://127.0.0.1:1/accord"],
  ])
  func aCommandOnAFileOnlyRefusesAURL(_ arguments: [String]) throws {
    let sandbox = try Sandbox()
    let result = try sandbox.run(arguments)
    #expect(result.status == 1, "\(result)")
    #expect(result.stdout == "")
    #expect(
      result.stderr
        == "Error: this command works on an SQLite file, not on a team's PostgreSQL database (the README's 'For a team' lists the commands that work there): give --db an SQLite file\n"
    )
    #expect(
      try FileManager.default.contentsOfDirectory(atPath: sandbox.folder).filter { $0.hasPrefix("postgres") }
        == [])
  }

  @Test func theExampleGoesToAFileBesideTheDefaultWhenACCORD_DBIsAURL() throws {
    let sandbox = try Sandbox()
    let result = try sandbox.run(["example"], environment: ["ACCORD_DB": "postgresql://127.0.0.1:1/accord"])
    #expect(result.status == 0, "\(result)")
    // The sandbox sets XDG_DATA_HOME to its xdg folder: the default record's folder.
    #expect(
      result.stdout.hasPrefix("Loaded the worked example into \(sandbox.folder)/xdg/accord/example.sqlite\n"),
      "\(result)")
  }
}

/// The server of ``TeamCommandTests``, and a database of each test's own on it.
enum TeamServer {
  static let url: String? = TestEngine.serverURL

  /// pgbouncer in front of the test server (`scripts/pg-test-server start`, when it is installed).
  static let bouncer: String? = ProcessInfo.processInfo.environment["ACCORD_TEST_PGBOUNCER"].flatMap {
    $0.isEmpty ? nil : $0
  }

  /// `bouncer` with another database.
  static func bouncerURL(database: String) -> String {
    guard let bouncer, var components = URLComponents(string: bouncer) else { return "" }
    components.path = "/" + database
    return components.string ?? bouncer
  }

  /// HOST:PORT, as Accord names the server.
  static var server: String {
    let components = url.flatMap { URLComponents(string: $0) }
    return "\(components?.host ?? "?"):\(components?.port ?? 5432)"
  }

  /// `url` with another database.
  static func url(database: String) -> String { TestEngine.url(database: database) }

  /// An empty database, dropped when the test is done with it.
  final class Database {
    let name =
      "accord_cli_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(12).lowercased()
    var url: String { TeamServer.url(database: name) }

    init() throws {
      try PostgresConnection(url: TeamServer.url(database: "postgres")).execute("CREATE DATABASE \(name)")
    }

    func connect() throws -> PostgresConnection { try PostgresConnection(url: url) }

    /// The logins made for this database's test, dropped with it.
    private var logins: [String] = []

    /// A login of the test's own (roles belong to the whole server: its name ends in the
    /// database's), a member of `group` (accord_writer or accord_reader), and the URL that signs
    /// in as it.
    func login(_ name: String, in group: String) throws -> (role: String, url: String) {
      let role = "accord_test_\(name)_" + self.name.suffix(12)
      try PostgresConnection(url: TeamServer.url(database: "postgres")).execute(
        "CREATE ROLE \(role) LOGIN IN ROLE \(group)")
      logins.append(role)
      var components = URLComponents(string: url)
      components?.user = role
      return (role, components?.string ?? url)
    }

    deinit {
      let admin = try? PostgresConnection(url: TeamServer.url(database: "postgres"))
      try? admin?.execute("DROP DATABASE IF EXISTS \(name) WITH (FORCE)")
      for role in logins { try? admin?.execute("DROP ROLE IF EXISTS \(role)") }
    }
  }
}
