import AccordSQLite

extension AccordStore {
  /// Merges a duplicate actor into another: every reference to it (every foreign key column that
  /// points at `actor`, read from the schema) moves to the other, its names become the other's
  /// aliases, and it is retracted. One command on the log, which `accord undo` reverts.
  /// Returns the number of rows that moved.
  @discardableResult
  public func mergeActor(_ duplicate: String, into: String) throws -> Int {
    try write {
      let from = try resolveActor(duplicate)
      let to = try resolveActor(into)
      guard from != to else { throw StoreError.invalid("'\(duplicate)' and '\(into)' are the same actor") }
      if try isRetracted(.actor, to) {
        throw StoreError.conflict("actor '\(into)' is retracted: merge into another actor")
      }
      let slug = try connection.first("SELECT slug FROM actor WHERE id = ?", [.integer(to)]) { $0.text(0) }
      var moved = 0
      for (table, column) in try references(to: "actor") {
        guard Self.isPlainName(table), Self.isPlainName(column) else { continue }
        // A row that would duplicate one the other actor has already (the same alias, party or
        // participant) is not moved but removed; the removal is on the log, and undone with it.
        switch words.engine {
        case .sqlite:
          try connection.run(
            "UPDATE OR IGNORE \(quote(table)) SET \(quote(column)) = ?1 WHERE \(quote(column)) = ?2",
            [.integer(to), .integer(from)])
          moved += connection.changes
        case .postgresql:
          moved += try moveSkippingDuplicates(table: table, column: column, from: from, to: to)
        }
        try connection.run("DELETE FROM \(quote(table)) WHERE \(quote(column)) = ?", [.integer(from)])
      }
      _ = try insertRetraction(
        table: "actor", id: from, reason: "merged into \(slug ?? String(to))", label: "actor '\(duplicate)'")
      return moved
    }
  }

  /// SQLite's `UPDATE OR IGNORE` on PostgreSQL, which has none: every row of `table` whose
  /// `column` is `from` gets `to`, at once; when one of them would duplicate a row (a unique key),
  /// they move one by one, each in a savepoint of its own, and those that would duplicate one stay
  /// where they are. Returns how many moved.
  private func moveSkippingDuplicates(table: String, column: String, from: Int64, to: Int64) throws -> Int {
    let move = "UPDATE \(quote(table)) SET \(quote(column)) = ?1 WHERE \(quote(column)) = ?2"
    /// Runs `body` in a savepoint; false, with what it wrote taken back, when it would duplicate a row.
    func unlessDuplicate(_ body: () throws -> Void) throws -> Bool {
      try connection.execute("SAVEPOINT accord_move")
      do {
        try body()
        try connection.execute("RELEASE SAVEPOINT accord_move")
        return true
      } catch {
        guard case .database(.sqlite(_, let extended, _, _))? = StoreError(error),
          extended == ExtendedCode.constraintUnique || extended == ExtendedCode.constraintPrimaryKey
        else { throw error }
        try connection.execute("ROLLBACK TO SAVEPOINT accord_move; RELEASE SAVEPOINT accord_move")
        return false
      }
    }
    var moved = 0
    if try unlessDuplicate({
      try connection.run(move, [.integer(to), .integer(from)])
      moved = connection.changes
    }) {
      return moved
    }
    let rows = try connection.all(
      "SELECT CAST(ctid AS text) FROM \(quote(table)) WHERE \(quote(column)) = ?", [.integer(from)]
    ) { $0.text(0) }
    for row in rows {
      _ = try unlessDuplicate {
        try connection.run(move + " AND ctid = CAST(?3 AS tid)", [.integer(to), .integer(from), .text(row)])
        moved += connection.changes
      }
    }
    return moved
  }
}
