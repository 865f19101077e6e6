import AccordSQLite

/// A team's PostgreSQL database as the store's ``Database``: ``PostgresConnection``'s statements,
/// rows and transactions, with its failures as ``DatabaseError``s. A refusal by a constraint or a
/// trigger of the schema comes in SQLite's terms, as the same refusal does from a file, so that the
/// store words it once; every other failure comes as ``DatabaseError/server(kind:code:message:)``,
/// with ``PostgresError``'s line.
public final class PostgresDatabase: Database {
  public let server: PostgresConnection
  public var engine: DatabaseEngine { .postgresql }
  public var name: String { server.database }
  /// Every statement on standard error, its values filled in (``PostgresConnection/tracer``), as
  /// a file traces them (SQLTrace).
  public var tracesSQL = false {
    didSet { server.tracer = tracesSQL ? { SQLTrace.write($0) } : nil }
  }
  public var onStatement: ((String) -> Void)? {
    didSet { server.onStatement = onStatement }
  }
  public var writeHooks: WriteHooks? {
    didSet {
      server.writeHooks = writeHooks.map { hooks in
        PostgresWriteHooks(
          begin: { [unowned self] _ in try hooks.begin(self) },
          end: { [unowned self] _ in try hooks.end(self) })
      }
    }
  }
  public var changes: Int { server.changes }

  public init(_ server: PostgresConnection) { self.server = server }

  /// Connects to the database at `url` (`postgresql://…`).
  public convenience init(url: String) throws(DatabaseError) {
    do {
      self.init(try PostgresConnection(url: url))
    } catch {
      throw Self.converted(error)
    }
  }

  public func execute(_ sql: String) throws(DatabaseError) {
    do { try server.execute(sql) } catch { throw Self.converted(error) }
  }

  public func run(_ sql: String, _ arguments: [SQLValue]) throws(DatabaseError) {
    do { try server.run(sql, arguments) } catch { throw Self.converted(error) }
  }

  /// The new row's id, by `RETURNING id`.
  @discardableResult
  public func insert(_ sql: String, _ arguments: [SQLValue]) throws(DatabaseError) -> Int64 {
    do {
      guard let id = try server.integer(sql + " RETURNING id", arguments) else {
        throw DatabaseError.misuse("internal: the INSERT gave no id: \(sql.prefix(80))…")
      }
      return id
    } catch let error as DatabaseError {
      throw error
    } catch let error as PostgresError {
      throw Self.converted(error)
    } catch {
      throw DatabaseError.misuse("\(error)")
    }
  }

  public func cursor(_ sql: String, _ arguments: [SQLValue]) throws(DatabaseError) -> RowCursor {
    let result: PostgresResult
    do { result = try server.query(sql, arguments) } catch { throw Self.converted(error) }
    let reader = PostgresRowReader(result: result, sql: sql)
    let statement = Statement(reader: reader)
    var next: Int32 = 0
    return RowCursor {
      guard next < result.rowCount else { return nil }
      reader.row = next
      next += 1
      return Row(statement: statement)
    }
  }

  public func forEachRow(
    _ sql: String, _ arguments: [SQLValue], _ body: (Row) throws(DatabaseError) -> Bool
  ) throws(DatabaseError) {
    let rows = try cursor(sql, arguments)
    while let row = try rows.next() {
      guard try body(row) else { return }
    }
  }

  /// One write transaction, run again when it conflicts with another writer (see
  /// ``PostgresConnection/write(_:)``).
  public func write<T>(_ body: () throws -> T) throws -> T {
    do {
      return try server.write {
        do {
          return try body()
        } catch let error as DatabaseError {
          // A conflict that the store's statements met, back in the terms that retry it.
          if case .server(_, let code, let message) = error, code == "40001" || code == "40P01" {
            throw PostgresError.serializationFailure(sqlstate: code, message: message, attempts: 1)
          }
          throw error
        }
      }
    } catch let error as PostgresError {
      throw Self.converted(error)
    }
  }

  public func read<T>(_ body: () throws -> T) throws -> T {
    do {
      return try server.read(body)
    } catch let error as PostgresError {
      throw Self.converted(error)
    }
  }

  public func readJoiningAsWritten<T>(_ body: () throws -> T) throws -> T {
    do {
      return try server.read(joiningAsWritten: true, body)
    } catch let error as PostgresError {
      throw Self.converted(error)
    }
  }

  /// Nothing is kept between statements: the server has no cheap count of other sessions' commits.
  /// The read transaction the connection is in: within one, nothing the store read can change (a
  /// read-only snapshot), so that it may keep what it read until the read ends; nil outside one.
  public func changeToken() throws(DatabaseError) -> [Int64]? { server.readSnapshot.map { [Int64($0)] } }

  public func prefetch(_ statements: [ReadStatement]) throws(DatabaseError) {
    do { try server.prefetch(statements) } catch { throw Self.converted(error) }
  }

  /// `error` in the store's terms.
  static func converted(_ error: PostgresError) -> DatabaseError {
    switch error {
    case .misuse(let message): return .misuse(message)
    case .newerSchema(let database, let version, let latest):
      return .newerSchema(path: database, version: version, latest: latest)
    case .anotherApplication(let database): return .anotherApplication(path: database)
    case .permissionDenied: return .server(kind: .permission, code: "42501", message: error.description)
    case .serializationFailure(let sqlstate, let message, let attempts):
      // One statement's conflict (attempts 1) keeps the server's words, for the write around it to
      // try again; a write given up says so.
      return .server(kind: .busy, code: sqlstate, message: attempts == 1 ? message : error.description)
    case .connectionLost: return .server(kind: .ioError, code: "", message: error.description)
    case .libraryMissing, .libraryIncomplete, .cannotConnect, .authenticationFailed, .noSuchDatabase:
      return .server(kind: .cannotOpen, code: "", message: error.description)
    case .server(let sqlstate, let message, let sql):
      // The schema's refusals, in the codes SQLite gives the same ones.
      let extended: Int32? =
        switch sqlstate {
        // A primary key's index is named TABLE_pkey (the baseline names none otherwise).
        case "23505" where message.contains("_pkey\""): ExtendedCode.constraintPrimaryKey
        case "23505": ExtendedCode.constraintUnique
        case "23503": ExtendedCode.constraintForeignKey
        case "23514": ExtendedCode.constraintCheck
        case "23502": ExtendedCode.constraintNotNull
        case "P0001": ExtendedCode.constraintTrigger
        default: nil
        }
      if let extended {
        return .sqlite(code: ExtendedCode.constraint, extendedCode: extended, message: message, sql: sql)
      }
      return .server(
        kind: sqlstate.hasPrefix("23") ? .constraint : .other, code: sqlstate, message: error.description)
    }
  }
}

/// The rows of one result, read one at a time as ``Row``s, with values as SQLite gives them.
final class PostgresRowReader: RowReader {
  let result: PostgresResult
  let sql: String
  var row: Int32 = 0

  init(result: PostgresResult, sql: String) {
    self.result = result
    self.sql = sql
  }

  private var current: PostgresRow { PostgresRow(result: result, row: row) }

  private(set) lazy var columnNames: [String] = (0..<result.columnCount).map { current.name($0) }

  func isNull(_ column: Int32) -> Bool { current.isNull(column) }

  func text(_ column: Int32) -> String? { current.optionalText(column) }

  /// A whole number; a boolean as 0 or 1; anything else as SQLite would read it: a number's whole
  /// part, else 0.
  func integer(_ column: Int32) -> Int64 {
    if let value = try? current.optionalInteger(column) { return value }
    if let real = Double(current.text(column)), real.isFinite, real.magnitude < 9.2e18 { return Int64(real) }
    return 0
  }

  func value(_ column: Int32) -> SQLValue { current.value(column) }
}
