/// An actor's stance on a term. The first four open a *condition*; the others answer one.
public enum Stance: String, Sendable, Codable, CaseIterable {
  case demands, offers, precondition
  case redLine = "red_line"
  case accepts, rejects, drops, met

  public static let opening: [Stance] = [.demands, .offers, .precondition, .redLine]
}

/// How a condition was answered: `condition update C accepted|rejected|dropped|met`.
public enum ConditionOutcome: String, Sendable, Codable, CaseIterable {
  case accepted, rejected, dropped, met

  var stance: Stance {
    switch self {
    case .accepted: .accepts
    case .rejected: .rejects
    case .dropped: .drops
    case .met: .met
    }
  }
}

/// How two terms are linked.
public enum TermLink: String, Sendable, Codable {
  case inExchangeFor = "in_exchange_for"
  case conditionalOn = "conditional_on"
}

public struct NewCondition: Sendable {
  public var negotiation: String
  public var by: String
  public var stance: Stance
  public var term: String
  public var inExchangeFor: [String]
  public var conditionalOn: [String]
  public var date: AccordDate
  public var note: String?
  public var sources: [String]

  public init(
    negotiation: String, by: String, stance: Stance, term: String, inExchangeFor: [String] = [],
    conditionalOn: [String] = [], date: AccordDate, note: String? = nil, sources: [String] = []
  ) {
    self.negotiation = negotiation
    self.by = by
    self.stance = stance
    self.term = term
    self.inExchangeFor = inExchangeFor
    self.conditionalOn = conditionalOn
    self.date = date
    self.note = note
    self.sources = sources
  }
}

/// A condition with its state as of a day.
public struct Condition: Sendable, Codable, Equatable {
  public let id: Int64
  public let negotiation: String
  public let heldBy: String
  public let stance: Stance
  public let term: String
  public let inExchangeFor: [String]
  public let conditionalOn: [String]
  public let since: AccordDate
  /// `open`, `accepted`, `rejected`, `dropped` or `met`: the latest answer as of the day.
  public let state: String
  public let stateDate: AccordDate?
  public let answeredBy: String?
  public let note: String?
  public var sources: [String]
  /// False for a condition whose date holds the as-of day: it may or may not have been stated yet
  /// (absent otherwise).
  public var certain: Bool? = nil
  /// True for a retracted condition (or one of a retracted negotiation), listed with
  /// `--include-retracted`; absent otherwise.
  public var retracted: Bool? = nil

  /// Open until accepted, met or dropped; a rejected condition is still held, so still open.
  public var isOpen: Bool { state == "open" || state == "rejected" }
}

extension AccordStore {
  /// Records a stated position, its term and the terms it is linked to, in one transaction.
  /// "Zelenskyy demands security guarantees in exchange for mineral access" is one call.
  @discardableResult
  public func addCondition(_ new: NewCondition) throws -> Int64 {
    guard Stance.opening.contains(new.stance) else {
      throw StoreError.invalid("a condition demands, offers, sets a precondition or draws a red line")
    }
    return try write {
      let negotiation = try resolveNegotiation(new.negotiation)
      let actor = try resolveActor(new.by)
      let sources = try resolveSources(new.sources)
      let term = try term(new.term, negotiation: negotiation)
      let id = try insertPosition(
        negotiation: negotiation, actor: actor, term: term, stance: new.stance, answers: nil,
        date: new.date, note: new.note)
      for (link, others) in [
        (TermLink.inExchangeFor, new.inExchangeFor), (.conditionalOn, new.conditionalOn),
      ] {
        for other in others {
          let otherTerm = try self.term(other, negotiation: negotiation)
          guard otherTerm != term else {
            throw StoreError.invalid("a term cannot be linked to itself")
          }
          try connection.insert(
            "INSERT INTO term_link (term_id, link, other_term_id, position_id) VALUES (?, ?, ?, ?)",
            [.integer(term), .text(link.rawValue), .integer(otherTerm), .integer(id)])
        }
      }
      try cite(sources, .position, id)
      return id
    }
  }

  /// Records an answer to a condition as a new position, one for each actor in `by`; the earlier
  /// ones stay on the record. Without `by`, the answer is the holder's for `dropped`, and the one
  /// other party's for `accepted` and `rejected` when the negotiation has exactly two parties.
  /// Every actor who answers must take part in the negotiation on that day. Returns the answers'
  /// numbers.
  @discardableResult
  public func updateCondition(
    _ condition: String, _ outcome: ConditionOutcome, date: AccordDate, by: [String],
    note: String? = nil, sources: [String] = []
  ) throws -> [Int64] {
    try write {
      let id = try resolveCondition(condition)
      guard
        let (negotiation, holder, term, since) = try connection.first(
          "SELECT negotiation_id, actor_id, term_id, date_first FROM position WHERE id = ?", [.integer(id)],
          { ($0.integer(0), $0.optionalInteger(1), $0.integer(2), $0.text(3)) })
      else { throw StoreError.notFound(kind: "condition", name: condition, candidates: []) }
      guard date.first.description >= since else {
        throw StoreError.invalid(
          "condition \(id) was stated on \(since); an answer to it cannot come earlier")
      }
      var actors: [Int64?] = []
      for name in by {
        let actor = try resolveActor(name)
        if !actors.contains(actor) { actors.append(actor) }
      }
      if actors.isEmpty {
        switch outcome {
        case .dropped: actors = [holder]
        case .met: actors = [nil]
        case .accepted, .rejected:
          var others: [Int64] = []
          for span in try participations(negotiation: negotiation, asOf: date.last)
          where span.role == .party && span.actorID != holder && !others.contains(span.actorID) {
            others.append(span.actorID)
          }
          guard others.count == 1 else {
            throw StoreError.invalid("say who \(outcome.rawValue) condition \(id) with --by ACTOR")
          }
          actors = [others[0]]
        }
      }
      for case let actor? in actors where actor != holder {
        try checkTakesPart(actor, in: negotiation, on: date)
      }
      let sources = try resolveSources(sources)
      var ids: [Int64] = []
      for actor in actors {
        let position = try insertPosition(
          negotiation: negotiation, actor: actor, term: term, stance: outcome.stance, answers: id, date: date,
          note: note)
        try cite(sources, .position, position)
        ids.append(position)
      }
      return ids
    }
  }

  /// Records one answer to a condition (see ``updateCondition(_:_:date:by:note:sources:)``).
  @discardableResult
  public func updateCondition(
    _ condition: String, _ outcome: ConditionOutcome, date: AccordDate, by: String? = nil,
    note: String? = nil, sources: [String] = []
  ) throws -> Int64 {
    try updateCondition(
      condition, outcome, date: date, by: by.map { [$0] } ?? [], note: note, sources: sources)[0]
  }

  /// Conditions with their state as of `asOf`, optionally of one negotiation or holder, or only open ones.
  /// (With a negotiation the query names its column outright, so that SQLite uses the index on it:
  /// `?2 IS NULL OR …` would scan every position.)
  public func conditions(
    negotiation: Int64? = nil, by actor: Int64? = nil, openOnly: Bool = false, asOf: Day? = nil,
    includeRetracted: Bool = false
  ) throws -> [Condition] {
    let day = (asOf ?? today).description
    let rows = try connection.all(
      """
      SELECT c.id, n.slug, coalesce(a.name, ''), c.stance, t.text, c.date, c.date_first, c.date_last,
        r.stance, r.date, r.date_first, r.date_last, ra.name, c.note,
        (SELECT group_concat(o.text, char(31)) FROM term_link l JOIN term o ON o.id = l.other_term_id
          WHERE l.position_id = c.id AND l.link = 'in_exchange_for'),
        (SELECT group_concat(o.text, char(31)) FROM term_link l JOIN term o ON o.id = l.other_term_id
          WHERE l.position_id = c.id AND l.link = 'conditional_on'),
        NOT (NOT EXISTS (SELECT 1 FROM retraction zr WHERE zr.record_table = 'position' AND zr.record_id = c.id) AND NOT EXISTS (SELECT 1 FROM retraction zr WHERE zr.record_table = 'negotiation' AND zr.record_id = c.negotiation_id))
      FROM position c
      JOIN negotiation n ON n.id = c.negotiation_id
      JOIN term t ON t.id = c.term_id
      LEFT JOIN actor a ON a.id = c.actor_id
      LEFT JOIN position r ON r.id = (
        SELECT y.id FROM position y WHERE y.answers_id = c.id AND y.date_last <= ?1
          AND NOT EXISTS (SELECT 1 FROM retraction zr WHERE zr.record_table = 'position' AND zr.record_id = y.id)
        ORDER BY y.date_first DESC, y.id DESC LIMIT 1)
      LEFT JOIN actor ra ON ra.id = r.actor_id
      WHERE c.stance IN ('demands', 'offers', 'precondition', 'red_line') AND c.date_first <= ?1
        AND \(negotiation == nil ? "?2 IS NULL" : "c.negotiation_id = ?2") AND (?3 IS NULL OR c.actor_id = ?3)
        AND (?4 OR (NOT EXISTS (SELECT 1 FROM retraction zr WHERE zr.record_table = 'position' AND zr.record_id = c.id) AND NOT EXISTS (SELECT 1 FROM retraction zr WHERE zr.record_table = 'negotiation' AND zr.record_id = c.negotiation_id)))
      ORDER BY c.date_first, c.id
      """, [.text(day), .optional(negotiation), .optional(actor), .integer(includeRetracted ? 1 : 0)]
    ) { row in
      let answer = row.optionalText(8).flatMap(Stance.init(rawValue:))
      let state: String =
        switch answer {
        case nil: "open"
        case .accepts: "accepted"
        case .rejects: "rejected"
        case .drops: "dropped"
        default: "met"
        }
      var condition = Condition(
        id: row.integer(0), negotiation: row.text(1), heldBy: row.text(2),
        stance: Stance(rawValue: row.text(3)) ?? .demands, term: row.text(4),
        inExchangeFor: splitList(row.optionalText(14)), conditionalOn: splitList(row.optionalText(15)),
        since: AccordDate.stored(row.text(5), first: row.text(6), last: row.text(7)), state: state,
        stateDate: row.optionalText(9).map { AccordDate.stored($0, first: row.text(10), last: row.text(11)) },
        answeredBy: row.optionalText(12), note: row.optionalText(13), sources: [])
      if row.bool(16) { condition.retracted = true }
      if row.text(7) > day { condition.certain = false }
      return condition
    }
    let filtered = openOnly ? rows.filter(\.isOpen) : rows
    let cited = try citations(.position, ids: filtered.map(\.id))
    return filtered.map { c in
      var condition = c
      condition.sources = cited[c.id] ?? []
      return condition
    }
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
    negotiation: Int64, actor: Int64?, term: Int64, stance: Stance, answers: Int64?, date: AccordDate,
    note: String?
  ) throws -> Int64 {
    try connection.insert(
      """
      INSERT INTO position (negotiation_id, actor_id, term_id, stance, answers_id, date, date_first, date_last, note)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
      """,
      [.integer(negotiation), .optional(actor), .integer(term), .text(stance.rawValue), .optional(answers)]
        + date.columns + [.optional(note?.trimmingSpaces.nonEmpty)])
  }
}
