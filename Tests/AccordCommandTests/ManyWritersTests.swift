import AccordSQLite
import AccordStore
import Foundation
import Testing

/// Several analysts writing to one database at the same moment: every command succeeds and
/// nothing is lost, on a busy database and on a new one.
@Suite struct ManyWritersTests {
  let sandbox: Sandbox

  init() throws { sandbox = try Sandbox() }

  /// Four processes each log 150 developments, all at once: each runs `accord log` 150 times over,
  /// opening the database anew every time, as 150 commands in a row would (`ACCORD_TEST_REPEAT`,
  /// see the binary's TestHooks): 600 developments, no error, every one exactly once. Bounded work,
  /// no deadline.
  ///
  /// The database is on a memory file system where the machine has one (/dev/shm), so that the
  /// test measures Accord's locking rather than the disk's flushes; locks, WAL and shared memory
  /// work there as on a disk.
  @Test func fourWritersLoseNothing() throws {
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
    let writers = 4
    let each = 150
    let children = try (1...writers).map { writer in
      try sandbox.start(
        ["log", "minerals", "writer \(writer) entry", "--on", "2025-02-14", "--actor", "US", "--db", db],
        environment: ["ACCORD_TEST_REPEAT": String(each)])
    }
    var ids: [Int64] = []
    for (index, child) in children.enumerated() {
      let ending = child.wait()
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
    #expect(try connection.integer("SELECT count(*) FROM development_actor") == Int64(writers * each))
    let perWriter = try connection.all(
      "SELECT text, count(*) FROM development GROUP BY 1 ORDER BY 1"
    ) { "\($0.text(0))=\($0.integer(1))" }
    #expect(perWriter == (1...writers).map { "writer \($0) entry=\(each)" })
    // The writes interleaved: no writer's rows came all in one block.
    let order = try connection.all("SELECT substr(text, 8, 1) FROM development ORDER BY id") { $0.text(0) }
    let runs = zip(order, order.dropFirst()).filter { $0 != $1 }.count
    #expect(runs >= writers - 1)
    let check = try sandbox.run("check", "--db", db)
    #expect(check.stdout == "ok\n", "\(check)")
  }

  /// A database that does not exist yet, made by eight processes at once (several times over):
  /// one of them makes and migrates it, none fails, and it ends in WAL mode.
  @Test func eightProcessesMakeOneNewDatabase() throws {
    for round in 1...4 {
      let path = sandbox.folder + "/new-\(round)/accord.sqlite"
      let children = try (1...8).map { index in
        try sandbox.start(["actor", "add", "State \(index)", "--kind", "state", "--db", path])
      }
      for (index, child) in children.enumerated() {
        #expect(child.wait() == .exited(0), "round \(round), process \(index + 1): \(child.stderr)")
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
