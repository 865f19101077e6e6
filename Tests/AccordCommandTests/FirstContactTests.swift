import Foundation
import Testing

/// What a newcomer meets first: mistyped commands and values, options in the order other tools
/// take them, and reading commands that never make a database.
@Suite struct FirstContactTests {
  let sandbox: Sandbox

  init() throws {
    sandbox = try Sandbox()
    try sandbox.add("actor", "add", "Ukraine", "--kind", "state", "--code", "UKR")
    try sandbox.add("actor", "add", "United States", "--kind", "state", "--alias", "US")
    try sandbox.add(
      "negotiation", "add", "Minerals deal", "--party", "Ukraine", "--party", "US", "--id", "minerals")
    try sandbox.add("proposal", "add", "minerals", "Draft", "--by", "US", "--on", "2025-02-07")
  }

  /// A bad value of a fixed list is one line: the value, what it was for, the nearest choice and
  /// every choice; and nothing is written.
  @Test func aBadChoiceIsOneLineWithTheNearest() throws {
    let before = DatabaseSnapshot.of(sandbox.db)
    let step = try sandbox.run("proposal", "step", "1", "sign", "--on", "2025-02-28")
    #expect(step.status == 64)
    #expect(step.stderrLines.count == 1, "\(step)")
    #expect(
      step.stderr.hasPrefix(
        "Error: 'sign' is not a valid <step>: did you mean 'signed'? It is one of floated, tabled,"))
    #expect(step.stderr.contains(", unclear (see 'accord proposal step --help')\n"))
    #expect(!step.stderr.contains("\\n"))

    let format = try sandbox.run("deals", "--format", "tabel")
    #expect(format.status == 64)
    #expect(
      format.stderr
        == "Error: 'tabel' is not a valid --format <format>: did you mean 'table'? It is one of table, json, csv (see 'accord deals --help')\n"
    )
    // A value holding the parser's own words is still one line, not a crash.
    let tricky = try sandbox.run("deals", "--format", "'. Please provide one of ")
    #expect(tricky.status == 64 && tricky.stderrLines.count == 1, "\(tricky)")
    let far = try sandbox.run("deals", "--format", "xml")
    #expect(
      far.stderr.hasPrefix("Error: 'xml' is not a valid --format <format>: it is one of table, json, csv"))
    #expect(DatabaseSnapshot.of(sandbox.db) == before)
  }

  /// A word that names no command says so, with the nearest command, at any depth.
  @Test func anUnknownCommandNamesTheNearest() throws {
    let cases: [([String], String)] = [
      (["dael"], "Error: 'dael' is not a command of 'accord': did you mean 'accord deals'?"),
      (["deal", "--unsigned"], "Error: 'deal' is not a command of 'accord': did you mean 'accord deals'?"),
      (
        ["actor", "ad", "X"],
        "Error: 'ad' is not a command of 'accord actor': did you mean 'accord actor add'?"
      ),
      (
        ["negotation", "list"],
        "Error: 'negotation' is not a command of 'accord': did you mean 'accord negotiation'?"
      ),
      (["xyzzy"], "Error: 'xyzzy' is not a command of 'accord' (see 'accord --help' for its commands)"),
    ]
    for (arguments, start) in cases {
      let result = try sandbox.run(arguments)
      #expect(result.status == 64, "\(result)")
      #expect(result.stderrLines.count == 1, "\(result)")
      #expect(result.stderr.hasPrefix(start), "\(result)")
    }
  }

  /// `--db` and `--format` may come before the command, or between its words, as `git -C` does.
  @Test func sharedOptionsMayComeFirst() throws {
    let other = sandbox.folder + "/other.sqlite"
    try #require(try sandbox.run("init", "--db", other).status == 0)
    let placed = try sandbox.run("actor", "list", "--db", other, "--format", "csv")
    #expect(placed.stdout == "id,short id,name,kind,code,aliases\r\n")
    for arguments in [
      ["--db", other, "--format", "csv", "actor", "list"],
      ["--db=\(other)", "actor", "--format=csv", "list"],
      ["actor", "--db", other, "list", "--format", "csv"],
    ] {
      let result = try sandbox.run(arguments)
      #expect(result.status == 0, "\(result)")
      #expect(result.stdout == placed.stdout, "\(result)")
    }
    // And the default record is read when no --db is given.
    let list = try sandbox.run("--format", "csv", "actor", "list")
    #expect(list.stdout.contains("2,united-states,United States,state,,US\r\n"), "\(list)")
  }

  /// A command that only reads never makes a database, nor its folder.
  @Test func readingCommandsNeverMakeADatabase() throws {
    let missing = sandbox.folder + "/missing-dir/x.sqlite"
    let readers: [[String]] = [
      ["deals"], ["deals", "--unsigned"], ["actor", "list"], ["negotiation", "list"],
      ["timeline", "minerals"],
      ["search", "minerals"], ["history"], ["export"], ["report"], ["positions", "minerals"], ["deadlines"],
      ["source", "list"], ["condition", "list"], ["undo"],
    ]
    for arguments in readers {
      let result = try sandbox.run(arguments + ["--db", missing])
      #expect(result.status == 1, "\(result)")
      #expect(
        result.stderr
          == "Error: no Accord record at \(missing) (make one with 'accord init \(missing)', or name another with --db)\n",
        "\(result)")
      #expect(result.stdout == "")
      #expect(!FileManager.default.fileExists(atPath: sandbox.folder + "/missing-dir"), "\(arguments)")
    }
    // With no --db at all: the default place is not made either.
    let home = try sandbox.run(["deals"], environment: ["ACCORD_DB": nil])
    #expect(home.status == 1)
    #expect(home.stderr.contains("no Accord record at \(sandbox.folder)"), "\(home)")
    #expect(!FileManager.default.fileExists(atPath: sandbox.folder + "/xdg/accord"))
  }

  /// A writing command that fails on a new file leaves neither the file nor its folders behind;
  /// one that succeeds makes them.
  @Test func aFailedFirstWriteLeavesNothingBehind() throws {
    let fresh = sandbox.folder + "/new/deeper/x.sqlite"
    let failed = try sandbox.run("log", "nothing", "a development", "--db", fresh)
    #expect(failed.status == 1, "\(failed)")
    #expect(failed.stderr.hasPrefix("Error: no negotiation named 'nothing'"))
    #expect(!FileManager.default.fileExists(atPath: sandbox.folder + "/new"))

    // Killed while it makes a new record, a command leaves nothing under the record's name.
    let killed = try sandbox.start(
      ["actor", "add", "Ukraine", "--kind", "state", "--db", fresh],
      environment: ["ACCORD_TEST_CRASH_AFTER": "5"])
    #expect(killed.wait() == .signaled(SIGKILL), "\(killed.stderr)")
    #expect(!FileManager.default.fileExists(atPath: fresh))

    let made = try sandbox.run("actor", "add", "Ukraine", "--kind", "state", "--db", fresh)
    #expect(made.status == 0, "\(made)")
    #expect(FileManager.default.fileExists(atPath: fresh))
    // A later failure on the file that exists now removes nothing.
    let later = try sandbox.run("log", "nothing", "a development", "--db", fresh)
    #expect(later.status == 1)
    #expect(FileManager.default.fileExists(atPath: fresh))
    let actors = try #require(try sandbox.json(["actor", "list", "--db", fresh]) as? [[String: Any]])
    #expect(actors.count == 1)
  }

  /// A source's URL is a web page, a DOI or a URN: a script or data URL is refused, typed or
  /// imported, and nothing is written.
  @Test func aSourceURLIsAWebPageDOIOrURN() throws {
    let before = DatabaseSnapshot.of(sandbox.db)
    for url in [
      "javascript:alert(1)", "data:text/html,<b>x</b>", "file:///etc/passwd", "ftp://example.org/x",
    ] {
      let result = try sandbox.run("source", "add", url)
      #expect(result.status == 64, "\(result)")
      #expect(
        result.stderr.hasPrefix(
          "Error: '\(url)' is not a URL Accord keeps: a source's URL begins with https://, http://, doi:, urn:"
        ))
      let cited = try sandbox.run("log", "minerals", "a development", "--on", "2025-02-15", "--source", url)
      #expect(cited.status != 0, "\(cited)")
    }
    let file = sandbox.folder + "/evil.ndjson"
    try #"""
    {"format":"accord-export","version":3}
    {"type":"source","id":7,"slug":"evil","url":"javascript:alert(1)","title":"Evil"}
    """#
    .write(toFile: file, atomically: true, encoding: .utf8)
    let imported = try sandbox.run("import", file)
    #expect(imported.status == 64, "\(imported)")
    #expect(
      imported.stderr.contains("source 'evil': field 'url': 'javascript:alert(1)' is not a URL Accord keeps"))
    #expect(DatabaseSnapshot.of(sandbox.db) == before)
    for url in ["https://example.org/story", "HTTP://EXAMPLE.ORG/", "doi:10.1000/182", "urn:isbn:0451450523"]
    {
      #expect(try sandbox.run("source", "add", url).status == 0)
    }
  }

  /// A search for a name finds what mentions them, then what they did: quotes, meetings, steps,
  /// by any of their names, diacritics or not; a word that names no one finds texts alone.
  @Test func searchFindsPeopleByTheirNames() throws {
    try sandbox.add("actor", "add", "Türkiye", "--kind", "state", "--code", "TUR", "--alias", "Turkey")
    #expect(
      try sandbox.run("negotiation", "join", "minerals", "Türkiye", "--as", "party", "--on", "2025-01-01")
        .status == 0)
    try sandbox.add(
      "meeting", "add", "minerals", "--on", "2025-02-20", "--at", "Ankara", "--with", "Türkiye", "--with",
      "Ukraine")
    try sandbox.add("proposal", "step", "1", "rejected", "--party", "Türkiye", "--on", "2025-02-21")
    try sandbox.add(
      "quote", "add", "--by", "Türkiye", "--on", "2025-02-22", "Our ports stay open.", "--negotiation",
      "minerals")
    try sandbox.add("log", "minerals", "Turkey offered to host the next round", "--on", "2025-02-23")
    for name in ["Türkiye", "turkiye", "Turkey", "TUR"] {
      let hits = try #require(try sandbox.json("search", name) as? [[String: Any]])
      let found = hits.map { "\($0["kind"] as? String ?? "") \($0["id"] as? Int ?? 0)" }
      // The text that mentions Turkey first (when the word is in it), then what Türkiye did, newest first.
      #expect(Array(found.suffix(3)) == ["quote 1", "step 2", "meeting 1"], "\(name): \(found)")
      #expect(
        found.count == (name == "Turkey" ? 4 : 3) || found.first == "development 1", "\(name): \(found)")
    }
    // Narrowed by negotiation or dates, what they did is narrowed alike; a word that is a code
    // only when written as one.
    try sandbox.add("negotiation", "add", "Grain corridor", "--party", "Türkiye", "--id", "grain")
    try sandbox.add(
      "quote", "add", "--by", "Türkiye", "--on", "2025-03-10", "Ships will pass.", "--negotiation", "grain")
    let inMinerals = try #require(
      try sandbox.json("search", "Türkiye", "--negotiation", "minerals") as? [[String: Any]])
    #expect(
      inMinerals.map { "\($0["kind"] as? String ?? "") \($0["id"] as? Int ?? 0)" } == [
        "quote 1", "step 2", "meeting 1",
      ])
    let early = try #require(try sandbox.json("search", "Türkiye", "--to", "2025-02-21") as? [[String: Any]])
    #expect(
      early.map { "\($0["kind"] as? String ?? "") \($0["id"] as? Int ?? 0)" } == ["step 2", "meeting 1"])
    #expect(try #require(try sandbox.json("search", "tur") as? [[String: Any]]).isEmpty)
    let word = try #require(try sandbox.json("search", "ports") as? [[String: Any]])
    #expect(word.map { $0["kind"] as? String } == ["quote"])
  }
}
