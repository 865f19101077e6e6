import AccordStore
import Foundation
import PropertyBased
import Testing

/// The import decoder on damaged input, through the real binary: an export cut short, with a
/// byte changed or a byte put in, never crashes Accord; refused, it writes nothing (one line of
/// error, the database as it was); accepted, it leaves a sound database.
@Suite(.fileOnly("imports into new files (a server's: TeamImportTests)")) struct ImportFuzzTests {
  @Test func damagedExportsNeverCrashAndNeverWriteHalf() async throws {
    let sandbox = try Sandbox()
    try BadInputFixture.seed(sandbox.db)
    try sandbox.add("actor", "add", "Молдова", "--kind", "state", "--alias", "Moldova", "--code", "MDA")
    try sandbox.add(
      "log", BadInputFixture.negotiation, "Talks in Kyiv — «constructive»", "--on", "2025-02-16~")
    let exportPath = sandbox.folder + "/record.json"
    let exported = try sandbox.run("export", "--output", exportPath)
    try #require(exported.status == 0, "\(exported)")
    let export = Array(try Data(contentsOf: URL(fileURLWithPath: exportPath)))
    try #require(export.count > 200)

    // Imports go into a new, empty database each time.
    let empty = sandbox.folder + "/empty.sqlite"
    try #require(try sandbox.run("init", "--db", empty).status == 0)
    let pristine = try Data(contentsOf: URL(fileURLWithPath: empty))
    let records = DatabaseSnapshot.of(empty)
    let target = sandbox.folder + "/target.sqlite"
    let damaged = sandbox.folder + "/damaged.json"

    await propertyCheck(
      count: 60, input: Gen.int(in: 0...export.count - 1), Gen.int(in: 0...2), Gen<UInt8>.value(in: 0...255)
    ) { offset, change, byte in
      var bytes = export
      switch change {
      case 0: bytes = Array(bytes.prefix(offset))
      case 1: bytes[offset] = byte
      default: bytes.insert(byte, at: offset)
      }
      do {
        try Data(bytes).write(to: URL(fileURLWithPath: damaged))
        for suffix in ["-wal", "-shm"] { try? FileManager.default.removeItem(atPath: target + suffix) }
        try pristine.write(to: URL(fileURLWithPath: target))
        let result = try sandbox.runBytes([
          Array("import".utf8), Array(damaged.utf8), Array("--db".utf8), Array(target.utf8),
        ])
        if result.status == 0 {
          #expect(try sandbox.run("check", "--db", target).stdout == "ok\n")
        } else {
          #expect(
            result.stderrLines.count == 1 && result.stderr.hasPrefix("Error: "),
            "\(result.stderr.prefix(2000))")
          #expect(DatabaseSnapshot.of(target) == records, "a refused import wrote")
        }
      } catch {
        Issue.record("\(error)")
      }
    }
  }
}
