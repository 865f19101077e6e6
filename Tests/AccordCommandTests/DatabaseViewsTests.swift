import AccordSQLite
import AccordStore
import Foundation
import Testing

/// The views named for analysts (Migrations/0011_analyst_views.sql) say what the command line
/// says, and leave out what it leaves out; `accord datasette-metadata` describes the database as it
/// is.
@Suite struct DatabaseViewsTests {
  let sandbox: Sandbox
  var example: String { sandbox.folder + "/example.sqlite" }
  static let negotiation = "us-ukraine-minerals"

  init() throws {
    sandbox = try Sandbox()
    let loaded = try sandbox.run("example", "--db", example)
    #expect(loaded.status == 0, "\(loaded)")
    // An answer, so that condition_answer has one too.
    try sandbox.add(
      "condition", "update", "1", "rejected", "--by", "United States", "--on", "2025-02-20", "--source",
      "epoch-times", "--db", example)
  }

  /// One fact as a view gives it, in the timeline's terms.
  struct Fact: Equatable, CustomStringConvertible {
    var kind: String
    var id: Int64
    var date: String
    var first: String
    var last: String
    var what: String
    var who: [String]
    var sources: [String]

    var description: String { "\(kind) \(id) \(date) \(what) \(who) \(sources)" }
  }

  /// Every fact of the example's negotiation as the analyst views give it, worded as the timeline
  /// words it. A step's `who` is its party; the timeline also names the tabler of a first step.
  func factsFromViews() throws -> [Fact] {
    let connection = try Connection(path: example, create: false, readOnly: true)
    let list = { (text: String?) in text.map { $0.components(separatedBy: "; ") } ?? [] }
    var facts: [Fact] = []
    facts += try connection.all(
      """
      SELECT id, date, date_first, date_last, speaker, text, context, sources, negotiation
      FROM quote ORDER BY id
      """
    ) {
      #expect($0.text(8) == Self.negotiation)
      return Fact(
        kind: "quote", id: $0.integer(0), date: $0.text(1), first: $0.text(2), last: $0.text(3),
        what: "\($0.text(4)): “\($0.text(5))”" + ($0.optionalText(6).map { " (\($0))" } ?? ""),
        who: [$0.text(4)], sources: list($0.optionalText(7)))
    }
    facts += try connection.all(
      "SELECT id, date, date_first, date_last, held_by, term, sources, negotiation FROM condition ORDER BY id"
    ) {
      #expect($0.text(7) == Self.negotiation)
      return Fact(
        kind: "condition", id: $0.integer(0), date: $0.text(1), first: $0.text(2), last: $0.text(3),
        what: $0.text(5), who: [$0.text(4)], sources: list($0.optionalText(6)))
    }
    facts += try connection.all(
      """
      SELECT id, date, date_first, date_last, answered_by, term, sources, negotiation, condition_id
      FROM condition_answer ORDER BY id
      """
    ) {
      #expect($0.text(7) == Self.negotiation)
      return Fact(
        kind: "answer", id: $0.integer(0), date: $0.text(1), first: $0.text(2), last: $0.text(3),
        what: "condition #\($0.integer(8)): \($0.text(5))", who: $0.optionalText(4).map { [$0] } ?? [],
        sources: list($0.optionalText(6)))
    }
    facts += try connection.all(
      """
      SELECT id, date, date_first, date_last, proposal_title, step, party, sources, negotiation
      FROM step ORDER BY id
      """
    ) {
      #expect($0.text(8) == Self.negotiation)
      return Fact(
        kind: "step", id: $0.integer(0), date: $0.text(1), first: $0.text(2), last: $0.text(3),
        what: "\($0.text(4)): \($0.text(5))", who: $0.optionalText(6).map { [$0] } ?? [],
        sources: list($0.optionalText(7)))
    }
    facts += try connection.all(
      """
      SELECT id, date, date_first, date_last, title, summary, participants, sources, negotiation
      FROM negotiation_meeting ORDER BY id
      """
    ) {
      #expect($0.text(8) == Self.negotiation)
      return Fact(
        kind: "meeting", id: $0.integer(0), date: $0.text(1), first: $0.text(2), last: $0.text(3),
        what: $0.text(4) + ($0.optionalText(5).map { ": \($0)" } ?? ""), who: list($0.optionalText(6)),
        sources: list($0.optionalText(7)))
    }
    return facts
  }

  /// The same facts as `accord timeline --format json` gives them: a quote's and a meeting's words
  /// whole; a condition's term, an answer's condition and term, and a step's proposal and step as
  /// the timeline's sentence holds them.
  func factsFromTimeline() throws -> [Fact] {
    let entries = try #require(
      try sandbox.json("timeline", Self.negotiation, "--db", example) as? [[String: Any]])
    return try entries.compactMap { entry -> Fact? in
      let kind = try #require(entry.string("kind"))
      guard ["quote", "condition", "answer", "step", "meeting"].contains(kind) else { return nil }
      let date = try #require(entry.object("date"))
      return Fact(
        kind: kind, id: try #require(entry.int("id")), date: try #require(date.string("edtf")),
        first: try #require(date.string("first")), last: try #require(date.string("last")),
        what: try #require(entry.string("what")), who: entry.strings("who"), sources: entry.strings("sources")
      )
    }
  }

  /// Each fact of the views is the timeline's fact of that kind and number: same date, actors
  /// and sources, and words the timeline's line holds; and the two list the same facts.
  func expectViewsAgreeWithTheTimeline(sourceLocation: SourceLocation = #_sourceLocation) throws {
    let views = try factsFromViews()
    let timeline = try factsFromTimeline()
    let key = { (f: Fact) in "\(f.kind) \(f.id)" }
    #expect(views.map(key).sorted() == timeline.map(key).sorted(), sourceLocation: sourceLocation)
    for fact in views {
      guard let line = timeline.first(where: { key($0) == key(fact) }) else { continue }
      #expect(
        fact.date == line.date && fact.first == line.first && fact.last == line.last,
        sourceLocation: sourceLocation)
      #expect(fact.sources == line.sources, "\(fact) / \(line)", sourceLocation: sourceLocation)
      switch fact.kind {
      case "quote", "meeting":
        #expect(fact.what == line.what, sourceLocation: sourceLocation)
        #expect(fact.who == line.who, sourceLocation: sourceLocation)
      case "step":
        #expect(line.what.hasPrefix(fact.what), "\(fact) / \(line)", sourceLocation: sourceLocation)
        if !fact.who.isEmpty { #expect(fact.who == line.who, sourceLocation: sourceLocation) }
      default:
        #expect(line.what.contains(fact.what), "\(fact) / \(line)", sourceLocation: sourceLocation)
        #expect(fact.who == line.who, sourceLocation: sourceLocation)
      }
    }
  }

  /// The numbers a query gives, in order (a view's rows come in no set order).
  func ids(_ sql: String) throws -> [Int64] {
    try Connection(path: example, create: false, readOnly: true).all(sql) { $0.integer(0) }.sorted()
  }

  @Test func theViewsSayWhatTheTimelineSays() throws {
    try expectViewsAgreeWithTheTimeline()
    // Known facts of the worked example, so that agreeing on nothing does not pass.
    let connection = try Connection(path: example, create: false, readOnly: true)
    #expect(
      try connection.all("SELECT speaker, text FROM quote WHERE id = 3") { "\($0.text(0)): \($0.text(1))" }
        == ["Volodymyr Zelenskyy: We’re still talking."])
    #expect(try ids("SELECT id FROM quote") == [1, 2, 3, 4, 5])
    #expect(
      try connection.all("SELECT held_by, stance, in_exchange_for FROM condition WHERE id = 1") {
        "\($0.text(0)) \($0.text(1)) \($0.text(2))"
      } == ["Ukraine precondition US access to Ukraine's rare-earth minerals and other resources"])
    #expect(
      try connection.all("SELECT answered_by, outcome, term FROM condition_answer") {
        "\($0.text(0)) \($0.text(1)) \($0.text(2))"
      } == ["United States rejected US security guarantees for Ukraine"])
    #expect(
      try connection.all("SELECT proposal, step, coalesce(party, '-') FROM step ORDER BY id") {
        "\($0.text(0)) \($0.text(1)) \($0.text(2))"
      } == ["us-resources-proposal tabled -", "us-resources-proposal rejected Ukraine"])
    #expect(
      try connection.all("SELECT title, participants FROM negotiation_meeting") {
        "\($0.text(0)) | \($0.text(1))"
      }
        == [
          "Meeting at Munich Security Conference, Germany | Volodymyr Zelenskyy; Scott Bessent; JD Vance; Marco Rubio"
        ])
    #expect(
      try connection.all("SELECT negotiation, date, actors, sources, text FROM negotiation_development") {
        row in (0..<5).map { row.text($0) }.joined(separator: " | ")
      }
        == [
          "\(Self.negotiation) | 2025-02-15~ | United States | epoch-times | The White House did not answer "
            + "The Epoch Times' request for comment on the deal."
        ])
    // The views of earlier migrations give the negotiation's number and short id alike.
    for view in [
      "proposal_status", "live_draft", "unsigned_deal", "dormant_draft", "condition_status",
      "participant_today",
      "proposal_dataset", "quote", "condition", "condition_answer", "step", "negotiation_meeting",
      "negotiation_development",
    ] {
      let columns = try connection.all("SELECT name FROM pragma_table_info(?)", [.text(view)]) { $0.text(0) }
      #expect(columns.contains("negotiation_id") && columns.contains("negotiation"), "\(view): \(columns)")
    }
    #expect(
      try connection.all("SELECT DISTINCT negotiation FROM participant_today") { $0.text(0) } == [
        Self.negotiation
      ])
  }

  @Test func retractedRecordsLeaveTheViewsAsTheyLeaveTheCommandLine() throws {
    try sandbox.add(
      "condition", "update", "1", "accepted", "--by", "United States", "--on", "2025-02-21", "--db", example)
    for (kind, record) in [
      ("quote", "2"), ("step", "2"), ("condition", "2"), ("answer", "1"), ("meeting", "1"),
      ("source", "amanpour-interview"),
    ] {
      try sandbox.add("retract", kind, record, "--reason", "a test", "--db", example)
    }
    #expect(try ids("SELECT id FROM quote") == [1, 3, 4, 5])
    #expect(try ids("SELECT id FROM current_statement") == [1, 3, 4, 5])
    #expect(try ids("SELECT id FROM step") == [1])
    #expect(try ids("SELECT id FROM current_proposal_step") == [1])
    #expect(try ids("SELECT id FROM condition") == [1])
    #expect(try ids("SELECT id FROM current_position") == [1])
    #expect(try ids("SELECT id FROM condition_answer") == [2])
    #expect(try ids("SELECT id FROM current_answer") == [2])
    #expect(try ids("SELECT id FROM negotiation_meeting") == [])
    #expect(try ids("SELECT id FROM current_meeting") == [])
    // A retracted source is no longer listed as a quote's source.
    #expect(try ids("SELECT id FROM quote WHERE sources IS NULL") == [3])
    try expectViewsAgreeWithTheTimeline()

    // A retracted proposal takes its steps along; a retracted negotiation, everything of it, as
    // the command line's search leaves it out.
    try sandbox.add("retract", "proposal", "us-resources-proposal", "--reason", "a test", "--db", example)
    #expect(try ids("SELECT id FROM step") == [])
    #expect(try ids("SELECT count(*) FROM quote") == [4])
    try sandbox.add("retract", "negotiation", Self.negotiation, "--reason", "a test", "--db", example)
    for view in [
      "quote", "condition", "condition_answer", "step", "negotiation_meeting", "negotiation_development",
      "proposal_status", "current_meeting", "current_statement", "current_development", "current_position",
    ] {
      #expect(try ids("SELECT count(*) FROM \(view)") == [0], "\(view)")
    }
    let found = try #require(try sandbox.json("search", "talking", "--db", example) as? [Any])
    #expect(found.isEmpty)
  }

  /// `accord datasette-metadata`: JSON Datasette reads, the database named as Datasette names the
  /// file, and every table, view and column it describes is in the database.
  @Test func datasetteMetadataDescribesTheDatabaseAsItIs() throws {
    let named = sandbox.folder + "/team.2025.sqlite"
    try FileManager.default.copyItem(atPath: example, toPath: named)
    let result = try sandbox.run("datasette-metadata", "--db", named)
    #expect(result.status == 0, "\(result)")
    #expect(result.stderr == "")
    let metadata = try #require(try result.json() as? [String: Any])
    #expect(metadata.string("title") == "Accord")
    #expect(metadata.string("description")?.isEmpty == false)
    let databases = try #require(metadata.object("databases"))
    #expect(Array(databases.keys) == ["team.2025"])
    let tables = try #require(databases.object("team.2025")?.object("tables"))

    let connection = try Connection(path: named, create: false, readOnly: true)
    let schema = try connection.all(
      """
      SELECT name FROM sqlite_schema WHERE type IN ('table', 'view') AND name NOT LIKE 'sqlite%'
        AND name NOT IN ('search_config', 'search_data', 'search_docsize', 'search_idx')
      """
    ) { $0.text(0) }
    #expect(Set(tables.keys) == Set(schema))
    for (table, value) in tables {
      let entry = try #require(value as? [String: Any])
      let columns = try connection.all("SELECT name FROM pragma_table_info(?)", [.text(table)]) { $0.text(0) }
      #expect(entry.string("description")?.isEmpty == false, "\(table)")
      let described = entry.object("columns").map { Array($0.keys) } ?? []
      for column in described + entry.strings("facets")
        + [entry.string("sort_desc"), entry.string("label_column")]
        .compactMap({ $0 })
      {
        #expect(columns.contains(column), "\(table).\(column) is described but is not a column")
      }
    }
    let quote = try #require(tables.object("quote"))
    #expect(quote.object("columns")?.string("speaker") == "Who said it.")
    #expect(quote.strings("facets").contains("negotiation"))
    #expect(quote.string("sort_desc") == "date_first")

    // A file that is not there is not made.
    let missing = try sandbox.run("datasette-metadata", "--db", sandbox.folder + "/none.sqlite")
    #expect(missing.status == 1)
    #expect(!FileManager.default.fileExists(atPath: sandbox.folder + "/none.sqlite"))
  }
}
