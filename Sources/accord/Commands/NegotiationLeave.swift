import AccordStore
import ArgumentParser

struct NegotiationLeave: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "leave", abstract: "Record that an actor stopped taking part in a negotiation.",
    discussion: """
      The actor leaves every role it holds on that day; earlier answers keep it as it was.

      Example:
        accord negotiation leave iran-nuclear "United States" --on 2018-05-08
      """
  ).asLeaf

  @Argument(help: "The negotiation: short id, title or number.") var negotiation: String
  @Argument(help: "The actor who leaves.") var actor: String
  @Option(help: ArgumentHelp("When it left.", valueName: "date"), transform: parseDate) var on: AccordDate
  @OptionGroup var database: DatabaseOptions

  func run() throws {
    try database.open(team: true).leave(negotiation: negotiation, actor: actor, date: on)
  }
}
