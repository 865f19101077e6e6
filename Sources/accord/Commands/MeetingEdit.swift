import AccordStore
import ArgumentParser

struct MeetingEdit: ParsableCommand {
  static let configuration = Corrections.configuration(
    abstract: "Correct a meeting: its date, place or summary.",
    examples: "accord meeting edit 1 --at \"Munich Security Conference\"")

  @Argument(help: "The meeting's number.") var meeting: String
  @OptionGroup var rightDate: RightDateOption
  @Option(name: .customLong("at"), help: ArgumentHelp("Where it took place.", valueName: "place")) var place:
    String?
  @Option(help: ArgumentHelp("What happened.", valueName: "text")) var summary: String?
  @OptionGroup var database: DatabaseOptions

  func run() throws {
    try Corrections.run(
      .meeting, meeting, Correction(summary: summary, place: place, date: rightDate.date), database)
  }
}
