import AccordSQLite
import AccordSamples
import AccordTestEngine
import AccordTransfer
import Testing

@testable import AccordStore

/// The change log (Migrations/0004_history.sql), undo, retraction and actor merge.
@Suite struct HistoryTests {
  /// The worked example, loaded by analyst "alice".
  func exampleStore() throws -> AccordStore {
    let store = try makeStore()
    store.analyst = "alice"
    store.commandArguments = "accord example"
    try WorkedExample.load(into: store)
    return store
  }

  /// Every row of every table whose changes are logged, as text: equal dumps, equal records.
  func dump(_ store: AccordStore) throws -> [String] {
    var lines: [String] = []
    for table in try store.historyTables() {
      let columns = try store.tableColumns(table).columns
      let list = columns.map {
        store.words.engine == .sqlite ? "quote(\($0))" : "quote_nullable(\($0))"
      }.joined(separator: " || '|' || ")
      lines += try store.connection.all("SELECT \(list) FROM \(table) ORDER BY 1") {
        table + " " + $0.text(0)
      }
    }
    return lines.sorted()
  }

  // MARK: The log

  /// A future migration that adds a table without its three history triggers fails here.
  @Test(.fileOnly) func everyOrdinaryTableHasItsThreeHistoryTriggers() throws {
    let store = try makeStore()
    let tables = try store.connection.all(
      """
      SELECT name FROM sqlite_schema
      WHERE type = 'table' AND name NOT LIKE 'sqlite_%'
        AND name NOT IN ('schema_migration', 'command', 'change_log', 'bulk_write')
        AND NOT (name = 'search' OR name LIKE 'search\\_%' ESCAPE '\\')
      ORDER BY name
      """
    ) { $0.text(0) }
    #expect(tables.count >= 22)
    #expect(
      tables.contains("retraction") && tables.contains("actor") && tables.contains("proposal_signatory"))
    for table in tables {
      for event in ["INSERT", "UPDATE", "DELETE"] {
        let trigger = try store.connection.first(
          """
          SELECT sql FROM sqlite_schema WHERE type = 'trigger' AND tbl_name = ? AND name = ?
          """, [.text(table), .text("\(table)_history_\(event.lowercased())")]
        ) { $0.text(0) }
        #expect(
          trigger?.contains("AFTER \(event) ON \(table)") == true, "\(table) lacks its \(event) trigger")
        #expect(
          trigger?.contains("INSERT INTO change_log") == true, "\(table)'s \(event) trigger logs nothing")
      }
      // Every column is on the log of a change: the update trigger names each one, before and
      // after (an insert is logged by its key: the row is its own "after").
      let columns = try store.connection.all("SELECT name FROM pragma_table_info(?)", [.text(table)]) {
        $0.text(0)
      }
      let update = try store.connection.first(
        "SELECT sql FROM sqlite_schema WHERE name = ?", [.text("\(table)_history_update")]
      ) { $0.text(0) }
      for column in columns {
        #expect(update?.contains("'\(column)', new.\(column)") == true, "\(table).\(column) is not logged")
        #expect(update?.contains("'\(column)', old.\(column)") == true, "\(table).\(column) is not logged")
      }
      let insert = try store.connection.first(
        "SELECT sql FROM sqlite_schema WHERE name = ?", [.text("\(table)_history_insert")]
      ) { $0.text(0) }
      #expect(insert?.contains("WHEN NOT EXISTS (SELECT 1 FROM bulk_write)") == true, "\(table)")
      #expect(insert?.contains("json_array(new.") == true, "\(table)")
    }
    #expect(try store.historyTables() == tables)
  }

  @Test func insertsUpdatesAndDeletesAreLoggedWithAnalystAndBeforeAndAfter() throws {
    let store = try makeMineralsStore()
    store.analyst = "alice"
    store.commandArguments = "accord log minerals 'Talks resume'"
    let id = try store.log(negotiation: "minerals", text: "Talks resume", date: try date("2025-02-20"))
    let inserted = try #require(try store.history(limit: 1).first)
    #expect(inserted.operation == "insert" && inserted.table == "development" && inserted.key == "[\(id)]")
    #expect(inserted.analyst == (try TestEngine.analyst("alice", of: store)))
    #expect(inserted.arguments == "accord log minerals 'Talks resume'")
    #expect(inserted.before == nil)
    #expect(inserted.after?.first { $0.column == "text" }?.value == "Talks resume")
    #expect(inserted.after?.first { $0.column == "date_first" }?.value == "2025-02-20")

    // An edit with the sqlite3 shell (a raw connection, no Accord command open): analyst unknown.
    try store.connection.run("UPDATE development SET text = 'Talks resumed' WHERE id = ?", [.integer(id)])
    let updated = try #require(try store.history(limit: 1).first)
    #expect(updated.operation == "update" && updated.command == nil && updated.analyst == "sqlite3 shell")
    #expect(updated.before?.first { $0.column == "text" }?.value == "Talks resume")
    #expect(updated.after?.first { $0.column == "text" }?.value == "Talks resumed")
    #expect(updated.changedFields.map(\.column) == ["text"])

    try store.connection.run("DELETE FROM development WHERE id = ?", [.integer(id)])
    let deleted = try #require(try store.history(limit: 1).first)
    #expect(deleted.operation == "delete" && deleted.after == nil)
    #expect(deleted.before?.first { $0.column == "text" }?.value == "Talks resumed")

    // History of the record shows all three, newest first.
    #expect(try store.history(of: ("development", id)).map(\.operation) == ["delete", "update", "insert"])
  }

  /// A bulk insert's list of keys is counted here as the database's own JSON counts it, and what
  /// this reader does not follow is left to the database.
  @Test func aListOfKeysIsCountedAsTheDatabaseCountsIt() throws {
    let sqlite = try Connection(path: ":memory:")
    for json in [
      "[]", "[[1,\"a\"]]", #"[[1,"a,]"],[2,"b\"]["]]"#, " [ 1 , 2 , 3 ] ", #"[{"a":[1,2]},3,"x"]"#, "[[]]",
    ] {
      let counted = try #require(AccordStore.elementCount(ofArray: json), "\(json)")
      #expect(try sqlite.integer("SELECT count(*) FROM json_each(?)", [.text(json)]) == Int64(counted))
    }
    for json in ["", "1", "[1][2]", "[1", #""[1]""#, #"["a]"#, "[1] x"] {
      #expect(AccordStore.elementCount(ofArray: json) == nil, "\(json)")
    }
  }

  @Test func theLogIsAppendOnly() throws {
    let store = try makeMineralsStore()
    let before = try count("change_log", in: store)
    #expect(before > 0)
    #expect(throws: DatabaseError.self) { try store.connection.run("UPDATE change_log SET analyst = 'x'") }
    #expect(throws: DatabaseError.self) { try store.connection.run("UPDATE change_log SET row_key = '[0]'") }
    #expect(throws: DatabaseError.self) { try store.connection.run("DELETE FROM change_log") }
    #expect(throws: DatabaseError.self) { try store.connection.run("DELETE FROM command") }
    #expect(throws: DatabaseError.self) { try store.connection.run("UPDATE command SET analyst = 'mallory'") }
    #expect(try count("change_log", in: store) == before)
    #expect(try store.connection.integer("SELECT count(*) FROM command WHERE analyst = 'mallory'") == 0)
  }

  @Test func historyOfAnEntityNamedAsEverywhere() throws {
    let store = try exampleStore()
    let record = try store.historyRecord(kind: "proposal", name: "us-resources-proposal")
    let entries = try store.history(of: record)
    // Its own row, its steps and its citation.
    #expect(Set(entries.map(\.table)) == ["proposal", "proposal_step", "citation"])
    let actor = try store.historyRecord(kind: "actor", name: "зеленський")
    #expect(actor.table == "actor")
    #expect(try store.history(of: actor).contains { $0.table == "actor_alias" })
    #expect(throws: StoreError.self) { try store.historyRecord(kind: "nonsense", name: "1") }
  }

  /// A record that is gone (undone) is not there to be named, but its history is: by its number,
  /// while the log holds its row; a number the log never held is still not found.
  @Test func theHistoryOfARecordUndoneIsFoundByItsNumber() throws {
    let store = try makeMineralsStore()
    let id = try store.log(negotiation: "minerals", text: "Talks resume", date: try date("2025-02-20"))
    _ = try store.undo()
    let record = try store.historyRecord(kind: "development", name: String(id))
    #expect(record.table == "development" && record.id == id)
    let entries = try store.history(of: record)
    #expect(entries.filter { $0.table == "development" }.map(\.operation) == ["delete", "insert"])
    #expect(throws: StoreError.self) { try store.historyRecord(kind: "development", name: "999") }
    #expect(throws: StoreError.self) { try store.historyRecord(kind: "development", name: "Talks") }
  }

  /// A logged row is read in Swift as SQLite's json_each reads it, and as PostgreSQL's row_to_json
  /// writes it; anything else is left to the database (nil).
  @Test func aLoggedRowIsReadAsTheDatabaseReadsIt() throws {
    let connection = try Connection(path: ":memory:")
    typealias Field = HistoryEntry.Field
    for text in [
      "plain", "quote \" and \\ backslash", "tab\t new\nline", "ünïcödé", "emoji 🙂", "\u{1}\u{1F}\u{7F}",
      "/slash", "",
      "[1,\"tag\"]", "{\"a\":1}",
    ] {
      let json = try #require(
        try connection.first(
          "SELECT json_object('id', 7, 'text', ?, 'none', NULL, 'n', -12)", [.text(text)], { $0.text(0) }))
      let byDatabase = try connection.all(
        "SELECT key, CASE WHEN type = 'null' THEN NULL ELSE CAST(value AS TEXT) END FROM json_each(?)",
        [.text(json)]
      ) { row in Field(column: row.text(0), value: row.optionalText(1)) }
      #expect(AccordStore.members(ofObject: json) == byDatabase, "\(json)")
      #expect(byDatabase[1] == Field(column: "text", value: text))
    }
    // PostgreSQL's escapes (a character outside the BMP as a surrogate pair), and its spacing.
    #expect(
      AccordStore.members(ofObject: #"{ "a" : "\ud83d\ude42\u00e9" , "b":1 }"#)
        == [Field(column: "a", value: "🙂é"), Field(column: "b", value: "1")])
    #expect(AccordStore.members(ofObject: "{}") == [])
    for other in [
      "[1]", #"{"a":1"#, #"{"a":{"b":1}}"#, #"{"a":[1]}"#, #"{"a":"\ud83d"}"#, #"{"a":1}x"#, #"{"a":nul}"#,
    ] {
      #expect(AccordStore.members(ofObject: other) == nil, "\(other)")
    }
  }

  // MARK: Undo

  @Test func undoRevertsACommandExactlyAndUndoOfUndoRedoes() throws {
    let store = try exampleStore()
    let before = try dump(store)
    store.commandArguments = "accord proposal step us-resources-proposal signed"
    try store.addStep(
      proposal: "us-resources-proposal", .signed, date: try date("2025-04-30"), sources: ["epoch-times"])
    try store.retract(.quote, "1", reason: "misquoted")
    let after = try dump(store)
    #expect(after != before)
    let undone = try store.undo()  // the retraction
    #expect(undone.changes == 1)
    let second = try store.undo()  // redoes the retraction: undo of an undo
    #expect(second.command == undone.command + 1)
    #expect(try dump(store) == after)
    #expect(try store.isRetracted(.quote, 1))
  }

  @Test func undoOfTheLatestCommandGivesTheDumpBeforeIt() throws {
    let store = try exampleStore()
    let before = try dump(store)
    store.commandArguments = "accord proposal step us-resources-proposal signed"
    try store.addStep(
      proposal: "us-resources-proposal", .signed, date: try date("2025-04-30"), sources: ["epoch-times"])
    #expect(try dump(store) != before)
    let result = try store.undo()
    #expect(result.arguments == "accord proposal step us-resources-proposal signed")
    #expect(result.changes == 2)  // the step and its citation
    #expect(try dump(store) == before)
    // The undo is on the log, as a command of its own that names what it undid.
    #expect(
      try store.connection.integer("SELECT undoes FROM command ORDER BY id DESC LIMIT 1") == result.command)
  }

  @Test func undoRefusesWhenNothingToUndoAndWritesNothing() throws {
    let store = try makeStore()
    store.analyst = "nobody-yet"
    let counts = try rowCounts(store)
    let analyst = try TestEngine.analyst("nobody-yet", of: store)
    #expect(throws: StoreError.conflict("nothing to undo: \(analyst) has no command on the log")) {
      try store.undo()
    }
    #expect(try rowCounts(store) == counts)
  }

  @Test(.fileOnly) func undoRefusesWhenALaterChangeTouchedTheSameRows() throws {
    let store = try makeMineralsStore()
    store.analyst = "alice"
    let id = try store.log(negotiation: "minerals", text: "Talks resume", date: try date("2025-02-20"))
    // Bob edits the same development later.
    store.analyst = "bob"
    try store.write {
      try store.connection.run("UPDATE development SET text = 'Talks resumed' WHERE id = ?", [.integer(id)])
    }
    store.analyst = "alice"
    let counts = try rowCounts(store)
    do {
      _ = try store.undo()
      Issue.record("undo should refuse")
    } catch let error as StoreError {
      #expect(
        error.description.contains("a later change by bob touched the same record (development [\(id)])"))
    }
    #expect(try rowCounts(store) == counts)
  }

  // MARK: Retraction

  @Test func retractionHidesFromEveryAnswerAndIncludeRetractedShowsIt() throws {
    let store = try exampleStore()
    let negotiation = try store.resolveNegotiation("us-ukraine-minerals")
    let asOf = try day("2025-02-20")
    #expect(try store.deals(.unsigned, asOf: asOf).count == 1)
    #expect(try store.conditions(negotiation: negotiation, asOf: asOf).count == 2)
    #expect(try !store.search("Munich").isEmpty)

    try store.retract(.proposal, "us-resources-proposal", reason: "duplicate of another record")
    try store.retract(.condition, "1", reason: "misattributed")
    try store.retract(.meeting, "1", reason: "never happened")
    try store.retract(.quote, "1", reason: "misquoted")
    try store.retract(.development, "1", reason: "rumour")

    #expect(try store.deals(asOf: asOf).isEmpty)
    let shown = try store.deals(asOf: asOf, includeRetracted: true)
    #expect(shown.count == 1 && shown[0].retracted == true)
    let detail = try store.negotiation(negotiation, asOf: asOf)
    #expect(detail.proposals.isEmpty && detail.meetings.isEmpty && detail.developments.isEmpty)
    #expect(detail.conditions.map(\.id) == [2])
    #expect(!detail.quotes.isEmpty && !detail.quotes.contains { $0.id == 1 })
    #expect(try store.conditions(negotiation: negotiation, asOf: asOf).map(\.id) == [2])
    let all = try store.conditions(negotiation: negotiation, asOf: asOf, includeRetracted: true)
    #expect(all.map(\.id).sorted() == [1, 2])
    #expect(all.first { $0.id == 1 }?.retracted == true && all.first { $0.id == 2 }?.retracted == nil)
    let timeline = try store.timeline(negotiation: negotiation)
    #expect(!timeline.contains { [.meeting, .step, .development].contains($0.kind) })
    #expect(!timeline.contains { $0.condition == 1 })
    #expect(!timeline.contains { $0.kind == .quote && $0.id == 1 })
    #expect(try store.search("Munich").allSatisfy { !["meeting", "proposal", "step"].contains($0.kind) })
    #expect(try store.search("\"rare-earth\"").allSatisfy { $0.kind != "proposal" })
    let report = try store.report(options: ReportOptions(asOf: asOf))
    #expect(report.unsignedDeals.isEmpty)
    let section = try #require(report.negotiations.first)
    #expect(section.proposals.isEmpty && section.meetings.isEmpty && section.developments.isEmpty)
    #expect(!section.openConditions.contains { $0.id == 1 })
    #expect(!section.quotes.contains { $0.id == 1 })

    #expect(throws: StoreError.self) { try store.retract(.meeting, "1", reason: "again") }
    #expect(throws: StoreError.mistake(.retractionWithoutReason)) {
      try store.retract(.meeting, "1", reason: "  ")
    }
  }

  @Test func retractingAStepChangesTheDerivedStatus() throws {
    let store = try makeMineralsStore()
    try propose(store, "draft", on: "2025-02-01")
    try step(store, "draft", .signed, on: "2025-03-01")
    let signedStep = try #require(
      try store.connection.integer("SELECT max(id) FROM proposal_step WHERE step = 'signed'"))
    #expect(try store.deals().first?.status == .signed)
    #expect(try store.deals(.unsigned).isEmpty)
    #expect(try store.connection.integer("SELECT signed FROM proposal_status") == 1)

    try store.retract(.step, String(signedStep), reason: "the signing was misreported")
    let deal = try #require(try store.deals().first)
    #expect(deal.status == .drafted && !deal.signed)
    #expect(try store.deals(.unsigned).count == 1)
    // Nothing signed any more; nothing recorded since February: stalled.
    #expect(try store.negotiations().first?.status.state == .stalled)
    // The view for sqlite3 users applies the same rule.
    #expect(
      try store.connection.first("SELECT status, signed FROM proposal_status") { ($0.text(0), $0.integer(1)) }
        .map { "\($0.0) \($0.1)" } == "drafted 0")
    // (The views answer as of the real today, when this February draft may be dormant.)
    #expect(try store.connection.integer("SELECT count(*) FROM live_draft") == 1)
  }

  // MARK: Merge

  @Test func mergeMovesEveryReferenceKeepsNamesAsAliasesAndUndoRestoresThem() throws {
    let store = try exampleStore()
    // A duplicate of Zelenskyy, used everywhere an actor can be.
    try store.addActor(NewActor(name: "V. Zelensky", kind: .person, slug: "v-zelensky", aliases: ["Vova Z"]))
    try store.addActor(NewActor(name: "Zelenskyy's office", kind: .organization, slug: "office"))
    try store.addAffiliation(
      person: try store.resolveActor("v-zelensky"), NewAffiliation(organization: "office"))
    let negotiation = try store.resolveNegotiation("us-ukraine-minerals")
    let duplicate = try store.resolveActor("v-zelensky")
    try store.write {
      try store.addParticipant(negotiation: negotiation, actor: duplicate, role: .party)
      try store.addParticipant(negotiation: negotiation, actor: duplicate, role: .observer)
    }
    try store.addQuote(
      by: "v-zelensky", date: try date("2025-02-16"), text: "We will see.", negotiation: "us-ukraine-minerals"
    )
    try store.log(
      negotiation: "us-ukraine-minerals", text: "Phone call", date: try date("2025-02-17"),
      actors: ["v-zelensky", "zelenskyy"])
    try store.addStep(
      proposal: "us-resources-proposal", .rejected, date: try date("2025-02-18"), party: "v-zelensky")

    let references = try store.references(to: "actor")
    #expect(references.count >= 11)
    func pointing(at actor: Int64) throws -> Int {
      var total = 0
      for (table, column) in references {
        total += Int(
          try store.connection.integer("SELECT count(*) FROM \(table) WHERE \(column) = ?", [.integer(actor)])
            ?? 0)
      }
      return total
    }
    #expect(try pointing(at: duplicate) >= 8)
    let before = try dump(store)

    store.commandArguments = "accord actor merge v-zelensky zelenskyy"
    try store.mergeActor("v-zelensky", into: "zelenskyy")
    let zelenskyy = try store.resolveActor("zelenskyy")
    #expect(try pointing(at: duplicate) == 0)
    #expect(try store.resolveActor("Vova Z") == zelenskyy)
    #expect(try store.resolveActor("V. Zelensky") == zelenskyy)
    #expect(try store.isRetracted(.actor, duplicate))
    #expect(try !store.actors().contains { $0.id == duplicate })
    #expect(try store.actors(includeRetracted: true).contains { $0.id == duplicate && $0.retracted == true })
    let detail = try store.negotiation(negotiation)
    #expect(detail.participants.contains { $0.actor == "Volodymyr Zelenskyy" && $0.role == .observer })
    #expect(detail.quotes.contains { $0.text == "We will see." && $0.speaker == "Volodymyr Zelenskyy" })
    #expect(try store.actor(zelenskyy).affiliations.contains { $0.organization == "Zelenskyy's office" })

    let undone = try store.undo()
    #expect(undone.arguments == "accord actor merge v-zelensky zelenskyy")
    #expect(try dump(store) == before)
    #expect(try pointing(at: duplicate) >= 8)
    #expect(try store.resolveActor("Vova Z") == duplicate)

    #expect(throws: StoreError.self) { try store.mergeActor("zelenskyy", into: "Zelenskyy") }
  }

  // MARK: Export

  @Test func anExportCarriesRetractionsAndARoundTripKeepsThem() throws {
    let store = try exampleStore()
    try store.retract(.proposal, "us-resources-proposal", reason: "duplicate")
    try store.retract(.condition, "2", reason: "misattributed")
    try store.retract(.meeting, "1", reason: "never happened")
    var records: [TransferRecord] = []
    try store.exportRecords { records.append($0) }
    let retractions = records.filter { $0.type == "retraction" }
    #expect(retractions.count == 3)
    #expect(retractions.first?["kind"] == .text("proposal"))
    #expect(retractions.first?["record"] == .text("us-resources-proposal"))
    #expect(retractions.first?["reason"] == .text("duplicate"))
    #expect(retractions.first?["analyst"] == .text(try TestEngine.analyst("alice", of: store)))

    let copy = try makeStore()
    try copy.write {
      let importer = try RecordImporter(store: copy)
      for record in records { try importer.add(record) }
    }
    var again: [TransferRecord] = []
    try copy.exportRecords { again.append($0) }
    #expect(again == records)
    #expect(try copy.deals().isEmpty)
    #expect(try copy.isRetracted(.condition, 2) && copy.isRetracted(.meeting, 1))
  }
}
