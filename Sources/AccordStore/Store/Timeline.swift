/// One line of a negotiation's timeline: a meeting, a proposal's step, a condition stated or
/// answered, a quote or a development.
public struct TimelineEntry: Sendable, Codable, Equatable {
  public enum Kind: String, Sendable, Codable, CaseIterable {
    case meeting, step, condition, answer, quote, development

    /// The order of facts that start on the same day and end on the same day.
    var rank: Int { Self.allCases.firstIndex(of: self) ?? 0 }
  }

  public let kind: Kind
  /// The fact's number in its own table (a condition's or answer's is its position number).
  public let id: Int64
  /// As typed; entries sort by the first day it covers, then the last.
  public let date: AccordDate
  public let what: String
  public let who: [String]
  /// For a step: the proposal's short id and the step.
  public let proposal: String?
  public let step: ProposalStep.Kind?
  /// For a condition or an answer: the condition's number.
  public let condition: Int64?
  public let sources: [String]
}

extension AccordStore {
  /// Everything on a negotiation whose date starts within `from`…`to` (either open), in date order.
  /// Facts that start on the same day are ordered by the day they end (the more precise first),
  /// then meetings, steps, conditions, answers, quotes and developments, each in recorded order.
  public func timeline(negotiation: Int64, from: Day? = nil, to: Day? = nil) throws -> [TimelineEntry] {
    let range: [SQLValue] = [.integer(negotiation), .optional(from?.description), .optional(to?.description)]
    return try connection.read {
      var entries: [TimelineEntry] = []
      entries += try meetingEntries(range)
      entries += try stepEntries(range)
      entries += try positionEntries(range)
      entries += try quoteEntries(range)
      entries += try developmentEntries(range)
      return entries.sorted {
        ($0.date.first, $0.date.last, $0.kind.rank, $0.id) < (
          $1.date.first, $1.date.last, $1.kind.rank, $1.id
        )
      }
    }
  }

  /// `date_first` of alias `t` within ?2…?3.
  private static func within(_ t: String) -> String {
    "(?2 IS NULL OR \(t).date_first >= ?2) AND (?3 IS NULL OR \(t).date_first <= ?3)"
  }

  private static func date(_ row: Row, _ column: Int32) -> AccordDate {
    AccordDate.stored(row.text(column), first: row.text(column + 1), last: row.text(column + 2))
  }

  private func meetingEntries(_ range: [SQLValue]) throws -> [TimelineEntry] {
    let rows = try connection.all(
      """
      SELECT m.id, m.date, m.date_first, m.date_last, m.place, m.summary,
        (SELECT group_concat(a.name, char(31)) FROM meeting_participant x JOIN actor a ON a.id = x.actor_id
          WHERE x.meeting_id = m.id)
      FROM meeting m WHERE m.negotiation_id = ?1 AND \(Self.within("m"))
        AND NOT EXISTS (SELECT 1 FROM retraction zr WHERE zr.record_table = 'meeting' AND zr.record_id = m.id)
      """, range
    ) { row in
      (
        id: row.integer(0), date: Self.date(row, 1), place: row.optionalText(4), summary: row.optionalText(5),
        who: splitList(row.optionalText(6))
      )
    }
    let cited = try citations(.meeting, ids: rows.map(\.id))
    return rows.map { m in
      var what = "Meeting" + (m.place.map { " at \($0)" } ?? "")
      if let summary = m.summary { what += ": " + summary }
      return TimelineEntry(
        kind: .meeting, id: m.id, date: m.date, what: what, who: m.who, proposal: nil, step: nil,
        condition: nil, sources: cited[m.id] ?? [])
    }
  }

  private func stepEntries(_ range: [SQLValue]) throws -> [TimelineEntry] {
    let rows = try connection.all(
      """
      SELECT s.id, s.date, s.date_first, s.date_last, s.step, pa.name, s.note, p.slug, p.title, tb.name,
        s.id = (SELECT f.id FROM proposal_step f WHERE f.proposal_id = p.id
          AND NOT EXISTS (SELECT 1 FROM retraction zr WHERE zr.record_table = 'proposal_step' AND zr.record_id = f.id) ORDER BY f.date_first, f.id LIMIT 1)
      FROM proposal p JOIN proposal_step s ON s.proposal_id = p.id
      LEFT JOIN actor pa ON pa.id = s.party_id LEFT JOIN actor tb ON tb.id = p.tabled_by
      WHERE p.negotiation_id = ?1 AND \(Self.within("s"))
        AND NOT EXISTS (SELECT 1 FROM retraction zr WHERE zr.record_table = 'proposal' AND zr.record_id = p.id) AND NOT EXISTS (SELECT 1 FROM retraction zr WHERE zr.record_table = 'proposal_step' AND zr.record_id = s.id)
      """, range
    ) { row in
      (
        id: row.integer(0), date: Self.date(row, 1),
        step: ProposalStep.Kind(rawValue: row.text(4)) ?? .tabled,
        party: row.optionalText(5), note: row.optionalText(6), slug: row.text(7), title: row.text(8),
        tabledBy: row.optionalText(9), first: row.bool(10)
      )
    }
    let cited = try citations(.step, ids: rows.map(\.id))
    return rows.map { s in
      // The first step of a proposal is its tabler's; a later one names its party, if any.
      let who = s.party ?? (s.first ? s.tabledBy : nil)
      var what = "\(s.title): " + Phrase.step(s.step, party: who)
      if let note = s.note { what += " (\(note))" }
      return TimelineEntry(
        kind: .step, id: s.id, date: s.date, what: what, who: who.map { [$0] } ?? [], proposal: s.slug,
        step: s.step, condition: nil, sources: cited[s.id] ?? [])
    }
  }

  private func positionEntries(_ range: [SQLValue]) throws -> [TimelineEntry] {
    let rows = try connection.all(
      """
      SELECT c.id, c.date, c.date_first, c.date_last, c.stance, coalesce(a.name, ''), t.text, c.answers_id,
        c.note,
        (SELECT group_concat(o.text, char(31)) FROM term_link l JOIN term o ON o.id = l.other_term_id
          WHERE l.position_id = c.id AND l.link = 'in_exchange_for'),
        (SELECT group_concat(o.text, char(31)) FROM term_link l JOIN term o ON o.id = l.other_term_id
          WHERE l.position_id = c.id AND l.link = 'conditional_on')
      FROM position c JOIN term t ON t.id = c.term_id LEFT JOIN actor a ON a.id = c.actor_id
      WHERE c.negotiation_id = ?1 AND \(Self.within("c"))
        AND NOT EXISTS (SELECT 1 FROM retraction zr WHERE zr.record_table = 'position' AND zr.record_id = c.id)
        AND (c.answers_id IS NULL OR NOT EXISTS (SELECT 1 FROM retraction zr WHERE zr.record_table = 'position' AND zr.record_id = c.answers_id))
      """, range
    ) { row in
      (
        id: row.integer(0), date: Self.date(row, 1), stance: Stance(rawValue: row.text(4)) ?? .demands,
        actor: row.text(5), term: row.text(6), answers: row.optionalInteger(7), note: row.optionalText(8),
        exchange: splitList(row.optionalText(9)), conditional: splitList(row.optionalText(10))
      )
    }
    let cited = try citations(.position, ids: rows.map(\.id))
    return rows.map { p in
      var what: String
      if let answers = p.answers {
        what =
          p.stance == .met
          ? "Condition #\(answers) met: \(p.term)"
          : "\(p.actor) \(Phrase.verb(p.stance)) condition #\(answers): \(p.term)"
      } else {
        what = Phrase.condition(
          heldBy: p.actor, stance: p.stance, term: p.term, inExchangeFor: p.exchange,
          conditionalOn: p.conditional)
      }
      if let note = p.note { what += " (\(note))" }
      return TimelineEntry(
        kind: p.answers == nil ? .condition : .answer, id: p.id, date: p.date, what: what,
        who: p.actor.isEmpty ? [] : [p.actor], proposal: nil, step: nil, condition: p.answers ?? p.id,
        sources: cited[p.id] ?? [])
    }
  }

  private func quoteEntries(_ range: [SQLValue]) throws -> [TimelineEntry] {
    let rows = try connection.all(
      """
      SELECT q.id, q.date, q.date_first, q.date_last, a.name, q.text, q.context
      FROM statement q JOIN actor a ON a.id = q.actor_id
      WHERE q.negotiation_id = ?1 AND \(Self.within("q"))
        AND NOT EXISTS (SELECT 1 FROM retraction zr WHERE zr.record_table = 'statement' AND zr.record_id = q.id)
      """, range
    ) { row in
      (
        id: row.integer(0), date: Self.date(row, 1), speaker: row.text(4), text: row.text(5),
        context: row.optionalText(6)
      )
    }
    let cited = try citations(.statement, ids: rows.map(\.id))
    return rows.map { q in
      TimelineEntry(
        kind: .quote, id: q.id, date: q.date,
        what: "\(q.speaker): “\(q.text)”" + (q.context.map { " (\($0))" } ?? ""), who: [q.speaker],
        proposal: nil,
        step: nil, condition: nil, sources: cited[q.id] ?? [])
    }
  }

  private func developmentEntries(_ range: [SQLValue]) throws -> [TimelineEntry] {
    let rows = try connection.all(
      """
      SELECT d.id, d.date, d.date_first, d.date_last, d.text,
        (SELECT group_concat(a.name, char(31)) FROM development_actor x JOIN actor a ON a.id = x.actor_id
          WHERE x.development_id = d.id)
      FROM development d WHERE d.negotiation_id = ?1 AND \(Self.within("d"))
        AND NOT EXISTS (SELECT 1 FROM retraction zr WHERE zr.record_table = 'development' AND zr.record_id = d.id)
      """, range
    ) { row in
      (id: row.integer(0), date: Self.date(row, 1), text: row.text(4), who: splitList(row.optionalText(5)))
    }
    let cited = try citations(.development, ids: rows.map(\.id))
    return rows.map { d in
      TimelineEntry(
        kind: .development, id: d.id, date: d.date, what: d.text, who: d.who, proposal: nil, step: nil,
        condition: nil, sources: cited[d.id] ?? [])
    }
  }
}
