import AccordSQLite

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
    /// For a member of a bloc party: the bloc whose steps it shares (on the days it belonged to it).
    public var via: String? = nil
  }

  public let asOf: String
  public let negotiation: String
  public let negotiationTitle: String
  public let proposal: NegotiationDetail.Proposal
  public let parties: [PartyRow]
  /// With `members`: the members of each bloc party on the day, each with its own steps and its
  /// bloc's steps of days it belonged to the bloc (one that joined after the bloc signed did not sign).
  public var members: [PartyRow] = []
  /// Why it was retracted, when it was; absent otherwise.
  public var retraction: String? = nil
}

extension ProposalDetail {
  /// A row for each of `parties` (the negotiation's parties that day) and each actor with a step of
  /// its own: its own state, or the whole proposal's, shared; none when the parties each have their
  /// own stages and it has none (a multilateral treaty it has not joined).
  static func partyRows(_ proposal: NegotiationDetail.Proposal, parties: [String]) -> [PartyRow] {
    let own = Dictionary(proposal.parties.map { ($0.party, $0) }, uniquingKeysWith: { a, _ in a })
    let eachOwn = proposal.parties.contains { party in
      party.history.contains { if case .stage = StatusRule.effect(of: $0.step) { true } else { false } }
    }
    var names = parties
    for party in proposal.parties where !names.contains(party.party) { names.append(party.party) }
    return names.map { name -> PartyRow in
      if let party = own[name] {
        return PartyRow(
          party: name, state: party.state, step: party.step, since: party.since,
          withdrawalEffective: party.withdrawalEffective, shared: false, steps: party.history)
      }
      return PartyRow(
        party: name, state: eachOwn ? nil : proposal.status, step: eachOwn ? nil : proposal.statusStep,
        since: eachOwn ? nil : proposal.statusDate, withdrawalEffective: nil, shared: !eachOwn, steps: [])
    }
  }
}

extension AccordStore {
  /// A proposal as of `asOf` (default today), with a row for each party of its negotiation on that
  /// day and each actor with a step of its own.
  public func proposalDetail(_ id: Int64, asOf: Day? = nil, members: Bool = false) throws -> ProposalDetail {
    let day = asOf ?? today
    return try connection.read {
      guard
        let (negotiation, slug, title) = try connection.first(
          """
          SELECT n.id, n.slug, n.title FROM proposal p JOIN negotiation n ON n.id = p.negotiation_id
          WHERE p.id = ?
          """, [.integer(id)],
          { row throws(DatabaseError) in (try row.integer("id"), try row.text("slug"), try row.text("title"))
          })
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
      let names = try participants(negotiation: negotiation, asOf: day).filter { $0.role == .party }.map(
        \.actor)
      let rows = ProposalDetail.partyRows(proposal, parties: names)
      var detail = ProposalDetail(
        asOf: day.description, negotiation: slug, negotiationTitle: title, proposal: proposal, parties: rows)
      if members { detail.members = try memberRows(proposal, parties: rows, asOf: day) }
      detail.retraction =
        try retractionReason(table: "proposal", id: id)
        ?? retractionReason(table: "negotiation", id: negotiation)
      return detail
    }
  }
}

extension AccordStore {
  /// The members of each bloc among `parties`, on `day`, with where each stands through its bloc.
  fileprivate func memberRows(
    _ proposal: NegotiationDetail.Proposal, parties: [ProposalDetail.PartyRow], asOf day: Day
  ) throws -> [ProposalDetail.PartyRow] {
    let blocs = try self.blocs()
    var rows: [ProposalDetail.PartyRow] = []
    for party in parties {
      // A bloc that has steps of its own on the proposal.
      guard let bloc = try actorIDs(named: party.party).first,
        proposal.steps.contains(where: { $0.partyID == bloc })
      else { continue }
      for member in blocs.members(of: bloc, on: AccordDate(day: day))
      where blocs.spans.contains(where: {
        $0.bloc == bloc && $0.member == member && $0.holds(on: day)
      }) {
        let name = try actorName(member)
        guard !parties.contains(where: { $0.party == name }) else { continue }
        // The bloc's own steps of days the member belonged to it, as the member's; and its own.
        let shared = proposal.steps.filter { step in
          step.partyID == bloc && blocs.blocs(of: member, on: step.date).contains(bloc)
        }.map { step -> ProposalStep in
          var copy = step
          copy.party = name
          copy.partyID = member
          return copy
        }
        let own = proposal.steps.filter { $0.partyID == member }
        let steps = (proposal.steps.filter { $0.party == nil } + shared + own).sorted {
          ($0.date.first, $0.id) < ($1.date.first, $1.id)
        }
        let life = ProposalLife(steps: steps, asOf: day)
        let found = life.parties.first { $0.party == name }
        var row = ProposalDetail.PartyRow(
          party: name, state: found?.state, step: found?.step, since: found?.since,
          withdrawalEffective: found?.withdrawalEffective, shared: false, steps: found?.history ?? [])
        row.via = party.party
        rows.append(row)
      }
    }
    return rows.sorted { ($0.via ?? "", $0.party) < ($1.via ?? "", $1.party) }
  }
}
