import AccordSQLite
import AccordStore
import Foundation
import Testing

/// Hostile and malformed input: each invocation ends with a non-zero exit, exactly one short line
/// on stderr, no crash, and the database (and every file beside it) exactly as it was. Valid input
/// that looks like SQL is stored literally and never runs.
@Suite struct HostileInputTests {
  let sandbox: Sandbox

  init() throws { sandbox = try Sandbox() }

  @Test(arguments: HostileInput.all.filter(\.runsOnThisEngine))
  func isRefusedInOneLineAndChangesNothing(_ input: HostileInput) throws {
    try BadInputFixture.seed(sandbox.db)
    for (name, bytes) in input.files {
      let url = URL(fileURLWithPath: sandbox.folder + "/" + name)
      try FileManager.default.createDirectory(
        at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      try Data(bytes).write(to: url)
    }
    let before = DatabaseSnapshot.of(sandbox.db)
    let filesBefore = try files()
    let folder = Array((sandbox.folder + "/").utf8)
    let arguments = input.arguments.map { $0.starts(with: Array("@/".utf8)) ? folder + $0.dropFirst(2) : $0 }

    let result = try sandbox.runBytes(arguments)

    if let status = input.status {
      #expect(result.status == status, "\(result.description.prefix(3000))")
    } else {
      #expect(result.status != 0, "\(result.description.prefix(3000))")
    }
    #expect(result.stdout == "", "\(result.description.prefix(3000))")
    #expect(result.stderrLines.count == 1, "stderr must be exactly one line: \(result.stderr.prefix(3000))")
    #expect(
      result.stderr.hasPrefix("Error: ") && result.stderr.hasSuffix("\n"), "\(result.stderr.prefix(3000))")
    #expect(result.stderr.count <= 1_000, "a clear line is a short one: \(result.stderr.count) characters")
    for word in input.mentions {
      #expect(result.stderr.contains(word), "stderr should mention \(word): \(result.stderr.prefix(3000))")
    }
    #expect(DatabaseSnapshot.of(sandbox.db) == before, "the database changed")
    #expect(try files() == filesBefore, "files were made, changed or removed")
  }

  /// Together with ``BadInput``'s cases, at least a hundred distinct malformed invocations.
  @Test func thereAreAtLeastAHundredDistinctCases() {
    let theirs = (BadInput.usage + BadInput.other).map { $0.arguments.map { Array($0.utf8) } }
    let ours = HostileInput.all.map(\.arguments)
    #expect(Set(ours).count == ours.count, "a case is there twice")
    #expect(Set(HostileInput.all.map(\.name)).count == ours.count, "two cases have one name")
    #expect(Set(theirs + ours).count >= 100)
  }

  /// SQL in names, titles, aliases and texts is valid text: stored as typed, found again, and
  /// never run. The schema and every other record are as they were.
  @Test func sqlInTextIsStoredLiterally() throws {
    try BadInputFixture.seed(sandbox.db)
    let schema = try DatabaseSnapshot.schema(sandbox.db)
    let name = "'; DROP TABLE actor; --"
    let alias = "Robert'); DROP TABLE students;--"
    let title = "x'); DELETE FROM negotiation WHERE ('1'='1"
    let text = "\" OR \"\"=\"; UPDATE development SET text = 'gone'; -- 100% _done_ [*]"
    try sandbox.add("actor", "add", name, "--kind", "group", "--id", "dropper", "--alias", alias)
    try sandbox.add(
      "negotiation", "add", title, "--id", "injected", "--party", "dropper", "--party", "Ukraine")
    try sandbox.add("log", "injected", text, "--on", "2025-02-14", "--actor", alias)

    let shown = try #require(try sandbox.json("actor", "show", alias.uppercased()) as? [String: Any])
    let actor = try #require(shown["actor"] as? [String: Any])
    #expect(actor["name"] as? String == name)
    #expect(actor["aliases"] as? [String] == [alias])
    let negotiation = try #require(try sandbox.json("negotiation", "show", title) as? [String: Any])
    #expect(negotiation["title"] as? String == title)
    let developments = try #require(negotiation["developments"] as? [[String: Any]])
    #expect(developments.map { $0["text"] as? String } == [text])

    #expect(try DatabaseSnapshot.schema(sandbox.db) == schema)
    #expect(try DatabaseSnapshot.count(sandbox.db, "actor") == 5)
    #expect(try DatabaseSnapshot.count(sandbox.db, "negotiation") == 2)
    #expect(try sandbox.run("check").stdout == "ok\n")
  }

  /// A device is not a database: nothing is made beside it either (SQLite would make
  /// /dev/null-journal).
  @Test func aDeviceIsNeverOpened() throws {
    let journal = "/dev/null-journal"
    let existed = FileManager.default.fileExists(atPath: journal)
    let result = try sandbox.run("actor", "add", "X", "--kind", "state", "--db", "/dev/null")
    #expect(result.status == 1)
    #expect(
      result.stderr
        == "Error: cannot open database /dev/null: it is not a file but a folder or a device; name a file with --db\n"
    )
    if !existed { #expect(!FileManager.default.fileExists(atPath: journal)) }
  }

  /// Everything in the sandbox's folder but the runs' own output and SQLite's -wal and -shm
  /// files, with the bytes of each file.
  func files() throws -> [String: Data] {
    var files: [String: Data] = [:]
    let manager = FileManager.default
    guard let names = manager.enumerator(atPath: sandbox.folder) else { return [:] }
    for case let name as String in names {
      if name.hasPrefix("child-") || name.hasPrefix("run-") || name.hasSuffix("-wal")
        || name.hasSuffix("-shm")
      {
        continue
      }
      let path = sandbox.folder + "/" + name
      var isFolder: ObjCBool = false
      _ = manager.fileExists(atPath: path, isDirectory: &isFolder)
      files[name] = isFolder.boolValue ? Data() : manager.contents(atPath: path) ?? Data()
    }
    return files
  }
}
