import AccordSQLite

/// `accord copy --to` and `--from`: a whole record, from an SQLite file into an empty Accord
/// database on a PostgreSQL server (or back, into a new file), every table's rows as they are (their ids, the commands and the change log
/// with them: the history comes along), in one transaction, then compared row by row.
///
/// The two schemas are the same at the same version (`scripts/schema-parity` holds them so), so
/// the copy is table by table, column by column, by name. The rows go in as one bulk write (a row
/// in `bulk_write`): the history triggers do not log them again (the change log is copied), the
/// date and size rules, which the file's own rules held, are not run again, and the search index
/// is made at the end from `search_source`, as an import makes it. Foreign keys are checked as
/// the rows go in: tables go in an order in which each comes after those it refers to, and each
/// table's rows in the order of their ids, or, where a row may refer to another of its table (a
/// proposal that counters another), after the row it refers to.
public enum PostgresCopy {
  public struct Copied: Sendable, Equatable {
    /// How many rows went in, all tables together.
    public private(set) var rows: Int
    /// How many tables held rows.
    public private(set) var tables: Int

    mutating func add(_ count: Int) {
      rows += count
      if count > 0 { tables += 1 }
    }
  }

  /// Tables that are not copied: the schema's own, the bulk write's mark, the search index.
  static let skipped: Set<String> = ["accord_schema", "schema_migration", "bulk_write", "search"]

  /// Parameters in one INSERT: well under PostgreSQL's 65,535, and a few hundred rows at once.
  static let parametersPerStatement = 4_000

  /// Copies the record in `file` into the empty Accord database of `server`, then reads both back
  /// and compares every row. Throws ``PostgresError`` (``PostgresError/misuse(_:)`` with a sentence
  /// for a server database that is not ready or not empty, or a copy that does not compare equal,
  /// which is rolled back) or `DatabaseError` for the file.
  public static func copy(from file: Connection, to server: PostgresConnection) throws -> Copied {
    try checkVersions(file, server)
    // The file as it stood when the copy began (one read transaction), into one write.
    return try file.read {
      try server.write {
        let tables = try orderedTables(server)
        for table in tables where try !isEmpty(table, server.integer) {
          throw PostgresError.misuse(
            "\(server.database) already holds records (its \(table) table has rows): copy into an empty team database"
          )
        }
        try server.run("INSERT INTO bulk_write (id) VALUES (1)")
        let copied = try copyTables(tables, described: server, read: file.rows, run: server.run)
        try server.run(
          "INSERT INTO search (rowid, document) SELECT rowid, accord_search_document(title, body, context) FROM search_source"
        )
        // The logs' identities, which no trigger moves past ids given explicitly.
        for table in ["command", "change_log"] {
          try server.run(
            "SELECT setval(pg_get_serial_sequence(?, 'id'), coalesce(max(id), 0) + 1, false) FROM \(quote(table))",
            [.text(table)])
        }
        try server.run("DELETE FROM bulk_write")
        for table in tables { try compare(table, try self.columns(table, server), file, server) }
        // The planner's statistics of the tables just filled, as pg_restore's users are told to
        // gather: until autovacuum comes round, it would plan the first commands for empty tables.
        try server.run("ANALYZE")
        return copied
      }
    }
  }

  /// Copies the record of `server` into `file`, a new Accord file at the same schema version
  /// whose record is empty, then compares every row, as ``copy(from:to:)`` does the other way.
  /// The file's command log gains nothing: its write hooks are set aside for the copy.
  public static func copy(from server: PostgresConnection, to file: Connection) throws -> Copied {
    try checkVersions(file, server)
    let hooks = file.writeHooks
    file.writeHooks = nil
    defer { file.writeHooks = hooks }
    return try server.read {
      try file.write {
        let tables = try orderedTables(server)
        for table in tables where try !isEmpty(table, file.integer) {
          throw PostgresError.misuse(
            "the file already holds records (its \(table) table has rows): copy into a new file")
        }
        try file.run("INSERT INTO bulk_write (id) VALUES (1)")
        let copied = try copyTables(tables, described: server, read: server.rows, run: file.run)
        try file.run(
          "INSERT INTO search (rowid, title, body, context) SELECT rowid, title, body, context FROM search_source"
        )
        try file.run("DELETE FROM bulk_write")
        for table in tables { try compare(table, try self.columns(table, server), file, server) }
        return copied
      }
    }
  }

  /// Both at the same schema version, the server's made.
  static func checkVersions(_ file: Connection, _ server: PostgresConnection) throws {
    let fileVersion = try Migrator.version(of: file)
    let serverVersion = try PostgresMigrator.version(of: server)
    guard serverVersion > 0 else {
      throw PostgresError.misuse(
        "\(server.database) holds no Accord schema yet: make it with 'accord team init', then copy")
    }
    guard fileVersion == serverVersion else {
      throw PostgresError.misuse(
        "the file's schema is version \(fileVersion) and \(server.database)'s is \(serverVersion): bring both to this Accord's ('accord init' on the file, 'accord team init' on the server)"
      )
    }
  }

  /// True when `table` has no row, asked through either engine's `integer`.
  static func isEmpty(_ table: String, _ integer: (String, [SQLValue]) throws -> Int64?) throws -> Bool {
    try integer("SELECT count(*) FROM (SELECT 1 FROM \(quote(table)) LIMIT 1) AS any_row", []) == 0
  }

  /// The record's tables on the server, each after every table it refers to.
  static func orderedTables(_ server: PostgresConnection) throws -> [String] {
    let names = try server.all(
      """
      SELECT c.relname AS name FROM pg_class c
      WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind = 'r' ORDER BY 1
      """
    ) { row throws(PostgresError) in try row.text("name") }.filter { !skipped.contains($0) }
    let references = try server.all(
      """
      SELECT c.relname AS child, p.relname AS parent FROM pg_constraint k
      JOIN pg_class c ON c.oid = k.conrelid JOIN pg_class p ON p.oid = k.confrelid
      WHERE k.contype = 'f' AND k.conrelid <> k.confrelid
        AND c.relnamespace = current_schema()::regnamespace
      """
    ) { row throws(PostgresError) in (try row.text("child"), try row.text("parent")) }
    var parents: [String: Set<String>] = [:]
    for (child, parent) in references where !skipped.contains(parent) {
      parents[child, default: []].insert(parent)
    }
    var ordered: [String] = []
    var placed: Set<String> = []
    while ordered.count < names.count {
      guard
        let next = names.first(where: {
          !placed.contains($0) && parents[$0, default: []].isSubset(of: placed)
        })
      else {
        throw PostgresError.misuse("internal: the tables' foreign keys make a cycle; copy cannot order them")
      }
      ordered.append(next)
      placed.insert(next)
    }
    return ordered
  }

  /// The table's columns on the server, in their order (generated ones left out: they are made).
  static func columns(_ table: String, _ server: PostgresConnection) throws -> [String] {
    try server.all(
      """
      SELECT column_name FROM information_schema.columns
      WHERE table_schema = current_schema() AND table_name = ? AND is_generated = 'NEVER'
      ORDER BY ordinal_position
      """, [.text(table)]
    ) { row throws(PostgresError) in try row.text("column_name") }
  }

  /// Rows read at once: memory stays within a few chunks, whatever the table's size.
  static let rowsPerChunk = 10_000

  /// Reads the table's rows through `read`, in a stable order (by id, else by every column), a
  /// chunk at a time, each given to `body`; returns how many. The same statements on both engines.
  static func forEachChunk(
    _ table: String, _ columns: [String], read: (String, [SQLValue]) throws -> [[SQLValue]],
    _ body: ([[SQLValue]]) throws -> Void
  ) throws -> Int {
    let list = columns.map(quote).joined(separator: ", ")
    let limit = SQLValue.integer(Int64(rowsPerChunk))
    var count = 0
    if let id = columns.firstIndex(of: "id") {
      // By id, from the last one read: each chunk found by the key.
      var last = SQLValue.integer(Int64.min)
      while true {
        let rows = try read(
          "SELECT \(list) FROM \(quote(table)) WHERE id > ? ORDER BY id LIMIT ?", [last, limit])
        if rows.isEmpty { return count }
        try body(rows)
        count += rows.count
        last = rows[rows.count - 1][id]
      }
    }
    let order = (1...columns.count).map(String.init).joined(separator: ", ")
    while true {
      let rows = try read(
        "SELECT \(list) FROM \(quote(table)) ORDER BY \(order) LIMIT ? OFFSET ?",
        [limit, .integer(Int64(count))])
      if rows.isEmpty { return count }
      try body(rows)
      count += rows.count
    }
  }

  /// Copies every one of `tables`, in that order, their columns and links as `described` (the
  /// server's catalog) says them: read through `read`, written through `run`.
  static func copyTables(
    _ tables: [String], described server: PostgresConnection,
    read: (String, [SQLValue]) throws -> [[SQLValue]],
    run: (String, [SQLValue]) throws -> Void
  ) throws -> Copied {
    var copied = Copied(rows: 0, tables: 0)
    let references = try selfReferences(server)
    for table in tables {
      copied.add(
        try copyTable(table, try columns(table, server), references[table] ?? [], read: read, run: run))
    }
    return copied
  }

  /// Copies one table's rows, read through `read` and written through `run`; returns how many.
  /// Rows go in by id, a chunk at a time; a table whose rows may refer to one another
  /// (`selfReferring`: a proposal that counters another, which an edit may make a later one) is
  /// read whole and each row goes in after the row it refers to, since both engines check a
  /// foreign key as each row goes in.
  static func copyTable(
    _ table: String, _ columns: [String], _ selfReferring: [String],
    read: (String, [SQLValue]) throws -> [[SQLValue]], run: (String, [SQLValue]) throws -> Void
  ) throws -> Int {
    let links = selfReferring.compactMap { columns.firstIndex(of: $0) }
    guard !links.isEmpty, let id = columns.firstIndex(of: "id") else {
      return try forEachChunk(table, columns, read: read) { rows in
        try insert(rows, into: table, columns, run)
      }
    }
    var rows: [[SQLValue]] = []
    let count = try forEachChunk(table, columns, read: read) { rows += $0 }
    try insert(try referredFirst(rows, table: table, id: id, links: links), into: table, columns, run)
    return count
  }

  /// `rows` (in order of id) reordered so that each comes after the rows its `links` columns name.
  static func referredFirst(_ rows: [[SQLValue]], table: String, id: Int, links: [Int]) throws -> [[SQLValue]]
  {
    func number(_ value: SQLValue) -> Int64? {
      if case .integer(let number) = value { return number }
      return nil
    }
    var index: [Int64: Int] = [:]
    for (position, row) in rows.enumerated() { if let key = number(row[id]) { index[key] = position } }
    var state = [UInt8](repeating: 0, count: rows.count)  // 0 to place, 1 being placed, 2 placed
    var ordered: [[SQLValue]] = []
    ordered.reserveCapacity(rows.count)
    for start in rows.indices where state[start] == 0 {
      // Depth first, without recursion: a row is placed once every row it names is.
      var stack = [start]
      while let top = stack.last {
        if state[top] == 2 {
          stack.removeLast()
          continue
        }
        state[top] = 1
        let waiting = links.compactMap { number(rows[top][$0]).flatMap { index[$0] } }.filter {
          state[$0] != 2
        }
        if let next = waiting.first {
          guard state[next] == 0 else {
            throw PostgresError.misuse(
              "rows of \(table) refer to one another in a circle (row \(number(rows[next][id]) ?? 0)): copy cannot order them"
            )
          }
          stack.append(next)
        } else {
          state[top] = 2
          ordered.append(rows[top])
          stack.removeLast()
        }
      }
    }
    return ordered
  }

  /// Each table's columns that refer to the table's own rows.
  static func selfReferences(_ server: PostgresConnection) throws -> [String: [String]] {
    let pairs = try server.all(
      """
      SELECT c.relname AS table_name, a.attname AS column_name FROM pg_constraint k
      JOIN pg_class c ON c.oid = k.conrelid
      JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = ANY (k.conkey)
      WHERE k.contype = 'f' AND k.conrelid = k.confrelid AND c.relnamespace = current_schema()::regnamespace
      ORDER BY 1, 2
      """
    ) { row throws(PostgresError) in (try row.text("table_name"), try row.text("column_name")) }
    return Dictionary(grouping: pairs, by: \.0).mapValues { $0.map(\.1) }
  }

  /// Inserts `rows` into `table`, a few hundred to a statement, through `run`.
  static func insert(
    _ rows: [[SQLValue]], into table: String, _ columns: [String], _ run: (String, [SQLValue]) throws -> Void
  ) throws {
    let perStatement = max(1, parametersPerStatement / columns.count)
    let tuple = "(" + Array(repeating: "?", count: columns.count).joined(separator: ", ") + ")"
    let head = "INSERT INTO \(quote(table)) (\(columns.map(quote).joined(separator: ", "))) VALUES "
    var start = 0
    while start < rows.count {
      let chunk = rows[start..<min(rows.count, start + perStatement)]
      try run(
        head + Array(repeating: tuple, count: chunk.count).joined(separator: ", "), chunk.flatMap { $0 })
      start += chunk.count
    }
  }

  /// Every row of the table the same on both sides, or the copy is refused (and rolled back): the
  /// same statements on both, chunk by chunk, until both have no more.
  static func compare(_ table: String, _ columns: [String], _ file: Connection, _ server: PostgresConnection)
    throws
  {
    var compared = 0
    let both: (String, [SQLValue]) throws -> [[SQLValue]] = { sql, arguments in
      let theirs = try file.rows(sql, arguments)
      let ours = try server.rows(sql, arguments)
      guard theirs == ours else {
        let offset = zip(theirs, ours).enumerated().first { $0.element.0 != $0.element.1 }?.offset
        let row = compared + (offset ?? min(theirs.count, ours.count)) + 1
        throw PostgresError.misuse(
          "the copy of \(table) differs from the original at its row \(row): nothing was copied")
      }
      return theirs
    }
    _ = try forEachChunk(table, columns, read: both) { rows in compared += rows.count }
  }

  /// A name as SQL writes it, the same on both engines.
  static func quote(_ name: String) -> String {
    "\"" + name.split(separator: "\"", omittingEmptySubsequences: false).joined(separator: "\"\"") + "\""
  }
}

extension Connection {
  /// Every row of `sql`, each as its values.
  fileprivate func rows(_ sql: String, _ arguments: [SQLValue]) throws -> [[SQLValue]] {
    try all(sql, arguments) { row in (0..<row.columnCount).map { row.value($0) } }
  }
}

extension PostgresConnection {
  /// Every row of `sql`, each as its values.
  fileprivate func rows(_ sql: String, _ arguments: [SQLValue]) throws -> [[SQLValue]] {
    try all(sql, arguments) { row throws(PostgresError) in (0..<row.columnCount).map { row.value($0) } }
  }
}
