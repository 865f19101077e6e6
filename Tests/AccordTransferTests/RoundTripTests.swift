import AccordSamples
import AccordStore
import AccordTestEngine
import AccordTransfer
import Foundation
import Testing

/// Export → import → export gives the same bytes, and a second import adds nothing.
@Suite struct RoundTripTests {
  @Test(arguments: [ExportLayout.json, .ndjson])
  func theWorkedExampleComesBackByteForByte(layout: ExportLayout) throws {
    let folder = try TemporaryFolder()
    let original = try folder.store("original.sqlite")
    try WorkedExample.load(into: original)
    let first = try exported(original, layout)

    let copy = try folder.store("copy.sqlite")
    let summary = try importText(first, into: copy)
    #expect(summary.presentCount == 0)
    #expect(summary.added["actor"] == 9)
    #expect(summary.added["quote"] == 5)
    #expect(try exported(copy, layout) == first)
    // Everything the record says is the same, status included.
    let negotiation = try copy.resolveNegotiation(WorkedExample.negotiation)
    let shown = try copy.negotiation(negotiation, asOf: WorkedExample.asOf)
    let expected = try original.negotiation(
      original.resolveNegotiation(WorkedExample.negotiation), asOf: WorkedExample.asOf)
    #expect(shown.proposals == expected.proposals)
    #expect(shown.conditions == expected.conditions)
    #expect(shown.quotes == expected.quotes)
    #expect(
      try copy.deals(.unsigned, asOf: WorkedExample.asOf).map(\.slug) == ["us-resources-proposal"])
  }

  @Test func aGeneratedCorpusComesBackByteForByte() throws {
    let folder = try TemporaryFolder()
    let original = try folder.store("original.sqlite")
    let counts = try SyntheticCorpus(negotiations: 40, developments: 800, seed: 7).generate(into: original)
    #expect(counts.developments == 800)
    for layout in [ExportLayout.json, .ndjson] {
      let first = try exported(original, layout)
      let copy = try folder.store("copy-\(layout).sqlite")
      try importText(first, into: copy)
      #expect(try exported(copy, layout) == first)
      #expect(
        try dump(copy, index: false) == dump(original, index: false),
        "the tables themselves are the same, ids included")
      // The search index is built in other batches, so its pages differ; what it finds does not.
      for query in ["talks", "minister OR ceasefire", "sanction*"] {
        let found = try copy.search(query, limit: 1_000).map { "\($0.kind) \($0.id) \($0.snippet)" }
        #expect(!found.isEmpty)
        #expect(
          found == (try original.search(query, limit: 1_000).map { "\($0.kind) \($0.id) \($0.snippet)" }))
      }
    }
  }

  /// Retractions of records named by number (steps, meetings, quotes, developments) follow their
  /// records when the database numbers them differently: merged into a record that holds other
  /// facts, the same facts are retracted, none else.
  @Test func retractionsFollowTheirRecordsIntoAFullerRecord() throws {
    let folder = try TemporaryFolder()
    let original = try folder.store("original.sqlite")
    _ = try SyntheticCorpus(negotiations: 6, developments: 60, seed: 3).generate(into: original)
    let retracted: [(RecordKind, String)] = [
      (.development, "development"), (.step, "proposal_step"), (.meeting, "meeting"), (.quote, "statement"),
    ]
    for (kind, table) in retracted {
      let id = try #require(try original.connection.integer("SELECT max(id) FROM \(table)"))
      _ = try original.retract(kind, String(id), reason: "wrong \(kind.rawValue)")
    }
    let file = try exported(original, .ndjson)

    // The copy holds other facts first, so the file's numbers are taken.
    let copy = try folder.store("copy.sqlite")
    try WorkedExample.load(into: copy)
    for table in ["development", "proposal_step", "meeting", "statement"] {
      #expect(try copy.connection.integer("SELECT count(*) FROM \(table)") ?? 0 > 0)
    }
    let summary = try importText(file, into: copy)
    #expect(summary.added["retraction"] == retracted.count)
    for (kind, table) in retracted {
      let facts = { (store: AccordStore) in
        try store.connection.all(
          "SELECT coalesce(date, 'NULL') || ' ' || (SELECT reason FROM retraction WHERE record_table = ?1 AND record_id = \(table).id) FROM \(table) WHERE id IN (SELECT record_id FROM retraction WHERE record_table = ?1)",
          [.text(table)]
        ) { $0.text(0) }
      }
      #expect(try facts(copy) == facts(original), "the same \(kind.rawValue) is retracted")
      #expect(try facts(copy).count == 1)
    }
  }

  /// A file larger than the reader's buffer: records that straddle two reads come back whole.
  @Test func aFileLargerThanTheBufferIsReadWhole() throws {
    let folder = try TemporaryFolder()
    let original = try folder.store("original.sqlite")
    _ = try SyntheticCorpus(negotiations: 30, developments: 6_000, seed: 9).generate(into: original)
    for layout in [ExportLayout.json, .ndjson] {
      let path = folder.path + "/export-\(layout)"
      try AccordFile.export(original, layout: layout, to: path)
      let copy = try folder.store("copy-\(layout).sqlite")
      let summary = try AccordFile.importRecords(from: ByteSource(path: path), into: copy)
      #expect(summary.added["development"] == 6_000)
      #expect(try exported(copy, layout) == String(contentsOfFile: path, encoding: .utf8))
    }
  }

  @Test func theTwoLayoutsHoldTheSameRecords() throws {
    let store = try TestEngine.store(today: testToday)
    try WorkedExample.load(into: store)
    let json = try exported(store, .json).split(separator: "\n")
    let ndjson = try exported(store, .ndjson).split(separator: "\n")
    #expect(json.first == #"{"format":"accord-export","version":3,"records":["#)
    #expect(ndjson.first == #"{"format":"accord-export","version":3}"#)
    #expect(json.last == "]}")
    let records = json.dropFirst().dropLast().map { $0.hasSuffix(",") ? $0.dropLast() : $0 }
    #expect(records == Array(ndjson.dropFirst()))
  }

  @Test func importingTheSameFileTwiceAddsNothing() throws {
    let folder = try TemporaryFolder()
    let original = try folder.store("original.sqlite")
    try WorkedExample.load(into: original)
    _ = try SyntheticCorpus(negotiations: 5, developments: 50, seed: 3).generate(into: original)
    let text = try exported(original, .ndjson)

    let copy = try folder.store("copy.sqlite")
    let first = try importText(text, into: copy)
    let before = try dump(copy)
    let second = try importText(text, into: copy)
    #expect(second.addedCount == 0)
    #expect(second.presentCount == first.addedCount)
    #expect(try dump(copy) == before)
  }

  @Test func aFileMergesIntoARecordThatHoldsOtherThings() throws {
    let folder = try TemporaryFolder()
    let theirs = try folder.store("theirs.sqlite")
    try WorkedExample.load(into: theirs)
    try theirs.log(
      negotiation: WorkedExample.negotiation, text: "Talks resumed in Riyadh.",
      date: AccordDate.parse("2025-03-11"))
    let file = try exported(theirs)

    // Ours has the example too (same short ids, made at another time) and a note of its own.
    let ours = try folder.store("ours.sqlite")
    try WorkedExample.load(into: ours)
    try ours.log(
      negotiation: WorkedExample.negotiation, text: "Our own note.", date: AccordDate.parse("2025-03-02"))
    let summary = try importText(file, into: ours)
    // Everything is the same record but for the development that only they had.
    #expect(summary.added == ["development": 1])
    #expect(summary.present["actor"] == 9)
    #expect(summary.present["quote"] == 5)
    let negotiation = try ours.resolveNegotiation(WorkedExample.negotiation)
    let texts = try ours.negotiation(negotiation, asOf: Day(year: 2025, month: 12, day: 31)).developments.map(
      \.text)
    #expect(texts.contains("Talks resumed in Riyadh."))
    #expect(texts.contains("Our own note."))
    // Again: nothing more.
    #expect(try importText(file, into: ours).addedCount == 0)
  }

  @Test func aConflictingRecordIsReportedAndNothingIsWritten() throws {
    let folder = try TemporaryFolder()
    let store = try folder.store()
    try WorkedExample.load(into: store)
    let before = try dump(store)
    let file = """
      {"format":"accord-export","version":1}
      {"type":"actor","id":50,"slug":"poland","name":"Poland","kind":"state","code":"POL"}
      {"type":"actor","id":1,"slug":"ukraine","name":"Ukrainia","kind":"state","code":"UKR"}
      """
    let message = errorText { try importText(file, into: store) }
    #expect(
      message
        == #"line 3, record 2 (actor 1): actor 'ukraine' conflicts with the one in the database: field 'name' is "Ukraine" there, "Ukrainia" in the file; records are never overwritten, so nothing was imported"#
    )
    #expect(try dump(store) == before)
  }

  @Test func onlySomeTypesCanBeExportedAndTheyImportOnTopOfTheRest() throws {
    let folder = try TemporaryFolder()
    let full = try folder.store("full.sqlite")
    _ = try SyntheticCorpus(negotiations: 20, developments: 300, seed: 5).generate(into: full)
    let developments = try exported(full, .ndjson, types: ["development"])
    #expect(developments.split(separator: "\n").count == 301)
    // The same corpus without developments, then the developments file on top.
    let bare = try folder.store("bare.sqlite")
    _ = try SyntheticCorpus(negotiations: 20, developments: 0, seed: 5).generate(into: bare)
    #expect(try importText(developments, into: bare).added == ["development": 300])
    #expect(try exported(bare, .ndjson, types: ["development"]) == developments)
    #expect(try importText(developments, into: bare).addedCount == 0)
  }
}
