import AccordStore
import ArgumentParser

struct Undo: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "undo",
    abstract: "Revert your latest command (by $ACCORD_ANALYST, else your login name), as one transaction.",
    discussion: """
      The undo is itself a command on the change log: run 'accord undo' again to redo what was \
      undone. Refused, with nothing written, when you have no command on the log or when a later \
      change (by anyone) touched a record that the command changed.
      """)

  @OptionGroup var database: DatabaseOptions

  func run() throws {
    let result = try database.openExisting().undo()
    let plural = result.changes == 1 ? "" : "s"
    FileOutput.standardOutput.write(
      "Undid command \(result.command) (\(result.arguments)): \(result.changes) change\(plural) reverted\n")
  }
}
