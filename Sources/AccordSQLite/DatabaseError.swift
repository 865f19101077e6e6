import CSQLite

/// Everything that can go wrong in the database, in SQLite's terms (a team's server's failures come
/// as ``server(kind:code:message:)``, already worded): a statement that SQLite
/// refused, a file that it cannot open, a schema that the migrations cannot bring up to date, a
/// statement used in a way that it does not take. What a user is told is for the program above to
/// word (Accord's store says it as a `StoreError`).
public enum DatabaseError: Error, Equatable, CustomStringConvertible {
  /// SQLite refused: its result code (`SQLITE_FULL` for an I/O error that a full disk caused), its
  /// extended result code, its message, and the statement it refused (nil for none in particular).
  case sqlite(code: Int32, extendedCode: Int32, message: String, sql: String?)
  /// SQLite cannot open the file at `path`: its result code and its message.
  case cannotOpen(path: String, code: Int32, message: String)
  /// A statement used in a way that it does not take: arguments that do not match its
  /// placeholders, a column that its result does not have, NULL where a value must be.
  case misuse(String)
  /// The database at `path` has a schema (`PRAGMA user_version`) newer than the latest migration.
  case newerSchema(path: String, version: Int, latest: Int)
  /// The database at `path` holds another application's tables (another `PRAGMA application_id`).
  case anotherApplication(path: String)
  /// A migration (its version and name) would leave a row of `table` referring to nothing in the
  /// database at `path`: it was rolled back.
  case danglingReference(path: String, version: Int, name: String, table: String)
  /// A row holds, in a column of values from a fixed list (an enumeration's raw values), text
  /// that names none of them: written by a later version, or by hand.
  case unknownValue(table: String, id: Int64, column: String, value: String)
  /// A team's database server (PostgreSQL, through AccordPostgres) refused or failed: the kind of
  /// failure, the server's own code (an SQLSTATE, or "" for a failure of the connection), and the
  /// whole line a user is to read.
  case server(kind: Kind, code: String, message: String)

  /// The kind of failure that SQLite reported, by its result code; nil for failures that are not
  /// SQLite's own (a misuse, a schema that cannot be migrated).
  public var kind: Kind? {
    switch self {
    case .sqlite(let code, _, _, _), .cannotOpen(_, let code, _): Kind(code: code)
    case .server(let kind, _, _): kind
    default: nil
    }
  }

  /// True when another connection held the lock past the busy timeout.
  public var isBusy: Bool { kind == .busy }

  public var description: String {
    switch self {
    case .sqlite(_, _, let message, _): message
    case .cannotOpen(let path, _, let message): "cannot open \(path): \(message)"
    case .misuse(let message): message
    case .newerSchema(let path, let version, let latest):
      "\(path): schema version \(version) is newer than the latest migration (\(latest))"
    case .anotherApplication(let path): "\(path) is the database of another application"
    case .danglingReference(_, let version, let name, let table):
      "migration \(version) (\(name)) would leave a row of \(table) referring to nothing"
    case .unknownValue(let table, let id, let column, let value):
      "\(table) row \(id) has a \(column) this program does not know: '\(value)'"
    case .server(_, _, let message): message
    }
  }

  /// A kind of failure, by SQLite's primary result code.
  public enum Kind: Sendable, Equatable {
    /// `SQLITE_BUSY`, `SQLITE_LOCKED`: another connection holds the lock.
    case busy
    /// `SQLITE_READONLY`.
    case readOnly
    /// `SQLITE_FULL`: the disk (or the database's page limit) is full.
    case diskFull
    /// `SQLITE_NOTADB`: the file is not an SQLite database.
    case notADatabase
    /// `SQLITE_CORRUPT`: the database file is damaged.
    case corrupt
    /// `SQLITE_CANTOPEN`: the file or its folder cannot be opened.
    case cannotOpen
    /// `SQLITE_PERM`, `SQLITE_AUTH`.
    case permission
    /// `SQLITE_IOERR`.
    case ioError
    /// `SQLITE_CONSTRAINT`: a constraint or a trigger of the schema refused the change.
    case constraint
    /// Any other result code.
    case other

    public init(code: Int32) {
      switch code & 0xff {
      case SQLITE_BUSY, SQLITE_LOCKED: self = .busy
      case SQLITE_READONLY: self = .readOnly
      case SQLITE_FULL: self = .diskFull
      case SQLITE_NOTADB: self = .notADatabase
      case SQLITE_CORRUPT: self = .corrupt
      case SQLITE_CANTOPEN: self = .cannotOpen
      case SQLITE_PERM, SQLITE_AUTH: self = .permission
      case SQLITE_IOERR: self = .ioError
      case SQLITE_CONSTRAINT: self = .constraint
      default: self = .other
      }
    }
  }
}

/// An error type that a ``DatabaseError`` converts to: the error type of code that throws its own
/// errors, typed, and calls the database on the way. A decoder of rows may throw it (see
/// ``Connection/all(_:_:_:)``), and ``catching(_:)`` converts what a call throws.
public protocol DatabaseErrorConvertible: Error {
  init(_ error: DatabaseError)
}

extension DatabaseErrorConvertible {
  /// `body`'s value; its error converted.
  @inlinable public static func catching<T>(_ body: @autoclosure () throws(DatabaseError) -> T) throws(Self)
    -> T
  {
    do {
      return try body()
    } catch {
      throw Self(error)
    }
  }
}

extension DatabaseError: DatabaseErrorConvertible {
  public init(_ error: DatabaseError) { self = error }
}

/// SQLite's extended result codes that Swift cannot import (they are macro expressions).
package enum ExtendedCode {
  /// `SQLITE_CONSTRAINT`, the primary code of each of the constraint codes below.
  package static let constraint: Int32 = SQLITE_CONSTRAINT
  package static let constraintCheck: Int32 = SQLITE_CONSTRAINT | (1 << 8)
  package static let constraintForeignKey: Int32 = SQLITE_CONSTRAINT | (3 << 8)
  package static let constraintNotNull: Int32 = SQLITE_CONSTRAINT | (5 << 8)
  package static let constraintPrimaryKey: Int32 = SQLITE_CONSTRAINT | (6 << 8)
  package static let constraintTrigger: Int32 = SQLITE_CONSTRAINT | (7 << 8)
  package static let constraintUnique: Int32 = SQLITE_CONSTRAINT | (8 << 8)
  /// A hot WAL that a read-only connection cannot recover.
  package static let readOnlyRecovery: Int32 = SQLITE_READONLY | (1 << 8)
  /// A hot journal that a read-only connection cannot roll back.
  package static let readOnlyRollback: Int32 = SQLITE_READONLY | (3 << 8)
}
