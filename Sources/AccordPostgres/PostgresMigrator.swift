import AccordSQLite

/// Brings a PostgreSQL database's schema up to date: on an empty database, the baseline
/// (`Migrations/postgres/0013_baseline.sql`) and any later migration; on an Accord database, the
/// migrations it lacks; each in its own transaction, each recorded in `schema_migration` and in
/// `accord_schema.version`. A database whose schema is newer than the latest migration, or that
/// holds tables that are not Accord's, is refused, never touched.
public struct PostgresMigrator: Sendable {
  public let migrations: [Migration]
  /// The SQL that makes the roles accord_reader and accord_writer and gives them their privileges.
  public let roles: String

  /// `accord_schema.application_id`: 'ACCD', as SQLite's `PRAGMA application_id`.
  public static let applicationID: Int64 = 1_094_927_172

  /// The migrations and the roles that this binary carries (`Migrations/postgres/`).
  public static let embedded = PostgresMigrator(
    migrations: PostgresMigrations.embedded, roles: PostgresMigrations.roles)

  public init(migrations: [Migration], roles: String) {
    self.migrations = migrations
    self.roles = roles
  }

  public var latestVersion: Int { migrations.last?.version ?? 0 }

  /// The schema version recorded in the database: 0 for an empty one. Throws
  /// ``PostgresError/anotherApplication(database:)`` for a database with tables that are not
  /// Accord's.
  public static func version(of connection: PostgresConnection) throws(PostgresError) -> Int {
    // Every command asks, so the usual answer costs one statement: outside a transaction, the
    // table is read straight away, and only a database without it (42P01) is looked at further.
    // Inside one, a refused statement would end the transaction, so the table is looked for first.
    if connection.transactionState == .none {
      do {
        return try recorded(connection)
      } catch let error where error.sqlstate == "42P01" {}
    }
    let accord = try connection.integer(
      "SELECT count(*) FROM pg_class WHERE oid = to_regclass('accord_schema')")
    guard accord == 1 else {
      let relations = try connection.integer(
        """
        SELECT count(*) FROM pg_class
        WHERE relnamespace = current_schema()::regnamespace AND relkind IN ('r', 'v', 'p', 'm', 'f')
        """)
      if (relations ?? 0) > 0 { throw PostgresError.anotherApplication(database: connection.database) }
      return 0
    }
    return try recorded(connection)
  }

  /// The version in `accord_schema`, whose application id must be Accord's.
  private static func recorded(_ connection: PostgresConnection) throws(PostgresError) -> Int {
    guard
      let (version, application) = try connection.first(
        "SELECT version, application_id FROM accord_schema", [],
        { row throws(PostgresError) in (try row.integer(0), try row.integer(1)) }),
      application == applicationID
    else {
      throw PostgresError.anotherApplication(database: connection.database)
    }
    return Int(version)
  }

  /// Applies the migrations the database lacks, each in its own transaction, holding an advisory
  /// lock from the reading of the version to the last commit: two processes that migrate at once
  /// apply each migration once (the second finds the schema up to date). The lock is the session's,
  /// taken before any transaction: a lock taken inside a `SERIALIZABLE` transaction would come
  /// after its snapshot, which would not see what the first process made. Throws ``PostgresError``.
  public func migrate(_ connection: PostgresConnection) throws {
    try connection.run("SELECT pg_advisory_lock(?)", [.integer(Self.applicationID)])
    defer { try? connection.run("SELECT pg_advisory_unlock(?)", [.integer(Self.applicationID)]) }
    let current = try Self.version(of: connection)
    if current == latestVersion { return }
    if current > latestVersion {
      throw PostgresError.newerSchema(database: connection.database, version: current, latest: latestVersion)
    }
    for migration in migrations where migration.version > current {
      try connection.write {
        try connection.execute(migration.sql)
        try connection.run(
          "INSERT INTO schema_migration (version, name) VALUES (?, ?) ON CONFLICT (version) DO NOTHING",
          [.integer(Int64(migration.version)), .text(migration.name)])
        try connection.run("UPDATE accord_schema SET version = ?", [.integer(Int64(migration.version))])
      }
    }
  }

  /// Makes the roles accord_reader and accord_writer if they are missing, and gives them their
  /// privileges on the schema as it is now (run it again after every migration). Needs the
  /// database's owner, and CREATEROLE the first time.
  ///
  /// Roles belong to the whole server: two databases set up at once may both find a role missing,
  /// and the second to make it is refused (23505 or 42710). Run again, it finds the role made.
  public func applyRoles(_ connection: PostgresConnection) throws {
    do {
      try connection.write { try connection.execute(roles) }
    } catch let error as PostgresError where ["23505", "42710"].contains(error.sqlstate ?? "") {
      try connection.write { try connection.execute(roles) }
    }
  }
}

extension PostgresMigrator {
  /// What ``initialize(_:)`` found and left.
  public struct Initialized: Sendable, Equatable {
    /// The schema version before: 0 for an empty database.
    public let before: Int
    /// The schema version now: the latest migration's.
    public let after: Int
  }

  /// Makes a team's database ready: the schema brought up to date (``migrate(_:)``), then the roles
  /// accord_reader and accord_writer made if missing and given their privileges on every table,
  /// view, sequence and function the schema now has (``applyRoles(_:)``). Running it again is
  /// harmless: it is how a database is brought up to a newer Accord's schema. Throws
  /// ``PostgresError``: above all ``PostgresError/permissionDenied(message:sql:)`` for a role that
  /// does not own the database or (the first time) may not create roles.
  public func initialize(_ connection: PostgresConnection) throws -> Initialized {
    let before = try Self.version(of: connection)
    try migrate(connection)
    try applyRoles(connection)
    return Initialized(before: before, after: try Self.version(of: connection))
  }
}
