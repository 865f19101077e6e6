import AccordStore
import ArgumentParser

struct NegotiationEdit: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "edit", abstract: "Change a negotiation's settings.",
    discussion: """
      A change is on the change log (accord history), and accord undo reverts it.

      Example:
        accord negotiation edit ukraine-peace-process --dormant-after 730
      """)

  @Argument(help: "The negotiation: short id, title or number.") var negotiation: String
  @Option(
    help: ArgumentHelp(
      "Its drafts are dormant after this many days without a step, meeting or development; default: back to 365.",
      valueName: "days|default"))
  var dormantAfter: String?
  @OptionGroup var database: DatabaseOptions

  func validate() throws {
    guard let dormantAfter else { throw ValidationError("say what to change: --dormant-after DAYS") }
    if dormantAfter != "default" && (Int(dormantAfter).map { $0 <= 0 } ?? true) {
      throw ValidationError("--dormant-after takes a number of days above 0, such as 365, or default")
    }
  }

  func run() throws {
    guard let dormantAfter else { return }
    try database.open().setDormantAfter(negotiation: negotiation, days: Int(dormantAfter))
  }
}
