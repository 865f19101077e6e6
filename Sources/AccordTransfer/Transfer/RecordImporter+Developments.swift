import AccordSQLite
import AccordStore

/// Developments: the records a large import is mostly made of, written 64 to a statement.
extension RecordImporter {
  static let developmentFields = [
    "id", "negotiation", "date", "text", "actors", "sources", "recorded_at",
  ]

  /// Developments go in `developmentBatch` to a statement (one statement a row cost more than
  /// the row), in the order read, so that SQLite numbers them as it would one by one.
  static let developmentBatch = 64

  /// Writes the developments read but not yet written. Every other record, and the end of an
  /// import, calls it first: a later record may name them.
  public func flushDevelopments() throws(StoreError) {
    guard !pendingDevelopments.isEmpty else { return }
    defer {
      pendingDevelopments.removeAll(keepingCapacity: true)
      pendingDevelopmentNumbers.removeAll(keepingCapacity: true)
    }
    let ids = try insertDevelopments(pendingDevelopments, rows: pendingDevelopments.count / 7)
    added["development", default: 0] += pendingDevelopments.count / 7
    for (number, id) in zip(pendingDevelopmentNumbers, ids) { renumber("development", number, id) }
  }

  /// Inserts `rows` developments of seven values each, in the order given, and returns their ids
  /// in that order.
  private func insertDevelopments(_ values: [SQLValue], rows: Int) throws(StoreError) -> [Int64] {
    let row = "(\(words.newID("development")), ?, ?, ?, ?, ?, coalesce(?, \(words.now)))"
    func sql() -> String {
      "INSERT INTO development (id, negotiation_id, date, date_first, date_last, text, recorded_at) VALUES "
        + Array(repeating: row, count: rows).joined(separator: ", ")
    }
    do {
      guard let file else {
        // A server says which ids it gave, in the order of the rows.
        return try connection.all(sql() + " RETURNING id", values) { $0.integer(0) }
      }
      let statement: Statement
      if rows == Self.developmentBatch, let prepared = developmentInsert {
        statement = prepared
      } else {
        statement = try file.statement(sql())
        if rows == Self.developmentBatch { developmentInsert = statement }
      }
      try statement.bind(values)
      try statement.run()
      // SQLite numbered the rows one after another, in the order given.
      let last = file.lastInsertedRowID
      return (0..<Int64(rows)).map { last - Int64(rows) + 1 + $0 }
    } catch {
      throw StoreError(error)
    }
  }

  func development(_ f: TransferFields) throws {
    try f.onlyFields(Self.developmentFields)
    guard let negotiation = try f.optionalText("negotiation") else { throw f.missing("negotiation") }
    guard let date = try f.optionalText("date") else { throw f.missing("date") }
    guard let text = try f.optionalText("text") else { throw f.missing("text") }
    try addDevelopment(
      id: try f.integer("id"), negotiation: negotiation, date: date, text: text,
      actors: try f.texts("actors"),
      sources: try f.texts("sources"), recordedAt: try f.optionalText("recorded_at"))
  }

  /// Writes one development record (or finds it there already): the hot path of large imports,
  /// which a reader may call straight from the fields it read, without building a
  /// ``TransferRecord``. One prepared statement, dates parsed once. Checks what ``add(_:)`` checks.
  public func addDevelopment(
    id: Int64, negotiation slug: String, date dateText: String, text: String, actors: [String] = [],
    sources: [String] = [], recordedAt: String?
  ) throws {
    guard id > 0 else {
      throw StoreError.invalid("field 'id': expected a positive whole number, found \(id)")
    }
    let negotiation: Int64
    if let known = negotiationIDs[slug] {
      negotiation = known
    } else {
      negotiation = try resolve(slug, field: "negotiation", table: "negotiation")
      negotiationIDs[slug] = negotiation
    }
    let date = try parsedDate(dateText, "date")
    guard !text.isEmpty else {
      throw StoreError.invalid("field 'text' is missing: a development record needs it")
    }
    if let recordedAt, !TransferFields.isTimestamp(recordedAt) {
      throw StoreError.invalid(
        "field 'recorded_at': expected a UTC time such as 2025-02-15T09:30:00.000Z, found \(TransferFields.quoted(recordedAt))"
      )
    }
    if let existing = try match(
      "development", "negotiation_id = ?3 AND date_first = ?4 AND date = ?5 AND text = ?6",
      [.integer(negotiation), date.first, .text(dateText), .text(text)])
    {
      renumber("development", id, existing)
      return count("development", added: false)
    }
    let key = newID(id, "development")
    if case .integer = key {
      // Ids above every one before are new; another (a file not in id order) is looked for among
      // those written, all of this file's, the table having been empty.
      if id > largestDevelopmentID {
        largestDevelopmentID = id
      } else {
        try flushDevelopments()
        if try connection.integer("SELECT 1 FROM development WHERE id = ?", [.integer(id)]) != nil {
          throw StoreError.invalid("field 'id': another development record of the file has the same id")
        }
      }
    }
    if actors.isEmpty && sources.isEmpty {
      if pendingDevelopments.isEmpty { pendingDevelopments.reserveCapacity(Self.developmentBatch * 7) }
      pendingDevelopments.append(key)
      pendingDevelopments.append(.integer(negotiation))
      pendingDevelopments.append(.text(dateText))
      pendingDevelopments.append(date.first)
      pendingDevelopments.append(date.last)
      pendingDevelopments.append(.text(text))
      pendingDevelopments.append(.optional(recordedAt))
      if startMax["development"] != 0 { pendingDevelopmentNumbers.append(id) }
      if pendingDevelopments.count == Self.developmentBatch * 7 { try flushDevelopments() }
      return
    }
    let values: [SQLValue] = [
      key, .integer(negotiation), .text(dateText), date.first, date.last, .text(text), .optional(recordedAt),
    ]
    try flushDevelopments()
    guard let row = try insertDevelopments(values, rows: 1).first else {
      throw StoreError.conflict("the database gave no id to a development of the file")
    }
    renumber("development", id, row)
    for actor in actors {
      try run(
        "INSERT INTO development_actor (development_id, actor_id) VALUES (?, ?) ON CONFLICT DO NOTHING",
        [.integer(row), .integer(try resolve(actor, field: "actors", table: "actor"))])
    }
    for source in sources {
      try run(
        "INSERT INTO citation (source_id, development_id) VALUES (?, ?)",
        [.integer(try resolve(source, field: "sources", table: "source")), .integer(row)])
    }
    count("development", added: true)
  }
}
