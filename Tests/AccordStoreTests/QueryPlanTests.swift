import AccordSamples
import Testing

@testable import AccordStore

/// The hot queries use indexes: every statement that a hot read or write runs is put through
/// `EXPLAIN QUERY PLAN` against a populated database, and a full scan of a large table fails the
/// test. The statements are captured as the store runs them, so a new query is checked as soon as
/// a hot path uses it.
@Suite struct QueryPlanTests {
  /// Tables that grow with the record: scanning one of them makes a query slow at scale.
  static let largeTables: Set<String> = [
    "development", "development_actor", "proposal_step", "position", "term_link", "statement",
    "citation", "meeting", "meeting_participant", "term", "actor_alias", "affiliation", "source",
  ]

  /// A store with a synthetic record, analysed as SQLite would see a real one.
  static func populatedStore() throws -> AccordStore {
    let store = try AccordStore.inMemory(today: Day(year: 2025, month: 7, day: 1)!)
    _ = try SyntheticCorpus(negotiations: 300, developments: 6_000, seed: 7).generate(into: store)
    try store.connection.execute("ANALYZE")
    return store
  }

  /// The SQL of every statement `body` runs.
  static func statements(of store: AccordStore, _ body: () throws -> Void) rethrows -> [String] {
    var seen: [String] = []
    store.connection.onStatement = { sql in if !seen.contains(sql) { seen.append(sql) } }
    defer { store.connection.onStatement = nil }
    try body()
    return seen
  }

  /// The full scans of large tables in `sql`'s plan, as `SCAN table` lines.
  static func largeScans(_ sql: String, in store: AccordStore, also: Set<String> = []) throws -> [String] {
    let trimmed = sql.trimmingSpaces.uppercased()
    guard trimmed.hasPrefix("SELECT") || trimmed.hasPrefix("WITH") || trimmed.hasPrefix("INSERT")
    else { return [] }
    let plan = try store.connection.all(
      "EXPLAIN QUERY PLAN " + sql, Array(repeating: .null, count: placeholders(sql))
    ) {
      $0.text(3)
    }
    let tables = aliases(sql)
    return plan.compactMap { line in
      guard line.hasPrefix("SCAN ") else { return nil }
      let name = line.dropFirst(5).split(separator: " ").first.map(String.init) ?? ""
      let table = tables[name] ?? name
      return largeTables.union(also).contains(table) ? "SCAN \(table)" : nil
    }
  }

  /// The table behind each name a statement uses: `FROM proposal_step s` maps `s` to `proposal_step`.
  static func aliases(_ sql: String) -> [String: String] {
    var map: [String: String] = [:]
    let words = sql.split(whereSeparator: { $0.isWhitespace || $0 == "(" || $0 == ")" || $0 == "," })
      .map(String.init)
    let keywords: Set<String> = ["ON", "WHERE", "JOIN", "LEFT", "USING", "GROUP", "ORDER", "LIMIT", "AS"]
    for (index, word) in words.enumerated() where ["FROM", "JOIN", "INTO"].contains(word.uppercased()) {
      guard index + 1 < words.count else { continue }
      let table = words[index + 1]
      map[table] = table
      var next = index + 2
      if next < words.count, words[next].uppercased() == "AS" { next += 1 }
      if next < words.count, !keywords.contains(words[next].uppercased()) { map[words[next]] = table }
    }
    return map
  }

  /// How many values a statement takes: `?` placeholders, or the highest `?N`.
  static func placeholders(_ sql: String) -> Int {
    var highest = 0
    var plain = 0
    var characters = Array(sql)[...]
    while let index = characters.firstIndex(of: "?") {
      let digits = characters[(index + 1)...].prefix { $0.isNumber }
      if let number = Int(String(digits)) { highest = max(highest, number) } else { plain += 1 }
      characters = characters[(index + 1)...]
    }
    return max(highest, plain)
  }

  /// Fails when `body` runs a statement that scans a large table, or one of `also`; `reading`
  /// names a table the operation reads whole by design (every step, for a status of every
  /// proposal: one ordered pass, not a lookup per proposal).
  static func check(
    _ operation: String, _ store: AccordStore, also: Set<String> = [], reading: Set<String> = [],
    _ body: () throws -> Void
  ) throws {
    let statements = try statements(of: store, body)
    #expect(!statements.isEmpty, "\(operation) ran no statement")
    for sql in statements {
      let scans = try largeScans(sql, in: store, also: also).filter {
        !reading.contains(String($0.dropFirst(5)))
      }
      #expect(scans.isEmpty, "\(operation) scans a large table: \(scans)\n\(sql)")
    }
  }

  @Test func hotReadsUseIndexes() throws {
    let store = try Self.populatedStore()
    let past = Day(year: 2020, month: 6, day: 30)!
    try Self.check("deals --unsigned", store, reading: ["proposal_step"]) { _ = try store.deals(.unsigned) }
    try Self.check("deals --unsigned --as-of", store, reading: ["proposal_step"]) {
      _ = try store.deals(.unsigned, asOf: past)
    }
    // One negotiation's deals read its proposals only, not every proposal.
    try Self.check("deals --negotiation", store, also: ["proposal", "negotiation"]) {
      _ = try store.deals(negotiation: 42)
    }
    try Self.check("condition list NEGOTIATION", store, also: ["negotiation"]) {
      _ = try store.conditions(negotiation: 42)
    }
    try Self.check("negotiation list", store, reading: ["proposal_step"]) { _ = try store.negotiations() }
    try Self.check("negotiation show", store) { _ = try store.negotiation(42, asOf: past) }
    try Self.check("condition list NEGOTIATION --open", store) {
      _ = try store.conditions(negotiation: 42, openOnly: true)
    }
    let alias = try #require(try store.actors(kind: .state).first?.aliases.first)
    try Self.check("resolve an actor by alias", store) { _ = try store.resolveActor(alias) }
    try Self.check("resolve a negotiation by short id", store) {
      _ = try store.resolveNegotiation("negotiation-7")
    }
  }

  @Test func hotWritesUseIndexes() throws {
    let store = try Self.populatedStore()
    try Self.check("log", store) {
      _ = try store.log(
        negotiation: "negotiation-42", text: "Delegates met.", date: AccordDate(day: store.today),
        actors: ["state-1"])
    }
    try Self.check("proposal step", store) {
      _ = try store.addStep(proposal: "n42-draft-1", .rejected, date: AccordDate(day: store.today))
    }
  }

  /// The views named for analysts (Migrations/0011_analyst_views.sql) read one negotiation's rows
  /// through indexes, as Datasette asks for them (`?negotiation=…`), and a whole listing reads its
  /// own table once, every name and source by index. `z` is a view's ordered list of sources, a
  /// few rows read by index.
  @Test func theAnalystViewsUseIndexes() throws {
    let store = try Self.populatedStore()
    for view in ["condition", "condition_answer", "negotiation_meeting", "quote", "step"] {
      func scans(_ sql: String) throws -> [String] {
        try store.connection.all("EXPLAIN QUERY PLAN " + sql, [.text("negotiation-42")]) { $0.text(3) }
          .filter { $0.hasPrefix("SCAN ") && $0 != "SCAN z" }
      }
      #expect(try scans("SELECT * FROM \(view) WHERE negotiation = ?") == [], "\(view)")
      let whole = try scans("SELECT * FROM \(view) WHERE ? IS NOT NULL")
      #expect(whole.count == 1, "\(view) reads more than one table whole: \(whole)")
    }
  }

  @Test func aFullScanIsCaught() throws {
    let store = try Self.populatedStore()
    let scans = try Self.largeScans("SELECT count(*) FROM development WHERE text LIKE '%Geneva%'", in: store)
    #expect(scans == ["SCAN development"])
    let aliased = try Self.largeScans("SELECT d.id FROM development d WHERE d.text LIKE ?", in: store)
    #expect(aliased == ["SCAN development"])
  }
}
