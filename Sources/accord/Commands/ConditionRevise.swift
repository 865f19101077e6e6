import AccordStore
import ArgumentParser

struct ConditionRevise: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "revise",
    abstract: "Record a softened or hardened condition that replaces one; prints its number.",
    discussion: """
      The new condition keeps the earlier one's stance and linked terms, and revises it: the earlier one \
      is closed (revised) from that day, and both stay on the record (accord condition show N).

      Example:
        accord condition revise 3 "a freeze of enrichment at 3.67%" --on 2015-04-02
      """
  ).asLeaf

  @Argument(help: "The condition's number.") var condition: String
  @Argument(help: ArgumentHelp("The term as it now reads.", valueName: "term")) var term: String
  @Option(help: ArgumentHelp("When it was revised.", valueName: "date"), transform: parseDate) var on:
    AccordDate
  @Option(help: ArgumentHelp("Who holds it now (default: the same holder).", valueName: "actor")) var by:
    String?
  @Option(help: "A note.") var note: String?
  @OptionGroup var fact: FactOptions

  func run() throws {
    printID(
      try fact.database.open(team: true).reviseCondition(
        condition, term: term, date: on, by: by, note: note, sources: fact.sources))
  }
}
