import AccordStore
import ArgumentParser

struct DevelopmentEdit: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "edit", abstract: "Correct a development: its text or date.",
    discussion: Corrections.discussion + """


      Example:
        accord development edit 2 --on 2025-02-16
      """
  ).asLeaf

  @Argument(help: "The development's number.") var development: String
  @Option(
    name: .customLong("on"), help: ArgumentHelp("The right date.", valueName: "date"), transform: parseDate)
  var date: AccordDate?
  @Option(help: ArgumentHelp("What happened.", valueName: "text")) var text: String?
  @OptionGroup var database: DatabaseOptions

  func run() throws {
    try Corrections.run(.development, development, Correction(text: text, date: date), database)
  }
}
