import AccordPostgres
import AccordSQLite
import Foundation
import Testing

@Suite struct ConnectionErrorTests {
  /// Nothing listens on port 1 of 127.0.0.1 (only root may listen there): needs libpq, not a server.
  @Test func aClosedPortCannotBeConnectedTo() throws {
    do {
      _ = try PostgresConnection(url: "postgresql://postgres@127.0.0.1:1/postgres?connect_timeout=5")
      Issue.record("connected to a closed port")
    } catch .cannotConnect(let server, let message) {
      #expect(server == "127.0.0.1:1")
      #expect(message.contains("refused"))
    } catch {
      Issue.record("expected cannotConnect, got \(error)")
    }
  }

  @Test(.enabled(if: TestServer.isSet)) func aDatabaseThatDoesNotExistIsNamed() throws {
    let error = #expect(throws: PostgresError.self) {
      try PostgresConnection(url: TestServer.url(database: "accord_no_such_database"))
    }
    guard case .noSuchDatabase(let name, _) = error else {
      Issue.record("expected noSuchDatabase, got \(String(describing: error))")
      return
    }
    #expect(name == "accord_no_such_database")
    #expect(error?.description.hasPrefix("there is no database accord_no_such_database on") == true)
  }

  /// The test server trusts every connection from 127.0.0.1, so it asks no password: a role that
  /// may not log in, and a role that does not exist, are the sign-ins it refuses.
  @Test(.enabled(if: TestServer.isSet)) func aRoleThatMayNotLogInIsRefused() throws {
    let role = TestServer.uniqueName("accord_nologin")
    let admin = try TestServer.admin()
    try admin.execute("CREATE ROLE \(role) NOLOGIN PASSWORD 'right'")
    defer { try? admin.execute("DROP ROLE \(role)") }
    for user in [role, TestServer.uniqueName("accord_nobody")] {
      let error = #expect(throws: PostgresError.self) {
        try PostgresConnection(url: TestServer.url(user: user, password: "wrong"))
      }
      guard case .authenticationFailed(let refused, _, let message) = error else {
        Issue.record("expected authenticationFailed, got \(String(describing: error))")
        continue
      }
      #expect(refused == user)
      #expect(message.contains(user))
    }
  }

  @Test(.enabled(if: TestServer.isSet)) func aConnectionLostMidCommandSaysSo() throws {
    let connection = try TestServer.admin()
    #expect(try connection.integer("SELECT 1") == 1)
    try TestServer.admin().run("SELECT pg_terminate_backend(?)", [.integer(Int64(connection.backendPID))])
    let error = #expect(throws: PostgresError.self) { try connection.integer("SELECT 1") }
    guard case .connectionLost = error else {
      Issue.record("expected connectionLost, got \(String(describing: error))")
      return
    }
  }
}

@Suite(.enabled(if: TestServer.isSet)) struct StatementTests {
  @Test func everyKindOfValueGoesInAndComesBack() throws {
    try withDatabase(migrated: false) { database in
      let connection = try database.connect()
      try connection.execute("CREATE TABLE kinds (n text, i bigint, r double precision, t text)")
      let text = "it's \"quoted\" \\ Łódź ✓ 🇺🇦 ? $1 -- not a comment"
      let values: [SQLValue] = [.null, .integer(-9_223_372_036_854_775_807), .real(0.1), .text(text)]
      try connection.write { try connection.run("INSERT INTO kinds VALUES (?, ?, ?, ?)", values) }
      #expect(connection.changes == 1)
      let rows = try connection.all("SELECT n, i, r, t FROM kinds WHERE t = ?", [.text(text)]) { row in
        (0..<row.columnCount).map { row.value($0) }
      }
      #expect(rows == [values])
      let named = try connection.first("SELECT n, i, r, t, i < 0 AS negative FROM kinds") {
        row throws(PostgresError) in
        (
          try row.optionalText("n"), try row.integer("i"), try row.real("r"), try row.text("t"),
          try row.bool("negative")
        )
      }
      #expect(named?.0 == nil)
      #expect(named?.1 == -9_223_372_036_854_775_807)
      #expect(named?.2 == 0.1)
      #expect(named?.3 == text)
      #expect(named?.4 == true)
      #expect(
        try connection.integer(
          "SELECT count(*) FROM kinds WHERE i = ?2 AND r = ?1", [.real(0.1), -9_223_372_036_854_775_807]) == 1
      )
    }
  }

  @Test func aNullWhereAValueMustBeNamesTheColumn() throws {
    try withDatabase(migrated: false) { database in
      let connection = try database.connect()
      let error = #expect(throws: PostgresError.self) {
        try connection.first("SELECT NULL::text AS title") { row throws(PostgresError) in
          try row.text("title")
        }
      }
      #expect(error == .misuse("column 'title' is empty where it cannot be"))
      let missing = #expect(throws: PostgresError.self) {
        try connection.first("SELECT 1 AS one") { row throws(PostgresError) in try row.integer("two") }
      }
      #expect(missing == .misuse("the query has no column 'two'"))
      let arguments = #expect(throws: PostgresError.self) { try connection.run("SELECT ?, ?", [1]) }
      #expect(arguments?.description.contains("takes 2 arguments, got 1") == true)
      let nul = #expect(throws: PostgresError.self) { try connection.run("SELECT ?", ["a\u{0}b"]) }
      #expect(nul?.description.hasPrefix("PostgreSQL's text cannot hold a NUL character") == true)
    }
  }

  @Test func aFailedWriteLeavesNothing() throws {
    try withDatabase(migrated: false) { database in
      let connection = try database.connect()
      try connection.execute("CREATE TABLE t (x bigint PRIMARY KEY)")
      struct Refused: Error {}
      #expect(throws: Refused.self) {
        try connection.write {
          try connection.run("INSERT INTO t VALUES (?)", [1])
          throw Refused()
        }
      }
      #expect(throws: PostgresError.self) {
        try connection.write {
          try connection.run("INSERT INTO t VALUES (?)", [2])
          try connection.run("INSERT INTO t VALUES (?)", [2])
        }
      }
      #expect(try connection.integer("SELECT count(*) FROM t") == 0)
    }
  }

  /// A conflict that one of the store's statements meets (a DatabaseError, through
  /// PostgresDatabase) is tried again as a whole, as one that the connection meets is; one that
  /// goes on conflicting is given up in one line that says to run it again.
  @Test func aConflictMetByTheStoreIsTriedAgainThenGivenUp() throws {
    try withDatabase(migrated: false) { database in
      let connection = try database.connect()
      try connection.execute("CREATE TABLE t (x bigint PRIMARY KEY)")
      let store = PostgresDatabase(connection)
      var attempts = 0
      let written = try store.write { () throws -> Int in
        attempts += 1
        try store.run("INSERT INTO t VALUES (?)", [.integer(Int64(attempts))])
        if attempts < 3 {
          throw DatabaseError.server(kind: .busy, code: "40001", message: "could not serialize access")
        }
        return attempts
      }
      #expect(written == 3)
      // The two attempts that conflicted left nothing.
      #expect(
        try connection.all("SELECT x FROM t", []) { row throws(PostgresError) in try row.integer(0) } == [3])
      attempts = 0
      let givenUp = #expect(throws: DatabaseError.self) {
        try store.write {
          attempts += 1
          throw DatabaseError.server(kind: .busy, code: "40P01", message: "deadlock detected")
        }
      }
      #expect(attempts == PostgresConnection.maximumWriteAttempts)
      #expect(
        givenUp?.description.contains(
          "deadlock detected: the write conflicted with others 5 times and was given up; run it again")
          == true,
        "\(String(describing: givenUp))")
    }
  }

  /// Writers take turns: while one holds the writers' lock, another's write waits, and goes on once
  /// it is let go.
  @Test func aSecondWriterWaitsForTheFirst() throws {
    try withDatabase(migrated: false) { database in
      let first = try database.connect()
      // Used by the other thread alone once it starts.
      nonisolated(unsafe) let second = try database.connect()
      try first.execute("CREATE TABLE t (x bigint)")
      try first.execute("SELECT pg_advisory_lock(\(PostgresConnection.writersLock))")
      let done = DispatchSemaphore(value: 0)
      let thread = Thread {
        try? second.write { try second.run("INSERT INTO t VALUES (1)") }
        done.signal()
      }
      thread.start()
      // The second waits on the lock (a bound against a test gone wrong, not a deadline).
      let admin = try TestServer.admin()
      var waiting: Int64? = 0
      for _ in 0..<6_000 where waiting == 0 {
        waiting = try admin.integer(
          "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted AND pid = ?",
          [.integer(Int64(second.backendPID))])
        if waiting == 0 { usleep(10_000) }
      }
      #expect(waiting == 1)
      #expect(try first.integer("SELECT count(*) FROM t") == 0)
      try first.execute("SELECT pg_advisory_unlock(\(PostgresConnection.writersLock))")
      done.wait()
      #expect(try first.integer("SELECT count(*) FROM t") == 1)
    }
  }

  @Test func aNestedWriteThatFailsUndoesOnlyItself() throws {
    try withDatabase(migrated: false) { database in
      let connection = try database.connect()
      try connection.execute("CREATE TABLE t (x bigint PRIMARY KEY)")
      try connection.write {
        try connection.run("INSERT INTO t VALUES (1)")
        // A nested write that the server refuses (the transaction is aborted until the savepoint
        // is rolled back), and one that its body gives up.
        #expect(throws: PostgresError.self) {
          try connection.write {
            try connection.run("INSERT INTO t VALUES (2)")
            try connection.run("INSERT INTO t VALUES (1)")
          }
        }
        struct GivenUp: Error {}
        #expect(throws: GivenUp.self) {
          try connection.write {
            try connection.run("INSERT INTO t VALUES (3)")
            throw GivenUp()
          }
        }
        try connection.write { try connection.run("INSERT INTO t VALUES (4)") }
      }
      #expect(
        try connection.all("SELECT x FROM t ORDER BY x") { row throws(PostgresError) in try row.integer(0) }
          == [1, 4])
    }
  }

  @Test func aWriteInsideAReadIsRefused() throws {
    try withDatabase(migrated: false) { database in
      let connection = try database.connect()
      #expect(throws: PostgresError.self) {
        try connection.read { try connection.write { try connection.execute("SELECT 1") } }
      }
      #expect(try connection.read { try connection.integer("SELECT 2") } == 2)
    }
  }

  /// A read whose joins are made in the order written holds the planner to it for itself alone
  /// (`join_collapse_limit` 1), and sees one snapshot; a read inside it joins it, and the reads
  /// after it plan as the server's settings say.
  @Test func aReadJoiningAsWrittenSetsThePlannerForItselfAlone() throws {
    try withDatabase(migrated: false) { database in
      let connection = try database.connect()
      let limit = "SELECT current_setting('join_collapse_limit')"
      let settings = try connection.read(joiningAsWritten: true) {
        let inside = try connection.first(limit, []) { row in row.text(0) }
        let nested = try connection.read { try connection.first(limit, []) { row in row.text(0) } }
        let isolation = try connection.first("SHOW transaction_isolation", []) { row in row.text(0) }
        return [inside, nested, isolation]
      }
      #expect(settings == ["1", "1", "repeatable read"])
      #expect(try connection.read { try connection.first(limit, []) { row in row.text(0) } } == "8")
      #expect(try connection.first(limit, []) { row in row.text(0) } == "8")
    }
  }

  /// Statements sent ahead (pipeline mode) answer the queries that ask for the same statement with
  /// the same arguments in the same read, and only those; a statement that fails among them throws
  /// its own error and leaves the connection as a failed statement would; outside a read nothing
  /// is sent ahead.
  @Test func statementsSentAheadAnswerTheirOwnQueriesInTheirOwnRead() throws {
    try withDatabase(migrated: false) { database in
      let connection = try database.connect()
      let square = ReadStatement("SELECT CAST(? AS bigint) * CAST(? AS bigint)", [.integer(3), .integer(3)])
      let word = ReadStatement("SELECT upper(?)", [.text("minerals")])
      try connection.read {
        try connection.prefetch([square, word, square])
        #expect(try connection.integer(square.sql, [.integer(4), .integer(4)]) == 16)
        #expect(try connection.integer(square.sql, square.arguments) == 9)
        #expect(try connection.first(word.sql, word.arguments) { row in row.text(0) } == "MINERALS")
      }
      #expect(connection.prefetchesUsed == 2)
      #expect(connection.prefetchesUnused == 0)

      // Kept for their own read only.
      try connection.read { try connection.prefetch([square, word]) }
      #expect(connection.prefetchesUnused == 2)
      #expect(try connection.read { try connection.integer(square.sql, square.arguments) } == 9)
      #expect(connection.prefetchesUsed == 2)

      // A failure among them is the statement's own, and the read is undone.
      let failing = ReadStatement("SELECT 1 / CAST(? AS integer)", [.integer(0)])
      #expect {
        try connection.read { try connection.prefetch([square, failing, word]) }
      } throws: { error in
        (error as? PostgresError)?.sqlstate == "22012"
      }
      #expect(try connection.read { try connection.integer(square.sql, square.arguments) } == 9)

      // Outside a read, nothing is sent ahead.
      try connection.prefetch([square, word])
      #expect(try connection.integer(square.sql, square.arguments) == 9)
      #expect(connection.prefetchesUsed == 2)
    }
  }
}

/// The test server trusts 127.0.0.1, so it checks no password: this test puts a rule for one role
/// of its own at the top of the server's pg_hba.conf (written by the server, as a superuser may,
/// with COPY), reloads it, signs in with a wrong password and then the right one, and takes the
/// rule out again. Other roles keep the trust they had.
@Suite(.enabled(if: TestServer.isSet)) struct PasswordTests {
  /// Writes the server's pg_hba.conf again: `first` (if any) on top, then its rules but those that
  /// name `role` (without its comments, blank lines and tabs, which COPY would escape), and reloads it.
  private func rewriteRules(_ admin: PostgresConnection, role: String, first: String?) throws {
    guard let file = try admin.first("SHOW hba_file", [], { row in row.text(0) }),
      let content = try admin.first(
        "SELECT pg_read_file(current_setting('hba_file'))", [], { row in row.text(0) })
    else { return }
    // Read before COPY opens the file, which empties it.
    let rules = content.split(separator: "\n").map { $0.replacingOccurrences(of: "\t", with: " ") }
      .filter { rule in
        let trimmed = rule.trimmingCharacters(in: .whitespaces)
        return !trimmed.isEmpty && !trimmed.hasPrefix("#") && !rule.contains(role) && !rule.contains("\\")
      }
    guard rules.contains(where: { $0.contains("127.0.0.1") }) else {
      Issue.record("the server's rules for 127.0.0.1 are not where this test expects them: \(content)")
      return
    }
    let lines = ((first.map { [$0] } ?? []) + rules).enumerated().map { n, line in
      "(\(n), '\(line.replacingOccurrences(of: "'", with: "''"))')"
    }
    try admin.execute(
      """
      COPY (SELECT line FROM (VALUES \(lines.joined(separator: ", "))) AS rule(n, line) ORDER BY n)
      TO '\(file.replacingOccurrences(of: "'", with: "''"))'
      """)
    try admin.execute("SELECT pg_reload_conf()")
  }

  @Test func aWrongPasswordIsRefused() throws {
    let role = TestServer.uniqueName("accord_password")
    let admin = try TestServer.admin()
    try admin.execute("CREATE ROLE \(role) LOGIN PASSWORD 'right horse battery'")
    try rewriteRules(admin, role: role, first: "host all \(role) 127.0.0.1/32 scram-sha-256")
    defer {
      try? rewriteRules(admin, role: role, first: nil)
      try? admin.execute("DROP ROLE IF EXISTS \(role)")
    }
    // The server reloads its rules when it gets the signal: try until it asks for the password.
    var refusal: PostgresError?
    for _ in 0..<50 {
      do {
        _ = try PostgresConnection(url: TestServer.url(user: role, password: "wrong"))
        usleep(100_000)
      } catch {
        refusal = error
        break
      }
    }
    guard case .authenticationFailed(let user, _, let message) = refusal else {
      Issue.record("expected authenticationFailed, got \(String(describing: refusal))")
      return
    }
    #expect(user == role)
    #expect(message == "password authentication failed for user \"\(role)\"")
    #expect(refusal?.description.contains("check the user and the password") == true)
    // No password at all: libpq says that one is needed.
    let none = #expect(throws: PostgresError.self) {
      try PostgresConnection(url: TestServer.url(user: role) + "?passfile=/nonexistent")
    }
    guard case .authenticationFailed = none else {
      Issue.record("expected authenticationFailed, got \(String(describing: none))")
      return
    }
    let connection = try PostgresConnection(url: TestServer.url(user: role, password: "right horse battery"))
    #expect(try connection.first("SELECT session_user", [], { row in row.text(0) }) == role)
  }
}
