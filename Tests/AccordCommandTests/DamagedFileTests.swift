import AccordSQLite
import AccordStore
import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// Files that Accord cannot use as they are: one clear line of error, and the file exactly as it
/// was (never "migrated" by a version that does not know it). A file that may only be read is
/// read: commands that only read work, commands that write fail.
@Suite(.fileOnly("a file's damage, modes and disk")) struct DamagedFileTests {
  let sandbox: Sandbox

  init() throws { sandbox = try Sandbox() }

  /// Commands that read and commands that write.
  static let commands: [[String]] = [
    ["actor", "list"], ["deals", "--unsigned"], ["negotiation", "show", BadInputFixture.negotiation],
    ["actor", "add", "Moldova", "--kind", "state"], ["log", BadInputFixture.negotiation, "Talks resumed"],
    ["init"],
  ]

  /// Runs every command against `path` and expects each to fail in one line that mentions
  /// `words`, leaving the file's bytes as they were and nothing beside it.
  func expectEveryCommandRefuses(
    _ path: String, mentioning words: String, sourceLocation: SourceLocation = #_sourceLocation
  ) throws {
    let bytes = try #require(FileManager.default.contents(atPath: path))
    for command in Self.commands {
      let result = try sandbox.run(command + ["--db", path])
      #expect(result.status == 1, "\(result)", sourceLocation: sourceLocation)
      #expect(result.stdout == "", "\(result)", sourceLocation: sourceLocation)
      #expect(result.stderrLines.count == 1, "\(result)", sourceLocation: sourceLocation)
      #expect(
        result.stderr.hasPrefix("Error: cannot open database \(path): ") && result.stderr.contains(words),
        "\(result)", sourceLocation: sourceLocation)
      #expect(
        FileManager.default.contents(atPath: path) == bytes, "\(command) changed the file",
        sourceLocation: sourceLocation)
      for suffix in ["-wal", "-shm", "-journal"] {
        #expect(
          !FileManager.default.fileExists(atPath: path + suffix), "\(command) left \(suffix)",
          sourceLocation: sourceLocation)
      }
    }
  }

  @Test func aFileThatIsNotADatabase() throws {
    try BadInputFixture.prepare(.notADatabase, at: sandbox.db)
    try expectEveryCommandRefuses(sandbox.db, mentioning: "the file is not an SQLite database")
  }

  @Test func aDatabaseCutInHalf() throws {
    try BadInputFixture.seed(sandbox.db)
    let bytes = try Data(contentsOf: URL(fileURLWithPath: sandbox.db))
    try bytes.prefix(bytes.count / 2).write(to: URL(fileURLWithPath: sandbox.db))
    try expectEveryCommandRefuses(sandbox.db, mentioning: "the database file is damaged")
  }

  @Test func aDatabaseOfANewerAccord() throws {
    try BadInputFixture.prepare(.newerSchema, at: sandbox.db)
    try expectEveryCommandRefuses(sandbox.db, mentioning: "made by a newer Accord (schema version 999")
    let connection = try Connection(path: sandbox.db, create: false)
    #expect(try connection.integer("PRAGMA user_version") == 999)
    #expect(
      try connection.integer("SELECT max(version) FROM schema_migration") == Int64(Migrator().latestVersion))
  }

  // MARK: Read-only files and folders

  /// The user id that read-only tests run Accord as when the tests run as root, who may write
  /// any file whatever its mode: nobody.
  static let unprivileged: UInt32 = 65_534

  /// Runs `accord` as a user for whom modes count: as nobody, through setpriv, when the tests
  /// run as root (with a copy of the binary that nobody can reach); as the tests' user otherwise.
  func runUnprivileged(_ arguments: [String]) throws -> RunResult {
    guard geteuid() == 0 else { return try sandbox.run(arguments) }
    let binary = try binaryForEveryone()
    var attempt = 0
    while true {
      let child = try ChildProcess(
        "/usr/bin/setpriv",
        ["--reuid=\(Self.unprivileged)", "--regid=\(Self.unprivileged)", "--clear-groups", binary]
          + arguments,
        environment: sandbox.environment, folder: sandbox.folder)
      let ending = child.wait()
      // A process that another test started while the copy was being written may still hold it
      // open (ETXTBSY): try again.
      if ending == .exited(126) && child.stderr.contains("Text file busy") && attempt < 20 {
        attempt += 1
        usleep(50_000)
        continue
      }
      guard case .exited(let status) = ending else {
        Issue.record("accord \(arguments) as nobody: \(ending)")
        return RunResult(arguments: arguments, status: -1, stdout: child.stdout, stderr: child.stderr)
      }
      return RunResult(arguments: arguments, status: status, stdout: child.stdout, stderr: child.stderr)
    }
  }

  /// A copy of the binary in the sandbox, which every user may run, written through a descriptor
  /// that no other process inherits.
  func binaryForEveryone() throws -> String {
    let binary = sandbox.folder + "/bin/accord"
    guard !FileManager.default.fileExists(atPath: binary) else { return binary }
    try FileManager.default.createDirectory(
      atPath: sandbox.folder + "/bin", withIntermediateDirectories: true)
    let bytes = try Data(contentsOf: URL(fileURLWithPath: try AccordBinary.path()))
    let fd = open(binary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o755)
    try #require(fd >= 0, "cannot write \(binary)")
    defer { close(fd) }
    try bytes.withUnsafeBytes { buffer in
      var offset = 0
      while offset < buffer.count {
        let written = write(fd, buffer.baseAddress! + offset, buffer.count - offset)
        try #require(written > 0, "cannot write \(binary)")
        offset += written
      }
    }
    return binary
  }

  /// A folder that the unprivileged user owns, with `mode`.
  func folder(_ name: String) throws -> String {
    let path = sandbox.folder + "/" + name
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    if geteuid() == 0 { chown(path, Self.unprivileged, Self.unprivileged) }
    return path
  }

  /// An Accord database at `path` that the unprivileged user owns, with `mode`.
  func database(_ path: String, mode: mode_t) throws {
    try BadInputFixture.seed(path)
    if geteuid() == 0 { chown(path, Self.unprivileged, Self.unprivileged) }
    chmod(path, mode)
  }

  @Test func aReadOnlyFileCanBeReadButNotWritten() throws {
    let folder = try folder("read-only-file")
    let db = folder + "/accord.sqlite"
    try database(db, mode: 0o400)
    let bytes = try #require(FileManager.default.contents(atPath: db))

    let list = try runUnprivileged(["actor", "list", "--db", db])
    #expect(list.status == 0, "\(list)")
    #expect(list.stdout.contains("Ukraine") && list.stderr == "", "\(list)")
    let show = try runUnprivileged(["negotiation", "show", BadInputFixture.negotiation, "--db", db])
    #expect(show.status == 0, "\(show)")

    let add = try runUnprivileged(["actor", "add", "Moldova", "--kind", "state", "--db", db])
    #expect(add.status == 1)
    #expect(add.stdout == "")
    #expect(add.stderrLines.count == 1 && add.stderr.hasPrefix("Error: the database is read-only"), "\(add)")

    let check = try runUnprivileged(["check", "--db", db])
    #expect(check.status == 0 && check.stdout == "ok\n", "\(check)")
    let backup = try runUnprivileged(["backup", folder + "/copy.sqlite", "--db", db])
    #expect(backup.status == 0, "\(backup)")
    #expect(DatabaseSnapshot.of(folder + "/copy.sqlite") == DatabaseSnapshot.of(db))

    // Reading left nothing: not a byte, not a -wal or -shm file that would keep the database
    // read-only once its owner makes it writable again.
    #expect(FileManager.default.contents(atPath: db) == bytes)
    #expect(
      try FileManager.default.contentsOfDirectory(atPath: folder).sorted() == [
        "accord.sqlite", "copy.sqlite",
      ])
    chmod(db, 0o600)
    let again = try runUnprivileged(["actor", "add", "Moldova", "--kind", "state", "--db", db])
    #expect(again.status == 0, "\(again)")
  }

  @Test func aReadOnlyFolderGetsNoNewDatabase() throws {
    let folder = try folder("read-only-folder")
    chmod(folder, 0o555)
    defer { chmod(folder, 0o755) }
    let db = folder + "/accord.sqlite"
    let result = try runUnprivileged(["init", "--db", db])
    #expect(result.status == 1)
    #expect(
      result.stderr == "Error: cannot open database \(db): cannot make the file: Permission denied\n",
      "\(result)")
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == [])
  }

  @Test func aDatabaseInAReadOnlyFolderCanBeRead() throws {
    let folder = try folder("read-only-folder-with-database")
    let db = folder + "/accord.sqlite"
    try database(db, mode: 0o600)
    chmod(folder, 0o555)
    defer { chmod(folder, 0o755) }
    let bytes = try #require(FileManager.default.contents(atPath: db))

    let list = try runUnprivileged(["actor", "list", "--db", db])
    #expect(list.status == 0 && list.stdout.contains("Ukraine"), "\(list)")
    let add = try runUnprivileged(["log", BadInputFixture.negotiation, "Talks resumed", "--db", db])
    #expect(add.status == 1)
    #expect(add.stderrLines.count == 1 && add.stderr.hasPrefix("Error: the database is read-only"), "\(add)")
    #expect(FileManager.default.contents(atPath: db) == bytes)
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["accord.sqlite"])
  }

  // MARK: A full disk

  /// On a small file system of its own (a 2 MB tmpfs, mounted when the tests run as root): a
  /// write that does not fit, and then a disk with no room at all, each fail in one line and
  /// change nothing; with room again, Accord carries on. Where mounting is not permitted, the
  /// same failure is made with SQLite's page limit instead, through the store.
  @Test func aFullDiskWritesNothing() throws {
    let disk = sandbox.folder + "/small-disk"
    try FileManager.default.createDirectory(atPath: disk, withIntermediateDirectories: true)
    guard try command("mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", disk) else {
      try fullDiskSimulated()
      return
    }
    defer { _ = try? command("umount", disk) }
    let db = disk + "/accord.sqlite"
    try BadInputFixture.seed(db)
    let bytes = try #require(FileManager.default.contents(atPath: db))
    let records = DatabaseSnapshot.of(db)

    // Room for SQLite's -shm file, not for a 120 KB development.
    try fill(disk, leaving: 48 * 1024, name: "filler-1")
    let big = try sandbox.run(
      "log", BadInputFixture.negotiation, String(repeating: "Delegates met in Geneva. ", count: 4_800),
      "--db", db)
    #expect(big.status == 1)
    #expect(big.stderr == "Error: the disk is full; nothing was written\n", "\(big)")
    #expect(FileManager.default.contents(atPath: db) == bytes)
    #expect(DatabaseSnapshot.of(db) == records)

    // No room at all: not even to read.
    try fill(disk, leaving: 0, name: "filler-2")
    for command in [["actor", "list"], ["log", BadInputFixture.negotiation, "Talks resumed"]] {
      let result = try sandbox.run(command + ["--db", db])
      #expect(result.status == 1)
      #expect(
        result.stderr == "Error: cannot open database \(db): the disk is full; nothing was written\n",
        "\(result)")
      #expect(FileManager.default.contents(atPath: db) == bytes)
    }

    // Room again.
    try FileManager.default.removeItem(atPath: disk + "/filler-1")
    try FileManager.default.removeItem(atPath: disk + "/filler-2")
    try sandbox.add("log", BadInputFixture.negotiation, "Talks resumed", "--db", db)
    #expect(try sandbox.run("check", "--db", db).stdout == "ok\n")
  }

  /// Without a small disk to fill: the page limit makes SQLite answer SQLITE_FULL.
  func fullDiskSimulated() throws {
    try BadInputFixture.seed(sandbox.db)
    let records = DatabaseSnapshot.of(sandbox.db)
    let store = try AccordStore(path: sandbox.db)
    let pages = try #require(try store.connection.integer("PRAGMA page_count"))
    try store.connection.execute("PRAGMA max_page_count = \(pages)")
    let error = #expect(throws: StoreError.self) {
      try store.log(
        negotiation: BadInputFixture.negotiation, text: String(repeating: "Delegates met. ", count: 10_000),
        date: try AccordDate.parse("2025-02-14"))
    }
    #expect(error?.description == "the disk is full; nothing was written")
    #expect(DatabaseSnapshot.of(sandbox.db) == records)
  }

  /// Fills the file system of `folder` until `leaving` bytes are free.
  func fill(_ folder: String, leaving: Int, name: String) throws {
    let attributes = try FileManager.default.attributesOfFileSystem(forPath: folder)
    let free = try #require((attributes[.systemFreeSize] as? NSNumber)?.intValue)
    _ = FileManager.default.createFile(atPath: folder + "/" + name, contents: nil)
    let handle = try #require(FileHandle(forWritingAtPath: folder + "/" + name))
    defer { try? handle.close() }
    var remaining = max(0, free - leaving)
    let block = Data(count: 4_096)
    while remaining > 0 {
      do {
        try handle.write(contentsOf: block.prefix(min(remaining, block.count)))
      } catch {
        break  // full already
      }
      remaining -= block.count
    }
  }

  /// Runs a system command; true when it succeeded.
  func command(_ arguments: String...) throws -> Bool {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = arguments
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    process.waitUntilExit()
    return process.terminationReason == .exit && process.terminationStatus == 0
  }
}
