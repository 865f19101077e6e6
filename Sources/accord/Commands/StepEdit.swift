import AccordStore
import ArgumentParser

struct StepEdit: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "edit", abstract: "Correct a proposal's step: its date, note or milestone name.",
    discussion: Corrections.discussion + """


      Example:
        accord step edit 2 --on 2025-02-16
      """
  ).asLeaf

  @Argument(help: "The step's number.") var step: String
  @Option(
    name: .customLong("on"), help: ArgumentHelp("The right date.", valueName: "date"), transform: parseDate)
  var date: AccordDate?
  @Option(help: ArgumentHelp("A note on it.", valueName: "text")) var note: String?
  @Option(help: ArgumentHelp("A milestone's name.", valueName: "name")) var label: String?
  @OptionGroup var database: DatabaseOptions

  func run() throws {
    try Corrections.run(.step, step, Correction(note: note, label: label, date: date), database)
  }
}
