import CSQLite

/// One connection to an SQLite database: the typed layer that the rest of Accord uses.
///
/// Designed after GRDB's `Database`: statements are prepared once and cached, every result code is
/// checked and translated into ``StoreError``, writes go through ``write(_:)`` (`BEGIN IMMEDIATE`,
/// so that concurrent writers queue on the busy timeout instead of failing mid-transaction).
/// A connection belongs to one thread at a time; a command-line process has one.
public final class Connection {
  let handle: OpaquePointer
  /// The file this connection opened, as given.
  public let path: String
  private var cache: [String: Statement] = [:]
  /// Called with the SQL of every statement this connection prepares or reuses: for tests that
  /// check query plans, and for tracing.
  public var onStatement: ((String) -> Void)?
  private var transactionDepth = 0
  /// Called right after the `BEGIN IMMEDIATE` and right before the `COMMIT` of every outermost
  /// write transaction: the store opens and closes its `command` row there, to which the history
  /// triggers attribute each change (see Migrations/0004_history.sql).
  public var writeHooks: WriteHooks?
  /// Every statement this connection runs, with its values filled in, on standard error
  /// (``SQLTrace``). A store sets it from its configuration.
  public var tracesSQL = false

  /// How long a write waits for another process's write to finish before giving up.
  public static let busyTimeoutMilliseconds: Int32 = 10_000

  /// Opens (and creates, with `create`) the database at `path`; `":memory:"` for a private one.
  /// `immutable` reads a file that nothing changes while it is open: without locks, and without
  /// making the -wal and -shm files beside it (see ``DatabaseAccess``).
  public init(path: String, create: Bool = true, readOnly: Bool = false, immutable: Bool = false)
    throws(StoreError)
  {
    var db: OpaquePointer?
    var flags = SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE
    if readOnly || immutable {
      flags |= SQLITE_OPEN_READONLY
    } else {
      flags |= SQLITE_OPEN_READWRITE
      if create { flags |= SQLITE_OPEN_CREATE }
    }
    if immutable { flags |= SQLITE_OPEN_URI }
    let code = sqlite3_open_v2(immutable ? DatabaseAccess.immutableURI(path) : path, &db, flags, nil)
    guard code == SQLITE_OK, let db else {
      let message = db.map { String(cString: sqlite3_errmsg($0)) } ?? "out of memory"
      sqlite3_close_v2(db)
      throw StoreError.cannotOpen(path: path, reason: StoreError.describe(code: code, message: message))
    }
    handle = db
    self.path = path
    sqlite3_busy_timeout(db, Self.busyTimeoutMilliseconds)
  }

  deinit {
    cache.removeAll()
    sqlite3_close_v2(handle)
  }

  /// Runs one or more statements that take no arguments and return no rows.
  public func execute(_ sql: String) throws(StoreError) {
    if tracesSQL { SQLTrace.write(sql) }
    let code = sqlite3_exec(handle, sql, nil, nil, nil)
    guard code == SQLITE_OK else { throw error(code: code, sql: sql) }
  }

  /// A prepared statement for `sql`, compiled on first use and reused after.
  public func statement(_ sql: String) throws(StoreError) -> Statement {
    onStatement?(sql)
    if let cached = cache[sql] {
      cached.reset()
      return cached
    }
    let statement = try Statement(connection: self, sql: sql)
    cache[sql] = statement
    return statement
  }

  /// Runs `sql` with `arguments`, for its effect.
  public func run(_ sql: String, _ arguments: [SQLValue] = []) throws(StoreError) {
    let statement = try statement(sql)
    try statement.bind(arguments)
    try statement.run()
  }

  /// Runs an INSERT and returns the new row's id.
  @discardableResult
  public func insert(_ sql: String, _ arguments: [SQLValue] = []) throws(StoreError) -> Int64 {
    try run(sql, arguments)
    return sqlite3_last_insert_rowid(handle)
  }

  /// Every row of `sql`, each turned into a value by `decode`.
  public func all<T>(
    _ sql: String, _ arguments: [SQLValue] = [], _ decode: (Row) throws(StoreError) -> T
  ) throws(StoreError) -> [T] {
    let statement = try statement(sql)
    try statement.bind(arguments)
    var result: [T] = []
    defer { statement.reset() }
    while try statement.step() {
      result.append(try decode(Row(statement: statement)))
    }
    return result
  }

  /// The first row of `sql`, if any.
  public func first<T>(
    _ sql: String, _ arguments: [SQLValue] = [], _ decode: (Row) throws(StoreError) -> T
  ) throws(StoreError) -> T? {
    let statement = try statement(sql)
    try statement.bind(arguments)
    defer { statement.reset() }
    guard try statement.step() else { return nil }
    return try decode(Row(statement: statement))
  }

  /// The integer in the first column of the first row, or nil.
  public func integer(_ sql: String, _ arguments: [SQLValue] = []) throws(StoreError) -> Int64? {
    try first(sql, arguments) { $0.optionalInteger(0) } ?? nil
  }

  /// Runs `body` in one write transaction (`BEGIN IMMEDIATE`): all of it is written, or none.
  /// Nested calls join the outer transaction.
  public func write<T>(_ body: () throws -> T) throws -> T {
    if transactionDepth > 0 {
      transactionDepth += 1
      defer { transactionDepth -= 1 }
      return try body()
    }
    try execute("BEGIN IMMEDIATE")
    transactionDepth = 1
    defer { transactionDepth = 0 }
    do {
      try writeHooks?.begin(self)
      let result = try body()
      try writeHooks?.end(self)
      try execute("COMMIT")
      return result
    } catch {
      if sqlite3_get_autocommit(handle) == 0 {
        sqlite3_exec(handle, "ROLLBACK", nil, nil, nil)
      }
      throw error
    }
  }

  /// Runs `body` in one read transaction, so that every query in it sees the same snapshot.
  public func read<T>(_ body: () throws -> T) throws -> T {
    if transactionDepth > 0 { return try body() }
    try execute("BEGIN DEFERRED")
    transactionDepth = 1
    defer {
      transactionDepth = 0
      if sqlite3_get_autocommit(handle) == 0 { sqlite3_exec(handle, "COMMIT", nil, nil, nil) }
    }
    return try body()
  }

  /// Rows changed by the latest INSERT, UPDATE or DELETE.
  public var changes: Int { Int(sqlite3_changes(handle)) }

  func error(code: Int32, sql: String?) -> StoreError {
    StoreError.sqlite(
      code: DatabaseAccess.diskFull(code: code, connection: handle) ? SQLITE_FULL : code,
      extendedCode: sqlite3_extended_errcode(handle),
      message: String(cString: sqlite3_errmsg(handle)), sql: sql)
  }
}

/// What a connection runs at the start and at the end of each outermost write transaction.
public struct WriteHooks {
  public var begin: (Connection) throws -> Void
  public var end: (Connection) throws -> Void

  public init(begin: @escaping (Connection) throws -> Void, end: @escaping (Connection) throws -> Void) {
    self.begin = begin
    self.end = end
  }
}
