import AccordStore
import ArgumentParser

struct Deals: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "deals",
    abstract: "Proposals and agreements with their status; --unsigned for the live ones not yet signed.",
    discussion: "Status follows from the dated steps by the rule in the README (How status is derived).")

  @Flag(
    help:
      "Only live proposals (not rejected, withdrawn, superseded, lapsed or terminated) with no signed step.")
  var unsigned = false
  @Option(help: "Only this negotiation.") var negotiation: String?
  @Option(help: "The answer as it stood on this day, from the dated steps alone.", transform: parseDate)
  var asOf: AccordDate?
  @Flag(help: "Show retracted records too, marked (retracted).") var includeRetracted = false
  @OptionGroup var output: FormatOptions
  @OptionGroup var database: DatabaseOptions

  func run() throws {
    let store = try database.open()
    let deals = try store.deals(
      unsignedOnly: unsigned, negotiation: negotiation.map { try store.resolveNegotiation($0) },
      asOf: asOf?.last, includeRetracted: includeRetracted)
    try Render(format: output.format).records(deals, headers: Self.headers, rows: deals.map(Self.row))
  }

  static let headers = [
    "id", "deal", "negotiation", "parties", "status", "latest step", "open since", "days open",
  ]

  /// One deal as a table or CSV row: what `accord deals` prints, and `accord example` shows.
  static func row(_ d: Deal) -> [String] {
    var latest = "\(d.latestStep.step.argument) \(d.latestStep.date)"
    if let party = d.latestStep.party { latest += " (\(party))" }
    return [
      String(d.id), d.title + retractedMark(d.retracted), d.negotiation, d.parties.listed,
      d.status.argument + (d.signed && d.status != .signed ? ", signed" : ""), latest, d.openSince.text,
      String(d.daysOpen),
    ]
  }
}
