import AccordStore

/// The status rule in the words of the README's table ("How status is derived"): whom a step of
/// each kind can concern, and what it does. A test holds the table and these equal.
extension StatusRule {
  /// Whom a step of this kind can concern, in the words of the README's table.
  public static func concerns(_ kind: ProposalStep.Kind) -> String {
    Self.partyOnly.contains(kind)
      ? "one party" : Self.wholeOnly.contains(kind) ? "the whole proposal" : "either"
  }

  /// What a step of this kind does, in the words of the README's table (a test holds the two equal).
  public static func meaning(of kind: ProposalStep.Kind) -> String {
    switch kind {
    case .floated, .tabled: "drafted; tabled again, it revives a closed proposal"
    case .adopted: "adopted: concluded without signature"
    case .ratified: "ratified (or accepted, approved, acceded: say which with --note)"
    case .declared: "declared: a unilateral document, in effect from its date"
    case .unclear: "unclear: its source cannot say what became of it"
    case .countered: "closes it: countered (proposal add --counters records it)"
    case .suspended: "suspended, still live"
    case .resumed: "back where it stood before the suspension"
    case .withdrawalNotified: "the party is withdrawn from the --effective day"
    case .rejoined: "the party is back where it stood before it withdrew"
    case .extended: "nothing else: the deadline moves to --until"
    case .milestone: "nothing else: the milestone is on the record"
    default:
      switch effect(of: kind) {
      case .close(let state): "closes it: \(state.words)"
      case .stage(let state): state.words
      default: kind.argument
      }
    }
  }
}
