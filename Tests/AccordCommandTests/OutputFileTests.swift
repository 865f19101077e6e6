import Foundation
import Testing

/// A file the user names for Accord to write (`report -o`, `export -o`) is written one way: whole
/// or not at all, private to its owner (mode 0600) whatever the umask, and put in place in one
/// step, so that a write that fails leaves no part of a file and the file that was there as it was.
@Suite struct OutputFileTests {
  let sandbox: Sandbox
  /// The folder the files are written to: nothing else is in it.
  let folder: String

  init() throws {
    sandbox = try Sandbox()
    try sandbox.loadExample()
    folder = sandbox.folder + "/out"
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
  }

  /// Runs `accord` with `arguments` through `sh`, which first runs `setup` (`umask 000`, say).
  func run(after setup: String, _ arguments: [String]) throws -> (ending: ChildProcess.Ending, stderr: String)
  {
    let child = try ChildProcess(
      "/bin/sh", ["-c", setup + "; exec \"$ACCORD\" \"$@\"", "accord"] + arguments,
      environment: sandbox.environment.merging(["ACCORD": try AccordBinary.path()]) { $1 },
      folder: sandbox.folder)
    return (child.wait(), child.stderr)
  }

  func files() throws -> [String] { try FileManager.default.contentsOfDirectory(atPath: folder).sorted() }

  /// Both commands' files, new or replacing a file readable by all, are 0600 under umask 000.
  @Test func aReportAndAnExportArePrivate() throws {
    let report = folder + "/brief.html"
    let export = folder + "/record.json"
    for (path, arguments) in [
      (report, ["report", "--as-of", "2025-02-20", "--format", "html", "-o", report]),
      (export, ["export", "-o", export]),
    ] {
      let made = try run(after: "umask 000", arguments)
      #expect(made.ending == .exited(0), "\(made.stderr)")
      #expect(try mode(path) == 0o600)
      try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: path)
      let replaced = try run(after: "umask 000", arguments)
      #expect(replaced.ending == .exited(0), "\(replaced.stderr)")
      #expect(try mode(path) == 0o600)
    }
    let html = String(decoding: try Data(contentsOf: URL(fileURLWithPath: report)), as: UTF8.self)
    #expect(html == (try ReportCommandTests.golden("worked-example-2025-02-20.html")))
    #expect(try files() == ["brief.html", "record.json"])
  }

  /// A write cut short (here by a limit on the size of a file, with SIGXFSZ ignored, so that
  /// write fails with EFBIG part-way) fails in one line, exit 1; the earlier file is untouched and
  /// nothing else is left in the folder.
  @Test func aFailedWriteLeavesTheEarlierFileWhole() throws {
    // A record whose brief and export are larger than the limit, 128 blocks of 512 bytes (64 KB);
    // reading the record takes SQLite's -shm file, 32 KB, within it.
    let big = sandbox.folder + "/big.sqlite"
    let generated = try sandbox.run(
      "generate", "--negotiations", "40", "--developments", "4000", "--seed", "7", "--db", big)
    try #require(generated.status == 0, "\(generated)")
    let earlier = "an earlier brief\n"
    for (name, arguments) in [
      ("brief.html", ["report", "--format", "html", "--developments", "50", "--db", big, "-o"]),
      ("record.json", ["export", "--db", big, "-o"]),
    ] {
      let path = folder + "/" + name
      try earlier.write(toFile: path, atomically: false, encoding: .utf8)
      let cut = try run(after: "trap '' XFSZ; ulimit -f 128", arguments + [path])
      #expect(cut.ending == .exited(1), "\(cut.stderr)")
      #expect(cut.stderr == "Error: cannot write \(path): File too large\n")
      #expect(try String(contentsOfFile: path, encoding: .utf8) == earlier)
      #expect(try files() == [name])
      // Without the limit, the same command writes it whole.
      let whole = try run(after: "true", arguments + [path])
      #expect(whole.ending == .exited(0), "\(whole.stderr)")
      let size = try #require(try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int)
      #expect(size > 64 * 1024)
      try FileManager.default.removeItem(atPath: path)
    }
  }

  /// A file that cannot be made at all: one line, exit 1, and nothing made.
  @Test func aFileThatCannotBeMadeIsOneLine() throws {
    for command in [["report", "--as-of", "2025-02-20"], ["export"]] {
      let missing = folder + "/no/such/folder/file"
      let result = try sandbox.run(command + ["-o", missing])
      #expect(result.status == 1, "\(result)")
      #expect(result.stderr == "Error: cannot write \(missing): No such file or directory\n", "\(result)")
      #expect(result.stdout == "")
      // A folder by that name stays a folder.
      try FileManager.default.createDirectory(atPath: folder + "/taken", withIntermediateDirectories: true)
      let onFolder = try sandbox.run(command + ["-o", folder + "/taken"])
      #expect(onFolder.status == 1, "\(onFolder)")
      #expect(onFolder.stderr == "Error: cannot write \(folder)/taken: it is a folder\n", "\(onFolder)")
      #expect(try files() == ["taken"])
    }
  }
}
