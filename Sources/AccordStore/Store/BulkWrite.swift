/// Bulk writes (Migrations/0008_lean_writes.sql): an import or `accord generate` writes many rows
/// in one transaction. Row by row, the triggers log each insert and index its text; in bulk,
/// Accord does both at the end instead: each table's new rows in one `inserts` row of the change
/// log (ranges of the id, or the keys), so that the log costs a row a table rather than a row a
/// row, and undo and history read it as they read single inserts; and their texts in one insert
/// into the search index (ten times as fast as one a row).
extension AccordStore {
  /// Runs `body` in a write transaction as a bulk write. A bulk write must not delete a row it
  /// inserted (none of Accord's does).
  public func bulk<T>(_ body: () throws -> T) throws -> T {
    try write {
      if try connection.integer("SELECT count(*) FROM bulk_write") != 0 { return try body() }
      try prepareBulkTriggers()
      try connection.run("DELETE FROM temp.bulk_rows")
      try connection.run("INSERT INTO bulk_write (id) VALUES (1)")
      let result = try body()
      try indexBulkRows()
      try logBulkRows()
      try connection.run("DELETE FROM bulk_write")
      return result
    }
  }

  /// This connection's note of every row a bulk write inserts: a temporary trigger on each logged
  /// table, made once (temporary triggers belong to the connection; the shell never has them).
  private func prepareBulkTriggers() throws {
    try connection.execute("CREATE TEMP TABLE IF NOT EXISTS bulk_rows (tbl TEXT NOT NULL, k1 ANY, k2 ANY)")
    for table in try historyTables() {
      let (_, key) = try tableColumns(table)
      guard (1...2).contains(key.count) else {
        throw StoreError.conflict("table \(table) has a key Accord cannot log in bulk")
      }
      let values = "'\(table)', new.\(quote(key[0])), " + (key.count == 2 ? "new.\(quote(key[1]))" : "NULL")
      try connection.execute(
        """
        CREATE TEMP TRIGGER IF NOT EXISTS "bulk_rows_\(table)" AFTER INSERT ON main.\(quote(table))
        WHEN EXISTS (SELECT 1 FROM main.bulk_write) BEGIN
          INSERT INTO bulk_rows (tbl, k1, k2) VALUES (\(values));
        END
        """)
    }
  }

  /// The search index's entries of the rows the bulk write inserted, in one statement a table.
  private func indexBulkRows() throws {
    for table in try connection.all("SELECT DISTINCT tbl FROM temp.bulk_rows", [], { $0.text(0) }) {
      try connection.run(
        """
        INSERT INTO search (rowid, title, body, context)
        SELECT rowid, title, body, context FROM search_source
        WHERE source_table = ?1 AND ref IN (SELECT k1 FROM temp.bulk_rows WHERE tbl = ?1)
        """, [.text(table)])
    }
  }

  /// One `inserts` row of the change log for each table written, in the order first written (so
  /// that undo, going backwards, removes a row's dependants first).
  private func logBulkRows() throws {
    let tables = try connection.all("SELECT tbl FROM temp.bulk_rows GROUP BY tbl ORDER BY min(rowid)") {
      $0.text(0)
    }
    for table in tables {
      let single = try tableColumns(table).key.count == 1
      let rows =
        single
        ? """
        SELECT json_group_array(json_array(lo, hi)) FROM (
          SELECT min(k1) AS lo, max(k1) AS hi FROM (
            SELECT k1, k1 - row_number() OVER (ORDER BY k1) AS run FROM temp.bulk_rows WHERE tbl = ?1)
          GROUP BY run ORDER BY lo)
        """
        : "SELECT json_group_array(json_array(k1, k2)) FROM temp.bulk_rows WHERE tbl = ?1"
      try connection.run(
        """
        INSERT INTO change_log (command_id, table_name, row_key, operation)
        SELECT (SELECT id FROM command WHERE open = 1), ?1, (\(rows)), 'inserts'
        """, [.text(table)])
    }
    try connection.run("DELETE FROM temp.bulk_rows")
  }
}
