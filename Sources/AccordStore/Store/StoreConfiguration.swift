#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// How a store is opened: the day it takes for today, the analyst its writes are attributed to,
/// and whether it traces its SQL. Designed after GRDB's `Configuration`: a plain value given to
/// the store when it opens. The store reads nothing from the environment; the command that opens
/// it makes one (the `accord` executable, from `$ACCORD_TODAY`, `$ACCORD_ANALYST` and
/// `$ACCORD_TRACE_SQL`).
public struct StoreConfiguration: Sendable, Equatable {
  /// The day that `today` and `yesterday` mean, and the default as-of day.
  public var today: Day
  /// The analyst to whom the store's writes are attributed on the change log.
  public var analyst: String
  /// Every statement the store runs, with its values filled in, on standard error, each ending in
  /// `;`: SQL that the `sqlite3` shell can run as it is (see ``SQLTrace``).
  public var tracesSQL: Bool

  /// Today by the machine's clock, the login name of this process's user, no trace: what a store
  /// made by a program (or a test) that says nothing else takes.
  public init(
    today: Day = .today(), analyst: String = StoreConfiguration.loginName(), tracesSQL: Bool = false
  ) {
    self.today = today
    self.analyst = analyst
    self.tracesSQL = tracesSQL
  }

  /// The login name of this process's user, from the password database; else "unknown".
  public static func loginName() -> String {
    if let entry = getpwuid(getuid()), let name = entry.pointee.pw_name {
      let login = String(cString: name)
      if !login.isEmpty { return login }
    }
    return "unknown"
  }
}
