import AccordStore
import ArgumentParser

struct QuoteAdd: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "add", abstract: "Record a verbatim quote; prints its number.",
    discussion: """
      Example:
        accord quote add --by Zelenskyy --on 2025-02-15 "We're still talking." \\
          --negotiation us-ukraine-minerals \\
          --context "interview with Christiane Amanpour"
      """
  ).asLeaf

  @Option(help: ArgumentHelp("The speaker.", valueName: "actor")) var by: String
  @Option(help: ArgumentHelp("When it was said.", valueName: "date"), transform: parseDate) var on: AccordDate
  @Argument(help: "The words, verbatim.") var text: String
  @Option(help: "The negotiation it concerns.") var negotiation: String?
  @Option(
    help: ArgumentHelp(
      "Where and how it was said (press briefing, Munich Security Conference).", valueName: "text"))
  var context: String?
  @Option(help: "The language it was said in (ISO 639: en, uk).") var language: String?
  @OptionGroup var fact: FactOptions

  func run() throws {
    printID(
      try fact.database.open(team: true).addQuote(
        by: by, date: on, text: text, negotiation: negotiation, context: context, language: language,
        sources: fact.sources))
  }
}
