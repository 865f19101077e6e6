/// Everything that can go wrong with a PostgreSQL database, each with a one-line description a
/// user can act on: the server cannot be reached, it refused the sign-in or the database, the role
/// may not do what was asked, a write conflicted with another, the connection was lost, the schema
/// is not one this Accord can use; and, for the rest, the server's SQLSTATE and message.
public enum PostgresError: Error, Equatable, CustomStringConvertible {
  /// libpq.so.5 cannot be loaded.
  case libraryMissing
  /// libpq.so.5 was loaded but lacks a function Accord uses (a libpq older than 10).
  case libraryIncomplete(symbol: String)
  /// No server answered at `server` (not running, refused, unknown host, timed out): libpq's message.
  case cannotConnect(server: String, message: String)
  /// The server refused to let `user` sign in: a wrong or missing password, a role that does not
  /// exist or may not log in (the server's message says which).
  case authenticationFailed(user: String, server: String, message: String)
  /// There is no database called `name` on `server`.
  case noSuchDatabase(name: String, server: String)
  /// The role may not do that (SQLSTATE 42501): a reader who tries to write, for one.
  case permissionDenied(message: String, sql: String?)
  /// A write conflicted with another one (SQLSTATE 40001, or a deadlock: 40P01), and went on
  /// conflicting after `attempts` tries.
  case serializationFailure(sqlstate: String, message: String, attempts: Int)
  /// The connection to the server was lost (the server shut down, the backend was terminated, the
  /// network went away) mid-command.
  case connectionLost(message: String)
  /// The database's schema (`accord_schema.version`) is newer than the latest migration this
  /// Accord carries.
  case newerSchema(database: String, version: Int, latest: Int)
  /// The database has tables, and they are not Accord's (no `accord_schema`, or another mark).
  case anotherApplication(database: String)
  /// A statement used in a way that it does not take: arguments that do not match its placeholders,
  /// a column that its result does not have, NULL where a value must be, a value of another type.
  case misuse(String)
  /// Any other refusal of the server: its SQLSTATE, its message, the statement it refused.
  case server(sqlstate: String, message: String, sql: String?)

  /// The SQLSTATE of an error that the server reported with one.
  public var sqlstate: String? {
    switch self {
    case .permissionDenied: "42501"
    case .serializationFailure(let sqlstate, _, _), .server(let sqlstate, _, _): sqlstate
    default: nil
    }
  }

  /// True for a failure that running the whole transaction again can cure (40001, 40P01).
  public var isRetryable: Bool {
    if case .serializationFailure = self { return true }
    return false
  }

  public var description: String {
    switch self {
    case .libraryMissing:
      "PostgreSQL's client library (\(LibPQ.fileName)) is not installed: on Debian, apt-get install libpq5"
    case .libraryIncomplete(let symbol):
      "PostgreSQL's client library (\(LibPQ.fileName)) has no \(symbol): install libpq 10 or later"
    case .cannotConnect(let server, let message):
      "cannot connect to PostgreSQL at \(server): \(message): is the server running there, and the address right?"
    case .authenticationFailed(let user, let server, let message):
      "PostgreSQL at \(server) refused to sign in \(user): \(message): check the user and the password (PGPASSWORD or ~/.pgpass)"
    case .noSuchDatabase(let name, let server):
      "there is no database \(name) on the PostgreSQL server at \(server): check its name, or create it (createdb \(name))"
    case .permissionDenied(let message, _):
      "\(message): this role may not do that (a member of accord_reader only reads); ask the database's owner"
    case .serializationFailure(_, let message, let attempts):
      "\(message): the write conflicted with others \(attempts) times and was given up; run it again"
    case .connectionLost(let message):
      "the connection to PostgreSQL was lost mid-command (\(message)): check the server, then run the command again"
    case .newerSchema(let database, let version, let latest):
      "\(database): schema version \(version) is newer than the latest migration (\(latest)): use a newer Accord"
    case .anotherApplication(let database):
      "\(database) is the database of another application (it has tables, and no Accord schema): use an empty database"
    case .misuse(let message): message
    case .server(let sqlstate, let message, _): "\(message) (SQLSTATE \(sqlstate))"
    }
  }
}
