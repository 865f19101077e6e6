import AccordStore
import ArgumentParser

struct ConditionAdd: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "add", abstract: "Record an actor's condition on a term; prints its number.",
    discussion: """
      Records the term, the terms it is linked to and the position, dated and sourced, in one go.

      Example:
        accord condition add us-ukraine-minerals --by Zelenskyy \\
          --precondition "US security guarantees for Ukraine" \\
          --in-exchange-for "US access to Ukraine's rare-earth minerals" \\
          --on 2025-02-15
      """
  ).asLeaf

  @Argument(help: "The negotiation: short id, title or number.") var negotiation: String
  @Option(help: ArgumentHelp("Who holds the condition.", valueName: "actor")) var by: String
  @Option(help: ArgumentHelp("The term demanded.", valueName: "term")) var demands: String?
  @Option(help: ArgumentHelp("The term offered.", valueName: "term")) var offers: String?
  @Option(help: ArgumentHelp("The term required before anything else.", valueName: "term")) var precondition:
    String?
  @Option(help: ArgumentHelp("The term that must not be crossed.", valueName: "term")) var redLine: String?
  @Option(help: ArgumentHelp("A term given in return (repeatable).", valueName: "term")) var inExchangeFor:
    [String] = []
  @Option(help: ArgumentHelp("A term it depends on: \"no X unless Y\" (repeatable).", valueName: "term"))
  var conditionalOn: [String] = []
  @Option(help: ArgumentHelp("When it was stated (default: today).", valueName: "date"), transform: parseDate)
  var on: AccordDate?
  @Option(help: "A note.") var note: String?
  @OptionGroup var fact: FactOptions

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
    let store = try fact.database.open(team: true)
    guard let (stance, term) = stated.first else { return }
    printID(
      try store.addCondition(
        NewCondition(
          negotiation: negotiation, by: by, stance: stance, term: term, inExchangeFor: inExchangeFor,
          conditionalOn: conditionalOn, date: on ?? AccordDate(day: store.today), note: note,
          sources: fact.sources)))
  }
}
