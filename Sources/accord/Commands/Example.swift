import AccordPresentation
import AccordSamples
import AccordStore
import AccordSystem
import ArgumentParser

struct Example: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "example",
    abstract:
      "Load the worked example (the February 2025 US–Ukraine minerals talks) into a database of its own.",
    discussion: """
      Writes to --db PATH, else example.sqlite beside your database (never to your database itself), \
      rebuilding it if it holds only the example; then prints the unsigned deals and the negotiation.
      """
  ).asLeaf

  @Option(
    help: ArgumentHelp(
      "The example database (default: ~/.local/share/accord/example.sqlite).", valueName: "path"))
  var db: String?
  @Option(
    help: ArgumentHelp(
      "Show the answers as they stood on this day (default: 2025-02-20).", valueName: "date"),
    transform: parseDate)
  var asOf: AccordDate?

  var path: String {
    if let db { return db }
    var main = AccordEnvironment.databasePath(explicit: nil)
    // A team's database on a server: the example still goes to a file, in the usual folder.
    if TeamDatabase.isURL(main) { main = AccordEnvironment.defaultFile() }
    // A relative $ACCORD_DB without a folder ("accord.sqlite"): next to it, not in "/".
    guard main.contains("/") else { return "example.sqlite" }
    let folder = main.split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(
      separator: "/")
    return folder + "/example.sqlite"
  }

  func run() throws {
    let path = self.path
    if TeamDatabase.isURL(path) {
      throw StoreError.conflict(
        "the worked example goes to an SQLite file of its own, not to a team's PostgreSQL database: name a file with --db"
      )
    }
    if try ExampleDatabase.holdsOnlyTheExample(path) {
      for suffix in ["", "-wal", "-shm"] { System.remove(path + suffix) }
    }
    let store = try AccordStore(path: path, configuration: AccordEnvironment.configuration)
    store.commandArguments = commandLineText()
    try WorkedExample.load(into: store)
    let day = asOf?.last ?? WorkedExample.asOf
    let out = FileOutput.standardOutput
    out.write("Loaded the worked example into \(path)\n")
    out.write("Explore it with: export ACCORD_DB=\(path)\n\n")
    out.write("$ accord deals --unsigned --as-of \(day)\n")
    let deals = try store.deals(.unsigned, asOf: day)
    out.write(Render.table(headers: Deals.headers, rows: deals.map(Deals.row), width: Terminal.tableWidth))
    out.write("\n$ accord negotiation show \(WorkedExample.negotiation) --as-of \(day)\n")
    out.write(
      NegotiationText.render(
        try store.negotiation(store.resolveNegotiation(WorkedExample.negotiation), asOf: day)))
  }
}

enum ExampleDatabase {
  /// True when `path` is a database that holds nothing but records of the worked example, so that
  /// rebuilding it loses nothing; throws when it holds anything else (even the same negotiation
  /// entered by hand), so that `accord example` never writes into an analyst's record.
  static func holdsOnlyTheExample(_ path: String) throws -> Bool {
    guard System.exists(path) else { return false }
    guard
      try WorkedExample.isAlone(in: AccordStore(path: path, configuration: AccordEnvironment.configuration))
    else {
      throw StoreError.conflict(
        "\(path) holds other records; accord example writes only to its own database: name a new file with --db"
      )
    }
    return true
  }
}
