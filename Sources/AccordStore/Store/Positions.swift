import AccordSQLite

/// Where each party stands on each term and each live proposal of a negotiation, as of a day: the
/// position matrix that analysts draw by hand (`accord positions`).
public struct PositionMatrix: Sendable, Codable {
  /// One party's latest stance on a row, with its date.
  public struct Cell: Sendable, Codable, Equatable {
    public let party: String
    /// For a term: demands, offers, precondition, red_line (a condition it holds), accepts, rejects,
    /// reneged (its answer to a condition), drops (it dropped its condition), revised (its condition
    /// was revised into another); for a proposal: the party's state (signed, ratified, in_force, …).
    public let stance: String
    public let date: AccordDate?
    /// The condition behind the stance, if any.
    public let condition: Int64?
    /// The bloc through which the party holds it, when the stance is a bloc's.
    public let via: String?
    /// False for a condition whose date holds the day: it may or may not have been stated yet
    /// (as `condition list` says).
    public var certain: Bool = true
  }

  public struct Row: Sendable, Codable, Equatable {
    /// `term` or `proposal`.
    public let kind: String
    /// The term's text, or the proposal's title.
    public let label: String
    /// The proposal's short id.
    public let proposal: String?
    /// One cell for each party that has taken a stance (the others have none: "—").
    public let cells: [Cell]
  }

  public let negotiation: String
  public let title: String
  public let asOf: String
  /// The columns: the negotiation's parties on the day, by role then name.
  public let parties: [String]
  public let rows: [Row]

  /// The cell of `party` in `row`, if it has one.
  public func cell(_ row: Row, _ party: String) -> Cell? { row.cells.first { $0.party == party } }
}

extension AccordStore {
  /// What ``positionMatrix(negotiation:asOf:)`` reads, to send to a team's server at once:
  /// the negotiation's head and its conditions' facts, as its page reads them (a report reads them
  /// once for both).
  func positionMatrixStatements(negotiation id: Int64, asOf day: Day) -> [ReadStatement] {
    [
      ReadStatement(Self.negotiationHeadSQL, [.integer(id)]),
      participationStatement(negotiation: id),
      Self.membershipStatement,
      positionsStatement(negotiation: id, asOf: day),
      conditionAnswersStatement(negotiation: id, asOf: day),
      revisionsStatement(negotiation: id, asOf: day),
    ]
  }

  /// The matrix of negotiation `id` as of `asOf` (`accord positions`).
  public func positionMatrix(negotiation id: Int64, asOf: Day? = nil) throws -> PositionMatrix {
    let day = asOf ?? today
    return try connection.read {
      try connection.prefetch(positionMatrixStatements(negotiation: id, asOf: day))
      guard
        let (slug, title) = try connection.first(
          Self.negotiationHeadSQL, [.integer(id)],
          { row throws(DatabaseError) in (try row.text("slug"), try row.text("title")) })
      else { throw StoreError.notFound(kind: "negotiation", name: String(id), candidates: []) }
      return try positionMatrix(negotiation: id, slug: slug, title: title, asOf: day, proposals: nil)
    }
  }

  /// The matrix of negotiation `id` (`slug`, `title`) as of `day`; `proposals`, the negotiation's
  /// proposals as of the day when the caller has them already (a report, which has read its page:
  /// the matrix is made from the same facts, read once), saves reading them again.
  func positionMatrix(
    negotiation id: Int64, slug: String, title: String, asOf day: Day,
    proposals known: [NegotiationDetail.Proposal]?
  ) throws -> PositionMatrix {
    try connection.read {
      let spans = ParticipationSpan.asOf(try participationSpans(negotiation: id)[id] ?? [], day)
      var parties: [(id: Int64, name: String)] = []
      for span in spans where span.role == .party && !parties.contains(where: { $0.id == span.actorID }) {
        parties.append((span.actorID, span.actor))
      }
      let blocs = try self.blocs()
      var names: [Int64: String] = Dictionary(
        parties.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
      func name(_ actor: Int64) throws -> String {
        if let known = names[actor] { return known }
        let found = try actorName(actor)
        names[actor] = found
        return found
      }

      // Every stance on every term by the day: (term, actor, stance, date, order, condition), from
      // the conditions that stand (not retracted). A condition counts once it may have been stated
      // (as in `condition list`); answers and revisions once their whole date has passed. (An
      // answer or a revision never comes before what it answers: adding and correcting refuse it.)
      typealias Event = (
        term: Int64, actor: Int64, stance: String, date: AccordDate, order: Int64, condition: Int64
      )
      let facts = try conditionFacts(negotiation: id, asOf: day)
      let stated = facts.stated.filter { !$0.retracted }
      let byID = Dictionary(stated.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
      var events: [Event] = stated.map {
        ($0.termID, $0.holderID, $0.stance.rawValue, $0.since, $0.id * 2, $0.id)
      }
      for (answered, answers) in facts.answers {
        guard let condition = byID[answered] else { continue }
        for case (let answer, let actor?) in answers {
          let stance =
            switch answer.outcome {
            case .accepted: "accepts"
            case .rejected: "rejects"
            case .dropped: "drops"
            case let outcome: outcome.rawValue
            }
          events.append((condition.termID, actor, stance, answer.date, answer.id * 2 + 1, condition.id))
        }
      }
      // A condition revised into one on another term: its holder's stance on the old term is
      // "revised".
      for (earlier, later, date) in facts.revisions {
        guard let old = byID[earlier], let new = byID[later], old.termID != new.termID else { continue }
        events.append((old.termID, old.holderID, "revised", date, later * 2, earlier))
      }
      // The terms with a condition that stands, in the order of their first.
      var terms: [(id: Int64, text: String, first: Day)] = []
      for condition in stated {
        if let index = terms.firstIndex(where: { $0.id == condition.termID }) {
          terms[index].first = min(terms[index].first, condition.since.first)
        } else {
          terms.append((condition.termID, condition.term, condition.since.first))
        }
      }
      terms.sort { ($0.first, $0.id) < ($1.first, $1.id) }

      var rows: [PositionMatrix.Row] = []
      for (term, text, _) in terms {
        var cells: [PositionMatrix.Cell] = []
        for party in parties {
          // The party's own stances, and its blocs' on days it belonged to them.
          let own = events.filter { $0.term == term && $0.actor == party.id }
          let throughBlocs = events.filter { event in
            event.term == term && event.actor != party.id
              && blocs.blocs(of: party.id, on: event.date).contains(event.actor)
          }
          guard
            let latest = (own + throughBlocs).max(by: {
              ($0.date.first, $0.order) < ($1.date.first, $1.order)
            })
          else { continue }
          var cell = PositionMatrix.Cell(
            party: party.name, stance: latest.stance, date: latest.date, condition: latest.condition,
            via: latest.actor == party.id ? nil : try name(latest.actor))
          cell.certain = latest.date.last <= day
          cells.append(cell)
        }
        rows.append(PositionMatrix.Row(kind: "term", label: text, proposal: nil, cells: cells))
      }
      // Live proposals: each party's state, as `proposal show` gives it.
      let partyNames = parties.map(\.name)
      for proposal in try (known ?? self.proposals(negotiation: id, asOf: day)) where proposal.live {
        let cells = ProposalDetail.partyRows(proposal, parties: partyNames).compactMap {
          row -> PositionMatrix.Cell? in
          guard parties.contains(where: { $0.name == row.party }), let state = row.state else { return nil }
          return PositionMatrix.Cell(
            party: row.party, stance: state.rawValue, date: row.since, condition: nil, via: nil)
        }
        rows.append(
          PositionMatrix.Row(kind: "proposal", label: proposal.title, proposal: proposal.slug, cells: cells))
      }
      return PositionMatrix(
        negotiation: slug, title: title, asOf: day.description, parties: parties.map(\.name), rows: rows)
    }
  }
}
