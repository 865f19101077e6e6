import CSQLite

/// Everything that can go wrong in the store, in words an analyst can act on.
public enum StoreError: Error, CustomStringConvertible, Equatable {
  /// The user's input is malformed: a usage error (exit 64).
  case invalid(String)
  /// A name that matches nothing; `candidates` are the closest existing names.
  case notFound(kind: String, name: String, candidates: [String])
  /// A name that matches several records.
  case ambiguous(kind: String, name: String, matches: [String])
  /// The record contradicts what is there already (a duplicate, a broken reference).
  case conflict(String)
  /// The database file cannot be opened or is not one Accord can use.
  case cannotOpen(path: String, reason: String)
  /// A command that only reads was given a database that does not exist.
  case noRecord(path: String)
  /// Any other SQLite failure.
  case sqlite(code: Int32, extendedCode: Int32, message: String, sql: String?)

  /// True for errors in what the user typed, which exit with status 64.
  public var isUsageError: Bool {
    switch self {
    case .invalid: return true
    case .sqlite(_, let extended, let message, _) where extended == ExtendedCode.constraintTrigger:
      // The schema's rules for values (0010 dates, 0012 sizes) refuse what was typed wrong.
      return Self.valueRules.contains { message.contains($0) }
    default: return false
    }
  }

  /// Words of the messages of the schema's triggers that refuse a value (a date that does not
  /// exist, a text too long): a usage error, as the same value typed on the command line is.
  static let valueRules = ["a date is not a day that exists", "is longer than Accord keeps"]

  public var description: String {
    switch self {
    case .invalid(let message): return message
    case .notFound(let kind, let name, let candidates):
      let hint =
        candidates.isEmpty
        ? "see \(Self.listing(kind))"
        : "did you mean " + candidates.map { "'\($0)'" }.joined(separator: ", ") + "?"
      return "no \(kind) named '\(name)': \(hint)"
    case .ambiguous(let kind, let name, let matches):
      return "'\(name)' names more than one \(kind): "
        + matches.joined(separator: ", ") + "; use the id or number instead"
    case .conflict(let message): return message
    case .cannotOpen(let path, let reason): return "cannot open database \(path): \(reason)"
    case .noRecord(let path):
      return "no Accord record at \(path) (make one with 'accord init \(path)', or name another with --db)"
    case .sqlite(let code, let extended, let message, _):
      switch extended {
      case ExtendedCode.constraintUnique, ExtendedCode.constraintPrimaryKey:
        return "that record exists already (\(message))"
      case ExtendedCode.constraintForeignKey:
        return "that refers to a record that does not exist"
      case ExtendedCode.constraintCheck, ExtendedCode.constraintNotNull:
        return "a value is out of range (\(message))"
      default:
        return Self.describe(code: code, message: message)
      }
    }
  }

  /// The command that lists the records of a kind, for a "no such name" hint.
  static func listing(_ kind: String) -> String {
    switch kind {
    case "actor", "negotiation", "condition", "source": "'accord \(kind) list'"
    case "proposal": "'accord deals'"
    default: "'accord timeline NEGOTIATION'"
    }
  }

  static func describe(code: Int32, message: String) -> String {
    switch code & 0xff {
    case SQLITE_BUSY, SQLITE_LOCKED:
      return "the database is busy with another command; try again"
    case SQLITE_READONLY: return "the database is read-only (\(message))"
    case SQLITE_FULL: return "the disk is full; nothing was written"
    case SQLITE_NOTADB: return "the file is not an SQLite database"
    case SQLITE_CORRUPT: return "the database file is damaged (\(message)); see 'accord check'"
    case SQLITE_CANTOPEN: return "the file or its folder cannot be opened (\(message))"
    case SQLITE_PERM, SQLITE_AUTH: return "permission denied (\(message))"
    case SQLITE_IOERR: return "input/output error (\(message))"
    default: return message
    }
  }
}

/// SQLite's extended result codes that Swift cannot import (they are macro expressions).
package enum ExtendedCode {
  package static let constraintCheck: Int32 = SQLITE_CONSTRAINT | (1 << 8)
  package static let constraintForeignKey: Int32 = SQLITE_CONSTRAINT | (3 << 8)
  package static let constraintNotNull: Int32 = SQLITE_CONSTRAINT | (5 << 8)
  package static let constraintPrimaryKey: Int32 = SQLITE_CONSTRAINT | (6 << 8)
  package static let constraintTrigger: Int32 = SQLITE_CONSTRAINT | (7 << 8)
  package static let constraintUnique: Int32 = SQLITE_CONSTRAINT | (8 << 8)
}
