import AccordSQLite

/// A proposal or agreement with where it stands as of a day: one row of `accord deals`.
public struct Deal: Sendable, Codable, Equatable {
  public struct LatestStep: Sendable, Codable, Equatable {
    public let step: ProposalStep.Kind
    public let date: AccordDate
    public let party: String?

    public init(step: ProposalStep.Kind, date: AccordDate, party: String?) {
      self.step = step
      self.date = date
      self.party = party
    }

    init(_ step: ProposalStep) { self.init(step: step.step, date: step.date, party: step.party) }
  }
  public let id: Int64
  public let slug: String
  public let title: String
  public let negotiation: String
  public let negotiationTitle: String
  public let parties: [String]
  public let tabledBy: String?
  public let value: String?
  /// Where it stands as a whole, by the rule in ``StatusRule``.
  public let status: ProposalState
  /// The date of the step that put it there.
  public let statusDate: AccordDate
  /// Signed, ratified or in force, as a whole or by any party.
  public let signed: Bool
  public let live: Bool
  /// The latest step that counts, a party's included.
  public let latestStep: LatestStep
  /// Later steps whose dates hold the as-of day: they may or may not have happened yet (absent
  /// when there are none).
  public let possibly: [LatestStep]?
  /// The step that closed it, if it is closed.
  public let closedBy: LatestStep?
  /// The deadline set by its latest extension, if any.
  public let deadline: AccordDate?
  public let openSince: AccordDate
  /// Days from the first day of its first step to the closing step, or to the as-of day.
  public let daysOpen: Int
  /// For a live draft: the day it was last active (its latest step, or its negotiation's latest
  /// meeting or development), and whether it is dormant (``Dormancy``).
  public var lastActive: String? = nil
  public var dormant: Bool? = nil
  /// The bloc through which the actor a listing was asked about is a party (`deals --party`).
  public var via: String? = nil
  /// True for a retracted proposal (or one of a retracted negotiation), listed with
  /// `--include-retracted`; absent otherwise.
  public var retracted: Bool? = nil
}

/// Which deals `accord deals` lists.
public enum DealFilter: String, Sendable, CaseIterable {
  /// Every proposal that exists on the day.
  case all
  /// Live drafts: drafted or agreed, not adopted, signed or in force; the head of each counter chain.
  case unsigned
  /// Live drafts that are dormant (``Dormancy``).
  case dormant
  /// Every draft that was never concluded: the live ones and the closed ones (countered, rejected,
  /// withdrawn, …), each with what closed it.
  case allDrafts
  /// Concluded and not yet in force: signed, ratified or adopted.
  case signed
  case inForce
  /// Closed: what ended each, and when.
  case ended
  /// Documents one side issued alone (a law, a speech, a resolution): declared, in effect from
  /// their dates, never drafts.
  case declarations

  func admits(_ life: ProposalLife) -> Bool {
    guard let state = life.state else { return false }
    switch self {
    case .all: return true
    case .unsigned, .dormant: return state.isDraft
    case .allDrafts: return state.isDraft || (state.isClosed && !life.isSigned && !life.isConcluded)
    case .signed: return [.signed, .ratified, .adopted].contains(state)
    case .inForce: return state == .inForce
    case .ended: return state.isClosed
    case .declarations: return state == .declared
    }
  }
}

extension ProposalLife {
  /// Adopted, signed, ratified or in force at some point, for the whole proposal.
  var isConcluded: Bool {
    steps.contains { $0.party == nil && [.adopted, .signed, .ratified, .inForce].contains($0.step) }
  }
}

/// What `accord deals` shows of a proposal besides its life.
private struct Head {
  let id: Int64
  let slug: String
  let title: String
  let negotiation: String
  let negotiationTitle: String
  let tabledBy: String?
  let value: String?
  let negotiationID: Int64
  let retracted: Bool

  init(row: Row) throws(DatabaseError) {
    id = try row.integer("id")
    slug = try row.text("slug")
    title = try row.text("title")
    negotiation = try row.text("negotiation")
    negotiationTitle = try row.text("negotiation_title")
    tabledBy = try row.optionalText("tabled_by")
    value = try row.optionalText("value")
    negotiationID = try row.integer("negotiation_id")
    retracted = try row.bool("retracted")
  }
}

extension AccordStore {
  /// Proposals and agreements with where they stand as of `asOf` (default today), by the rule in
  /// ``StatusRule``, those that `filter` admits.
  /// With `party`, only the deals of negotiations in which that actor (or a bloc of it) is a party
  /// on the day, or in which it has a step of its own.
  public func deals(
    _ filter: DealFilter = .all, negotiation: Int64? = nil, party: ActorScope? = nil, asOf: Day? = nil,
    includeRetracted: Bool = false, dormantAfter: Int = Dormancy.defaultDays
  ) throws -> [Deal] {
    try dealList(
      filter, negotiation: negotiation, party: party, asOf: asOf, includeRetracted: includeRetracted,
      dormantAfter: dormantAfter
    ).deals
  }

  /// ``deals(_:negotiation:party:asOf:includeRetracted:dormantAfter:)``, and how many dormant drafts
  /// `--unsigned` left out.
  public func dealList(
    _ filter: DealFilter = .all, negotiation: Int64? = nil, party: ActorScope? = nil, asOf: Day? = nil,
    includeRetracted: Bool = false, dormantAfter: Int = Dormancy.defaultDays
  ) throws -> (deals: [Deal], dormantLeftOut: Int) {
    let day = asOf ?? today
    return try connection.read {
      // The lives first; then what is shown, of the proposals the filter admits alone.
      var admitted: [(id: Int64, life: ProposalLife)] = []
      try forEachLife(negotiation: negotiation, asOf: day, includeRetracted: includeRetracted) { id, life in
        if filter.admits(life) { admitted.append((id, life)) }
      }
      let rows = try connection.all(
        """
        SELECT p.id, p.slug, p.title, n.slug AS negotiation, n.title AS negotiation_title,
          tb.name AS tabled_by, p.value, n.id AS negotiation_id,
          \(AccordStore.retracted(anyOf: [("'proposal'", "p.id"), ("'negotiation'", "n.id")])) AS retracted
        FROM proposal p
        JOIN negotiation n ON n.id = p.negotiation_id
        LEFT JOIN actor tb ON tb.id = p.tabled_by
        WHERE p.id IN (\(words.numbers(in: "?1")))
        """, [.text(Self.jsonList(admitted.map(\.id)))], Head.init(row:))
      var heads: [Int64: Head] = [:]
      heads.reserveCapacity(rows.count)
      for head in rows where includeRetracted || !head.retracted { heads[head.id] = head }
      // Who takes part, and how quiet each is, read once for the negotiations listed.
      let listed = Array(Set(heads.values.map(\.negotiationID)))
      let spans = try participationSpans(among: listed)
      let quiet = try self.quiet(negotiations: listed, asOf: day)
      var dormantLeftOut = 0
      var taking: [Int64: [ParticipationSpan]] = [:]
      var deals: [Deal] = []
      deals.reserveCapacity(admitted.count)
      for (id, life) in admitted {
        guard let head = heads[id], let status = life.state, let first = life.firstStep,
          let latest = life.steps.last
        else { continue }
        let dormancy = Self.dormancy(
          of: life, quiet: quiet[head.negotiationID], asOf: day, defaultDays: dormantAfter)
        if filter == .dormant && dormancy?.dormant != true { continue }
        if taking[head.negotiationID] == nil {
          taking[head.negotiationID] = ParticipationSpan.asOf(spans[head.negotiationID] ?? [], day).filter {
            $0.role == .party
          }
        }
        let parties = taking[head.negotiationID] ?? []
        var via: String?
        if let party {
          let own = life.steps.contains { $0.partyID == party.actor }
          guard
            let match = own
              ? ActorScope.Match(via: nil)
              : party.match(any: parties.map(\.actorID), on: AccordDate(day: day))
          else { continue }
          via = match.via
        }
        let lastCounted = (latest.date.first, latest.id)
        var deal = Deal(
          id: head.id, slug: head.slug, title: head.title, negotiation: head.negotiation,
          negotiationTitle: head.negotiationTitle, parties: parties.map(\.actor),
          tabledBy: head.tabledBy, value: head.value, status: status,
          statusDate: (life.stateStep ?? first).date, signed: life.isSigned, live: life.isLive,
          latestStep: Deal.LatestStep(latest),
          possibly: life.possible.filter { step in (step.date.first, step.id) > lastCounted }
            .map(Deal.LatestStep.init).nonEmpty,
          closedBy: life.closing.map(Deal.LatestStep.init), deadline: life.deadline, openSince: first.date,
          daysOpen: life.daysOpen(asOf: day))
        if head.retracted { deal.retracted = true }
        deal.via = via
        deal.lastActive = dormancy?.activity.description
        deal.dormant = dormancy?.dormant
        if filter == .unsigned && dormancy?.dormant == true {
          dormantLeftOut += 1
          continue
        }
        deals.append(deal)
      }
      // Sorted by key and index: moving whole deals about costs more than the sort.
      let order = deals.indices.sorted {
        (deals[$0].openSince.first, deals[$0].id) < (deals[$1].openSince.first, deals[$1].id)
      }
      return (order.map { deals[$0] }, dormantLeftOut)
    }
  }

  /// Every proposal's life as of `day` (of one negotiation, or of all), by proposal id: its steps
  /// that started on or before the day, read once, in the rule's order.
  func lives(negotiation: Int64? = nil, proposal: Int64? = nil, asOf day: Day, includeRetracted: Bool = false)
    throws -> [Int64: ProposalLife]
  {
    var result: [Int64: ProposalLife] = [:]
    try forEachLife(
      negotiation: negotiation, proposal: proposal, asOf: day, includeRetracted: includeRetracted
    ) {
      result[$0] = $1
    }
    return result
  }

  /// Calls `body` with each proposal's life as of `day`, proposal by proposal, holding one
  /// proposal's steps at a time. Retracted steps are left out here, from the few retractions read
  /// once, rather than by the view's lookup on every row.
  func forEachLife(
    negotiation: Int64? = nil, proposal: Int64? = nil, asOf day: Day, includeRetracted: Bool = false,
    _ body: (Int64, ProposalLife) throws -> Void
  ) throws {
    let scope =
      proposal != nil
      ? "s.proposal_id = ?2"
      : negotiation != nil
        ? "s.proposal_id IN (SELECT id FROM proposal WHERE negotiation_id = ?2)" : "?2 IS NULL"
    let retracted: Set<Int64> =
      includeRetracted
      ? []
      : try retractedIDs(table: "proposal_step")
    var current: Int64?
    var steps: [ProposalStep] = []
    func finish() throws {
      if let current, !steps.isEmpty { try body(current, ProposalLife(steps: steps, asOf: day)) }
      steps = []
    }
    let rows = try connection.cursor(
      """
      SELECT s.proposal_id, \(Self.stepColumns)
      FROM proposal_step s LEFT JOIN actor a ON a.id = s.party_id
      WHERE s.date_first <= ?1 AND \(scope)
      ORDER BY s.proposal_id, s.date_first, s.id
      """, [.text(day.description), .optional(proposal ?? negotiation)])
    while let row = try rows.next() {
      let proposal = try row.integer("proposal_id")
      if proposal != current {
        try finish()
        current = proposal
      }
      let step = try ProposalStep(row: row)
      if !retracted.isEmpty && retracted.contains(step.id) { continue }
      steps.append(step)
    }
    try finish()
  }

  /// The columns ``ProposalStep/init(row:)`` reads, of `proposal_step s` and the party's `actor a`.
  static let stepColumns = """
    s.id, s.step, s.date, s.date_first, s.date_last, a.name AS party, s.note, s.label, s.until, s.until_first,
      s.until_last, s.effective, s.effective_first, s.effective_last, s.party_id
    """
}

extension ProposalStep {
  /// A step from a row of the ``AccordStore/stepColumns`` (without its sources).
  init(row: Row) throws(DatabaseError) {
    let id = try row.integer("id")
    self.init(
      id: id, step: try row.decode(Kind.self, "step", table: "proposal_step", id: id),
      date: try row.date("date"),
      party: try row.optionalText("party"), note: try row.optionalText("note"), sources: [],
      label: try row.optionalText("label"), until: try row.optionalDate("until"),
      effective: try row.optionalDate("effective"))
    partyID = try row.optionalInteger("party_id")
  }
}
