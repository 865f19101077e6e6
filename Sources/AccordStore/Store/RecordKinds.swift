import AccordSQLite

/// The kinds of record that can be retracted, with their tables.
public enum RecordKind: String, Sendable, CaseIterable, Codable {
  case actor, negotiation, proposal, step, condition, answer, meeting, quote, source, development, deadline
  case link, membership, participation

  public var table: String {
    switch self {
    case .actor, .negotiation, .proposal, .meeting, .source, .development, .answer, .deadline, .membership:
      rawValue
    case .step: "proposal_step"
    case .condition: "position"
    case .quote: "statement"
    case .link: "proposal_link"
    case .participation: "participant"
    }
  }

  /// The kind that a retraction of `table` names.
  public init?(table: String) {
    guard let kind = Self.allCases.first(where: { $0.table == table }) else { return nil }
    self = kind
  }
}

/// Records as an analyst names them to `history` and `retract`: a kind and a name or number.
extension AccordStore {
  /// The table and id that `accord history KIND NAME` names: a kind of record (`actor`, `step`,
  /// `quote`, …) with a name or number, or any table of the schema with a row id.
  public func historyRecord(kind: String, name: String) throws -> (table: String, id: Int64) {
    if let kind = RecordKind(rawValue: kind) {
      do {
        return (kind.table, try resolveRecord(kind, name))
      } catch {
        // A record that is gone (undone, or deleted with the sqlite3 shell) has its history still:
        // by its number, when the log holds its row.
        let digits = name.hasPrefix("#") ? String(name.dropFirst()) : name
        guard let id = Int64(digits),
          try connection.integer(
            "SELECT 1 FROM change_log WHERE table_name = ? AND row_key = ? LIMIT 1",
            [.text(kind.table), .text("[\(id)]")]) != nil
        else { throw error }
        return (kind.table, id)
      }
    }
    let tables = try historyTables()
    guard tables.contains(kind) else {
      throw StoreError.invalid(
        "'\(kind)' is not a kind of record: use one of "
          + RecordKind.allCases.map(\.rawValue).joined(separator: ", ") + ", or a table name")
    }
    guard let id = Int64(name) else {
      throw StoreError.invalid("'\(name)' is not a row number of table \(kind)")
    }
    return (kind, id)
  }

  /// The id of the record of `kind` that `name` names.
  public func resolveRecord(_ kind: RecordKind, _ name: String) throws -> Int64 {
    switch kind {
    case .actor: return try resolveActor(name)
    case .negotiation: return try resolveNegotiation(name)
    case .proposal: return try resolveProposal(name)
    case .source: return try resolveSource(name)
    case .condition: return try resolveCondition(name)
    case .step, .meeting, .quote, .development, .answer, .deadline, .link, .membership, .participation:
      let digits = name.hasPrefix("#") ? String(name.dropFirst()) : name
      guard let number = Int64(digits), number > 0 else {
        throw StoreError.invalid("'\(name)' is not a \(kind.rawValue) number")
      }
      // The table from RecordKind's fixed list.
      let exists = try connection.integer("SELECT id FROM \(kind.table) WHERE id = ?", [.integer(number)])
      guard let exists else { throw StoreError.notFound(kind: kind.rawValue, name: name, candidates: []) }
      return exists
    }
  }
}
