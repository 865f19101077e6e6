import AccordStore
import ArgumentParser

struct ConditionList: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "list", abstract: "List conditions with their state.",
    discussion: "Open: not yet accepted, met or dropped (a rejected condition is still held, so still open).")

  @Argument(help: "Only this negotiation.") var negotiation: String?
  @Flag(help: "Only open conditions.") var open = false
  @Option(help: "Only conditions held by this actor.") var by: String?
  @Option(help: "The answer as it stood on this day.", transform: parseDate) var asOf: AccordDate?
  @Flag(help: "Show retracted records too, marked (retracted).") var includeRetracted = false
  @OptionGroup var output: FormatOptions
  @OptionGroup var database: DatabaseOptions

  func run() throws {
    let store = try database.open()
    let list = try store.conditions(
      negotiation: negotiation.map { try store.resolveNegotiation($0) },
      by: by.map { try store.resolveActor($0) },
      openOnly: open, asOf: asOf?.last, includeRetracted: includeRetracted)
    try Render(format: output.format).records(
      list,
      headers: [
        "id", "negotiation", "held by", "stance", "term", "in exchange for", "since", "state", "sources",
      ],
      rows: list.map {
        [
          String($0.id), $0.negotiation, $0.heldBy, $0.stance.rawValue.replacing("_", with: " "),
          $0.term + retractedMark($0.retracted),
          ($0.inExchangeFor + $0.conditionalOn.map { "only if " + $0 }).listed, $0.since.text,
          $0.state + ($0.stateDate.map { " " + $0.text } ?? ""), $0.sources.listed,
        ]
      })
  }
}
