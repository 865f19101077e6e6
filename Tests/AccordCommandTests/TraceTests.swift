import Foundation
import Testing

/// `ACCORD_TRACE_SQL=1`: every statement a command runs, values filled in, on stderr, as SQL the
/// sqlite3 shell (or psql, on a team's server) can run; the benchmark harness replays it.
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
    // On a team's server, the statements as psql runs them: a serializable write, an id returned.
    let server = sandbox.engine == .server
    #expect(
      statements.contains(server ? "BEGIN ISOLATION LEVEL SERIALIZABLE;" : "BEGIN IMMEDIATE;"),
      "\(statements)")
    #expect(statements.contains("COMMIT;"))
    #expect(
      statements.contains(
        "INSERT INTO development (negotiation_id, date, date_first, date_last, text) "
          + "VALUES (1, '2025-03-01', '2025-03-01', '2025-03-01', 'Talks resumed in Istanbul')"
          + (server ? " RETURNING id;" : ";")), "\(statements)")
    #expect(!statements.contains { $0.contains("?") }, "every value filled in: \(statements)")
  }

  @Test func withoutTheVariableNothingIsTraced() throws {
    try sandbox.add("actor", "add", "Ukraine", "--kind", "state")
    let result = try sandbox.run("actor", "list")
    #expect(result.status == 0)
    #expect(result.stderr == "")
  }
}
