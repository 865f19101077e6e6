import AccordStore
import ArgumentParser

extension ConditionOutcome: ExpressibleByArgument {}

struct ConditionUpdate: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "update",
    abstract:
      "Record that a condition was accepted, rejected, dropped, met or reneged on; prints the new position's number.",
    discussion: """
      The earlier position stays on the record. Each counterpart answers for itself: --by A --by B \
      records an answer for each, one number each. --by defaults to the holder for dropped, and to the \
      other party for accepted or rejected when the negotiation has two parties. Whoever answers must \
      take part in the negotiation on that day.
      """
  ).asLeaf

  @Argument(help: "The condition's number.") var condition: String
  @Argument(help: "What became of it (reneged: an acceptance taken back).") var outcome: ConditionOutcome
  @Option(help: ArgumentHelp("When.", valueName: "date"), transform: parseDate) var on: AccordDate
  @Option(help: ArgumentHelp("Who accepted, rejected, dropped or met it (repeatable).", valueName: "actor"))
  var by: [String] = []
  @Option(help: "A note.") var note: String?
  @OptionGroup var fact: FactOptions

  func run() throws {
    let ids = try fact.database.open(team: true).updateCondition(
      condition, outcome, date: on, by: by, note: note, sources: fact.sources)
    for id in ids { printID(id) }
  }
}
