import Foundation
import Testing

/// The Iran nuclear talks as the E3 and then P5+1 conducted them, blocs at the table: their
/// members over time, who demands what and who accepted or reneged, the deadlines of the interim
/// deal, and the Security Council's endorsement of the JCPOA in another negotiation. Entered through
/// the binary; answers checked on several days (issue "Blocs, a position matrix, deadlines and links").
///
/// Dates (public record): the E3 from 2003-10-21; P5+1 (China, France, Germany, Russia, the UK, the
/// US) from 2006-06-01; the JPOA 2013-11-24, implemented 2014-01-20, its six months ending 2014-07-20,
/// extended on 2014-07-19 to 2014-11-24 and on 2014-11-24 to 2015-06-30, then on 2015-06-30 to
/// 2015-07-07, on 2015-07-07 to 2015-07-10 and on 2015-07-10 to 2015-07-13; the Lausanne joint
/// statement 2015-04-02; the JCPOA 2015-07-14; Resolution 2231 2015-07-20; Implementation Day
/// 2016-01-16; the US withdrawal announced 2018-05-08, in effect 2018-11-05; Termination Day
/// 2025-10-18.
@Suite struct IranBlocsTests {
  static let commands: [[String]] = [
    ["actor", "add", "Iran", "--kind", "state", "--code", "IRN"],
    ["actor", "add", "China", "--kind", "state", "--code", "CHN"],
    ["actor", "add", "France", "--kind", "state", "--code", "FRA"],
    ["actor", "add", "Germany", "--kind", "state", "--code", "DEU"],
    ["actor", "add", "Russia", "--kind", "state", "--code", "RUS"],
    ["actor", "add", "United Kingdom", "--kind", "state", "--code", "GBR", "--alias", "UK"],
    ["actor", "add", "United States", "--kind", "state", "--code", "USA", "--alias", "US"],
    ["actor", "add", "E3", "--kind", "group", "--alias", "EU-3"],
    ["actor", "add", "P5+1", "--kind", "group", "--id", "p5-1", "--alias", "E3+3"],
    ["actor", "add", "UN Security Council", "--kind", "organization", "--id", "unsc"],
    ["actor", "member", "E3", "--add", "France", "Germany", "UK", "--since", "2003-10-21"],
    [
      "actor", "member", "P5+1", "--add", "China", "France", "Germany", "Russia", "UK", "US", "--since",
      "2006-06-01",
    ],
    ["negotiation", "add", "Iran nuclear talks", "--id", "iran", "--party", "Iran"],
    ["negotiation", "join", "iran", "E3", "--as", "party", "--side", "E3/EU+3", "--on", "2003-10-21"],
    ["negotiation", "join", "iran", "P5+1", "--as", "party", "--side", "E3/EU+3", "--on", "2006-06-01"],
    ["negotiation", "leave", "iran", "E3", "--on", "2006-06-01"],
    ["log", "iran", "E3 foreign ministers in Tehran", "--on", "2003-10-21", "--actor", "E3"],
    // The interim deal, its deadline, and the extensions that moved it.
    [
      "proposal", "add", "iran", "Joint Plan of Action", "--id", "jpoa", "--by", "P5+1", "--on", "2013-11-24",
    ],
    ["proposal", "step", "jpoa", "adopted", "--on", "2013-11-24"],
    ["proposal", "step", "jpoa", "in-force", "--on", "2014-01-20"],
    ["deadline", "add", "iran", "The JPOA's six months end", "--on", "2014-07-20", "--proposal", "jpoa"],
    ["proposal", "step", "jpoa", "extended", "--on", "2014-07-19", "--until", "2014-11-24"],
    ["proposal", "step", "jpoa", "extended", "--on", "2014-11-24", "--until", "2015-06-30"],
    ["proposal", "step", "jpoa", "extended", "--on", "2015-06-30", "--until", "2015-07-07"],
    ["proposal", "step", "jpoa", "extended", "--on", "2015-07-07", "--until", "2015-07-10"],
    ["proposal", "step", "jpoa", "extended", "--on", "2015-07-10", "--until", "2015-07-13"],
    // Who demands what.
    [
      "condition", "add", "iran", "--by", "P5+1", "--demands", "limits on Iran's enrichment of uranium",
      "--in-exchange-for", "relief from nuclear sanctions", "--on", "2013-11-24",
    ],
    [
      "condition", "add", "iran", "--by", "Iran", "--demands", "relief from nuclear sanctions", "--on",
      "2013-11-24",
    ],
    ["condition", "revise", "1", "enrichment capped at 3.67% for 15 years", "--on", "2015-04-02"],
    // The JCPOA: Iran accepts the cap, P5+1 the relief; the US reneges in 2018.
    [
      "proposal", "add", "iran", "Joint Comprehensive Plan of Action", "--id", "jcpoa", "--by", "P5+1",
      "--on", "2015-07-14",
    ],
    ["proposal", "step", "jcpoa", "adopted", "--on", "2015-07-14"],
    ["condition", "update", "3", "accepted", "--by", "Iran", "--on", "2015-07-14"],
    ["condition", "update", "2", "accepted", "--by", "P5+1", "--on", "2015-07-14"],
    ["proposal", "step", "jcpoa", "in-force", "--on", "2016-01-16"],
    ["proposal", "step", "jpoa", "superseded", "--on", "2016-01-16"],
    [
      "proposal", "step", "jcpoa", "withdrawal-notified", "--party", "US", "--on", "2018-05-08",
      "--effective", "2018-11-05",
    ],
    ["condition", "update", "2", "reneged", "--by", "US", "--on", "2018-05-08"],
    ["proposal", "step", "jcpoa", "terminated", "--on", "2025-10-18"],
    // The Security Council endorses it, in a negotiation of its own.
    [
      "negotiation", "add", "Security Council on Iran's nuclear programme", "--id", "unsc-iran", "--party",
      "unsc",
    ],
    [
      "proposal", "add", "unsc-iran", "Resolution 2231", "--id", "unscr-2231", "--by", "unsc", "--on",
      "2015-07-20",
    ],
    ["proposal", "step", "unscr-2231", "adopted", "--on", "2015-07-20"],
    ["proposal", "link", "unscr-2231", "--endorses", "jcpoa"],
  ]

  let sandbox: Sandbox

  static let template = Sandbox.template(commands)

  init() throws {
    sandbox = try Sandbox()
    try sandbox.load(Self.template)
  }

  func slugs(_ arguments: String...) throws -> [String] {
    let list = try #require(try sandbox.json(arguments) as? [[String: Any]])
    return list.compactMap { ($0["slug"] ?? $0["id"]).map { "\($0)" } }
  }

  @Test func aMemberFindsWhatItsBlocDid() throws {
    // Germany is no party itself: it takes part through the E3, then P5+1.
    let listed = try #require(
      try sandbox.json("negotiation", "list", "--party", "Germany", "--as-of", "2004-01-01")
        as? [[String: Any]])
    #expect(listed.map { $0["slug"] as? String } == ["iran"])
    #expect(listed.first?["via"] as? String == "E3")
    let later = try #require(
      try sandbox.json("negotiation", "list", "--party", "Germany", "--as-of", "2015-01-01")
        as? [[String: Any]])
    #expect(later.first?["via"] as? String == "P5+1")
    #expect(
      try slugs("negotiation", "list", "--party", "Germany", "--direct", "--as-of", "2015-01-01").isEmpty)
    // China joined P5+1 in 2006: not in the talks in 2004.
    #expect(try slugs("negotiation", "list", "--party", "China", "--as-of", "2004-01-01").isEmpty)
    // P5+1's conditions are the United States' too, from the day it belonged to it.
    let held = try #require(
      try sandbox.json("condition", "list", "--by", "US", "--as-of", "2016-01-01") as? [[String: Any]])
    #expect(held.map { $0["id"] as? Int } == [1, 3])
    #expect(held.allSatisfy { $0["via"] as? String == "P5+1" })
    #expect(try slugs("condition", "list", "--by", "US", "--direct").isEmpty)
    // The timeline of what Germany did: the E3's visit, then P5+1's steps and answers.
    let timeline = try #require(
      try sandbox.json("timeline", "iran", "--actor", "Germany") as? [[String: Any]])
    #expect(timeline.first?["via"] as? String == "E3")
    #expect(timeline.contains { ($0["what"] as? String)?.contains("P5+1 accepts condition #2") == true })
    #expect(try slugs("deals", "--party", "France", "--as-of", "2015-08-01") == ["jpoa", "jcpoa"])
  }

  @Test func answersComeFromEachCounterpart() throws {
    let relief = { (day: String) throws -> [String: Any] in
      let list = try #require(
        try self.sandbox.json("condition", "list", "iran", "--as-of", day) as? [[String: Any]])
      return try #require(list.first { $0["id"] as? Int == 2 })
    }
    #expect(try relief("2015-01-01")["state"] as? String == "open")
    #expect(try relief("2015-01-01")["awaiting"] as? [String] == ["P5+1"])
    #expect(try relief("2016-01-01")["state"] as? String == "accepted")
    let reneged = try relief("2018-06-01")
    #expect(reneged["state"] as? String == "reneged")
    #expect(
      (reneged["answers"] as? [[String: Any]])?.map { "\($0["outcome"] ?? "") by \($0["by"] ?? "")" } == [
        "accepted by P5+1", "reneged by United States",
      ])
    let table = try sandbox.output("condition", "list", "iran", "--as-of", "2018-06-01", "--format", "csv")
    #expect(table.contains("reneged: accepted by P5+1 2015-07-14; reneged by United States 2018-05-08"))
    // The revision closes the first demand and opens the second; the chain shows both.
    let chain = try #require(try sandbox.json("condition", "show", "3") as? [[String: Any]])
    #expect(chain.map { $0["id"] as? Int } == [1, 3])
    #expect(chain.first?["state"] as? String == "revised")
    #expect(chain.first?["revised_by"] as? Int == 3)
    #expect(chain.last?["revises"] as? Int == 1)
    // Answers are numbered apart, and retracted on their own.
    let retract = try sandbox.run("retract", "answer", "3", "--reason", "misattributed")
    #expect(retract.status == 0, "\(retract)")
    #expect(try relief("2018-06-01")["state"] as? String == "accepted")
  }

  @Test func thePositionMatrixOnFiveDays() throws {
    let matrix = { (day: String) throws -> [String: [String: String]] in
      let shown = try #require(try self.sandbox.json("positions", "iran", "--as-of", day) as? [String: Any])
      var cells: [String: [String: String]] = [:]
      for row in shown["rows"] as? [[String: Any]] ?? [] {
        let label = row["label"] as? String ?? ""
        for cell in row["cells"] as? [[String: Any]] ?? [] {
          cells[label, default: [:]][cell["party"] as? String ?? ""] = cell["stance"] as? String
        }
      }
      return cells
    }
    let enrichment = "limits on Iran's enrichment of uranium"
    let cap = "enrichment capped at 3.67% for 15 years"
    let relief = "relief from nuclear sanctions"
    #expect(
      try matrix("2013-12-01") == [
        enrichment: ["P5+1": "demands"], relief: ["Iran": "demands"],
        "Joint Plan of Action": ["Iran": "adopted", "P5+1": "adopted"],
      ])
    let lausanne = try matrix("2015-04-02")
    #expect(lausanne[enrichment] == ["P5+1": "revised"])
    #expect(lausanne[cap] == ["P5+1": "demands"])
    let vienna = try matrix("2015-07-14")
    #expect(vienna[cap] == ["P5+1": "demands", "Iran": "accepts"])
    #expect(vienna[relief] == ["Iran": "demands", "P5+1": "accepts"])
    #expect(vienna["Joint Comprehensive Plan of Action"] == ["Iran": "adopted", "P5+1": "adopted"])
    let implemented = try matrix("2016-02-01")
    #expect(implemented["Joint Comprehensive Plan of Action"] == ["Iran": "in_force", "P5+1": "in_force"])
    #expect(implemented["Joint Plan of Action"] == nil)  // superseded: no longer live
    let table = try sandbox.output("positions", "iran", "--as-of", "2016-02-01")
    #expect(table.contains("in force 2016-01-16"))
    let ended = try matrix("2025-11-01")
    #expect(ended["Joint Comprehensive Plan of Action"] == nil)
    #expect(ended[relief] == ["Iran": "demands", "P5+1": "accepts"])
  }

  @Test func deadlinesAreMovedMetOrMissed() throws {
    let list = { (day: String, extra: [String]) throws -> [String] in
      let items = try #require(
        try self.sandbox.json(["deadlines", "iran", "--as-of", day] + extra) as? [[String: Any]])
      return items.map { "\(($0["date"] as? [String: Any])?["edtf"] ?? "") \($0["state"] ?? "")" }
    }
    #expect(try list("2014-01-01", []) == ["2014-07-20 upcoming"])
    #expect(try list("2014-08-01", []) == ["2014-07-20 moved", "2014-11-24 upcoming"])
    #expect(try list("2014-08-01", ["--upcoming", "30"]).isEmpty)
    #expect(try list("2014-11-01", ["--upcoming", "30"]) == ["2014-11-24 upcoming"])
    // Due on its day; the last extension ran out the day before the JCPOA was concluded: missed
    // by a day, and no longer news once the JCPOA was adopted.
    let due = try #require(try sandbox.json("deadlines", "iran", "--as-of", "2015-07-13") as? [[String: Any]])
    #expect(due.last?["state"] as? String == "upcoming")
    #expect(due.last?["days_left"] as? Int == 0)
    #expect(try list("2015-07-14", ["--missed"]) == ["2015-07-13 missed"])
    let shown = try #require(
      try sandbox.json("deadlines", "iran", "--as-of", "2015-07-14") as? [[String: Any]])
    #expect(shown.last?["days_left"] as? Int == -1)
    let listed = try sandbox.output("negotiation", "list", "--as-of", "2015-07-14")
    #expect(!listed.contains("missed"))
  }

  @Test func linksShowBothWays() throws {
    let jcpoa = try #require(
      try sandbox.json("proposal", "show", "jcpoa", "--as-of", "2016-01-01") as? [String: Any])
    let links = (jcpoa["proposal"] as? [String: Any])?["links"] as? [[String: Any]] ?? []
    #expect(links.map { "\($0["relation"] ?? "") \($0["proposal"] ?? "")" } == ["endorsed by unscr-2231"])
    let resolution = try sandbox.output("proposal", "show", "unscr-2231")
    #expect(resolution.contains("Endorses Joint Comprehensive Plan of Action (jcpoa, in iran)"))
    let id = try #require(links.first?["id"] as? Int)
    #expect(try sandbox.run("retract", "link", String(id), "--reason", "entered twice").status == 0)
    let after = try #require(try sandbox.json("proposal", "show", "jcpoa") as? [String: Any])
    #expect(((after["proposal"] as? [String: Any])?["links"] as? [Any])?.isEmpty == true)
  }

  /// A member that joins a bloc after the bloc signed did not sign; one that belonged did.
  @Test func aLaterMemberOfABlocIsNotASignatory() throws {
    try sandbox.add("actor", "add", "European Union", "--kind", "organization", "--id", "eu")
    try sandbox.add("actor", "add", "Poland", "--kind", "state")
    try sandbox.add("actor", "add", "Croatia", "--kind", "state")
    try sandbox.run("actor", "member", "eu", "--add", "Poland", "--since", "2004-05-01")
    try sandbox.run("actor", "member", "eu", "--add", "Croatia", "--since", "2013-07-01")
    try sandbox.run("negotiation", "join", "iran", "eu", "--as", "party", "--on", "2010-01-01")
    try sandbox.add(
      "proposal", "add", "iran", "A protocol", "--id", "protocol", "--by", "eu", "--on", "2010-06-01")
    try sandbox.add("proposal", "step", "protocol", "signed", "--party", "eu", "--on", "2010-06-01")
    let shown = try #require(
      try sandbox.json("proposal", "show", "protocol", "--members", "--as-of", "2014-01-01") as? [String: Any]
    )
    let members = (shown["members"] as? [[String: Any]] ?? []).map {
      "\($0["party"] ?? "") \($0["state"] ?? "—") \($0["via"] ?? "")"
    }
    #expect(members == ["Croatia — European Union", "Poland signed European Union"])
    // Croatia may step for the EU's part once a member, through the bloc: a stranger before.
    #expect(
      try sandbox.run("proposal", "step", "protocol", "ratified", "--party", "Croatia", "--on", "2012-01-01")
        .status == 1)
    #expect(
      try sandbox.run("proposal", "step", "protocol", "ratified", "--party", "Croatia", "--on", "2014-01-01")
        .status == 0)
    // A bloc never contains itself.
    let circle = try sandbox.run("actor", "member", "Poland", "--add", "eu")
    #expect(circle.status == 1)
    #expect(
      circle.stderr
        == "Error: Poland belongs to European Union already: making European Union a member of it would make a circle\n"
    )
    let shownBloc = try #require(
      try sandbox.json("actor", "show", "eu", "--as-of", "2010-01-01") as? [String: Any])
    #expect((shownBloc["bloc_members"] as? [[String: Any]])?.map { $0["member"] as? String } == ["Poland"])
  }
}

extension IranBlocsTests {
  /// `--counters` given by mistake is corrected on the record, logged, and undone like any change.
  @Test func aChainGivenByMistakeIsCorrected() throws {
    let state = { (day: String) throws -> [String] in
      let list = try #require(
        try self.sandbox.json("deals", "--negotiation", "iran", "--as-of", day) as? [[String: Any]])
      return list.map { "\($0["slug"] ?? "") \($0["status"] ?? "")" }
    }
    try sandbox.add(
      "proposal", "add", "iran", "Lausanne framework", "--id", "lausanne", "--by", "P5+1", "--on",
      "2015-04-02",
      "--counters", "jpoa")
    #expect(try state("2015-05-01") == ["jpoa countered", "lausanne drafted"])
    let edit = try sandbox.run("proposal", "edit", "lausanne", "--counters", "none")
    #expect(edit.status == 0 && edit.stderr == "", "\(edit)")
    #expect(try state("2015-05-01") == ["jpoa in_force", "lausanne drafted"])
    #expect(try sandbox.output("history").contains("counters_id: 1 → null"))
    #expect(try sandbox.run("undo").status == 0)
    #expect(try state("2015-05-01") == ["jpoa countered", "lausanne drafted"])
    // What it would counter must be of the same negotiation.
    let across = try sandbox.run("proposal", "edit", "lausanne", "--counters", "unscr-2231")
    #expect(across.status == 64)
    #expect(across.stderr == "Error: a proposal can only counter or supersede one of the same negotiation\n")
  }

  /// Everything this record holds (memberships, sides, answers by several counterparts, a revised
  /// condition, deadlines, a link across negotiations, retractions of them) exports and imports
  /// back to the same file, byte for byte.
  @Test(arguments: ["ndjson", "json"]) func theRecordComesBackByteForByte(format: String) throws {
    try sandbox.run("actor", "member", "E3", "--remove", "Germany", "--on", "2030-01-01")
    try sandbox.add("deadline", "add", "unsc-iran", "Snapback window closes", "--on", "2025-10-18")
    let answer = try sandbox.add("condition", "update", "3", "rejected", "--by", "Iran", "--on", "2019-07-01")
    #expect(try sandbox.run("retract", "answer", String(answer), "--reason", "entered in error").status == 0)
    let first = try sandbox.output("export", "--format", format)
    let file = sandbox.folder + "/record." + format
    try first.write(toFile: file, atomically: true, encoding: .utf8)
    let copy = sandbox.folder + "/copy.sqlite"
    let imported = try sandbox.run("import", file, "--db", copy)
    #expect(imported.status == 0, "\(imported)")
    #expect(try sandbox.output("export", "--db", copy, "--format", format) == first)
    for type in ["membership", "answer", "deadline", "link", "retraction"] {
      #expect(first.contains("\"type\":\"\(type)\""), "no \(type) record exported")
    }
  }

  /// The report shows the sides, the matrix, the deadlines and the links.
  @Test func theReportShowsTheMatrixDeadlinesAndLinks() throws {
    let markdown = try sandbox.output(
      "report", "iran", "unsc-iran", "--as-of", "2015-07-14", "--since", "2015-07-01")
    #expect(markdown.contains("## Deadlines"))
    #expect(
      markdown.contains(
        "| 2015-07-13 | Joint Plan of Action deadline | Iran nuclear talks | Joint Plan of Action | missed 1 day ago |"
      ))
    #expect(markdown.contains("| relief from nuclear sanctions | demands 2013-11-24 | accepts 2015-07-14 |"))
    #expect(markdown.contains("Parties: Iran, P5+1 (E3/EU+3)"))
    // The resolution came six days later: no link yet.
    #expect(!markdown.contains("endorsed by"))
    let later = try sandbox.output(
      "report", "iran", "unsc-iran", "--as-of", "2016-02-01", "--since", "2015-07-15")
    #expect(later.contains("Links: endorsed by Resolution 2231 (unscr-2231, in unsc-iran)"))
    #expect(
      later.contains(
        "- 2015-07-20 — Resolution 2231 (unscr-2231, in unsc-iran) endorses Joint Comprehensive Plan of Action (jcpoa, in iran)"
      ))
    let html = try sandbox.output("report", "iran", "--as-of", "2016-02-01", "--format", "html")
    #expect(html.contains("<table class=\"matrix\">"))
    #expect(html.contains("<td class=\"stance-yes\">accepts 2015-07-14</td>"))
  }
}
