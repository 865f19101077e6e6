import AccordSQLite
import AccordTestEngine
import Foundation
import Testing

@testable import AccordStore

extension TestEngine {
  /// The analyst the change log names for a store told `named`: the login on a team's server,
  /// where the analyst is who signed in (migration 0016), else `named`.
  static func analyst(_ named: String, of store: AccordStore) throws -> String {
    guard store.words.analystIsTheLogin else { return named }
    return try store.connection.first("SELECT session_user", []) { $0.text(0) } ?? named
  }
}

extension Trait where Self == ConditionTrait {
  /// A test of what only a file has: SQLite's own schema text, pragmas and messages, analysts named
  /// by the command rather than by their login, `accord generate`. Skipped on a team's server.
  static var fileOnly: Self {
    .enabled(if: !TestEngine.isPostgres, "of SQLite's own schema, messages or analysts")
  }
}
