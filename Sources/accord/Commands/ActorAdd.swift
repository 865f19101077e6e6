import AccordStore
import ArgumentParser

extension ActorKind: ExpressibleByArgument {}

struct ActorAdd: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "add", abstract: "Add an actor; prints its number.",
    discussion: """
      Example:
        accord actor add "Scott Bessent" --kind person --alias Bessent \\
          --of "United States" --role "Secretary of the Treasury" \\
          --since 2025-01-28
      """
  ).asLeaf

  @Argument(help: "The actor's name.") var name: String
  @Option(help: "What it is.") var kind: ActorKind
  @Option(help: "A short id (default: made from the name).") var id: String?
  @Option(help: "ISO 3166-1 alpha-3 code, for a state (UKR).") var code: String?
  @Option(help: ArgumentHelp("Wikidata item id (Q212).", valueName: "qid")) var wikidata: String?
  @Option(help: "Another name, in any script (repeatable).") var alias: [String] = []
  @Option(help: ArgumentHelp("The organization or state a person belongs to.", valueName: "actor")) var of:
    String?
  @Option(help: "The person's role there (Secretary of the Treasury).") var role: String?
  @Option(
    help: ArgumentHelp("Since when the person holds the role.", valueName: "date"), transform: parseDate)
  var since: AccordDate?
  @Option(help: ArgumentHelp("Until when the person held the role.", valueName: "date"), transform: parseDate)
  var until: AccordDate?
  @OptionGroup var database: DatabaseOptions

  func validate() throws {
    if of == nil && (role != nil || since != nil || until != nil) {
      throw ValidationError("--role, --since and --until describe an affiliation: add --of ORGANIZATION")
    }
  }

  func run() throws {
    let store = try database.open(team: true)
    let affiliation = of.map { NewAffiliation(organization: $0, role: role, since: since, until: until) }
    printID(
      try store.addActor(
        NewActor(
          name: name, kind: kind, slug: id, code: code, wikidata: wikidata, aliases: alias,
          affiliation: affiliation)))
  }
}
