import AccordSQLite
import CPostgres

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// One connection to a PostgreSQL database: the sibling of AccordSQLite's ``Connection``, with the
/// same shape of API (``run(_:_:)``, ``all(_:_:_:)``, ``first(_:_:_:)``, ``integer(_:_:)``,
/// ``write(_:)``, ``read(_:)``) and the same arguments (``SQLValue``), so that the store can sit on
/// either.
///
/// Statements are written for SQLite, with `?` placeholders: each is translated once to
/// PostgreSQL's `$n` (``Placeholders``) and run with `PQexecParams`, its arguments sent as text
/// and typed by the server from where they stand. Every result is checked and translated into
/// ``PostgresError``. Writes are `SERIALIZABLE`, and a whole write that conflicted with another one
/// is run again (``maximumWriteAttempts``). A connection belongs to one thread at a time.
public final class PostgresConnection: TransactionFrame {
  let library: LibPQ
  let handle: OpaquePointer
  /// The database, as a user would name it: `NAME on HOST:PORT` (no password, whatever the URL held).
  public let database: String
  private var translations: [String: Placeholders] = [:]
  /// Called with the SQL of every statement this connection runs, as written (before translation).
  public var onStatement: ((String) -> Void)?
  /// Called with every statement this connection runs, its values filled in as literals: SQL that
  /// `psql` can run (`ACCORD_TRACE_SQL`).
  public var tracer: ((String) -> Void)?
  /// The transaction this connection is in, and how many savepoints deep its write is
  /// (AccordSQLite's ``TransactionFrame``, which both engines share).
  package var transactionState = TransactionState.none
  package var savepointDepth = 0
  /// Called right after the `BEGIN` and right before the `COMMIT` of every outermost write
  /// transaction (and again on each attempt of a write that is retried).
  public var writeHooks: PostgresWriteHooks?

  /// How many times a write is tried in all when it conflicts with another (SQLSTATE 40001, 40P01).
  public static let maximumWriteAttempts = 5

  /// The advisory lock (`pg_advisory_lock`) that Accord's writers of one database take turns by:
  /// "ACCORD_W" as a number. Its holder is in `pg_locks` (locktype 'advisory').
  public static let writersLock: Int64 = 4_702_676_443_866_619_735

  /// Connects to `url`: a libpq URI (`postgresql://user@host:port/database`) or key=value
  /// connection string, completed (or, when empty, given entirely) by the `PG*` environment
  /// variables and ~/.pgpass as libpq reads them. Loads libpq on the first connection.
  public init(url: String) throws(PostgresError) {
    let library = try LibPQ.shared()
    guard let handle = library.connectdb(url) else {
      throw PostgresError.cannotConnect(server: "?", message: "out of memory")
    }
    let server = Self.server(library, handle)
    guard library.status(handle) == CONNECTION_OK else {
      let error = Self.connectionError(library, handle, server: server)
      library.finish(handle)
      throw error
    }
    // The server's notices and warnings stay unsaid: libpq would print them on standard error
    // ("WARNING: terminating connection due to immediate shutdown command" before Accord's own
    // line when the server stops mid-command), where Accord says one line of its own.
    _ = library.setNoticeProcessor(handle, { _, _ in }, nil)
    self.library = library
    self.handle = handle
    self.database = "\(string(library.db(handle))) on \(server)"
    // Accord's text is UTF-8, whatever the database's encoding or PGCLIENTENCODING says. And no
    // JIT compilation for this session: Accord's statements are an analyst's questions, answered
    // in milliseconds to a second, and the server's default (JIT above a cost of 100,000) spent
    // 0.6 s compiling `negotiation list` on the bench corpus, which then ran in 0.5 s.
    try execute("SET client_encoding = 'UTF8'; SET jit = off")
  }

  deinit { library.finish(handle) }

  /// `HOST:PORT` (or the socket's folder) that a connection reached or tried.
  private static func server(_ library: LibPQ, _ handle: OpaquePointer) -> String {
    let host = string(library.host(handle))
    let port = string(library.port(handle))
    return port.isEmpty ? host : "\(host):\(port)"
  }

  /// Why a connection failed, from libpq's message (libpq gives no SQLSTATE for it).
  private static func connectionError(_ library: LibPQ, _ handle: OpaquePointer, server: String)
    -> PostgresError
  {
    let full = string(library.errorMessage(handle))
    let message = reason(full)
    let user = string(library.user(handle))
    if library.connectionNeedsPassword(handle) != 0 || full.contains("password authentication failed")
      || full.contains("authentication failed") || full.contains("is not permitted to log in")
      || (full.contains("role \"") && full.contains("does not exist"))
      || full.contains("no pg_hba.conf entry")
    {
      return .authenticationFailed(user: user, server: server, message: message)
    }
    if full.contains("database \"") && full.contains("does not exist") {
      return .noSuchDatabase(name: string(library.db(handle)), server: server)
    }
    return .cannotConnect(server: server, message: message)
  }

  /// The reason in libpq's connection message, on one line: what follows its last "failed: ",
  /// without the server's "FATAL:".
  static func reason(_ message: String) -> String {
    var line = Substring(message.split(separator: "\n").first ?? "")
    if let range = line.ranges(of: "failed: ").last { line = line[range.upperBound...] }
    if line.hasPrefix("FATAL:") { line = line.dropFirst("FATAL:".count) }
    let trimmed = line.drop(while: { $0 == " " })
    return trimmed.isEmpty ? "no reason given" : String(trimmed)
  }

  // MARK: Statements

  /// Runs one or more statements that take no arguments, and discards their rows.
  public func execute(_ sql: String) throws(PostgresError) {
    onStatement?(sql)
    tracer?(sql)
    let result = try check(library.exec(handle, sql), sql: sql)
    library.clear(result)
  }

  /// Runs `sql` with `arguments`, for its effect.
  public func run(_ sql: String, _ arguments: [SQLValue] = []) throws(PostgresError) {
    _ = try query(sql, arguments)
  }

  /// Rows changed by the latest INSERT, UPDATE or DELETE that ``run(_:_:)`` ran.
  public private(set) var changes = 0

  /// Every row of `sql`, each turned into a value by `decode`.
  public func all<T>(
    _ sql: String, _ arguments: [SQLValue] = [], _ decode: (PostgresRow) throws(PostgresError) -> T
  ) throws(PostgresError) -> [T] {
    let result = try query(sql, arguments)
    var rows: [T] = []
    rows.reserveCapacity(Int(result.rowCount))
    for row in 0..<result.rowCount { rows.append(try decode(PostgresRow(result: result, row: row))) }
    return rows
  }

  /// The first row of `sql`, if any.
  public func first<T>(
    _ sql: String, _ arguments: [SQLValue] = [], _ decode: (PostgresRow) throws(PostgresError) -> T
  ) throws(PostgresError) -> T? {
    let result = try query(sql, arguments)
    guard result.rowCount > 0 else { return nil }
    return try decode(PostgresRow(result: result, row: 0))
  }

  /// The integer in the first column of the first row, or nil.
  public func integer(_ sql: String, _ arguments: [SQLValue] = []) throws(PostgresError) -> Int64? {
    try first(sql, arguments) { row throws(PostgresError) in try row.optionalInteger(0) } ?? nil
  }

  /// `sql`'s placeholders as `$n`, translated once.
  func translated(_ sql: String) -> Placeholders {
    if let translation = translations[sql] { return translation }
    let translation = Placeholders(sqlite: sql)
    translations[sql] = translation
    return translation
  }

  /// Runs one statement with its arguments, as text parameters, and returns its rows: those that
  /// ``prefetch(_:)`` fetched for the same statement and arguments in this read, if any.
  func query(_ sql: String, _ arguments: [SQLValue]) throws(PostgresError) -> PostgresResult {
    if !prefetched.isEmpty,
      let index = prefetched.firstIndex(where: { $0.sql == sql && $0.arguments == arguments })
    {
      prefetchesUsed += 1
      let rows = prefetched.remove(at: index).rows
      changes = Int(string(library.cmdTuples(rows.handle))) ?? 0
      return rows
    }
    onStatement?(sql)
    tracer?(Placeholders(sqlite: sql, filling: arguments).sql)
    let (library, handle) = (self.library, self.handle)
    let result = try check(
      try withParameters(sql, arguments) { translation, values, types in
        library.execParams(handle, translation.sql, Int32(translation.count), types, values, nil, nil, 0)
      }, sql: sql)
    let rows = PostgresResult(library: library, handle: result)
    changes = Int(string(library.cmdTuples(result))) ?? 0
    return rows
  }

  /// Calls `body` with `sql` translated and `arguments` as libpq takes them: C strings that live
  /// until `body` returns (NULL for SQL's NULL), and the types of those the server cannot infer.
  func withParameters<R>(
    _ sql: String, _ arguments: [SQLValue],
    _ body: (Placeholders, UnsafePointer<UnsafePointer<CChar>?>?, UnsafePointer<UInt32>?) -> R
  ) throws(PostgresError) -> R {
    let translation = translated(sql)
    guard arguments.count == translation.count else {
      throw PostgresError.misuse(
        "internal: statement takes \(translation.count) arguments, got \(arguments.count): \(sql)")
    }
    for case .text(let text) in arguments where text.utf8.contains(0) {
      throw PostgresError.misuse("PostgreSQL's text cannot hold a NUL character: \(sql)")
    }
    // Each argument as a C string that lives until the call returns (NULL for SQL's NULL).
    let values: [UnsafeMutablePointer<CChar>?] = arguments.map { argument in
      switch argument {
      case .null: nil
      case .integer(let integer): strdup(String(integer))
      case .real(let real): strdup(Self.text(real))
      case .text(let text): strdup(text)
      }
    }
    defer { for value in values { free(value) } }
    for (argument, value) in zip(arguments, values) where argument != .null && value == nil {
      throw PostgresError.server(sqlstate: "53200", message: "out of memory", sql: sql)
    }
    let raw = values.map { UnsafePointer($0) }
    // 0 lets the server infer a parameter's type from the statement; 25 is text, for a parameter
    // that the statement only tests for NULL, whose type the server cannot infer.
    let texts = translation.onlyTestedForNull
    let types: [UInt32]? =
      texts.isEmpty ? nil : (1...max(1, translation.count)).map { texts.contains($0) ? 25 : 0 }
    return raw.withUnsafeBufferPointer { pointers in
      types.withOptionalPointer { types in body(translation, pointers.baseAddress, types) }
    }
  }

  // MARK: Statements sent ahead (PostgresConnection+Pipeline.swift)

  /// Results that ``prefetch(_:)`` fetched in the read under way, each waiting for the query that
  /// asks for the same statement with the same arguments; dropped when the read ends.
  var prefetched: [(sql: String, arguments: [SQLValue], rows: PostgresResult)] = []
  /// How many queries were answered by a statement sent ahead, and how many statements sent ahead
  /// were never asked for (work the server did for nothing): for the tests.
  public internal(set) var prefetchesUsed = 0
  public internal(set) var prefetchesUnused = 0

  /// A double as PostgreSQL's float8 input reads it back exactly.
  static func text(_ real: Double) -> String {
    if real.isNaN { return "NaN" }
    if real.isInfinite { return real < 0 ? "-Infinity" : "Infinity" }
    return "\(real)"
  }

  /// `result` if the statement succeeded; else it is cleared, and its error thrown.
  private func check(_ result: OpaquePointer?, sql: String) throws(PostgresError) -> OpaquePointer {
    guard let result else {
      if library.status(handle) != CONNECTION_OK {
        throw PostgresError.connectionLost(message: Self.reason(string(library.errorMessage(handle))))
      }
      throw PostgresError.server(sqlstate: "53200", message: "out of memory", sql: sql)
    }
    switch library.resultStatus(result) {
    case PGRES_COMMAND_OK, PGRES_TUPLES_OK, PGRES_EMPTY_QUERY: return result
    default:
      let error = self.error(result, sql: sql)
      library.clear(result)
      throw error
    }
  }

  /// The error that a failed result reports.
  func error(_ result: OpaquePointer, sql: String) -> PostgresError {
    let sqlstate = string(library.resultErrorField(result, Self.diagnosticSQLState))
    var message = string(library.resultErrorField(result, Self.diagnosticMessage))
    if message.isEmpty { message = Self.reason(string(library.resultErrorMessage(result))) }
    if library.status(handle) != CONNECTION_OK || sqlstate.hasPrefix("08") || sqlstate.hasPrefix("57P") {
      return .connectionLost(message: message)
    }
    switch sqlstate {
    case "42501": return .permissionDenied(message: message, sql: sql)
    case "40001", "40P01": return .serializationFailure(sqlstate: sqlstate, message: message, attempts: 1)
    default: return .server(sqlstate: sqlstate, message: message, sql: sql)
    }
  }

  /// PG_DIAG_SQLSTATE ('C') and PG_DIAG_MESSAGE_PRIMARY ('M'): character macros Swift cannot import.
  static let diagnosticSQLState = Int32(UInt8(ascii: "C"))
  static let diagnosticMessage = Int32(UInt8(ascii: "M"))

  // MARK: Transactions

  /// Runs `body` in one write transaction (`SERIALIZABLE`): all of it is written, or none.
  ///
  /// Accord's writers take turns, as on SQLite: each waits for the one before it to end (an
  /// advisory lock of this database's, ``writersLock``, held by the session around the transaction,
  /// so that a write's snapshot is taken once the write before it has committed). Every command
  /// opens a row of `command` that only one may hold open (`command_open`), so that writers at once
  /// would otherwise conflict, and most of them start again, with eight at once often five times.
  ///
  /// When a write still conflicts with another transaction (one of psql's, say: SQLSTATE 40001 or
  /// 40P01, at any statement or at the commit), all of it is rolled back and run again, up to
  /// ``maximumWriteAttempts`` times in all: `body` must do nothing outside the database that it
  /// cannot do twice. A write inside a write is a savepoint of it (not retried on its own: the
  /// outermost write is); a write inside a read is refused.
  public func write<T>(_ body: () throws -> T) throws -> T {
    switch transactionState {
    case .read: throw PostgresError.misuse("a write was asked for inside a read transaction")
    case .write: return try savepoint(body)
    case .none: break
    }
    try execute("SELECT pg_advisory_lock(\(Self.writersLock))")
    defer { try? execute("SELECT pg_advisory_unlock(\(Self.writersLock))") }
    var attempt = 1
    while true {
      do {
        return try writeOnce(body)
      } catch let error as PostgresError {
        guard case .serializationFailure(let sqlstate, let message, _) = error else { throw error }
        guard attempt < Self.maximumWriteAttempts else {
          throw PostgresError.serializationFailure(sqlstate: sqlstate, message: message, attempts: attempt)
        }
        attempt += 1
        // A short pause, longer each time and never the same for two writers, so that the
        // conflicting one finishes first.
        usleep(UInt32(attempt * 5_000 + Int.random(in: 0..<5_000)))
      }
    }
  }

  private func writeOnce<T>(_ body: () throws -> T) throws -> T {
    try outermostWrite(begin: "BEGIN ISOLATION LEVEL SERIALIZABLE") {
      try writeHooks?.begin(self)
      let result = try body()
      try writeHooks?.end(self)
      return result
    }
  }

  /// Runs `body` in one read transaction (`REPEATABLE READ READ ONLY`), so that every query in it
  /// sees the same snapshot. A read inside a read or a write joins it.
  ///
  /// `joiningAsWritten`: the planner makes the read's joins in the order written
  /// (`join_collapse_limit` 1, for this transaction alone, set as it begins), rather than weigh
  /// every order: for a search's hits, sixteen outer joins each a lookup by the row before it,
  /// planned in 27 ms otherwise, against 6 (`search '"security guarantees"'` on the bench corpus).
  /// A read inside a read or a write joins it as it is.
  public func read<T>(joiningAsWritten: Bool = false, _ body: () throws -> T) throws -> T {
    let begin =
      "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY"
      + (joiningAsWritten ? "; SET LOCAL join_collapse_limit = 1" : "")
    if transactionState == .none {
      readsBegun += 1
      defer {
        prefetchesUnused += prefetched.count
        prefetched.removeAll()
      }
      return try readTransaction(begin: begin, body)
    }
    return try readTransaction(begin: begin, body)
  }

  /// How many outermost reads this connection has begun.
  private var readsBegun = 0

  /// The read transaction this connection is in, by number; nil outside one (in a write, or in no
  /// transaction). Within one read every query sees one snapshot, which nothing can change (it is
  /// read-only): what was read in it holds until it ends.
  public var readSnapshot: Int? { transactionState == .read ? readsBegun : nil }

  package func executeFrame(_ sql: String) throws { try execute(sql) }

  package func undoIfOpen(_ undo: String) {
    let status = library.transactionStatus(handle)
    if status == PQTRANS_INTRANS || status == PQTRANS_INERROR {
      if let result = library.exec(handle, undo) { library.clear(result) }
    }
  }

  /// The server process serving this connection (for `pg_terminate_backend` and the like).
  public var backendPID: Int32 { library.backendPID(handle) }
}

/// What a connection runs at the start and at the end of each outermost write transaction.
public struct PostgresWriteHooks {
  public var begin: (PostgresConnection) throws -> Void
  public var end: (PostgresConnection) throws -> Void

  public init(
    begin: @escaping (PostgresConnection) throws -> Void, end: @escaping (PostgresConnection) throws -> Void
  ) {
    self.begin = begin
    self.end = end
  }
}

extension Optional where Wrapped == [UInt32] {
  /// Calls `body` with a pointer to the array's elements, or nil.
  fileprivate func withOptionalPointer<R>(_ body: (UnsafePointer<UInt32>?) throws -> R) rethrows -> R {
    guard let self else { return try body(nil) }
    return try self.withUnsafeBufferPointer { try body($0.baseAddress) }
  }
}
