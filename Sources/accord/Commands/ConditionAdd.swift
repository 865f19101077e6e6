import AccordStore
import ArgumentParser

struct ConditionAdd: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "add", abstract: "Record an actor's condition on a term; prints its number.",
    discussion: """
      Records the term, the terms it is linked to and the position, dated and sourced, in one go.
      Example: accord condition add us-ukraine-minerals --by Zelenskyy \\
                 --precondition "US security guarantees for Ukraine" \\
                 --in-exchange-for "US access to Ukraine's rare-earth minerals" --on 2025-02-15
      """)

  @Argument(help: "The negotiation: short id, title or number.") var negotiation: String
  @Option(help: "Who holds the condition.") var by: String
  @Option(help: "The term demanded.") var demands: String?
  @Option(help: "The term offered.") var offers: String?
  @Option(help: "The term required before anything else.") var precondition: String?
  @Option(help: "The term that must not be crossed.") var redLine: String?
  @Option(help: "A term given in return (repeatable).") var inExchangeFor: [String] = []
  @Option(help: "A term it depends on: \"no X unless Y\" (repeatable).") var conditionalOn: [String] = []
  @Option(help: "When it was stated (default: today).", transform: parseDate) var on: AccordDate?
  @Option(help: "A note.") var note: String?
  @OptionGroup var sources: SourceOptions
  @OptionGroup var database: DatabaseOptions

  var stated: [(Stance, String)] {
    [(Stance.demands, demands), (.offers, offers), (.precondition, precondition), (.redLine, redLine)]
      .compactMap { stance, term in term.map { (stance, $0) } }
  }

  func validate() throws {
    if stated.count != 1 {
      throw ValidationError("give exactly one of --demands, --offers, --precondition or --red-line TERM")
    }
  }

  func run() throws {
    let store = try database.open()
    guard let (stance, term) = stated.first else { return }
    printID(
      try store.addCondition(
        NewCondition(
          negotiation: negotiation, by: by, stance: stance, term: term, inExchangeFor: inExchangeFor,
          conditionalOn: conditionalOn, date: on ?? AccordDate(day: store.today), note: note,
          sources: sources.sources)))
  }
}
