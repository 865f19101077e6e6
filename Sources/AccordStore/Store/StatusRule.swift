/// Where a proposal stands, as a whole or for one party: what its dated steps add up to.
public enum ProposalState: String, Sendable, Codable, CaseIterable {
  /// Floated, tabled, or tabled again after it was closed: a draft on the table.
  case drafted
  /// Agreed in principle or initialled: agreed, not yet signed.
  case agreed
  /// Adopted without signature (the JCPOA in Vienna, the Paris Agreement at COP21): concluded.
  case adopted
  case signed, ratified
  case inForce = "in_force"
  /// Suspended, as a whole or by one party; live, and resumed by a later step.
  case suspended
  /// A document one side issued alone (a law, a speech, a resolution): in effect from its date,
  /// never awaiting signature.
  case declared
  /// The dataset it came from could not say what became of it (PA-X `Status unclear`).
  case unclear
  /// Closed: another proposal countered it.
  case countered
  case rejected, withdrawn, superseded, lapsed, terminated, expired

  /// Closed states: the proposal (or, for one party, its part in it) is no longer on the table.
  public var isClosed: Bool {
    switch self {
    case .countered, .rejected, .withdrawn, .superseded, .lapsed, .terminated, .expired: true
    default: false
    }
  }

  /// How far a live proposal has come, for comparing states; nil for the others.
  var progress: Int? {
    switch self {
    case .drafted: 0
    case .agreed: 1
    case .adopted: 2
    case .signed: 3
    case .ratified: 4
    case .inForce: 5
    default: nil
    }
  }

  /// A draft still waiting to be concluded: drafted, or agreed but not signed or adopted.
  public var isDraft: Bool { self == .drafted || self == .agreed }

  /// Concluded: signed, ratified, adopted or in force (and not closed since).
  public var isConcluded: Bool { (progress ?? 0) >= 2 || self == .suspended }

  /// The state in words: `in force`, `drafted`.
  public var words: String { self == .inForce ? "in force" : rawValue }
}

/// What one step does to the state it is part of (the README's status rule table, one row a kind).
public enum StepEffect: Sendable, Equatable {
  /// Sets the state reached (drafted, agreed, …, in force, declared, unclear); for a closed
  /// proposal, a staging step revives it ("rejected for now" is not "dead").
  case stage(ProposalState)
  /// Closes it (for one party: closes that party's part).
  case close(ProposalState)
  case suspend
  /// Back to where it stood before it was suspended.
  case resume
  /// A party's withdrawal, notified now and in effect from its `effective` date.
  case withdrawalNotice
  /// A party back after it withdrew: back to where it stood before.
  case rejoin
  /// Recorded, and nothing else: an extension (it moves the deadline), a milestone.
  case none
}

/// The one rule by which Accord derives where a proposal stands from its dated steps, as a whole and
/// for each party, as of any day. The README's "How status is derived" states it as a table; tests
/// check each row (StatusRuleTests) and that the table matches ``effect(of:)``.
///
/// 1. **Certain, possible.** As of a day, a step counts when the whole range of its date has
///    passed (`2014-07` counts from 31 July). A step whose range holds the day may or may not have
///    happened yet: it is shown, marked *possibly*, and does not count. The proposal exists once
///    any of its steps counts, and then its first step counts too (whatever came after it came
///    after its tabling).
/// 2. **Order.** Steps are ordered by the first day their date covers, then as recorded.
/// 3. **Whole or party.** A step that names a party concerns that party alone (Ukraine ratifies;
///    the United States need not); one that names none concerns the whole proposal.
/// 4. **The whole proposal** stands where its latest whole step of effect puts it
///    (``effect(of:)``): a stage, closed, suspended, or back to its stage after a suspension.
///    Parties' steps raise it: signed (or ratified) by a party, it is at least signed; in force for
///    a party, it is in force. A whole `ratified` step alone makes it ratified.
/// 5. **A party** stands where its own latest step of effect puts it; a withdrawal counts from its
///    effective day; a whole step that closes or suspends the proposal after that closes or
///    suspends it for every party. A party without a step of its own shares the whole proposal's
///    state, unless other parties have stages of their own (a multilateral treaty): then it has
///    none.
/// 6. **Live or closed.** Closed states: countered, rejected, withdrawn, superseded, lapsed,
///    terminated, expired. A closed proposal was open from its first step to the step that closed
///    it; a live one, to the as-of day.
/// 7. **Unsigned** means a live draft (drafted or agreed, not adopted, signed or in force): the
///    head of each counter-offer chain, since a countered draft is closed.
/// 8. A retracted step does not count at all.
public enum StatusRule {
  public static func effect(of kind: ProposalStep.Kind) -> StepEffect {
    switch kind {
    case .floated, .tabled: .stage(.drafted)
    case .agreedInPrinciple, .initialled: .stage(.agreed)
    case .adopted: .stage(.adopted)
    case .signed: .stage(.signed)
    case .ratified: .stage(.ratified)
    case .inForce: .stage(.inForce)
    case .declared: .stage(.declared)
    case .unclear: .stage(.unclear)
    case .countered: .close(.countered)
    case .rejected: .close(.rejected)
    case .withdrawn: .close(.withdrawn)
    case .superseded: .close(.superseded)
    case .lapsed: .close(.lapsed)
    case .terminated: .close(.terminated)
    case .expired: .close(.expired)
    case .suspended: .suspend
    case .resumed: .resume
    case .withdrawalNotified: .withdrawalNotice
    case .rejoined: .rejoin
    case .extended, .milestone: .none
    }
  }

  /// Whether a step settles what a deadline was for: an agreement reached (agreed in principle
  /// onward, or declared) or the proposal closed. A deadline is met by one on or before its day,
  /// and a missed one stops being news once one comes (README, "Deadlines").
  public static func settles(_ kind: ProposalStep.Kind) -> Bool {
    switch effect(of: kind) {
    case .stage(let state): (state.progress ?? 0) >= 1 || state == .declared
    case .close: true
    default: false
    }
  }

  /// Steps that close a proposal.
  public static let closing = ProposalStep.Kind.allCases.filter {
    if case .close = effect(of: $0) { return true }
    return false
  }

  /// Steps that can only concern one party.
  public static let partyOnly: [ProposalStep.Kind] = [.withdrawalNotified, .rejoined]
  /// Steps that can only concern the whole proposal.
  public static let wholeOnly: [ProposalStep.Kind] = [
    .floated, .tabled, .countered, .agreedInPrinciple, .initialled, .adopted, .declared, .unclear,
    .extended, .milestone, .superseded,
  ]

  /// True when a step dated `date` counts as of `day`: its whole range has passed.
  public static func hasHappened(_ date: AccordDate, asOf day: Day) -> Bool { date.last <= day }

  /// True when a step dated `date` may or may not have happened by `day`.
  public static func mayHaveHappened(_ date: AccordDate, asOf day: Day) -> Bool {
    date.first <= day && day < date.last
  }

  /// Where the proposal whose (unretracted) steps are `steps`, in the rule's order, stands on `day`.
  public static func life(of steps: [ProposalStep], asOf day: Day) -> ProposalLife {
    ProposalLife(steps: steps, asOf: day)
  }
}

/// A proposal's life as of a day, by ``StatusRule``: its state as a whole and for each party, the
/// steps that count and those that may have happened, when it opened and closed, its deadline.
public struct ProposalLife: Sendable, Equatable {
  /// Where one party stands.
  public struct Party: Sendable, Codable, Equatable {
    public let party: String
    public let state: ProposalState
    /// The step that put it there (for a withdrawal, its notice; the date it took effect is `since`).
    public let step: ProposalStep.Kind
    public let since: AccordDate
    /// A withdrawal notified that has not taken effect yet: when it will.
    public let withdrawalEffective: AccordDate?
    /// Every step of this party that counts, in order.
    public let history: [ProposalStep]
  }

  /// Nil before the proposal exists (no step counts yet).
  public let state: ProposalState?
  /// The step that set the state (or, for one raised by parties, the first such party step).
  public let stateStep: ProposalStep?
  /// The steps that count as of the day, in order.
  public let steps: [ProposalStep]
  /// Steps whose date holds the day: they may or may not have happened yet.
  public let possible: [ProposalStep]
  public let parties: [Party]
  /// The closing step, when the state is closed.
  public let closing: ProposalStep?
  /// The latest deadline set by an `extended --until` step.
  public let deadline: AccordDate?

  public var exists: Bool { state != nil }
  public var isLive: Bool { state.map { !$0.isClosed } ?? false }
  public var firstStep: ProposalStep? { steps.first }
  /// Signed, ratified or in force, for the whole or for any party, on or before the day.
  public var isSigned: Bool {
    guard let state else { return false }
    return [.signed, .ratified, .inForce].contains(state)
      || steps.contains { [.signed, .ratified, .inForce].contains($0.step) }
  }

  /// Whole days open: from the first step to the closing step, or to `day` while it is live.
  public func daysOpen(asOf day: Day) -> Int {
    guard let first = firstStep else { return 0 }
    return max(0, first.date.first.days(to: closing?.date.first ?? day))
  }

  init(steps all: [ProposalStep], asOf day: Day) {
    // Rule 1: what counts, and what may have happened.
    let exists = all.contains { StatusRule.hasHappened($0.date, asOf: day) }
    var counted: [ProposalStep] = []
    var possible: [ProposalStep] = []
    for (index, step) in all.enumerated() where step.date.first <= day {
      if StatusRule.hasHappened(step.date, asOf: day) || (index == 0 && exists) {
        counted.append(step)
      } else {
        possible.append(step)
      }
    }
    steps = counted
    self.possible = possible
    deadline = counted.last { $0.step == .extended }?.until

    // Rule 4: the whole proposal.
    var stage: (ProposalState, ProposalStep)?
    var latest: (StepEffect, ProposalStep)?
    for step in counted where step.party == nil {
      let effect = StatusRule.effect(of: step.step)
      switch effect {
      case .stage(let state): stage = (state, step)
      case .none, .withdrawalNotice, .rejoin: continue
      default: break
      }
      latest = (effect, step)
    }
    var state: ProposalState?
    var stateStep: ProposalStep?
    var closing: ProposalStep?
    switch latest {
    case (.close(let closed), let step)?:
      (state, stateStep, closing) = (closed, step, step)
    case (.suspend, let step)?:
      (state, stateStep) = (.suspended, step)
    default:
      (state, stateStep) = (stage?.0, stage?.1)
      if let current = state, let progress = current.progress {
        // Parties' steps raise it.
        if let inForce = counted.first(where: { $0.party != nil && $0.step == .inForce }), progress < 5 {
          (state, stateStep) = (.inForce, inForce)
        } else if progress < 3,
          let signed = counted.first(where: { $0.party != nil && [.signed, .ratified].contains($0.step) })
        {
          (state, stateStep) = (.signed, signed)
        }
      }
    }
    if exists && state == nil { state = .drafted }
    self.state = exists ? state : nil
    self.stateStep = exists ? stateStep : nil
    self.closing = exists ? closing : nil

    // Rule 5: each party.
    parties = Self.parties(counted, whole: exists ? state : nil, wholeStep: stateStep, asOf: day)
  }

  private static func parties(
    _ steps: [ProposalStep], whole: ProposalState?, wholeStep: ProposalStep?, asOf day: Day
  ) -> [Party] {
    var names: [String] = []
    for step in steps { if let party = step.party, !names.contains(party) { names.append(party) } }
    var result: [Party] = []
    for name in names {
      let own = steps.filter { $0.party == name }
      // The party's events: its own steps (a withdrawal at its effective day), and the whole
      // proposal's closing, suspending and resuming steps.
      var events: [(day: Day, order: Int, step: ProposalStep, effect: StepEffect)] = []
      var notice: ProposalStep?
      for (order, step) in steps.enumerated() {
        let effect = StatusRule.effect(of: step.step)
        if step.party == name {
          if effect == .withdrawalNotice, let effective = step.effective {
            if StatusRule.hasHappened(effective, asOf: day) {
              events.append((effective.first, order, step, .close(.withdrawn)))
              notice = nil
            } else {
              notice = step
            }
            continue
          }
          if effect == .rejoin { notice = nil }
          events.append((step.date.first, order, step, effect))
        } else if step.party == nil {
          switch effect {
          case .close, .suspend, .resume: events.append((step.date.first, order, step, effect))
          default: break
          }
        }
      }
      events.sort { ($0.day, $0.order) < ($1.day, $1.order) }
      var stage: (ProposalState, ProposalStep)?
      var current: (ProposalState, ProposalStep, Day)?
      for event in events {
        switch event.effect {
        case .stage(let state):
          stage = (state, event.step)
          current = (state, event.step, event.step.date.first)
        case .close(let state): current = (state, event.step, event.day)
        case .suspend: current = (.suspended, event.step, event.day)
        case .resume, .rejoin:
          current = stage.map { ($0.0, event.step, event.day) } ?? whole.map { ($0, event.step, event.day) }
        case .withdrawalNotice, .none: continue
        }
      }
      guard
        let (state, step, since) = current ?? wholeStep.flatMap({ s in whole.map { ($0, s, s.date.first) } })
      else { continue }
      let sinceDate = step.effective.map { $0.first == since ? $0 : step.date } ?? step.date
      result.append(
        Party(
          party: name, state: state, step: step.step, since: sinceDate,
          withdrawalEffective: notice?.effective, history: own))
    }
    return result
  }
}
