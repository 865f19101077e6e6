import Foundation
import Testing

/// `ACCORD_TRACE_SQL=1`: every statement a command runs, values filled in, on stderr, as SQL the
/// sqlite3 shell can run; the benchmark harness replays it.
@Suite struct TraceTests {
  let sandbox: Sandbox

  init() throws { sandbox = try Sandbox() }

  @Test func aWriteTracesItsStatementsWithTheirValues() throws {
    try sandbox.add("actor", "add", "Ukraine", "--kind", "state")
    try sandbox.add("negotiation", "add", "Grain corridor", "--id", "grain", "--party", "Ukraine")
    let result = try sandbox.run(
      ["log", "grain", "Talks resumed in Istanbul", "--on", "2025-03-01"],
      environment: ["ACCORD_TRACE_SQL": "1"])
    #expect(result.status == 0, "\(result)")
    #expect(result.stdout.hasSuffix("\n") && Int(result.stdout.dropLast()) != nil)
    let statements = result.stderr.split(separator: "\n").map(String.init)
    #expect(statements.contains("BEGIN IMMEDIATE;"))
    #expect(statements.contains("COMMIT;"))
    #expect(
      statements.contains(
        "INSERT INTO development (negotiation_id, date, date_first, date_last, text) "
          + "VALUES (1, '2025-03-01', '2025-03-01', '2025-03-01', 'Talks resumed in Istanbul');"))
  }

  @Test func withoutTheVariableNothingIsTraced() throws {
    try sandbox.add("actor", "add", "Ukraine", "--kind", "state")
    let result = try sandbox.run("actor", "list")
    #expect(result.status == 0)
    #expect(result.stderr == "")
  }
}
