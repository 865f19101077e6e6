import AccordTestEngine
import Testing

extension Trait where Self == ConditionTrait {
  /// A test of what only a file has (SQLite's own schema, its pragmas, a file's bytes): skipped when
  /// the tests run on a team's server (ACCORD_TEST_ENGINE=postgresql).
  static func fileOnly(_ reason: Comment) -> Self {
    .enabled(if: !TestEngine.isPostgres, reason)
  }
}
