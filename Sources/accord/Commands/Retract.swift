import AccordStore
import ArgumentParser

extension RecordKind: ExpressibleByArgument {
  /// "actor, negotiation, …, participation", for help.
  static var listed: String { allCases.map(\.rawValue).joined(separator: ", ") }
}

struct Retract: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "retract",
    abstract: "Retract a record, with a reason: hidden from listings, status, search, timelines and reports.",
    discussion: """
      Nothing is deleted: the retraction is a new fact (reason, analyst, time) on the record, and \
      listings show retracted records with --include-retracted. 'accord undo' reverts it. KIND is one \
      of \(RecordKind.listed). Prints the retraction's number.

      Example:
        accord retract step 7 --reason "misreported: the talks were postponed"
      """
  ).asLeaf

  @Argument(
    help:
      "What kind of record: \(RecordKind.listed)."
  )
  var kind: RecordKind
  @Argument(help: "Its short id, name or number.") var record: String
  @Option(help: "Why it is retracted.") var reason: String
  @OptionGroup var database: DatabaseOptions

  func run() throws {
    printID(try database.open(team: true).retract(kind, record, reason: reason))
  }
}
