import AccordStore
import ArgumentParser

struct NegotiationEdit: ParsableCommand {
  static let configuration = Corrections.configuration(
    abstract: "Correct a negotiation's title or summary, or change its settings.",
    examples: "accord negotiation edit minerals --title \"US–Ukraine minerals deal\"",
    "accord negotiation edit ukraine-peace-process --dormant-after 730")

  @Argument(help: "The negotiation: short id, title or number.") var negotiation: String
  @Option(help: ArgumentHelp("Its title (its short id stays).", valueName: "text")) var title: String?
  @Option(help: ArgumentHelp("What it is about.", valueName: "text")) var summary: String?
  @Option(
    help: ArgumentHelp(
      "Its drafts are dormant after this many days without a step, meeting or development; default: back to 365.",
      valueName: "days|default"))
  var dormantAfter: String?
  @OptionGroup var database: DatabaseOptions

  func validate() throws {
    if title == nil && summary == nil && dormantAfter == nil {
      throw ValidationError("say what to change: --title, --summary or --dormant-after DAYS")
    }
    if let dormantAfter, dormantAfter != "default" && (Int(dormantAfter).map { $0 <= 0 } ?? true) {
      throw ValidationError("--dormant-after takes a number of days above 0, such as 365, or default")
    }
  }

  func run() throws {
    let store = try database.open(team: true)
    // One transaction, one command on the log: all of it or nothing.
    try store.write {
      if title != nil || summary != nil {
        let id = try store.resolveNegotiation(negotiation)
        try store.correct(.negotiation, id, Correction(title: title, summary: summary))
      }
      if let dormantAfter {
        try store.setDormantAfter(negotiation: negotiation, days: Int(dormantAfter))
      }
    }
  }
}
