import AccordPresentation
import AccordSQLite
import AccordStore
import AccordSystem
import ArgumentParser

/// Where the database is: shared by every command.
struct DatabaseOptions: ParsableArguments {
  @Option(
    name: .long,
    help: ArgumentHelp(
      "The database: a file, or a team's postgresql:// URL (default: $ACCORD_DB, else ~/.local/share/accord/accord.sqlite).",
      valueName: "path"))
  var db: String?

  var path: String { AccordEnvironment.databasePath(explicit: db) }

  /// The URL, when the database named is a team's on a PostgreSQL server (`postgresql://…`).
  var postgresURL: String? { TeamDatabase.isURL(path) ? path : nil }

  /// The record in a file: a command that does not work on a team's PostgreSQL database says so,
  /// rather than take the URL for a file name. (Those that do are in the README, "For a team".)
  func requireFile() throws {
    guard postgresURL != nil else { return }
    throw StoreError.conflict(
      "this command works on an SQLite file, not on a team's PostgreSQL database (the README's 'For a team' lists the commands that work there): give --db an SQLite file"
    )
  }

  /// Opens the store for a command that writes, attributing its writes on the change log to this
  /// command line (on a team's database, which a command that works there too opens with `team`,
  /// to the role that signed in). A record that does not exist yet is made under a name of this process's own
  /// beside it, and takes its name only once the command has succeeded (``NewDatabase``).
  func open(team: Bool = false) throws -> AccordStore {
    if team, let postgresURL {
      return opened(try TeamDatabase.store(postgresURL, configuration: AccordEnvironment.configuration))
    }
    try requireFile()
    if let fresh = NewDatabase.begin(path) {
      do {
        let store = try AccordStore(path: fresh, configuration: AccordEnvironment.configuration)
        NewDatabase.note(store.made)
        return opened(store)
      } catch StoreError.cannotOpen(_, let reason) {
        // Said of the record's own name: the one the user gave.
        throw StoreError.cannotOpen(path: path, reason: reason)
      } catch StoreError.unusableFile(_, let why) {
        throw StoreError.unusableFile(path: path, why)
      }
    }
    return opened(try AccordStore(path: path, configuration: AccordEnvironment.configuration))
  }

  /// Opens the store for a command that only reads: a file that does not exist is an error,
  /// and nothing is made. A command that works on a team's database too (`team`) opens the one a
  /// `postgresql://` URL names.
  func openExisting(team: Bool = false) throws -> AccordStore {
    if team, let postgresURL {
      return opened(try TeamDatabase.store(postgresURL, configuration: AccordEnvironment.configuration))
    }
    try requireFile()
    return try opened(AccordStore(path: path, configuration: AccordEnvironment.configuration, create: false))
  }

  private func opened(_ store: AccordStore) -> AccordStore {
    store.commandArguments = commandLineText()
    TestHooks.arm(store)
    return store
  }
}

/// A new record, made whole before anyone sees it: a command that writes to a database that does
/// not exist yet writes to `PATH.new-PID` (its own), and only when it has succeeded is that file
/// linked to PATH — `link` fails if PATH exists, so a record another process made meanwhile is
/// never replaced: the command then runs again on it. A command that fails removes its own file
/// and the folders it made, and leaves nothing behind; nobody else ever had that file open. What
/// the command printed is held back until the record is in place.
enum NewDatabase {
  nonisolated(unsafe) private static var pending: (file: String, final: String)?
  nonisolated(unsafe) private static var made: [String] = []

  /// The name to make a new record under, when `path` does not exist yet.
  static func begin(_ path: String) -> String? {
    if let pending, pending.final == path { return pending.file }
    guard pending == nil, !DatabaseLocation.exists(path), !path.hasPrefix("file:"), path != ":memory:" else {
      return nil
    }
    let file = path + ".new-\(System.processID)"
    pending = (file, path)
    FileOutput.hold()
    return file
  }

  static func note(_ made: [String]) {
    if self.made.isEmpty { self.made = made }
  }

  /// After the command succeeded (its store closed): gives the new record its name and prints
  /// what the command printed. False when another process made the record first: the command
  /// must run again, on that one.
  static func publish() -> Bool {
    guard let (file, final) = pending else { return true }
    pending = nil
    defer { made = [] }
    // The store is closed, and its last connection has moved the WAL into the file; should a
    // connection still be open, its WAL is moved in now, so that the file is the whole record.
    if System.exists(file + "-wal"), let connection = try? Connection(path: file, create: false) {
      connection.tracesSQL = AccordEnvironment.configuration.tracesSQL
      _ = try? connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    }
    do throws(SystemError) {
      try System.link(file, to: final)
    } catch {
      removeFiles(of: file)
      FileOutput.discard()
      if error == .alreadyExists { return false }
      Accord.fail("cannot give the new record its name \(final): \(error)", hint: nil, code: 1)
    }
    removeFiles(of: file)
    FileOutput.release()
    return true
  }

  /// Removes the new record and the folders made for it (a folder only if empty).
  static func removeAfterFailure() {
    guard let (file, _) = pending else { return }
    pending = nil
    removeFiles(of: file)
    for folder in made.dropLast().reversed() { System.removeFolder(folder) }
    FileOutput.discard()
  }

  private static func removeFiles(of file: String) {
    for suffix in ["", "-wal", "-shm", "-journal"] { System.remove(file + suffix) }
  }
}

extension OutputFormat: ExpressibleByArgument {}

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
func parseDate(_ text: String) throws -> AccordDate {
  try AccordDate.parse(text, today: AccordEnvironment.configuration.today)
}

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

/// `--as-of DATE`: the answer as it stood on a day (default: today). For every command that takes
/// it and means today without it; `actor show` (default: all dates) and `example` (default: the
/// example's day) mean something else without it, and say so in their own words.
struct AsOfOptions: ParsableArguments {
  @Option(
    name: .customLong("as-of"),
    help: ArgumentHelp("The answer as it stood on this day (default: today).", valueName: "date"),
    transform: parseDate)
  var date: AccordDate?

  /// The day it means: the last day of the date given (`2025-02` is 28 February); nil for today.
  var day: Day? { date?.last }
}

/// `--include-retracted`: for every command that leaves retracted records out by default.
struct RetractedOptions: ParsableArguments {
  @Flag(name: .customLong("include-retracted"), help: "Show retracted records too, marked (retracted).")
  var include = false
}

/// `--from DATE` and `--to DATE`: facts dated within a span, by the first day a date covers.
struct DateRangeOptions: ParsableArguments {
  @Option(help: ArgumentHelp("Only facts dated from this day on.", valueName: "date"), transform: parseDate)
  var from: AccordDate?
  @Option(help: ArgumentHelp("Only facts dated up to this day.", valueName: "date"), transform: parseDate)
  var to: AccordDate?

  func validate() throws {
    if let from, let to, from.first > to.last {
      throw ValidationError("--from \(from) is after --to \(to)")
    }
  }
}

/// What every listing of the record takes: the day it answers for (`--as-of`), whether retracted
/// records show (`--include-retracted`), how it prints (`--format`, `--wide`, `--raw-csv`), and
/// the record (`--db`).
struct ListingOptions: ParsableArguments {
  @OptionGroup var asOf: AsOfOptions
  @OptionGroup var retracted: RetractedOptions
  @OptionGroup var output: FormatOptions
  @OptionGroup var database: DatabaseOptions

  /// The day asked about; nil for today.
  var day: Day? { asOf.day }
  var includeRetracted: Bool { retracted.include }
}

/// What every command that records a fact takes besides the fact: the sources that report it
/// (`--source`, repeatable) and the record it goes into (`--db`).
struct FactOptions: ParsableArguments {
  @OptionGroup var citing: SourceOptions
  @OptionGroup var database: DatabaseOptions

  var sources: [String] { citing.sources }
}

/// `--on DATE` of an `edit` command: the date the record should have said.
struct RightDateOption: ParsableArguments {
  @Option(
    name: .customLong("on"), help: ArgumentHelp("The right date.", valueName: "date"), transform: parseDate)
  var date: AccordDate?
}
