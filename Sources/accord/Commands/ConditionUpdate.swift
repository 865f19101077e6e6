import AccordStore
import ArgumentParser

extension ConditionOutcome: ExpressibleByArgument {}

struct ConditionUpdate: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "update",
    abstract:
      "Record that a condition was accepted, rejected, dropped or met; prints the new position's number.",
    discussion: """
      The earlier position stays on the record. --by defaults to the holder for dropped, and to the
      other party for accepted or rejected when the negotiation has two parties.
      """)

  @Argument(help: "The condition's number.") var condition: String
  @Argument(help: "accepted, rejected, dropped or met.") var outcome: ConditionOutcome
  @Option(help: "When.", transform: parseDate) var on: AccordDate
  @Option(help: "Who accepted, rejected, dropped or met it.") var by: String?
  @Option(help: "A note.") var note: String?
  @OptionGroup var sources: SourceOptions
  @OptionGroup var database: DatabaseOptions

  func run() throws {
    printID(
      try database.open().updateCondition(
        condition, outcome, date: on, by: by, note: note, sources: sources.sources))
  }
}
