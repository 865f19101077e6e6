import AccordStore

/// How Accord says a fact in words, the same in the timeline, the listings, `negotiation show` and
/// the reports.
public enum Phrase {
  /// "Ukraine sets as a precondition US security guarantees in exchange for access to minerals".
  public static func condition(
    heldBy: String, stance: Stance, term: String, inExchangeFor: [String] = [], conditionalOn: [String] = []
  ) -> String {
    var text = "\(heldBy.isEmpty ? "Someone" : heldBy) \(verb(stance)) \(term)"
    if !inExchangeFor.isEmpty { text += " in exchange for " + inExchangeFor.joined(separator: " and ") }
    if !conditionalOn.isEmpty { text += " on condition of " + conditionalOn.joined(separator: " and ") }
    return text
  }

  public static func condition(_ c: Condition) -> String {
    condition(
      heldBy: c.heldBy, stance: c.stance, term: c.term, inExchangeFor: c.inExchangeFor,
      conditionalOn: c.conditionalOn)
  }

  /// What a holder does to a term.
  public static func verb(_ stance: Stance) -> String {
    switch stance {
    case .demands: "demands"
    case .offers: "offers"
    case .precondition: "sets as a precondition"
    case .redLine: "draws a red line at"
    }
  }

  /// What an answer does to a condition: "accepts", "reneges on".
  public static func verb(_ outcome: ConditionOutcome) -> String {
    switch outcome {
    case .accepted: "accepts"
    case .rejected: "rejects"
    case .dropped: "drops"
    case .met: "met"
    case .reneged: "reneges on"
    }
  }

  /// "United States reneges on condition #2: lifting of sanctions"; "Condition #2 met: …".
  public static func answer(_ outcome: ConditionOutcome, by actor: String?, condition: Int64, term: String)
    -> String
  {
    guard outcome != .met, let actor else { return "Condition #\(condition) met: \(term)" }
    return "\(actor) \(verb(outcome)) condition #\(condition): \(term)"
  }

  /// A step in words: `agreed in principle`, `in force`, `withdrawal notified`.
  public static func step(_ kind: ProposalStep.Kind) -> String {
    switch kind {
    case .agreedInPrinciple: "agreed in principle"
    case .inForce: "in force"
    case .withdrawalNotified: "withdrawal notified"
    case .declared: "declared (unilateral)"
    case .unclear: "recorded, status unclear"
    default: kind.rawValue
    }
  }

  /// A step with what it names: `milestone Implementation Day`, `extended until 2014-11-24`,
  /// `withdrawal notified, effective 2020-11-04`.
  public static func step(_ step: ProposalStep) -> String {
    var text = Phrase.step(step.step, party: step.party)
    if let label = step.label { text += " " + label }
    if let until = step.until { text += " until \(until)" }
    if let effective = step.effective { text += ", effective \(effective)" }
    return text
  }

  /// "rejected by Ukraine", "in force for Ukraine", "tabled".
  public static func step(_ kind: ProposalStep.Kind, party: String?) -> String {
    guard let party else { return step(kind) }
    switch kind {
    case .inForce, .suspended, .resumed, .terminated, .superseded, .lapsed, .expired:
      return step(kind) + " for " + party
    default: return step(kind) + " by " + party
    }
  }
}

extension Phrase {
  /// Why a negotiation stands where it does, in one line: "JCPOA terminated 2025-10-18".
  public static func reason(_ status: NegotiationStatus) -> String {
    let fact: String? = status.proposal.flatMap { proposal in
      status.step.map { step in
        "\(proposal) \(Phrase.step(step, party: status.party))" + (status.date.map { " \($0)" } ?? "")
      }
    }
    switch status.state {
    case .notStarted: return "nothing recorded yet"
    case .stalled:
      let quiet = status.lastActivity.map { "nothing recorded since \($0)" } ?? "nothing recorded"
      let days = status.daysQuiet.map { " (\($0) days)" } ?? ""
      return quiet + days + (fact.map { "; last: \($0)" } ?? "")
    case .negotiating:
      return fact ?? "talks, no proposal yet" + (status.lastActivity.map { "; last fact \($0)" } ?? "")
    default: return fact ?? status.state.words
    }
  }

  /// "in force: JCPOA in force 2016-01-16".
  public static func status(_ status: NegotiationStatus) -> String {
    status.state.words + ": " + reason(status)
  }
}

extension Phrase {
  /// A fact of a timeline in words: "Meeting at Munich Security Conference: minerals", "Minerals
  /// deal: signed by Ukraine (in Washington)", "Volodymyr Zelenskyy: “Still talking.”", "Framework
  /// (framework, in minerals) implemented by Fund (fund, in minerals)".
  public static func fact(_ fact: TimelineEntry.Fact) -> String {
    switch fact {
    case .meeting(let place, let summary):
      return "Meeting" + (place.map { " at \($0)" } ?? "") + (summary.map { ": " + $0 } ?? "")
    case .step(let title, let step):
      return "\(title): " + Phrase.step(step) + (step.note.map { " (\($0))" } ?? "")
    case .condition(let heldBy, let stance, let term, let exchange, let conditional, let revises, let note):
      var text = condition(
        heldBy: heldBy, stance: stance, term: term, inExchangeFor: exchange, conditionalOn: conditional)
      if let revises { text += ", revising condition #\(revises)" }
      return text + (note.map { " (\($0))" } ?? "")
    case .answer(let outcome, let actor, let condition, let term, let note):
      return answer(outcome, by: actor, condition: condition, term: term) + (note.map { " (\($0))" } ?? "")
    case .quote(let speaker, let text, let context):
      return "\(speaker): “\(text)”" + (context.map { " (\($0))" } ?? "")
    case .development(let text):
      return text
    case .link(let kind, let from, let to):
      return "\(from.title) (\(from.slug), in \(from.negotiation)) \(kind.words) "
        + "\(to.title) (\(to.slug), in \(to.negotiation))"
    }
  }
}
