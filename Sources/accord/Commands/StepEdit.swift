import AccordStore
import ArgumentParser

struct StepEdit: ParsableCommand {
  static let configuration = Corrections.configuration(
    abstract: "Correct a proposal's step: its date, note or milestone name.",
    examples: "accord step edit 2 --on 2025-02-16")

  @Argument(help: "The step's number.") var step: String
  @OptionGroup var rightDate: RightDateOption
  @Option(help: ArgumentHelp("A note on it.", valueName: "text")) var note: String?
  @Option(help: ArgumentHelp("A milestone's name.", valueName: "name")) var label: String?
  @OptionGroup var database: DatabaseOptions

  func run() throws {
    try Corrections.run(.step, step, Correction(note: note, label: label, date: rightDate.date), database)
  }
}
