import AccordPostgres
import AccordSQLite
import Foundation
import Testing

@Suite(.enabled(if: TestServer.isSet)) struct MigratorTests {
  private func tables(_ connection: PostgresConnection) throws -> [String] {
    try connection.all(
      "SELECT tablename FROM pg_tables WHERE schemaname = current_schema() ORDER BY tablename"
    ) { row in row.text(0) }
  }

  @Test func anEmptyDatabaseIsMigratedToTheBaselineAndTwiceChangesNothing() throws {
    try withDatabase(migrated: false) { database in
      let connection = try database.connect()
      #expect(try PostgresMigrator.version(of: connection) == 0)
      try PostgresMigrator.embedded.migrate(connection)
      #expect(PostgresMigrator.embedded.latestVersion == 17)
      #expect(try PostgresMigrator.version(of: connection) == PostgresMigrator.embedded.latestVersion)
      #expect(
        try connection.integer("SELECT version FROM accord_schema")
          == Int64(PostgresMigrator.embedded.latestVersion))
      let made = try tables(connection)
      for table in ["accord_schema", "schema_migration", "negotiation", "proposal", "command", "change_log"] {
        #expect(made.contains(table), "no table \(table)")
      }
      let migrations = try connection.all("SELECT version, name FROM schema_migration ORDER BY version") {
        row throws(PostgresError) in "\(try row.integer(0)) \(row.text(1))"
      }
      #expect(
        migrations == [
          "13 baseline", "14 long_row_keys", "15 shared_statements", "16 analyst_is_the_login",
          "17 development_order",
        ])

      try PostgresMigrator.embedded.migrate(connection)
      #expect(try tables(connection) == made)
      #expect(try connection.integer("SELECT count(*) FROM schema_migration") == 5)
      #expect(try PostgresMigrator.version(of: connection) == PostgresMigrator.embedded.latestVersion)
    }
  }

  @Test func aLaterMigrationIsAppliedAndRecorded() throws {
    try withDatabase { database in
      let connection = try database.connect()
      let later = PostgresMigrator(
        migrations: PostgresMigrator.embedded.migrations + [
          Migration(version: 18, name: "notes", sql: "CREATE TABLE note (id bigint PRIMARY KEY)")
        ], roles: "")
      try later.migrate(connection)
      #expect(try PostgresMigrator.version(of: connection) == 18)
      #expect(try tables(connection).contains("note"))
      #expect(
        try connection.integer("SELECT count(*) FROM schema_migration WHERE version = 18 AND name = 'notes'")
          == 1)
    }
  }

  @Test func aNewerSchemaIsRefusedUntouched() throws {
    try withDatabase { database in
      let connection = try database.connect()
      let latest = PostgresMigrator.embedded.latestVersion
      try connection.run("UPDATE accord_schema SET version = ?", [.integer(Int64(latest + 1))])
      let error = #expect(throws: PostgresError.self) { try PostgresMigrator.embedded.migrate(connection) }
      #expect(error == .newerSchema(database: connection.database, version: latest + 1, latest: latest))
      #expect(
        error?.description
          == "\(connection.database): schema version \(latest + 1) is newer than the latest migration (\(latest)): use a newer Accord"
      )
      #expect(try connection.integer("SELECT version FROM accord_schema") == Int64(latest + 1))
    }
  }

  @Test func anotherApplicationsDatabaseIsRefusedUntouched() throws {
    try withDatabase(migrated: false) { database in
      let connection = try database.connect()
      try connection.execute("CREATE TABLE invoices (id bigint)")
      let error = #expect(throws: PostgresError.self) { try PostgresMigrator.embedded.migrate(connection) }
      #expect(error == .anotherApplication(database: connection.database))
      #expect(try tables(connection) == ["invoices"])
    }
  }

  @Test func theChangeLogRefusesAnUpdate() throws {
    try withDatabase { database in
      let connection = try database.connect()
      try connection.write {
        try connection.run(
          "INSERT INTO change_log (table_name, row_key, operation) VALUES (?, ?, ?)",
          ["negotiation", "[1]", "insert"])
      }
      let error = #expect(throws: PostgresError.self) {
        try connection.write { try connection.run("UPDATE change_log SET table_name = ?", ["actor"]) }
      }
      #expect(
        error
          == .server(
            sqlstate: "23514", message: "the change log is append-only",
            sql: "UPDATE change_log SET table_name = ?"))
      #expect(try connection.integer("SELECT count(*) FROM change_log WHERE table_name = 'negotiation'") == 1)
    }
  }

  @Test func aReaderCannotWrite() throws {
    try withDatabase { database in
      let owner = try database.connect()
      try PostgresMigrator.embedded.applyRoles(owner)
      let reader = TestServer.uniqueName("accord_test_reader")
      let admin = try TestServer.admin()
      try admin.execute("CREATE ROLE \(reader) LOGIN IN ROLE accord_reader")
      defer {
        try? admin.execute("DROP DATABASE IF EXISTS \(database.name) WITH (FORCE)")
        try? admin.execute("DROP ROLE IF EXISTS \(reader)")
      }
      let connection = try PostgresConnection(url: TestServer.url(database: database.name, user: reader))
      #expect(
        try connection.integer("SELECT version FROM accord_schema")
          == Int64(PostgresMigrator.embedded.latestVersion))
      let error = #expect(throws: PostgresError.self) {
        try connection.write {
          try connection.run("INSERT INTO negotiation (title) VALUES (?)", ["Minerals"])
        }
      }
      guard case .permissionDenied(let message, _) = error else {
        Issue.record("expected permissionDenied, got \(String(describing: error))")
        return
      }
      #expect(message == "permission denied for table negotiation")
      #expect(error?.description.contains("a member of accord_reader only reads") == true)
    }
  }
}

@Suite(.enabled(if: TestServer.isSet)) struct RetryTests {
  /// `first` reads the counter in its snapshot; `second` then changes it and commits; `first`'s
  /// update of the same row is a serialization failure (40001) every time `interfere` says so.
  private func provoke(_ database: TestDatabase, interfere: @escaping (Int) -> Bool) throws -> (Int, Int64?) {
    let first = try database.connect()
    let second = try database.connect()
    try first.execute("CREATE TABLE counter (id bigint PRIMARY KEY, n bigint NOT NULL)")
    try first.execute("INSERT INTO counter VALUES (1, 0)")
    var attempts = 0
    do {
      try first.write {
        attempts += 1
        let n = try first.integer("SELECT n FROM counter WHERE id = 1") ?? 0
        if interfere(attempts) { try second.run("UPDATE counter SET n = n + 100 WHERE id = 1") }
        try first.run("UPDATE counter SET n = ? WHERE id = 1", [.integer(n + 1)])
      }
    }
    return (attempts, try first.integer("SELECT n FROM counter WHERE id = 1"))
  }

  @Test func aSerializationFailureIsRetried() throws {
    try withDatabase(migrated: false) { database in
      let (attempts, n) = try provoke(database) { $0 == 1 }
      #expect(attempts == 2)
      #expect(n == 101)
    }
  }

  @Test func aWriteThatKeepsConflictingIsGivenUp() throws {
    try withDatabase(migrated: false) { database in
      let error = #expect(throws: PostgresError.self) { try provoke(database) { _ in true } }
      guard case .serializationFailure(let sqlstate, _, let attempts) = error else {
        Issue.record("expected serializationFailure, got \(String(describing: error))")
        return
      }
      #expect(sqlstate == "40001")
      #expect(attempts == PostgresConnection.maximumWriteAttempts)
    }
  }

  @Test func anInjectedDeadlockIsRetriedAndOtherErrorsAreNot() throws {
    try withDatabase(migrated: false) { database in
      let connection = try database.connect()
      var attempts = 0
      let result = try connection.write {
        attempts += 1
        if attempts < 3 {
          throw PostgresError.serializationFailure(
            sqlstate: "40P01", message: "deadlock detected", attempts: 1)
        }
        return try connection.integer("SELECT 7")
      }
      #expect(result == 7)
      #expect(attempts == 3)
      attempts = 0
      #expect(throws: PostgresError.self) {
        try connection.write {
          attempts += 1
          try connection.run("SELECT 1/0")
        }
      }
      #expect(attempts == 1)
    }
  }
}

@Suite(.enabled(if: TestServer.isSet)) struct ConcurrentMigrationTests {
  @Test func threeConnectionsMigratingAtOnceApplyTheBaselineOnce() throws {
    try withDatabase(migrated: false) { database in
      let url = database.url
      let failures = Failures()
      DispatchQueue.concurrentPerform(iterations: 3) { _ in
        do {
          try PostgresMigrator.embedded.migrate(PostgresConnection(url: url))
        } catch {
          failures.append("\(error)")
        }
      }
      #expect(failures.all.isEmpty)
      let connection = try database.connect()
      #expect(try PostgresMigrator.version(of: connection) == PostgresMigrator.embedded.latestVersion)
      #expect(try connection.integer("SELECT count(*) FROM schema_migration") == 5)
    }
  }
}

/// Errors collected from several threads.
private final class Failures: @unchecked Sendable {
  private let lock = NSLock()
  private var errors: [String] = []
  func append(_ error: String) { lock.withLock { errors.append(error) } }
  var all: [String] { lock.withLock { errors } }
}
