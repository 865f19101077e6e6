/// One schema change: its number (migrations run in that order, each once), its name, its SQL.
public struct Migration: Sendable, Equatable {
  public let version: Int
  public let name: String
  public let sql: String

  public init(version: Int, name: String, sql: String) {
    self.version = version
    self.name = name
    self.sql = sql
  }
}

/// Brings a database's schema up to date, one migration at a time, each in its own transaction,
/// each recorded in `schema_migration` and in `PRAGMA user_version`. A database whose schema is
/// newer than the latest migration, or that holds another application's tables, is refused, never
/// touched.
public struct Migrator: Sendable {
  public let migrations: [Migration]
  /// The `PRAGMA application_id` that the migrations give a database (the first of them sets it):
  /// a database that has tables and another one is another application's.
  public let applicationID: Int64

  public init(migrations: [Migration], applicationID: Int64) {
    self.migrations = migrations
    self.applicationID = applicationID
  }

  public var latestVersion: Int { migrations.last?.version ?? 0 }

  /// The schema version recorded in the database.
  public static func version(of connection: Connection) throws(DatabaseError) -> Int {
    Int(try connection.integer("PRAGMA user_version") ?? 0)
  }

  /// Refuses to lay the schema over another application's database.
  package func checkIsOwnOrEmpty(_ connection: Connection) throws(DatabaseError) {
    let tables = try connection.integer("SELECT count(*) FROM sqlite_schema") ?? 0
    let application = try connection.integer("PRAGMA application_id") ?? 0
    if tables > 0 && application != applicationID {
      throw DatabaseError.anotherApplication(path: connection.path)
    }
  }

  /// Applies the migrations the database lacks, each in its own transaction. They run with
  /// foreign keys off, as SQLite's procedure for rebuilding a table asks
  /// (https://sqlite.org/lang_altertable.html#otheralter), and every foreign key is checked before
  /// each commits: a migration that would leave a dangling reference is rolled back. Throws
  /// ``DatabaseError``.
  public func migrate(_ connection: Connection) throws {
    let current = try Self.version(of: connection)
    if current == latestVersion { return }
    if current > latestVersion {
      throw DatabaseError.newerSchema(path: connection.path, version: current, latest: latestVersion)
    }
    if current == 0 {
      try checkIsOwnOrEmpty(connection)
    }
    let foreignKeys = try connection.integer("PRAGMA foreign_keys") ?? 0
    try connection.execute("PRAGMA foreign_keys = OFF")
    defer {
      try? connection.execute(foreignKeys == 0 ? "PRAGMA foreign_keys = OFF" : "PRAGMA foreign_keys = ON")
    }
    for migration in migrations where migration.version > current {
      try connection.write {
        // Re-read inside the write lock: another process may have migrated meanwhile.
        let version = try Self.version(of: connection)
        guard version < migration.version else { return }
        if version == 0 { try checkIsOwnOrEmpty(connection) }
        try connection.execute(
          """
          CREATE TABLE IF NOT EXISTS schema_migration (
            version INTEGER PRIMARY KEY,
            name TEXT NOT NULL,
            applied_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
          ) STRICT
          """)
        try connection.execute(migration.sql)
        if let dangling = try connection.first("PRAGMA foreign_key_check", [], { $0.text(0) }) {
          throw DatabaseError.danglingReference(
            path: connection.path, version: migration.version, name: migration.name, table: dangling)
        }
        try connection.insert(
          "INSERT INTO schema_migration (version, name) VALUES (?, ?)",
          [.integer(Int64(migration.version)), .text(migration.name)])
        try connection.execute("PRAGMA user_version = \(migration.version)")
      }
    }
  }
}
