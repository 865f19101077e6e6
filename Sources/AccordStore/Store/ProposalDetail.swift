/// One proposal as it stood on a day, with each party's state: `accord proposal show`.
public struct ProposalDetail: Sendable, Codable {
  /// One party's row: where it stands, since when, and its steps.
  public struct PartyRow: Sendable, Codable, Equatable {
    public let party: String
    /// Nil when it has no step of its own on a proposal whose parties each have their own (a
    /// multilateral treaty it has not signed).
    public let state: ProposalState?
    /// The step that put it there, and its date.
    public let step: ProposalStep.Kind?
    public let since: AccordDate?
    /// A withdrawal notified that has not taken effect yet: when it will.
    public let withdrawalEffective: AccordDate?
    /// True when the state is the whole proposal's (the party has no step of its own).
    public let shared: Bool
    public let steps: [ProposalStep]
  }

  public let asOf: String
  public let negotiation: String
  public let negotiationTitle: String
  public let proposal: NegotiationDetail.Proposal
  public let parties: [PartyRow]
  /// Why it was retracted, when it was; absent otherwise.
  public var retraction: String? = nil
}

extension AccordStore {
  /// A proposal as of `asOf` (default today), with a row for each party of its negotiation on that
  /// day and each actor with a step of its own.
  public func proposalDetail(_ id: Int64, asOf: Day? = nil) throws -> ProposalDetail {
    let day = asOf ?? today
    return try connection.read {
      guard
        let (negotiation, slug, title) = try connection.first(
          """
          SELECT n.id, n.slug, n.title FROM proposal p JOIN negotiation n ON n.id = p.negotiation_id
          WHERE p.id = ?
          """, [.integer(id)], { ($0.integer(0), $0.text(1), $0.text(2)) })
      else { throw StoreError.notFound(kind: "proposal", name: String(id), candidates: []) }
      guard let proposal = try proposal(id, asOf: day), proposal.status != nil || !proposal.possibly.isEmpty
      else {
        let first = try connection.first(
          "SELECT date FROM current_proposal_step WHERE proposal_id = ? ORDER BY date_first, id LIMIT 1",
          [.integer(id)], { $0.text(0) })
        throw StoreError.conflict(
          "proposal \(try connection.first("SELECT slug FROM proposal WHERE id = ?", [.integer(id)]) { $0.text(0) } ?? String(id)) "
            + (first.map { "was first recorded on \($0): it did not exist yet on \(day)" }
              ?? "has no step on the record"))
      }
      let own = Dictionary(proposal.parties.map { ($0.party, $0) }, uniquingKeysWith: { a, _ in a })
      let eachOwn = proposal.parties.contains { party in
        party.history.contains { if case .stage = StatusRule.effect(of: $0.step) { true } else { false } }
      }
      var names = try participants(negotiation: negotiation, asOf: day).filter { $0.role == .party }.map(
        \.actor)
      for party in proposal.parties where !names.contains(party.party) { names.append(party.party) }
      let rows = names.map { name -> ProposalDetail.PartyRow in
        if let party = own[name] {
          return ProposalDetail.PartyRow(
            party: name, state: party.state, step: party.step, since: party.since,
            withdrawalEffective: party.withdrawalEffective, shared: false, steps: party.history)
        }
        return ProposalDetail.PartyRow(
          party: name, state: eachOwn ? nil : proposal.status, step: eachOwn ? nil : proposal.statusStep,
          since: eachOwn ? nil : proposal.statusDate, withdrawalEffective: nil, shared: !eachOwn, steps: [])
      }
      var detail = ProposalDetail(
        asOf: day.description, negotiation: slug, negotiationTitle: title, proposal: proposal, parties: rows)
      detail.retraction = try connection.first(
        """
        SELECT reason FROM retraction WHERE (record_table = 'proposal' AND record_id = ?1)
          OR (record_table = 'negotiation' AND record_id = ?2)
        """, [.integer(id), .integer(negotiation)], { $0.text(0) })
      return detail
    }
  }
}
