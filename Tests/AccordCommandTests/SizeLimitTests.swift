import AccordPostgres
import AccordSQLite
import AccordStore
import Foundation
import Testing

/// Documented limits (README, "Limits"): 4 KB for a name or title, 1 MB for a text, 16 MB for one
/// line of an import. Each gives one line naming what is too long, and writes nothing, whether
/// the value comes from an import, the command line or the sqlite3 shell.
@Suite struct SizeLimitTests {
  let sandbox: Sandbox

  init() throws {
    sandbox = try Sandbox()
    try sandbox.add("actor", "add", "Ukraine", "--kind", "state")
    try sandbox.add("negotiation", "add", "Talks", "--party", "Ukraine", "--id", "talks")
  }

  func importing(_ lines: [String]) throws -> RunResult {
    let file = sandbox.folder + "/file.ndjson"
    try ([#"{"format":"accord-export","version":3}"#] + lines).joined(separator: "\n")
      .write(toFile: file, atomically: true, encoding: .utf8)
    return try sandbox.run("import", file)
  }

  static func json(_ object: [String: Any]) throws -> String {
    String(
      decoding: try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]), as: UTF8.self)
  }

  @Test func anImportNamesTheLineAndTheFieldTooLong() throws {
    let before = DatabaseSnapshot.of(sandbox.db)
    let huge = String(repeating: "x", count: 2 << 20)
    let cases: [([String], String)] = [
      // The exporter's own layout (the fast path) and any other.
      (
        [
          #"{"type":"development","id":9,"negotiation":"talks","date":"2025-02-20","text":"\#(huge)","recorded_at":"2025-02-20T00:00:00.000Z"}"#
        ],
        "Error: line 2: field 'text' is longer than Accord keeps (more than 1 MB): shorten it"
      ),
      (
        [
          try Self.json([
            "type": "development", "id": 9, "negotiation": "talks", "date": "2025-02-20", "text": huge,
          ])
        ],
        "Error: line 2: field 'text' is longer than Accord keeps (more than 1 MB): shorten it"
      ),
      (
        [
          try Self.json([
            "type": "actor", "id": 9, "slug": "x", "name": String(repeating: "N", count: 5000),
            "kind": "state",
          ])
        ],
        "Error: line 2, record 1: field 'name' is longer than Accord keeps (5000 bytes; up to 4 KB for it): shorten it"
      ),
      (
        [
          try Self.json(
            Dictionary(
              uniqueKeysWithValues: (0..<17).map { ("f\($0)", String(repeating: "z", count: 1_000_000)) }
            )
            .merging(["type": "actor"]) { a, _ in a })
        ],
        "Error: line 2: a record is longer than Accord reads (more than 16 MB): split it"
      ),
      (
        [
          #"{"type":"actor","id":9,"slug":"x","name":"X","kind":"state","aliases":["#
            + Array(repeating: "\"" + String(repeating: "a", count: 1_000_000) + "\"", count: 17).joined(
              separator: ",")
            + "]}"
        ],
        "Error: line 2: field 'aliases' is longer than Accord reads (more than 16 MB): split it"
      ),
      (
        [#"{"type":"development","id":"# + String(repeating: "9", count: 5000) + "}"],
        "Error: line 2: a number is longer than any Accord reads (1,000 characters)"
      ),
    ]
    for (lines, message) in cases {
      let result = try importing(lines)
      #expect(result.status == 64, "\(result.status) \(result.stderr)")
      #expect(result.stderr == message + "\n")
      #expect(DatabaseSnapshot.of(sandbox.db) == before)
    }
  }

  @Test func theCommandLineAndTheShellAreHeldToTheSameLimits() throws {
    let before = DatabaseSnapshot.of(sandbox.db)
    let long = try sandbox.run("actor", "add", String(repeating: "N", count: 5000), "--kind", "state")
    #expect(long.status == 64, "\(long)")
    #expect(long.stderr == "Error: actor.name is longer than Accord keeps (4 KB, 4096 bytes): shorten it\n")
    let title = try sandbox.run(
      "negotiation", "edit", "talks", "--title", String(repeating: "T", count: 4097))
    #expect(title.status == 64, "\(title)")
    #expect(DatabaseSnapshot.of(sandbox.db) == before)
    // Exactly at the limit is fine.
    #expect(
      try sandbox.run("actor", "add", String(repeating: "é", count: 2048), "--kind", "person").status == 0)

    // A row typed in the shell (sqlite3, or psql on a team's server) is held to the same limit.
    let insert =
      "INSERT INTO development (negotiation_id, date, date_first, date_last, text) VALUES (1, '2025-02-20', '2025-02-20', '2025-02-20', "
    let tooLong = SQLValue.text(String(repeating: "x", count: (1 << 20) + 1))
    #expect {
      if ServerDatabases.name(in: sandbox.db) != nil {
        try PostgresConnection(url: sandbox.db).run(insert + "?)", [tooLong])
      } else {
        try Connection(path: sandbox.db, create: false).run(insert + "?)", [tooLong])
      }
    } throws: { "\($0)".contains("development.text is longer than Accord keeps (1 MB, 1048576 bytes)") }
  }

  @Test func aCSVCellTooLongIsNamedByLineAndColumn() throws {
    let file = sandbox.folder + "/paris.csv"
    try "participant,signature\nFrance,\"\(String(repeating: "x", count: (1 << 20) + 10))\"\n"
      .write(toFile: file, atomically: true, encoding: .utf8)
    try sandbox.add("proposal", "add", "talks", "Paris Agreement", "--by", "Ukraine", "--on", "2015-12-12")
    let before = DatabaseSnapshot.of(sandbox.db)
    let result = try sandbox.run("import", "--from", "treaty-status", file, "--proposal", "paris-agreement")
    #expect(result.status == 64, "\(result)")
    #expect(
      result.stderr
        == "Error: line 2, column 2 ('signature'): a cell is longer than Accord keeps (more than 1 MB): shorten it\n"
    )
    #expect(DatabaseSnapshot.of(sandbox.db) == before)
  }
}
