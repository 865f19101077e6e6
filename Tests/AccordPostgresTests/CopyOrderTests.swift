import AccordSQLite
import Testing

@testable import AccordPostgres

/// The order in which `accord copy` writes a table whose rows refer to one another: each row after
/// the row it names, since both engines check a foreign key at the end of each statement, and a
/// large table goes in over many statements.
@Suite struct CopyOrderTests {
  /// Rows of (id, counters_id, supersedes_id).
  func ids(_ rows: [[SQLValue]]) -> [Int64] {
    rows.map { row in
      if case .integer(let id) = row[0] { return id }
      return -1
    }
  }

  @Test func aRowGoesInAfterTheRowsItNames() throws {
    let rows: [[SQLValue]] = [
      [1, 3, nil], [2, nil, nil], [3, nil, 4], [4, nil, nil], [5, 1, 2],
    ]
    let ordered = try PostgresCopy.referredFirst(rows, table: "proposal", id: 0, links: [1, 2])
    #expect(ids(ordered) == [4, 3, 1, 2, 5])
    #expect(ordered.count == rows.count)
  }

  @Test func rowsInIdOrderStayInIt() throws {
    let rows: [[SQLValue]] = (1...500).map { [.integer($0), $0 > 1 ? .integer($0 - 1) : .null, .null] }
    let ordered = try PostgresCopy.referredFirst(rows, table: "proposal", id: 0, links: [1, 2])
    #expect(ids(ordered) == Array(1...500))
  }

  @Test func aLongChainNamingLaterRowsNeedsNoRecursion() throws {
    // Row n names row n + 1: the last row goes in first.
    let rows: [[SQLValue]] = (1...100_000).map {
      [.integer($0), $0 < 100_000 ? .integer($0 + 1) : .null, .null]
    }
    let ordered = try PostgresCopy.referredFirst(rows, table: "proposal", id: 0, links: [1, 2])
    #expect(ids(ordered) == Array((1...100_000).reversed()))
  }

  @Test func aCircleIsRefusedInOneSentence() {
    let rows: [[SQLValue]] = [[1, 2, nil], [2, 1, nil]]
    #expect(
      throws: PostgresError.misuse(
        "rows of proposal refer to one another in a circle (row 1): copy cannot order them")
    ) {
      try PostgresCopy.referredFirst(rows, table: "proposal", id: 0, links: [1, 2])
    }
  }

  @Test func aRowNamingARowNotInTheTableGoesInWhereItIs() throws {
    let rows: [[SQLValue]] = [[1, 99, nil], [2, nil, nil]]
    #expect(ids(try PostgresCopy.referredFirst(rows, table: "proposal", id: 0, links: [1, 2])) == [1, 2])
  }
}
