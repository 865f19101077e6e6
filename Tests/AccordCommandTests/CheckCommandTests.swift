import AccordSQLite
import AccordStore
import Foundation
import Testing

/// `accord check`: ok, or one line per problem and exit 1; it never writes, never migrates.
@Suite(.fileOnly("a file's damage (a server's check: TeamCommandTests)")) struct CheckCommandTests {
  let sandbox: Sandbox

  init() throws { sandbox = try Sandbox() }

  /// Runs `accord check` and checks that it changed nothing: the file's bytes and records.
  func check(sourceLocation: SourceLocation = #_sourceLocation) throws -> RunResult {
    let bytes = FileManager.default.contents(atPath: sandbox.db)
    let before = DatabaseSnapshot.of(sandbox.db)
    let result = try sandbox.run("check")
    #expect(
      FileManager.default.contents(atPath: sandbox.db) == bytes, "check wrote", sourceLocation: sourceLocation
    )
    #expect(DatabaseSnapshot.of(sandbox.db) == before, sourceLocation: sourceLocation)
    return result
  }

  /// Expects exit 1, `problems` on stdout and one line on stderr that counts them.
  func expectProblems(
    _ result: RunResult, _ problems: [String], sourceLocation: SourceLocation = #_sourceLocation
  ) {
    #expect(result.status == 1, "\(result)", sourceLocation: sourceLocation)
    #expect(result.stdout == problems.map { $0 + "\n" }.joined(), "\(result)", sourceLocation: sourceLocation)
    let count = problems.count == 1 ? "1 problem" : "\(problems.count) problems"
    #expect(
      result.stderr == "Error: \(sandbox.db) has \(count), listed on standard output\n", "\(result)",
      sourceLocation: sourceLocation)
  }

  @Test func aSoundDatabaseIsOK() throws {
    try BadInputFixture.seed(sandbox.db)
    let result = try check()
    #expect(result.status == 0, "\(result)")
    #expect(result.stdout == "ok\n")
    #expect(result.stderr == "")
  }

  @Test func aDamagedIndexIsReported() throws {
    try BadInputFixture.seed(sandbox.db)
    do {
      // Point the alias index at another (empty) index's pages: its entries go missing.
      let connection = try Connection(path: sandbox.db, create: false)
      let root = try #require(
        try connection.integer("SELECT rootpage FROM sqlite_schema WHERE name = 'affiliation_by_person'"))
      try connection.execute("PRAGMA writable_schema = ON")
      try connection.run(
        "UPDATE sqlite_schema SET rootpage = ? WHERE name = 'actor_alias_by_key'", [.integer(root)])
    }
    let result = try check()
    #expect(result.status == 1, "\(result)")
    let lines = result.stdout.split(separator: "\n")
    #expect(!lines.isEmpty && lines.allSatisfy { $0.hasPrefix("integrity: ") }, "\(result)")
    #expect(result.stdout.contains("actor_alias_by_key"), "\(result)")
    #expect(result.stderrLines.count == 1)
  }

  @Test func aRecordThatRefersToNothingIsReported() throws {
    try BadInputFixture.seed(sandbox.db)
    do {
      let connection = try Connection(path: sandbox.db, create: false)
      try connection.execute("PRAGMA foreign_keys = OFF")
      try connection.run(
        "INSERT INTO development (id, negotiation_id, date, date_first, date_last, text) VALUES (41, 999, '2025', '2025-01-01', '2025-12-31', 'orphan')"
      )
    }
    expectProblems(
      try check(), ["foreign key: development row 41 refers to a negotiation that does not exist"])
  }

  /// Rows typed in the sqlite3 shell are held to Accord's rules: an impossible day is refused on
  /// the spot; what the triggers cannot see (a date's days that are not the ones it covers, a
  /// date Accord cannot read, a script URL) `accord check` reports, row by row.
  @Test func rowsTypedInTheShellAreHeldToAccordsRules() throws {
    try BadInputFixture.seed(sandbox.db)
    let negotiation = try #require(
      try Connection(path: sandbox.db, create: false).integer("SELECT min(id) FROM negotiation"))
    do {
      let connection = try Connection(path: sandbox.db, create: false)
      try connection.run(
        "INSERT INTO meeting (id, negotiation_id, date, date_first, date_last) VALUES (54, \(negotiation), '2025-02-14', '2025-02-14', '2025-02-14')"
      )
      for (sql, table) in [
        (
          "INSERT INTO development (negotiation_id, date, date_first, date_last, text) VALUES (\(negotiation), '2025-02-31', '2025-02-31', '2025-02-31', 'x')",
          "development"
        ),
        (
          "INSERT INTO development (negotiation_id, date, date_first, date_last, text) VALUES (\(negotiation), 'soon', '2025-02-01', '2025-02-01', 'x')",
          "development"
        ),
        (
          "INSERT INTO meeting (negotiation_id, date, date_first, date_last) VALUES (\(negotiation), '2025-04-31', '2025-04-31', '2025-04-31')",
          "meeting"
        ),
        (
          "UPDATE meeting SET date_last = '2025-02-30' WHERE id = 54",
          "meeting"
        ),
      ] {
        #expect(throws: DatabaseError.self) { try connection.run(sql) }
        do {
          try connection.run(sql)
        } catch {
          #expect(
            "\(error)".contains("\(table): a date is not a day that exists, written YYYY-MM-DD"), "\(error)")
        }
      }
      try connection.run(
        "INSERT INTO development (id, negotiation_id, date, date_first, date_last, text) VALUES (51, \(negotiation), '2025-02', '2025-02-03', '2025-02-28', 'x')"
      )
      try connection.run(
        "INSERT INTO development (id, negotiation_id, date, date_first, date_last, text) VALUES (52, \(negotiation), '2025-13', '2025-02-01', '2025-02-28', 'x')"
      )
      try connection.run("INSERT INTO source (id, slug, url) VALUES (53, 'evil', 'javascript:alert(1)')")
    }
    expectProblems(
      try check(),
      [
        "dates: development row 51, date: date_first is 2025-02-03, but '2025-02' begins on 2025-02-01",
        "dates: development row 52, date: '2025-13' is not a date Accord can read (2025, 2025-02 or 2025-02-14, a day that exists)",
        "sources: source row 53, url: 'javascript:alert(1)' is not a URL Accord keeps: a source's URL begins with https://, http://, doi:, urn: (write it in full, such as https://example.org/story)",
      ])
  }

  @Test func aDamagedFullTextIndexIsReported() throws {
    try BadInputFixture.seed(sandbox.db)
    do {
      let connection = try Connection(path: sandbox.db, create: false)
      try connection.execute(
        """
        CREATE VIRTUAL TABLE probe USING fts5 (text);
        INSERT INTO probe (text) VALUES ('security guarantees'), ('mineral resources'), ('ceasefire lines');
        """)
    }
    let sound = try check()
    #expect(sound.stdout == "ok\n", "\(sound)")
    do {
      let connection = try Connection(path: sandbox.db, create: false)
      try connection.execute("DELETE FROM probe_data WHERE id > 10")
    }
    let result = try check()
    #expect(result.status == 1, "\(result)")
    #expect(result.stdout.hasPrefix("full-text index probe: "), "\(result)")
    #expect(result.stdout.split(separator: "\n").count == 1, "\(result)")
  }

  @Test func aNewerSchemaIsReportedAndLeftAlone() throws {
    try BadInputFixture.prepare(.newerSchema, at: sandbox.db)
    let latest = Migrator().latestVersion
    expectProblems(
      try check(),
      ["schema: version 999 was made by a newer Accord (this one knows up to \(latest)); upgrade Accord"])
  }

  @Test func aSchemaBehindIsReportedAndNotMigrated() throws {
    try BadInputFixture.seed(sandbox.db)
    try Connection(path: sandbox.db, create: false).execute("PRAGMA user_version = 1")
    let latest = Migrator().latestVersion
    let result = try check()
    if latest > 1 {
      expectProblems(
        result,
        [
          "schema: version 1 is behind this Accord's \(latest); the next command that writes brings it up to date"
        ])
    } else {
      #expect(result.stdout == "ok\n")
    }
    #expect(try Connection(path: sandbox.db, create: false).integer("PRAGMA user_version") == 1)
  }

  @Test func filesThatAreNoAccordDatabaseAreReported() throws {
    try Data("negotiation notes\n".utf8).write(to: URL(fileURLWithPath: sandbox.db))
    expectProblems(try check(), ["file: it is not an SQLite database"])

    try Data().write(to: URL(fileURLWithPath: sandbox.db))
    expectProblems(try check(), ["schema: the file holds no Accord record yet; 'accord init' makes one"])

    try FileManager.default.removeItem(atPath: sandbox.db)
    try BadInputFixture.prepare(.otherProgram, at: sandbox.db)
    expectProblems(try check(), ["file: it is an SQLite database of another program, not Accord's"])
  }

  @Test func aTruncatedDatabaseIsReported() throws {
    try BadInputFixture.seed(sandbox.db)
    let bytes = try Data(contentsOf: URL(fileURLWithPath: sandbox.db))
    try bytes.prefix(bytes.count / 2).write(to: URL(fileURLWithPath: sandbox.db))
    expectProblems(try check(), ["file: the database file is damaged (database disk image is malformed)"])
  }

  @Test func aMissingFileIsAnErrorAndIsNotMade() throws {
    let result = try sandbox.run("check")
    #expect(result.status == 1)
    #expect(result.stdout == "")
    #expect(result.stderr == "Error: cannot open database \(sandbox.db): there is no such file\n")
    #expect(!FileManager.default.fileExists(atPath: sandbox.db))
  }
}
