import AccordPostgres
import AccordSQLite
import AccordStore
import AccordTestEngine
import Foundation
import Testing

/// What one run of the `accord` binary did.
struct RunResult: CustomStringConvertible {
  let arguments: [String]
  let status: Int32
  let stdout: String
  let stderr: String

  var stderrLines: [Substring] {
    stderr.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
  }

  var description: String {
    "accord \(arguments.joined(separator: " ")) → exit \(status)\nstdout: \(stdout)\nstderr: \(stderr)"
  }

  /// The JSON on stdout, parsed.
  func json() throws -> Any {
    try JSONSerialization.jsonObject(with: Data(stdout.utf8), options: [.fragmentsAllowed])
  }
}

/// A fresh temporary folder with its own database, in which to run the built `accord` binary: a
/// file in the folder, or a database of its own on the test server when the tests run on a team's
/// engine (``TestEngine``). The folder and the database go when the sandbox goes.
final class Sandbox {
  /// The deterministic "today" of every run.
  static let today = "2025-03-01"

  /// Where a sandbox's record is kept.
  enum Engine {
    case file
    case server

    /// The engine of this test run (``TestEngine``).
    static var current: Engine { TestEngine.isPostgres ? .server : .file }
  }

  let folder: String
  /// The database that runs use by default (through `ACCORD_DB`): a file's path, or a URL.
  let db: String
  let engine: Engine
  private var runs = 0

  /// Whether the folder and the database stay when the sandbox goes (a template's, for the run).
  private let keep: Bool

  init(keep: Bool = false, engine: Engine = .current) throws {
    let base = FileManager.default.temporaryDirectory.path
    folder = base + "/accord-cli-tests-" + UUID().uuidString
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    self.keep = keep
    self.engine = engine
    switch engine {
    case .file:
      db = folder + "/accord.sqlite"
    case .server:
      let name = TestEngine.uniqueName("accord_cli")
      try ServerDatabases.create(name, template: try TestEngine.initialized.get())
      if keep { ServerDatabases.keepUntilExit(name) }
      db = TeamServer.url(database: name)
    }
  }

  deinit {
    guard !keep else { return }
    try? FileManager.default.removeItem(atPath: folder)
    if let name = ServerDatabases.name(in: db) { ServerDatabases.drop(name) }
    for role in logins { try? TestEngine.admin().execute("DROP ROLE IF EXISTS \(role)") }
  }

  /// A record made once by running `commands` (each must succeed), for many tests to copy with
  /// ``load(_:)``: a scenario of fifty commands costs as much as the test that reads it.
  static func template(_ commands: [[String]]) -> Result<String, any Error> {
    Result {
      let sandbox = try Sandbox(keep: true)
      for command in commands {
        let result = try sandbox.run(command)
        guard result.status == 0 else { throw TemplateFailed(result: result) }
      }
      return sandbox.db
    }
  }

  struct TemplateFailed: Error, CustomStringConvertible {
    let result: RunResult
    var description: String { "a template's command failed: \(result)" }
  }

  /// This sandbox's database becomes a copy of `template`'s.
  func load(_ template: Result<String, any Error>) throws {
    let source = try template.get()
    switch engine {
    case .file:
      try FileManager.default.copyItem(atPath: source, toPath: db)
    case .server:
      guard let name = ServerDatabases.name(in: db), let templateName = ServerDatabases.name(in: source)
      else {
        throw TestEngine.Refused(reason: "a server's sandbox loads a server's template, not \(source)")
      }
      ServerDatabases.drop(name)
      try ServerDatabases.create(name, template: templateName)
    }
  }

  /// The logins made for this sandbox's analysts on the server, dropped with it.
  private var logins: [String] = []

  /// An analyst of this sandbox: the name that the change log gives them, and the environment
  /// that runs a command as them. On a file, `ACCORD_ANALYST`; on a team's server, where the log
  /// names the login (migration 0016), a login of their own in `accord_writer` (roles belong to the
  /// whole server: its name ends in the database's).
  func analyst(_ name: String) throws -> (name: String, environment: [String: String?]) {
    guard engine == .server, let database = ServerDatabases.name(in: db) else {
      return (name, ["ACCORD_ANALYST": name])
    }
    let role = "accord_test_\(name)_" + database.suffix(12)
    if !logins.contains(role) {
      try TestEngine.admin().execute("CREATE ROLE \(role) LOGIN IN ROLE accord_writer")
      logins.append(role)
    }
    var components = URLComponents(string: db)
    components?.user = role
    return (role, ["ACCORD_DB": components?.string ?? db])
  }

  /// Makes this sandbox's database with `accord init`; on a team's server, `accord team init`
  /// made it already.
  func initialize() throws {
    if engine == .file { _ = try output("init") }
  }

  /// Loads the worked example into this sandbox's database with `accord example`: on a team's
  /// server, where `example` writes only to a file of its own, into a file and then `copy --to` the
  /// server, as an analyst would move a record there.
  func loadExample() throws {
    switch engine {
    case .file:
      _ = try output("example", "--db", db)
    case .server:
      let file = folder + "/example-to-copy.sqlite"
      _ = try output("example", "--db", file)
      _ = try output("copy", "--to", db, "--db", file)
    }
  }

  /// Runs `accord` with `arguments`. The environment has `ACCORD_DB` set to ``db``,
  /// `ACCORD_TODAY` fixed, and `HOME` and `XDG_DATA_HOME` inside the sandbox; `environment`
  /// overrides (a nil value unsets the variable).
  @discardableResult
  func run(_ arguments: [String], environment: [String: String?] = [:]) throws -> RunResult {
    var env = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("ACCORD_") }
    env["ACCORD_DB"] = db
    env["ACCORD_TODAY"] = Self.today
    env["HOME"] = folder + "/home"
    env["XDG_DATA_HOME"] = folder + "/xdg"
    for (key, value) in environment { env[key] = value }

    runs += 1
    let outPath = folder + "/run-\(runs).stdout"
    let errPath = folder + "/run-\(runs).stderr"
    _ = FileManager.default.createFile(atPath: outPath, contents: nil)
    _ = FileManager.default.createFile(atPath: errPath, contents: nil)
    let out = try FileHandle(forWritingTo: URL(fileURLWithPath: outPath))
    let err = try FileHandle(forWritingTo: URL(fileURLWithPath: errPath))

    let process = Process()
    process.executableURL = URL(fileURLWithPath: try AccordBinary.path())
    process.arguments = arguments
    process.environment = env
    process.currentDirectoryURL = URL(fileURLWithPath: folder)
    process.standardInput = FileHandle.nullDevice
    process.standardOutput = out
    process.standardError = err
    try process.run()
    process.waitUntilExit()
    try out.close()
    try err.close()

    let stdout = String(
      decoding: try Data(contentsOf: URL(fileURLWithPath: outPath)), as: UTF8.self)
    let stderr = String(
      decoding: try Data(contentsOf: URL(fileURLWithPath: errPath)), as: UTF8.self)
    if process.terminationReason == .uncaughtSignal {
      Issue.record(
        "accord \(arguments.joined(separator: " ")) died of signal \(process.terminationStatus)")
    }
    return RunResult(
      arguments: arguments, status: process.terminationStatus, stdout: stdout, stderr: stderr)
  }

  @discardableResult
  func run(_ arguments: String..., environment: [String: String?] = [:]) throws -> RunResult {
    try run(arguments, environment: environment)
  }

  /// Runs an adding command, expects it to succeed printing just the new id and nothing on
  /// stderr, and returns the id.
  @discardableResult
  func add(_ arguments: String..., sourceLocation: SourceLocation = #_sourceLocation) throws
    -> Int64
  {
    let result = try run(arguments)
    #expect(result.status == 0, "\(result)", sourceLocation: sourceLocation)
    #expect(result.stderr == "", "\(result)", sourceLocation: sourceLocation)
    let line = result.stdout.hasSuffix("\n") ? String(result.stdout.dropLast()) : result.stdout
    let id = try #require(
      Int64(line), "an adding command prints just the new id: \(result)",
      sourceLocation: sourceLocation)
    #expect(id > 0, sourceLocation: sourceLocation)
    return id
  }

  /// Runs a command that should succeed and returns its stdout as parsed JSON.
  func json(_ arguments: String..., sourceLocation: SourceLocation = #_sourceLocation) throws -> Any {
    try json(arguments, sourceLocation: sourceLocation)
  }

  func json(_ arguments: [String], sourceLocation: SourceLocation = #_sourceLocation) throws -> Any {
    let result = try run(arguments + ["--format", "json"])
    #expect(result.status == 0, "\(result)", sourceLocation: sourceLocation)
    #expect(result.stderr == "", "\(result)", sourceLocation: sourceLocation)
    return try result.json()
  }

  /// Runs a command that should succeed and returns its stdout.
  func output(_ arguments: String..., sourceLocation: SourceLocation = #_sourceLocation) throws
    -> String
  {
    try output(arguments, sourceLocation: sourceLocation)
  }

  func output(_ arguments: [String], sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
    let result = try run(arguments)
    #expect(result.status == 0, "\(result)", sourceLocation: sourceLocation)
    #expect(result.stderr == "", "\(result)", sourceLocation: sourceLocation)
    return result.stdout
  }
}

/// Finds the `accord` executable that SwiftPM built next to this test bundle.
enum AccordBinary {
  static func path() throws -> String {
    let fileManager = FileManager.default
    var folders: [String] = []
    if let exe = try? fileManager.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
      folders.append((exe as NSString).deletingLastPathComponent)
    }
    if let first = CommandLine.arguments.first {
      folders.append((first as NSString).deletingLastPathComponent)
    }
    for bundle in Bundle.allBundles where bundle.bundlePath.hasSuffix(".xctest") {
      folders.append((bundle.bundlePath as NSString).deletingLastPathComponent)
    }
    // Tests/AccordCommandTests/Accord.swift → the package folder → .build/debug.
    let package = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .deletingLastPathComponent()
      .deletingLastPathComponent().path
    folders.append(package + "/.build/debug")
    for folder in folders {
      let candidate = folder + "/accord"
      var isFolder: ObjCBool = false
      if fileManager.fileExists(atPath: candidate, isDirectory: &isFolder), !isFolder.boolValue,
        fileManager.isExecutableFile(atPath: candidate)
      {
        return candidate
      }
    }
    throw BinaryNotFound(searched: folders)
  }

  struct BinaryNotFound: Error, CustomStringConvertible {
    let searched: [String]
    var description: String {
      "no accord binary in \(searched.joined(separator: ", ")): run swift build --build-tests first"
    }
  }
}

/// Everything a database file holds, to check that a failed command changed nothing. Reads every
/// row of every table (robust in WAL mode, where the file's bytes lag behind the -wal file); a file
/// that SQLite cannot read is compared by its bytes.
enum DatabaseSnapshot: Equatable, CustomStringConvertible {
  case missing
  case rows([String])
  case bytes(Data)

  static func of(_ path: String) -> DatabaseSnapshot {
    if ServerDatabases.name(in: path) != nil {
      do { return .rows(try serverDump(path)) } catch { return .rows(["cannot read the server: \(error)"]) }
    }
    guard FileManager.default.fileExists(atPath: path) else { return .missing }
    if let rows = try? fileDump(path) { return .rows(rows) }
    return .bytes(FileManager.default.contents(atPath: path) ?? Data())
  }

  /// Every row of every table, on either engine.
  static func dump(_ path: String) throws -> [String] {
    if ServerDatabases.name(in: path) != nil { return try serverDump(path) }
    return try fileDump(path)
  }

  static func fileDump(_ path: String) throws -> [String] {
    let connection = try Connection(path: path, create: false)
    var lines = [
      "user_version \(try connection.integer("PRAGMA user_version") ?? -1)",
      "application_id \(try connection.integer("PRAGMA application_id") ?? -1)",
    ]
    let schema = try connection.all(
      "SELECT type, name, coalesce(sql, '') FROM sqlite_schema ORDER BY name"
    ) {
      ($0.text(0), $0.text(1), $0.text(2))
    }
    for (type, name, sql) in schema {
      lines.append("schema \(type) \(name): \(sql)")
      guard type == "table" else { continue }
      let quoted = "\"" + name.replacing("\"", with: "\"\"") + "\""
      let columns = try connection.all("SELECT name FROM pragma_table_info(?)", [.text(name)]) {
        $0.text(0)
      }
      let row = columns.map { "quote(\"\($0.replacing("\"", with: "\"\""))\")" }.joined(
        separator: " || '|' || ")
      let rows = try connection.all("SELECT \(row) FROM \(quoted)") { $0.text(0) }
      lines += rows.sorted().map { "\(name): \($0)" }
    }
    return lines
  }

  /// Every row of every table of a team's database at `url`.
  static func serverDump(_ url: String) throws -> [String] {
    let connection = try PostgresConnection(url: url)
    var lines: [String] = []
    let tables = try connection.all(
      """
      SELECT table_name FROM information_schema.tables
      WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name
      """
    ) { $0.text(0) }
    for table in tables {
      let rows = try connection.all("SELECT t::text FROM \"\(table)\" AS t") { $0.text(0) }
      lines += rows.sorted().map { "\(table): \($0)" }
    }
    // Not where each identity stands: PostgreSQL never gives back a number that a failed write
    // took, so the next record's id may skip it (README, "For a team"). Nothing else of it stays.
    return lines
  }

  /// The schema, on either engine: SQLite's text of it, or the server's tables, columns and
  /// triggers.
  static func schema(_ path: String) throws -> [String] {
    guard ServerDatabases.name(in: path) != nil else {
      return try Connection(path: path, create: false).all("SELECT sql FROM sqlite_schema ORDER BY name") {
        $0.optionalText(0) ?? ""
      }
    }
    let connection = try PostgresConnection(url: path)
    return try connection.all(
      """
      SELECT table_name || '.' || column_name || ' ' || data_type FROM information_schema.columns
      WHERE table_schema = 'public' ORDER BY 1
      """
    ) { $0.text(0) }
      + connection.all("SELECT tgname FROM pg_trigger WHERE NOT tgisinternal ORDER BY 1") { $0.text(0) }
  }

  /// The number of rows in `table`.
  static func count(_ path: String, _ table: String) throws -> Int64 {
    if ServerDatabases.name(in: path) != nil {
      return try PostgresConnection(url: path).integer("SELECT count(*) FROM \(table)") ?? -1
    }
    return try Connection(path: path, create: false).integer("SELECT count(*) FROM \(table)") ?? -1
  }

  var description: String {
    switch self {
    case .missing: "no file"
    case .rows(let rows): rows.joined(separator: "\n")
    case .bytes(let data): "\(data.count) bytes that are not a database"
    }
  }
}
