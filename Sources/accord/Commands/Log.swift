import AccordStore
import ArgumentParser

struct Log: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "log",
    abstract: "Log a development on a negotiation, when nothing else fits; prints its number.",
    discussion: """
      Example:
        accord log us-ukraine-minerals "White House did not answer questions on \\
          the deal" --on 2025-02-15
      """
  ).asLeaf

  @Argument(help: "The negotiation: short id, title or number.") var negotiation: String
  @Argument(help: "What happened.") var text: String
  @Option(help: ArgumentHelp("When (default: today).", valueName: "date"), transform: parseDate) var on:
    AccordDate?
  @Option(help: "An actor involved (repeatable).") var actor: [String] = []
  @OptionGroup var fact: FactOptions

  func run() throws {
    let store = try fact.database.open(team: true)
    printID(
      try store.log(
        negotiation: negotiation, text: text, date: on ?? AccordDate(day: store.today), actors: actor,
        sources: fact.sources))
  }
}
