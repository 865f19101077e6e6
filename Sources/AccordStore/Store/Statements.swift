import AccordSQLite

/// A verbatim quote.
public struct Quote: Sendable, Codable, Equatable {
  public let id: Int64
  public let speaker: String
  public let date: AccordDate
  public let text: String
  public let language: String?
  public let context: String?
  public let negotiation: String?
  public var sources: [String]
}

extension Quote {
  /// A quote from a row of `statement`, with its `speaker`'s name and its `negotiation`'s short id
  /// (without its sources).
  init(row: Row) throws(DatabaseError) {
    self.init(
      id: try row.integer("id"), speaker: try row.text("speaker"), date: try row.date("date"),
      text: try row.text("text"), language: try row.optionalText("language"),
      context: try row.optionalText("context"),
      negotiation: try row.optionalText("negotiation"), sources: [])
  }
}

extension AccordStore {
  /// Records who said what, verbatim.
  @discardableResult
  public func addQuote(
    by speaker: String, date: AccordDate, text: String, negotiation: String? = nil,
    context: String? = nil, language: String? = nil, sources: [String] = []
  ) throws -> Int64 {
    guard !text.trimmingSpaces.isEmpty else { throw StoreError.invalid("a quote cannot be empty") }
    let language = language.map(Names.key)
    if let language {
      guard (2...3).contains(language.split(separator: "-").first?.count ?? 0),
        language.allSatisfy({ ($0.isASCII && $0.isLetter) || $0 == "-" })
      else {
        throw StoreError.invalid("'\(language)' is not a language code: use ISO 639, such as en or uk")
      }
    }
    return try write {
      let actor = try resolveActor(speaker)
      let negotiation = try negotiation.map { try resolveNegotiation($0) }
      let sources = try resolveSources(sources)
      let id = try connection.insert(
        """
        INSERT INTO statement (actor_id, negotiation_id, date, date_first, date_last, text, language, context)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?)
        """,
        [.integer(actor), .optional(negotiation)] + date.columns + [
          .text(text), .optional(language), .optional(context?.trimmingSpaces.nonEmpty),
        ])
      try cite(sources, .statement, id)
      return id
    }
  }

  func quotes(negotiation: Int64, asOf day: Day) throws -> [Quote] {
    try connection.all(quotesStatement(negotiation: negotiation, asOf: day)) {
      row throws(DatabaseError) in
      var quote = try Quote(row: row)
      quote.sources = try row.sources()
      return quote
    }
  }

  /// The statement of ``quotes(negotiation:asOf:)``.
  func quotesStatement(negotiation: Int64, asOf day: Day) -> ReadStatement {
    ReadStatement(
      """
      SELECT q.id, a.name AS speaker, q.date, q.date_first, q.date_last, q.text, q.language, q.context,
        n.slug AS negotiation, \(Self.citedSources(.statement, of: "q.id")) AS sources
      FROM statement q JOIN actor a ON a.id = q.actor_id LEFT JOIN negotiation n ON n.id = q.negotiation_id
      WHERE q.negotiation_id = ? AND q.date_first <= ? AND NOT \(AccordStore.retracted("statement", "q.id"))
      ORDER BY q.date_first, q.id
      """, [.integer(negotiation), .text(day.description)])
  }
}
