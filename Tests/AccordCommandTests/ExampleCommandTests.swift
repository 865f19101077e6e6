import Foundation
import Testing

/// `accord example`: loads the worked example into a database of its own, and never into an
/// analyst's record.
@Suite(.fileOnly("the worked example goes to a file of its own")) struct ExampleCommandTests {
  let sandbox: Sandbox
  var example: String { sandbox.folder + "/example.sqlite" }

  init() throws { sandbox = try Sandbox() }

  @Test func printsTheUnsignedDealAndTheNegotiation() throws {
    let result = try sandbox.run("example", "--db", example)
    #expect(result.status == 0, "\(result)")
    #expect(result.stderr == "")
    #expect(result.stdout.contains("Loaded the worked example into \(example)"))
    #expect(result.stdout.contains("$ accord deals --unsigned --as-of 2025-02-20"))
    #expect(result.stdout.contains("US proposal for access to Ukraine's natural resources"))
    #expect(result.stdout.contains("rejected 2025-02-15~ (Ukraine)"))
    #expect(
      result.stdout.contains("$ accord negotiation show us-ukraine-minerals --as-of 2025-02-20"))
    #expect(result.stdout.contains("US–Ukraine minerals-for-security deal (us-ukraine-minerals)"))
    #expect(result.stdout.contains("“We’re still talking.”"))
    // It wrote to the --db it was given, not to $ACCORD_DB.
    #expect(DatabaseSnapshot.of(sandbox.db) == .missing)

    // The example database answers the analysts' questions too.
    let deals = try #require(
      try sandbox.json("deals", "--unsigned", "--as-of", "2025-02-20", "--db", example)
        as? [[String: Any]])
    #expect(deals.map { $0.string("slug") } == ["us-resources-proposal"])
    // What it shows under "$ accord deals …" is what that command prints.
    let table = try sandbox.run("deals", "--unsigned", "--as-of", "2025-02-20", "--db", example)
    #expect(table.status == 0 && !table.stdout.isEmpty)
    #expect(result.stdout.contains("$ accord deals --unsigned --as-of 2025-02-20\n" + table.stdout))
  }

  @Test func runningItAgainRebuildsTheExample() throws {
    let first = try sandbox.run("example", "--db", example)
    #expect(first.status == 0, "\(first)")
    let before = DatabaseSnapshot.of(example)
    let again = try sandbox.run("example", "--db", example)
    #expect(again.status == 0, "\(again)")
    #expect(again.stderr == "")
    #expect(again.stdout == first.stdout)
    #expect(try DatabaseSnapshot.count(example, "negotiation") == 1)
    #expect(try DatabaseSnapshot.count(example, "proposal") == 1)
    guard case .rows(let old) = before, case .rows(let new) = DatabaseSnapshot.of(example) else {
      Issue.record("the example database cannot be read")
      return
    }
    // Same records (the recorded_at times may differ).
    #expect(old.count == new.count)
  }

  @Test func loadsIntoAnEmptyDatabase() throws {
    #expect(try sandbox.run("init", "--db", example).status == 0)
    let result = try sandbox.run("example", "--db", example)
    #expect(result.status == 0, "\(result)")
    #expect(try DatabaseSnapshot.count(example, "statement") == 5)
  }

  @Test func withoutDBItGoesNextToTheDefaultDatabase() throws {
    let expected = sandbox.folder + "/xdg/accord/example.sqlite"
    let result = try sandbox.run("example", environment: ["ACCORD_DB": nil])
    #expect(result.status == 0, "\(result)")
    #expect(result.stdout.hasPrefix("Loaded the worked example into \(expected)\n"))
    #expect(FileManager.default.fileExists(atPath: expected))
    #expect(!FileManager.default.fileExists(atPath: sandbox.folder + "/xdg/accord/accord.sqlite"))
  }

  /// A relative $ACCORD_DB with no folder keeps the example in the working folder (it once went to
  /// "/example.sqlite").
  @Test func aRelativeAccordDBKeepsTheExampleInTheWorkingFolder() throws {
    let result = try sandbox.run("example", environment: ["ACCORD_DB": "accord.sqlite"])
    #expect(result.status == 0, "\(result)")
    #expect(result.stdout.hasPrefix("Loaded the worked example into example.sqlite\n"))
    #expect(FileManager.default.fileExists(atPath: sandbox.folder + "/example.sqlite"))
  }

  @Test func refusesADatabaseThatHoldsOtherRecords() throws {
    try sandbox.add("actor", "add", "Armenia", "--kind", "state", "--code", "ARM")
    try sandbox.add("actor", "add", "Azerbaijan", "--kind", "state", "--code", "AZE")
    try sandbox.add(
      "negotiation", "add", "Armenia–Azerbaijan peace treaty", "--party", "ARM", "--party", "AZE")
    try expectRefusal(of: sandbox.db)
  }

  /// A record that the analyst entered by hand from the same article, with the same short id as
  /// the example's negotiation, is still the analyst's record: it must not be deleted and rebuilt.
  @Test func refusesTheWorkedExampleEnteredByHand() throws {
    try ArticleScript.enter(in: sandbox)
    try expectRefusal(of: sandbox.db)
  }

  @Test func refusesAFileThatIsNotADatabase() throws {
    let path = sandbox.folder + "/notes.sqlite"
    try Data("my notes\n".utf8).write(to: URL(fileURLWithPath: path))
    let before = DatabaseSnapshot.of(path)
    let result = try sandbox.run("example", "--db", path)
    #expect(result.status == 1, "\(result)")
    #expect(result.stderrLines.count == 1 && result.stderr.hasPrefix("Error: "), "\(result)")
    #expect(result.stdout == "")
    #expect(DatabaseSnapshot.of(path) == before)
  }

  func expectRefusal(of path: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
    let before = DatabaseSnapshot.of(path)
    let result = try sandbox.run("example", "--db", path)
    #expect(result.status == 1, "\(result)", sourceLocation: sourceLocation)
    #expect(result.stdout == "", sourceLocation: sourceLocation)
    #expect(result.stderrLines.count == 1, "\(result)", sourceLocation: sourceLocation)
    #expect(result.stderr.hasPrefix("Error: "), sourceLocation: sourceLocation)
    #expect(
      result.stderr.contains("holds other records"), "\(result)", sourceLocation: sourceLocation)
    #expect(result.stderr.contains(path), sourceLocation: sourceLocation)
    #expect(DatabaseSnapshot.of(path) == before, sourceLocation: sourceLocation)
  }
}
