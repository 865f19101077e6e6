import AccordPresentation
import AccordStore
import AccordSystem
import ArgumentParser

struct ReportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "report",
    abstract: "Write a brief: where each negotiation stands, what changed, who demands what, with sources.",
    discussion: """
      Everything as it stood on the as-of day: nothing dated later, and no source published later, \
      is in it. Without names, every live negotiation: something on it is dated on or before the \
      day, and not every one of its proposals is closed.
      """
  ).asLeaf

  enum Format: String, ExpressibleByArgument, CaseIterable {
    case markdown, html, json

    var rendering: ReportFormat {
      switch self {
      case .markdown: .markdown
      case .html: .html
      case .json: .json
      }
    }
  }

  @Argument(help: "Negotiations to report on (default: every live one).") var negotiations: [String] = []
  @Option(
    help: ArgumentHelp(
      "Only negotiations in which this actor (or a bloc it belongs to) takes part.", valueName: "actor"))
  var party: String?
  @Flag(help: "With --party: only where the actor takes part itself.") var direct = false
  @OptionGroup var asOf: AsOfOptions
  @Option(
    help: ArgumentHelp(
      "List what changed from this day on (default: 7 days before the as-of day).", valueName: "date"),
    transform: parseDate)
  var since: AccordDate?
  @Option(
    help: ArgumentHelp(
      "List negotiations with nothing recorded for this many days as stale.", valueName: "days"))
  var stale = 30
  @Option(
    help: ArgumentHelp("How many of the latest developments to show for each negotiation.", valueName: "n"))
  var developments = 5
  @Option(help: ArgumentHelp("How many of the latest quotes to show for each negotiation.", valueName: "n"))
  var quotes = 5
  @Option(help: "markdown, html (one self-contained page) or json.") var format: Format = .markdown
  @Option(
    name: [.customShort("o"), .customLong("output")],
    help: ArgumentHelp("Write to this file instead of stdout.", valueName: "file"))
  var file: String?
  @OptionGroup var database: DatabaseOptions

  func validate() throws {
    guard stale >= 0 else { throw ValidationError(StoreError.Mistake.staleDaysBelowZero.commandLineText) }
    guard developments >= 0, quotes >= 0 else {
      throw ValidationError("--developments and --quotes take a number, 0 or more")
    }
  }

  func run() throws {
    let store = try database.openExisting(team: true)
    var ids = try negotiations.map { try store.resolveNegotiation($0) }
    if let party {
      let day = asOf.day ?? store.today
      let scope = try store.actorScope(store.resolveActor(party), direct: direct)
      let taking = try store.negotiations(party: scope, asOf: day).map(\.id)
      let live = try store.liveNegotiations(asOf: day)
      ids = ids.isEmpty ? taking.filter(live.contains) : ids.filter(taking.contains)
      guard !ids.isEmpty else {
        throw StoreError.conflict("\(party) takes part in no live negotiation on \(day): nothing to report")
      }
    }
    let report = try store.report(
      negotiations: ids,
      options: ReportOptions(
        asOf: asOf.day ?? store.today, since: since?.first, staleAfterDays: stale,
        developments: developments,
        quotes: quotes))
    let text = try format.rendering.render(report)
    if let file {
      try OutputFile.write(text, to: file)
    } else {
      FileOutput.standardOutput.write(text)
    }
  }
}
