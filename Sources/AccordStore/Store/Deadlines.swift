import AccordSQLite

/// A date a negotiation runs against: an interim deal's expiry, an extension's new date, a dispute
/// clock, a ratification deadline. Recorded with `accord deadline add`, or set by an `extended
/// --until` step, which also moves its proposal's earlier deadline (that one stays on the record).
public struct Deadline: Sendable, Equatable, Encodable {
  public enum State: String, Sendable, Codable, CaseIterable {
    /// Still ahead of the as-of day.
    case upcoming
    /// An extension moved it before it came.
    case moved
    /// It came, and its proposal (or, without one, a proposal of the negotiation) was settled by
    /// then: agreed (in principle or more), declared, or closed (`StatusRule.settles`).
    case met
    /// It came, and nothing of that happened by then.
    case missed
  }

  /// The deadline's number, or nil for one set by an extension (then `step` is the extension's).
  public let id: Int64?
  public let step: Int64?
  public let negotiation: String
  public let negotiationTitle: String
  public let title: String
  public let date: AccordDate
  /// The proposal it concerns, by short id and title.
  public let proposal: String?
  public let proposalTitle: String?
  public let state: State
  /// Whole days from the as-of day to the deadline (negative when it has passed).
  public let daysLeft: Int
  /// The extension that moved it, and to when.
  public let movedTo: AccordDate?
  /// What was recorded on the negotiation on the deadline's day(s): its timeline of those days.
  public let onTheDay: [TimelineEntry]
  public var sources: [String] = []

  /// Its JSON's fields: all but `onTheDay`, which a reader gets in words (AccordPresentation's
  /// `DeadlineJSON` adds it).
  enum CodingKeys: String, CodingKey {
    case id, step, negotiation, negotiationTitle, title, date, proposal, proposalTitle, state, daysLeft
    case movedTo, sources
  }
}

public struct NewDeadline: Sendable {
  public var negotiation: String
  public var title: String
  public var date: AccordDate
  public var proposal: String?
  public var sources: [String]

  public init(
    negotiation: String, title: String, date: AccordDate, proposal: String? = nil, sources: [String] = []
  ) {
    self.negotiation = negotiation
    self.title = title
    self.date = date
    self.proposal = proposal
    self.sources = sources
  }
}

extension AccordStore {
  /// `accord deadline add`.
  @discardableResult
  public func addDeadline(_ new: NewDeadline) throws -> Int64 {
    let title = new.title.trimmingSpaces
    guard !title.isEmpty else { throw StoreError.invalid("a deadline needs a title") }
    return try write {
      let negotiation = try resolveNegotiation(new.negotiation)
      let proposal = try new.proposal.map { try resolveProposal($0) }
      if let proposal, try negotiationOf(proposal: proposal) != negotiation {
        throw StoreError.invalid("that proposal belongs to another negotiation")
      }
      let sources = try resolveSources(new.sources)
      let id = try connection.insert(
        """
        INSERT INTO deadline (negotiation_id, proposal_id, title, date, date_first, date_last)
        VALUES (?, ?, ?, ?, ?, ?)
        """, [.integer(negotiation), .optional(proposal), .text(title)] + new.date.columns)
      try cite(sources, .deadline, id)
      return id
    }
  }

  /// The statements of the deadlines recorded on one negotiation (or all), and of those that
  /// extensions set as of `day`: what ``deadlines(negotiation:asOf:upcoming:missedOnly:theDay:)``
  /// reads first, which a report sends with its section (``Database/prefetch(_:)``).
  func deadlineStatements(negotiation: Int64?, asOf day: Day) -> [ReadStatement] {
    [
      ReadStatement(
        """
        SELECT d.id, NULL AS step_id, n.id AS negotiation_id, n.slug AS negotiation, n.title AS negotiation_title,
          d.title, d.date, d.date_first, d.date_last, p.id AS proposal_id, p.slug AS proposal,
          p.title AS proposal_title, \(Self.citedSources(.deadline, of: "d.id")) AS sources
        FROM current_deadline d JOIN negotiation n ON n.id = d.negotiation_id
        LEFT JOIN proposal p ON p.id = d.proposal_id
        WHERE \(negotiation == nil ? "?1 IS NULL" : "d.negotiation_id = ?1")
        """, [.optional(negotiation)]),
      ReadStatement(
        """
        SELECT NULL AS id, s.id AS step_id, n.id AS negotiation_id, n.slug AS negotiation,
          n.title AS negotiation_title, p.title || ' deadline' AS title, s.until AS date, s.until_first AS date_first,
          s.until_last AS date_last, p.id AS proposal_id, p.slug AS proposal, p.title AS proposal_title,
          NULL AS sources
        FROM current_proposal_step s JOIN current_proposal p ON p.id = s.proposal_id
        JOIN negotiation n ON n.id = p.negotiation_id
        WHERE s.step = 'extended' AND s.date_last <= ?1
          AND \(negotiation == nil ? "?2 IS NULL" : "p.negotiation_id = ?2")
        """, [.text(day.description), .optional(negotiation)]),
    ]
  }

  /// Every deadline of one negotiation (or all) as of `asOf`, by date: those recorded, and those
  /// set by extensions; with `upcoming`, only those within that many days ahead; with `missedOnly`,
  /// only those missed; without `theDay`, leaving out what happened on each day.
  public func deadlines(
    negotiation: Int64? = nil, asOf: Day? = nil, upcoming: Int? = nil, missedOnly: Bool = false,
    theDay: Bool = true
  ) throws -> [Deadline] {
    let day = asOf ?? today
    return try connection.read {
      // Recorded deadlines, and the deadlines extensions set.
      var raw: [RawDeadline] = []
      for statement in deadlineStatements(negotiation: negotiation, asOf: day) {
        raw += try connection.all(statement, Self.rawDeadline)
      }
      if raw.isEmpty { return [] }
      let lives = try self.lives(negotiation: negotiation, asOf: day)
      // Each negotiation's proposals, for the deadlines that any of them settles.
      var proposals: [Int64: [Int64]] = [:]
      for (proposal, owner) in try connection.all(
        "SELECT id, negotiation_id FROM current_proposal WHERE CAST(?1 AS INTEGER) IS NULL OR negotiation_id = ?1",
        [.optional(negotiation)],
        { row throws(DatabaseError) in (try row.integer("id"), try row.integer("negotiation_id")) })
      {
        proposals[owner, default: []].append(proposal)
      }
      var result: [Deadline] = []
      for entry in raw.sorted(by: {
        ($0.date.first, $0.id ?? 0, $0.step ?? 0) < ($1.date.first, $1.id ?? 0, $1.step ?? 0)
      }) {
        let deadline = try deadlineState(
          entry, lives: lives, proposals: proposals[entry.negotiationID] ?? [], all: raw, asOf: day,
          theDay: theDay)
        if missedOnly && deadline.state != .missed { continue }
        if let upcoming, !(deadline.state == .upcoming && deadline.daysLeft <= upcoming) { continue }
        result.append(deadline)
      }
      return result
    }
  }

  typealias RawDeadline = (
    id: Int64?, step: Int64?, negotiationID: Int64, negotiation: String, negotiationTitle: String,
    title: String,
    date: AccordDate, proposalID: Int64?, proposal: String?, proposalTitle: String?, sources: [String]
  )

  /// A deadline, or an extension's new date, from a row of `deadline` or `proposal_step`: its
  /// number (`id`, or the step's `step_id`), its negotiation and its proposal.
  static func rawDeadline(_ row: Row) throws(DatabaseError) -> RawDeadline {
    (
      try row.optionalInteger("id"), try row.optionalInteger("step_id"), try row.integer("negotiation_id"),
      try row.text("negotiation"), try row.text("negotiation_title"), try row.text("title"),
      try row.date("date"),
      try row.optionalInteger("proposal_id"), try row.optionalText("proposal"),
      try row.optionalText("proposal_title"), try row.sources()
    )
  }

  /// Where a deadline stands (README, "Deadlines"): moved when an extension of its proposal, dated
  /// on or before it, set a later date; met when what it was for settled (`StatusRule.settles`) by
  /// its day: its proposal, or, for a proposal settled already (an interim deal, whose expiry it
  /// is) or none, another proposal of the negotiation; upcoming until its day is over; missed after.
  private func deadlineState(
    _ d: RawDeadline, lives: [Int64: ProposalLife], proposals: [Int64], all: [RawDeadline], asOf day: Day,
    theDay: Bool
  ) throws -> Deadline {
    let daysLeft = day.days(to: d.date.first)
    var state: Deadline.State
    var movedTo: AccordDate?
    // Extensions of the same proposal, dated on or before the deadline, that set a later date.
    let extensions = (d.proposalID.flatMap { lives[$0] }?.steps ?? []).filter {
      $0.step == .extended && $0.id != d.step && $0.date.first <= d.date.last
        && ($0.until.map { $0.first > d.date.first } ?? false)
    }
    // The window: from the previous deadline of the same proposal (or of the negotiation).
    let previous = all.filter {
      $0.proposalID == d.proposalID && $0.negotiationID == d.negotiationID && $0.date.first < d.date.first
    }.map(\.date.last).max()
    // What settles it: its proposal, by a step after its window opened (its previous deadline, or
    // the proposal's first day); but a proposal settled already when the window opened (an interim
    // deal whose expiry it is) is settled by another proposal of the negotiation. Without a
    // proposal, any proposal of the negotiation, after the previous deadline.
    let ownLife = d.proposalID.flatMap { lives[$0] }
    let opens = previous ?? ownLife?.firstStep?.date.first
    let settledBefore =
      ownLife?.steps.contains { step in
        step.party == nil && StatusRule.settles(step.step) && opens.map { step.date.first <= $0 } ?? false
      } ?? false
    var concluding = proposals
    if let own = d.proposalID {
      if settledBefore { concluding.removeAll { $0 == own } } else { concluding = [own] }
    }
    let met = concluding.contains { id in
      guard let life = lives[id] else { return false }
      return life.steps.contains { step in
        step.party == nil && step.date.last <= d.date.last && StatusRule.settles(step.step)
          && (previous.map { step.date.first > $0 } ?? true)
      }
    }
    if let latest = extensions.last {
      (state, movedTo) = (.moved, latest.until)
    } else if met {
      state = .met
    } else {
      // Due until its last day is over.
      state = d.date.last >= day ? .upcoming : .missed
    }
    let onTheDay =
      !theDay || d.date.first > day
      ? []
      : try timeline(negotiation: d.negotiationID, from: d.date.first, to: d.date.last)
    return Deadline(
      id: d.id, step: d.step, negotiation: d.negotiation, negotiationTitle: d.negotiationTitle,
      title: d.title,
      date: d.date, proposal: d.proposal, proposalTitle: d.proposalTitle, state: state, daysLeft: daysLeft,
      movedTo: movedTo, onTheDay: onTheDay, sources: d.sources)
  }
}
