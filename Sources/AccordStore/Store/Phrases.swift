/// How Accord says a fact in words, the same in the timeline, the search results and the reports.
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

  /// What a holder does to a term, or what an answer does to a condition.
  public static func verb(_ stance: Stance) -> String {
    switch stance {
    case .demands: "demands"
    case .offers: "offers"
    case .precondition: "sets as a precondition"
    case .redLine: "draws a red line at"
    case .accepts: "accepts"
    case .rejects: "rejects"
    case .drops: "drops"
    case .met: "met"
    }
  }

  /// A step in words: `agreed in principle`, `in force`.
  public static func step(_ kind: ProposalStep.Kind) -> String {
    switch kind {
    case .agreedInPrinciple: "agreed in principle"
    case .inForce: "in force"
    default: kind.rawValue
    }
  }

  /// "rejected by Ukraine", "in force for Ukraine", "tabled".
  public static func step(_ kind: ProposalStep.Kind, party: String?) -> String {
    guard let party else { return step(kind) }
    switch kind {
    case .inForce, .suspended, .terminated, .superseded, .lapsed: return step(kind) + " for " + party
    default: return step(kind) + " by " + party
    }
  }
}
