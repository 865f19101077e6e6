import AccordSQLite
import AccordStore

/// Reads the whole record as ``TransferRecord``s, type by type in ``TransferFormat/types`` order and
/// by id within a type, from one read transaction (one consistent snapshot), one row at a time:
/// memory does not grow with the database.
extension AccordStore {
  /// Calls `body` with every record of the given types (all when nil), in export order.
  public func exportRecords(types: Set<String>? = nil, _ body: (TransferRecord) throws -> Void) throws {
    try connection.read {
      for type in TransferFormat.types where types?.contains(type) ?? true {
        guard let query = Self.exportQueries[type] else { continue }
        var fields: [(name: String, isList: Bool)]?
        try connection.forEach(query.sql) { row in
          let names =
            fields ?? (0..<row.columnCount).map { (row.name($0), query.lists.contains(row.name($0))) }
          fields = names
          try body(query.decode(row, fields: names))
        }
      }
    }
  }

  /// How many records of each type the database holds, for progress estimates.
  public func recordCount(types: Set<String>? = nil) throws -> Int {
    var total: Int64 = 0
    for type in TransferFormat.types where types?.contains(type) ?? true {
      guard let table = Self.exportTables[type] else { continue }
      total += try connection.integer("SELECT count(*) FROM \(table)") ?? 0
    }
    return Int(total)
  }

  static let exportTables: [String: String] = [
    "actor": "actor", "affiliation": "affiliation", "source": "source", "negotiation": "negotiation",
    "participant": "participant", "membership": "membership", "proposal": "proposal", "link": "proposal_link",
    "answer": "answer", "deadline": "deadline", "step": "proposal_step", "term": "term",
    "position": "position",
    "term_link": "term_link", "meeting": "meeting", "quote": "statement", "development": "development",
    "dataset_record": "dataset_record", "stage": "proposal_stage", "signatory": "proposal_signatory",
    "retraction": "retraction",
  ]

  /// How one type of record is read for export: a statement whose columns are named as the
  /// record's fields, in the order the file gives them. A NULL is left out; an integer stays one;
  /// a column of `lists` holds a list joined by the unit separator, U+001F (group_concat), given as a JSON list.
  struct ExportQuery: Sendable {
    let type: String
    var lists: Set<String> = []
    let sql: String

    /// The record in a row, given its columns' names and which of them are lists (read once a
    /// statement).
    func decode(_ row: Row, fields: [(name: String, isList: Bool)]) -> TransferRecord {
      var record = TransferRecord(type: type)
      record.fields.reserveCapacity(fields.count)
      for (column, field) in zip(Int32(0)..., fields) {
        switch row.value(column) {
        case .null: continue
        case .integer(let value): record.add(field.name, value)
        case .real: record.add(field.name, .number(row.text(column)))
        case .text(let text): record.add(field.name, field.isList ? AccordStore.list(text) : .text(text))
        }
      }
      return record
    }
  }

  /// The sources a fact cites, by short id, in the order they were cited.
  static func citedSQL(_ column: String, _ id: String) -> String {
    """
    (SELECT group_concat(slug, '\u{1F}') FROM (SELECT cited_source.slug FROM citation c
      JOIN source cited_source ON cited_source.id = c.source_id WHERE c.\(column) = \(id) ORDER BY c.id) AS ordered)
    """
  }

  /// The short ids of the actors a fact names in `table` (a meeting's participants, a
  /// development's actors), in the order of their numbers, as one list column.
  static func actorsSQL(_ table: String, _ column: String, _ id: String) -> String {
    """
    (SELECT group_concat(slug, '\u{1F}') FROM (SELECT a.slug FROM \(table) x
      JOIN actor a ON a.id = x.actor_id WHERE x.\(column) = \(id) ORDER BY x.actor_id) AS ordered)
    """
  }

  static func list(_ text: String?) -> TransferValue {
    .list(splitList(text).map(TransferValue.text))
  }

}
