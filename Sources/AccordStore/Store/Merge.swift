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
        try connection.run(
          "UPDATE OR IGNORE \(quote(table)) SET \(quote(column)) = ?1 WHERE \(quote(column)) = ?2",
          [.integer(to), .integer(from)])
        moved += connection.changes
        try connection.run("DELETE FROM \(quote(table)) WHERE \(quote(column)) = ?", [.integer(from)])
      }
      _ = try insertRetraction(
        table: "actor", id: from, reason: "merged into \(slug ?? String(to))", label: "actor '\(duplicate)'")
      return moved
    }
  }
}
