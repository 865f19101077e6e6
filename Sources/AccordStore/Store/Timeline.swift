import AccordSQLite

/// One line of a negotiation's timeline: a meeting, a proposal's step, a condition stated or
/// answered, a quote, a development, or a link between two proposals. What happened is typed
/// (``Fact``): AccordPresentation says it in words (`what`).
public struct TimelineEntry: Sendable, Equatable, Encodable {
  public enum Kind: String, Sendable, Codable, CaseIterable {
    case meeting, step, condition, answer, quote, development, link

    /// The order of facts that start on the same day and end on the same day.
    var rank: Int { Self.allCases.firstIndex(of: self) ?? 0 }
  }

  /// What happened, with the names and numbers it takes to say it.
  public enum Fact: Sendable, Equatable {
    /// A meeting: where, and what it was about.
    case meeting(place: String?, summary: String?)
    /// A step of the proposal titled `proposalTitle`. Its `party` is whoever took it: the step's
    /// party, or for a proposal's first step, whoever tabled it.
    case step(proposalTitle: String, ProposalStep)
    /// A condition stated; `revises`, the condition it revises.
    case condition(
      heldBy: String, stance: Stance, term: String, inExchangeFor: [String], conditionalOn: [String],
      revises: Int64?, note: String?)
    /// An answer to condition number `condition` (on `term`), by `actor` when one is named.
    case answer(ConditionOutcome, actor: String?, condition: Int64, term: String, note: String?)
    /// A quote, verbatim, with its context.
    case quote(speaker: String, text: String, context: String?)
    /// A development, as logged.
    case development(text: String)
    /// Proposal `from` stands to proposal `to` as `kind` says (`from` implements `to`).
    case link(ProposalLinkKind, from: LinkedProposal, to: LinkedProposal)
  }

  /// A proposal as a link names it: its short id, title and negotiation's short id.
  public struct LinkedProposal: Sendable, Equatable {
    public let slug: String
    public let title: String
    public let negotiation: String
  }

  public let kind: Kind
  /// The fact's number in its own table (`accord retract KIND N`).
  public let id: Int64
  /// As typed; entries sort by the first day it covers, then the last.
  public let date: AccordDate
  public let fact: Fact
  public let who: [String]
  /// For a step: the proposal's short id and the step; for a link: the linking proposal's.
  public let proposal: String?
  public let step: ProposalStep.Kind?
  /// For a condition or an answer: the condition's number.
  public let condition: Int64?
  public let sources: [String]
  /// The bloc through which the actor a timeline was asked about took part (`--actor`).
  public var via: String? = nil
  /// The actors of `who`, by number, for `--actor`.
  var whoIDs: [Int64] = []

  /// Its JSON's fields: the typed fact is said in words (`what`), which AccordPresentation adds
  /// (`TimelineEntryJSON`).
  enum CodingKeys: String, CodingKey {
    case kind, id, date, who, proposal, step, condition, sources, via
  }
}

extension AccordStore {
  /// Everything on a negotiation whose date starts within `from`…`to` (either open), in date order.
  /// Facts that start on the same day are ordered by the day they end (the more precise first),
  /// then meetings, steps, conditions, answers, quotes and developments, each in recorded order.
  /// With `actor`, only what that actor did (or a bloc did while it belonged to it), marked `via`.
  ///
  /// What the caller knows to be empty is not read: `facts` false when nothing on the negotiation
  /// is dated within the range (its last activity as of `to` is before `from`:
  /// ``lastActivity(negotiation:asOf:)`` reads the same facts), `links` false when none of its
  /// proposals has a link as of `to` (``NegotiationDetail/Proposal/links``: a link is dated by the
  /// later of its proposals' first steps, another negotiation's perhaps).
  public func timeline(
    negotiation: Int64, from: Day? = nil, to: Day? = nil, actor: ActorScope? = nil, facts: Bool = true,
    links: Bool = true
  ) throws -> [TimelineEntry] {
    let range: [SQLValue] = [.integer(negotiation), .optional(from?.description), .optional(to?.description)]
    return try connection.read {
      var entries: [TimelineEntry] = []
      if facts {
        try connection.prefetch(
          timelineStatements(negotiation: negotiation, from: from, to: to, links: links))
        entries += try meetingEntries(range)
        entries += try stepEntries(range)
        entries += try positionEntries(range)
        entries += try answerEntries(range)
        entries += try quoteEntries(range)
        entries += try developmentEntries(range)
      }
      if links, try connection.integer(Self.linkedSQL, [.integer(negotiation)]) == 1 {
        entries += try linkEntries(negotiation: negotiation, from: from, to: to)
      }
      if let actor {
        entries = entries.compactMap { entry in
          guard let match = actor.match(any: entry.whoIDs, on: entry.date) else { return nil }
          var entry = entry
          entry.via = match.via
          return entry
        }
      }
      return entries.sorted {
        ($0.date.first, $0.date.last, $0.kind.rank, $0.id) < (
          $1.date.first, $1.date.last, $1.kind.rank, $1.id
        )
      }
    }
  }

  /// `date_first` of alias `t` within ?2…?3 (either may be NULL), written as one range of the
  /// column so that an index on (negotiation_id, date_first) reads only the window: a report's
  /// changes of the week no longer read every fact of each negotiation.
  private static func within(_ t: String) -> String {
    "\(t).date_first >= coalesce(?2, '') AND \(t).date_first <= coalesce(?3, '9999-12-31')"
  }

  // The timeline's statements, one a kind of fact, each with the negotiation (?1) and the range of
  // days (?2…?3) as ``timeline(negotiation:from:to:actor:facts:links:)`` sends them at once.
  static let meetingEntriesSQL = """
    SELECT m.id, m.date, m.date_first, m.date_last, m.place, m.summary,
      (SELECT group_concat(a.name, '\u{1F}') FROM meeting_participant x JOIN actor a ON a.id = x.actor_id
        WHERE x.meeting_id = m.id) AS who,
      (SELECT group_concat(x.actor_id, '\u{1F}') FROM meeting_participant x WHERE x.meeting_id = m.id) AS who_ids,
      \(AccordStore.citedSources(.meeting, of: "m.id")) AS sources
    FROM meeting m WHERE m.negotiation_id = ?1 AND \(AccordStore.within("m")) AND NOT \(AccordStore.retracted("meeting", "m.id"))
    """

  static let stepEntriesSQL = """
    SELECT p.slug AS proposal, p.title AS proposal_title, tb.name AS tabled_by, p.tabled_by AS tabler_id,
      s.id = (SELECT f.id FROM current_proposal_step f WHERE f.proposal_id = p.id ORDER BY f.date_first, f.id LIMIT 1)
        AS first_step,
      \(AccordStore.stepColumns), \(AccordStore.citedSources(.step, of: "s.id")) AS sources
    FROM current_proposal p JOIN current_proposal_step s ON s.proposal_id = p.id
    LEFT JOIN actor a ON a.id = s.party_id LEFT JOIN actor tb ON tb.id = p.tabled_by
    WHERE p.negotiation_id = ?1 AND \(AccordStore.within("s"))
    """

  static let positionEntriesSQL = """
    SELECT c.id, c.date, c.date_first, c.date_last, c.stance, a.name AS held_by, t.text AS term, c.note,
      c.revises_id,
      (SELECT group_concat(o.text, '\u{1F}') FROM term_link l JOIN term o ON o.id = l.other_term_id
        WHERE l.position_id = c.id AND l.link = 'in_exchange_for') AS in_exchange_for,
      (SELECT group_concat(o.text, '\u{1F}') FROM term_link l JOIN term o ON o.id = l.other_term_id
        WHERE l.position_id = c.id AND l.link = 'conditional_on') AS conditional_on,
      c.actor_id, \(AccordStore.citedSources(.position, of: "c.id")) AS sources
    FROM current_position c JOIN term t ON t.id = c.term_id JOIN actor a ON a.id = c.actor_id
    WHERE c.negotiation_id = ?1 AND \(AccordStore.within("c"))
    """

  static let answerEntriesSQL = """
    SELECT x.id, x.date, x.date_first, x.date_last, x.outcome, a.name AS answered_by, t.text AS term, x.note,
      x.condition_id, x.actor_id, \(AccordStore.citedSources(.answer, of: "x.id")) AS sources
    FROM current_answer x JOIN position c ON c.id = x.condition_id JOIN term t ON t.id = c.term_id
    LEFT JOIN actor a ON a.id = x.actor_id
    WHERE c.negotiation_id = ?1 AND \(AccordStore.within("x"))
    """

  static let quoteEntriesSQL = """
    SELECT q.id, q.date, q.date_first, q.date_last, a.name AS speaker, q.text, q.context, q.actor_id,
      \(AccordStore.citedSources(.statement, of: "q.id")) AS sources
    FROM statement q JOIN actor a ON a.id = q.actor_id
    WHERE q.negotiation_id = ?1 AND \(AccordStore.within("q")) AND NOT \(AccordStore.retracted("statement", "q.id"))
    """

  static let developmentEntriesSQL = """
    SELECT d.id, d.date, d.date_first, d.date_last, d.text,
      (SELECT group_concat(a.name, '\u{1F}') FROM development_actor x JOIN actor a ON a.id = x.actor_id
        WHERE x.development_id = d.id) AS who,
      (SELECT group_concat(x.actor_id, '\u{1F}') FROM development_actor x WHERE x.development_id = d.id)
        AS who_ids,
      \(AccordStore.citedSources(.development, of: "d.id")) AS sources
    FROM development d
    WHERE d.negotiation_id = ?1 AND \(AccordStore.within("d")) AND NOT \(AccordStore.retracted("development", "d.id"))
    """

  /// What ``timeline(negotiation:from:to:actor:facts:links:)`` reads, to send to a team's server at once.
  func timelineStatements(negotiation: Int64, from: Day?, to: Day?, links: Bool = true) -> [ReadStatement] {
    let range: [SQLValue] = [.integer(negotiation), .optional(from?.description), .optional(to?.description)]
    return [
      Self.meetingEntriesSQL, Self.stepEntriesSQL, Self.positionEntriesSQL, Self.answerEntriesSQL,
      Self.quoteEntriesSQL, Self.developmentEntriesSQL,
    ].map { ReadStatement($0, range) }
      + (links ? [ReadStatement(Self.linkedSQL, [.integer(negotiation)])] : [])
  }

  /// 1 when a proposal of the negotiation `?1` has a link (``hasLinks(_:)``), else 0: its links are
  /// read (``linkEntriesSQL``) only then.
  static let linkedSQL = """
    SELECT CASE WHEN EXISTS (SELECT 1 FROM proposal p WHERE p.negotiation_id = ?1 AND \(AccordStore.hasLinks("p.id")))
      THEN 1 ELSE 0 END
    """

  /// The first step of `proposal` (a column): the day a link's proposal existed from.
  private static func firstStep(_ proposal: String) -> String {
    """
    (SELECT f.id FROM current_proposal_step f WHERE f.proposal_id = \(proposal) ORDER BY f.date_first, f.id LIMIT 1)
    """
  }

  static let linkEntriesSQL = """
    SELECT l.id, l.link, p.slug, p.title, pn.slug AS negotiation, o.slug AS other_slug, o.title AS other_title,
      onn.slug AS other_negotiation, fp.date, fp.date_first, fp.date_last,
      fo.date AS other_date, fo.date_first AS other_date_first, fo.date_last AS other_date_last
    FROM current_proposal_link l
    JOIN current_proposal p ON p.id = l.proposal_id JOIN negotiation pn ON pn.id = p.negotiation_id
    JOIN current_proposal o ON o.id = l.other_id JOIN negotiation onn ON onn.id = o.negotiation_id
    JOIN current_proposal_step fp ON fp.id = \(AccordStore.firstStep("p.id"))
    JOIN current_proposal_step fo ON fo.id = \(AccordStore.firstStep("o.id"))
    WHERE p.negotiation_id = ?1 OR o.negotiation_id = ?1
    """

  private func meetingEntries(_ range: [SQLValue]) throws -> [TimelineEntry] {
    let rows = try connection.all(Self.meetingEntriesSQL, range) { row throws(DatabaseError) in
      (
        id: try row.integer("id"), date: try row.date("date"), place: try row.optionalText("place"),
        summary: try row.optionalText("summary"), who: try row.list("who"),
        ids: try row.list("who_ids").compactMap { Int64($0) }, sources: try row.sources()
      )
    }
    return rows.map { m in
      var entry = TimelineEntry(
        kind: .meeting, id: m.id, date: m.date, fact: .meeting(place: m.place, summary: m.summary),
        who: m.who,
        proposal: nil, step: nil, condition: nil, sources: m.sources)
      entry.whoIDs = m.ids
      return entry
    }
  }

  private func stepEntries(_ range: [SQLValue]) throws -> [TimelineEntry] {
    let rows = try connection.all(Self.stepEntriesSQL, range) { row throws(DatabaseError) in
      (
        slug: try row.text("proposal"), title: try row.text("proposal_title"),
        tabledBy: try row.optionalText("tabled_by"), tablerID: try row.optionalInteger("tabler_id"),
        first: try row.bool("first_step"), step: try ProposalStep(row: row), sources: try row.sources()
      )
    }
    return rows.map { s in
      // The first step of a proposal is its tabler's; a later one names its party, if any.
      var step = s.step
      let who = step.party ?? (s.first ? s.tabledBy : nil)
      step.party = who
      var entry = TimelineEntry(
        kind: .step, id: step.id, date: step.date, fact: .step(proposalTitle: s.title, step),
        who: who.map { [$0] } ?? [], proposal: s.slug, step: step.step, condition: nil,
        sources: s.sources)
      entry.whoIDs = [s.step.partyID ?? (s.first ? s.tablerID : nil)].compactMap { $0 }
      return entry
    }
  }

  private func positionEntries(_ range: [SQLValue]) throws -> [TimelineEntry] {
    let rows = try connection.all(Self.positionEntriesSQL, range) { row throws(DatabaseError) in
      let id = try row.integer("id")
      return (
        id: id, date: try row.date("date"),
        stance: try row.decode(Stance.self, "stance", table: "position", id: id),
        actor: try row.text("held_by"), term: try row.text("term"), note: try row.optionalText("note"),
        revises: try row.optionalInteger("revises_id"), exchange: try row.list("in_exchange_for"),
        conditional: try row.list("conditional_on"), actorID: try row.integer("actor_id"),
        sources: try row.sources()
      )
    }
    return rows.map { p in
      var entry = TimelineEntry(
        kind: .condition, id: p.id, date: p.date,
        fact: .condition(
          heldBy: p.actor, stance: p.stance, term: p.term, inExchangeFor: p.exchange,
          conditionalOn: p.conditional, revises: p.revises, note: p.note),
        who: [p.actor], proposal: nil, step: nil, condition: p.id, sources: p.sources)
      entry.whoIDs = [p.actorID]
      return entry
    }
  }

  private func answerEntries(_ range: [SQLValue]) throws -> [TimelineEntry] {
    let rows = try connection.all(Self.answerEntriesSQL, range) { row throws(DatabaseError) in
      // The answer as every listing of answers reads it, and what the timeline adds to it.
      (
        answer: try ConditionAnswer(row: row), term: try row.text("term"),
        condition: try row.integer("condition_id"), actorID: try row.optionalInteger("actor_id"),
        sources: try row.sources()
      )
    }
    return rows.map { r in
      let a = r.answer
      var entry = TimelineEntry(
        kind: .answer, id: a.id, date: a.date,
        fact: .answer(a.outcome, actor: a.by, condition: r.condition, term: r.term, note: a.note),
        who: a.by.map { [$0] } ?? [], proposal: nil, step: nil, condition: r.condition,
        sources: r.sources)
      entry.whoIDs = r.actorID.map { [$0] } ?? []
      return entry
    }
  }

  /// Links from or to a proposal of the negotiation, dated the day both proposals existed (the later
  /// of their first steps).
  private func linkEntries(negotiation: Int64, from: Day?, to: Day?) throws -> [TimelineEntry] {
    let rows = try connection.all(Self.linkEntriesSQL, [.integer(negotiation)]) { row throws(DatabaseError) in
      let id = try row.integer("id")
      let (first, other) = (try row.date("date"), try row.date("other_date"))
      return (
        id: id, kind: try row.decode(ProposalLinkKind.self, "link", table: "proposal_link", id: id),
        slug: try row.text("slug"), title: try row.text("title"), negotiation: try row.text("negotiation"),
        otherTitle: try row.text("other_title"), otherSlug: try row.text("other_slug"),
        otherNegotiation: try row.text("other_negotiation"), date: other.first > first.first ? other : first
      )
    }
    return rows.filter { l in
      (from.map { l.date.first >= $0 } ?? true) && (to.map { l.date.first <= $0 } ?? true)
    }.map { l in
      TimelineEntry(
        kind: .link, id: l.id, date: l.date,
        fact: .link(
          l.kind, from: .init(slug: l.slug, title: l.title, negotiation: l.negotiation),
          to: .init(slug: l.otherSlug, title: l.otherTitle, negotiation: l.otherNegotiation)),
        who: [], proposal: l.slug, step: nil, condition: nil, sources: [])
    }
  }

  private func quoteEntries(_ range: [SQLValue]) throws -> [TimelineEntry] {
    let rows = try connection.all(Self.quoteEntriesSQL, range) { row throws(DatabaseError) in
      (
        id: try row.integer("id"), date: try row.date("date"), speaker: try row.text("speaker"),
        text: try row.text("text"), context: try row.optionalText("context"),
        speakerID: try row.integer("actor_id"), sources: try row.sources()
      )
    }
    return rows.map { q in
      var entry = TimelineEntry(
        kind: .quote, id: q.id, date: q.date,
        fact: .quote(speaker: q.speaker, text: q.text, context: q.context),
        who: [q.speaker], proposal: nil, step: nil, condition: nil, sources: q.sources)
      entry.whoIDs = [q.speakerID]
      return entry
    }
  }

  private func developmentEntries(_ range: [SQLValue]) throws -> [TimelineEntry] {
    let rows = try connection.all(Self.developmentEntriesSQL, range) { row throws(DatabaseError) in
      (
        id: try row.integer("id"), date: try row.date("date"), text: try row.text("text"),
        who: try row.list("who"), ids: try row.list("who_ids").compactMap { Int64($0) },
        sources: try row.sources()
      )
    }
    return rows.map { d in
      var entry = TimelineEntry(
        kind: .development, id: d.id, date: d.date, fact: .development(text: d.text), who: d.who,
        proposal: nil, step: nil, condition: nil, sources: d.sources)
      entry.whoIDs = d.ids
      return entry
    }
  }
}
