import AccordStore
import ArgumentParser

struct ActorOffice: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "office",
    abstract: "Add an office to a person (a second term, a new post); prints its number.",
    discussion: """
      The earlier offices stay on the record: an office is dated, and a person holds several over time.

      Example:
        accord actor office Rubio --of "United States" \\
          --role "National Security Advisor" --since 2025-05-01
      """
  ).asLeaf

  @Argument(help: "The person: short id, alias or number.") var person: String
  @Option(help: ArgumentHelp("The organization or state.", valueName: "actor")) var of: String
  @Option(help: "The office (Secretary of State).") var role: String?
  @Option(help: ArgumentHelp("Since when the person holds it.", valueName: "date"), transform: parseDate)
  var since: AccordDate?
  @Option(help: ArgumentHelp("Until when the person held it.", valueName: "date"), transform: parseDate)
  var until: AccordDate?
  @OptionGroup var database: DatabaseOptions

  func run() throws {
    printID(
      try database.open(team: true).addOffice(
        person: person, NewAffiliation(organization: of, role: role, since: since, until: until)))
  }
}
