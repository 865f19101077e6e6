import AccordPresentation
import AccordStore
import ArgumentParser

struct Timeline: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "timeline",
    abstract: "Everything on a negotiation in date order: meetings, steps, conditions, quotes, developments.",
    discussion: """
      Dates show as typed; an imprecise date sorts by the first day it covers (2025-02 before \
      2025-02-14), then by its last. --from and --to take facts by that first day too.
      """
  ).asLeaf

  @Argument(help: "Short id, title or number.") var negotiation: String
  @OptionGroup var dates: DateRangeOptions
  @Option(help: ArgumentHelp("Only what this actor (or a bloc it belonged to) did.", valueName: "actor"))
  var actor: String?
  @Flag(help: "With --actor: only the actor's own facts, not its blocs'.") var direct = false
  @OptionGroup var output: FormatOptions
  @OptionGroup var database: DatabaseOptions

  func run() throws {
    let store = try database.openExisting(team: true)
    let id = try store.resolveNegotiation(negotiation)
    if let reason = try store.retractionReason(negotiation: id) {
      FileOutput.standardError.write("Note: this negotiation was retracted: \(reason)\n")
    }
    let entries = try store.timeline(
      negotiation: id, from: dates.from?.first, to: dates.to?.last,
      actor: try actor.map { try store.actorScope(store.resolveActor($0), direct: direct) })
    try Render(output).records(
      entries.map(TimelineEntryJSON.init), headers: ["date", "kind", "what", "who", "sources"],
      rows: entries.map {
        [
          $0.date.text, $0.kind.rawValue, $0.what,
          $0.who.joined(separator: ", ") + ($0.via.map { " (via \($0))" } ?? ""),
          $0.sources.listed,
        ]
      })
  }
}
