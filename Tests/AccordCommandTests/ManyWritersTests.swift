import AccordStore
import Foundation
import Testing

/// Several analysts writing to one database at the same moment: every command succeeds and
/// nothing is lost, on a busy database and on a new one.
@Suite struct ManyWritersTests {
  let sandbox: Sandbox

  init() throws { sandbox = try Sandbox() }

  /// Eight processes each log 500 developments, all at once (each a shell loop of `accord log`):
  /// 4,000 developments, no error, every one exactly once. Bounded: fails after two minutes.
  ///
  /// The database is on a memory file system where the machine has one (/dev/shm), so that the
  /// test measures Accord's locking rather than the disk's flushes (4,000 commits, each flushed,
  /// one at a time); locks, WAL and shared memory work there as on a disk.
  @Test func eightWritersLoseNothing() throws {
    let memory = "/dev/shm/accord-writers-" + UUID().uuidString
    let onMemory =
      (try? FileManager.default.createDirectory(atPath: memory, withIntermediateDirectories: false)) != nil
    defer { if onMemory { try? FileManager.default.removeItem(atPath: memory) } }
    let db = (onMemory ? memory : sandbox.folder) + "/writers.sqlite"
    try sandbox.add("actor", "add", "Ukraine", "--kind", "state", "--db", db)
    try sandbox.add("actor", "add", "United States", "--kind", "state", "--alias", "US", "--db", db)
    try sandbox.add(
      "negotiation", "add", "Minerals deal", "--id", "minerals", "--party", "Ukraine", "--party", "US",
      "--db", db)
    let writers = 8
    let each = 500
    // Each writer prints the ids it was given; a failed command is reported and the loop goes on.
    let loop = """
      i=0
      while [ "$i" -lt \(each) ]; do
        "$ACCORD" log minerals "writer $1 entry $i" --on 2025-02-14 --actor US || echo "entry $i failed" >&2
        i=$((i + 1))
      done
      """
    let deadline = ContinuousClock.now + .seconds(120)
    let children = try (1...writers).map { writer in
      try ChildProcess(
        "/bin/sh", ["-c", loop, "writer", String(writer)],
        environment: sandbox.environment.merging(["ACCORD": try AccordBinary.path(), "ACCORD_DB": db]) { $1 },
        folder: sandbox.folder)
    }
    var ids: [Int64] = []
    for (index, child) in children.enumerated() {
      let ending = child.wait(until: deadline)
      #expect(ending == .exited(0), "writer \(index + 1): \(ending)")
      #expect(child.stderr == "", "writer \(index + 1) reported errors: \(child.stderr.prefix(2000))")
      let printed = child.stdout.split(separator: "\n").compactMap { Int64($0) }
      #expect(printed.count == each, "writer \(index + 1) printed \(printed.count) ids")
      ids += printed
    }
    #expect(ids.count == writers * each)
    #expect(Set(ids).count == ids.count, "an id was given twice")

    let connection = try Connection(path: db, create: false)
    #expect(try connection.integer("SELECT count(*) FROM development") == Int64(writers * each))
    #expect(try connection.integer("SELECT count(DISTINCT text) FROM development") == Int64(writers * each))
    #expect(try connection.integer("SELECT count(*) FROM development_actor") == Int64(writers * each))
    let perWriter = try connection.all(
      "SELECT substr(text, 1, 8), count(*) FROM development GROUP BY 1 ORDER BY 1"  // "writer 3"
    ) { "\($0.text(0))=\($0.integer(1))" }
    #expect(perWriter == (1...writers).map { "writer \($0)=\(each)" }.sorted())
    let check = try sandbox.run("check", "--db", db)
    #expect(check.stdout == "ok\n", "\(check)")
  }

  /// A database that does not exist yet, made by eight processes at once (several times over):
  /// one of them makes and migrates it, none fails, and it ends in WAL mode.
  @Test func eightProcessesMakeOneNewDatabase() throws {
    for round in 1...4 {
      let path = sandbox.folder + "/new-\(round)/accord.sqlite"
      let deadline = ContinuousClock.now + .seconds(60)
      let children = try (1...8).map { index in
        try sandbox.start(["actor", "add", "State \(index)", "--kind", "state", "--db", path])
      }
      for (index, child) in children.enumerated() {
        #expect(
          child.wait(until: deadline) == .exited(0), "round \(round), process \(index + 1): \(child.stderr)")
        #expect(child.stderr == "", "round \(round), process \(index + 1)")
      }
      let connection = try Connection(path: path, create: false)
      #expect(try connection.integer("SELECT count(*) FROM actor") == 8)
      #expect(
        try connection.integer("SELECT count(*) FROM schema_migration") == Int64(Migrator().latestVersion))
      #expect(try connection.first("PRAGMA journal_mode") { $0.text(0) } == "wal")
      #expect(try sandbox.run("check", "--db", path).stdout == "ok\n")
    }
  }
}
