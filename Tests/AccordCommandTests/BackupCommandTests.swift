import AccordSQLite
import AccordStore
import Foundation
import Testing

/// `accord backup FILE`: a whole, consistent, private copy, even while others write.
@Suite(.fileOnly("a file's backup (a server's, pg_dump: TeamCommandTests)")) struct BackupCommandTests {
  let sandbox: Sandbox

  init() throws { sandbox = try Sandbox() }

  @Test func aBackupIsAWholePrivateCopy() throws {
    try BadInputFixture.seed(sandbox.db)
    let copy = sandbox.folder + "/backups/2025-03-01.sqlite"
    try FileManager.default.createDirectory(
      atPath: sandbox.folder + "/backups", withIntermediateDirectories: true)
    let before = DatabaseSnapshot.of(sandbox.db)

    let result = try sandbox.run("backup", copy)

    #expect(result.status == 0, "\(result)")
    #expect(result.stdout == copy + "\n")
    #expect(result.stderr == "")
    #expect(try mode(copy) == 0o600)
    #expect(try Connection(path: copy, create: false).all("PRAGMA integrity_check") { $0.text(0) } == ["ok"])
    #expect(DatabaseSnapshot.of(copy) == before)
    #expect(DatabaseSnapshot.of(sandbox.db) == before)
    #expect(try sandbox.run("check", "--db", copy).stdout == "ok\n")
    // The copy is a database like any other: it can be read and written.
    #expect(try sandbox.output("actor", "show", "Україна", "--db", copy).contains("Ukraine"))
    try sandbox.add("log", BadInputFixture.negotiation, "Talks resumed", "--db", copy)
    // No file is left behind but the copy.
    let left = try FileManager.default.contentsOfDirectory(atPath: sandbox.folder + "/backups")
    #expect(left == ["2025-03-01.sqlite"])
  }

  /// Backups taken while two other processes log developments are each a consistent snapshot:
  /// the developments 1…n that had been committed, each with its actor, nothing torn.
  @Test func backupsWhileOthersWriteAreConsistent() throws {
    try BadInputFixture.seed(sandbox.db)
    // Two writers, each logging 150 developments in one process, a fresh open each time.
    let writers = try (1...2).map { writer in
      try sandbox.start(
        [
          "log", BadInputFixture.negotiation, "writer \(writer) entry", "--on", "2025-02-14", "--actor", "US",
        ],
        environment: ["ACCORD_TEST_REPEAT": "150"])
    }
    var copies: [String] = []
    for index in 1...6 {
      usleep(50_000)
      let copy = sandbox.folder + "/copy-\(index).sqlite"
      let result = try sandbox.run("backup", copy)
      #expect(result.status == 0, "\(result)")
      copies.append(copy)
    }
    for writer in writers {
      #expect(writer.wait() == .exited(0), "\(writer.stderr)")
    }
    var counts: [Int64] = []
    for copy in copies {
      #expect(try mode(copy) == 0o600)
      let connection = try Connection(path: copy, create: false)
      #expect(try connection.all("PRAGMA integrity_check") { $0.text(0) } == ["ok"], "\(copy)")
      #expect(try connection.all("PRAGMA foreign_key_check") { $0.text(0) } == [], "\(copy)")
      let count = try #require(try connection.integer("SELECT count(*) FROM development"))
      #expect(
        try connection.integer("SELECT coalesce(max(id), 0) FROM development") == count, "\(copy): a gap")
      #expect(try connection.integer("SELECT count(*) FROM development_actor") == count, "\(copy): torn")
      counts.append(count)
    }
    #expect(counts == counts.sorted(), "later backups hold no fewer developments: \(counts)")
    #expect(counts.contains { $0 > 0 && $0 < 300 }, "no backup was taken while the writers wrote: \(counts)")
  }

  @Test func anExistingFileIsReplacedOnlyWithForce() throws {
    try BadInputFixture.seed(sandbox.db)
    let copy = sandbox.folder + "/copy.sqlite"
    let old = Data("an older copy".utf8)
    try old.write(to: URL(fileURLWithPath: copy))
    // What an earlier database by that name left beside it must not be read into the new copy.
    try Data(repeating: 7, count: 4_096).write(to: URL(fileURLWithPath: copy + "-wal"))

    let refused = try sandbox.run("backup", copy)
    #expect(refused.status == 1)
    #expect(refused.stdout == "")
    #expect(
      refused.stderr == "Error: \(copy) exists already: name a new file, or give --force to replace it\n")
    #expect(FileManager.default.contents(atPath: copy) == old)

    let forced = try sandbox.run("backup", copy, "--force")
    #expect(forced.status == 0, "\(forced)")
    #expect(!FileManager.default.fileExists(atPath: copy + "-wal"))
    #expect(try mode(copy) == 0o600)
    #expect(DatabaseSnapshot.of(copy) == DatabaseSnapshot.of(sandbox.db))
  }

  @Test func theDatabaseIsNeverItsOwnBackup() throws {
    try BadInputFixture.seed(sandbox.db)
    let before = try Data(contentsOf: URL(fileURLWithPath: sandbox.db))
    for name in [sandbox.db, sandbox.folder + "/./accord.sqlite", "accord.sqlite"] {
      let result = try sandbox.run("backup", name, "--force")
      #expect(result.status == 1)
      #expect(result.stderr == "Error: \(name) is the database itself: name another file for the backup\n")
    }
    #expect(try Data(contentsOf: URL(fileURLWithPath: sandbox.db)) == before)
  }

  @Test func aMissingDatabaseIsNotMadeToBeBackedUp() throws {
    let result = try sandbox.run("backup", sandbox.folder + "/copy.sqlite")
    #expect(result.status == 1)
    #expect(result.stderr == "Error: cannot open database \(sandbox.db): there is no such file to back up\n")
    #expect(!FileManager.default.fileExists(atPath: sandbox.db))
    #expect(!FileManager.default.fileExists(atPath: sandbox.folder + "/copy.sqlite"))
  }

  @Test func aFailedBackupLeavesNothingBehind() throws {
    try BadInputFixture.seed(sandbox.db)
    let result = try sandbox.run("backup", sandbox.folder + "/missing/copy.sqlite")
    #expect(result.status == 1)
    #expect(result.stderrLines.count == 1)
    #expect(result.stderr.hasPrefix("Error: cannot open database \(sandbox.folder)/missing/copy.sqlite: "))
    let left = try FileManager.default.contentsOfDirectory(atPath: sandbox.folder).filter {
      !$0.hasPrefix("run-")
    }
    #expect(left == ["accord.sqlite"])
  }
}
