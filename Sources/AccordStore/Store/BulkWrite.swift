import AccordSQLite

/// Bulk writes (Migrations/0008_lean_writes.sql): an import or `accord generate` writes many rows
/// in one transaction. Row by row, the triggers log each insert and index its text; in bulk,
/// Accord does both at the end instead: each table's new rows in one `inserts` row of the change
/// log (ranges of the id, or the keys), so that the log costs a row a table rather than a row a
/// row, and undo and history read it as they read single inserts; and their texts in one insert
/// into the search index (ten times as fast as one a row).
///
/// The insert triggers that stand aside in a bulk write (`WHEN NOT EXISTS (SELECT 1 FROM
/// bulk_write)`) are dropped for its length and made again from their own text before it
/// commits, all in its one transaction: a statement whose triggers could write to the search
/// index pays for a savepoint in it on every row even when the trigger does nothing, which cost
/// more than the row itself. Nothing outside the transaction ever sees them missing.
extension AccordStore {
  /// Runs `body` in a write transaction as a bulk write. Its rows are found at the end by their
  /// rowids, above each table's largest before the write: a bulk writer leaves the id to SQLite,
  /// or gives its own only to a table that was empty (as imports do). A bulk write must not
  /// change or delete a row the search indexes (the search triggers refuse it).
  ///
  /// On a team's server a bulk write is a plain write: its triggers log and index each row, as
  /// they do every other write's.
  public func bulk<T>(_ body: () throws -> T) throws -> T {
    guard file != nil else { return try write(body) }
    return try write {
      if try connection.integer("SELECT count(*) FROM bulk_write") != 0 { return try body() }
      let tables = try bulkTables()
      let standing = try connection.all(
        """
        SELECT name, sql FROM sqlite_schema
        WHERE type = 'trigger' AND sql LIKE '%WHEN NOT EXISTS (SELECT 1 FROM bulk_write)%'
        ORDER BY name
        """
      ) { row throws(DatabaseError) in (try row.text("name"), try row.text("sql")) }
      for (name, _) in standing {
        guard Self.isPlainName(name) else {
          throw StoreError.conflict("the trigger \(name) has a name Accord cannot drop and make again")
        }
        try connection.execute("DROP TRIGGER main.\(quote(name))")
      }
      try prepareBulkTriggers(tables.filter { $0.mark == nil }.map(\.name))
      try connection.run("DELETE FROM temp.bulk_rows")
      try connection.run("INSERT INTO bulk_write (id) VALUES (1)")
      let result = try body()
      try indexBulkRows(tables)
      try logBulkRows(tables)
      try connection.run("DELETE FROM bulk_write")
      for (_, sql) in standing { try connection.execute(sql) }
      return result
    }
  }

  /// A logged table: its key, and the largest rowid before the bulk write (nil for a table
  /// without rowids, whose new rows a temporary trigger notes instead).
  struct BulkTable {
    let name: String
    let key: [String]
    let mark: Int64?
  }

  private func bulkTables() throws -> [BulkTable] {
    let withoutRowid = Set(
      try connection.all(
        "SELECT name FROM sqlite_schema WHERE type = 'table' AND sql LIKE '%WITHOUT ROWID%'"
      ) { $0.text(0) })
    return try historyTables().map { table in
      let (_, key) = try tableColumns(table)
      guard (1...2).contains(key.count) else {
        throw StoreError.conflict("table \(table) has a key Accord cannot log in bulk")
      }
      let mark =
        withoutRowid.contains(table)
        ? nil : try connection.integer("SELECT coalesce(max(rowid), 0) FROM main.\(quote(table))") ?? 0
      return BulkTable(name: table, key: key, mark: mark)
    }
  }

  /// This connection's note of every row a bulk write inserts into a table without rowids: a
  /// temporary trigger on each, made once (temporary triggers belong to the connection; the
  /// shell never has them).
  private func prepareBulkTriggers(_ tables: [String]) throws {
    try connection.execute(
      "CREATE TEMP TABLE IF NOT EXISTS bulk_rows (tbl TEXT NOT NULL, k1 ANY, k2 ANY)")
    for table in tables {
      let (_, key) = try tableColumns(table)
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

  /// The search index's entries of the rows the bulk write inserted, in one statement a table
  /// (every indexed table has rowids: its id is the index's `ref`), or one for each
  /// `indexChunk` ids: FTS5 writes out the terms it holds between statements, and one statement
  /// of a million rows held some 45 MB more than ten of a hundred thousand.
  private func indexBulkRows(_ tables: [BulkTable]) throws {
    for table in tables {
      guard let mark = table.mark else { continue }
      let top = try connection.integer("SELECT coalesce(max(rowid), 0) FROM main.\(quote(table.name))") ?? 0
      var low = mark
      while low < top {
        let high = min(top, low + Self.indexChunk)
        try connection.run(
          """
          INSERT INTO search (rowid, title, body, context)
          SELECT rowid, title, body, context FROM search_source
          WHERE source_table = ?1 AND ref > ?2 AND ref <= ?3
          """, [.text(table.name), .integer(low), .integer(high)])
        low = high
      }
    }
  }

  static let indexChunk: Int64 = 100_000

  /// One `inserts` row of the change log for each table written, parents before children (the
  /// order of the tables' first new rows is not known, so the foreign keys decide), so that
  /// undo, going backwards, removes a row's dependants first.
  private func logBulkRows(_ tables: [BulkTable]) throws {
    for table in try parentsFirst(tables) {
      let selection =
        table.mark.map { "FROM main.\(quote(table.name)) WHERE rowid > \($0)" }
        ?? "FROM temp.bulk_rows WHERE tbl = '\(table.name)'"
      let columns = table.mark == nil ? ["k1", "k2"] : table.key.map(quote)
      // The usual case: SQLite numbered the new rows, one run of ids with no gap.
      if let mark = table.mark, table.key.count == 1,
        let run = try connection.first(
          "SELECT min(\(columns[0])) AS low, max(\(columns[0])) AS high, count(*) AS rows \(selection)", [],
          { row throws(DatabaseError) in
            (try row.optionalInteger("low"), try row.optionalInteger("high"), try row.integer("rows"))
          })
      {
        guard run.2 > 0, let low = run.0, let high = run.1 else { continue }
        if run.2 == high - low + 1, low > mark {
          try connection.run(
            """
            INSERT INTO change_log (command_id, table_name, row_key, operation)
            VALUES ((SELECT id FROM command WHERE open = 1), ?1, json_array(json_array(?2, ?3)), 'inserts')
            """, [.text(table.name), .integer(low), .integer(high)])
          continue
        }
      }
      let rows =
        table.key.count == 1
        ? """
        SELECT json_group_array(json_array(lo, hi)) FROM (
          SELECT min(k) AS lo, max(k) AS hi FROM (
            SELECT k, k - row_number() OVER (ORDER BY k) AS run FROM (SELECT \(columns[0]) AS k \(selection)))
          GROUP BY run ORDER BY lo)
        """
        : "SELECT json_group_array(json_array(\(columns[0]), \(columns[1]))) \(selection)"
      try connection.run(
        """
        INSERT INTO change_log (command_id, table_name, row_key, operation)
        SELECT (SELECT id FROM command WHERE open = 1), ?1, found, 'inserts'
        FROM (SELECT (\(rows)) AS found) WHERE found <> '[]'
        """, [.text(table.name)])
    }
    try connection.run("DELETE FROM temp.bulk_rows")
  }

  /// `tables` ordered so that a table comes after every table its foreign keys point to.
  private func parentsFirst(_ tables: [BulkTable]) throws -> [BulkTable] {
    var parents: [String: Set<String>] = [:]
    for table in tables {
      parents[table.name] = Set(
        try connection.all("SELECT DISTINCT \"table\" FROM pragma_foreign_key_list(?)", [.text(table.name)]) {
          $0.text(0)
        }
      ).subtracting([table.name])
    }
    var placed: Set<String> = []
    var ordered: [BulkTable] = []
    var remaining = tables
    while !remaining.isEmpty {
      let ready = remaining.filter { parents[$0.name, default: []].isSubset(of: placed) }
      // A cycle of foreign keys (none in Accord's schema) falls back to name order.
      let next = ready.isEmpty ? [remaining[0]] : ready
      ordered += next
      placed.formUnion(next.map(\.name))
      remaining.removeAll { table in next.contains { $0.name == table.name } }
    }
    return ordered
  }
}
