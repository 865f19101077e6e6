import AccordPresentation
import AccordStore
import ArgumentParser

struct QuoteList: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "list", abstract: "List quotes, of one negotiation or of all, in date order."
  ).asLeaf

  @Argument(help: "Only this negotiation: short id, title or number.") var negotiation: String?
  @Option(help: ArgumentHelp("Only what this actor said.", valueName: "actor")) var by: String?
  @OptionGroup var retracted: RetractedOptions
  @OptionGroup var output: FormatOptions
  @OptionGroup var database: DatabaseOptions

  func run() throws {
    let store = try database.openExisting(team: true)
    let quotes = try store.quotes(
      negotiation: negotiation.map { try store.resolveNegotiation($0) },
      speaker: by.map { try store.resolveActor($0) },
      includeRetracted: retracted.include)
    try Render(output).records(
      quotes, headers: ["id", "date", "who", "negotiation", "quote", "context", "sources"],
      rows: quotes.map { q in
        [
          String(q.id) + retractedMark(q.retracted), q.date.text, q.speaker, q.negotiation ?? "", q.text,
          q.context ?? "", q.sources.listed,
        ]
      })
  }
}
