import AccordSQLite

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The negotiation record: one connection to one Accord database, migrated on opening, with
/// named methods to write facts and to read answers. All writes are inserts: nothing an analyst
/// recorded is overwritten or deleted.
public final class AccordStore {
  /// The database: an SQLite file's (``Connection``), or a team's server's.
  public let connection: any Database
  /// The record's SQLite connection when it is a file; nil for a team's database.
  public var file: Connection? { connection as? Connection }
  /// What the command that opened the store said: today, the analyst, whether to trace SQL.
  public let configuration: StoreConfiguration
  /// The day that `today` and `yesterday` mean, and the default as-of day.
  public var today: Day { configuration.today }
  /// The analyst and command line to which writes are attributed on the change log.
  let commandLog: CommandLog
  /// The schema as history and undo read it (``tableColumns(_:)``, ``historyTables()``), read once
  /// a store: a command does not change the schema it works on.
  var schemaNames: (tables: [String]?, columns: [String: (columns: [String], key: [String])]) = (nil, [:])
  /// What opening this store made: the folders (outermost first), then the file; empty when the
  /// file was there already. (Another process may have opened it since.)
  public private(set) var made: [String] = []
  /// Facts that many answers of one command need (who belongs to which bloc, who takes part),
  /// read once while the database stays as it is.
  private let memo = ReadMemo()
  /// Where a search page's snippets are cut and a team's query is judged (``searchPage()``): made
  /// at the first search.
  var searchPageConnection: Connection?

  /// Opens the database file at `path`, creating it (mode 0600) and its folder if needed, and
  /// brings its schema up to date. A file that this process cannot write (or whose folder it
  /// cannot write) is opened read-only: reading works, writing fails with "the database is
  /// read-only" and writes nothing (see ``DatabaseAccess``). With `create` false, a file that
  /// does not exist is an error (``StoreError/noRecord(path:)``) and nothing is made.
  public convenience init(
    path: String, configuration: StoreConfiguration = StoreConfiguration(), create: Bool = true
  ) throws {
    if !create, !DatabaseLocation.exists(path) { throw StoreError.noRecord(path: path) }
    let made = try DatabaseLocation.prepare(path)
    if !DatabaseAccess.canWrite(path) {
      try self.init(
        connection: StoreError.catching(DatabaseAccess.openForReading(path)),
        configuration: configuration, wal: false, readOnly: true)
      return
    }
    let connection = try StoreError.catching(Connection(path: path))
    try self.init(connection: connection, configuration: configuration, wal: true)
    self.made = made
  }

  /// The database file at `path`, as ``init(path:configuration:create:)`` opens it, with the
  /// default configuration but for `today`.
  public convenience init(path: String, today: Day, create: Bool = true) throws {
    try self.init(path: path, configuration: StoreConfiguration(today: today), create: create)
  }

  /// A private database in memory, with the default configuration but for `today`.
  public static func inMemory(today: Day) throws -> AccordStore {
    try inMemory(configuration: StoreConfiguration(today: today))
  }

  /// A private database in memory, for tests and trials. The schema is migrated once a process and
  /// copied into each new one (a migration of every file costs as much as a test of one).
  public static func inMemory(configuration: StoreConfiguration = .init()) throws -> AccordStore {
    let connection = try StoreError.catching(Connection(path: ":memory:"))
    // On failure, the migration below makes the schema as usual.
    if let image = migratedImage { connection.load(image: image) }
    return try AccordStore(connection: connection, configuration: configuration, wal: false)
  }

  /// A database migrated to this Accord's schema, as bytes; nil if it could not be made (then each
  /// store migrates itself).
  private static let migratedImage: [UInt8]? = {
    guard let connection = try? Connection(path: ":memory:"), (try? Migrator().migrate(connection)) != nil
    else { return nil }
    return connection.image()
  }()

  convenience init(connection: Connection, today: Day, wal: Bool, readOnly: Bool = false) throws {
    try self.init(
      connection: connection, configuration: StoreConfiguration(today: today), wal: wal, readOnly: readOnly)
  }

  /// A store on a team's database, whose schema its engine's migrator has checked: its writes
  /// are attributed to the analyst's command as on a file.
  public init(database: any Database, configuration: StoreConfiguration) {
    connection = database
    self.configuration = configuration
    commandLog = CommandLog(analyst: configuration.analyst)
    database.tracesSQL = configuration.tracesSQL
    database.writeHooks = commandLog.hooks
  }

  init(connection: Connection, configuration: StoreConfiguration, wal: Bool, readOnly: Bool = false) throws {
    self.connection = connection
    self.configuration = configuration
    commandLog = CommandLog(analyst: configuration.analyst)
    connection.tracesSQL = configuration.tracesSQL
    if readOnly {
      try Migrator().checkReadable(connection)
      return
    }
    do {
      // Temporary tables, sorts and statement journals in memory: a bulk import's batch of rows is
      // one statement, whose journal (the pages it changed, kept in case it fails halfway) would
      // otherwise spill to a temporary file at 64 KiB.
      try connection.execute("PRAGMA foreign_keys = ON; PRAGMA temp_store = MEMORY")
      // Migrate (or refuse the file) before switching to WAL, which rewrites the file's header:
      // a database Accord refuses must be left exactly as it was. What SQLite refuses on the way
      // means the file cannot be opened.
      do {
        try Migrator().migrate(connection)
      } catch DatabaseError.sqlite(let code, _, let message, _) {
        throw DatabaseError.cannotOpen(path: connection.path, code: code, message: message)
      }
      connection.writeHooks = commandLog.hooks
      // WAL lets readers go on while one process writes. Switching to it needs the file to itself
      // for a moment: when other processes keep it busy past the busy timeout, this command runs
      // in the rollback journal, which is as safe, and a later one switches.
      if wal, try connection.first("PRAGMA journal_mode", [], { $0.text(0) }) != "wal" {
        do {
          try connection.execute("PRAGMA journal_mode = WAL")
        } catch let error where error.isBusy {}
      }
    } catch let error as DatabaseError {
      throw StoreError(error)
    }
  }

  /// Parses a date as typed, relative to this store's today.
  public func date(_ text: String) throws(StoreError) -> AccordDate {
    try AccordDate.parse(text, today: today)
  }

  /// Runs `body` as one write transaction. What the database refuses on the way comes as a
  /// ``StoreError``, as the store says it.
  public func write<T>(_ body: () throws -> T) throws -> T {
    do {
      return try connection.write(body)
    } catch let error as DatabaseError {
      throw StoreError(error)
    }
  }

  /// `make()`'s value, kept under `key` until the database changes: a write of this connection
  /// (its count of changes) or a commit of another (`PRAGMA data_version`).
  func memoized<T>(_ key: String, _ make: () throws -> T) throws -> T {
    guard let token = try connection.changeToken() else { return try make() }
    if memo.token != token {
      memo.values.removeAll()
      memo.token = token
    }
    // (The entry first: a missing one cast to an optional T would read as a kept nil.)
    if let entry = memo.values[key], let kept = entry as? T { return kept }
    let value = try make()
    memo.values[key] = value
    return value
  }
}

/// The values ``AccordStore/memoized(_:_:)`` keeps, and the state of the database they hold for.
private final class ReadMemo {
  var token: [Int64] = []
  var values: [String: Any] = [:]
}

/// The database file on disk: whether it exists, and making it. (Which file it is, the command
/// decides: `accord` takes `--db`, else its environment.)
public enum DatabaseLocation {
  /// True when `path` names something that exists (or a database that is not a plain file).
  public static func exists(_ path: String) -> Bool {
    if path == ":memory:" || path.hasPrefix("file:") { return true }
    return access(path, F_OK) == 0
  }

  /// Makes the file's folder (mode 0700) and the file itself (mode 0600) when they do not exist;
  /// returns what it made (the folders, outermost first, then the file).
  @discardableResult
  static func prepare(_ path: String) throws(StoreError) -> [String] {
    if path == ":memory:" || path.hasPrefix("file:") { return [] }
    var made: [String] = []
    var folder = path.hasPrefix("/") ? "/" : ""
    for component in path.split(separator: "/").dropLast() {
      folder += component
      if mkdir(folder, 0o700) == 0 {
        made.append(folder)
      } else if errno != EEXIST {
        throw .cannotOpen(path: path, reason: "cannot make folder \(folder): \(errorText())")
      }
      folder += "/"
    }
    let fd = open(path, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0o600)
    if fd >= 0 {
      close(fd)
      made.append(path)
    } else if errno == EISDIR || (errno == EEXIST && !DatabaseAccess.isRegularFile(path)) {
      throw .unusableFile(path: path, .notAFile)
    } else if errno != EEXIST {
      throw .cannotOpen(path: path, reason: "cannot make the file: " + errorText())
    }
    return made
  }

  static func errorText() -> String { String(cString: strerror(errno)) }
}
