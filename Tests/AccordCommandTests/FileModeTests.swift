import Foundation
import Testing

/// The permission bits of the file at `path`.
func mode(_ path: String) throws -> Int {
  let attributes = try FileManager.default.attributesOfItem(atPath: path)
  return try #require((attributes[.posixPermissions] as? NSNumber)?.intValue) & 0o777
}

/// Databases, the files SQLite keeps beside them, and backups are private to their owner
/// (mode 0600; a new folder 0700), whatever the umask.
@Suite struct FileModeTests {
  let sandbox: Sandbox

  init() throws { sandbox = try Sandbox() }

  /// Starts `accord` with `arguments` under umask 000, which would make files readable and
  /// writable by everyone.
  func startWithOpenUmask(_ arguments: [String]) throws -> ChildProcess {
    try ChildProcess(
      "/bin/sh", ["-c", "umask 000; exec \"$ACCORD\" \"$@\"", "accord"] + arguments,
      environment: sandbox.environment.merging(["ACCORD": try AccordBinary.path()]) { $1 },
      folder: sandbox.folder)
  }

  @Test func aNewDatabaseAndItsFolderArePrivate() throws {
    let db = sandbox.folder + "/records/accord.sqlite"
    let child = try startWithOpenUmask(["init", "--db", db])
    #expect(child.wait(until: .now + .seconds(60)) == .exited(0), "\(child.stderr)")
    #expect(try mode(db) == 0o600)
    #expect(try mode(sandbox.folder + "/records") == 0o700)
  }

  /// The -journal (while the schema is made), -wal and -shm files exist only while a command
  /// runs: watched during a long write, each is private.
  @Test func theFilesBesideADatabaseArePrivate() throws {
    let db = sandbox.folder + "/accord.sqlite"
    let child = try startWithOpenUmask([
      "generate", "--negotiations", "300", "--developments", "41000", "--db", db,
    ])
    var seen: [String: Int] = [:]
    let deadline = ContinuousClock.now + .seconds(60)
    while ContinuousClock.now < deadline {
      for suffix in ["", "-journal", "-wal", "-shm"] where seen[suffix] == nil {
        if let mode = try? mode(db + suffix) { seen[suffix] = mode }
      }
      if seen.count == 4 { break }
      if child.poll() != nil { break }
      usleep(500)
    }
    #expect(child.wait(until: deadline) == .exited(0), "\(child.stderr)")
    #expect(seen["-wal"] != nil && seen["-shm"] != nil, "never saw the -wal and -shm files: \(seen)")
    for (suffix, mode) in seen {
      #expect(mode == 0o600, "accord.sqlite\(suffix) has mode \(String(mode, radix: 8))")
    }
  }

  @Test func aBackupIsPrivate() throws {
    try BadInputFixture.seed(sandbox.db)
    let copy = sandbox.folder + "/copy.sqlite"
    let child = try startWithOpenUmask(["backup", copy])
    #expect(child.wait(until: .now + .seconds(60)) == .exited(0), "\(child.stderr)")
    #expect(try mode(copy) == 0o600)
    let replaced = try startWithOpenUmask(["backup", copy, "--force"])
    #expect(replaced.wait(until: .now + .seconds(60)) == .exited(0), "\(replaced.stderr)")
    #expect(try mode(copy) == 0o600)
  }
}
