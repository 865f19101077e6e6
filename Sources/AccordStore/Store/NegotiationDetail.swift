/// Everything recorded on one negotiation, as it stood on a day: `accord negotiation show`.
public struct NegotiationDetail: Sendable, Codable {
  public struct Participant: Sendable, Codable, Equatable {
    public let actor: String
    public let role: ParticipantRole
  }
  public struct Proposal: Sendable, Codable, Equatable {
    public let id: Int64
    public let slug: String
    public let title: String
    public let tabledBy: String?
    public let terms: String?
    public let value: String?
    public let valueAmount: Int64?
    public let valueCurrency: String?
    public let counters: String?
    public let supersedes: String?
    /// Absent before its first whole-proposal step.
    public let status: ProposalStep.Kind?
    public let signed: Bool
    public let live: Bool
    /// Each party's own latest step, where a step names a party.
    public let partyStatus: [String: ProposalStep.Kind]
    public let steps: [ProposalStep]
    public let sources: [String]
    /// The dataset it was imported from (PA-X, UCDP), with its stage and signatories as written.
    public var dataset: DatasetFacts? = nil
  }

  public let id: Int64
  public let slug: String
  public let title: String
  public let summary: String?
  public let tags: [String]
  public let asOf: String
  /// `signed` or `unsigned` (see ``NegotiationSummary/status``).
  public let status: String
  public let participants: [Participant]
  public let proposals: [Proposal]
  public let conditions: [Condition]
  public let meetings: [MeetingSummary]
  public let quotes: [Quote]
  public let developments: [Development]
  /// Why the negotiation was retracted, when it was (`accord retract negotiation`); absent otherwise.
  public var retraction: String? = nil
}

extension AccordStore {
  public func negotiation(_ id: Int64, asOf: Day? = nil, developmentLimit: Int = 20) throws
    -> NegotiationDetail
  {
    let day = asOf ?? today
    return try connection.read {
      guard
        let head = try connection.first(
          "SELECT slug, title, summary FROM negotiation WHERE id = ?", [.integer(id)],
          { ($0.text(0), $0.text(1), $0.optionalText(2)) })
      else { throw StoreError.notFound(kind: "negotiation", name: String(id), candidates: []) }
      let tags = try connection.all(
        "SELECT tag FROM negotiation_tag WHERE negotiation_id = ? ORDER BY tag", [.integer(id)]
      ) { $0.text(0) }
      let participants = try connection.all(
        """
        SELECT a.name, p.role FROM participant p JOIN actor a ON a.id = p.actor_id
        WHERE p.negotiation_id = ?
        ORDER BY CASE p.role WHEN 'party' THEN 0 WHEN 'mediator' THEN 1 WHEN 'guarantor' THEN 2 ELSE 3 END, a.name
        """, [.integer(id)]
      ) {
        NegotiationDetail.Participant(
          actor: $0.text(0), role: ParticipantRole(rawValue: $0.text(1)) ?? .observer)
      }
      let proposals = try proposals(negotiation: id, asOf: day)
      var detail = NegotiationDetail(
        id: id, slug: head.0, title: head.1, summary: head.2, tags: tags, asOf: day.description,
        status: proposals.contains(where: \.signed) ? "signed" : "unsigned", participants: participants,
        proposals: proposals, conditions: try conditions(negotiation: id, asOf: day),
        meetings: try meetings(negotiation: id, asOf: day), quotes: try quotes(negotiation: id, asOf: day),
        developments: try developments(negotiation: id, asOf: day, limit: developmentLimit))
      detail.retraction = try retractionReason(negotiation: id)
      return detail
    }
  }

  /// Why a negotiation was retracted, if it was.
  public func retractionReason(negotiation id: Int64) throws(StoreError) -> String? {
    try connection.first(
      "SELECT reason FROM retraction WHERE record_table = 'negotiation' AND record_id = ?", [.integer(id)],
      { $0.text(0) })
  }

  func proposals(negotiation: Int64, asOf day: Day) throws -> [NegotiationDetail.Proposal] {
    let heads = try connection.all(
      """
      SELECT p.id, p.slug, p.title, a.name, p.terms, p.value, p.value_amount, p.value_currency, c.slug, s.slug
      FROM proposal p LEFT JOIN actor a ON a.id = p.tabled_by
      LEFT JOIN proposal c ON c.id = p.counters_id LEFT JOIN proposal s ON s.id = p.supersedes_id
      WHERE p.negotiation_id = ?1 AND NOT EXISTS (SELECT 1 FROM retraction zr WHERE zr.record_table = 'proposal' AND zr.record_id = p.id)
        AND EXISTS (SELECT 1 FROM proposal_step x WHERE x.proposal_id = p.id AND x.date_first <= ?2
          AND NOT EXISTS (SELECT 1 FROM retraction zr WHERE zr.record_table = 'proposal_step' AND zr.record_id = x.id))
      ORDER BY (SELECT min(x.date_first) FROM proposal_step x WHERE x.proposal_id = p.id
        AND NOT EXISTS (SELECT 1 FROM retraction zr WHERE zr.record_table = 'proposal_step' AND zr.record_id = x.id)), p.id
      """, [.integer(negotiation), .text(day.description)]
    ) { row in
      (
        id: row.integer(0), slug: row.text(1), title: row.text(2), by: row.optionalText(3),
        terms: row.optionalText(4), value: row.optionalText(5), amount: row.optionalInteger(6),
        currency: row.optionalText(7), counters: row.optionalText(8), supersedes: row.optionalText(9)
      )
    }
    let proposalSources = try citations(.proposal, ids: heads.map(\.id))
    return try heads.map { head in
      let steps = try steps(proposal: head.id, asOf: day)
      let dataset = try datasetFacts(proposal: head.id)
      let status = steps.last(where: { $0.party == nil })?.step
      var partyStatus: [String: ProposalStep.Kind] = [:]
      for step in steps { if let party = step.party { partyStatus[party] = step.step } }
      return NegotiationDetail.Proposal(
        id: head.id, slug: head.slug, title: head.title, tabledBy: head.by, terms: head.terms,
        value: head.value, valueAmount: head.amount, valueCurrency: head.currency, counters: head.counters,
        supersedes: head.supersedes, status: status,
        signed: steps.contains { StatusRule.signing.contains($0.step) },
        live: status.map(StatusRule.isLive) ?? false, partyStatus: partyStatus, steps: steps,
        sources: proposalSources[head.id] ?? [], dataset: dataset)
    }
  }

  /// A proposal's steps as of a day, in the order the status rule reads them.
  public func steps(proposal: Int64, asOf day: Day) throws -> [ProposalStep] {
    let rows = try connection.all(
      """
      SELECT s.id, s.step, s.date, s.date_first, s.date_last, a.name, s.note
      FROM proposal_step s LEFT JOIN actor a ON a.id = s.party_id
      WHERE s.proposal_id = ? AND s.date_first <= ? AND NOT EXISTS (SELECT 1 FROM retraction zr WHERE zr.record_table = 'proposal_step' AND zr.record_id = s.id)
      ORDER BY s.date_first, s.id
      """, [.integer(proposal), .text(day.description)]
    ) { row in
      (
        row.integer(0), ProposalStep.Kind(rawValue: row.text(1)) ?? .tabled,
        AccordDate.stored(row.text(2), first: row.text(3), last: row.text(4)), row.optionalText(5),
        row.optionalText(6)
      )
    }
    let cited = try citations(.step, ids: rows.map(\.0))
    return rows.map {
      ProposalStep(id: $0.0, step: $0.1, date: $0.2, party: $0.3, note: $0.4, sources: cited[$0.0] ?? [])
    }
  }
}
