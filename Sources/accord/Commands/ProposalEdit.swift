import AccordStore
import ArgumentParser

struct ProposalEdit: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "edit", abstract: "Correct which proposal this one counters or supersedes.",
    discussion: """
      A correction is on the change log (accord history), and accord undo reverts it. The countered or \
      superseded step recorded on the earlier proposal is retracted, and one is recorded on the new one.

      Example:
        accord proposal edit ukraine-counter-draft --counters none
      """)

  @Argument(help: "The proposal: short id, title or number.") var proposal: String
  @Option(help: ArgumentHelp("The proposal it counters, or none.", valueName: "proposal")) var counters:
    String?
  @Option(help: ArgumentHelp("The proposal it supersedes, or none.", valueName: "proposal")) var supersedes:
    String?
  @OptionGroup var database: DatabaseOptions

  func validate() throws {
    if counters == nil && supersedes == nil {
      throw ValidationError("say what to correct: --counters or --supersedes")
    }
  }

  func run() throws {
    func target(_ value: String?) -> String?? {
      guard let value else { return .none }
      return Names.key(value) == "none" ? .some(nil) : .some(value)
    }
    try database.open().editProposalChain(
      proposal, counters: target(counters), supersedes: target(supersedes))
  }
}
