import AccordSQLite

/// A condition as stated, before where it stands is worked out: a row of `position` with its
/// negotiation's short id, its holder's name, its term, its linked terms and its sources.
struct StatedCondition {
  let id: Int64
  let negotiation: String
  let holder: String
  let stance: Stance
  let term: String
  let since: AccordDate
  let note: String?
  let exchange: [String]
  let conditional: [String]
  let retracted: Bool
  let holderID: Int64
  let negotiationID: Int64
  let revises: Int64?
  let termID: Int64
  let sources: [String]

  init(row: Row) throws(DatabaseError) {
    id = try row.integer("id")
    negotiation = try row.text("negotiation")
    holder = try row.text("held_by")
    stance = try row.decode(Stance.self, "stance", table: "position", id: id)
    term = try row.text("term")
    since = try row.date("date")
    note = try row.optionalText("note")
    exchange = try row.list("in_exchange_for")
    conditional = try row.list("conditional_on")
    retracted = try row.bool("retracted")
    holderID = try row.integer("actor_id")
    negotiationID = try row.integer("negotiation_id")
    revises = try row.optionalInteger("revises_id")
    termID = try row.integer("term_id")
    sources = try row.sources()
  }
}

/// What conditions are worked out from as of a day: the positions stated by then (retracted ones
/// too, marked), the answers that count by condition in order, and the revisions whose whole date
/// has passed (earlier condition, later one, its date) in order. Where each condition stands and
/// the position matrix are both made from these (a report needs both: read once).
struct ConditionFacts {
  let stated: [StatedCondition]
  let answers: [Int64: [(answer: ConditionAnswer, actor: Int64?)]]
  let revisions: [(earlier: Int64, later: Int64, date: AccordDate)]
}

extension AccordStore {
  /// Records a stated position, its term and the terms it is linked to, in one transaction.
  /// "Zelenskyy demands security guarantees in exchange for mineral access" is one call.
  @discardableResult
  public func addCondition(_ new: NewCondition) throws -> Int64 {
    try write {
      let negotiation = try resolveNegotiation(new.negotiation)
      let actor = try resolveActor(new.by)
      let sources = try resolveSources(new.sources)
      let term = try term(new.term, negotiation: negotiation)
      let id = try insertPosition(
        negotiation: negotiation, actor: actor, term: term, stance: new.stance, revises: nil, date: new.date,
        note: new.note)
      try link(term: term, negotiation: negotiation, position: id, new.inExchangeFor, new.conditionalOn)
      try cite(sources, .position, id)
      return id
    }
  }

  private func link(
    term: Int64, negotiation: Int64, position: Int64, _ inExchangeFor: [String], _ conditionalOn: [String]
  ) throws {
    for (link, others) in [(TermLink.inExchangeFor, inExchangeFor), (.conditionalOn, conditionalOn)] {
      for other in others {
        let otherTerm = try self.term(other, negotiation: negotiation)
        guard otherTerm != term else { throw StoreError.invalid("a term cannot be linked to itself") }
        try connection.insert(
          "INSERT INTO term_link (term_id, link, other_term_id, position_id) VALUES (?, ?, ?, ?)",
          [.integer(term), .text(link.rawValue), .integer(otherTerm), .integer(position)])
      }
    }
  }

  /// `accord condition revise N "new text"`: a softened or hardened demand that replaces the earlier
  /// one on the record, linked to it, with the same stance (by the same holder, unless `by` says
  /// otherwise) and the same linked terms. Returns the new condition's number.
  @discardableResult
  public func reviseCondition(
    _ condition: String, term text: String, date: AccordDate, by: String? = nil, note: String? = nil,
    sources: [String] = []
  ) throws -> Int64 {
    try write {
      let id = try resolveCondition(condition)
      guard
        let (negotiation, holder, stance, since) = try connection.first(
          "SELECT negotiation_id, actor_id, stance, date_first FROM position WHERE id = ?", [.integer(id)],
          { row throws(DatabaseError) in
            (
              try row.integer("negotiation_id"), try row.integer("actor_id"),
              try row.decode(Stance.self, "stance", table: "position", id: id), try row.text("date_first")
            )
          })
      else { throw StoreError.notFound(kind: "condition", name: condition, candidates: []) }
      guard date.last.description >= since else {
        throw StoreError.invalid("condition \(id) was stated on \(since); its revision cannot come earlier")
      }
      if let later = try connection.integer(
        "SELECT id FROM current_position WHERE revises_id = ? ORDER BY id LIMIT 1", [.integer(id)])
      {
        throw StoreError.conflict(
          "condition \(id) was revised already, by condition \(later): revise condition \(later) instead")
      }
      let actor = try by.map { try resolveActor($0) } ?? holder
      let term = try self.term(text, negotiation: negotiation)
      let links = try connection.all(
        """
        SELECT l.id, l.link, o.text FROM term_link l JOIN term o ON o.id = l.other_term_id
        WHERE l.position_id = ? ORDER BY l.id
        """, [.integer(id)]
      ) { row throws(DatabaseError) in
        (
          try row.decode(TermLink.self, "link", table: "term_link", id: try row.integer("id")),
          try row.text("text")
        )
      }
      let sources = try resolveSources(sources)
      let revised = try insertPosition(
        negotiation: negotiation, actor: actor, term: term, stance: stance, revises: id, date: date,
        note: note)
      try link(
        term: term, negotiation: negotiation, position: revised,
        links.filter { $0.0 == .inExchangeFor }.map(\.1).filter {
          Names.key($0) != Names.key(text)
        },
        links.filter { $0.0 == .conditionalOn }.map(\.1).filter {
          Names.key($0) != Names.key(text)
        })
      try cite(sources, .position, revised)
      return revised
    }
  }

  /// Conditions with where they stand as of `asOf`, optionally of one negotiation, or held by
  /// `scope`'s actor (directly or through a bloc), or only open ones.
  /// (With a negotiation the query names its column outright, so that SQLite uses the index on it:
  /// `?2 IS NULL OR …` would scan every position.)
  public func conditions(
    negotiation: Int64? = nil, by scope: ActorScope? = nil, openOnly: Bool = false, asOf: Day? = nil,
    includeRetracted: Bool = false
  ) throws -> [Condition] {
    let day = asOf ?? today
    let facts = try conditionFacts(negotiation: negotiation, asOf: day)
    let rows = facts.stated.filter { includeRetracted || !$0.retracted }
    let blocs = try self.blocs()
    let answers = facts.answers
    var revisedBy: [Int64: (Int64, AccordDate)] = [:]
    for (earlier, later, date) in facts.revisions where revisedBy[earlier] == nil {
      revisedBy[earlier] = (later, date)
    }
    var counterpartsByNegotiation: [String: [(id: Int64, name: String)]] = [:]
    var result: [Condition] = []
    for row in rows {
      var via: String?
      if let scope {
        guard let match = scope.match(row.holderID, on: row.since) else { continue }
        via = match.via
      }
      let key = "\(row.negotiationID) \(row.holderID)"
      if counterpartsByNegotiation[key] == nil {
        counterpartsByNegotiation[key] = try counterparts(
          negotiation: row.negotiationID, holder: row.holderID, on: day, blocs: blocs)
      }
      var condition = try Self.condition(
        row.id, answers: answers[row.id] ?? [], counterparts: counterpartsByNegotiation[key] ?? [],
        revisedBy: revisedBy[row.id], blocs: blocs, holder: row.holderID,
        make: { state, date, by in
          Condition(
            id: row.id, negotiation: row.negotiation, heldBy: row.holder, stance: row.stance, term: row.term,
            inExchangeFor: row.exchange, conditionalOn: row.conditional, since: row.since, state: state,
            stateDate: date, answeredBy: by, note: row.note, sources: row.sources)
        })
      condition.revises = row.revises
      condition.via = via
      if row.retracted { condition.retracted = true }
      if row.since.last > day { condition.certain = false }
      if !openOnly || condition.isOpen { result.append(condition) }
    }
    return result
  }

  /// The facts conditions are made from, of one negotiation or all, as of `day`: read once in a read
  /// (``memoized(_:_:)``), by the three statements below.
  func conditionFacts(negotiation: Int64?, asOf day: Day) throws -> ConditionFacts {
    try memoized("condition facts \(negotiation.map(String.init) ?? "all") \(day)") {
      ConditionFacts(
        stated: try connection.all(
          positionsStatement(negotiation: negotiation, asOf: day), StatedCondition.init(row:)),
        answers: try conditionAnswers(negotiation: negotiation, asOf: day),
        revisions: try connection.all(revisionsStatement(negotiation: negotiation, asOf: day)) {
          row throws(DatabaseError) in
          (try row.integer("revises_id"), try row.integer("id"), try row.date("date"))
        })
    }
  }

  /// The positions stated by `day`, of one negotiation or all, as ``conditions(negotiation:by:openOnly:asOf:includeRetracted:)`` reads them.
  func positionsStatement(negotiation: Int64?, asOf day: Day) -> ReadStatement {
    ReadStatement(
      """
      SELECT c.id, n.slug AS negotiation, a.name AS held_by, c.stance, t.text AS term, c.date, c.date_first,
        c.date_last, c.note,
        (SELECT group_concat(o.text, '\u{1F}') FROM term_link l JOIN term o ON o.id = l.other_term_id
          WHERE l.position_id = c.id AND l.link = 'in_exchange_for') AS in_exchange_for,
        (SELECT group_concat(o.text, '\u{1F}') FROM term_link l JOIN term o ON o.id = l.other_term_id
          WHERE l.position_id = c.id AND l.link = 'conditional_on') AS conditional_on,
        \(AccordStore.retracted(anyOf: [("'position'", "c.id"), ("'negotiation'", "c.negotiation_id")]))
          AS retracted,
        c.actor_id, c.negotiation_id, c.revises_id, c.term_id, \(Self.citedSources(.position, of: "c.id")) AS sources
      FROM position c
      JOIN negotiation n ON n.id = c.negotiation_id
      JOIN term t ON t.id = c.term_id
      JOIN actor a ON a.id = c.actor_id
      WHERE c.date_first <= ?1 AND \(negotiation == nil ? "?2 IS NULL" : "c.negotiation_id = ?2")
      ORDER BY c.date_first, c.id
      """, [.text(day.description), .optional(negotiation)])
  }

  /// The revisions of positions whose whole date has passed by `day`, of one negotiation or all.
  func revisionsStatement(negotiation: Int64?, asOf day: Day) -> ReadStatement {
    ReadStatement(
      """
      SELECT revises_id, id, date, date_first, date_last FROM current_position
      WHERE revises_id IS NOT NULL AND date_last <= ?1 AND \(negotiation == nil ? "?2 IS NULL" : "negotiation_id = ?2")
      ORDER BY date_first, id
      """, [.text(day.description), .optional(negotiation)])
  }

  /// Where one condition stands, from its answers that count (in order), its counterparts and
  /// its revision (README, "Conditions").
  private static func condition(
    _ id: Int64, answers: [(answer: ConditionAnswer, actor: Int64?)],
    counterparts: [(id: Int64, name: String)],
    revisedBy: (Int64, AccordDate)?, blocs: Blocs, holder: Int64,
    make: (String, AccordDate?, String?) -> Condition
  ) throws -> Condition {
    // The latest answer of each who answered.
    var latest: [(answer: ConditionAnswer, actor: Int64?)] = []
    for entry in answers {
      latest.removeAll { $0.actor == entry.actor }
      latest.append(entry)
    }
    func decided(_ state: String, _ entry: (answer: ConditionAnswer, actor: Int64?)?) -> Condition {
      var condition = make(state, entry?.answer.date, entry?.answer.by)
      condition.answers = latest.map(\.answer)
      return condition
    }
    // A revision, a drop by its holder, or its being met closes it: the latest of these.
    let closing = answers.last { $0.answer.outcome == .met || ($0.answer.outcome == .dropped) }
    if let (revision, date) = revisedBy, date.first >= (closing?.answer.date.first ?? Day.epoch) {
      var condition = make("revised", date, nil)
      condition.revisedBy = revision
      condition.answers = latest.map(\.answer)
      return condition
    }
    if let closing { return decided(closing.answer.outcome.rawValue, closing) }
    // Each counterpart stands where its own latest answer, or its bloc's later one, puts it.
    let counterpartAnswers = latest.filter { $0.actor != holder && $0.actor != nil }
    var stands: [Int64: (answer: ConditionAnswer, actor: Int64?)] = [:]
    for entry in counterpartAnswers {
      guard let actor = entry.actor else { continue }
      stands[actor] = entry
      for member in blocs.members(of: actor, on: entry.answer.date) {
        if let own = stands[member], own.answer.date.first > entry.answer.date.first { continue }
        stands[member] = entry
      }
    }
    if let rejected = counterpartAnswers.last(where: { $0.answer.outcome == .rejected }) {
      return decided("rejected", rejected)
    }
    if let reneged = counterpartAnswers.last(where: { $0.answer.outcome == .reneged }) {
      return decided("reneged", reneged)
    }
    let awaiting = counterparts.filter { stands[$0.id] == nil }
    if !awaiting.isEmpty || counterpartAnswers.isEmpty {
      var condition = decided("open", counterpartAnswers.last)
      condition.awaiting = awaiting.map(\.name)
      return condition
    }
    return decided("accepted", counterpartAnswers.last)
  }

  /// The answers that count as of `day` (their whole date passed) of the conditions of one
  /// negotiation (or all), by condition, in order.
  func conditionAnswers(negotiation: Int64?, asOf day: Day) throws -> [Int64: [(
    answer: ConditionAnswer, actor: Int64?
  )]] {
    var result: [Int64: [(answer: ConditionAnswer, actor: Int64?)]] = [:]
    let rows = try connection.all(conditionAnswersStatement(negotiation: negotiation, asOf: day)) {
      row throws(DatabaseError) in
      (try row.integer("condition_id"), try ConditionAnswer(row: row), try row.optionalInteger("actor_id"))
    }
    for (condition, answer, actor) in rows { result[condition, default: []].append((answer, actor)) }
    return result
  }

  /// The statement of ``conditionAnswers(negotiation:asOf:)``.
  func conditionAnswersStatement(negotiation: Int64?, asOf day: Day) -> ReadStatement {
    // One of two literal conditions, so that with a negotiation SQLite reads its answers alone.
    let scope =
      negotiation == nil
      ? "?2 IS NULL" : "x.condition_id IN (SELECT id FROM position WHERE negotiation_id = ?2)"
    return ReadStatement(
      """
      SELECT x.condition_id, x.id, a.name AS answered_by, x.outcome, x.date, x.date_first, x.date_last, x.note,
        x.actor_id
      FROM current_answer x LEFT JOIN actor a ON a.id = x.actor_id
      WHERE x.date_last <= ?1 AND \(scope)
      ORDER BY x.condition_id, x.date_first, x.id
      """, [.text(day.description), .optional(negotiation)])
  }

  /// The id of the negotiation's term with this text, made if new.
  func term(_ text: String, negotiation: Int64) throws -> Int64 {
    let text = text.trimmingSpaces
    guard !text.isEmpty else { throw StoreError.invalid("a term cannot be empty") }
    let key = Names.key(text)
    if let id = try connection.integer(
      "SELECT id FROM term WHERE negotiation_id = ? AND text_key = ?", [.integer(negotiation), .text(key)])
    {
      return id
    }
    return try connection.insert(
      "INSERT INTO term (negotiation_id, text, text_key) VALUES (?, ?, ?)",
      [.integer(negotiation), .text(text), .text(key)])
  }

  func insertPosition(
    negotiation: Int64, actor: Int64, term: Int64, stance: Stance, revises: Int64?, date: AccordDate,
    note: String?
  ) throws -> Int64 {
    try connection.insert(
      """
      INSERT INTO position (negotiation_id, actor_id, term_id, stance, revises_id, date, date_first, date_last, note)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
      """,
      [.integer(negotiation), .integer(actor), .integer(term), .text(stance.rawValue), .optional(revises)]
        + date.columns + [.optional(note?.trimmingSpaces.nonEmpty)])
  }
}
