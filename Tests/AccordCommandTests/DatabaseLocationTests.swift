import AccordSQLite
import AccordStore
import Foundation
import Testing

/// Where the database is: --db, else $ACCORD_DB, else $XDG_DATA_HOME/accord/accord.sqlite, else
/// ~/.local/share/accord/accord.sqlite; made private to its owner.
@Suite(.fileOnly("where a file is made")) struct DatabaseLocationTests {
  let sandbox: Sandbox

  init() throws { sandbox = try Sandbox() }

  func permissions(_ path: String) throws -> Int {
    let attributes = try FileManager.default.attributesOfItem(atPath: path)
    return try #require((attributes[.posixPermissions] as? NSNumber)?.intValue) & 0o777
  }

  @Test func initUsesXDGDataHomeWhenNothingElseIsSet() throws {
    let xdg = sandbox.folder + "/data"
    let result = try sandbox.run("init", environment: ["ACCORD_DB": nil, "XDG_DATA_HOME": xdg])
    let expected = xdg + "/accord/accord.sqlite"
    #expect(result.status == 0, "\(result)")
    #expect(result.stdout == expected + "\n")
    #expect(result.stderr == "")
    #expect(FileManager.default.fileExists(atPath: expected))
    #expect(try permissions(expected) == 0o600)
    #expect(try permissions(xdg + "/accord") == 0o700)
    #expect(DatabaseSnapshot.of(sandbox.db) == .missing)
    // It is an Accord database, at the current schema.
    guard case .rows(let rows) = DatabaseSnapshot.of(expected) else {
      Issue.record("\(expected) is not a database")
      return
    }
    #expect(rows.contains("application_id 1094927172"))
    #expect(rows.contains("user_version \(Migrator().latestVersion)"))
  }

  @Test func initIsIdempotent() throws {
    let first = try sandbox.run("init")
    #expect(first.status == 0)
    try sandbox.add("actor", "add", "Ukraine", "--kind", "state")
    let before = DatabaseSnapshot.of(sandbox.db)
    let again = try sandbox.run("init")
    #expect(again.status == 0, "\(again)")
    #expect(again.stdout == sandbox.db + "\n")
    #expect(DatabaseSnapshot.of(sandbox.db) == before)
  }

  @Test func homeIsTheLastResort() throws {
    let home = sandbox.folder + "/home"
    let result = try sandbox.run(
      "init", environment: ["ACCORD_DB": nil, "XDG_DATA_HOME": nil, "HOME": home])
    let expected = home + "/.local/share/accord/accord.sqlite"
    #expect(result.status == 0, "\(result)")
    #expect(result.stdout == expected + "\n")
    #expect(try permissions(expected) == 0o600)
  }

  @Test func accordDBWinsOverXDGDataHome() throws {
    let xdg = sandbox.folder + "/data"
    let result = try sandbox.run("init", environment: ["XDG_DATA_HOME": xdg])
    #expect(result.stdout == sandbox.db + "\n")
    #expect(FileManager.default.fileExists(atPath: sandbox.db))
    #expect(!FileManager.default.fileExists(atPath: xdg + "/accord/accord.sqlite"))
  }

  @Test func dbOptionWinsOverAccordDB() throws {
    let explicit = sandbox.folder + "/records/explicit.sqlite"
    let result = try sandbox.run("init", "--db", explicit)
    #expect(result.status == 0, "\(result)")
    #expect(result.stdout == explicit + "\n")
    #expect(try permissions(explicit) == 0o600)
    #expect(DatabaseSnapshot.of(sandbox.db) == .missing)

    // A record written with --db goes to that file alone.
    let id = try sandbox.add("actor", "add", "Ukraine", "--kind", "state", "--db", explicit)
    #expect(id == 1)
    #expect(try DatabaseSnapshot.count(explicit, "actor") == 1)
    #expect(DatabaseSnapshot.of(sandbox.db) == .missing)
    let listed = try #require(
      try sandbox.json("actor", "list", "--db", explicit) as? [[String: Any]])
    #expect(listed.map { $0.string("name") } == ["Ukraine"])
  }

  @Test func anEmptyDBOptionFallsBackToAccordDB() throws {
    let result = try sandbox.run("init", "--db", "")
    #expect(result.status == 0, "\(result)")
    #expect(result.stdout == sandbox.db + "\n")
  }

  @Test func aFolderThatCannotBeMadeIsOneLineOfError() throws {
    let blocker = sandbox.folder + "/file"
    try Data("x".utf8).write(to: URL(fileURLWithPath: blocker))
    let result = try sandbox.run("init", "--db", blocker + "/accord.sqlite")
    #expect(result.status == 1, "\(result)")
    #expect(result.stdout == "")
    #expect(
      result.stderrLines.count == 1 && result.stderr.hasPrefix("Error: cannot open database "),
      "\(result)")
  }
}
