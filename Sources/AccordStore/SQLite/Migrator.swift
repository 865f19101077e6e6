/// One schema change: a file `Migrations/NNNN_name.sql`, embedded at build time.
public struct Migration: Sendable, Equatable {
  public let version: Int
  public let name: String
  public let sql: String
}

/// Brings a database's schema up to date, one migration at a time, each in its own transaction,
/// each recorded in `schema_migration` and in `PRAGMA user_version`. A database made by a newer
/// Accord is refused, never touched.
public struct Migrator: Sendable {
  public let migrations: [Migration]

  public init(migrations: [Migration] = Migration.embedded) {
    self.migrations = migrations
  }

  public var latestVersion: Int { migrations.last?.version ?? 0 }

  /// The schema version recorded in the database.
  public static func version(of connection: Connection) throws(StoreError) -> Int {
    Int(try connection.integer("PRAGMA user_version") ?? 0)
  }

  /// 'ACCD': the `PRAGMA application_id` of every Accord database (set by the first migration).
  public static let applicationID: Int64 = 1_094_927_172

  /// Refuses to lay Accord's schema over another program's database.
  static func checkIsAccordOrEmpty(_ connection: Connection) throws(StoreError) {
    let tables = try connection.integer("SELECT count(*) FROM sqlite_schema") ?? 0
    let application = try connection.integer("PRAGMA application_id") ?? 0
    if tables > 0 && application != applicationID {
      throw StoreError.unusableFile(path: connection.path, .anotherProgramsDatabase)
    }
  }

  /// The refusal of a database made by a newer Accord.
  func newerSchema(_ current: Int, _ connection: Connection) -> StoreError {
    StoreError.cannotOpen(
      path: connection.path,
      reason:
        "it was made by a newer Accord (schema version \(current); this one knows up to \(latestVersion)); upgrade Accord"
    )
  }

  /// Applies the migrations the database lacks, each in its own transaction. They run with
  /// foreign keys off, as SQLite's procedure for rebuilding a table asks
  /// (https://sqlite.org/lang_altertable.html#otheralter), and every foreign key is checked before
  /// each commits: a migration that would leave a dangling reference is rolled back.
  public func migrate(_ connection: Connection) throws {
    let current = try Self.version(of: connection)
    if current == latestVersion { return }
    if current > latestVersion { throw newerSchema(current, connection) }
    if current == 0 {
      try Self.checkIsAccordOrEmpty(connection)
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
        if version == 0 { try Self.checkIsAccordOrEmpty(connection) }
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
          throw StoreError.cannotOpen(
            path: connection.path,
            reason: "migration \(migration.version) (\(migration.name)) would leave a row of \(dangling) "
              + "referring to nothing; nothing was changed")
        }
        try connection.insert(
          "INSERT INTO schema_migration (version, name) VALUES (?, ?)",
          [.integer(Int64(migration.version)), .text(migration.name)])
        try connection.execute("PRAGMA user_version = \(migration.version)")
      }
    }
  }
}
