import AccordPostgres
import AccordStore
import ArgumentParser

struct Check: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "check",
    abstract: "Check the database: integrity, foreign keys, full-text index and schema version.",
    discussion: """
      Prints ok, or each problem on a line of its own and exits with status 1. It never writes to \
      the database and never upgrades it: run it on any file, even one made by another version.

      On a team's PostgreSQL database (--db postgresql://…), whose server keeps its pages, foreign \
      keys and constraints itself, it checks the schema version and the safeguards Accord's schema \
      made: every trigger enabled, each table's history triggers and the two logs' refusals there, \
      every constraint validated, the roles there, the reader writing nothing and nobody but the \
      owner changing the change log.
      """
  ).asLeaf

  @OptionGroup var database: DatabaseOptions

  func run() throws {
    if let url = database.postgresURL {
      let connection = try PostgresConnection(url: url)
      try finish(DatabaseCheck.Report(problems: PostgresCheck.run(connection)), name: connection.database)
      return
    }
    try finish(
      DatabaseCheck.run(path: database.path, configuration: AccordEnvironment.configuration),
      name: database.path)
  }

  private func finish(_ report: DatabaseCheck.Report, name: String) throws {
    for note in report.notes { FileOutput.standardError.write("Note: " + note + "\n") }
    guard !report.problems.isEmpty else {
      FileOutput.standardOutput.write("ok\n")
      return
    }
    FileOutput.standardOutput.write(report.problems.map { $0 + "\n" }.joined())
    let count = report.problems.count == 1 ? "1 problem" : "\(report.problems.count) problems"
    throw StoreError.conflict("\(name) has \(count), listed on standard output")
  }
}
