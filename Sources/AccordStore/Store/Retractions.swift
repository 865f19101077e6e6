import AccordSQLite

/// Retraction, the one rule: a record is retracted when a row of `retraction` names its table and
/// its id (Migrations/0004_history.sql). Nothing is deleted; a retracted record is left out of
/// answers unless a command asks for it (`--include-retracted`), and so are the facts of a
/// retracted negotiation. Every query written in Swift asks these functions; the
/// `current_<table>` views apply the same rule in the schema, for the `sqlite3` shell and
/// Datasette.
extension AccordStore {
  /// SQL that is true when the record of `table` numbered `id` (an SQL expression of the
  /// caller's query: a column or a placeholder) is retracted.
  static func retracted(_ table: String, _ id: String) -> String {
    // Joined by hand rather than through retracted(anyOf:): queries build it on every call, and
    // the list's map and join cost ten times as much.
    "EXISTS (SELECT 1 FROM retraction WHERE retraction.record_table = '" + table
      + "' AND retraction.record_id = " + id + ")"
  }

  /// SQL that is true when any of the records named is retracted: each a table (an SQL
  /// expression: a quoted name, or a column of the caller's query) and one id or a
  /// comma-separated list of them (SQL expressions). One look-up in `retraction`'s index each.
  static func retracted(anyOf records: [(table: String, ids: String)]) -> String {
    // `= id` for one id: SQLite turns `IN (x)` into `=` only for a constant x, and otherwise
    // builds a temporary table for the list on every row.
    let cases = records.map { record in
      let ids = record.ids.contains(",") ? "IN (\(record.ids))" : "= \(record.ids)"
      return "(retraction.record_table = \(record.table) AND retraction.record_id \(ids))"
    }
    return "EXISTS (SELECT 1 FROM retraction WHERE \(cases.joined(separator: " OR ")))"
  }

  /// Whether a fact of `table` with id `column`, in the negotiation `negotiationColumn`, is left
  /// out: it is retracted, or its negotiation is. (SQL text; the columns are the callers' own.)
  static func hidden(_ table: String, _ column: String, negotiationColumn: String) -> String {
    "(\(retracted(table, column)) OR \(retracted("negotiation", negotiationColumn)))"
  }

  /// Why the record of `table` numbered `id` was retracted; nil when it stands.
  func retractionReason(table: String, id: Int64) throws(StoreError) -> String? {
    try StoreError.catching(
      connection.first(Self.retractionReasonStatement(table: table, id: id), { $0.text(0) }))
  }

  /// The statement of ``retractionReason(table:id:)``.
  static func retractionReasonStatement(table: String, id: Int64) -> ReadStatement {
    ReadStatement(
      "SELECT reason FROM retraction WHERE record_table = ? AND record_id = ?", [.text(table), .integer(id)])
  }

  /// The ids of the retracted records of `table`.
  func retractedIDs(table: String) throws(StoreError) -> Set<Int64> {
    Set(
      try StoreError.catching(
        connection.all("SELECT record_id FROM retraction WHERE record_table = ?", [.text(table)]) {
          $0.integer(0)
        }))
  }
}

extension AccordStore {
  /// Retracts a record: a new fact, with its reason, that hides it from listings, status,
  /// searches, timelines and reports. Returns the retraction's number.
  @discardableResult
  public func retract(_ kind: RecordKind, _ name: String, reason: String) throws -> Int64 {
    let reason = reason.trimmingSpaces
    guard !reason.isEmpty else { throw StoreError.mistake(.retractionWithoutReason) }
    return try write {
      let id = try resolveRecord(kind, name)
      return try insertRetraction(
        table: kind.table, id: id, reason: reason, label: "\(kind.rawValue) \(name)")
    }
  }

  func insertRetraction(table: String, id: Int64, reason: String, label: String) throws -> Int64 {
    if let earlier = try retractionReason(table: table, id: id) {
      throw StoreError.conflict("\(label) is retracted already (\(earlier))")
    }
    if words.analystIsTheLogin {
      return try connection.insert(
        "INSERT INTO retraction (record_table, record_id, reason) VALUES (?, ?, ?)",
        [.text(table), .integer(id), .text(reason)])
    }
    return try connection.insert(
      "INSERT INTO retraction (record_table, record_id, reason, analyst) VALUES (?, ?, ?, ?)",
      [.text(table), .integer(id), .text(reason), .text(analyst)])
  }

  /// True when the record is retracted.
  public func isRetracted(_ kind: RecordKind, _ id: Int64) throws -> Bool {
    try retractionReason(table: kind.table, id: id) != nil
  }
}
