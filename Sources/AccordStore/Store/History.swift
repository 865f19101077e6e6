import AccordSQLite

/// One change on the log: a row inserted, updated or deleted, by which command and analyst; or the
/// rows a bulk write (an import) inserted into one table (`inserts`).
public struct HistoryEntry: Sendable, Codable, Equatable {
  public let id: Int64
  public let changedAt: String
  /// The analyst of the command, or "sqlite3 shell" for a change made outside Accord.
  public let analyst: String
  public let command: Int64?
  public let arguments: String?
  public let operation: String
  public let table: String
  /// The row's primary key, as a JSON array: `[3]`; for `inserts`, the rows': ranges of the id
  /// (`[[1,1000]]`) or, for a table keyed otherwise, the keys.
  public let key: String
  /// The row before and after, column by column (text, integer or real as stored; nil for NULL).
  /// The log keeps no copy of an inserted row: its `after` is the row as the next change found it,
  /// else as it is now (nil once it is gone without a trace).
  public let before: [Field]?
  public var after: [Field]?
  /// For `inserts`: how many rows.
  public var rows: Int? = nil

  public struct Field: Sendable, Codable, Equatable {
    public let column: String
    public let value: String?
  }

  /// The columns that changed, for an update; every column otherwise.
  public var changedFields: [(column: String, before: String?, after: String?)] {
    let old = before ?? []
    let new = after ?? []
    if operation == "update" {
      return zip(old, new).compactMap {
        $0.value == $1.value ? nil : ($0.column, $0.value, $1.value)
      }
    }
    return (operation == "insert" ? new : old).map {
      ($0.column, operation == "insert" ? nil : $0.value, operation == "insert" ? $0.value : nil)
    }
  }
}

extension AccordStore {
  // MARK: History

  /// The change log, newest first: all of it, or what concerns one record (its own row, the rows
  /// that refer to it by a foreign key, and its retraction).
  public func history(of record: (table: String, id: Int64)? = nil, limit: Int = 100) throws -> [HistoryEntry]
  {
    guard let record else {
      return try complete(
        connection.all(
          Self.historySelect + " ORDER BY l.id DESC LIMIT ?", [.integer(Int64(limit))], decodeHistory))
    }
    var entries = try changes(of: record.table, keys: ["[\(record.id)]"], limit: limit)
    // Its retraction: a current one by its key, any other by what the log kept of it.
    let retractions = try connection.all(
      "SELECT \(words.jsonKey(["id"])) FROM retraction WHERE record_table = ? AND record_id = ?",
      [.text(record.table), .integer(record.id)]
    ) { $0.text(0) }
    entries += try changes(of: "retraction", keys: retractions, limit: limit)
    entries += try connection.all(
      Self.historySelect + """
         WHERE l.table_name = 'retraction'
          AND coalesce(\(words.jsonText("l.after", "record_table")), \(words.jsonText("l.before", "record_table"))) = ?
          AND coalesce(\(words.jsonText("l.after", "record_id")), \(words.jsonText("l.before", "record_id")))
            = CAST(? AS TEXT)
        ORDER BY l.id DESC LIMIT ?
        """, [.text(record.table), .integer(record.id), .integer(Int64(limit))], decodeHistory)
    // The rows that refer to it: those there now by their keys, the others by what the log kept.
    for (table, column) in try references(to: record.table) {
      let (_, key) = try tableColumns(table)
      let keys = try connection.all(
        "SELECT \(words.jsonKey(key.map(quote))) FROM \(quote(table)) WHERE \(quote(column)) = ?",
        [.integer(record.id)]
      ) { $0.text(0) }
      entries += try changes(of: table, keys: keys, limit: limit)
      entries += try connection.all(
        Self.historySelect + """
           WHERE l.table_name = ?1
            AND (\(words.jsonText("l.before", column)) = CAST(?2 AS TEXT)
              OR \(words.jsonText("l.after", column)) = CAST(?2 AS TEXT))
          ORDER BY l.id DESC LIMIT ?3
          """, [.text(table), .integer(record.id), .integer(Int64(limit))], decodeHistory)
    }
    var seen = Set<Int64>()
    return try complete(
      entries.sorted { $0.id > $1.id }.filter { seen.insert($0.id).inserted }.prefix(limit).map { $0 })
  }

  /// The changes recorded from `since` on (a UTC time or day, compared with `changed_at`), oldest
  /// first, by `analyst` alone if given ("sqlite3 shell" names the changes made outside Accord).
  func history(since: String, analyst: String?, after: Int64, limit: Int) throws -> [HistoryEntry] {
    try complete(
      connection.all(
        Self.historySelect + """
           WHERE l.id > ?4 AND l.changed_at >= ?1 AND (CAST(?2 AS TEXT) IS NULL OR coalesce(c.analyst, 'sqlite3 shell') = ?2)
          ORDER BY l.id LIMIT ?3
          """, [.text(since), .optional(analyst), .integer(Int64(limit)), .integer(after)], decodeHistory))
  }

  static let historySelect = """
    SELECT l.id, l.changed_at, coalesce(c.analyst, 'sqlite3 shell') AS analyst, l.command_id, c.arguments,
      l.operation, l.table_name, l.row_key, l.before, l.after
    FROM change_log l LEFT JOIN command c ON c.id = l.command_id
    """

  /// The changes of the rows of `table` with these keys (JSON arrays): each row's own, and the
  /// bulk inserts that hold it.
  private func changes(of table: String, keys: [String], limit: Int) throws -> [HistoryEntry] {
    guard !keys.isEmpty else { return [] }
    // All the keys in one statement (the newest `limit` of all of them are the newest of each's).
    var entries = try connection.all(
      Self.historySelect + """
         WHERE l.table_name = ? AND l.row_key IN (\(words.texts(in: "?"))) ORDER BY l.id DESC LIMIT ?
        """, [.text(table), .text(Self.jsonStrings(keys)), .integer(Int64(limit))], decodeHistory)
    // The bulk inserts that hold one of them: by the ranges of their ids, read here; or, for a
    // table keyed otherwise, by their keys, all of them in one statement.
    if try tableColumns(table).key.count == 1 {
      let bulk = try connection.all(
        Self.historySelect + " WHERE l.table_name = ? AND l.operation = 'inserts' ORDER BY l.id DESC",
        [.text(table)], decodeHistory)
      for entry in bulk
      where try keys.contains(where: { try bulkInsert(entry.key, holds: $0, singleKey: true) }) {
        entries.append(entry)
      }
    } else {
      let held =
        switch words.engine {
        case .sqlite:
          "SELECT 1 FROM json_each(l.row_key) r WHERE json(r.value) IN (SELECT json(value) FROM json_each(?2))"
        case .postgresql:
          """
          SELECT 1 FROM json_array_elements(CAST(l.row_key AS json)) r
          WHERE CAST(r.value AS jsonb) IN (SELECT CAST(json_array_elements_text(CAST(?2 AS json)) AS jsonb))
          """
        }
      entries += try connection.all(
        Self.historySelect + """
           WHERE l.table_name = ?1 AND l.operation = 'inserts' AND EXISTS (\(held)) ORDER BY l.id DESC
          """, [.text(table), .text(Self.jsonStrings(keys))], decodeHistory)
    }
    return entries
  }

  /// Whether a bulk insert's row_key (`inserts`) holds the row with `key`: by the ranges of its
  /// ids, or by its keys.
  func bulkInsert(_ rows: String, holds key: String, singleKey: Bool) throws -> Bool {
    if singleKey {
      guard let ranges = Self.idRanges(rows), let id = Self.idRanges("[" + key + "]")?.first?.first else {
        throw StoreError.conflict("the change log has a bulk insert that Accord cannot read: \(rows)")
      }
      return ranges.contains { $0.first <= id && id <= $0.last }
    }
    let sql =
      switch words.engine {
      case .sqlite: "SELECT 1 FROM json_each(?1) r WHERE json(r.value) = json(?2) LIMIT 1"
      case .postgresql:
        "SELECT 1 FROM json_array_elements(CAST(?1 AS json)) r WHERE CAST(r.value AS jsonb) = CAST(?2 AS jsonb) LIMIT 1"
      }
    return try connection.integer(sql, [.text(rows), .text(key)]) != nil
  }

  /// Entries with an inserted row's values (the log keeps none): the row as the next change to it
  /// found it, else as it is now; and a bulk insert's count of rows.
  private func complete(_ entries: [HistoryEntry]) throws -> [HistoryEntry] {
    // For every insert at once: the row as the next change to it found it.
    let inserts = entries.filter { $0.operation == "insert" }.map(\.id)
    var later: [Int64: String] = [:]
    if !inserts.isEmpty {
      for (id, before) in try connection.all(
        """
        SELECT i.id, (SELECT c.before FROM change_log c
            WHERE c.table_name = i.table_name AND c.row_key = i.row_key AND c.id > i.id
              AND c.operation IN ('update', 'delete')
            ORDER BY c.id LIMIT 1) AS later
        FROM change_log i WHERE i.id IN (\(words.numbers(in: "?")))
        """, [.text(Self.jsonList(inserts))], { row in (row.integer(0), row.optionalText(1)) })
      {
        if let before { later[id] = before }
      }
    }
    // The others as they are now: those of a table keyed by id, a table at a time.
    var now: [String: [String: String]] = [:]
    for (table, group) in Dictionary(
      grouping: entries.filter { $0.operation == "insert" && later[$0.id] == nil }, by: \.table)
    where try tableColumns(table).key == ["id"] {
      let ids = group.compactMap { Self.idRanges("[" + $0.key + "]")?.first?.first }
      for (key, json) in try connection.all(
        "SELECT \(words.jsonKey(["id"])), \(try rowObject(table)) FROM \(quote(table)) WHERE id IN (\(words.numbers(in: "?")))",
        [.text(Self.jsonList(ids))], { row in (row.text(0), row.text(1)) })
      {
        now[table, default: [:]][key] = json
      }
      for entry in group where now[table]?[entry.key] == nil { now[table, default: [:]][entry.key] = "" }
    }
    return try entries.map { entry in
      var entry = entry
      switch entry.operation {
      case "insert":
        if let json = later[entry.id] {
          entry.after = try fields(json)
        } else if let json = now[entry.table]?[entry.key] {
          entry.after = json.isEmpty ? nil : try fields(json)
        } else {
          entry.after = try currentRow(entry.table, key: entry.key)
        }
      case "inserts":
        let single = try tableColumns(entry.table).key.count == 1
        if single {
          entry.rows = Self.idRanges(entry.key).map { $0.reduce(0) { $0 + Int($1.last - $1.first + 1) } }
        } else {
          entry.rows =
            try Self.elementCount(ofArray: entry.key)
            ?? Int(
              try connection.integer(
                words.engine == .sqlite
                  ? "SELECT count(*) FROM json_each(?)" : "SELECT json_array_length(CAST(? AS json))",
                [.text(entry.key)]) ?? 0)
        }
      default: break
      }
      return entry
    }
  }

  /// A row as it is now, by its key (a JSON array), as fields; nil when it is gone.
  private func currentRow(_ table: String, key: String) throws -> [HistoryEntry.Field]? {
    let keyColumns = try tableColumns(table).key
    guard
      let json = try connection.first(
        "SELECT \(try rowObject(table)) FROM \(quote(table)) WHERE \(words.keyMatch(keyColumns, "?1"))",
        [.text(key)], { $0.text(0) })
    else { return nil }
    return try fields(json)
  }

  /// A row of `table` as the history triggers write one: a JSON object of its columns in the
  /// table's order (SQL, over the table's own name).
  private func rowObject(_ table: String) throws -> String {
    switch words.engine {
    case .sqlite:
      "json_object("
        + (try tableColumns(table).columns).map { "'\($0)', \(quote($0))" }.joined(separator: ", ") + ")"
    case .postgresql: "CAST(row_to_json(\(quote(table))) AS text)"
    }
  }

  /// An entry from a row of ``historySelect`` (a row of `change_log` with its command).
  private func decodeHistory(_ row: Row) throws(DatabaseError) -> HistoryEntry {
    HistoryEntry(
      id: try row.integer("id"), changedAt: try row.text("changed_at"), analyst: try row.text("analyst"),
      command: try row.optionalInteger("command_id"), arguments: try row.optionalText("arguments"),
      operation: try row.text("operation"), table: try row.text("table_name"), key: try row.text("row_key"),
      before: try fields(try row.optionalText("before")), after: try fields(try row.optionalText("after")))
  }

  /// The columns of a logged row, in order.
  private func fields(_ json: String?) throws(DatabaseError) -> [HistoryEntry.Field]? {
    guard let json else { return nil }
    // Read here, as the log writes rows; anything else, by the database's own JSON.
    if let members = Self.members(ofObject: json) { return members }
    return try connection.all(
      words.engine == .sqlite
        ? "SELECT key, CASE WHEN type = 'null' THEN NULL ELSE CAST(value AS TEXT) END AS value FROM json_each(?)"
        // json (not jsonb) keeps the members in the order written: the table's.
        : "SELECT key, value FROM json_each_text(CAST(? AS json))",
      [.text(json)]
    ) { row throws(DatabaseError) in
      HistoryEntry.Field(column: try row.text("key"), value: try row.optionalText("value"))
    }
  }

  /// Every (table, column) whose foreign key points at `table`, from the schema.
  func references(to table: String) throws(StoreError) -> [(table: String, column: String)] {
    try StoreError.catching(
      connection.all(
        words.engine == .sqlite
          ? """
          SELECT m.name AS table_name, f."from" AS column_name FROM sqlite_schema m, pragma_foreign_key_list(m.name) f
          WHERE m.type = 'table' AND f."table" = ? ORDER BY m.name, f."from"
          """
          : """
          SELECT t.relname AS table_name, a.attname AS column_name
          FROM pg_constraint k
          JOIN pg_class t ON t.oid = k.conrelid
          JOIN pg_class r ON r.oid = k.confrelid
          JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = ANY (k.conkey)
          WHERE k.contype = 'f' AND r.relname = ? AND t.relnamespace = to_regnamespace(current_schema())
          ORDER BY t.relname COLLATE "C", a.attname COLLATE "C"
          """, [.text(table)]
      ) { row throws(DatabaseError) in (try row.text("table_name"), try row.text("column_name")) })
  }

  /// The tables whose changes are logged: every ordinary table but the log's own.
  public func historyTables() throws(StoreError) -> [String] {
    if let known = schemaNames.tables { return known }
    try readSchemaNames()
    return schemaNames.tables ?? []
  }

  /// Reads the history tables (``historyTables()``) and each one's columns and primary key
  /// (``tableColumns(_:)``) from the schema, in one statement: history and undo ask for a dozen,
  /// each a round trip on a team's server, and a server plans each statement on the catalogs.
  /// Only plain names (letters, digits, underscores) are kept with their columns, so that they can
  /// be written into SQL text as identifiers.
  private func readSchemaNames() throws(StoreError) {
    let rows = try StoreError.catching(
      connection.all(
        words.engine == .sqlite
          ? """
          SELECT m.name AS table_name, p.name, p.pk FROM sqlite_schema m, pragma_table_info(m.name) p
          WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' AND m.name NOT LIKE 'search%'
            AND m.name NOT IN ('schema_migration', 'command', 'change_log', 'bulk_write')
          ORDER BY m.name, p.cid
          """
          : """
          SELECT CAST(c.relname AS text) AS table_name, CAST(a.attname AS text) AS name,
            coalesce((SELECT k.n FROM unnest(i.indkey) WITH ORDINALITY AS k (attnum, n) WHERE k.attnum = a.attnum), 0) AS pk
          FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid
          LEFT JOIN pg_index i ON i.indrelid = c.oid AND i.indisprimary
          WHERE c.relkind = 'r' AND c.relnamespace = to_regnamespace(current_schema())
            AND c.relname NOT LIKE 'search%'
            AND c.relname NOT IN ('accord_schema', 'schema_migration', 'command', 'change_log', 'bulk_write')
            AND a.attnum > 0 AND NOT a.attisdropped
          ORDER BY c.relname COLLATE "C", a.attnum
          """
      ) { row throws(DatabaseError) in
        (table: try row.text("table_name"), name: try row.text("name"), key: try row.integer("pk"))
      })
    var tables: [String] = []
    var columns: [String: [(name: String, key: Int64)]] = [:]
    for row in rows {
      if tables.last != row.table { tables.append(row.table) }
      columns[row.table, default: []].append((row.name, row.key))
    }
    schemaNames.tables = tables
    for (name, found) in columns
    where Self.isPlainName(name) && found.allSatisfy({ Self.isPlainName($0.name) }) {
      schemaNames.columns[name] = (
        found.map(\.name), found.filter { $0.key > 0 }.sorted { $0.key < $1.key }.map(\.name)
      )
    }
  }
}
