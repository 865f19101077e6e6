import AccordPresentation
import AccordStore
import ArgumentParser

struct Search: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "search",
    abstract: "Find anything recorded: titles, summaries, terms, notes, quotes, developments, sources.",
    discussion: """
      Best matches first (bm25), each with the words around the match between ** marks. Case and \
      accents do not matter (Munchen finds München). Words must all match; write "a phrase" in \
      double quotes (quoted for the shell too: '"security guarantees"'), a prefix with a star \
      (guarant*), and AND, OR, NOT and parentheses between words; title:, body: or context: before \
      a word looks in that field only.
      """
  ).asLeaf

  @Argument(help: "What to look for.") var words: [String]
  @Option(help: "Only facts of this negotiation.") var negotiation: String?
  @Option(
    help: ArgumentHelp("Only facts by or about this actor (or a bloc it belonged to).", valueName: "actor"))
  var actor: String?
  @Flag(help: "With --actor: only the actor's own facts, not its blocs'.") var direct = false
  @OptionGroup var dates: DateRangeOptions
  @Option(help: ArgumentHelp("How many to show.", valueName: "n")) var limit = 20
  @Option(help: ArgumentHelp("Which page of --limit results to show, from 1.", valueName: "n")) var page = 1
  @OptionGroup var output: FormatOptions
  @OptionGroup var database: DatabaseOptions

  func validate() throws {
    guard limit >= 1 else { throw ValidationError("--limit must be at least 1") }
    guard page >= 1 else { throw ValidationError("--page must be at least 1") }
  }

  func run() throws {
    let store = try database.openExisting(team: true)
    let filter = SearchFilter(
      negotiation: try negotiation.map { try store.resolveNegotiation($0) },
      actor: try actor.map { try store.actorScope(store.resolveActor($0), direct: direct) },
      from: dates.from?.first,
      to: dates.to?.last)
    let hits = try store.search(
      words.joined(separator: " "), filter: filter, limit: limit, offset: (page - 1) * limit,
      marks: ("**", "**"))
    try Render(output).records(
      hits, headers: ["kind", "id", "date", "negotiation", "who", "match"],
      rows: hits.map {
        [
          $0.kind, String($0.id), $0.date?.text ?? "", $0.negotiation ?? "",
          ($0.who ?? "") + ($0.via.map { " (via \($0))" } ?? ""), $0.snippet,
        ]
      },
      // A snippet cut to fit keeps its match in sight.
      cuts: [5: .keeping(mark: "**")])
  }
}
