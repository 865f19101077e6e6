import AccordPostgres
import AccordSQLite
import Foundation

/// The PostgreSQL server that the tests run against: `ACCORD_TEST_PG` (a URI to a superuser on a
/// throwaway server, as `scripts/pg-test-server start` exports it). Tests that need it are skipped
/// when it is not set.
enum TestServer {
  static let url: String? = ProcessInfo.processInfo.environment["ACCORD_TEST_PG"].flatMap {
    $0.isEmpty ? nil : $0
  }
  static var isSet: Bool { url != nil }

  /// `url` with another database, user or password.
  static func url(database: String? = nil, user: String? = nil, password: String? = nil) -> String {
    guard let url, var components = URLComponents(string: url) else { return "" }
    if let database { components.path = "/" + database }
    if let user { components.user = user }
    if let password { components.password = password }
    return components.string ?? url
  }

  /// A connection to the server's own `postgres` database, as its superuser.
  static func admin() throws -> PostgresConnection { try PostgresConnection(url: url(database: "postgres")) }

  /// A name no other test uses.
  static func uniqueName(_ prefix: String) -> String {
    prefix + "_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(12).lowercased()
  }

  static let templateName = uniqueName("accord_template")

  /// An Accord database migrated once per test run, that each test copies (CREATE DATABASE …
  /// TEMPLATE): nobody connects to it after it is made, as a template must be.
  static let template: Result<String, any Error> = Result {
    let name = templateName
    try admin().execute("CREATE DATABASE \(name)")
    // Dropped when the test process ends.
    atexit {
      try? TestServer.admin().execute("DROP DATABASE IF EXISTS \(TestServer.templateName) WITH (FORCE)")
    }
    do {
      let connection = try PostgresConnection(url: url(database: name))
      try PostgresMigrator.embedded.migrate(connection)
    }
    return name
  }
}

/// A database of one test's own, dropped when the test is done with it.
final class TestDatabase {
  let name: String
  let url: String

  /// An empty database, or (`migrated`) a copy of the migrated template.
  init(migrated: Bool) throws {
    name = TestServer.uniqueName("accord_test")
    let template = migrated ? try TestServer.template.get() : "template0"
    try TestServer.admin().execute("CREATE DATABASE \(name) TEMPLATE \(template) ENCODING 'UTF8'")
    url = TestServer.url(database: name)
  }

  func connect() throws -> PostgresConnection { try PostgresConnection(url: url) }

  deinit { try? TestServer.admin().execute("DROP DATABASE IF EXISTS \(name) WITH (FORCE)") }
}

/// Runs `body` with a database of its own, dropped after.
func withDatabase(migrated: Bool = true, _ body: (TestDatabase) throws -> Void) throws {
  let database = try TestDatabase(migrated: migrated)
  try body(database)
}
