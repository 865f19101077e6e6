import AccordPresentation
import AccordStore
import ArgumentParser

struct NegotiationShow: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "show",
    abstract: "Show a negotiation: status and the steps behind it, conditions, meetings, quotes."
  ).asLeaf

  @Argument(help: "Short id, title or number.") var negotiation: String
  @OptionGroup var asOf: AsOfOptions
  @OptionGroup var output: FormatOptions
  @OptionGroup var database: DatabaseOptions

  func run() throws {
    let store = try database.openExisting(team: true)
    let detail = try store.negotiation(store.resolveNegotiation(negotiation), asOf: asOf.day)
    switch output.format {
    case .json: try Render(format: .json).json(detail)
    case .csv:
      FileOutput.standardOutput.write(
        Render.csv(
          headers: ["section", "date", "who", "what", "sources"], rows: NegotiationText.facts(detail),
          raw: output.rawCsv))
    case .table: FileOutput.standardOutput.write(NegotiationText.render(detail))
    }
  }
}
