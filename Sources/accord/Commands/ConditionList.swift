import AccordPresentation
import AccordStore
import ArgumentParser

struct ConditionList: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "list", abstract: "List conditions with where each stands.",
    discussion: """
      A condition is open until every counterpart has accepted it, or its holder dropped it, or it was \
      met or revised; a rejected condition is still held, so still open, and a reneged one open again. \
      --by finds what an actor holds directly and through its blocs, marked via the bloc (--direct: its \
      own alone).
      """
  ).asLeaf

  @Argument(help: "Only this negotiation.") var negotiation: String?
  @Flag(help: "Only open conditions.") var open = false
  @Option(
    help: ArgumentHelp("Only conditions held by this actor (or a bloc it belonged to).", valueName: "actor"))
  var by: String?
  @Flag(help: "With --by: only the actor's own conditions, not its blocs'.") var direct = false
  @OptionGroup var listing: ListingOptions

  func run() throws {
    let store = try listing.database.openExisting(team: true)
    let list = try store.conditions(
      negotiation: negotiation.map { try store.resolveNegotiation($0) },
      by: try by.map { try store.actorScope(store.resolveActor($0), direct: direct) },
      openOnly: open, asOf: listing.day, includeRetracted: listing.includeRetracted)
    try Render(listing.output).records(
      list,
      headers: [
        "id", "negotiation", "held by", "stance", "term", "in exchange for", "since", "state", "sources",
      ],
      rows: list.map(Self.row))
  }

  static func row(_ c: Condition) -> [String] {
    [
      String(c.id), c.negotiation, c.heldBy + (c.via.map { " (via \($0))" } ?? ""),
      c.stance.rawValue.replacing("_", with: " "), c.term + retractedMark(c.retracted),
      (c.inExchangeFor + c.conditionalOn.map { "only if " + $0 }).listed,
      c.since.text + (c.certain == false ? " (possibly)" : ""), ConditionText.state(c), c.sources.listed,
    ]
  }
}
