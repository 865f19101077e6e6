import AccordSQLite

/// A free, dated log entry.
public struct Development: Sendable, Codable, Equatable {
  public let id: Int64
  public let date: AccordDate
  public let text: String
  public let actors: [String]
  public var sources: [String]
}

extension Development {
  /// A development from a row of `development`, with its `actors` (without its sources).
  init(row: Row) throws(DatabaseError) {
    self.init(
      id: try row.integer("id"), date: try row.date("date"), text: try row.text("text"),
      actors: try row.list("actors"), sources: [])
  }
}

extension AccordStore {
  /// Logs a development on a negotiation.
  @discardableResult
  public func log(
    negotiation: String, text: String, date: AccordDate, actors: [String] = [], sources: [String] = []
  ) throws -> Int64 {
    guard !text.trimmingSpaces.isEmpty else { throw StoreError.invalid("a development needs its text") }
    return try write {
      let negotiation = try resolveNegotiation(negotiation)
      let actors = try actors.map { try resolveActor($0) }
      let sources = try resolveSources(sources)
      let id = try insertDevelopment(negotiation: negotiation, text: text, date: date, actors: actors)
      try cite(sources, .development, id)
      return id
    }
  }

  /// Inserts a development whose references are resolved already: for a writer that resolved
  /// them itself (an import, the synthetic corpus), inside a write.
  @discardableResult
  public func insertDevelopment(negotiation: Int64, text: String, date: AccordDate, actors: [Int64]) throws
    -> Int64
  {
    let id = try connection.insert(
      "INSERT INTO development (negotiation_id, date, date_first, date_last, text) VALUES (?, ?, ?, ?, ?)",
      [.integer(negotiation)] + date.columns + [.text(text)])
    for actor in actors {
      try connection.run(
        "INSERT INTO development_actor (development_id, actor_id) VALUES (?, ?) ON CONFLICT DO NOTHING",
        [.integer(id), .integer(actor)])
    }
    return id
  }

  func developments(negotiation: Int64, asOf day: Day, limit: Int) throws -> [Development] {
    let rows = try connection.all(developmentsStatement(negotiation: negotiation, asOf: day, limit: limit)) {
      row throws(DatabaseError) in
      var development = try Development(row: row)
      development.sources = try row.sources()
      return development
    }
    return rows.reversed()
  }

  /// The statement of ``developments(negotiation:asOf:limit:)``: the latest first.
  func developmentsStatement(negotiation: Int64, asOf day: Day, limit: Int) -> ReadStatement {
    ReadStatement(
      """
      SELECT d.id, d.date, d.date_first, d.date_last, d.text,
        (SELECT group_concat(a.name, '\u{1F}') FROM development_actor x JOIN actor a ON a.id = x.actor_id
          WHERE x.development_id = d.id) AS actors,
        \(Self.citedSources(.development, of: "d.id")) AS sources
      FROM development d WHERE d.negotiation_id = ? AND d.date_first <= ? AND NOT \(AccordStore.retracted("development", "d.id"))
      ORDER BY d.date_first DESC, d.id DESC LIMIT ?
      """, [.integer(negotiation), .text(day.description), .integer(Int64(limit))])
  }
}
