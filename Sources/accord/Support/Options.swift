import AccordStore
import ArgumentParser

/// Where the database is: shared by every command.
struct DatabaseOptions: ParsableArguments {
  @Option(
    name: .long,
    help: ArgumentHelp(
      "The database file (default: $ACCORD_DB, else ~/.local/share/accord/accord.sqlite).",
      valueName: "path"))
  var db: String?

  var path: String { DatabaseLocation.resolve(explicit: db) }

  func open() throws -> AccordStore { try AccordStore(path: path) }
}

enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
  case table, json, csv
}

/// `--format table|json|csv`: for every command that prints records.
struct FormatOptions: ParsableArguments {
  @Option(name: .long, help: "Output format: table (aligned columns), json or csv.")
  var format: OutputFormat = .table
}

/// Reads a date option or argument as typed (`2025-02-14~`, `2025-02`, `today`).
func parseDate(_ text: String) throws -> AccordDate { try AccordDate.parse(text) }

/// `--source SRC`, repeatable: a short id, a number or a URL (a new URL becomes a source).
struct SourceOptions: ParsableArguments {
  @Option(
    name: .customLong("source"),
    help: ArgumentHelp("A source that reports it: short id, number or URL (repeatable).", valueName: "src"))
  var sources: [String] = []
}
