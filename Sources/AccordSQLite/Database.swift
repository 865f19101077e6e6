/// A connection to an Accord database, whichever engine holds it: what the store runs its
/// statements on. ``Connection`` is SQLite's, the embedded default; AccordPostgres's
/// `PostgresDatabase` is a team's PostgreSQL server.
///
/// A statement is written once, in SQLite's words with `?` placeholders; the few words that differ
/// by engine the store takes from its dialect (``engine``), in one place per query. Rows come as
/// ``Row`` on both engines, and every failure as a ``DatabaseError``.
public protocol Database: AnyObject {
  /// Which engine this is, for the words of SQL that differ.
  var engine: DatabaseEngine { get }
  /// What the user named: a file's path, or a server's database.
  var name: String { get }
  /// Called with the SQL of every statement run: for tests (query plans, crash points) and tracing.
  var onStatement: ((String) -> Void)? { get set }
  /// Every statement on standard error, with its values (``SQLTrace``).
  var tracesSQL: Bool { get set }
  /// What each outermost write runs first and last.
  var writeHooks: WriteHooks? { get set }
  /// Rows changed by the latest INSERT, UPDATE or DELETE.
  var changes: Int { get }

  /// Runs one or more statements that take no arguments and return no rows.
  func execute(_ sql: String) throws(DatabaseError)
  /// Runs `sql` with `arguments`, for its effect.
  func run(_ sql: String, _ arguments: [SQLValue]) throws(DatabaseError)
  /// Runs an INSERT into a table keyed by `id` and returns the new row's id.
  @discardableResult
  func insert(_ sql: String, _ arguments: [SQLValue]) throws(DatabaseError) -> Int64
  /// The rows of `sql`, to read one at a time (``RowCursor``).
  func cursor(_ sql: String, _ arguments: [SQLValue]) throws(DatabaseError) -> RowCursor
  /// Calls `body` with each row of `sql` until it returns false.
  func forEachRow(_ sql: String, _ arguments: [SQLValue], _ body: (Row) throws(DatabaseError) -> Bool)
    throws(DatabaseError)
  /// Runs `body` in one write transaction: all of it is written, or none. A write inside a write
  /// is a savepoint of it.
  func write<T>(_ body: () throws -> T) throws -> T
  /// Runs `body` in one read transaction, so that every query in it sees the same snapshot.
  func read<T>(_ body: () throws -> T) throws -> T
  /// Runs `body` in one read transaction, as ``read(_:)``, whose statements make their joins in
  /// the order written: for a statement of many outer joins, each a lookup of the row before it,
  /// whose best order is the written one, and among whose orders a planner that weighs every one
  /// would search at length (PostgreSQL's; SQLite's does not, and reads as ``read(_:)``). Inside
  /// another read or a write, `body` joins it as it is.
  func readJoiningAsWritten<T>(_ body: () throws -> T) throws -> T
  /// A value that changes whenever the database may have changed (a write of this connection or
  /// a commit of another), so that answers read once can be kept until then; nil when the engine
  /// cannot say, and nothing is to be kept.
  func changeToken() throws(DatabaseError) -> [Int64]?
  /// Sends `statements` ahead, where the engine gains by it, so that the queries of this read that
  /// ask for them (the same SQL, the same arguments) find their rows waiting: on a team's server,
  /// one round trip for them all. A file runs each when asked, and does nothing here.
  func prefetch(_ statements: [ReadStatement]) throws(DatabaseError)
}

/// A statement and its arguments, to send ahead (``Database/prefetch(_:)``).
public struct ReadStatement: Sendable, Equatable {
  public let sql: String
  public let arguments: [SQLValue]

  public init(_ sql: String, _ arguments: [SQLValue] = []) {
    self.sql = sql
    self.arguments = arguments
  }
}

/// The engines Accord runs on.
public enum DatabaseEngine: Sendable, Equatable {
  case sqlite
  case postgresql
}

extension Database {
  public func prefetch(_ statements: [ReadStatement]) throws(DatabaseError) {}

  public func readJoiningAsWritten<T>(_ body: () throws -> T) throws -> T { try read(body) }

  public func run(_ sql: String) throws(DatabaseError) { try run(sql, []) }

  @discardableResult
  public func insert(_ sql: String) throws(DatabaseError) -> Int64 { try insert(sql, []) }

  /// Every row of `sql`, each turned into a value by `decode`. (Inlinable, so that the store's
  /// calls are specialized for their values. On an SQLite file they take Connection's own loop,
  /// where `decode` is inlined: through the protocol, each row would cost two calls more, which a
  /// listing of a hundred thousand rows measures: deals +5.6 % instructions. On another engine only
  /// the walk over the rows crosses the protocol.)
  @inlinable public func all<T>(
    _ sql: String, _ arguments: [SQLValue] = [], _ decode: (Row) throws(DatabaseError) -> T
  ) throws(DatabaseError) -> [T] {
    if let file = self as? Connection { return try file.rows(sql, arguments, decode) }
    var result: [T] = []
    try forEachRow(sql, arguments) { row throws(DatabaseError) in
      result.append(try decode(row))
      return true
    }
    return result
  }

  /// Every row of `sql`, each turned into a value by `decode`, which may refuse a row with an
  /// error of its own type: the database's own errors come converted to that type.
  @inlinable public func all<T, Failure: DatabaseErrorConvertible>(
    _ sql: String, _ arguments: [SQLValue] = [], _ decode: (Row) throws(Failure) -> T
  ) throws(Failure) -> [T] {
    if let file = self as? Connection { return try file.rows(sql, arguments, decode) }
    var result: [T] = []
    var failure: Failure?
    try Failure.catching(
      forEachRow(sql, arguments) { row throws(DatabaseError) in
        do throws(Failure) {
          result.append(try decode(row))
          return true
        } catch {
          failure = error
          return false
        }
      })
    if let failure { throw failure }
    return result
  }

  /// Every row of `statement`, each turned into a value by `decode`.
  @inlinable public func all<T>(_ statement: ReadStatement, _ decode: (Row) throws(DatabaseError) -> T)
    throws(DatabaseError) -> [T]
  {
    try all(statement.sql, statement.arguments, decode)
  }

  /// The first row of `statement`, if any.
  @inlinable public func first<T>(_ statement: ReadStatement, _ decode: (Row) throws(DatabaseError) -> T)
    throws(DatabaseError) -> T?
  {
    try first(statement.sql, statement.arguments, decode)
  }

  /// The first row of `sql`, if any.
  @inlinable public func first<T>(
    _ sql: String, _ arguments: [SQLValue] = [], _ decode: (Row) throws(DatabaseError) -> T
  ) throws(DatabaseError) -> T? {
    if let file = self as? Connection { return try file.firstRow(sql, arguments, decode) }
    var result: T?
    try forEachRow(sql, arguments) { row throws(DatabaseError) in
      result = try decode(row)
      return false
    }
    return result
  }

  /// The first row of `sql`, if any, turned into a value by `decode`, which may refuse it with an
  /// error of its own type.
  @inlinable public func first<T, Failure: DatabaseErrorConvertible>(
    _ sql: String, _ arguments: [SQLValue] = [], _ decode: (Row) throws(Failure) -> T
  ) throws(Failure) -> T? {
    if let file = self as? Connection { return try file.firstRow(sql, arguments, decode) }
    var result: Result<T, Failure>?
    try Failure.catching(
      forEachRow(sql, arguments) { row throws(DatabaseError) in
        result = Result { () throws(Failure) in try decode(row) }
        return false
      })
    return try result?.get()
  }

  /// Calls `body` with each row of `sql`; an error of `body` stops the walk and comes out as it is.
  @inlinable
  public func forEach(_ sql: String, _ arguments: [SQLValue] = [], _ body: (Row) throws -> Void) throws {
    if let file = self as? Connection {
      let statement = try file.prepared(sql, arguments)
      defer { statement.reset() }
      while try statement.step() { try body(Row(statement: statement)) }
      return
    }
    var failure: (any Error)?
    try forEachRow(sql, arguments) { row throws(DatabaseError) in
      do {
        try body(row)
        return true
      } catch {
        failure = error
        return false
      }
    }
    if let failure { throw failure }
  }

  /// The integer in the first column of the first row, or nil.
  public func integer(_ sql: String, _ arguments: [SQLValue] = []) throws(DatabaseError) -> Int64? {
    try first(sql, arguments) { $0.optionalInteger(0) } ?? nil
  }
}

/// The rows of one statement, read one at a time, as GRDB's cursors are:
/// `let rows = try database.cursor(sql, arguments); while let row = try rows.next() { … }`. A loop
/// that keeps state from row to row reads them so, without a closure around its state.
public final class RowCursor {
  private let statement: Statement?
  private let following: (() -> Row?)?

  /// The rows of a statement that SQLite steps.
  init(statement: Statement) {
    self.statement = statement
    following = nil
  }

  /// The rows that `following` gives, one a call, until nil (another engine's result).
  public init(following: @escaping () -> Row?) {
    statement = nil
    self.following = following
  }

  deinit { statement?.reset() }

  /// The next row; nil after the last.
  public func next() throws(DatabaseError) -> Row? {
    if let statement { return try statement.step() ? Row(statement: statement) : nil }
    return following?()
  }
}

extension Connection: Database {
  public var engine: DatabaseEngine { .sqlite }
  public var name: String { path }

  public func cursor(_ sql: String, _ arguments: [SQLValue]) throws(DatabaseError) -> RowCursor {
    RowCursor(statement: try prepared(sql, arguments))
  }

  public func forEachRow(
    _ sql: String, _ arguments: [SQLValue], _ body: (Row) throws(DatabaseError) -> Bool
  ) throws(DatabaseError) {
    let statement = try prepared(sql, arguments)
    defer { statement.reset() }
    while try statement.step() {
      guard try body(Row(statement: statement)) else { return }
    }
  }

  /// SQLite's count of commits by any connection (`PRAGMA data_version`), and this connection's
  /// own changes.
  public func changeToken() throws(DatabaseError) -> [Int64]? {
    [try integer("PRAGMA data_version") ?? 0, totalChanges]
  }
}
