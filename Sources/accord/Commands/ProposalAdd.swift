import AccordStore
import ArgumentParser

struct ProposalAdd: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "add", abstract: "Record a proposal and its first step (tabled); prints its number.",
    discussion: """
      Examples:
        accord proposal add us-ukraine-minerals "US minerals proposal" \\
          --by "United States" \
        --on 2025-02 --value "500 billion USD" \\
          --terms "US access to Ukraine's rare-earth minerals"
      """
  ).asLeaf

  @Argument(help: "The negotiation: short id, title or number.") var negotiation: String
  @Argument(help: "The proposal's title.") var title: String
  @Option(help: ArgumentHelp("Who tabled it.", valueName: "actor")) var by: String
  @Option(help: ArgumentHelp("When it was tabled (default: today).", valueName: "date"), transform: parseDate)
  var on: AccordDate?
  @Option(help: "A short id (default: made from the title).") var id: String?
  @Option(help: "What it proposes.") var terms: String?
  @Option(help: "Its value: \"500 billion USD\", \"$1.5bn\".") var value: String?
  @Option(
    help: ArgumentHelp(
      "The earlier proposal it counters (records a countered step on it).", valueName: "proposal"))
  var counters: String?
  @Option(
    help: ArgumentHelp(
      "The earlier proposal it replaces (records a superseded step on it).", valueName: "proposal"))
  var supersedes: String?
  @Flag(help: "Only floated, not formally tabled.") var floated = false
  @OptionGroup var fact: FactOptions

  func run() throws {
    let store = try fact.database.open(team: true)
    printID(
      try store.addProposal(
        NewProposal(
          negotiation: negotiation, title: title, by: by, date: on ?? AccordDate(day: store.today), slug: id,
          terms: terms, value: value, counters: counters, supersedes: supersedes,
          firstStep: floated ? .floated : .tabled, sources: fact.sources)))
  }
}
