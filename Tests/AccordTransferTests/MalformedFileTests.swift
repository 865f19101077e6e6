import AccordSamples
import AccordStore
import AccordTransfer
import Testing

/// Each kind of broken file gives one clear line that names the line, the record and the field, and
/// what was expected; and the database is left exactly as it was.
@Suite struct MalformedFileTests {
  struct Case: CustomTestStringConvertible, Sendable {
    let name: String
    let bytes: [UInt8]
    let message: String
    var testDescription: String { name }

    init(_ name: String, _ text: String, _ message: String) {
      self.name = name
      bytes = Array(text.utf8)
      self.message = message
    }

    init(_ name: String, bytes: [UInt8], _ message: String) {
      self.name = name
      self.bytes = bytes
      self.message = message
    }
  }

  static let header = #"{"format":"accord-export","version":1}"# + "\n"
  static let negotiation =
    #"{"type":"negotiation","id":1,"slug":"talks","title":"Talks","recorded_at":"2025-02-01T10:00:00.000Z"}"#
    + "\n"

  static let cases: [Case] = [
    Case(
      "truncated JSON", header + negotiation + #"{"type":"development","id":1,"negotiation":"talks","da"#,
      "line 3: the file ends inside a string"),
    Case(
      "truncated JSON document", #"{"format":"accord-export","version":1,"records":["# + "\n" + negotiation,
      "line 3: the file ends where ',' or ']' after a record was expected"),
    Case(
      "wrong type",
      header + negotiation
        + #"{"type":"development","id":1,"negotiation":"talks","date":20250214,"text":"Met."}"#,
      "line 3, record 2 (development 1): field 'date': expected a string, found a number"),
    Case(
      "wrong type for an id", header + #"{"type":"negotiation","id":"one","slug":"talks","title":"Talks"}"#,
      "line 2, record 1 (negotiation): field 'id': expected a whole number, found a string"),
    Case(
      "unknown reference",
      header + negotiation
        + #"{"type":"development","id":1,"negotiation":"other-talks","date":"2025-02-14","text":"Met."}"#,
      "line 3, record 2 (development 1): field 'negotiation': no negotiation 'other-talks' earlier in the file or in the database"
    ),
    Case(
      "unknown numbered reference",
      header + negotiation
        + #"{"type":"position","id":1,"negotiation":"talks","actor":"x","term":7,"stance":"demands","date":"2025"}"#,
      "line 3, record 2 (position 1): field 'actor': no actor 'x' earlier in the file or in the database"),
    Case(
      "bad date",
      header + negotiation
        + #"{"type":"development","id":1,"negotiation":"talks","date":"2025-02-30","text":"Met."}"#,
      "line 3, record 2 (development 1): field 'date': '2025-02-30' is not a date: 2025-02 has 28 days"),
    Case(
      "a date as people type it",
      header + negotiation
        + #"{"type":"development","id":1,"negotiation":"talks","date":"today","text":"Met."}"#,
      #"line 3, record 2 (development 1): field 'date': expected a date written YYYY, YYYY-MM or YYYY-MM-DD (optionally ending in ~, ? or %), found "today""#
    ),
    Case(
      "invalid UTF-8",
      bytes: Array(
        (header + negotiation + #"{"type":"development","id":1,"negotiation":"talks","date":"2025","text":"M"#)
          .utf8)
        + [0xC3, 0x28] + Array(#""}"#.utf8),
      "line 3: a string is not valid UTF-8: save the file as UTF-8"),
    Case(
      "missing required field",
      header + negotiation + #"{"type":"development","id":1,"negotiation":"talks","date":"2025-02-14"}"#,
      "line 3, record 2 (development 1): field 'text' is missing: a development record needs it"),
    Case(
      "missing type", header + #"{"id":1,"slug":"talks","title":"Talks"}"#,
      "line 2, record 1: field 'type' is missing or not a string: every record says what it is"),
    Case(
      "unknown type", header + #"{"type":"treaty","id":1}"#,
      #"line 2, record 1 (treaty 1): field 'type': expected one of actor, membership, affiliation, source, negotiation, participant, proposal, step, link, term, position, answer, term_link, meeting, quote, development, deadline, dataset_record, stage, signatory, retraction, found "treaty""#
    ),
    Case(
      "unknown field",
      header + #"{"type":"negotiation","id":1,"slug":"talks","title":"Talks","colour":"red"}"#,
      "line 2, record 1 (negotiation 1): field 'colour' is not a field of a negotiation record (expected id, slug, title, summary, tags, dormant_after, participants, recorded_at)"
    ),
    Case(
      "a value out of range", header + #"{"type":"actor","id":1,"slug":"x1","name":"X","kind":"planet"}"#,
      #"line 2, record 1 (actor 1): field 'kind': expected one of state, organization, company, group, person, found "planet""#
    ),
    Case(
      "not an export", #"{"type":"actor","id":1}"#,
      #"line 1: this is not an Accord export: it should start with {"format":"accord-export","version":3"#),
    Case(
      "a newer version", #"{"format":"accord-export","version":4}"#,
      "line 1: the export is of version 4; this Accord reads version 3: upgrade Accord"),
    Case(
      "not JSON at all", "id,name\n1,Ukraine\n",
      "line 1: expected an Accord export, which starts with '{', found 'i'"),
    Case("empty", "", "- is empty: expected an Accord export"),
    Case(
      "the same id twice",
      header + negotiation + negotiation.replacing(#""slug":"talks""#, with: #""slug":"other""#),
      "line 3, record 2 (negotiation 1): field 'id': another negotiation record of the file has the same id"),
    Case(
      "the same development id twice (developments are written in batches)",
      header + negotiation
        + #"{"type":"development","id":7,"negotiation":"talks","date":"2025-02-01","text":"Met."}"#
        + "\n"
        + #"{"type":"development","id":7,"negotiation":"talks","date":"2025-02-02","text":"Met again."}"#,
      "line 4, record 3 (development 7): field 'id': another development record of the file has the same id"),
    Case(
      "the same development id twice, out of order",
      header + negotiation
        + #"{"type":"development","id":7,"negotiation":"talks","date":"2025-02-01","text":"Met."}"# + "\n"
        + #"{"type":"development","id":5,"negotiation":"talks","date":"2025-02-02","text":"Met again."}"#
        + "\n"
        + #"{"type":"development","id":5,"negotiation":"talks","date":"2025-02-03","text":"And again."}"#,
      "line 5, record 4 (development 5): field 'id': another development record of the file has the same id"),
  ]

  @Test(arguments: cases)
  func isRefusedWithAClearMessageAndChangesNothing(_ input: Case) throws {
    let folder = try TemporaryFolder()
    let store = try folder.store()
    // Ids are kept (and so can clash) in tables that are empty when the import begins.
    if !input.name.hasPrefix("the same") { try WorkedExample.load(into: store) }
    let before = try dump(store)
    let message = errorText { try importBytes(input.bytes, into: store) }
    #expect(message == input.message)
    #expect(message?.contains("\n") == false, "one line")
    #expect(try dump(store) == before)
  }

  /// A failure at the last record of a large file leaves the database exactly as it was.
  @Test func aFailureAtTheLastRecordLeavesTheDatabaseAsItWas() throws {
    let folder = try TemporaryFolder()
    let original = try folder.store("original.sqlite")
    _ = try SyntheticCorpus(negotiations: 30, developments: 2_000, seed: 11).generate(into: original)
    var lines = try exported(original, .ndjson).split(separator: "\n").map(String.init)
    let last = try #require(lines.last)
    lines[lines.count - 1] = last.replacing(/"date":"[^"]*"/, with: #""date":"2025-13""#)

    for target in ["empty.sqlite", "holding.sqlite"] {
      let store = try folder.store(target)
      if target == "holding.sqlite" { try WorkedExample.load(into: store) }
      let before = try dump(store)
      let message = try #require(errorText { try importText(lines.joined(separator: "\n"), into: store) })
      #expect(
        message.hasPrefix("line \(lines.count), record \(lines.count - 1) (development 2000): field 'date': ")
      )
      #expect(message.contains("the month must be 01 to 12"))
      #expect(try dump(store) == before)
    }
  }
}
