import AccordPresentation
import AccordStore
import ArgumentParser

struct DevelopmentList: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "list", abstract: "List developments, of one negotiation or of all, in date order."
  ).asLeaf

  @Argument(help: "Only this negotiation: short id, title or number.") var negotiation: String?
  @OptionGroup var retracted: RetractedOptions
  @OptionGroup var output: FormatOptions
  @OptionGroup var database: DatabaseOptions

  func run() throws {
    let store = try database.openExisting(team: true)
    let developments = try store.developments(
      negotiation: negotiation.map { try store.resolveNegotiation($0) }, includeRetracted: retracted.include)
    try Render(output).records(
      developments, headers: ["id", "date", "negotiation", "actors", "development", "sources"],
      rows: developments.map { d in
        [
          String(d.id) + retractedMark(d.retracted), d.date.text, d.negotiation, d.actors.listed, d.text,
          d.sources.listed,
        ]
      })
  }
}
