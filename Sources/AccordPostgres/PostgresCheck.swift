import AccordSQLite

/// `accord check` on a team's PostgreSQL database: is it an Accord database at this Accord's schema
/// version, and do the safeguards its schema made still hold?
///
/// The server keeps the rest itself (pages, foreign keys and CHECK constraints are enforced on
/// every write, unlike a file another program may have written), so the check asks what can be
/// undone behind Accord's back by the database's owner: a trigger disabled (any of them), the
/// history triggers of a table or the refusals of the two logs dropped, a constraint added
/// `NOT VALID`, a role missing or given more than it should have. It only reads, in one read-only
/// transaction.
public enum PostgresCheck {
  /// What is wrong, one line each (empty when all is well), in the words of `accord check`.
  public static func run(_ connection: PostgresConnection, migrator: PostgresMigrator = .embedded) throws
    -> [String]
  {
    try connection.read {
      var problems: [String] = []
      let version: Int
      do {
        version = try PostgresMigrator.version(of: connection)
      } catch PostgresError.anotherApplication {
        return ["database: it is the database of another application (it has tables, and no Accord schema)"]
      }
      let latest = migrator.latestVersion
      if version == 0 {
        return ["schema: the database holds no Accord record yet; 'accord team init' makes one"]
      }
      if version > latest {
        return [
          "schema: version \(version) was made by a newer Accord (this one knows up to \(latest)); upgrade Accord"
        ]
      }
      if version < latest {
        problems.append(
          "schema: version \(version) is behind this Accord's \(latest); 'accord team init' brings it up to date"
        )
      }
      problems += try triggers(connection)
      problems += try constraints(connection)
      problems += try roles(connection)
      return problems
    }
  }

  /// Tables whose rows are not the record (no history, no follow-up of ids).
  static let bookkeeping = [
    "accord_schema", "schema_migration", "command", "change_log", "bulk_write", "search",
  ]

  /// Every trigger there and enabled: each table of the record keeps its history, and the change
  /// log refuses every change.
  static func triggers(_ connection: PostgresConnection) throws -> [String] {
    var problems: [String] = []
    let disabled = try connection.all(
      """
      SELECT c.relname AS table_name, t.tgname AS trigger_name FROM pg_trigger t
      JOIN pg_class c ON c.oid = t.tgrelid
      WHERE c.relnamespace = current_schema()::regnamespace AND NOT t.tgisinternal AND t.tgenabled IN ('D', 'R')
      ORDER BY 1, 2
      """
    ) { row throws(PostgresError) in (try row.text("table_name"), try row.text("trigger_name")) }
    for (table, trigger) in disabled {
      problems.append(
        "trigger: \(trigger) on \(table) is disabled (or fires for replication only); the database's owner can enable it again"
      )
    }
    let logTriggers = try connection.all(
      """
      SELECT t.tgname AS name FROM pg_trigger t
      WHERE t.tgrelid IN (to_regclass('change_log'), to_regclass('command'), to_regclass('retraction'))
        AND NOT t.tgisinternal ORDER BY 1
      """
    ) { row throws(PostgresError) in try row.text("name") }
    for name in [
      "change_log_no_delete", "change_log_no_truncate", "change_log_no_update", "command_close_only",
      "command_no_delete", "command_no_truncate",
    ] where !logTriggers.contains(name) {
      let log = name.hasPrefix("command") ? "the command log" : "the change log"
      problems.append("trigger: \(name) is missing: \(log) can be changed; 'accord team init' cannot mend it")
    }
    // Who the logs name (0016).
    for name in [
      "change_log_is_the_logins", "command_analyst_is_the_login", "retraction_analyst_is_the_login",
    ]
    where !logTriggers.contains(name) {
      problems.append(
        "trigger: \(name) is missing: a writer can log work in another analyst's name; 'accord team init' cannot mend it"
      )
    }
    // Each table of the record: its three history triggers.
    let tables = try connection.all(
      """
      SELECT c.relname AS name,
        (SELECT count(*) FROM pg_trigger t JOIN pg_proc p ON p.oid = t.tgfoid
         WHERE t.tgrelid = c.oid AND p.proname = 'accord_history') AS history
      FROM pg_class c
      WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind = 'r'
      ORDER BY 1
      """
    ) { row throws(PostgresError) in (try row.text("name"), try row.integer("history")) }
    for (table, history) in tables where !bookkeeping.contains(table) && history < 3 {
      problems.append("trigger: \(table) keeps no full history (\(history) of its 3 history triggers)")
    }
    return problems
  }

  /// Every constraint validated: one added `NOT VALID` holds for new rows only.
  static func constraints(_ connection: PostgresConnection) throws -> [String] {
    try connection.all(
      """
      SELECT c.relname AS table_name, k.conname AS name FROM pg_constraint k
      JOIN pg_class c ON c.oid = k.conrelid
      WHERE c.relnamespace = current_schema()::regnamespace AND NOT k.convalidated
      ORDER BY 1, 2
      """
    ) { row throws(PostgresError) in
      let table = try row.text("table_name")
      let name = try row.text("name")
      return
        "constraint: \(name) on \(table) is not validated: rows from before it may break it; the database's owner can validate it"
    }
  }

  /// The roles there, the reader writing nothing (not one column), and nobody but the owner and
  /// superusers able to change the log.
  static func roles(_ connection: PostgresConnection) throws -> [String] {
    var problems: [String] = []
    let present = try connection.all(
      "SELECT rolname FROM pg_roles WHERE rolname IN ('accord_reader', 'accord_writer') ORDER BY 1"
    ) { row throws(PostgresError) in try row.text("rolname") }
    for role in ["accord_reader", "accord_writer"] where !present.contains(role) {
      problems.append("roles: \(role) is missing; 'accord team init' makes it")
    }
    guard present.count == 2 else { return problems }
    let writable = try connection.all(
      """
      SELECT c.relname AS name FROM pg_class c
      WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind IN ('r', 'v', 'p')
        AND (has_any_column_privilege('accord_reader', c.oid, 'INSERT')
          OR has_any_column_privilege('accord_reader', c.oid, 'UPDATE')
          OR has_table_privilege('accord_reader', c.oid, 'DELETE')
          OR has_table_privilege('accord_reader', c.oid, 'TRUNCATE'))
      ORDER BY 1
      """
    ) { row throws(PostgresError) in try row.text("name") }
    if !writable.isEmpty {
      problems.append(
        "roles: accord_reader may write to \(writable.joined(separator: ", ")); 'accord team init' takes it back"
      )
    }
    let logChangers = try connection.all(
      """
      SELECT r.rolname FROM pg_roles r
      WHERE NOT r.rolsuper AND left(r.rolname, 3) <> 'pg_'
        AND r.oid <> (SELECT relowner FROM pg_class WHERE oid = to_regclass('change_log'))
        AND (has_any_column_privilege(r.oid, 'change_log', 'UPDATE')
          OR has_table_privilege(r.oid, 'change_log', 'DELETE') OR has_table_privilege(r.oid, 'change_log', 'TRUNCATE'))
      ORDER BY 1
      """
    ) { row throws(PostgresError) in try row.text("rolname") }
    for role in logChangers {
      let mend =
        role.hasPrefix("accord_") ? "'accord team init' takes it back" : "the database's owner can revoke it"
      problems.append("roles: \(role) may change the change log; \(mend)")
    }
    return problems
  }
}
