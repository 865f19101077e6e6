import CSQLite

/// One connection to an SQLite database: the typed layer that the rest of Accord uses.
///
/// Designed after GRDB's `Database`: statements are prepared once and cached, every result code is
/// checked and translated into ``DatabaseError``, writes go through ``write(_:)`` (`BEGIN IMMEDIATE`,
/// so that concurrent writers queue on the busy timeout instead of failing mid-transaction).
/// A connection belongs to one thread at a time; a command-line process has one.
public final class Connection: TransactionFrame {
  let handle: OpaquePointer
  /// The file this connection opened, as given.
  public let path: String
  private var cache: [String: Statement] = [:]
  /// Called with the SQL of every statement this connection prepares or reuses: for tests that
  /// check query plans, and for tracing.
  public var onStatement: ((String) -> Void)?
  /// The transaction this connection is in, and how many savepoints deep its write is
  /// (``TransactionFrame``).
  package var transactionState = TransactionState.none
  package var savepointDepth = 0
  /// Called right after the `BEGIN IMMEDIATE` and right before the `COMMIT` of every outermost
  /// write transaction: what every write must do first and last (Accord's store opens and closes
  /// there the row of the command to which its history triggers attribute each change).
  public var writeHooks: WriteHooks?
  /// Every statement this connection runs, with its values filled in, on standard error
  /// (``SQLTrace``).
  public var tracesSQL = false

  /// How long a write waits for another process's write to finish before giving up.
  public static let busyTimeoutMilliseconds: Int32 = 10_000

  /// Opens (and creates, with `create`) the database at `path`; `":memory:"` for a private one.
  /// `immutable` reads a file that nothing changes while it is open: without locks, and without
  /// making the -wal and -shm files beside it (see ``DatabaseAccess``).
  public init(path: String, create: Bool = true, readOnly: Bool = false, immutable: Bool = false)
    throws(DatabaseError)
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
      throw DatabaseError.cannotOpen(path: path, code: code, message: message)
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
  public func execute(_ sql: String) throws(DatabaseError) {
    if tracesSQL { SQLTrace.write(sql) }
    let code = sqlite3_exec(handle, sql, nil, nil, nil)
    guard code == SQLITE_OK else { throw error(code: code, sql: sql) }
  }

  /// A prepared statement for `sql`, compiled on first use and reused after.
  public func statement(_ sql: String) throws(DatabaseError) -> Statement {
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
  public func run(_ sql: String, _ arguments: [SQLValue] = []) throws(DatabaseError) {
    let statement = try statement(sql)
    try statement.bind(arguments)
    try statement.run()
  }

  /// Runs an INSERT and returns the new row's id.
  @discardableResult
  public func insert(_ sql: String, _ arguments: [SQLValue] = []) throws(DatabaseError) -> Int64 {
    try run(sql, arguments)
    return sqlite3_last_insert_rowid(handle)
  }

  /// Every row of `sql`, each turned into a value by `decode`. (Inlinable, as the rest of the
  /// row readers: a generic call across modules would not be specialized, and pays for metadata
  /// and thunks on every row.)
  @inlinable public func all<T>(
    _ sql: String, _ arguments: [SQLValue] = [], _ decode: (Row) throws(DatabaseError) -> T
  ) throws(DatabaseError) -> [T] {
    try rows(sql, arguments, decode)
  }

  /// Every row of `sql`, each turned into a value by `decode`, which may refuse a row with an
  /// error of its own type: the connection's own errors come converted to that type.
  @inlinable public func all<T, Failure: DatabaseErrorConvertible>(
    _ sql: String, _ arguments: [SQLValue] = [], _ decode: (Row) throws(Failure) -> T
  ) throws(Failure) -> [T] {
    try rows(sql, arguments, decode)
  }

  /// The first row of `sql`, if any.
  @inlinable public func first<T>(
    _ sql: String, _ arguments: [SQLValue] = [], _ decode: (Row) throws(DatabaseError) -> T
  ) throws(DatabaseError) -> T? {
    try firstRow(sql, arguments, decode)
  }

  /// The first row of `sql`, if any, turned into a value by `decode`, which may refuse it with an
  /// error of its own type: the connection's own errors come converted to that type.
  @inlinable public func first<T, Failure: DatabaseErrorConvertible>(
    _ sql: String, _ arguments: [SQLValue] = [], _ decode: (Row) throws(Failure) -> T
  ) throws(Failure) -> T? {
    try firstRow(sql, arguments, decode)
  }

  @inlinable func rows<T, Failure: DatabaseErrorConvertible>(
    _ sql: String, _ arguments: [SQLValue], _ decode: (Row) throws(Failure) -> T
  ) throws(Failure) -> [T] {
    let statement = try Failure.catching(prepared(sql, arguments))
    var result: [T] = []
    defer { statement.reset() }
    while try Failure.catching(statement.step()) {
      result.append(try decode(Row(statement: statement)))
    }
    return result
  }

  @inlinable func firstRow<T, Failure: DatabaseErrorConvertible>(
    _ sql: String, _ arguments: [SQLValue], _ decode: (Row) throws(Failure) -> T
  ) throws(Failure) -> T? {
    let statement = try Failure.catching(prepared(sql, arguments))
    defer { statement.reset() }
    guard try Failure.catching(statement.step()) else { return nil }
    return try decode(Row(statement: statement))
  }

  /// The statement for `sql`, with `arguments` bound.
  @usableFromInline func prepared(_ sql: String, _ arguments: [SQLValue]) throws(DatabaseError) -> Statement {
    let statement = try statement(sql)
    try statement.bind(arguments)
    return statement
  }

  /// The integer in the first column of the first row, or nil.
  public func integer(_ sql: String, _ arguments: [SQLValue] = []) throws(DatabaseError) -> Int64? {
    try first(sql, arguments) { $0.optionalInteger(0) } ?? nil
  }

  /// Runs `body` in one write transaction (`BEGIN IMMEDIATE`): all of it is written, or none.
  /// A write inside a write is a savepoint of it: if its body throws, its own changes are undone
  /// and the outer write goes on (or throws in turn). A write inside a read is refused: a read
  /// transaction cannot become `BEGIN IMMEDIATE`, and its changes would escape the write hooks.
  public func write<T>(_ body: () throws -> T) throws -> T {
    switch transactionState {
    case .read:
      throw DatabaseError.sqlite(
        code: SQLITE_MISUSE, extendedCode: SQLITE_MISUSE,
        message: "a write was asked for inside a read transaction", sql: nil)
    case .write: return try savepoint(body)
    case .none: break
    }
    return try outermostWrite(begin: "BEGIN IMMEDIATE") {
      try writeHooks?.begin(self)
      let result = try body()
      try writeHooks?.end(self)
      return result
    }
  }

  /// Runs `body` in one read transaction, so that every query in it sees the same snapshot. A
  /// read inside a read or a write joins it.
  public func read<T>(_ body: () throws -> T) throws -> T {
    try readTransaction(begin: "BEGIN DEFERRED", body)
  }

  package func executeFrame(_ sql: String) throws { try execute(sql) }

  package func undoIfOpen(_ undo: String) {
    if sqlite3_get_autocommit(handle) == 0 { sqlite3_exec(handle, undo, nil, nil, nil) }
  }

  /// The rowid of the latest row inserted (by the last row of a multi-row INSERT).
  public var lastInsertedRowID: Int64 { sqlite3_last_insert_rowid(handle) }

  /// Rows changed by the latest INSERT, UPDATE or DELETE.
  public var changes: Int { Int(sqlite3_changes(handle)) }

  /// Rows changed by every INSERT, UPDATE and DELETE of this connection since it opened.
  package var totalChanges: Int64 { Int64(sqlite3_total_changes64(handle)) }

  /// The error of the latest call that returned `code`, with the statement it concerned.
  func error(code: Int32, sql: String?) -> DatabaseError {
    DatabaseError.sqlite(
      code: DatabaseAccess.diskFull(code: code, connection: handle) ? SQLITE_FULL : code,
      extendedCode: sqlite3_extended_errcode(handle),
      message: String(cString: sqlite3_errmsg(handle)), sql: sql)
  }
}

/// What a connection runs at the start and at the end of each outermost write transaction.
public struct WriteHooks {
  public var begin: (any Database) throws -> Void
  public var end: (any Database) throws -> Void

  public init(begin: @escaping (any Database) throws -> Void, end: @escaping (any Database) throws -> Void) {
    self.begin = begin
    self.end = end
  }
}
