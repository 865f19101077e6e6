import AccordTestEngine
import Foundation
import Testing

/// Every class of bad input: the right exit status, one line on stderr that names the problem,
/// nothing on stdout, and the database as it was.
@Suite struct BadInputTests {
  let sandbox: Sandbox

  init() throws { sandbox = try Sandbox() }

  @Test(arguments: (BadInput.usage + BadInput.other).filter(\.runsOnThisEngine))
  func isRefusedInOneLineAndChangesNothing(_ input: BadInput) throws {
    try BadInputFixture.prepare(input.setup, at: sandbox.db)
    let before = DatabaseSnapshot.of(sandbox.db)
    try #require(before != .missing)

    let result = try sandbox.run(input.arguments)

    #expect(result.status == input.status, "\(result)")
    #expect(result.stdout == "", "\(result)")
    #expect(result.stderrLines.count == 1, "stderr must be exactly one line: \(result)")
    #expect(result.stderr.hasPrefix("Error: "), "\(result)")
    #expect(result.stderr.hasSuffix("\n"), "\(result)")
    for word in input.mentions {
      #expect(result.stderr.contains(word), "stderr should mention \(word): \(result)")
    }
    #expect(DatabaseSnapshot.of(sandbox.db) == before, "the database changed: \(result)")
  }

  /// The check itself: a snapshot sees a new row, and a failed command's snapshot is compared
  /// after the process has closed the file.
  @Test func aSnapshotSeesEveryChange() throws {
    try BadInputFixture.prepare(.seeded, at: sandbox.db)
    let before = DatabaseSnapshot.of(sandbox.db)
    guard case .rows = before else {
      Issue.record("the fixture cannot be read: \(before)")
      return
    }
    try sandbox.add("actor", "alias", "Ukraine", "Украина")
    #expect(DatabaseSnapshot.of(sandbox.db) != before)
  }

  @Test func thereAreEnoughCases() {
    #expect(BadInput.usage.count + BadInput.other.count >= 25)
    #expect(
      Set((BadInput.usage + BadInput.other).map(\.name)).count == BadInput.usage.count
        + BadInput.other.count)
  }

  /// A negotiation whose second party is unknown is not half made: no negotiation row, no
  /// participant row for the first party.
  @Test func anUnknownSecondPartyLeavesNoHalfMadeNegotiation() throws {
    try sandbox.add("actor", "add", "Ukraine", "--kind", "state", "--code", "UKR")
    let result = try sandbox.run(
      "negotiation", "add", "Half-made talks", "--party", "Ukraine", "--party", "Atlantis")
    #expect(result.status == 1, "\(result)")
    #expect(result.stderr == "Error: no actor named 'Atlantis': see 'accord actor list'\n")
    #expect(try DatabaseSnapshot.count(sandbox.db, "negotiation") == 0)
    #expect(try DatabaseSnapshot.count(sandbox.db, "participant") == 0)
    #expect(try DatabaseSnapshot.count(sandbox.db, "negotiation_tag") == 0)
    let list = try #require(try sandbox.json("negotiation", "list") as? [Any])
    #expect(list.isEmpty)
    // The same title can then be added properly, with the short id it would have had.
    try sandbox.add("actor", "add", "Atlantis", "--kind", "state")
    try sandbox.add(
      "negotiation", "add", "Half-made talks", "--party", "Ukraine", "--party", "Atlantis")
    let made = try #require(try sandbox.json("negotiation", "list") as? [[String: Any]])
    #expect(made.map { $0.string("slug") } == ["half-made-talks"])
  }

  /// A usage error names the subcommand's help.
  @Test func usageErrorsPointToTheSubcommandsHelp() throws {
    try BadInputFixture.prepare(.seeded, at: sandbox.db)
    let result = try sandbox.run("actor", "add", "Mars", "--kind", "planet")
    #expect(result.status == 64)
    #expect(result.stderr.hasSuffix("(see 'accord actor add --help')\n"), "\(result)")
  }

  /// --help and --version print to stdout, exit 0, and make no database (on a team's server,
  /// write nothing to it).
  @Test func helpAndVersionSucceed() throws {
    let before = DatabaseSnapshot.of(sandbox.db)
    #expect(before == .missing || TestEngine.isPostgres)
    let help = try sandbox.run("condition", "add", "--help")
    #expect(help.status == 0)
    #expect(help.stdout.contains("--precondition"))
    #expect(help.stderr == "")
    let version = try sandbox.run("--version")
    #expect(version.status == 0)
    #expect(version.stdout == "0.1.0\n")
    #expect(DatabaseSnapshot.of(sandbox.db) == before)
  }
}
