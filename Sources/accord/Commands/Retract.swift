import AccordStore
import ArgumentParser

extension RecordKind: ExpressibleByArgument {}

struct Retract: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "retract",
    abstract: "Retract a record, with a reason: hidden from listings, status, search, timelines and reports.",
    discussion: """
      Nothing is deleted: the retraction is a new fact (reason, analyst, time) on the record, and
      listings show retracted records with --include-retracted. 'accord undo' reverts it.
      KIND is one of actor, negotiation, proposal, step, condition, meeting, quote, source,
      development. Prints the retraction's number.
      Example: accord retract step 7 --reason "misreported: the talks were postponed"
      """)

  @Argument(
    help:
      "What kind of record: actor, negotiation, proposal, step, condition, meeting, quote, source, development."
  )
  var kind: RecordKind
  @Argument(help: "Its short id, name or number.") var record: String
  @Option(help: "Why it is retracted.") var reason: String
  @OptionGroup var database: DatabaseOptions

  func run() throws {
    printID(try database.open().retract(kind, record, reason: reason))
  }
}
