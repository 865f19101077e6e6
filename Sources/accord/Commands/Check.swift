import AccordStore
import ArgumentParser

struct Check: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "check",
    abstract: "Check the database: integrity, foreign keys, full-text index and schema version.",
    discussion: """
      Prints ok, or each problem on a line of its own and exits with status 1. It never writes to \
      the database and never upgrades it: run it on any file, even one made by another version.
      """
  ).asLeaf

  @OptionGroup var database: DatabaseOptions

  func run() throws {
    let report = try DatabaseCheck.run(path: database.path, configuration: AccordEnvironment.configuration)
    for note in report.notes { FileOutput.standardError.write("Note: " + note + "\n") }
    guard !report.problems.isEmpty else {
      FileOutput.standardOutput.write("ok\n")
      return
    }
    FileOutput.standardOutput.write(report.problems.map { $0 + "\n" }.joined())
    let count = report.problems.count == 1 ? "1 problem" : "\(report.problems.count) problems"
    throw StoreError.conflict("\(database.path) has \(count), listed on standard output")
  }
}
