import AccordPostgres
import Foundation
import Testing

/// The README's "For a team" section, run as a newcomer on Debian would type it: its code blocks,
/// line by line in one shell, against the test server (`ACCORD_TEST_PG`): `PGHOST` and `PGPORT`
/// point `localhost` at it, and `sudo -u postgres` stands for its superuser. Skipped without it.
@Suite(
  .fileOnly("a file beside the server, run in the file pass"),
  .enabled(if: TeamServer.url != nil, "ACCORD_TEST_PG is not set"), .serialized)
struct ReadmeTeamTests {
  /// The section's shell blocks (fenced without a language; a configuration file's block names its
  /// language, `ini`), in order.
  static func blocks() throws -> [String] {
    let readme = try String(
      contentsOf: URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appending(path: "README.md"), encoding: .utf8)
    let start = try #require(readme.range(of: "\n## For a team\n"))
    let section = readme[start.upperBound...]
    let end = section.range(of: "\n## ")?.lowerBound ?? section.endIndex
    return String(section[..<end]).matches(of: /\n```(\w*)\n((?:.|\n)*?)```\n/).filter { $0.output.1.isEmpty }
      .map { String($0.output.2) }
  }

  /// The database, roles and file the section makes, gone (before, in case a run was cut short,
  /// and after).
  static func clean(_ admin: PostgresConnection) {
    try? admin.execute("DROP DATABASE IF EXISTS accord WITH (FORCE)")
    try? admin.execute("DROP ROLE IF EXISTS alice")
    try? admin.execute("DROP ROLE IF EXISTS accord_owner")
  }

  @Test func theSectionsCommandsWorkAsWritten() throws {
    let blocks = try Self.blocks()
    #expect(blocks.count == 2)
    let url = try #require(TeamServer.url)
    let server = try #require(URLComponents(string: url))
    let admin = try PostgresConnection(url: TeamServer.url(database: "postgres"))
    Self.clean(admin)
    defer { Self.clean(admin) }

    let sandbox = try Sandbox()
    // The analyst's own record, in the default file, for `accord copy` to take.
    let record = sandbox.folder + "/.local/share/accord/accord.sqlite"
    #expect(try sandbox.run("example", "--db", record).status == 0)
    let binaries = (try AccordBinary.path() as NSString).deletingLastPathComponent
    let script =
      "set -e\n"
      + blocks.joined().replacingOccurrences(
        of: "sudo -u postgres ", with: "env PGUSER=\(server.user ?? "postgres") ")
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/sh")
    process.arguments = ["-c", script]
    process.currentDirectoryURL = URL(fileURLWithPath: sandbox.folder)
    var environment = ProcessInfo.processInfo.environment.filter {
      !$0.key.hasPrefix("ACCORD_") && !$0.key.hasPrefix("PG")
    }
    environment["PATH"] = binaries + ":" + (environment["PATH"] ?? "/usr/bin:/bin")
    environment["PGHOST"] = server.host
    environment["PGPORT"] = server.port.map(String.init)
    environment["HOME"] = sandbox.folder
    environment["XDG_DATA_HOME"] = nil
    process.environment = environment
    let output = Pipe()
    process.standardOutput = output
    process.standardError = output
    try process.run()
    let printed = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    #expect(process.terminationStatus == 0, "\(printed)")

    let lines = printed.split(separator: "\n")
    #expect(
      lines.contains(
        "accord on localhost:\(server.port ?? 5432): made Accord's schema (version \(PostgresMigrator.embedded.latestVersion))"
      ),
      "\(printed)")
    #expect(lines.contains("ok"), "\(printed)")
    #expect(lines.contains { $0.hasPrefix("copied ") && $0.hasSuffix(", and compared them") }, "\(printed)")
    #expect(lines.contains("accord.dump"), "\(printed)")
    let dump = try #require(FileManager.default.contents(atPath: sandbox.folder + "/accord.dump"))
    #expect(dump.prefix(5) == Data("PGDMP".utf8))
    let team = try PostgresConnection(url: TeamServer.url(database: "accord"))
    #expect(try PostgresMigrator.version(of: team) == PostgresMigrator.embedded.latestVersion)
    #expect(
      try team.integer("SELECT count(*) FROM proposal") == (try DatabaseSnapshot.count(record, "proposal")))
    #expect(
      try team.integer(
        "SELECT count(*) FROM pg_auth_members m JOIN pg_roles r ON r.oid = m.member JOIN pg_roles g ON g.oid = m.roleid WHERE r.rolname = 'alice' AND g.rolname = 'accord_writer'"
      ) == 1)
    #expect(
      try team.integer(
        "SELECT count(*) FROM pg_database d JOIN pg_roles r ON r.oid = d.datdba WHERE d.datname = 'accord' AND r.rolname = 'accord_owner'"
      ) == 1)
  }
}
