import AccordPostgres
import AccordSQLite
import AccordStore
import Foundation

/// The engine that the library's tests run on. SQLite in memory by default; with
/// `ACCORD_TEST_ENGINE=postgresql` (and `ACCORD_TEST_PG`, as `scripts/pg-test-server start` exports
/// it), each store is a database of its own on the test server, copied from a template migrated
/// once a run, so that the same tests hold the team's engine to the same answers. `.ci/run` runs
/// them both ways. Shared by the store's, the presentation's and the transfer's tests.
public enum TestEngine {
  static let environment = ProcessInfo.processInfo.environment
  public static let serverURL: String? = environment["ACCORD_TEST_PG"].flatMap { $0.isEmpty ? nil : $0 }
  public static let isPostgres = environment["ACCORD_TEST_ENGINE"] == "postgresql"

  /// A store of its own on this run's engine, whose today is `today`.
  public static func store(today: Day) throws -> AccordStore {
    if isPostgres { return try serverStore(today: today) }
    return try AccordStore.inMemory(today: today)
  }

  /// `serverURL` with another database.
  public static func url(database: String) -> String {
    guard let serverURL, var components = URLComponents(string: serverURL) else { return "" }
    components.path = "/" + database
    return components.string ?? serverURL
  }

  public static func admin() throws -> PostgresConnection {
    try PostgresConnection(url: url(database: "postgres"))
  }

  public static func uniqueName(_ prefix: String) -> String {
    prefix + "_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(12).lowercased()
  }

  /// The migrated template, made once a run and dropped with the databases at its end.
  static let template: Result<String, any Error> = Result {
    guard serverURL != nil else {
      throw StoreError.conflict("ACCORD_TEST_ENGINE=postgresql needs ACCORD_TEST_PG (scripts/pg-test-server)")
    }
    let name = uniqueName("accord_store_template")
    try admin().execute("CREATE DATABASE \(name)")
    databases.append(name, store: nil)
    atexit { TestEngine.databases.dropAll() }
    try PostgresMigrator.embedded.migrate(try PostgresConnection(url: url(database: name)))
    return name
  }

  /// The databases made, each dropped once its store is gone (and all at exit).
  static let databases = Databases()

  final class Databases: @unchecked Sendable {
    private let lock = NSLock()
    private var made: [(name: String, store: Weak)] = []

    final class Weak {
      weak var store: AccordStore?
      init(_ store: AccordStore?) { self.store = store }
    }

    func append(_ name: String, store: AccordStore?) {
      lock.withLock { made.append((name, Weak(store))) }
    }

    /// The names of the databases whose store is gone, taken off the list.
    func released() -> [String] {
      lock.withLock {
        let gone = made.filter { $0.store.store == nil && !$0.name.hasPrefix("accord_store_template") }
        made.removeAll { entry in gone.contains { $0.name == entry.name } }
        return gone.map(\.name)
      }
    }

    func dropAll() {
      let names = lock.withLock { made.map(\.name) }
      guard let admin = try? TestEngine.admin() else { return }
      for name in names { try? admin.execute("DROP DATABASE IF EXISTS \(name) WITH (FORCE)") }
    }
  }

  /// A store on a database of its own, copied from the template.
  public static func serverStore(today: Day) throws -> AccordStore {
    let template = try template.get()
    let admin = try admin()
    for name in databases.released() { try? admin.execute("DROP DATABASE IF EXISTS \(name) WITH (FORCE)") }
    let name = uniqueName("accord_store")
    // FILE_COPY: half the time of WAL_LOG (PostgreSQL 15's default) for a database this small.
    try admin.execute("CREATE DATABASE \(name) TEMPLATE \(template) STRATEGY FILE_COPY")
    let store = AccordStore(
      database: PostgresDatabase(try PostgresConnection(url: url(database: name))),
      configuration: StoreConfiguration(today: today))
    databases.append(name, store: store)
    return store
  }
}
