import AccordSQLite

/// Everything recorded on one negotiation, as it stood on a day: `accord negotiation show`.
public struct NegotiationDetail: Sendable, Codable {
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
    /// Where it stands as a whole (``StatusRule``); absent before any of its steps counts.
    public let status: ProposalState?
    /// The step that put it there, and its date (for a state raised by parties, the first party's).
    public let statusStep: ProposalStep.Kind?
    public let statusDate: AccordDate?
    public let signed: Bool
    public let live: Bool
    /// Where each party that has a step of its own stands.
    public let parties: [ProposalLife.Party]
    /// The steps that count, in order.
    public var steps: [ProposalStep]
    /// Steps whose dates hold the day: they may or may not have happened yet.
    public let possibly: [ProposalStep]
    /// The step that closed it, and for how many days it was open (to that step, or to the day).
    public let closedBy: ProposalStep?
    public let daysOpen: Int
    /// The deadline set by its latest extension.
    public let deadline: AccordDate?
    public var sources: [String]
    /// How it stands to other agreements, both ways: "implements jpoa", "endorsed by unscr-2231".
    public var links: [ProposalLinkEntry] = []
    /// The dataset it was imported from (PA-X, UCDP), with its stage and signatories as written.
    public var dataset: DatasetFacts? = nil
    /// For a live draft: the day it was last active, and whether it is dormant (``Dormancy``).
    public var lastActive: String? = nil
    public var dormant: Bool? = nil
  }

  public let id: Int64
  public let slug: String
  public let title: String
  public let summary: String?
  public let tags: [String]
  public let asOf: String
  /// Where it stands, and why.
  public let status: NegotiationStatus
  public let participants: [Participation]
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
      try connection.prefetch(negotiationStatements(id, asOf: day, developmentLimit: developmentLimit))
      guard
        let head = try connection.first(
          Self.negotiationHeadSQL, [.integer(id)],
          { row throws(DatabaseError) in
            (
              slug: try row.text("slug"), title: try row.text("title"),
              summary: try row.optionalText("summary")
            )
          })
      else { throw StoreError.notFound(kind: "negotiation", name: String(id), candidates: []) }
      let tags = try connection.all(Self.negotiationTagsSQL, [.integer(id)]) { $0.text(0) }
      let participants = try participants(negotiation: id, asOf: day)
      var lives: [(id: Int64, title: String, life: ProposalLife)] = []
      let proposals = try proposals(
        where: "p.negotiation_id = ?1", .integer(id), asOf: day, lives: &lives)
      let status = try status(
        negotiation: id, lives: lives.sorted { $0.id < $1.id }.map { ($0.title, $0.life) }, asOf: day)
      var detail = NegotiationDetail(
        id: id, slug: head.slug, title: head.title, summary: head.summary, tags: tags, asOf: day.description,
        status: status, participants: participants,
        proposals: proposals, conditions: try conditions(negotiation: id, asOf: day),
        meetings: try meetings(negotiation: id, asOf: day), quotes: try quotes(negotiation: id, asOf: day),
        developments: try developments(negotiation: id, asOf: day, limit: developmentLimit))
      detail.retraction = try retractionReason(negotiation: id)
      return detail
    }
  }

  static let negotiationHeadSQL = "SELECT slug, title, summary FROM negotiation WHERE id = ?"
  static let negotiationTagsSQL = "SELECT tag FROM negotiation_tag WHERE negotiation_id = ? ORDER BY tag"

  /// What ``negotiation(_:asOf:developmentLimit:)`` reads that waits on no other answer, to send to
  /// a team's server at once (``Database/prefetch(_:)``): each as the read that asks for it writes
  /// it. (A statement that is not asked for after all, its answer known already, costs the server
  /// a little work, never a wrong answer: an answer is taken only for the same statement with the
  /// same arguments, in the same read.)
  func negotiationStatements(_ id: Int64, asOf day: Day, developmentLimit: Int) -> [ReadStatement] {
    [
      ReadStatement(Self.negotiationHeadSQL, [.integer(id)]),
      ReadStatement(Self.negotiationTagsSQL, [.integer(id)]),
      participationStatement(negotiation: id),
      proposalHeadsStatement(where: "p.negotiation_id = ?1", .integer(id), includeRetracted: false),
      quietStatement(negotiations: [id], asOf: day),
      lastActivityStatement(negotiation: id, asOf: day),
      positionsStatement(negotiation: id, asOf: day),
      Self.membershipStatement,
      conditionAnswersStatement(negotiation: id, asOf: day),
      revisionsStatement(negotiation: id, asOf: day),
      meetingsStatement(negotiation: id, asOf: day),
      quotesStatement(negotiation: id, asOf: day),
      developmentsStatement(negotiation: id, asOf: day, limit: developmentLimit),
      Self.retractionReasonStatement(table: "negotiation", id: id),
    ]
  }

  /// Why a negotiation was retracted, if it was.
  public func retractionReason(negotiation id: Int64) throws(StoreError) -> String? {
    try retractionReason(table: "negotiation", id: id)
  }

  func proposals(negotiation: Int64, asOf day: Day) throws -> [NegotiationDetail.Proposal] {
    var lives: [(id: Int64, title: String, life: ProposalLife)] = []
    return try proposals(where: "p.negotiation_id = ?1", .integer(negotiation), asOf: day, lives: &lives)
  }

  /// One proposal as it stood on `day`, with every step behind its state; nil before it existed.
  public func proposal(_ id: Int64, asOf day: Day) throws -> NegotiationDetail.Proposal? {
    var lives: [(id: Int64, title: String, life: ProposalLife)] = []
    return try proposals(where: "p.id = ?1", .integer(id), asOf: day, includeRetracted: true, lives: &lives)
      .first
  }

  /// The proposals as they stood on `day`; `lives` gets the life of each that has steps by then
  /// (what the negotiation's status is derived from, so that it need not read them again).
  private func proposals(
    where condition: String, _ argument: SQLValue, asOf day: Day, includeRetracted: Bool = false,
    lives: inout [(id: Int64, title: String, life: ProposalLife)]
  ) throws -> [NegotiationDetail.Proposal] {
    let heads = try connection.all(
      proposalHeadsStatement(where: condition, argument, includeRetracted: includeRetracted)
    ) { row throws(DatabaseError) in
      (
        id: try row.integer("id"), slug: try row.text("slug"), title: try row.text("title"),
        by: try row.optionalText("tabled_by"), terms: try row.optionalText("terms"),
        value: try row.optionalText("value"), amount: try row.optionalInteger("value_amount"),
        currency: try row.optionalText("value_currency"), counters: try row.optionalText("counters"),
        supersedes: try row.optionalText("supersedes"), negotiation: try row.integer("negotiation_id"),
        linked: try row.integer("linked") != 0, recorded: try row.integer("recorded") != 0,
        sources: try row.sources()
      )
    }
    let quiet = try self.quiet(negotiations: Array(Set(heads.map(\.negotiation))), asOf: day)
    let steps = try self.steps(proposals: heads.map(\.id), asOf: day)
    var result: [NegotiationDetail.Proposal] = []
    for head in heads {
      let all = steps[head.id] ?? []
      let life = ProposalLife(steps: all, asOf: day)
      if !all.isEmpty { lives.append((head.id, head.title, life)) }
      // A proposal none of whose steps counts yet, but which may have been tabled, is shown as such.
      guard life.exists || !life.possible.isEmpty else { continue }
      var proposal = NegotiationDetail.Proposal(
        id: head.id, slug: head.slug, title: head.title, tabledBy: head.by, terms: head.terms,
        value: head.value, valueAmount: head.amount, valueCurrency: head.currency, counters: head.counters,
        supersedes: head.supersedes, status: life.state, statusStep: life.stateStep?.step,
        statusDate: life.stateStep?.date, signed: life.isSigned, live: life.isLive,
        parties: life.parties, steps: life.steps, possibly: life.possible, closedBy: life.closing,
        daysOpen: life.daysOpen(asOf: day), deadline: life.deadline,
        sources: head.sources,
        dataset: head.recorded ? try datasetFacts(proposal: head.id) : nil)
      proposal.links = head.linked ? try links(of: head.id, asOf: day) : []
      if let dormancy = Self.dormancy(
        of: life, quiet: quiet[head.negotiation], asOf: day, defaultDays: Dormancy.defaultDays)
      {
        proposal.lastActive = dormancy.activity.description
        proposal.dormant = dormancy.dormant
      }
      result.append(proposal)
    }
    func first(_ p: NegotiationDetail.Proposal) -> Day {
      (p.steps.first ?? p.possibly.first)?.date.first ?? day
    }
    return result.sorted { (first($0), $0.id) < (first($1), $1.id) }
  }

  /// The statement of the proposals that match `condition` (of `?1`, `argument`), with their
  /// sources, and whether each has links or a dataset's record, read with it from the base tables:
  /// most have neither, and the statements that read them are the dearest to plan on a team's server.
  func proposalHeadsStatement(where condition: String, _ argument: SQLValue, includeRetracted: Bool)
    -> ReadStatement
  {
    ReadStatement(
      """
      SELECT p.id, p.slug, p.title, a.name AS tabled_by, p.terms, p.value, p.value_amount, p.value_currency,
        c.slug AS counters, s.slug AS supersedes, p.negotiation_id,
        CASE WHEN \(Self.hasLinks("p.id")) THEN 1 ELSE 0 END AS linked,
        CASE WHEN EXISTS (SELECT 1 FROM dataset_record r WHERE r.proposal_id = p.id) THEN 1 ELSE 0 END
          AS recorded,
        \(Self.citedSources(.proposal, of: "p.id")) AS sources
      FROM \(includeRetracted ? "proposal" : "current_proposal") p LEFT JOIN actor a ON a.id = p.tabled_by
      LEFT JOIN proposal c ON c.id = p.counters_id LEFT JOIN proposal s ON s.id = p.supersedes_id
      WHERE \(condition)
      """, [argument])
  }

  /// SQL that is true when the proposal `proposal` (a column) has a link, either way, retracted or
  /// not: most have none, and the statements that read links are among the dearest to plan on a
  /// team's server.
  static func hasLinks(_ proposal: String) -> String {
    """
    (EXISTS (SELECT 1 FROM proposal_link l WHERE l.proposal_id = \(proposal))
      OR EXISTS (SELECT 1 FROM proposal_link l WHERE l.other_id = \(proposal)))
    """
  }

  /// A proposal's steps that started on or before `day`, in the order the status rule reads them,
  /// with their sources.
  public func steps(proposal: Int64, asOf day: Day) throws -> [ProposalStep] {
    try steps(proposals: [proposal], asOf: day)[proposal] ?? []
  }

  /// The steps of each of `proposals` that started on or before `day`, as ``steps(proposal:asOf:)``
  /// gives them: one statement for them all, not one a proposal.
  func steps(proposals: [Int64], asOf day: Day) throws -> [Int64: [ProposalStep]] {
    guard !proposals.isEmpty else { return [:] }
    let rows = try connection.all(
      """
      SELECT \(Self.stepColumns), s.proposal_id, \(Self.citedSources(.step, of: "s.id")) AS sources
      FROM current_proposal_step s LEFT JOIN actor a ON a.id = s.party_id
      WHERE s.proposal_id IN (\(words.numbers(in: "?1"))) AND s.date_first <= ?2
      ORDER BY s.proposal_id, s.date_first, s.id
      """, [.text(Self.jsonList(proposals)), .text(day.description)]
    ) { row throws(DatabaseError) in
      var step = try ProposalStep(row: row)
      step.sources = try row.sources()
      return (proposal: try row.integer("proposal_id"), step: step)
    }
    var steps: [Int64: [ProposalStep]] = [:]
    for (proposal, step) in rows { steps[proposal, default: []].append(step) }
    return steps
  }
}
