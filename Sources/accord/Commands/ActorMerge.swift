import AccordStore
import ArgumentParser

struct ActorMerge: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "merge", abstract: "Merge a duplicate actor into another; prints the other's number.",
    discussion: """
      Every reference to the duplicate (every column that refers to an actor) moves to the other, \
      the duplicate's names become the other's aliases, and the duplicate is retracted, not \
      deleted. One command on the change log: 'accord undo' reverts it.

      Example:
        accord actor merge zelensky-v zelenskyy
      """
  ).asLeaf

  @Argument(help: "The duplicate: short id, alias, code or number.") var duplicate: String
  @Argument(help: "The actor it is merged into.") var into: String
  @OptionGroup var database: DatabaseOptions

  func run() throws {
    let store = try database.open(team: true)
    try store.mergeActor(duplicate, into: into)
    printID(try store.resolveActor(into))
  }
}
