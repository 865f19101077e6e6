import AccordStore
import ArgumentParser

struct ConditionEdit: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "edit", abstract: "Correct a condition: its date or note (to change its term, revise it).",
    discussion: Corrections.discussion + """


      Example:
        accord condition edit 1 --on 2025-02-14
      """
  ).asLeaf

  @Argument(help: "The condition's number.") var condition: String
  @Option(
    name: .customLong("on"), help: ArgumentHelp("The right date.", valueName: "date"), transform: parseDate)
  var date: AccordDate?
  @Option(help: ArgumentHelp("A note on it.", valueName: "text")) var note: String?
  @OptionGroup var database: DatabaseOptions

  func run() throws {
    try Corrections.run(.condition, condition, Correction(note: note, date: date), database)
  }
}
