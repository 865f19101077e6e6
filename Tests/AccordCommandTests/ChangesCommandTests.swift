import Foundation
import Testing

/// `accord changes`: what was recorded lately, in words; `undo` that says when it redid, and
/// walks back several commands at once, all or nothing.
@Suite struct ChangesCommandTests {
  let sandbox: Sandbox
  /// Two analysts: on a team's server, each a login of their own.
  let alice: (name: String, environment: [String: String?])
  let bob: (name: String, environment: [String: String?])

  init() throws {
    sandbox = try Sandbox()
    alice = try sandbox.analyst("alice")
    bob = try sandbox.analyst("bob")
    try sandbox.add("actor", "add", "Ukraine", "--kind", "state", "--code", "UKR")
    try sandbox.add("actor", "add", "United States", "--kind", "state", "--alias", "US")
    try sandbox.add("actor", "add", "Volodymyr Zelenskyy", "--kind", "person", "--of", "Ukraine")
    try sandbox.add(
      "negotiation", "add", "Minerals deal", "--party", "Ukraine", "--party", "US", "--id", "minerals")
  }

  /// Every row of the record, without the change log and the commands (which an undo adds to).
  func records() throws -> [String] {
    try DatabaseSnapshot.dump(sandbox.db).filter { line in
      !["change_log: ", "command: ", "search: ", "search_"].contains { line.hasPrefix($0) }
    }
  }

  @discardableResult
  func run(_ arguments: String..., as who: (name: String, environment: [String: String?])) throws
    -> RunResult
  {
    let result = try sandbox.run(arguments, environment: who.environment)
    #expect(result.status == 0, "\(result)")
    return result
  }

  @Test func changesSayWhatWasRecordedInWords() throws {
    let since = try #require(try sandbox.json("changes", "--since", "1d") as? [[String: Any]]).count
    try run("proposal", "add", "minerals", "Draft", "--by", "US", "--on", "2025-02-07", as: alice)
    try run(
      "quote", "add", "--by", "Zelenskyy", "--on", "2025-02-15", "We’re still talking.", "--negotiation",
      "minerals", as: bob)
    try run("proposal", "step", "draft", "rejected", "--party", "Ukraine", "--on", "2025-02-15", as: alice)
    try run("retract", "quote", "1", "--reason", "misquoted", as: bob)

    let all = try #require(try sandbox.json("changes", "--since", "1d") as? [[String: Any]])
    let words = all.dropFirst(since).map { $0["what"] as? String ?? "" }
    #expect(
      words == [
        "added proposal #1 “Draft” by United States in minerals",
        "recorded step #1: “Draft” tabled on 2025-02-07",
        "added quote #1 by Volodymyr Zelenskyy on 2025-02-15: “We’re still talking.”",
        "recorded step #2: “Draft” rejected (Ukraine) on 2025-02-15",
        "retracted quote #1: misquoted",
      ], "\(all)")
    #expect(all.last?["analyst"] as? String == bob.name)
    #expect(all.last?["command"] as? String == "accord retract quote 1 --reason misquoted")
    // The first words: the actors and negotiation added in the set-up, the parties with it.
    #expect(all.first?["what"] as? String == "added actor #1 Ukraine (state)")
    #expect(!all.contains { ($0["what"] as? String)?.contains("joined minerals") == true })

    let bobs = try #require(
      try sandbox.json("changes", "--since", "1d", "--by", bob.name) as? [[String: Any]])
    #expect(bobs.map { $0["kind"] as? String } == ["quote", "quote"])
    let tomorrow = try #require(try sandbox.json("changes", "--since", "2999-01-01") as? [[String: Any]])
    #expect(tomorrow.isEmpty)
    let table = try sandbox.output("changes", "--since", "2d", "--by", alice.name)
    #expect(table.hasPrefix("RECORDED "), "\(table)")
    #expect(table.contains("recorded step #2: “Draft” rejected (Ukraine) on 2025-02-15"))

    let bad = try sandbox.run("changes", "--since", "last tuesday")
    #expect(bad.status == 64)
    #expect(bad.stderr.hasPrefix("Error: --since 'last tuesday' is not a time: give a day"), "\(bad)")
  }

  /// A leaving is said as one: a member that left a bloc, a party that left a negotiation.
  @Test func changesSayWhoLeftAsLeaving() throws {
    let since = try #require(try sandbox.json("changes", "--since", "1d") as? [[String: Any]]).count
    try sandbox.add("actor", "add", "European Union", "--kind", "organization", "--alias", "EU")
    try run("actor", "member", "EU", "--add", "Ukraine", "--since", "2024-01-01", as: alice)
    try run("actor", "member", "EU", "--remove", "Ukraine", "--on", "2025-01-31", as: alice)
    try sandbox.add("actor", "add", "Saudi Arabia", "--kind", "state")
    try run(
      "negotiation", "join", "minerals", "Saudi Arabia", "--as", "mediator", "--on", "2025-03-11", as: alice)
    try run("negotiation", "leave", "minerals", "Saudi Arabia", "--on", "2025-05-01", as: alice)
    let all = try #require(try sandbox.json("changes", "--since", "1d") as? [[String: Any]])
    let words = all.dropFirst(since).map { $0["what"] as? String ?? "" }
    #expect(words.contains("Ukraine joined European Union on 2024-01-01"), "\(words)")
    #expect(words.contains("Ukraine left European Union on 2025-01-31"), "\(words)")
    #expect(words.contains("Saudi Arabia joined minerals as mediator on 2025-03-11"), "\(words)")
    #expect(words.contains("Saudi Arabia left minerals as mediator on 2025-05-01"), "\(words)")
    #expect(!words.contains("Ukraine joined European Union on 2025-01-31"), "\(words)")
  }

  @Test func aSecondUndoSaysItRedid() throws {
    let before = try records()
    try run("log", "minerals", "Talks resumed", "--on", "2025-03-01", as: alice)
    let after = try records()
    let undo = try run("undo", as: alice)
    #expect(undo.stdout.hasPrefix("Undid command "), "\(undo)")
    #expect(
      undo.stdout.hasSuffix("(accord log minerals 'Talks resumed' --on 2025-03-01): 1 change reverted\n"))
    #expect(try records() == before)
    let redo = try run("undo", as: alice)
    #expect(redo.stdout.hasPrefix("Redid command "), "\(redo)")
    #expect(redo.stdout.contains("(accord log minerals 'Talks resumed' --on 2025-03-01), undoing the undo "))
    #expect(try records() == after)
    let words = try #require(
      try sandbox.json("changes", "--since", "1d", "--by", alice.name) as? [[String: Any]])
    #expect(
      words.map { $0["what"] as? String } == [
        "logged development #1 in minerals on 2025-03-01: “Talks resumed”",
        "undid 'accord log minerals 'Talks resumed' --on 2025-03-01'",
        "redid 'accord log minerals 'Talks resumed' --on 2025-03-01'",
      ])
    // The history shows the command line, not its number.
    let history = try sandbox.output("history", "--limit", "1", "--format", "csv")
    #expect(history.contains(",\(alice.name),accord undo,insert,development [1],"), "\(history)")
  }

  @Test func undoStepsWalksBackAllOrNothing() throws {
    let start = try records()
    try run("log", "minerals", "One", "--on", "2025-03-01", as: alice)
    try run("log", "minerals", "Two", "--on", "2025-03-02", as: alice)
    try run("proposal", "add", "minerals", "Draft", "--by", "US", "--on", "2025-03-03", as: alice)
    // Bob records a step of alice's draft: her proposal cannot be undone under it.
    try run("proposal", "step", "draft", "countered", "--on", "2025-03-04", as: bob)
    let blocked = try records()
    let refused = try sandbox.run(["undo", "--steps", "2"], environment: alice.environment)
    #expect(refused.status == 1, "\(refused)")
    #expect(refused.stderrLines.count == 1)
    #expect(refused.stderr.contains("nothing was written"), "\(refused)")
    #expect(try records() == blocked)

    try run("undo", as: bob)
    let three = try run("undo", "--steps", "3", as: alice)
    #expect(three.stdout.split(separator: "\n").count == 3, "\(three)")
    #expect(three.stdout.contains("(accord log minerals One --on 2025-03-01)"))
    #expect(try records() == start)
    let zero = try sandbox.run(["undo", "--steps", "0"], environment: alice.environment)
    #expect(zero.status == 64 && zero.stderr.hasPrefix("Error: --steps takes a number, 1 or more"), "\(zero)")
    #expect(try records() == start)
    let tooMany = try sandbox.run(["undo", "--steps", "2"], environment: alice.environment)
    #expect(tooMany.status == 1)
    #expect(
      tooMany.stderr.contains("\(alice.name) has 0 on the log that can be undone")
        || tooMany.stderr.contains("nothing to undo"), "\(tooMany)")
    // Each undo is a command of its own: the last one is redone alone.
    let redo = try run("undo", as: alice)
    #expect(redo.stdout.hasPrefix("Redid command "), "\(redo)")
    try run("undo", as: alice)
  }

  /// An undo of an undo of an undo leaves the command undone: --steps walks past it.
  @Test func undoStepsCountsAChainOfUndos() throws {
    let start = try records()
    try run("log", "minerals", "C", "--on", "2025-03-01", as: alice)
    for _ in 0..<3 { try run("undo", as: alice) }
    #expect(try records() == start)
    try run("log", "minerals", "D", "--on", "2025-03-02", as: alice)
    try run("log", "minerals", "E", "--on", "2025-03-03", as: alice)
    let two = try run("undo", "--steps", "2", as: alice)
    #expect(two.stdout.contains("(accord log minerals E --on 2025-03-03)"), "\(two)")
    #expect(two.stdout.contains("(accord log minerals D --on 2025-03-02)"), "\(two)")
    #expect(try records() == start)
  }

  /// However many rows an import and its undo logged, what was recorded after them is listed.
  @Test func changesListWhatCameAfterAnUndoneImport() throws {
    let generated = sandbox.folder + "/generated.sqlite"
    try run("generate", "--negotiations", "5", "--developments", "2600", "--db", generated, as: alice)
    try run("undo", "--db", generated, as: alice)  // the generated record: one delete logged a row
    try run("actor", "add", "Poland", "--kind", "state", "--db", generated, as: bob)
    let words = try #require(
      try sandbox.json("changes", "--since", "1d", "--db", generated) as? [[String: Any]]
    ).compactMap { $0["what"] as? String }
    #expect(
      words.last?.hasPrefix("added actor #") == true && words.last?.hasSuffix(" Poland (state)") == true,
      "\(words.suffix(3))")
    // Far back, or a span too long to count, is the whole log.
    let far = try sandbox.run("changes", "--since", "99999999999999999w", "--limit", "1")
    #expect(far.status == 0 && far.stdout.contains("added actor #1 Ukraine"), "\(far)")
  }
}
