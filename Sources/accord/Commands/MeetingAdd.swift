import AccordStore
import ArgumentParser

struct MeetingAdd: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "add", abstract: "Record a meeting; prints its number.",
    discussion: """
      Example:
        accord meeting add us-ukraine-minerals --on 2025-02-14~ \\
          --at "Munich Security Conference" \\
          --with Zelenskyy --with Vance --with Rubio --with Bessent
      """
  ).asLeaf

  @Argument(help: "The negotiation: short id, title or number.") var negotiation: String
  @Option(help: ArgumentHelp("When it took place.", valueName: "date"), transform: parseDate) var on:
    AccordDate
  @Option(help: ArgumentHelp("Where it took place.", valueName: "place")) var at: String?
  @Option(help: ArgumentHelp("A participant (repeatable; at least one).", valueName: "actor")) var with:
    [String] = []
  @Option(help: "What happened.") var summary: String?
  @OptionGroup var fact: FactOptions

  func validate() throws {
    if with.isEmpty { throw ValidationError("a meeting needs its participants: add --with ACTOR for each") }
  }

  func run() throws {
    printID(
      try fact.database.open(team: true).addMeeting(
        negotiation: negotiation, date: on, place: at, with: with, summary: summary, sources: fact.sources)
    )
  }
}
