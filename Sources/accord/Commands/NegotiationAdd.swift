import AccordStore
import ArgumentParser

struct NegotiationAdd: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "add", abstract: "Add a negotiation; prints its number.",
    discussion: """
      Example:
        accord negotiation add "US–Ukraine minerals deal" --id us-ukraine-minerals \\
          --party Ukraine --party "United States" --tag minerals
      """
  ).asLeaf

  @Argument(help: "The negotiation's title.") var title: String
  @Option(help: "A short id (default: made from the title).") var id: String?
  @Option(help: ArgumentHelp("A party (repeatable; at least one).", valueName: "actor")) var party: [String] =
    []
  @Option(help: ArgumentHelp("A mediator (repeatable).", valueName: "actor")) var mediator: [String] = []
  @Option(help: ArgumentHelp("A guarantor (repeatable).", valueName: "actor")) var guarantor: [String] = []
  @Option(help: ArgumentHelp("An observer (repeatable).", valueName: "actor")) var observer: [String] = []
  @Option(help: "What the negotiation is about.") var summary: String?
  @Option(help: "A tag (repeatable).") var tag: [String] = []
  @Option(
    help: ArgumentHelp(
      "Its drafts are dormant after this many days without a step, meeting or development (default 365).",
      valueName: "days"))
  var dormantAfter: Int?
  @OptionGroup var database: DatabaseOptions

  func validate() throws {
    if party.isEmpty { throw ValidationError("a negotiation needs at least one --party ACTOR") }
  }

  func run() throws {
    let participants =
      party.map { ($0, ParticipantRole.party) } + mediator.map { ($0, .mediator) }
      + guarantor.map { ($0, .guarantor) } + observer.map { ($0, .observer) }
    var new = NewNegotiation(title: title, slug: id, summary: summary, tags: tag, participants: participants)
    new.dormantAfter = dormantAfter
    printID(try database.open(team: true).addNegotiation(new))
  }
}
