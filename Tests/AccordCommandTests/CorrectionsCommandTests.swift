import Foundation
import Testing

/// Every kind of record can be listed and shown, and what was typed wrong corrected in place:
/// on the change log, undoable, held to the same rules as when it was added.
@Suite struct CorrectionsCommandTests {
  let sandbox: Sandbox
  init() throws {
    sandbox = try Sandbox()
    try sandbox.loadExample()
  }

  /// Every row of the record, without the change log and the commands.
  func records() throws -> [String] {
    try DatabaseSnapshot.dump(sandbox.db).filter { line in
      !["change_log: ", "command: ", "search: ", "search_"].contains { line.hasPrefix($0) }
    }
  }

  @Test func everyKindIsListedAndShown() throws {
    let proposals = try #require(
      try sandbox.json("proposal", "list", "us-ukraine-minerals") as? [[String: Any]])
    #expect(proposals.map { $0["slug"] as? String } == ["us-resources-proposal"])
    let meetings = try #require(try sandbox.json("meeting", "list") as? [[String: Any]])
    #expect(meetings.map { $0["place"] as? String } == ["Munich Security Conference, Germany"])
    #expect((meetings.first?["participants"] as? [String])?.first == "Volodymyr Zelenskyy")
    let meeting = try #require(try sandbox.json("meeting", "show", "1") as? [String: Any])
    #expect(meeting["sources"] as? [String] == ["epoch-times"])
    let byHegseth = try #require(try sandbox.json("quote", "list", "--by", "Hegseth") as? [[String: Any]])
    #expect(byHegseth.map { $0["id"] as? Int } == [5])
    let quotes = try #require(try sandbox.json("quote", "list", "us-ukraine-minerals") as? [[String: Any]])
    #expect(quotes.count == 5)
    let developments = try #require(try sandbox.json("development", "list") as? [[String: Any]])
    #expect((developments.first?["text"] as? String)?.hasPrefix("The White House did not answer") == true)
    let source = try #require(try sandbox.json("source", "show", "epoch-times") as? [String: Any])
    let cited = try #require(source["cited_by"] as? [[String: Any]])
    #expect(cited.contains { $0["kind"] as? String == "meeting" && $0["id"] as? Int == 1 })
    #expect(cited.contains { $0["kind"] as? String == "development" })
    // A retracted proposal takes its steps out of what cites the source, as everywhere.
    #expect(cited.contains { $0["kind"] as? String == "step" })
    try sandbox.add("retract", "proposal", "1", "--reason", "duplicate")
    let afterRetraction = try #require(try sandbox.json("source", "show", "epoch-times") as? [String: Any])
    let citing = try #require(afterRetraction["cited_by"] as? [[String: Any]])
    #expect(
      !citing.contains { $0["kind"] as? String == "step" || $0["kind"] as? String == "proposal" }, "\(citing)"
    )
    #expect(try sandbox.run("undo").status == 0)
    let shown = try sandbox.output("source", "show", "epoch-times")
    #expect(shown.hasPrefix("Source 1 (epoch-times): The Epoch Times: Zelenskyy Demands"), "\(shown)")
    // A retracted meeting leaves the list, and is shown with --include-retracted, marked.
    try sandbox.add("retract", "meeting", "1", "--reason", "duplicate")
    #expect(try #require(try sandbox.json("meeting", "list") as? [[String: Any]]).isEmpty)
    #expect(try sandbox.output("meeting", "list", "--include-retracted").contains("1 (retracted)"))
    #expect(try sandbox.run("meeting", "show", "1").status == 1)
  }

  @Test func correctionsAreLoggedAndUndone() throws {
    let before = try records()
    let edits: [[String]] = [
      ["proposal", "edit", "1", "--title", "US resources proposal", "--value", "600 billion USD"],
      ["step", "edit", "2", "--on", "2025-02-16", "--note", "reported a day late"],
      ["meeting", "edit", "1", "--at", "Munich"],
      ["quote", "edit", "3", "--text", "We are still talking.", "--language", "EN"],
      ["development", "edit", "1", "--on", "2025-02-16"],
      ["source", "edit", "epoch-times", "--outlet", "Epoch Times"],
      ["condition", "edit", "1", "--note", "stated at Munich"],
      ["negotiation", "edit", "us-ukraine-minerals", "--summary", "Resources for guarantees"],
    ]
    for edit in edits {
      let result = try sandbox.run(edit)
      #expect(result.status == 0 && result.stdout == "" && result.stderr == "", "\(result)")
    }
    let deals = try #require(try sandbox.json("proposal", "list") as? [[String: Any]])
    #expect(deals.first?["title"] as? String == "US resources proposal")
    #expect(try sandbox.output("search", "still talking").contains("We are **still** **talking**."))
    #expect(!(try sandbox.output("search", "\"We’re still\"")).contains("quote"))
    let timeline = try sandbox.output("timeline", "us-ukraine-minerals", "--format", "csv")
    #expect(timeline.contains("2025-02-16"), "\(timeline)")
    let words = try #require(try sandbox.json("changes", "--since", "1d") as? [[String: Any]]).compactMap {
      $0["what"] as? String
    }
    #expect(
      words.contains("edited meeting #1: place “Munich Security Conference, Germany” → “Munich”"), "\(words)")
    #expect(
      words.contains(
        "edited step #2: date “2025-02-15~” → “2025-02-16”, note “rejected for now: not in Ukraine's interest today; talks continue” → “reported a day late”"
      ), "\(words)"
    )
    let history = try #require(
      try sandbox.json("history", "meeting", "1", "--limit", "1") as? [[String: Any]])
    #expect(history.first?["operation"] as? String == "update")

    // The same again writes nothing and says so.
    let same = try sandbox.run("meeting", "edit", "1", "--at", "Munich")
    #expect(same.status == 0 && same.stderr == "meeting 1 says so already: nothing was written\n", "\(same)")

    let undo = try sandbox.run("undo", "--steps", "\(edits.count)")
    #expect(undo.status == 0, "\(undo)")
    #expect(try records() == before)
  }

  @Test func aBadCorrectionIsRefusedAndWritesNothing() throws {
    let before = DatabaseSnapshot.of(sandbox.db)
    defer { #expect(DatabaseSnapshot.of(sandbox.db) != before) }
    let cases: [([String], Int32, String)] = [
      (["meeting", "edit", "1"], 64, "Error: say what to correct: --on, --place, --summary"),
      (["quote", "edit", "1", "--text", "  "], 64, "Error: the text of a quote cannot be empty"),
      (["step", "edit", "2", "--on", "2025-02-30"], 64, "Error: "),
      (
        ["source", "edit", "epoch-times", "--url", "javascript:alert(1)"], 64,
        "Error: 'javascript:alert(1)' is not a URL"
      ),
      (["proposal", "edit", "1", "--value", "lots"], 64, "Error: "),
      (["development", "edit", "99", "--text", "x"], 1, "Error: "),
      (
        ["step", "edit", "2", "--label", "Day one"], 64,
        "Error: only a milestone has a name: step 2 is not one"
      ),
      (["negotiation", "edit", "us-ukraine-minerals"], 64, "Error: say what to change"),
      // The order adding keeps: no step before the tabling, no condition after its answers.
      (
        ["step", "edit", "1", "--on", "2025-02-20"], 64,
        "Error: us-resources-proposal would start with a rejected step: a proposal starts floated or tabled"
      ),
      (
        ["step", "edit", "2", "--on", "2025-01-15"], 64,
        "Error: us-resources-proposal was first recorded on 2025-02"
      ),
    ]
    for (arguments, status, start) in cases {
      let result = try sandbox.run(arguments)
      #expect(result.status == status, "\(result)")
      #expect(result.stderr.hasPrefix(start) && result.stderrLines.count == 1, "\(result)")
      #expect(DatabaseSnapshot.of(sandbox.db) == before, "\(arguments)")
    }
    try sandbox.add("retract", "quote", "2", "--reason", "misquoted")
    let snapshot = DatabaseSnapshot.of(sandbox.db)
    let retracted = try sandbox.run("quote", "edit", "2", "--text", "x")
    #expect(retracted.status == 1)
    #expect(retracted.stderr == "Error: quote 2 is retracted: there is nothing to correct\n", "\(retracted)")
    #expect(DatabaseSnapshot.of(sandbox.db) == snapshot)
  }

  @Test func aPartysStepStaysOnADayItTakesPart() throws {
    try sandbox.add("actor", "add", "Poland", "--kind", "state")
    #expect(
      try sandbox.run(
        "negotiation", "join", "us-ukraine-minerals", "Poland", "--as", "party", "--on", "2025-02-10"
      ).status == 0)
    let step = try sandbox.add("proposal", "step", "1", "rejected", "--party", "Poland", "--on", "2025-02-20")
    let before = DatabaseSnapshot.of(sandbox.db)
    let early = try sandbox.run("step", "edit", "\(step)", "--on", "2025-02-01")
    #expect(early.status == 1, "\(early)")
    #expect(
      early.stderr.hasPrefix("Error: Poland takes no part in us-ukraine-minerals on 2025-02-01"), "\(early)")
    #expect(DatabaseSnapshot.of(sandbox.db) == before)
  }

  @Test func aConditionIsNotDatedAfterItsAnswers() throws {
    let answered = try sandbox.run("condition", "update", "1", "accepted", "--on", "2025-02-20", "--by", "US")
    #expect(answered.status == 0, "\(answered)")
    let before = DatabaseSnapshot.of(sandbox.db)
    let late = try sandbox.run("condition", "edit", "1", "--on", "2025-02-25")
    #expect(late.status == 64, "\(late)")
    #expect(
      late.stderr == "Error: condition 1 was answered on 2025-02-20: it cannot be dated after that\n",
      "\(late)")
    #expect(DatabaseSnapshot.of(sandbox.db) == before)
    #expect(try sandbox.run("condition", "edit", "1", "--on", "2025-02-14").status == 0)
  }

  @Test func aSourceKeepsAURLOfItsOwnOrATitle() throws {
    #expect(
      try sandbox.run("source", "edit", "epoch-times", "--url", "https://example.org/story").status == 0)
    let bare = try sandbox.add("source", "add", "https://example.org/other")
    let before = DatabaseSnapshot.of(sandbox.db)
    let taken = try sandbox.run("source", "edit", "\(bare)", "--url", "https://example.org/story")
    #expect(taken.status == 1 && taken.stderr == "Error: that URL is source 1 already\n", "\(taken)")
    let cleared = try sandbox.run("source", "edit", "\(bare)", "--url", "")
    #expect(cleared.status == 64, "\(cleared)")
    #expect(cleared.stderr == "Error: a source needs a URL, or a --title where it has none\n", "\(cleared)")
    #expect(DatabaseSnapshot.of(sandbox.db) == before)
  }
}
