import Foundation
import Testing

/// The permission bits of the file at `path`.
func mode(_ path: String) throws -> Int {
  let attributes = try FileManager.default.attributesOfItem(atPath: path)
  return try #require((attributes[.posixPermissions] as? NSNumber)?.intValue) & 0o777
}

/// Databases, the files SQLite keeps beside them, and backups are private to their owner
/// (mode 0600; a new folder 0700), whatever the umask.
@Suite(.fileOnly("a file's modes")) struct FileModeTests {
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
    #expect(child.wait() == .exited(0), "\(child.stderr)")
    #expect(try mode(db) == 0o600)
    #expect(try mode(sandbox.folder + "/records") == 0o700)
  }

  /// The -wal and -shm files exist only while a command runs: a long write killed part-way
  /// (`ACCORD_TEST_CRASH_AFTER`, see the binary's TestHooks) leaves them, and each is private.
  @Test func theFilesBesideADatabaseArePrivate() throws {
    let db = sandbox.folder + "/accord.sqlite"
    let made = try ChildProcess(
      "/bin/sh", ["-c", "umask 000; exec \"$ACCORD\" \"$@\"", "accord", "init", "--db", db],
      environment: sandbox.environment.merging(["ACCORD": try AccordBinary.path()]) { $1 },
      folder: sandbox.folder)
    #expect(made.wait() == .exited(0), "\(made.stderr)")
    let child = try ChildProcess(
      "/bin/sh",
      [
        "-c", "umask 000; exec \"$ACCORD\" \"$@\"", "accord", "generate", "--negotiations", "20",
        "--developments", "100", "--db", db,
      ],
      environment: sandbox.environment.merging([
        "ACCORD": try AccordBinary.path(), "ACCORD_TEST_CRASH_AFTER": "200",
      ]) { $1 }, folder: sandbox.folder)
    #expect(child.wait() == .signaled(SIGKILL), "\(child.stderr)")
    for suffix in ["", "-wal", "-shm"] {
      let found = try? mode(db + suffix)
      #expect(
        found == 0o600, "accord.sqlite\(suffix) has mode \(found.map { String($0, radix: 8) } ?? "none")")
    }
  }

  @Test func aBackupIsPrivate() throws {
    try BadInputFixture.seed(sandbox.db)
    let copy = sandbox.folder + "/copy.sqlite"
    let child = try startWithOpenUmask(["backup", copy])
    #expect(child.wait() == .exited(0), "\(child.stderr)")
    #expect(try mode(copy) == 0o600)
    let replaced = try startWithOpenUmask(["backup", copy, "--force"])
    #expect(replaced.wait() == .exited(0), "\(replaced.stderr)")
    #expect(try mode(copy) == 0o600)
  }
}
