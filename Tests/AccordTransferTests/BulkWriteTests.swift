import AccordSamples
import AccordStore
import AccordTransfer
import Foundation
import Testing

/// An import writes in bulk (Migrations/0008_lean_writes.sql): its rows are logged table by table,
/// not row by row, and still read in history, undone whole and redone.
@Suite struct BulkWriteTests {
  let folder: TemporaryFolder
  let file: String

  init() throws {
    folder = try TemporaryFolder()
    let source = try folder.store("source.sqlite")
    _ = try SyntheticCorpus(negotiations: 30, developments: 1_500, seed: 3).generate(into: source)
    file = try exported(source, .ndjson)
  }

  func changes(_ store: AccordStore, after id: Int64) throws -> [String] {
    try store.connection.all(
      "SELECT operation, table_name FROM change_log WHERE id > ? ORDER BY id", [.integer(id)]
    ) { "\($0.text(0)) \($0.text(1))" }
  }

  @Test(.fileOnly("a file's bulk write: on a team's server an import is a plain write, logged row by row"))
  func anImportIsLoggedTableByTableAndUndoneWholeAndRedone() throws {
    let store = try folder.store()
    store.analyst = "ana"
    let before = try dump(store, index: false)
    let logged = try store.connection.integer("SELECT coalesce(max(id), 0) FROM change_log") ?? 0
    try importText(file, into: store)
    let log = try changes(store, after: logged)
    // One `inserts` row a table, parents before their rows.
    #expect(log.allSatisfy { $0.hasPrefix("inserts ") }, "\(log)")
    #expect(Set(log).count == log.count)
    let tables = log.map { $0.dropFirst("inserts ".count) }
    let negotiation = try #require(tables.firstIndex(of: "negotiation"))
    let meeting = try #require(tables.firstIndex(of: "meeting"))
    let participants = try #require(tables.firstIndex(of: "meeting_participant"))
    let development = try #require(tables.firstIndex(of: "development"))
    #expect(negotiation < meeting && meeting < participants && negotiation < development)
    #expect(
      try store.connection.first(
        "SELECT row_key FROM change_log WHERE table_name = 'development' AND operation = 'inserts'", [],
        { $0.text(0) }) == "[[1,1500]]")

    // One imported development: its history names the import, with the rows it wrote.
    let entries = try store.history(of: ("development", 700))
    #expect(entries.map(\.operation) == ["inserts"])
    #expect(entries.first?.rows == 1_500)
    #expect(entries.first?.analyst == "ana")
    // A row keyed by two columns (who met at a meeting) is found by its key too.
    let met = try #require(
      try store.connection.first("SELECT meeting_id FROM meeting_participant LIMIT 1", [], { $0.integer(0) }))
    #expect(try store.history(of: ("meeting", met)).contains { $0.table == "meeting_participant" })

    // The imported text is found by the search, its snippet cut from the facts' own text.
    let word = try #require(
      try store.connection.first("SELECT text FROM development WHERE id = 700", [], { $0.text(0) })?
        .split(separator: " ").max { $0.count < $1.count })
    #expect(try store.search(String(word)).contains { $0.snippet.contains("[") })

    let imported = try dump(store, index: false)
    let undone = try store.undo()
    #expect(undone.changes == log.count)
    #expect(try dump(store, index: false) == before)
    #expect(try store.search(String(word)).isEmpty)
    // Undoing the undo puts every row back, row by row.
    _ = try store.undo()
    #expect(try dump(store, index: false) == imported)
    #expect(try store.search(String(word)).count > 0)
  }

  @Test func aLaterChangeToAnImportedRowStopsTheUndo() throws {
    let store = try folder.store()
    try importText(file, into: store)
    // An edit in the sqlite3 shell (no Accord command open) of one imported row.
    try store.connection.run("UPDATE development SET text = 'corrected by hand' WHERE id = 900")
    let before = try dump(store)
    let error = #expect(throws: StoreError.self) { try store.undo() }
    #expect(
      error?.description.contains(
        "a later change by the sqlite3 shell touched the same record (development [900])")
        == true, "\(String(describing: error))")
    #expect(try dump(store) == before)
  }

  /// A bulk write drops the insert triggers that stand aside in it and makes them again before it
  /// commits: after an import, and after one that failed, the schema is as it was, and a row then
  /// written by hand is logged and indexed row by row again.
  @Test(.fileOnly("a file's bulk write: on a team's server an import is a plain write, logged row by row"))
  func theTriggersAreBackAfterAnImportThatSucceedsOrFails() throws {
    let store = try folder.store()
    func schema() throws -> [String] {
      try store.connection.all(
        "SELECT type || ' ' || name || ' ' || coalesce(sql, '') FROM sqlite_schema ORDER BY name"
      ) {
        $0.text(0)
      }
    }
    let before = try schema()
    try importText(file, into: store)
    #expect(try schema() == before)
    let broken = file + "{\"type\":\"development\",\"id\":1,\"negotiation\":\"nowhere\"}\n"
    #expect(throws: StoreError.self) { try importText(broken, into: store) }
    #expect(try schema() == before)

    let logged = try store.connection.integer("SELECT max(id) FROM change_log") ?? 0
    try store.connection.run(
      "INSERT INTO development (negotiation_id, date, date_first, date_last, text) VALUES (1, '2025-01-01', '2025-01-01', '2025-01-01', 'Zanzibar handshake')"
    )
    #expect(try changes(store, after: logged) == ["insert development"])
    #expect(try store.search("zanzibar").map(\.kind) == ["development"])
  }

  /// The index is built a chunk of ids at a time (`indexChunk`): rows far apart in number, as a
  /// file may number them, are all found.
  @Test func rowsFarApartInNumberAreAllIndexed() throws {
    let store = try folder.store()
    let header = #"{"format":"accord-export","version":3}"# + "\n"
    let negotiation = #"{"type":"negotiation","id":1,"slug":"talks","title":"Talks"}"# + "\n"
    let developments = [1, 150_000, 250_001].map { id in
      #"{"type":"development","id":\#(id),"negotiation":"talks","date":"2025-02-01","text":"Quetzal \#(id)","recorded_at":"2025-02-01T00:00:00.000Z"}"#
        + "\n"
    }
    try importText(header + negotiation + developments.joined(), into: store)
    #expect(try store.search("quetzal", limit: 10).map(\.id).sorted() == [1, 150_000, 250_001])
  }
}
