import AccordSQLite
import AccordSamples
import AccordStore
import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// A large write and the transactions it commits, for the crash test.
struct LargeWrite: Sendable {
  /// Makes what the write reads (if anything) in the sandbox, and gives its command line, without
  /// `--db`.
  var commandLine: @Sendable (Sandbox) throws -> [String]
  /// How many negotiations, and how many developments, one committed transaction adds; nil when
  /// the whole write is one transaction (all or nothing).
  var negotiationsPerTransaction: Int?
  var developmentsPerTransaction: Int?

  static let generateArguments = [
    "generate", "--negotiations", "100", "--developments", "20500", "--seed", "7",
  ]

  /// `accord generate`, which commits its actors in one transaction, then negotiations (with
  /// their proposals, conditions, meetings and quotes) 2,000 to a transaction, then developments
  /// 20,000 to a transaction (`SyntheticCorpus.generate`): here 100 negotiations and 20,500
  /// developments, so four transactions after the migrations.
  static let generate = LargeWrite(
    commandLine: { _ in generateArguments }, negotiationsPerTransaction: 2_000,
    developmentsPerTransaction: 20_000)

  /// `accord import` of an export of the same generated record: one transaction, so the database
  /// must hold all of it or none of it.
  static let importOfTheGeneratedRecord = LargeWrite(
    commandLine: { sandbox in
      let source = sandbox.folder + "/generated.sqlite"
      let file = sandbox.folder + "/generated.json"
      for arguments in [generateArguments + ["--db", source], ["export", "--output", file, "--db", source]] {
        let result = try sandbox.run(arguments)
        try #require(result.status == 0, "\(result)")
      }
      return ["import", file]
    }, negotiationsPerTransaction: nil, developmentsPerTransaction: nil)
}

/// A large write killed with SIGKILL at chosen moments leaves a database that passes SQLite's
/// integrity check and holds whole committed transactions of it: all of each, or none. The
/// moments are statements of the write (`ACCORD_TEST_CRASH_AFTER=N`, see the binary's TestHooks):
/// spread evenly over a complete run's, so that every run kills the same way, on any machine.
@Suite struct CrashTests {
  /// The write under test. Once `accord import` has landed, test it instead by changing this one
  /// line to `LargeWrite.importOfTheGeneratedRecord`.
  static let largeWrite = LargeWrite.generate

  /// The tables of the record whose rows are compared with a complete run's.
  static let recordTables = [
    "actor", "actor_alias", "affiliation", "negotiation", "negotiation_tag", "participant", "meeting",
    "meeting_participant", "proposal", "proposal_step", "term", "position", "term_link", "statement",
    "source", "citation", "development", "development_actor",
  ]

  let sandbox: Sandbox

  init() throws { sandbox = try Sandbox() }

  @Test func aKilledLargeWriteLeavesWholeTransactions() throws {
    let write = Self.largeWrite
    // A complete run: what every interrupted one must be a whole-transaction part of, and how
    // many statements it runs.
    let referencePath = sandbox.folder + "/complete.sqlite"
    let arguments = try write.commandLine(sandbox)
    // Each write goes to a record made first (a new record is made under a name of its own and
    // named only when complete: killed, it leaves none to check).
    try #require(try sandbox.run(["init", "--db", referencePath]).status == 0)
    let complete = try sandbox.start(
      arguments + ["--db", referencePath], environment: ["ACCORD_TEST_CRASH_AFTER": "count"])
    try #require(complete.wait() == .exited(0), "\(complete.stderr)")
    let statements = try #require(
      complete.stderr.split(separator: "\n").last { $0.hasPrefix("statements: ") }
        .flatMap { Int($0.dropFirst("statements: ".count)) }, "\(complete.stderr)")
    try #require(statements > 100, "the write ran only \(statements) statements")
    let reference = try Self.contents(of: referencePath)
    let total = try Self.counts(referencePath)

    // Moments from the first statement to the last, evenly spread.
    let runs = 10
    let moments = (0..<runs).map { 1 + (statements - 2) * $0 / (runs - 1) }
    var states: [String] = []
    for (run, moment) in moments.enumerated() {
      let path = sandbox.folder + "/killed-\(run).sqlite"
      try #require(try sandbox.run(["init", "--db", path]).status == 0)
      let child = try sandbox.start(
        arguments + ["--db", path], environment: ["ACCORD_TEST_CRASH_AFTER": String(moment)])
      let ending = child.wait()
      #expect(ending == .signaled(SIGKILL), "run \(run), at statement \(moment): \(ending): \(child.stderr)")
      states.append(try verify(path, reference: reference, total: total, write: write, run: run))
      for suffix in ["", "-wal", "-shm", "-journal"] {
        try? FileManager.default.removeItem(atPath: path + suffix)
      }
    }
    // And, for a write of several transactions, the kills landed at different stages.
    if write.developmentsPerTransaction != nil {
      #expect(Set(states).count >= 3, "\(states)")
    }
  }

  /// Checks one interrupted database and says what it holds ("none", or the counts).
  func verify(
    _ path: String, reference: [String: Set<String>], total: [String: Int64], write: LargeWrite, run: Int
  ) throws -> String {
    let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
    guard size > 0 else { return "none" }
    // Opening it for writing recovers what SQLite must (a hot journal or WAL), as any command would.
    let connection = try Connection(path: path, create: false)
    #expect(try connection.all("PRAGMA integrity_check") { $0.text(0) } == ["ok"], "run \(run)")
    #expect(try connection.all("PRAGMA foreign_key_check") { $0.text(0) } == [], "run \(run)")
    // Killed while migrating: each migration is a transaction of its own, and the write had not
    // begun. The next command brings the schema up to date.
    let version = try Migrator.version(of: connection)
    let latest = Migrator().latestVersion
    let migrated =
      try connection.integer("SELECT count(*) FROM sqlite_schema WHERE name = 'schema_migration'") == 1
    let recorded = migrated ? try connection.integer("SELECT max(version) FROM schema_migration") : 0
    #expect(
      recorded == Int64(version),
      "run \(run): schema_migration says \(recorded ?? -1), user_version \(version)")
    if version == 0 {
      #expect(
        try connection.integer("SELECT count(*) FROM sqlite_schema") == 0, "run \(run): a half-made schema")
      return "none"
    }
    if version < latest {
      #expect(try Self.counts(path).values.allSatisfy { $0 == 0 }, "run \(run): records before the schema")
      let check = try sandbox.run("check", "--db", path)
      #expect(check.stdout.hasPrefix("schema: version \(version) is behind"), "run \(run): \(check)")
      return "schema \(version)"
    }
    #expect(version == latest, "run \(run)")
    let counts = try Self.counts(path)

    func whole(_ table: String, per transaction: Int?) {
      let count = counts[table] ?? -1
      let full = total[table] ?? -1
      let isWhole = count == 0 || count == full || (transaction.map { count % Int64($0) == 0 } ?? false)
      #expect(isWhole, "run \(run): \(count) of \(full) \(table) rows is not whole transactions")
    }
    whole("actor", per: nil)
    whole("negotiation", per: write.negotiationsPerTransaction)
    whole("development", per: write.developmentsPerTransaction)
    if counts["negotiation", default: 0] > 0 {
      #expect(counts["actor"] == total["actor"], "run \(run): negotiations before all actors")
    }
    if counts["development", default: 0] > 0 {
      #expect(
        counts["negotiation"] == total["negotiation"], "run \(run): developments before all negotiations")
    }
    // Nothing half-made: each negotiation has its parties, each proposal its first step.
    #expect(
      try connection.integer(
        """
        SELECT count(*) FROM negotiation n
        WHERE (SELECT count(*) FROM participant p WHERE p.negotiation_id = n.id AND p.role = 'party') < 2
        """) == 0, "run \(run)")
    #expect(
      try connection.integer(
        "SELECT count(*) FROM proposal p WHERE NOT EXISTS (SELECT 1 FROM proposal_step s WHERE s.proposal_id = p.id)"
      ) == 0, "run \(run)")
    // Every row is one that the complete run wrote too.
    let contents = try Self.contents(of: path)
    for table in Self.recordTables {
      let extra = contents[table, default: []].subtracting(reference[table, default: []])
      #expect(extra.isEmpty, "run \(run): \(extra.count) rows of \(table) that a complete run does not write")
    }
    // And `accord check` agrees.
    let check = try sandbox.run("check", "--db", path)
    #expect(check.status == 0 && check.stdout == "ok\n", "run \(run): \(check)")
    return ["actor", "negotiation", "development"].map { "\($0) \(counts[$0] ?? -1)" }.joined(separator: ", ")
  }

  static func counts(_ path: String) throws -> [String: Int64] {
    let connection = try Connection(path: path, create: false)
    var counts: [String: Int64] = [:]
    for table in recordTables {
      counts[table] = try connection.integer("SELECT count(*) FROM \(table)") ?? -1
    }
    return counts
  }

  /// Every row of each record table, all columns but `recorded_at` (the moment of writing).
  static func contents(of path: String) throws -> [String: Set<String>] {
    let connection = try Connection(path: path, create: false)
    var contents: [String: Set<String>] = [:]
    for table in recordTables {
      let columns = try connection.all(
        "SELECT name FROM pragma_table_info(?) WHERE name <> 'recorded_at' ORDER BY cid", [.text(table)]
      ) { "quote(\($0.text(0)))" }
      let rows = try connection.all("SELECT \(columns.joined(separator: " || '|' || ")) FROM \(table)") {
        $0.text(0)
      }
      contents[table] = Set(rows)
    }
    return contents
  }
}
