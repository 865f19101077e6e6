import AccordPostgres
import AccordTestEngine
import Foundation
import Testing

/// The engine the command tests run on (AccordTestEngine's: a file by default; with
/// `ACCORD_TEST_ENGINE=postgresql`, each sandbox's database is a database of its own on the test
/// server, copied from one that `accord team init` made once a run, so that the same commands are
/// held to the same answers on a team's engine). `.ci/run` runs them both ways.
extension TestEngine {
  /// The database that `accord team init` made, once a run, for the sandboxes to copy.
  static let initialized: Result<String, any Error> = Result {
    guard TeamServer.url != nil else {
      throw Refused(reason: "ACCORD_TEST_ENGINE=postgresql needs ACCORD_TEST_PG (scripts/pg-test-server)")
    }
    let name = TestEngine.uniqueName("accord_cli_initialized")
    try ServerDatabases.create(name, template: nil)
    ServerDatabases.keepUntilExit(name)
    let made = try Sandbox(keep: false, engine: .file).run("team", "init", TeamServer.url(database: name))
    guard made.status == 0 else { throw Refused(reason: "accord team init failed: \(made)") }
    return name
  }

  struct Refused: Error, CustomStringConvertible {
    let reason: String
    var description: String { reason }
  }
}

/// The databases the command tests make on the test server.
enum ServerDatabases {
  /// A new database `name`, empty or a copy of `template` (whose sessions must have ended: the
  /// server waits a few seconds for them).
  static func create(_ name: String, template: String?) throws {
    // FILE_COPY: half the time of WAL_LOG (PostgreSQL 15's default) for a database this small.
    try TestEngine.admin().execute(
      "CREATE DATABASE \(name)" + (template.map { " TEMPLATE \($0) STRATEGY FILE_COPY" } ?? ""))
  }

  static func drop(_ name: String) {
    try? TestEngine.admin().execute("DROP DATABASE IF EXISTS \(name) WITH (FORCE)")
  }

  /// The database that a URL of the test server names.
  static func name(in url: String) -> String? {
    guard url.hasPrefix("postgresql:"), let components = URLComponents(string: url) else { return nil }
    return String(components.path.dropFirst())
  }

  private static let kept = Kept()

  /// `name` stays until the test run ends (a template's).
  static func keepUntilExit(_ name: String) { kept.append(name) }

  final class Kept: @unchecked Sendable {
    private let lock = NSLock()
    private var names: [String] = []

    func append(_ name: String) {
      lock.withLock {
        if names.isEmpty { atexit { ServerDatabases.kept.dropAll() } }
        names.append(name)
      }
    }

    func dropAll() {
      for name in lock.withLock({ names }) { ServerDatabases.drop(name) }
    }
  }
}

extension Trait where Self == ConditionTrait {
  /// A test of what only a file has (its bytes, its mode, SQLite's own schema, pragmas and
  /// messages, analysts named by the command rather than by their login, `accord generate`), or of
  /// a file beside a team's server already: skipped when the command tests run on the server.
  static func fileOnly(_ reason: Comment) -> Self {
    .enabled(if: !TestEngine.isPostgres, reason)
  }
}
