/// A verbatim quote.
public struct Quote: Sendable, Codable, Equatable {
  public let id: Int64
  public let speaker: String
  public let date: AccordDate
  public let text: String
  public let language: String?
  public let context: String?
  public let negotiation: String?
  public let sources: [String]
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
    let rows = try connection.all(
      """
      SELECT q.id, a.name, q.date, q.date_first, q.date_last, q.text, q.language, q.context, n.slug
      FROM statement q JOIN actor a ON a.id = q.actor_id LEFT JOIN negotiation n ON n.id = q.negotiation_id
      WHERE q.negotiation_id = ? AND q.date_first <= ? AND NOT \(AccordStore.retracted("statement", "q.id"))
      ORDER BY q.date_first, q.id
      """, [.integer(negotiation), .text(day.description)]
    ) { row in
      (
        row.integer(0), row.text(1), AccordDate.stored(row.text(2), first: row.text(3), last: row.text(4)),
        row.text(5), row.optionalText(6), row.optionalText(7), row.optionalText(8)
      )
    }
    let cited = try citations(.statement, ids: rows.map(\.0))
    return rows.map {
      Quote(
        id: $0.0, speaker: $0.1, date: $0.2, text: $0.3, language: $0.4, context: $0.5,
        negotiation: $0.6, sources: cited[$0.0] ?? [])
    }
  }
}
