import AccordStore
import ArgumentParser

struct DevelopmentEdit: ParsableCommand {
  static let configuration = Corrections.configuration(
    abstract: "Correct a development: its text or date.",
    examples: "accord development edit 2 --on 2025-02-16")

  @Argument(help: "The development's number.") var development: String
  @OptionGroup var rightDate: RightDateOption
  @Option(help: ArgumentHelp("What happened.", valueName: "text")) var text: String?
  @OptionGroup var database: DatabaseOptions

  func run() throws {
    try Corrections.run(.development, development, Correction(text: text, date: rightDate.date), database)
  }
}
