import AccordSQLite

/// Corrections of what was typed: a title, a note, a date, a value, a term. Each is one UPDATE in
/// its own command, so the change log keeps the row before and after (`accord history`) and
/// `accord undo` reverts it; the search index and the date rules follow the row, as for any edit.
public struct Correction: Sendable {
  public var title: String?
  public var text: String?
  public var note: String?
  public var summary: String?
  public var place: String?
  public var context: String?
  public var language: String?
  public var outlet: String?
  public var url: String?
  public var label: String?
  /// A proposal's value as typed ("500 billion USD").
  public var value: String?
  public var date: AccordDate?

  public init(
    title: String? = nil, text: String? = nil, note: String? = nil, summary: String? = nil,
    place: String? = nil,
    context: String? = nil, language: String? = nil, outlet: String? = nil, url: String? = nil,
    label: String? = nil, value: String? = nil, date: AccordDate? = nil
  ) {
    self.title = title
    self.text = text
    self.note = note
    self.summary = summary
    self.place = place
    self.context = context
    self.language = language
    self.outlet = outlet
    self.url = url
    self.label = label
    self.value = value
    self.date = date
  }
}

extension AccordStore {
  /// What each kind of record can have corrected, by the name of the correction's field.
  public static let correctable: [RecordKind: [String]] = [
    .negotiation: ["title", "summary"],
    .proposal: ["title", "terms", "value"],
    .step: ["date", "note", "label"],
    .condition: ["date", "note"],
    .meeting: ["date", "place", "summary"],
    .quote: ["date", "text", "context", "language"],
    .development: ["date", "text"],
    .source: ["title", "outlet", "url", "date"],
  ]

  /// Corrects record `id` of `kind`: only the fields given change. Returns the number of columns
  /// that changed (0: the record already said so, and nothing is written).
  @discardableResult
  public func correct(_ kind: RecordKind, _ id: Int64, _ correction: Correction) throws -> Int {
    var columns: [(String, SQLValue)] = []
    func text(_ column: String, _ value: String?, required: Bool = false) throws {
      guard let value else { return }
      let trimmed = value.trimmingSpaces
      if trimmed.isEmpty && required {
        throw StoreError.invalid("the \(column) of a \(kind.rawValue) cannot be empty")
      }
      columns.append((column, trimmed.isEmpty ? .null : .text(trimmed)))
    }
    func date(_ prefix: String) {
      guard let date = correction.date else { return }
      columns += [
        (prefix, .text(date.text)), (prefix + "_first", .text(date.first.description)),
        (prefix + "_last", .text(date.last.description)),
      ]
    }
    switch kind {
    case .negotiation:
      try text("title", correction.title, required: true)
      if let title = correction.title { columns.append(("title_key", .text(Names.key(title)))) }
      try text("summary", correction.summary)
    case .proposal:
      try text("title", correction.title, required: true)
      if let title = correction.title { columns.append(("title_key", .text(Names.key(title)))) }
      try text("terms", correction.text)
      if let value = correction.value {
        if value.trimmingSpaces.isEmpty || Names.key(value) == "none" {
          columns += [("value", .null), ("value_amount", .null), ("value_currency", .null)]
        } else {
          let money = try Money.parse(value)
          columns += [
            ("value", .text(money.text)), ("value_amount", .optional(money.amount)),
            ("value_currency", .optional(money.currency)),
          ]
        }
      }
    case .step:
      try text("note", correction.note)
      try text("label", correction.label)
      date("date")
    case .condition:
      try text("note", correction.note)
      date("date")
    case .meeting:
      try text("place", correction.place)
      try text("summary", correction.summary)
      date("date")
    case .quote:
      try text("text", correction.text, required: true)
      try text("context", correction.context)
      try text("language", correction.language.map { $0.lowercased() })
      date("date")
    case .development:
      try text("text", correction.text, required: true)
      date("date")
    case .source:
      try text("title", correction.title)
      try text("outlet", correction.outlet)
      if let url = correction.url?.trimmingSpaces, !url.isEmpty, let problem = Self.urlProblem(url) {
        throw StoreError.invalid("'\(url)' \(problem)")
      }
      try text("url", correction.url)
      date("published")
    default:
      throw StoreError.invalid("a \(kind.rawValue) cannot be edited: retract it and record it again")
    }
    guard !columns.isEmpty else {
      let fields = Self.correctable[kind] ?? []
      throw StoreError.invalid(
        "say what to correct: "
          + fields.map { "--" + ($0 == "date" ? (kind == .source ? "published" : "on") : $0) }
          .joined(separator: ", "))
    }
    let table = kind.table
    return try write {
      if try retractionReason(table: table, id: id) != nil {
        throw StoreError.conflict("\(kind.rawValue) \(id) is retracted: there is nothing to correct")
      }
      try checkCorrection(kind, id, correction)
      let assignments = columns.map { "\($0.0) = ?" }.joined(separator: ", ")
      let changed = columns.map { "\($0.0) IS DISTINCT FROM ?" }.joined(separator: " OR ")
      try connection.run(
        "UPDATE \(table) SET \(assignments) WHERE id = ? AND (\(changed))",
        columns.map(\.1) + [.integer(id)] + columns.map(\.1))
      let count = connection.changes
      try checkOrder(kind, id)
      return count
    }
  }

  /// After a correction of a date: the order that adding keeps still holds. A proposal's first
  /// step is its floating or tabling, and no step comes before it; a condition comes before its
  /// answers and revisions.
  private func checkOrder(_ kind: RecordKind, _ id: Int64) throws {
    switch kind {
    case .step:
      guard
        let (proposal, slug, date) = try connection.first(
          """
          SELECT s.proposal_id, p.slug, s.date, s.date_first, s.date_last
          FROM proposal_step s JOIN proposal p ON p.id = s.proposal_id WHERE s.id = ?
          """, [.integer(id)],
          { row throws(DatabaseError) in
            (try row.integer("proposal_id"), try row.text("slug"), try row.date("date"))
          })
      else { return }
      // Not before the first of the proposal's other steps, as a step added is not.
      if let (first, text) = try connection.first(
        """
        SELECT date_first, date FROM proposal_step WHERE proposal_id = ? AND id <> ?
        ORDER BY date_first, id LIMIT 1
        """, [.integer(proposal), .integer(id)],
        { row throws(DatabaseError) in (try row.text("date_first"), try row.text("date")) }),
        date.last.description < first,
        try connection.integer(
          "SELECT 1 FROM proposal_step WHERE id = ? AND step NOT IN ('floated', 'tabled')", [.integer(id)])
          != nil
      {
        throw StoreError.invalid(
          "\(slug) was first recorded on \(text); nothing can happen to it before that (\(date))")
      }
      if let first = try connection.first(
        "SELECT step FROM proposal_step WHERE proposal_id = ? ORDER BY date_first, id LIMIT 1",
        [.integer(proposal)],
        { $0.text(0) }), first != "floated" && first != "tabled"
      {
        throw StoreError.invalid(
          "\(slug) would start with a \(first) step: a proposal starts floated or tabled, so no step of it can come before that one"
        )
      }
    case .condition:
      if let (what, when) = try connection.first(
        """
        SELECT 'answered' AS what, a.date FROM answer a JOIN position c ON c.id = a.condition_id
        WHERE c.id = ?1 AND a.date_last < c.date_first
        UNION ALL
        SELECT 'revised', r.date FROM position r JOIN position c ON c.id = r.revises_id
        WHERE c.id = ?1 AND r.date_last < c.date_first
        LIMIT 1
        """, [.integer(id)], { row throws(DatabaseError) in (try row.text("what"), try row.text("date")) })
      {
        throw StoreError.invalid("condition \(id) was \(what) on \(when): it cannot be dated after that")
      }
    default: break
    }
  }

  /// The rules a correction must keep that the schema cannot see: a party's step stays on a day
  /// it takes part; a step, condition or answer stays after what it answers (as when added).
  private func checkCorrection(_ kind: RecordKind, _ id: Int64, _ correction: Correction) throws {
    // What the tables' own constraints would refuse, said as adding says it.
    if kind == .step, correction.label?.trimmingSpaces.isEmpty == false,
      try connection.integer(
        "SELECT 1 FROM proposal_step WHERE id = ? AND step <> 'milestone'", [.integer(id)])
        != nil
    {
      throw StoreError.invalid("only a milestone has a name: step \(id) is not one")
    }
    if kind == .source, let url = correction.url?.trimmingSpaces {
      if url.isEmpty,
        try connection.integer(
          "SELECT 1 FROM source WHERE id = ? AND coalesce(?, title) IS NULL",
          [.integer(id), .optional(correction.title)]
        ) != nil
      {
        throw StoreError.mistake(.sourceWithoutURLOrTitle)
      }
      if !url.isEmpty,
        let other = try connection.integer(
          "SELECT id FROM source WHERE url = ? AND id <> ?", [.text(url), .integer(id)])
      {
        throw StoreError.conflict("that URL is source \(other) already")
      }
    }
    guard let date = correction.date else { return }
    switch kind {
    case .step:
      guard
        let (party, negotiation) = try connection.first(
          """
          SELECT s.party_id, p.negotiation_id FROM proposal_step s JOIN proposal p ON p.id = s.proposal_id
          WHERE s.id = ?
          """, [.integer(id)],
          { row throws(DatabaseError) in
            (try row.optionalInteger("party_id"), try row.integer("negotiation_id"))
          })
      else { throw StoreError.notFound(kind: "step", name: "#\(id)", candidates: []) }
      if let party { try checkTakesPart(party, in: negotiation, on: date) }
    case .condition:
      if let (holder, negotiation) = try connection.first(
        "SELECT actor_id, negotiation_id FROM position WHERE id = ?", [.integer(id)],
        { row throws(DatabaseError) in
          (try row.optionalInteger("actor_id"), try row.integer("negotiation_id"))
        }
      ),
        let holder
      {
        try checkTakesPart(holder, in: negotiation, on: date)
      }
    default: break
    }
  }
}
