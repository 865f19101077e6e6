import AccordStore
import ArgumentParser

struct DeadlineAdd: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "add", abstract: "Record a deadline; prints its number.",
    discussion: """
      An extension of a proposal (accord proposal step X extended --until DATE) sets a deadline of its \
      own and moves the proposal's earlier one, which stays on the record. accord deadlines lists them.

      Example:
        accord deadline add iran-nuclear "JPOA's six months end" --on 2014-07-20 \\
          --proposal jpoa
      """
  ).asLeaf

  @Argument(help: "The negotiation: short id, title or number.") var negotiation: String
  @Argument(help: "What runs out.") var title: String
  @Option(help: ArgumentHelp("The deadline's day.", valueName: "date"), transform: parseDate) var on:
    AccordDate
  @Option(help: ArgumentHelp("The proposal it concerns.", valueName: "proposal")) var proposal: String?
  @OptionGroup var fact: FactOptions

  func run() throws {
    printID(
      try fact.database.open(team: true).addDeadline(
        NewDeadline(
          negotiation: negotiation, title: title, date: on, proposal: proposal, sources: fact.sources)))
  }
}
