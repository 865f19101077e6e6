import AccordStore
import ArgumentParser

struct NegotiationList: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "list", abstract: "List negotiations with their status.")

  @Flag(help: "Only negotiations with no signed proposal.") var unsigned = false
  @Flag(help: "Only negotiations with a signed proposal.") var signed = false
  @Option(help: "Only negotiations in which this actor takes part.") var party: String?
  @Option(help: "Only negotiations with this tag.") var tag: String?
  @Option(help: "The answer as it stood on this day.", transform: parseDate) var asOf: AccordDate?
  @Option(
    help: ArgumentHelp("Only negotiations with nothing recorded for this many days.", valueName: "days"))
  var stale: Int?
  @Flag(help: "Show retracted records too, marked (retracted).") var includeRetracted = false
  @OptionGroup var output: FormatOptions
  @OptionGroup var database: DatabaseOptions

  func validate() throws {
    if unsigned && signed { throw ValidationError("choose --unsigned or --signed, not both") }
    if let stale, stale < 0 { throw ValidationError("--stale takes a number of days, 0 or more") }
  }

  func run() throws {
    let store = try database.open()
    let list = try store.negotiations(
      signed: unsigned ? false : (signed ? true : nil), party: try party.map { try store.resolveActor($0) },
      tag: tag,
      asOf: asOf?.last, includeRetracted: includeRetracted
    ).filter { summary in stale.map { summary.isStale(days: $0, asOf: asOf?.last ?? store.today) } ?? true }
    try Render(format: output.format).records(
      list, headers: ["id", "short id", "title", "status", "parties", "live proposals", "last activity"],
      rows: list.map {
        [
          String($0.id), $0.slug, $0.title + retractedMark($0.retracted), $0.status, $0.parties.listed,
          String($0.liveProposals),
          $0.lastActivity ?? "",
        ]
      })
  }
}
