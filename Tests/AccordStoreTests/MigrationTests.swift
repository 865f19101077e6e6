import AccordSQLite
import AccordTestEngine
import Foundation
import Testing

@testable import AccordStore

/// The schema's migrations: embedded at build time, applied once each, and never laid over a
/// database that is not Accord's or is newer than this Accord.
@Suite struct MigrationTests {
  /// `Migrations/` at the package's root, found from this file's path.
  static let migrationsFolder = URL(filePath: #filePath)
    .deletingLastPathComponent()  // AccordStoreTests
    .deletingLastPathComponent()  // Tests
    .deletingLastPathComponent()  // the package
    .appending(path: "Migrations", directoryHint: .isDirectory)

  @Test func embeddedMigrationsAreTheFilesInMigrations() throws {
    let files = try FileManager.default
      .contentsOfDirectory(at: Self.migrationsFolder, includingPropertiesForKeys: nil)
      .filter { $0.pathExtension == "sql" }
      .sorted { $0.lastPathComponent < $1.lastPathComponent }
    try #require(!files.isEmpty, "no migrations found in \(Self.migrationsFolder.path)")
    let onDisk = try files.map { file -> Migration in
      let stem = file.deletingPathExtension().lastPathComponent
      let parts = stem.split(separator: "_", maxSplits: 1)
      try #require(parts.count == 2 && parts[0].count == 4, "badly named migration \(stem)")
      let version = try #require(Int(parts[0]))
      return Migration(
        version: version, name: String(parts[1]), sql: try String(contentsOf: file, encoding: .utf8)
      )
    }
    #expect(Migration.embedded.map(\.version) == onDisk.map(\.version))
    #expect(Migration.embedded.map(\.name) == onDisk.map(\.name))
    for (embedded, file) in zip(Migration.embedded, onDisk) {
      // Byte for byte, not merely equal as Swift strings (which compare canonically).
      #expect(Array(embedded.sql.utf8) == Array(file.sql.utf8), "migration \(file.version) differs")
    }
    #expect(Migration.embedded.first?.version == 1)
    #expect(Migration.embedded.first?.name == "core")
    // Versions count up one at a time.
    #expect(Migration.embedded.map(\.version) == Array(1...Migration.embedded.count))
    #expect(Migrator().latestVersion == Migration.embedded.count)
  }

  @Test(.fileOnly) func aNewDatabaseIsMigratedAndMarked() throws {
    let store = try makeStore()
    let connection = try #require(store.file)
    #expect(try Migrator.version(of: connection) == Migrator().latestVersion)
    #expect(try connection.integer("PRAGMA user_version") == Int64(Migrator().latestVersion))
    #expect(try connection.integer("PRAGMA application_id") == Migrator.applicationID)
    let recorded = try connection.all("SELECT version, name FROM schema_migration ORDER BY version") {
      (Int($0.integer(0)), $0.text(1))
    }
    #expect(recorded.map(\.0) == Migration.embedded.map(\.version))
    #expect(recorded.map(\.1) == Migration.embedded.map(\.name))
    // The views of the migration exist and can be queried.
    for view in [
      "proposal_status", "unsigned_deal", "condition_status", "quote", "condition", "condition_answer",
      "step",
      "negotiation_meeting",
    ] {
      #expect(try connection.integer("SELECT count(*) FROM \(view)") == 0)
    }
  }

  @Test func migratingTwiceChangesNothing() throws {
    try withTemporaryFolder { folder in
      let path = folder.appending(path: "accord.sqlite").path
      let firstRows: [String]
      do {
        let store = try AccordStore(path: path, today: fixedToday)
        try store.addActor(NewActor(name: "Ukraine", kind: .state, code: "UKR"))
        firstRows = try store.connection.all(
          "SELECT version || ' ' || name || ' ' || applied_at FROM schema_migration"
        ) {
          $0.text(0)
        }
        // Migrating an up-to-date connection again is a no-op.
        try Migrator().migrate(try #require(store.file))
        #expect(
          try store.connection.all(
            "SELECT version || ' ' || name || ' ' || applied_at FROM schema_migration"
          ) { $0.text(0) } == firstRows)
      }
      #expect(firstRows.count == Migration.embedded.count)
      // Opening the file again migrates nothing and keeps what was written.
      let reopened = try AccordStore(path: path, today: fixedToday)
      let rows = try reopened.connection.all(
        "SELECT version || ' ' || name || ' ' || applied_at FROM schema_migration"
      ) {
        $0.text(0)
      }
      #expect(rows == firstRows)
      #expect(try Migrator.version(of: try #require(reopened.file)) == Migrator().latestVersion)
      #expect(try reopened.actors().map(\.name) == ["Ukraine"])
      #expect(try reopened.connection.first("PRAGMA journal_mode") { $0.text(0) } == "wal")
    }
  }

  @Test func migrationsApplyInOrderFromTheRecordedVersion() throws {
    let connection = try Connection(path: ":memory:")
    let one = Migration(version: 1, name: "one", sql: "CREATE TABLE a (x INTEGER) STRICT;")
    let two = Migration(
      version: 2, name: "two", sql: "CREATE TABLE b (y TEXT) STRICT; INSERT INTO a VALUES (2);")
    try Migrator(migrations: [one]).migrate(connection)
    #expect(try Migrator.version(of: connection) == 1)
    try Migrator(migrations: [one, two]).migrate(connection)
    #expect(try Migrator.version(of: connection) == 2)
    // Migration 1 ran once, migration 2 once.
    #expect(
      try connection.all("SELECT version, name FROM schema_migration ORDER BY version") {
        "\($0.integer(0)) \($0.text(1))"
      } == ["1 one", "2 two"])
    #expect(try count("a", in: connection) == 1)
    try Migrator(migrations: [one, two]).migrate(connection)
    #expect(try count("a", in: connection) == 1)
    #expect(try count("schema_migration", in: connection) == 2)
  }

  /// A record made by the schema of migrations 1–4 (written with the sqlite3 shell's SQL, as an
  /// older Accord wrote it) comes through 0005's rebuild of `proposal_step` and `participant` whole:
  /// every row, every id, every citation and the change log still point where they did.
  @Test func aRecordOfSchemaFourCarriesOverToTheLifecycle() throws {
    let connection = try Connection(path: ":memory:")
    let four = Array(Migration.embedded.prefix { $0.version <= 4 })
    try Migrator(migrations: four).migrate(connection)
    try connection.execute(
      """
      INSERT INTO command (analyst, arguments) VALUES ('ana', 'accord …');
      INSERT INTO actor (slug, name, kind) VALUES ('ukraine', 'Ukraine', 'state'), ('us', 'United States', 'state');
      INSERT INTO negotiation (slug, title, title_key) VALUES ('minerals', 'Minerals', 'minerals');
      INSERT INTO participant VALUES (1, 1, 'party'), (1, 2, 'party'), (1, 2, 'mediator');
      INSERT INTO proposal (slug, negotiation_id, title, title_key, tabled_by) VALUES ('offer', 1, 'Offer', 'offer', 2);
      INSERT INTO proposal_step (proposal_id, step, date, date_first, date_last) VALUES (1, 'tabled', '2025-02', '2025-02-01', '2025-02-28');
      INSERT INTO proposal_step (proposal_id, step, party_id, date, date_first, date_last, note)
        VALUES (1, 'rejected', 1, '2025-02-15', '2025-02-15', '2025-02-15', 'not in our interest today');
      INSERT INTO source (slug, title) VALUES ('epoch', 'A report');
      INSERT INTO citation (source_id, step_id) VALUES (1, 2);
      UPDATE command SET open = 0;
      INSERT INTO retraction (record_table, record_id, reason, analyst) VALUES ('proposal_step', 1, 'test', 'ana');
      """)
    let stepsBefore = try connection.all(
      "SELECT id, proposal_id, step, party_id, date, note FROM proposal_step ORDER BY id"
    ) {
      "\($0.integer(0)) \($0.integer(1)) \($0.text(2)) \($0.optionalInteger(3) ?? 0) \($0.text(4)) \($0.optionalText(5) ?? "")"
    }
    let logBefore = try count("change_log", in: connection)
    try Migrator().migrate(connection)
    #expect(try Migrator.version(of: connection) == Migrator().latestVersion)
    let stepsAfter = try connection.all(
      "SELECT id, proposal_id, step, party_id, date, note FROM proposal_step ORDER BY id"
    ) {
      "\($0.integer(0)) \($0.integer(1)) \($0.text(2)) \($0.optionalInteger(3) ?? 0) \($0.text(4)) \($0.optionalText(5) ?? "")"
    }
    #expect(stepsAfter == stepsBefore)
    #expect(
      try connection.all("SELECT negotiation_id, actor_id, role, event, date FROM participant ORDER BY id") {
        "\($0.integer(0)) \($0.integer(1)) \($0.text(2)) \($0.text(3)) \($0.optionalText(4) ?? "-")"
      } == ["1 1 party joined -", "1 2 mediator joined -", "1 2 party joined -"])
    #expect(try connection.integer("SELECT step_id FROM citation") == 2)
    #expect(try connection.all("PRAGMA foreign_key_check") { $0.text(0) }.isEmpty)
    // The rebuild itself is not on the change log; what comes after it is, with the new columns.
    #expect(try count("change_log", in: connection) == logBefore)
    try connection.execute(
      "INSERT INTO proposal_step (proposal_id, step, date, date_first, date_last, label) VALUES (1, 'milestone', '2025-03-01', '2025-03-01', '2025-03-01', 'Review')"
    )
    try connection.execute("UPDATE proposal_step SET label = 'Review' WHERE step = 'milestone'")
    #expect(
      try connection.first("SELECT json_extract(after, '$.label') FROM change_log ORDER BY id DESC LIMIT 1") {
        $0.text(0)
      } == "Review")
    // The views answer over the rebuilt tables: the retracted tabling is not in the current record.
    #expect(try connection.integer("SELECT count(*) FROM current_proposal_step") == 2)
    #expect(try connection.integer("SELECT count(*) FROM participant_today") == 3)
    // The search index still finds the rejection's note, and the milestone by its name.
    #expect(try connection.integer("SELECT count(*) FROM search WHERE search MATCH 'interest'") == 1)
    #expect(try connection.integer("SELECT count(*) FROM search WHERE search MATCH 'review'") == 1)
  }

  /// Schema 5 kept answers as positions (`answers_id`); schema 6 numbers them apart, in their
  /// order, and carries their citations and retractions over to them.
  @Test func aRecordOfSchemaFiveCarriesItsAnswersOver() throws {
    let connection = try Connection(path: ":memory:")
    let five = Array(Migration.embedded.prefix { $0.version <= 5 })
    try Migrator(migrations: five).migrate(connection)
    try connection.execute(
      """
      INSERT INTO command (analyst, arguments) VALUES ('ana', 'accord …');
      INSERT INTO actor (slug, name, kind) VALUES ('ukraine', 'Ukraine', 'state'), ('us', 'United States', 'state');
      INSERT INTO negotiation (slug, title, title_key) VALUES ('minerals', 'Minerals', 'minerals');
      INSERT INTO term (negotiation_id, text, text_key) VALUES (1, 'guarantees', 'guarantees'), (1, 'repayment', 'repayment');
      INSERT INTO position (negotiation_id, actor_id, term_id, stance, date, date_first, date_last)
        VALUES (1, 1, 1, 'precondition', '2025-02-15', '2025-02-15', '2025-02-15');
      INSERT INTO position (negotiation_id, actor_id, term_id, stance, answers_id, date, date_first, date_last, note)
        VALUES (1, 2, 1, 'rejects', 1, '2025-02-20', '2025-02-20', '2025-02-20', 'not without minerals');
      INSERT INTO position (negotiation_id, actor_id, term_id, stance, date, date_first, date_last)
        VALUES (1, 2, 2, 'demands', '2025-02-21', '2025-02-21', '2025-02-21');
      INSERT INTO position (negotiation_id, actor_id, term_id, stance, answers_id, date, date_first, date_last)
        VALUES (1, 1, 2, 'accepts', 3, '2025-04-30', '2025-04-30', '2025-04-30');
      INSERT INTO source (slug, title) VALUES ('epoch', 'A report');
      INSERT INTO citation (source_id, position_id) VALUES (1, 1), (1, 2);
      UPDATE command SET open = 0;
      INSERT INTO retraction (record_table, record_id, reason, analyst) VALUES ('position', 4, 'misread', 'ana');
      """)
    try Migrator().migrate(connection)
    #expect(
      try connection.all("SELECT id, stance, revises_id IS NULL FROM position ORDER BY id") {
        "\($0.integer(0)) \($0.text(1)) \($0.bool(2))"
      } == ["1 precondition true", "3 demands true"])
    #expect(
      try connection.all(
        "SELECT id, condition_id, actor_id, outcome, date, coalesce(note, '') FROM answer ORDER BY id"
      ) {
        "\($0.integer(0)) \($0.integer(1)) \($0.integer(2)) \($0.text(3)) \($0.text(4)) \($0.text(5))"
      } == ["1 1 2 rejected 2025-02-20 not without minerals", "2 3 1 accepted 2025-04-30 "])
    #expect(
      try connection.all("SELECT coalesce(position_id, 0), coalesce(answer_id, 0) FROM citation ORDER BY id")
      {
        "\($0.integer(0)) \($0.integer(1))"
      } == ["1 0", "0 1"])
    #expect(
      try connection.all("SELECT record_table, record_id FROM retraction") {
        "\($0.text(0)) \($0.integer(1))"
      } == [
        "answer 2"
      ])
    #expect(try connection.integer("SELECT count(*) FROM current_answer") == 1)
    #expect(try connection.all("PRAGMA foreign_key_check") { $0.text(0) }.isEmpty)
    #expect(try connection.integer("SELECT rowid FROM search WHERE search MATCH 'without'") == 1 * 16 + 10)
  }

  /// Schema 7 logged each insert's whole row and kept a copy of every indexed text in the search
  /// index; schema 8 keeps neither (Migrations/0008_lean_writes.sql). The same searches find the
  /// same facts in the same order, the log keeps every change, and what the index held is what
  /// `search_source` gives.
  @Test func aRecordOfSchemaSevenKeepsItsAnswersInTheLeanLayout() throws {
    let connection = try Connection(path: ":memory:")
    let seven = Array(Migration.embedded.prefix { $0.version <= 7 })
    try Migrator(migrations: seven).migrate(connection)
    try connection.execute(
      """
      INSERT INTO command (analyst, arguments) VALUES ('ana', 'accord …');
      INSERT INTO actor (slug, name, kind) VALUES ('ukraine', 'Ukraine', 'state'), ('us', 'United States', 'state');
      INSERT INTO negotiation (slug, title, title_key, summary) VALUES
        ('minerals', 'Minerals talks', 'minerals talks', 'Resources for security guarantees');
      INSERT INTO proposal (slug, negotiation_id, title, title_key, terms) VALUES
        ('offer', 1, 'US offer', 'us offer', 'Access to rare earths in München');
      INSERT INTO proposal_step (proposal_id, step, date, date_first, date_last, note) VALUES
        (1, 'tabled', '2025-02-12', '2025-02-12', '2025-02-12', 'tabled in Munich'),
        (1, 'rejected', '2025-02-15', '2025-02-15', '2025-02-15', NULL);
      INSERT INTO statement (actor_id, negotiation_id, date, date_first, date_last, text, context) VALUES
        (1, 1, '2025-02-15', '2025-02-15', '2025-02-15', 'We are still talking about guarantees', 'Munich');
      INSERT INTO development (negotiation_id, date, date_first, date_last, text) VALUES
        (1, '2025-02-16', '2025-02-16', '2025-02-16', 'Guarantees discussed again'),
        (1, '2025-02-17', '2025-02-17', '2025-02-17', 'Nothing signed in München');
      UPDATE command SET open = 0;
      UPDATE development SET text = 'Guarantees discussed once more' WHERE id = 1;
      """)
    let queries = ["munchen", "guarantees", "talk*", "\"rare earths\"", "munich OR signed"]
    func answers() throws -> [String] {
      try queries.map { query in
        try connection.all("SELECT rowid FROM search WHERE search MATCH ? ORDER BY rank", [.text(query)]) {
          String($0.integer(0))
        }.joined(separator: " ")
      }
    }
    let before = try answers()
    let indexed = try connection.all("SELECT rowid, title, body, context FROM search ORDER BY rowid") {
      "\($0.integer(0)) \($0.optionalText(1) ?? "-") \($0.optionalText(2) ?? "-") \($0.optionalText(3) ?? "-")"
    }
    let log = try connection.all(
      "SELECT id, operation, table_name, row_key, before FROM change_log ORDER BY id"
    ) {
      "\($0.integer(0)) \($0.text(1)) \($0.text(2)) \($0.text(3)) \($0.optionalText(4) ?? "-")"
    }
    try Migrator().migrate(connection)
    #expect(try Migrator.version(of: connection) == Migrator().latestVersion)
    #expect(try answers() == before)
    #expect(before.allSatisfy { !$0.isEmpty })
    #expect(
      try connection.all("SELECT rowid, title, body, context FROM search_source ORDER BY rowid") {
        "\($0.integer(0)) \($0.optionalText(1) ?? "-") \($0.optionalText(2) ?? "-") \($0.optionalText(3) ?? "-")"
      } == indexed)
    #expect(
      try connection.all("SELECT id, operation, table_name, row_key, before FROM change_log ORDER BY id") {
        "\($0.integer(0)) \($0.text(1)) \($0.text(2)) \($0.text(3)) \($0.optionalText(4) ?? "-")"
      } == log)
    // Only the update keeps an "after"; the inserts' copies are gone.
    #expect(try connection.integer("SELECT count(*) FROM change_log WHERE after IS NOT NULL") == 1)
    #expect(
      try connection.first(
        "SELECT after ->> '$.text' FROM change_log WHERE operation = 'update'", [], { $0.text(0) })
        == "Guarantees discussed once more")
    // The index, now without its copy, still follows every change.
    try connection.execute("UPDATE development SET text = 'Talks adjourned' WHERE id = 2")
    #expect(try connection.integer("SELECT count(*) FROM search WHERE search MATCH 'signed'") == 0)
    #expect(try connection.integer("SELECT rowid FROM search WHERE search MATCH 'adjourned'") == 2 * 16 + 8)
    try connection.execute("INSERT INTO search (search, rank) VALUES ('integrity-check', 1)")
  }

  @Test func aFailingMigrationLeavesTheDatabaseAtTheVersionBefore() throws {
    let connection = try Connection(path: ":memory:")
    let one = Migration(version: 1, name: "one", sql: "CREATE TABLE a (x INTEGER) STRICT;")
    let broken = Migration(
      version: 2, name: "broken",
      sql: "CREATE TABLE b (y TEXT) STRICT; INSERT INTO missing VALUES (1);")
    try Migrator(migrations: [one]).migrate(connection)
    let error = #expect(throws: DatabaseError.self) {
      try Migrator(migrations: [one, broken]).migrate(connection)
    }
    #expect(error?.description.contains("no such table: missing") == true)
    #expect(try Migrator.version(of: connection) == 1)
    #expect(try count("schema_migration", in: connection) == 1)
    #expect(try connection.integer("SELECT count(*) FROM sqlite_schema WHERE name = 'b'") == 0)
  }

  @Test func aDatabaseOfANewerAccordIsRefusedAndUntouched() throws {
    try withTemporaryFolder { folder in
      let path = folder.appending(path: "newer.sqlite").path
      do {
        let store = try AccordStore(path: path, today: fixedToday)
        try store.addActor(NewActor(name: "Ukraine", kind: .state))
        try store.connection.execute("PRAGMA user_version = 99")
      }
      let before = try Data(contentsOf: URL(filePath: path))
      let filesBefore = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
      let error = #expect(throws: StoreError.self) {
        try AccordStore(path: path, today: fixedToday)
      }
      guard case .cannotOpen(let errorPath, let reason)? = error else {
        Issue.record("expected StoreError.cannotOpen, got \(String(describing: error))")
        return
      }
      #expect(errorPath == path)
      #expect(reason.contains("newer Accord"))
      #expect(reason.contains("schema version 99"))
      #expect(error?.description.contains("newer Accord") == true)
      #expect(try Data(contentsOf: URL(filePath: path)) == before)
      #expect(
        try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == filesBefore)
      // The migrator alone refuses it too, and leaves the version as it was.
      let connection = try Connection(path: path)
      #expect(throws: DatabaseError.self) { try Migrator().migrate(connection) }
      #expect(try Migrator.version(of: connection) == 99)
    }
  }

  @Test func aNewerDatabaseInRollbackJournalModeIsLeftUnchanged() throws {
    try withTemporaryFolder { folder in
      let path = folder.appending(path: "newer-journal.sqlite").path
      do {
        // As an Accord from the future might leave it: its mark, a version above ours, no WAL.
        let connection = try Connection(path: path)
        try connection.execute(
          """
          PRAGMA application_id = \(Migrator.applicationID);
          CREATE TABLE future (id INTEGER PRIMARY KEY);
          PRAGMA user_version = \(Migrator().latestVersion + 1);
          """)
      }
      let before = try Data(contentsOf: URL(filePath: path))
      let error = #expect(throws: StoreError.self) {
        try AccordStore(path: path, today: fixedToday)
      }
      #expect(error?.description.contains("newer Accord") == true)
      #expect(try Data(contentsOf: URL(filePath: path)) == before)
      #expect(
        try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["newer-journal.sqlite"]
      )
    }
  }

  @Test func anotherProgramsDatabaseIsRefusedAndUntouched() throws {
    try withTemporaryFolder { folder in
      let path = folder.appending(path: "other.sqlite").path
      do {
        let connection = try Connection(path: path)
        try connection.execute(
          "CREATE TABLE recipe (id INTEGER PRIMARY KEY, name TEXT); INSERT INTO recipe (name) VALUES ('soup');"
        )
        #expect(try connection.integer("PRAGMA application_id") == 0)
      }
      let before = try Data(contentsOf: URL(filePath: path))
      let error = #expect(throws: StoreError.self) {
        try AccordStore(path: path, today: fixedToday)
      }
      #expect(error == .unusableFile(path: path, .anotherProgramsDatabase))
      #expect(try Data(contentsOf: URL(filePath: path)) == before)
      #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["other.sqlite"])
      // Its own data is intact and no table of Accord's was added.
      let connection = try Connection(path: path, readOnly: true)
      #expect(try connection.all("SELECT name FROM sqlite_schema") { $0.text(0) } == ["recipe"])
      #expect(try connection.integer("PRAGMA user_version") == 0)
    }
  }

  /// A text file of one short line (shorter than SQLite's header) or of many.
  @Test(arguments: [1, 100])
  func aFileThatIsNotADatabaseIsRefusedAndUntouched(lines: Int) throws {
    let text = String(
      repeating: "Minutes of the meeting in Munich, 14 February 2025.\n", count: lines)
    try withTemporaryFolder { folder in
      let url = folder.appending(path: "notes.txt")
      try Data(text.utf8).write(to: url)
      let before = try Data(contentsOf: url)
      let error = #expect(throws: StoreError.self) {
        try AccordStore(path: url.path, today: fixedToday)
      }
      #expect(
        error?.description.contains("not an SQLite database") == true,
        "\(String(describing: error))")
      #expect(try Data(contentsOf: url) == before)
      #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["notes.txt"])
    }
  }

  @Test func aNewPathGetsItsFolderAndAPrivateFile() throws {
    try withTemporaryFolder { folder in
      let path = folder.appending(path: "data/accord/accord.sqlite").path
      do {
        let store = try AccordStore(path: path, today: fixedToday)
        #expect(try Migrator.version(of: try #require(store.file)) == Migrator().latestVersion)
      }
      let manager = FileManager.default
      let fileMode = try #require(
        manager.attributesOfItem(atPath: path)[.posixPermissions] as? NSNumber)
      let folderMode = try #require(
        manager.attributesOfItem(atPath: folder.appending(path: "data/accord").path)[
          .posixPermissions] as? NSNumber)
      #expect(fileMode.intValue & 0o777 == 0o600)
      #expect(folderMode.intValue & 0o777 == 0o700)
    }
  }

  @Test func anEmptyFileBecomesAnAccordDatabase() throws {
    try withTemporaryFolder { folder in
      let url = folder.appending(path: "empty.sqlite")
      try Data().write(to: url)
      let store = try AccordStore(path: url.path, today: fixedToday)
      #expect(try Migrator.version(of: try #require(store.file)) == Migrator().latestVersion)
      #expect(try store.connection.integer("PRAGMA application_id") == Migrator.applicationID)
    }
  }
}
