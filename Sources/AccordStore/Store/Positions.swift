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
  /// What ``positionMatrix(negotiation:asOf:proposals:)`` reads, to send to a team's server at once.
  func positionMatrixStatements(negotiation id: Int64, asOf day: Day) -> [ReadStatement] {
    [ReadStatement(Self.matrixHeadSQL, [.integer(id)])]
      + [Self.matrixPositionsSQL, Self.matrixAnswersSQL, Self.matrixRevisionsSQL, Self.matrixTermsSQL].map {
        ReadStatement($0, [.integer(id), .text(day.description)])
      }
  }

  static let matrixHeadSQL = "SELECT slug, title FROM negotiation WHERE id = ?"

  static let matrixPositionsSQL = """
    SELECT c.term_id, c.actor_id, c.stance, c.date, c.date_first, c.date_last, c.id FROM current_position c
    WHERE c.negotiation_id = ?1 AND c.date_first <= ?2
    """

  static let matrixAnswersSQL = """
    SELECT c.term_id, x.actor_id, x.outcome, x.date, x.date_first, x.date_last, x.id,
      c.id AS condition_id
    FROM current_answer x JOIN current_position c ON c.id = x.condition_id
    WHERE c.negotiation_id = ?1 AND x.date_last <= ?2 AND x.actor_id IS NOT NULL
    """

  static let matrixRevisionsSQL = """
    SELECT o.term_id, o.actor_id, r.date, r.date_first, r.date_last, r.id, o.id AS revised_id
    FROM current_position r JOIN current_position o ON o.id = r.revises_id
    WHERE r.negotiation_id = ?1 AND r.date_last <= ?2 AND o.term_id <> r.term_id
    """

  static let matrixTermsSQL = """
    SELECT t.id, t.text FROM term t WHERE t.negotiation_id = ?1
      AND EXISTS (SELECT 1 FROM current_position c WHERE c.term_id = t.id AND c.date_first <= ?2)
    ORDER BY (SELECT min(c.date_first) FROM current_position c WHERE c.term_id = t.id), t.id
    """

  /// The matrix of negotiation `id` as of `asOf`; `proposals`, the negotiation's proposals as of the
  /// day when the caller has them already (a report), saves reading them again.
  public func positionMatrix(
    negotiation id: Int64, asOf: Day? = nil, proposals known: [NegotiationDetail.Proposal]? = nil
  ) throws -> PositionMatrix {
    let day = asOf ?? today
    return try connection.read {
      try connection.prefetch(positionMatrixStatements(negotiation: id, asOf: day))
      guard
        let (slug, title) = try connection.first(
          Self.matrixHeadSQL, [.integer(id)],
          { row throws(DatabaseError) in (try row.text("slug"), try row.text("title")) })
      else { throw StoreError.notFound(kind: "negotiation", name: String(id), candidates: []) }
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

      // Every stance on every term by the day: (term, actor, stance, date, order, condition). A
      // condition counts once it may have been stated (as in `condition list`); answers and
      // revisions once their whole date has passed.
      typealias Event = (
        term: Int64, actor: Int64, stance: String, date: AccordDate, order: Int64, condition: Int64
      )
      var events: [Event] = []
      events += try connection.all(
        Self.matrixPositionsSQL, [.integer(id), .text(day.description)]
      ) { row throws(DatabaseError) in
        let condition = try row.integer("id")
        return (
          try row.integer("term_id"), try row.integer("actor_id"),
          try row.decode(Stance.self, "stance", table: "position", id: condition).rawValue,
          try row.date("date"), condition * 2, condition
        )
      }
      events += try connection.all(
        Self.matrixAnswersSQL, [.integer(id), .text(day.description)]
      ) { row throws(DatabaseError) in
        let term = try row.integer("term_id")
        let actor = try row.integer("actor_id")
        let answer = try row.integer("id")
        let stance =
          switch try row.decode(ConditionOutcome.self, "outcome", table: "answer", id: answer) {
          case .accepted: "accepts"
          case .rejected: "rejects"
          case .dropped: "drops"
          case let outcome: outcome.rawValue
          }
        return (term, actor, stance, try row.date("date"), answer * 2 + 1, try row.integer("condition_id"))
      }
      // A revised condition: its holder's stance on the old term is "revised".
      events += try connection.all(
        Self.matrixRevisionsSQL, [.integer(id), .text(day.description)]
      ) { row throws(DatabaseError) in
        (
          try row.integer("term_id"), try row.integer("actor_id"), "revised", try row.date("date"),
          try row.integer("id") * 2, try row.integer("revised_id")
        )
      }
      let terms = try connection.all(
        Self.matrixTermsSQL, [.integer(id), .text(day.description)]
      ) { row throws(DatabaseError) in (try row.integer("id"), try row.text("text")) }

      var rows: [PositionMatrix.Row] = []
      for (term, text) in terms {
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
