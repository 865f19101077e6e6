import AccordStore
import ArgumentParser

struct Undo: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "undo",
    abstract: "Revert your latest command (by $ACCORD_ANALYST, else your login name), as one transaction.",
    discussion: """
      The undo is itself a command on the change log: run 'accord undo' again to redo what was \
      undone. With --steps N, your N latest commands that still stand, newest first, all or none. \
      Refused, with nothing written, when you have no command on the log or when a later change \
      (by anyone, or by a command not undone with it) touched a record that the command changed.

      Examples:
        accord undo
        accord undo --steps 3
      """
  ).asLeaf

  @Option(help: ArgumentHelp("How many of your latest commands to undo.", valueName: "n")) var steps = 1
  @OptionGroup var database: DatabaseOptions

  func validate() throws {
    if steps < 1 { throw ValidationError(StoreError.Mistake.undoOfNoCommand.commandLineText) }
  }

  func run() throws {
    for result in try database.openExisting(team: true).undo(steps: steps) {
      let plural = result.changes == 1 ? "" : "s"
      if let redid = result.redid {
        FileOutput.standardOutput.write(
          "Redid command \(redid.command) (\(redid.arguments)), undoing the undo \(result.command): "
            + "\(result.changes) change\(plural) made again\n")
      } else {
        FileOutput.standardOutput.write(
          "Undid command \(result.command) (\(result.arguments)): \(result.changes) change\(plural) reverted\n"
        )
      }
    }
  }
}
