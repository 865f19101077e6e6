/// Where a negotiation stands as of a day, with the one fact that says why.
public struct NegotiationStatus: Sendable, Codable, Equatable {
  public enum State: String, Sendable, Codable, CaseIterable {
    /// Nothing recorded on or before the day.
    case notStarted = "not_started"
    /// A live draft, or talks without one, with something recorded in the last `stale` days.
    case negotiating
    /// Live drafts or talks, but nothing recorded for `stale` days or more.
    case stalled
    /// An agreement agreed in principle, initialled or adopted, not signed.
    case agreed
    /// An agreement signed (or ratified), not yet in force.
    case signed
    /// Its agreement in force was suspended, and none is in force.
    case suspended
    /// An agreement of it is in force.
    case inForce = "in_force"
    /// No live draft and nothing in force: every proposal closed, nothing since.
    case ended

    /// In words: `in force`, `not started`.
    public var words: String { rawValue.replacing("_", with: " ") }

    /// Signed, suspended or in force: `negotiation list --signed`.
    public var isSigned: Bool { [.signed, .suspended, .inForce].contains(self) }
  }

  public let state: State
  /// The proposal whose step says why (absent for talks without a proposal, or none at all).
  public let proposal: String?
  /// The step that says why, and its date: `JCPOA terminated 2025-10-18`.
  public let step: ProposalStep.Kind?
  /// The party the step was for, if it concerned one.
  public let party: String?
  public let date: AccordDate?
  /// For a negotiation stalled, or one negotiating without a proposal: the last day anything was
  /// recorded on it.
  public let lastActivity: String?
  /// Whole days since then.
  public let daysQuiet: Int?

  public init(
    state: State, proposal: String? = nil, step: ProposalStep.Kind? = nil, party: String? = nil,
    date: AccordDate? = nil, lastActivity: String? = nil, daysQuiet: Int? = nil
  ) {
    self.state = state
    self.proposal = proposal
    self.step = step
    self.party = party
    self.date = date
    self.lastActivity = lastActivity
    self.daysQuiet = daysQuiet
  }

  /// Nothing recorded for this many days makes live talks stalled, unless said otherwise
  /// (`--stale DAYS`); the same default as a report's stale list.
  public static let defaultStaleDays = 30

  /// The rule (README, "How status is derived"): the first that holds of in force, suspended,
  /// signed, agreed, negotiating or stalled, ended, not started.
  ///
  /// - `proposals`: the negotiation's proposals with their lives as of the day, in the order first
  ///   tabled.
  /// - `lastActivity`: the first day of its latest fact (meeting, step, position, quote,
  ///   development) on or before the day.
  public static func derive(
    proposals: [(title: String, life: ProposalLife)], lastActivity: Day?, asOf day: Day,
    staleDays: Int = defaultStaleDays
  ) -> NegotiationStatus {
    let existing = proposals.filter(\.life.exists)
    func best(_ states: [ProposalState]) -> (title: String, life: ProposalLife)? {
      existing.filter { states.contains($0.life.state ?? .drafted) }
        .max { ($0.life.stateStep?.date.first ?? day) < ($1.life.stateStep?.date.first ?? day) }
    }
    func because(_ state: State, _ found: (title: String, life: ProposalLife)) -> NegotiationStatus {
      NegotiationStatus(
        state: state, proposal: found.title, step: found.life.stateStep?.step,
        party: found.life.stateStep?.party, date: found.life.stateStep?.date)
    }
    if let found = best([.inForce]) { return because(.inForce, found) }
    if let found = best([.suspended]) { return because(.suspended, found) }
    if let found = best([.signed, .ratified]) { return because(.signed, found) }
    if let found = best([.adopted, .agreed]) { return because(.agreed, found) }
    guard let lastActivity else { return NegotiationStatus(state: .notStarted) }
    let quiet = lastActivity.days(to: day)
    let lastClosing = existing.compactMap(\.life.closing).max { $0.date.first < $1.date.first }
    let live = existing.filter { !($0.life.state?.isClosed ?? true) }
    // Every proposal closed, and nothing since the last one closed: ended.
    if live.isEmpty, let lastClosing, lastActivity <= lastClosing.date.first,
      let closed = existing.first(where: { $0.life.closing == lastClosing })
    {
      return NegotiationStatus(
        state: .ended, proposal: closed.title, step: lastClosing.step, party: lastClosing.party,
        date: lastClosing.date)
    }
    let state: State = quiet >= staleDays ? .stalled : .negotiating
    let head = live.max { ($0.life.steps.last?.date.first ?? day) < ($1.life.steps.last?.date.first ?? day) }
    let latest = head?.life.steps.last
    return NegotiationStatus(
      state: state, proposal: head?.title, step: latest?.step, party: latest?.party, date: latest?.date,
      lastActivity: lastActivity.description, daysQuiet: quiet)
  }
}
