import AccordSQLite
import AccordTestEngine
import Testing

@testable import AccordStore

/// The typed SQLite layer (AccordSQLite): `Connection`, `Statement`, `Row`, transactions, its
/// errors, and how the store says them.
@Suite struct SQLiteLayerTests {
  /// A private database with one table of every kind of column.
  func makeConnection() throws -> Connection {
    let connection = try Connection(path: ":memory:")
    try connection.execute(
      """
      CREATE TABLE item (id INTEGER PRIMARY KEY, name TEXT UNIQUE, amount INTEGER, ratio REAL);
      """)
    return connection
  }

  @Test func bindsAndReadsUnicodeText() throws {
    let connection = try makeConnection()
    let texts = [
      "Зеленський", "We’re still talking.", "US–Ukraine “minerals” deal", "München", "日本語のテキスト",
      "🇺🇦 flag and emoji 👍🏽", "tab\tand\nnew line", "",
    ]
    for text in texts {
      try connection.insert("INSERT INTO item (name) VALUES (?)", [.text(text)])
    }
    let read = try connection.all(
      "SELECT name, typeof(name), length(CAST(name AS BLOB)) FROM item ORDER BY id"
    ) {
      ($0.text(0), $0.text(1), Int($0.integer(2)))
    }
    #expect(read.map(\.0) == texts)
    // Every value is stored as text, byte for byte (the empty string too, not NULL).
    #expect(read.map(\.1) == Array(repeating: "text", count: texts.count))
    #expect(read.map(\.2) == texts.map(\.utf8.count))
    // A text bound as an argument finds the row again.
    let found = try connection.integer("SELECT id FROM item WHERE name = ?", [.text("Зеленський")])
    #expect(found == 1)
  }

  @Test func bindsIntegersRealsAndNull() throws {
    let connection = try makeConnection()
    let values: [Int64] = [0, 1, -1, 500_000_000_000, .max, .min]
    for value in values {
      try connection.insert("INSERT INTO item (amount) VALUES (?)", [.integer(value)])
    }
    #expect(try connection.all("SELECT amount FROM item ORDER BY id") { $0.integer(0) } == values)

    let id = try connection.insert(
      "INSERT INTO item (name, amount, ratio) VALUES (?, ?, ?)",
      [nil, .optional(nil as Int64?), .real(0.25)])
    let row = try #require(
      try connection.first(
        "SELECT name, amount, ratio, typeof(name), typeof(amount) FROM item WHERE id = ?",
        [.integer(id)]
      ) {
        ($0.optionalText(0), $0.optionalInteger(1), $0.isNull(2), $0.text(3), $0.text(4))
      })
    #expect(row.0 == nil)
    #expect(row.1 == nil)
    #expect(row.2 == false)
    #expect(row.3 == "null")
    #expect(row.4 == "null")
    #expect(
      try connection.first("SELECT ratio FROM item WHERE id = ?", [.integer(id)]) { $0.isNull(0) }
        == false)
    #expect(SQLValue.optional("x" as String?) == .text("x"))
    #expect(SQLValue.optional(nil as String?) == .null)
    #expect(SQLValue.optional(7 as Int64?) == .integer(7))
  }

  @Test func bindingTheWrongNumberOfArgumentsIsRefused() throws {
    let connection = try makeConnection()
    let error = #expect(throws: DatabaseError.self) {
      try connection.run("INSERT INTO item (name, amount) VALUES (?, ?)", [.text("only one")])
    }
    #expect(error?.description.contains("takes 2 arguments, got 1") == true)
    #expect(try count("item", in: connection) == 0)
  }

  @Test func cachedStatementsAreReused() throws {
    let connection = try makeConnection()
    let sql = "SELECT count(*) FROM item WHERE amount > ?"
    let first = try connection.statement(sql)
    let second = try connection.statement(sql)
    #expect(first === second)
    #expect(try connection.statement("SELECT 1") !== first)

    // A reused statement starts afresh with new arguments each time.
    try connection.insert("INSERT INTO item (amount) VALUES (5)")
    try connection.insert("INSERT INTO item (amount) VALUES (50)")
    #expect(try connection.integer(sql, [.integer(1)]) == 2)
    #expect(try connection.integer(sql, [.integer(10)]) == 1)
    #expect(try connection.integer(sql, [.integer(100)]) == 0)
    #expect(try connection.statement(sql) === first)
  }

  @Test func queryingAfterAnAbandonedIterationStartsAgain() throws {
    let connection = try makeConnection()
    for amount in 1...3 {
      try connection.insert("INSERT INTO item (amount) VALUES (?)", [.integer(Int64(amount))])
    }
    let sql = "SELECT amount FROM item ORDER BY amount"
    // The decoder gives up on the first row, leaving the cached statement mid-way.
    #expect(throws: StoreError.invalid("stop")) {
      _ = try connection.all(sql) { (_: Row) throws(StoreError) -> Int64 in throw .invalid("stop") }
    }
    #expect(try connection.all(sql) { $0.integer(0) } == [1, 2, 3])
  }

  @Test func aRowGivesItsColumnsNamesAndValuesAsSQLiteHoldsThem() throws {
    let connection = try makeConnection()
    let columns = try connection.first("SELECT 1 AS one, 'a' AS letter, NULL AS absent, 2.5 AS half, 7") {
      row in (0..<row.columnCount).map { (row.name($0), row.value($0)) }
    }
    #expect(columns?.map(\.0) == ["one", "letter", "absent", "half", "7"])
    #expect(columns?.map(\.1) == [.integer(1), .text("a"), .null, .real(2.5), .integer(7)])
  }

  @Test func aNestedWriteThatThrowsUndoesOnlyItsOwnChanges() throws {
    let connection = try makeConnection()
    struct Abort: Error, Equatable {}
    try connection.write {
      try connection.insert("INSERT INTO item (name) VALUES ('outer')")
      #expect(throws: Abort()) {
        try connection.write {
          try connection.insert("INSERT INTO item (name) VALUES ('inner')")
          try connection.run("UPDATE item SET amount = 5 WHERE name = 'outer'")
          throw Abort()
        }
      }
      // The outer write goes on without the inner one's changes, and a later nested write counts.
      #expect(try count("item", in: connection) == 1)
      try connection.write { _ = try connection.insert("INSERT INTO item (name) VALUES ('second')") }
    }
    #expect(
      try connection.all("SELECT name || ':' || coalesce(amount, '-') FROM item ORDER BY id") { $0.text(0) }
        == ["outer:-", "second:-"])
  }

  @Test func aWriteInsideAReadIsRefusedAndWritesNothing() throws {
    let connection = try makeConnection()
    var refused: DatabaseError?
    try connection.read {
      do {
        try connection.write { _ = try connection.insert("INSERT INTO item (name) VALUES ('sneaked')") }
      } catch let error as DatabaseError {
        refused = error
      }
    }
    guard case .sqlite(_, _, let message, _) = refused else {
      Issue.record("expected the write to be refused, got \(String(describing: refused))")
      return
    }
    #expect(message.contains("inside a read"))
    #expect(try count("item", in: connection) == 0)
    // A read inside a write joins it and sees its changes.
    try connection.write {
      try connection.insert("INSERT INTO item (name) VALUES ('seen')")
      #expect(try connection.read { try count("item", in: connection) } == 1)
    }
  }

  @Test func writeRollsBackEverythingWhenTheBodyThrows() throws {
    let connection = try makeConnection()
    try connection.insert("INSERT INTO item (name) VALUES ('kept')")
    struct Abort: Error, Equatable {}
    #expect(throws: Abort()) {
      try connection.write {
        try connection.insert("INSERT INTO item (name) VALUES ('first')")
        try connection.insert("INSERT INTO item (name) VALUES ('second')")
        try connection.run("UPDATE item SET amount = 9 WHERE name = 'kept'")
        #expect(try count("item", in: connection) == 3)
        throw Abort()
      }
    }
    #expect(try count("item", in: connection) == 1)
    #expect(
      try connection.first("SELECT amount IS NULL FROM item WHERE name = 'kept'") { $0.bool(0) }
        == true)
    // The connection is usable after the rollback, and a later write commits.
    let id = try connection.write {
      try connection.insert("INSERT INTO item (name) VALUES ('after')")
    }
    #expect(id == 2)
    #expect(try count("item", in: connection) == 2)
  }

  @Test func writeRollsBackWhenAStatementFails() throws {
    let connection = try makeConnection()
    #expect(throws: DatabaseError.self) {
      try connection.write {
        try connection.insert("INSERT INTO item (name) VALUES ('one')")
        try connection.insert("INSERT INTO item (name) VALUES ('one')")  // unique violation
      }
    }
    #expect(try count("item", in: connection) == 0)
  }

  @Test func nestedWriteJoinsTheOuterTransaction() throws {
    let connection = try makeConnection()
    struct Abort: Error {}
    // The inner write does not commit on its own: the outer failure takes its rows too.
    #expect(throws: Abort.self) {
      try connection.write {
        try connection.insert("INSERT INTO item (name) VALUES ('outer')")
        _ = try connection.write {
          try connection.insert("INSERT INTO item (name) VALUES ('inner')")
        }
        #expect(try count("item", in: connection) == 2)
        throw Abort()
      }
    }
    #expect(try count("item", in: connection) == 0)

    // Without a failure, both are written, and the values pass through.
    let ids = try connection.write {
      let outer = try connection.insert("INSERT INTO item (name) VALUES ('outer')")
      let inner = try connection.write {
        try connection.insert("INSERT INTO item (name) VALUES ('inner')")
      }
      return [outer, inner]
    }
    #expect(ids.count == 2)
    #expect(
      try connection.all("SELECT name FROM item ORDER BY id") { $0.text(0) } == ["outer", "inner"])

    // After the outer transaction ends, a new write begins a transaction of its own again.
    #expect(throws: Abort.self) {
      try connection.write {
        try connection.insert("INSERT INTO item (name) VALUES ('third')")
        throw Abort()
      }
    }
    #expect(try count("item", in: connection) == 2)
  }

  @Test func readSeesOneSnapshotAndLeavesNoTransactionOpen() throws {
    let connection = try makeConnection()
    try connection.insert("INSERT INTO item (name) VALUES ('a')")
    let counted = try connection.read { try count("item", in: connection) }
    #expect(counted == 1)
    // No transaction is left open: a write can begin and commit.
    _ = try connection.write { try connection.insert("INSERT INTO item (name) VALUES ('b')") }
    #expect(try count("item", in: connection) == 2)
  }

  @Test(.fileOnly) func uniqueViolationSaysTheRecordExistsAlready() throws {
    let store = try makeStore()
    try store.connection.insert(
      "INSERT INTO actor (slug, name, kind) VALUES ('ukraine', 'Ukraine', 'state')")
    let error = #expect(throws: DatabaseError.self) {
      try store.connection.insert(
        "INSERT INTO actor (slug, name, kind) VALUES ('ukraine', 'Ukraine', 'state')")
    }.map(StoreError.init)
    guard case .database(.sqlite(_, let extended, let message, let sql))? = error else {
      Issue.record("expected StoreError.database(.sqlite), got \(String(describing: error))")
      return
    }
    #expect(extended == ExtendedCode.constraintUnique)
    #expect(message.contains("actor.slug"))
    #expect(sql?.hasPrefix("INSERT INTO actor") == true)
    #expect(error?.description.contains("exists already") == true)
    #expect(error?.isUsageError == false)
    #expect(try count("actor", in: store) == 1)
  }

  @Test func foreignKeyViolationSaysTheRecordDoesNotExist() throws {
    let store = try makeStore()
    let error = #expect(throws: DatabaseError.self) {
      try store.connection.insert(
        "INSERT INTO actor_alias (actor_id, alias, alias_key) VALUES (?, ?, ?)",
        [999, "Ghost", "ghost"])
    }.map(StoreError.init)
    guard case .database(.sqlite(_, let extended, _, _))? = error else {
      Issue.record("expected StoreError.database(.sqlite), got \(String(describing: error))")
      return
    }
    #expect(extended == ExtendedCode.constraintForeignKey)
    #expect(error?.description == "that refers to a record that does not exist")
    #expect(try count("actor_alias", in: store) == 0)
  }

  @Test func checkViolationSaysAValueIsOutOfRange() throws {
    let store = try makeStore()
    let error = #expect(throws: DatabaseError.self) {
      try store.connection.insert(
        "INSERT INTO actor (slug, name, kind) VALUES ('x', 'X', 'planet')")
    }.map(StoreError.init)
    #expect(error?.description.hasPrefix("a value is out of range") == true)
    #expect(try count("actor", in: store) == 0)
  }

  @Test func syntaxErrorsCarryTheSQL() throws {
    let connection = try makeConnection()
    let error = #expect(throws: DatabaseError.self) { try connection.statement("SELEC 1") }
    guard case .sqlite(_, _, let message, let sql)? = error else {
      Issue.record("expected DatabaseError.sqlite, got \(String(describing: error))")
      return
    }
    #expect(message.contains("syntax error"))
    #expect(sql == "SELEC 1")
  }

  @Test(.fileOnly) func storesTurnForeignKeysOn() throws {
    let store = try makeStore()
    #expect(try store.connection.integer("PRAGMA foreign_keys") == 1)
  }

  @Test func changesCountsTheRowsOfTheLatestStatement() throws {
    let connection = try makeConnection()
    for name in ["a", "b", "c"] {
      try connection.insert("INSERT INTO item (name) VALUES (?)", [.text(name)])
    }
    try connection.run("UPDATE item SET amount = 1 WHERE name <> 'b'")
    #expect(connection.changes == 2)
  }
}
