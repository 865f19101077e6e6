import AccordSQLite
import AccordSamples
import AccordTestEngine
import Foundation
import Testing

@testable import AccordStore

/// `accord search`: FTS5 over everything written or quoted, kept in step by the triggers of
/// Migrations/0003_search.sql, ranked by bm25, folding case and diacritics.
@Suite struct SearchTests {
  let store: AccordStore

  init() throws {
    store = try makeMineralsStore()
    try store.addNegotiation(
      NewNegotiation(
        title: "Ceasefire talks", slug: "ceasefire", summary: "A truce along the line of contact.",
        participants: [("Ukraine", .party)]))
  }

  func log(
    _ text: String, on day: String = "2025-02-15", in negotiation: String = "minerals", actors: [String] = []
  )
    throws -> Int64
  {
    try store.log(negotiation: negotiation, text: text, date: try date(day), actors: actors)
  }

  func found(_ query: String, _ filter: SearchFilter = SearchFilter()) throws -> [String] {
    try store.search(query, filter: filter).map { "\($0.kind) \($0.id)" }
  }

  @Test func aTitleOutranksATextThatOutranksAPassingMention() throws {
    let twice = try log("The ceasefire held; a ceasefire monitoring mission was proposed.")
    let once = try log(
      "Grain exports, ports, ships, insurance and corridors were discussed at length; a ceasefire came up in passing."
    )
    let hits = try store.search("ceasefire")
    #expect(
      hits.map { "\($0.kind) \($0.id)" } == ["negotiation 2", "development \(twice)", "development \(once)"])
    #expect(hits.map(\.rank) == [1, 2, 3])
    #expect(try store.search("ceasefire", offset: 1).map(\.rank) == [2, 3])
    #expect(hits[0].negotiation == "ceasefire")
    #expect(hits[0].snippet == "[Ceasefire] talks")
    #expect(hits[1].date?.text == "2025-02-15")
  }

  @Test func caseAndDiacriticsDoNotMatter() throws {
    let munich = try log("Talks resumed in München.")
    let shouted = try log("ZELENSKYY SAID NO.")
    let cyrillic = try log("ЗЕЛЕНСЬКИЙ відповів.")
    #expect(try found("Munchen") == ["development \(munich)"])
    #expect(try found("MÜNCHEN") == ["development \(munich)"])
    #expect(try found("zelenskyy") == ["development \(shouted)"])
    #expect(try found("зеленський") == ["development \(cyrillic)"])
    #expect(try store.search("munchen").first?.snippet == "Talks resumed in [München].")
  }

  @Test func phrasesAndPrefixes() throws {
    let phrase = try log("Ukraine wants security guarantees first.")
    let reversed = try log("Guarantees of security were not discussed.")
    let singular = try log("A guarantee was floated.")
    #expect(try found("\"security guarantees\"") == ["development \(phrase)"])
    #expect(Set(try found("security guarantees")) == ["development \(phrase)", "development \(reversed)"])
    #expect(
      Set(try found("guarant*"))
        == ["development \(phrase)", "development \(reversed)", "development \(singular)"])
    #expect(try found("\"security guarant\"*") == ["development \(phrase)"])
    #expect(try found("guarantee NOT security") == ["development \(singular)"])
    #expect(Set(try found("floated OR first")) == ["development \(phrase)", "development \(singular)"])
  }

  @Test func wordsWithPunctuationAreSearchedAsPhrases() throws {
    let us = try log("U.S. officials did not comment.")
    let possessive = try log("Zelenskyy's office confirmed the call.")
    #expect(try found("U.S.") == ["development \(us)"])
    #expect(try found("zelenskyy's") == ["development \(possessive)"])
    // A colon is a field filter only after a field's name: "Re: officials" looks for both words.
    let reply = try log("Re: officials.")
    #expect(try found("Re: officials") == ["development \(reply)"])
    #expect(try found("body:officials").count == 2)
    #expect(
      try SearchQuery.fts("U.S. title:talks 10:30 \"a \"\"b\"\"\"")
        == "\"U.S.\" title:talks \"10:30\" \"a \"\"b\"\"\"")
  }

  @Test func filtersByNegotiationActorAndDate() throws {
    let january = try log("Delegates met in Geneva.", on: "2025-01-10")
    let february = try log("Delegates met in Geneva again.", on: "2025-02", actors: ["Ukraine"])
    let march = try log("Delegates met in Geneva for the last time.", on: "2025-03-05")
    let elsewhere = try log("Delegates met in Geneva on the truce.", on: "2025-02-20", in: "ceasefire")
    let quote = try store.addQuote(
      by: "Zelenskyy", date: try date("2025-02-21"), text: "Geneva is a good place.", negotiation: "minerals")

    let all = Set(try found("geneva"))
    #expect(all.count == 5)
    let minerals = try store.resolveNegotiation("minerals")
    #expect(
      Set(try found("geneva", SearchFilter(negotiation: minerals)))
        == ["development \(january)", "development \(february)", "development \(march)", "quote \(quote)"])
    #expect(
      try found("geneva", SearchFilter(actor: try store.actorScope(try store.resolveActor("Zelenskyy")))) == [
        "quote \(quote)"
      ])
    #expect(
      try found("geneva", SearchFilter(actor: try store.actorScope(try store.resolveActor("Ukraine")))) == [
        "development \(february)"
      ])
    // A date filter takes facts by the first day their date covers: 2025-02 starts on 1 February.
    let february2025 = SearchFilter(from: try day("2025-02-01"), to: try day("2025-02-28"))
    #expect(
      Set(try found("geneva", february2025))
        == ["development \(february)", "development \(elsewhere)", "quote \(quote)"])
    #expect(
      try found(
        "geneva", SearchFilter(negotiation: minerals, from: try day("2025-02-02"), to: try day("2025-02-28")))
        == ["quote \(quote)"])
    #expect(Set(try found("geneva", SearchFilter(from: try day("2025-03-01")))) == ["development \(march)"])
    // Undated facts (a negotiation's title) drop out of a date-filtered search.
    #expect(try found("truce", SearchFilter(from: try day("2000-01-01"))) == ["development \(elsewhere)"])
    #expect(Set(try found("truce")) == ["negotiation 2", "development \(elsewhere)"])
  }

  @Test(arguments: [
    ("a AND AND b", "it cannot be read at \"AND\""), ("(ceasefire OR", "a ( is not closed"),
    ("ceasefire)", "a ) has no ( before it"), ("\"unclosed", "a double quote is not closed"),
    ("ceasefire NOT", "it ends too soon"), ("{bogus}: ceasefire", "there is no field 'bogus'"),
    ("   ", "give something to search for"), ("*", "it has no word to look for"),
    ("NEAR(ceasefire held, x)", "NEAR's distance must be a whole number, not \"x\""),
  ])
  func aMalformedQueryIsOneClearLineAndChangesNothing(query: String, reason: String) throws {
    _ = try log("The ceasefire held.")
    let before = try rowCounts(store)
    let error = #expect(throws: StoreError.self) { try store.search(query) }
    #expect(error?.isUsageError == true, "\(String(describing: error))")
    let message = error?.description ?? ""
    #expect(message.contains(reason), "\(message)")
    #expect(!message.contains("\n"))
    #expect(!message.contains("fts5"), "\(message)")
    #expect(try rowCounts(store) == before)
  }

  @Test(.fileOnly) func rowsWrittenWithRawSQLAreIndexedByTheTriggers() throws {
    let connection = store.connection
    let negotiation = try store.resolveNegotiation("minerals")
    let id = try connection.insert(
      """
      INSERT INTO development (negotiation_id, date, date_first, date_last, text)
      VALUES (?, '2025-02-16', '2025-02-16', '2025-02-16', 'Typed in the sqlite3 shell: Riyadh next.')
      """, [.integer(negotiation)])
    #expect(try found("riyadh") == ["development \(id)"])
    #expect(try store.search("riyadh").first?.negotiation == "minerals")

    try connection.run("UPDATE development SET text = 'Jeddah instead.' WHERE id = ?", [.integer(id)])
    #expect(try found("riyadh").isEmpty)
    #expect(try found("jeddah") == ["development \(id)"])

    let source = try connection.insert(
      "INSERT INTO source (slug, title, outlet) VALUES ('shell', 'Notes from Jeddah', 'Wire')")
    #expect(Set(try found("jeddah")) == ["development \(id)", "source \(source)"])
    try connection.run("DELETE FROM development WHERE id = ?", [.integer(id)])
    #expect(try found("jeddah") == ["source \(source)"])
    // The index holds one row per indexed fact, no more.
    #expect(try connection.integer("SELECT count(*) FROM search WHERE search MATCH 'jeddah'") == 1)
  }

  @Test func everyKindOfFactIsFound() throws {
    try store.addSource(
      url: "https://example.org/a", outlet: "Kyiv Wire", title: "Zanzibar report", slug: "wire")
    try store.addProposal(
      NewProposal(
        negotiation: "minerals", title: "Zanzibar draft", by: "United States", date: try date("2025-02-10"),
        slug: "zanzibar", terms: "Zanzibar terms", value: "5 billion USD", sources: ["wire"]))
    try store.addStep(
      proposal: "zanzibar", .rejected, date: try date("2025-02-12"), party: "Ukraine", note: "Zanzibar no")
    try store.addCondition(
      NewCondition(
        negotiation: "minerals", by: "Ukraine", stance: .demands, term: "Zanzibar access",
        date: try date("2025-02-13"), note: "Zanzibar first"))
    try store.addMeeting(
      negotiation: "minerals", date: try date("2025-02-14"), place: "Zanzibar", with: ["Zelenskyy", "Rubio"])
    try store.addQuote(by: "Rubio", date: try date("2025-02-15"), text: "Zanzibar!", negotiation: "minerals")
    _ = try log("Zanzibar again.")
    let kinds = Set(try store.search("zanzibar", limit: 50).map(\.kind))
    #expect(kinds == ["proposal", "step", "term", "condition", "meeting", "quote", "development", "source"])
    let hits = try store.search("zanzibar", limit: 50)
    #expect(hits.first { $0.kind == "proposal" }?.date?.text == "2025-02-10")
    #expect(hits.first { $0.kind == "term" }?.date?.text == "2025-02-13")
    #expect(hits.first { $0.kind == "step" }?.about == "Zanzibar draft")
    #expect(hits.first { $0.kind == "step" }?.who == "Ukraine")
    #expect(hits.first { $0.kind == "meeting" }?.who == "Volodymyr Zelenskyy, Marco Rubio")
    #expect(hits.first { $0.kind == "condition" }?.about == "Zanzibar access")
    #expect(hits.first { $0.kind == "source" }?.negotiation == nil)
    // Pages.
    let first = try store.search("zanzibar", limit: 3)
    let second = try store.search("zanzibar", limit: 3, offset: 3)
    #expect(first.count == 3 && second.count == 3)
    #expect(Set(first.map(\.snippet)).isDisjoint(with: second.map(\.snippet)))
  }

  @Test func theMigrationIndexesRowsThatWereThereBefore() throws {
    let connection = try Connection(path: ":memory:")
    let before = Migration.embedded.filter { $0.version < 3 }  // the schema before search
    try Migrator(migrations: before).migrate(connection)
    try connection.execute(
      """
      INSERT INTO negotiation (slug, title, title_key, summary) VALUES ('old', 'Old talks', 'old talks', 'In Zürich.');
      INSERT INTO development (negotiation_id, date, date_first, date_last, text)
        VALUES (1, '2024', '2024-01-01', '2024-12-31', 'Met in Zürich.');
      """)
    try Migrator().migrate(connection)
    let store = try AccordStore(connection: connection, today: fixedToday, wal: false)
    #expect(
      Set(try store.search("zurich").map { "\($0.kind) \($0.id)" }) == ["negotiation 1", "development 1"])
  }

  /// English stemming: a word finds its other forms, and the snippet marks the form found.
  /// A query names an actor only when it holds no operator, read by Unicode scalars as FTS5 reads
  /// it: a star with a combining mark after it is still a star, not part of a name.
  @Test func aQueryWithAnOperatorNamesNoActor() throws {
    #expect(try store.actorNamed(by: "Zelenskyy") != nil)
    #expect(try store.actorNamed(by: "\"Zelenskyy\"") != nil)
    try store.addActor(NewActor(name: "Zelenskyy*\u{301}", kind: .person, slug: "starred"))
    #expect(try store.actorNamed(by: "Zelenskyy*\u{301}") == nil)
    #expect(try store.actorNamed(by: "Zelenskyy*") == nil)
    #expect(try store.actorNamed(by: "Zelenskyy OR Trump") == nil)
  }

  @Test func aWordFindsItsOtherForms() throws {
    let withdrawal = try log("Russia announced its withdrawal from the grain corridor.")
    let guaranteed = try log("Passage was guaranteed by Türkiye.")
    #expect(try found("withdraw") == ["development \(withdrawal)"])
    #expect(try found("withdrawals") == ["development \(withdrawal)"])
    #expect(try found("guarantee").contains("development \(guaranteed)"))
    let hit = try #require(try store.search("withdraw").first)
    #expect(hit.snippet.contains("[withdrawal]"))
    // Diacritics still fold: `turkiye` finds Türkiye.
    #expect(try found("turkiye") == ["development \(guaranteed)"])
    // The index and the snippets' index split words by the same rule (on a file: the server's
    // index is a tsvector).
    guard store.words.engine == .sqlite else { return }
    let schema = try #require(
      try store.connection.first("SELECT sql FROM sqlite_schema WHERE name = 'search'", []) { $0.text(0) })
    #expect(schema.contains("tokenize = '\(AccordStore.searchTokenizer)'"))
  }

  /// The README's sample query, run as written in the sqlite3 shell, finds what it says.
  @Test(.fileOnly) func theReadmeSampleQueryFindsMunich() throws {
    let readme = try String(
      contentsOf: URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appending(path: "README.md"), encoding: .utf8)
    let start = try #require(
      readme.firstRange(of: "`SELECT s.kind, s.ref, coalesce(s.title, s.body) FROM search"))
    let rest = readme[readme.index(after: start.lowerBound)...]
    let sql = String(rest[..<(try #require(rest.firstIndex(of: "`")))])
    let example = try makeStore(today: WorkedExample.asOf)
    try WorkedExample.load(into: example)
    let rows = try example.connection.all(sql, []) { "\($0.text(0)) \($0.integer(1)) \($0.text(2))" }
    #expect(
      Array(rows.prefix(3)) == [
        "source 2 Christiane Amanpour's interview with Volodymyr Zelenskyy, Munich",
        "meeting 1 Munich Security Conference, Germany",
        "condition 1 stated by President Zelenskyy at the Munich Security Conference",
      ], "\(rows)")
    #expect(rows.dropFirst(3).allSatisfy { $0.hasPrefix("quote ") }, "\(rows)")
  }
}
