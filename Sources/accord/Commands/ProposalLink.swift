import AccordStore
import ArgumentParser

struct ProposalLinkCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "link",
    abstract: "Record that one agreement implements, builds on, endorses or replaces another.",
    discussion: """
      Across negotiations: a Security Council resolution endorses an agreement reached elsewhere. Links \
      show both ways in proposal show and negotiation show; one made in error is retracted (accord \
      retract link N). Prints the link's number.

      Example:
        accord proposal link unscr-2231 --endorses jcpoa
      """
  ).asLeaf

  @Argument(help: "The proposal: short id, title or number.") var proposal: String
  @Option(help: ArgumentHelp("The agreement it implements.", valueName: "proposal")) var implements: String?
  @Option(help: ArgumentHelp("The agreement it builds on.", valueName: "proposal")) var buildsOn: String?
  @Option(help: ArgumentHelp("The agreement it endorses.", valueName: "proposal")) var endorses: String?
  @Option(help: ArgumentHelp("The agreement it replaces.", valueName: "proposal")) var replaces: String?
  @OptionGroup var database: DatabaseOptions

  var chosen: [(ProposalLinkKind, String)] {
    [(.implements, implements), (.buildsOn, buildsOn), (.endorses, endorses), (.replaces, replaces)]
      .compactMap { kind, other in other.map { (kind, $0) } }
  }

  func validate() throws {
    if chosen.count != 1 {
      throw ValidationError(
        "give exactly one of --implements, --builds-on, --endorses or --replaces PROPOSAL")
    }
  }

  func run() throws {
    guard let (kind, other) = chosen.first else { return }
    printID(try database.open(team: true).linkProposal(proposal, kind, other))
  }
}
