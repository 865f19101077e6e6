import AccordStore
import AccordSystem

/// Three switches for Accord's own tests, read from the environment. The first two make
/// concurrency and crash tests prove the same thing on every run and on a slow machine, without
/// thousands of process starts or kills at random moments; neither changes what a command does
/// when it runs whole. The third shows how tables fit a terminal without one.
///
/// - `ACCORD_TEST_REPEAT=N`: the command runs N times in this process, each run opening the
///   database anew (as N commands in a row would), so that a few processes make many writes.
/// - `ACCORD_TEST_CRASH_AFTER=N`: the process kills itself (SIGKILL, as a power cut would leave
///   it) just before its statement N + 1 on the database; `count` prints on standard error, at
///   the end, how many statements it ran, so that a test can choose its points.
/// - `ACCORD_TEST_TERMINAL_WIDTH=N`: standard output counts as a terminal that reports N columns
///   (0: one that reports none), whatever it is; `$COLUMNS` still comes first, as on a terminal.
enum TestHooks {
  static let repeatCount: Int = environment("ACCORD_TEST_REPEAT").flatMap { Int($0) }.map { max($0, 1) } ?? 1

  static let terminalWidth: Int? = environment("ACCORD_TEST_TERMINAL_WIDTH").flatMap { Int($0) }

  private static let crashAfter = environment("ACCORD_TEST_CRASH_AFTER")

  /// Statements run so far, by every store this process opened.
  nonisolated(unsafe) private static var statements = 0

  /// Arms `store` with the crash switch, if set.
  static func arm(_ store: AccordStore) {
    guard let crashAfter else { return }
    let limit = Int(crashAfter)
    store.connection.onStatement = { _ in
      if let limit, statements >= limit { System.killSelf() }
      statements += 1
    }
  }

  /// At the end of a run with `ACCORD_TEST_CRASH_AFTER=count`: how many statements it ran.
  static func report() {
    guard crashAfter == "count" else { return }
    FileOutput.standardError.write("statements: \(statements)\n")
  }

  private static func environment(_ name: String) -> String? { AccordEnvironment.value(name) }
}
