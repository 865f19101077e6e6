import AccordSQLite

/// A record's contents as plain text, to compare two records: `accord example` checks with it that
/// a file holds nothing but the worked example before it rebuilds it.
extension AccordStore {
  /// Every row of every table as text, by table: but for the times rows were recorded at, the
  /// search index (a virtual table and its shadow tables, which the triggers derive from the rows)
  /// and the change log (`command`, `change_log`, which says who wrote them). Table and column
  /// names come from the schema and are quoted as identifiers.
  public func rowTexts() throws -> [String: Set<String>] {
    let tables = try connection.all(
      """
      SELECT name FROM sqlite_schema
      WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'
        AND name NOT IN ('schema_migration', 'command', 'change_log')
        AND name NOT IN (SELECT name FROM pragma_table_list WHERE type IN ('virtual', 'shadow'))
      """
    ) { $0.text(0) }
    var records: [String: Set<String>] = [:]
    for table in tables {
      let columns = try connection.all(
        "SELECT name FROM pragma_table_info(?) WHERE name <> 'recorded_at'", [.text(table)]
      ) { "quote(\(quote($0.text(0))))" }
      records[table] = Set(
        try connection.all("SELECT \(columns.joined(separator: " || '|' || ")) FROM \(quote(table))") {
          $0.text(0)
        })
    }
    return records
  }
}
