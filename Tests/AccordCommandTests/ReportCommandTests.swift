import Foundation
import Testing

/// `accord timeline`, `accord search`, `accord negotiation list --stale` and `accord report`, run
/// as an analyst runs them, on the worked example.
@Suite struct ReportCommandTests {
  let sandbox: Sandbox

  init() throws {
    sandbox = try Sandbox()
    try sandbox.loadExample()
  }

  /// Tests/AccordPresentationTests/Golden/NAME.
  static func golden(_ name: String) throws -> String {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .appendingPathComponent("AccordPresentationTests/Golden/" + name)
    return String(decoding: try Data(contentsOf: url), as: UTF8.self)
  }

  func expectRefused(
    _ arguments: [String], status: Int32, mentioning words: [String],
    sourceLocation: SourceLocation = #_sourceLocation
  ) throws {
    let before = DatabaseSnapshot.of(sandbox.db)
    let result = try sandbox.run(arguments)
    #expect(result.status == status, "\(result)", sourceLocation: sourceLocation)
    #expect(result.stdout == "", "\(result)", sourceLocation: sourceLocation)
    #expect(result.stderrLines.count == 1, "\(result)", sourceLocation: sourceLocation)
    #expect(result.stderr.hasPrefix("Error: "), "\(result)", sourceLocation: sourceLocation)
    for word in words {
      #expect(result.stderr.contains(word), "\(result)", sourceLocation: sourceLocation)
    }
    #expect(DatabaseSnapshot.of(sandbox.db) == before, sourceLocation: sourceLocation)
  }

  @Test func timelineListsEverythingInDateOrder() throws {
    let entries = try #require(try sandbox.json("timeline", "us-ukraine-minerals") as? [[String: Any]])
    #expect(entries.count == 11)
    #expect(
      entries.map { $0.object("date")?.string("edtf") ?? "" } == [
        "2025-02", "2025-02~", "2025-02~", "2025-02-14~", "2025-02-15~", "2025-02-15~", "2025-02-15~",
        "2025-02-15~", "2025-02-15~", "2025-02-15~", "2025-02-15~",
      ])
    #expect(
      entries.map { $0.string("kind") ?? "" }.prefix(5) == ["step", "condition", "quote", "meeting", "step"])
    #expect(
      entries[4].string("what")
        == "US proposal for access to Ukraine's natural resources: rejected by Ukraine (rejected for now: not in Ukraine's interest today; talks continue)"
    )
    #expect(entries[4].strings("who") == ["Ukraine"])
    #expect(entries[4].strings("sources") == ["epoch-times"])
    let fromTo = try #require(
      try sandbox.json("timeline", "us-ukraine-minerals", "--from", "2025-02-14", "--to", "2025-02-14")
        as? [[String: Any]])
    #expect(fromTo.map { $0.string("kind") } == ["meeting"])
    let csv = try sandbox.output("timeline", "us-ukraine-minerals", "--format", "csv")
    #expect(csv.hasPrefix("date,kind,what,who,sources\r\n2025-02,step,"))
    try expectRefused(
      ["timeline", "us-ukraine-minerals", "--from", "2025-03-01", "--to", "2025-02-01"], status: 64,
      mentioning: ["--from"])
    try expectRefused(["timeline", "nowhere"], status: 1, mentioning: ["no negotiation named 'nowhere'"])
  }

  /// `--from` after `--to` is one line, exit 64, from each command that takes them (one check,
  /// in DateRangeOptions); a month and a day in it overlap, and are no mistake.
  @Test func fromAfterToIsOneClearLine() throws {
    for command in [["timeline", "us-ukraine-minerals"], ["search", "guarantee*"]] {
      let result = try sandbox.run(command + ["--from", "2025-03-01", "--to", "2025-02"])
      #expect(result.status == 64, "\(result)")
      #expect(result.stdout == "")
      #expect(
        result.stderr
          == "Error: --from 2025-03-01 is after --to 2025-02 (see 'accord \(command[0]) --help')\n",
        "\(result)")
      let overlapping = try sandbox.run(command + ["--from", "2025-02", "--to", "2025-02-01"])
      #expect(overlapping.status == 0, "\(overlapping)")
    }
  }

  @Test func searchFindsRanksAndFilters() throws {
    let hits = try #require(try sandbox.json("search", "guarantee*") as? [[String: Any]])
    #expect(hits.count == 5)
    #expect(hits.first?.string("snippet")?.contains("**") == true)
    for hit in hits {
      #expect(
        Set(hit.keys).isSubset(of: [
          "kind", "id", "date", "negotiation", "negotiation_title", "who", "about", "snippet", "rank",
        ]))
    }
    // Words may come unquoted; phrases in double quotes; diacritics folded.
    let phrase = try #require(try sandbox.json("search", "\"still talking\"") as? [[String: Any]])
    #expect(phrase.map { $0.string("kind") } == ["quote"])
    #expect(phrase.first?.string("snippet") == "We’re **still talking**.")
    #expect(phrase.first?.string("who") == "Volodymyr Zelenskyy")
    let words = try #require(try sandbox.json("search", "armed", "forces") as? [[String: Any]])
    #expect(words.map { $0.string("kind") } == ["quote"])
    // Filters.
    let byHegseth = try #require(
      try sandbox.json("search", "security", "--actor", "Hegseth") as? [[String: Any]])
    #expect(byHegseth.map { $0.string("who") } == ["Pete Hegseth"])
    let inFebruary = try #require(
      try sandbox.json(
        "search", "security", "--from", "2025-02-15", "--to", "2025-02-15", "--negotiation",
        "us-ukraine-minerals")
        as? [[String: Any]])
    #expect(!inFebruary.isEmpty)
    #expect(inFebruary.allSatisfy { $0.object("date")?.string("first") == "2025-02-15" })
    #expect(inFebruary.allSatisfy { $0.string("negotiation") == "us-ukraine-minerals" })
    let page = try #require(
      try sandbox.json("search", "guarantee*", "--limit", "2", "--page", "2") as? [[String: Any]])
    #expect(page.map { $0.string("snippet") } == hits[2..<4].map { $0.string("snippet") })
    #expect(page.map { $0.int("rank") } == [3, 4])
    let table = try sandbox.output("search", "munich")
    #expect(table.hasPrefix("KIND"))
    #expect(table.contains("**Munich**"))
  }

  @Test func aMalformedSearchIsOneLineAndChangesNothing() throws {
    try expectRefused(["search", "a AND AND b"], status: 64, mentioning: ["cannot search for 'a AND AND b'"])
    try expectRefused(["search", "\"unclosed"], status: 64, mentioning: ["a double quote is not closed"])
    try expectRefused(["search", "(guarantees"], status: 64, mentioning: ["a ( is not closed"])
    try expectRefused(["search", "guarantees", "--page", "0"], status: 64, mentioning: ["--page"])
    try expectRefused(
      ["search", "guarantees", "--actor", "Nobody"], status: 1, mentioning: ["no actor named 'Nobody'"])
  }

  @Test func staleNegotiationsAreThoseWithNothingRecordedForThatLong() throws {
    // Today is 2025-03-01; the latest fact is of 2025-02-15.
    let stale = try #require(try sandbox.json("negotiation", "list", "--stale", "14") as? [[String: Any]])
    #expect(stale.map { $0.string("slug") } == ["us-ukraine-minerals"])
    let fresh = try #require(try sandbox.json("negotiation", "list", "--stale", "15") as? [[String: Any]])
    #expect(fresh.isEmpty)
    let asOf = try #require(
      try sandbox.json("negotiation", "list", "--stale", "5", "--as-of", "2025-02-20") as? [Any])
    #expect(asOf.count == 1)
    try expectRefused(["negotiation", "list", "--stale", "-1"], status: 64, mentioning: ["--stale"])
  }

  @Test func reportMarkdownIsTheGoldenBrief() throws {
    let markdown = try sandbox.output("report", "--as-of", "2025-02-20")
    #expect(markdown == (try Self.golden("worked-example-2025-02-20.md")))
    let named = try sandbox.output(
      "report", "us-ukraine-minerals", "--as-of", "2025-02-20", "--format", "markdown")
    #expect(named == markdown)
  }

  @Test func reportWritesAFileWholeOrNotAtAll() throws {
    let path = sandbox.folder + "/brief.html"
    let result = try sandbox.run("report", "--as-of", "2025-02-20", "--format", "html", "-o", path)
    #expect(result.status == 0, "\(result)")
    #expect(result.stdout == "" && result.stderr == "")
    let html = String(decoding: try Data(contentsOf: URL(fileURLWithPath: path)), as: UTF8.self)
    #expect(html == (try Self.golden("worked-example-2025-02-20.html")))

    let missing = sandbox.folder + "/never.html"
    try expectRefused(
      ["report", "nowhere", "-o", missing], status: 1, mentioning: ["no negotiation named 'nowhere'"])
    try expectRefused(
      ["report", "--as-of", "2025-02-20", "--since", "2025-02-21", "-o", missing], status: 64,
      mentioning: ["--since"])
    try expectRefused(["report", "--format", "pdf"], status: 64, mentioning: ["pdf"])
    #expect(!FileManager.default.fileExists(atPath: missing))
    try expectRefused(
      ["report", "-o", sandbox.folder + "/no/such/folder/brief.md"], status: 1, mentioning: ["cannot write"])
  }

  @Test func reportJSONIsParseable() throws {
    let json = try #require(try sandbox.json("report", "--as-of", "2025-02-20") as? [String: Any])
    #expect(json.string("as_of") == "2025-02-20")
    #expect(json.objects("negotiations").map { $0.string("slug") } == ["us-ukraine-minerals"])
  }
}
