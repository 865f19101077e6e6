import AccordStore
import ArgumentParser

struct ProposalEdit: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "edit",
    abstract: "Correct a proposal's title, terms or value, or which proposal it counters or supersedes.",
    discussion: Corrections.discussion + """
       When the proposal it counters or supersedes changes, the countered or superseded step \
      recorded on the earlier proposal is retracted, and one is recorded on the new one.

      Examples:
        accord proposal edit us-resources-proposal --value "500 billion USD"
        accord proposal edit ukraine-counter-draft --counters none
      """
  ).asLeaf

  @Argument(help: "The proposal: short id, title or number.") var proposal: String
  @Option(help: ArgumentHelp("Its title (its short id stays).", valueName: "text")) var title: String?
  @Option(help: ArgumentHelp("What it proposes.", valueName: "text")) var terms: String?
  @Option(help: ArgumentHelp("Its value (\"500 billion USD\"), or none.", valueName: "value")) var value:
    String?
  @Option(help: ArgumentHelp("The proposal it counters, or none.", valueName: "proposal")) var counters:
    String?
  @Option(help: ArgumentHelp("The proposal it supersedes, or none.", valueName: "proposal")) var supersedes:
    String?
  @OptionGroup var database: DatabaseOptions

  func validate() throws {
    if title == nil && terms == nil && value == nil && counters == nil && supersedes == nil {
      throw ValidationError("say what to correct: --title, --terms, --value, --counters or --supersedes")
    }
  }

  func run() throws {
    func target(_ value: String?) -> String?? {
      guard let value else { return .none }
      return Names.key(value) == "none" ? .some(nil) : .some(value)
    }
    let store = try database.open(team: true)
    // One transaction, one command on the log: all of it or nothing.
    try store.write {
      if title != nil || terms != nil || value != nil {
        try store.correct(
          .proposal, try store.resolveProposal(proposal), Correction(title: title, text: terms, value: value))
      }
      if counters != nil || supersedes != nil {
        try store.editProposalChain(proposal, counters: target(counters), supersedes: target(supersedes))
      }
    }
  }
}
