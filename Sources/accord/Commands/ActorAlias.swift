import AccordStore
import ArgumentParser

struct ActorAlias: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "alias", abstract: "Add other names for an actor, in any script."
  ).asLeaf

  @Argument(help: "Short id, alias, code or number.") var actor: String
  @Argument(help: "The new names.") var aliases: [String]
  @OptionGroup var database: DatabaseOptions

  func validate() throws {
    if aliases.isEmpty { throw ValidationError("name at least one alias") }
  }

  func run() throws {
    let store = try database.open(team: true)
    let id = try store.resolveActor(actor)
    try store.write { for alias in aliases { try store.addAlias(alias, to: id, unique: true) } }
    printID(id)
  }
}
