import AccordStore
import ArgumentParser

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Where the database is: shared by every command.
struct DatabaseOptions: ParsableArguments {
  @Option(
    name: .long,
    help: ArgumentHelp(
      "The database file (default: $ACCORD_DB, else ~/.local/share/accord/accord.sqlite).",
      valueName: "path"))
  var db: String?

  var path: String { DatabaseLocation.resolve(explicit: db) }

  /// Opens the store for a command that writes, making the file (and its folder) on first use,
  /// and attributing its writes on the change log to this command line. If the command then
  /// fails, what this opening made is removed again (see ``NewDatabase``).
  func open() throws -> AccordStore {
    let store = try AccordStore(path: path)
    NewDatabase.note(store.made)
    return opened(store)
  }

  /// Opens the store for a command that only reads: a file that does not exist is an error,
  /// and nothing is made.
  func openExisting() throws -> AccordStore {
    try opened(AccordStore(path: path, create: false))
  }

  private func opened(_ store: AccordStore) -> AccordStore {
    store.commandArguments = commandLineText()
    TestHooks.arm(store)
    return store
  }
}

/// A database file, and the folders above it, that this command made by opening it: a command
/// that fails leaves no new file behind. Only what this process made (the file opened with
/// O_EXCL), and only while nothing is recorded in it and no other connection has it open (its
/// WAL file is gone once the last connection closes): another process's first writes to a new
/// record are never removed.
enum NewDatabase {
  nonisolated(unsafe) private static var made: [String] = []

  static func note(_ made: [String]) {
    if self.made.isEmpty { self.made = made }
  }

  /// Removes what ``note(_:)`` noted, innermost first (a folder only if empty).
  static func removeAfterFailure() {
    guard let file = made.last else { return }
    if access(file + "-wal", F_OK) == 0 { return }
    guard let connection = try? Connection(path: file, create: false, readOnly: true),
      (try? connection.integer("SELECT count(*) FROM command")) == 0
    else { return }
    for suffix in ["", "-wal", "-shm", "-journal"] { unlink(file + suffix) }
    for folder in made.dropLast().reversed() { rmdir(folder) }
  }
}

enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
  case table, json, csv
}

/// `--format table|json|csv` and `--wide`: for every command that prints records.
struct FormatOptions: ParsableArguments {
  @Option(name: .long, help: "How to print it: an aligned table, JSON or CSV.")
  var format: OutputFormat = .table
  @Flag(help: "Show whole text in a table: cut no cell to fit the terminal.")
  var wide = false
  @Flag(
    help:
      "With --format csv: every cell exactly as recorded, even one a spreadsheet would run as a formula (by default it gets a ' before it)."
  )
  var rawCsv = false

  func validate() throws {
    if rawCsv && format != .csv { throw ValidationError("--raw-csv goes with --format csv") }
  }

  /// How many columns a table may take: the terminal's width, or no limit with `--wide` or when
  /// standard output is not a terminal.
  var tableWidth: Int? { wide ? nil : Terminal.tableWidth }
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

/// This process's command line as a shell would take it back: `accord log minerals 'a b'`.
func commandLineText() -> String {
  (["accord"] + CommandLine.arguments.dropFirst()).map { argument in
    let plain =
      !argument.isEmpty
      && argument.utf8.allSatisfy { byte in
        (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
          || byte == 0x2D || byte == 0x5F || byte == 0x2E || byte == 0x2F || byte == 0x3D || byte >= 0x80
      }
    return plain ? argument : "'" + argument.replacing("'", with: #"'\''"#) + "'"
  }.joined(separator: " ")
}

/// `--as-of DATE`: the answer as it stood on a day (default: today).
struct AsOfOption: ParsableArguments {
  @Option(
    name: .customLong("as-of"),
    help: ArgumentHelp("The answer as it stood on this day (default: today).", valueName: "date"),
    transform: parseDate)
  var date: AccordDate?

  /// The day it means: the last day of the date given (`2025-02` is 28 February).
  var day: Day? { date?.last }
}
