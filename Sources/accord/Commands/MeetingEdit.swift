import AccordStore
import ArgumentParser

struct MeetingEdit: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "edit", abstract: "Correct a meeting: its date, place or summary.",
    discussion: Corrections.discussion + """


      Example:
        accord meeting edit 1 --at "Munich Security Conference"
      """
  ).asLeaf

  @Argument(help: "The meeting's number.") var meeting: String
  @Option(
    name: .customLong("on"), help: ArgumentHelp("The right date.", valueName: "date"), transform: parseDate)
  var date: AccordDate?
  @Option(name: .customLong("at"), help: ArgumentHelp("Where it took place.", valueName: "place")) var place:
    String?
  @Option(help: ArgumentHelp("What happened.", valueName: "text")) var summary: String?
  @OptionGroup var database: DatabaseOptions

  func run() throws {
    try Corrections.run(.meeting, meeting, Correction(summary: summary, place: place, date: date), database)
  }
}
