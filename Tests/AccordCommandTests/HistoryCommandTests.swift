import Foundation
import Testing

/// `accord history`, `undo`, `retract` and `actor merge` as an analyst runs them.
@Suite struct HistoryCommandTests {
  /// Every row of the record, without the change log (which grows with every command, an undo
  /// too) and the full-text index's own tables (whose pages an undo may lay out differently).
  func records(_ path: String) throws -> [String] {
    try DatabaseSnapshot.dump(path).filter { line in
      !["change_log: ", "command: ", "search: ", "search_"].contains { line.hasPrefix($0) }
    }
  }

  @Test func retractUndoAndHistoryFromTheCommandLine() throws {
    let sandbox = try Sandbox()
    try sandbox.loadExample()
    let (alice, asAlice) = try sandbox.analyst("alice")
    // Nothing of alice's on the log yet (the example was loaded by another login).
    let refused = try sandbox.run(["undo"], environment: asAlice)
    #expect(refused.status == 1)
    #expect(refused.stderrLines == ["Error: nothing to undo: \(alice) has no command on the log"])
    #expect(refused.stdout == "")

    let before = try records(sandbox.db)
    let result = try sandbox.run(
      ["retract", "proposal", "us-resources-proposal", "--reason", "duplicate entry"], environment: asAlice)
    #expect(result.status == 0 && result.stdout == "1\n", "\(result)")
    #expect(!(try sandbox.output("deals")).contains("US proposal"))
    let shown = try #require(try sandbox.json("deals", "--include-retracted") as? [[String: Any]])
    #expect(shown.count == 1 && shown.first?["retracted"] as? Bool == true)
    let plain = try #require(try sandbox.json("deals") as? [[String: Any]])
    #expect(plain.isEmpty)
    // The proposal's own rows are gone (a quote's context still says "asked about the US proposal").
    #expect(!(try sandbox.output("timeline", "us-ukraine-minerals")).contains("US proposal for access"))

    let history = try #require(
      try sandbox.json("history", "proposal", "us-resources-proposal", "--limit", "1") as? [[String: Any]])
    #expect(history.count == 1)
    #expect(history.first?["table"] as? String == "retraction")
    #expect(history.first?["analyst"] as? String == alice)
    #expect(history.first?["operation"] as? String == "insert")
    #expect((history.first?["arguments"] as? String)?.hasPrefix("accord retract proposal") == true)
    let csv = try sandbox.output("history", "--format", "csv", "--limit", "2")
    #expect(csv.hasPrefix("id,when,analyst,command,change,record,what\r\n"))

    let undo = try sandbox.run(["undo"], environment: asAlice)
    #expect(undo.status == 0, "\(undo)")
    #expect(undo.stdout.hasPrefix("Undid command "))
    #expect(try records(sandbox.db) == before)
    #expect(try sandbox.output("deals").contains("US proposal"))

    let bad = try sandbox.run(["retract", "meeting", "99", "--reason", "x"], environment: asAlice)
    #expect(bad.status == 1 && bad.stderrLines.count == 1, "\(bad)")
    let noReason = try sandbox.run(["retract", "meeting", "1", "--reason", " "], environment: asAlice)
    #expect(noReason.status == 64 && noReason.stderrLines == ["Error: a retraction needs a --reason"])
    #expect(try records(sandbox.db) == before)
  }

  @Test func mergeFromTheCommandLineAndUndo() throws {
    let sandbox = try Sandbox()
    try sandbox.loadExample()
    let (_, asAlice) = try sandbox.analyst("alice")
    try sandbox.add("actor", "add", "V. Zelensky", "--kind", "person", "--alias", "Vova Z")
    try sandbox.add(
      "quote", "add", "--by", "Vova Z", "--on", "2025-02-16", "We will see.",
      "--negotiation", "us-ukraine-minerals")
    let before = try records(sandbox.db)
    let merged = try sandbox.run(["actor", "merge", "Vova Z", "zelenskyy"], environment: asAlice)
    #expect(merged.status == 0, "\(merged)")
    let show = try sandbox.output("actor", "show", "Vova Z")
    #expect(show.contains("Volodymyr Zelenskyy"))
    #expect(!(try sandbox.output("actor", "list")).contains("V. Zelensky "))
    #expect((try sandbox.output("actor", "list", "--include-retracted")).contains("V. Zelensky (retracted)"))
    #expect(try sandbox.run(["undo"], environment: asAlice).status == 0)
    #expect(try records(sandbox.db) == before)
  }
}
