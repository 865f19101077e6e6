import AccordStore
import AccordSystem

/// What `accord` takes from its environment, and gives the store as plain values: the store reads
/// none of it. (Accord's own test switches are in ``TestHooks``; the terminal's width, `$COLUMNS`,
/// in ``Terminal``.)
enum AccordEnvironment {
  /// The variable `name`, or nil when it is not set.
  static func value(_ name: String) -> String? {
    System.environment(name)
  }

  /// How this process opens stores, read once: see ``storeConfiguration()``.
  static let configuration = storeConfiguration()

  /// The store's configuration as the environment says it:
  /// - today: `$ACCORD_TODAY` (YYYY-MM-DD) when it is a day, for reproducible reports and tests;
  ///   else the machine's clock;
  /// - the analyst: `$ACCORD_ANALYST`, else the login name (`$LOGNAME`, `$USER`, the password
  ///   database), else "unknown";
  /// - `ACCORD_TRACE_SQL=1`: every statement on standard error, as SQL for the `sqlite3` shell.
  static func storeConfiguration() -> StoreConfiguration {
    let today = value("ACCORD_TODAY").flatMap { Day(iso: $0) } ?? .today()
    let named = ["ACCORD_ANALYST", "LOGNAME", "USER"].lazy.compactMap(value).first { !$0.isEmpty }
    return StoreConfiguration(
      today: today, analyst: named ?? StoreConfiguration.loginName(),
      tracesSQL: value("ACCORD_TRACE_SQL") == "1")
  }

  /// Where the database lives: `--db PATH` (`explicit`), else `$ACCORD_DB`, else
  /// `$XDG_DATA_HOME/accord/accord.sqlite` (`~/.local/share/accord/accord.sqlite` when unset).
  static func databasePath(explicit: String?) -> String {
    if let explicit, !explicit.isEmpty { return explicit }
    if let path = value("ACCORD_DB"), !path.isEmpty { return path }
    return defaultFile()
  }

  /// `$XDG_DATA_HOME/accord/accord.sqlite` (`~/.local/share/accord/accord.sqlite` when unset): the
  /// database when none is named, and the folder of the worked example's.
  static func defaultFile() -> String {
    if let data = value("XDG_DATA_HOME"), !data.isEmpty { return data + "/accord/accord.sqlite" }
    let home = value("HOME") ?? "."
    return home + "/.local/share/accord/accord.sqlite"
  }
}
