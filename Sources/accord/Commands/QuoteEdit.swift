import AccordStore
import ArgumentParser

struct QuoteEdit: ParsableCommand {
  static let configuration = Corrections.configuration(
    abstract: "Correct a quote: its words, date, context or language.",
    examples: "accord quote edit 3 --text \"We’re still talking.\"")

  @Argument(help: "The quote's number.") var quote: String
  @OptionGroup var rightDate: RightDateOption
  @Option(help: ArgumentHelp("The words, verbatim.", valueName: "text")) var text: String?
  @Option(help: ArgumentHelp("Where and how it was said.", valueName: "text")) var context: String?
  @Option(help: ArgumentHelp("The language it was said in (ISO 639).", valueName: "code")) var language:
    String?
  @OptionGroup var database: DatabaseOptions

  func run() throws {
    try Corrections.run(
      .quote, quote, Correction(text: text, context: context, language: language, date: rightDate.date),
      database)
  }
}
