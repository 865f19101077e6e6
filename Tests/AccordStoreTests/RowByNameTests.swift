import AccordSQLite
import Testing

@testable import AccordStore

/// Reading a row by its columns' names (the Row extension in Statement.swift, and the date
/// readers): the guess at the next column must never give another column's value, whatever order
/// a decoder reads in; what is missing or NULL where it cannot be is an error that says which.
@Suite struct RowByNameTests {
  let connection: Connection

  init() throws {
    connection = try Connection(path: ":memory:")
    try connection.execute(
      """
      CREATE TABLE fact (id INTEGER PRIMARY KEY, kind TEXT, count INTEGER, note TEXT,
        date TEXT, date_first TEXT, date_last TEXT);
      INSERT INTO fact VALUES (1, 'demands', 0, '', '2025-02~', '2025-02-01', '2025-02-28');
      INSERT INTO fact VALUES (2, 'offers', 7, NULL, NULL, NULL, NULL);
      INSERT INTO fact VALUES (3, 'sideways', NULL, 'x', '2025-03-04', NULL, '2025-03-04');
      """)
  }

  @Test func readsInAnyOrderGiveEachColumnItsOwnValue() throws {
    let sql = "SELECT id, kind, count, note FROM fact WHERE id < 3 ORDER BY id"
    func fields(_ row: Row, _ names: [String]) throws(DatabaseError) -> [String] {
      var fields: [String] = []
      for name in names {
        switch name {
        case "id", "count": fields.append(try row.optionalInteger(name).map(String.init) ?? "NULL")
        default: fields.append(try row.optionalText(name) ?? "NULL")
        }
      }
      return fields
    }
    let inOrder = try connection.all(sql) { row throws(DatabaseError) in
      try fields(row, ["id", "kind", "count", "note"])
    }
    let shuffled = try connection.all(sql) { row throws(DatabaseError) in
      try fields(row, ["note", "id", "id", "count", "kind", "note", "kind", "id"])
    }
    #expect(inOrder == [["1", "demands", "0", ""], ["2", "offers", "7", "NULL"]])
    #expect(
      shuffled == [
        ["", "1", "1", "0", "demands", "", "demands", "1"],
        ["NULL", "2", "2", "7", "offers", "NULL", "offers", "2"],
      ])
  }

  @Test func aNameTwiceReadsItsFirstColumn() throws {
    let read = try connection.first("SELECT id, kind AS name, note, 'later' AS name FROM fact WHERE id = 1") {
      row throws(DatabaseError) in
      (try row.integer("id"), try row.text("name"), try row.text("note"), try row.text("name"))
    }
    #expect(read?.1 == "demands")
    #expect(read?.3 == "demands")
  }

  @Test func zeroAndEmptyTextAreValuesNotNull() throws {
    let read = try connection.first("SELECT count, note FROM fact WHERE id = 1") {
      row throws(DatabaseError) in
      (try row.integer("count"), try row.text("note"), try row.bool("count"))
    }
    #expect(read?.0 == 0)
    #expect(read?.1 == "")
    #expect(read?.2 == false)
  }

  @Test func aMissingColumnOrANullValueIsAnErrorNamingTheColumn() throws {
    let missing = #expect(throws: DatabaseError.self) {
      try connection.first("SELECT id FROM fact WHERE id = 1") { row throws(DatabaseError) in
        try row.text("kind")
      }
    }
    #expect(missing?.description.hasPrefix("the query has no column 'kind'") == true)
    let null = #expect(throws: DatabaseError.self) {
      try connection.first("SELECT count FROM fact WHERE id = 3") { row throws(DatabaseError) in
        try row.integer("count")
      }
    }
    #expect(null?.description.hasPrefix("column 'count' is empty where it cannot be") == true)
  }

  @Test func aDateIsReadFromItsThreeColumnsTogetherOrApart() throws {
    let together = try connection.first("SELECT id, date, date_first, date_last FROM fact WHERE id = 1") {
      row throws(DatabaseError) in try row.date("date")
    }
    let apart = try connection.first("SELECT date_last, id, date_first, note, date FROM fact WHERE id = 1") {
      row throws(DatabaseError) in try row.date("date")
    }
    #expect(together == AccordDate.stored("2025-02~", first: "2025-02-01", last: "2025-02-28"))
    #expect(apart == together)
    #expect(together?.precision == .month)
    let none = try connection.first("SELECT date, date_first, date_last, id FROM fact WHERE id = 2") {
      row throws(DatabaseError) in (try row.optionalDate("date"), try row.integer("id"))
    }
    #expect(none?.0 == nil)
    #expect(none?.1 == 2)
    #expect(throws: DatabaseError.self) {
      try connection.first("SELECT date, date_first, date_last FROM fact WHERE id = 2") {
        row throws(DatabaseError) in try row.date("date")
      }
    }
    let noFirstDay = #expect(throws: DatabaseError.self) {
      try connection.first("SELECT date, date_first, date_last FROM fact WHERE id = 3") {
        row throws(DatabaseError) in try row.optionalDate("date")
      }
    }
    #expect(noFirstDay?.description.hasPrefix("column 'date_first' is empty where it cannot be") == true)
  }

  @Test func anUnknownValueNamesTheTableTheRowAndTheValue() throws {
    let known = try connection.first("SELECT id, kind FROM fact WHERE id = 1") { row throws(DatabaseError) in
      try row.decode(Stance.self, "kind", table: "position", id: try row.integer("id"))
    }
    #expect(known == .demands)
    let unknown = #expect(
      throws: DatabaseError.unknownValue(table: "position", id: 3, column: "kind", value: "sideways")
    ) {
      try connection.first("SELECT id, kind FROM fact WHERE id = 3") { row throws(DatabaseError) in
        try row.decode(Stance.self, "kind", table: "position", id: try row.integer("id"))
      }
    }
    // As the store says it, and the command line prints it.
    #expect(
      unknown.map(StoreError.init)
        == StoreError.conflict("position row 3 has a kind Accord does not know: 'sideways'"))
  }
}
