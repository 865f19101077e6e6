import AccordStore
import ArgumentParser

struct ConditionEdit: ParsableCommand {
  static let configuration = Corrections.configuration(
    abstract: "Correct a condition: its date or note (to change its term, revise it).",
    examples: "accord condition edit 1 --on 2025-02-14")

  @Argument(help: "The condition's number.") var condition: String
  @OptionGroup var rightDate: RightDateOption
  @Option(help: ArgumentHelp("A note on it.", valueName: "text")) var note: String?
  @OptionGroup var database: DatabaseOptions

  func run() throws {
    try Corrections.run(.condition, condition, Correction(note: note, date: rightDate.date), database)
  }
}
