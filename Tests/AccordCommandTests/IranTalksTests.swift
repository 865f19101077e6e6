import Foundation
import Testing

/// The Iran nuclear talks (IranTalksScript), entered through the binary, answer truthfully on
/// any day: for the negotiation, for each proposal and for each party.
@Suite struct IranTalksTests {
  let sandbox: Sandbox

  init() throws {
    sandbox = try Sandbox()
    try IranTalksScript.enter(into: sandbox)
  }

  /// The negotiation's state and why, as `negotiation list` says them on `day`.
  func negotiation(_ day: String) throws -> (state: String, why: String, parties: [String]) {
    let list = try #require(try sandbox.json("negotiation", "list", "--as-of", day) as? [[String: Any]])
    let row = try #require(list.first)
    let status = try #require(row["status"] as? [String: Any])
    let table = try sandbox.output("negotiation", "list", "--as-of", day, "--format", "csv")
    let why = try #require(table.split(separator: "\r\n").dropFirst().first).split(separator: ",")
    return (status["state"] as? String ?? "", String(why[4]), row["parties"] as? [String] ?? [])
  }

  /// `deals FILTER --as-of day`: "slug status".
  func deals(_ filter: String?, _ day: String) throws -> [String] {
    let list = try #require(
      try sandbox.json(["deals", "--as-of", day] + (filter.map { [$0] } ?? [])) as? [[String: Any]])
    return list.map { "\($0["slug"] ?? "") \($0["status"] ?? "")" }
  }

  /// Each party's state of the JCPOA on `day`: "United States withdrawn".
  func jcpoaParties(_ day: String) throws -> [String] {
    let shown = try #require(try sandbox.json("proposal", "show", "jcpoa", "--as-of", day) as? [String: Any])
    return (shown["parties"] as? [[String: Any]] ?? []).map { "\($0["party"] ?? "") \($0["state"] ?? "—")" }
  }

  @Test func beforeAnythingItHasNotStarted() throws {
    #expect(try negotiation("2003-01-01").state == "not_started")
    #expect(try negotiation("2003-01-01").parties == ["Iran"])
  }

  @Test func theE3AndThenTheSixJoin() throws {
    #expect(try negotiation("2004-01-01").parties == ["France", "Germany", "Iran", "United Kingdom"])
    let after = try negotiation("2006-06-01")
    #expect(
      after.parties == ["China", "France", "Germany", "Iran", "Russia", "United Kingdom", "United States"])
    #expect(after.state == "negotiating")
    let shown = try #require(
      try sandbox.json("negotiation", "show", "iran-nuclear", "--as-of", "2006-06-01") as? [String: Any])
    let coordinator = (shown["participants"] as? [[String: Any]] ?? []).filter {
      $0["role"] as? String == "coordinator"
    }
    #expect(coordinator.map { $0["actor"] as? String } == ["European Union"])
    // Years without a recorded fact: stalled.
    let quiet = try negotiation("2010-01-01")
    #expect(quiet.state == "stalled")
    #expect(quiet.why == "nothing recorded since 2006-06-01 (1310 days)")
  }

  /// A listing by actor takes every part it plays and says which, when it is not a party's: the
  /// EU coordinates, it is no party.
  @Test func aListingByActorSaysThePartItTakes() throws {
    let table = try sandbox.output("negotiation", "list", "--party", "EU", "--as-of", "2015-01-01")
    #expect(table.contains("Iran nuclear talks (as coordinator)"), "\(table)")
    let listed = try #require(
      try sandbox.json("negotiation", "list", "--party", "EU", "--as-of", "2015-01-01") as? [[String: Any]])
    #expect(listed.map { $0["role"] as? String } == ["coordinator"])
    #expect(
      (try sandbox.json("negotiation", "list", "--party", "EU", "--as-of", "2005-01-01") as? [Any])?.isEmpty
        == true)
    // A party is listed as it always was.
    let iran = try sandbox.output("negotiation", "list", "--party", "Iran", "--as-of", "2015-01-01")
    #expect(iran.contains("Iran nuclear talks") && !iran.contains("(as "), "\(iran)")
  }

  @Test func theInterimDealIsAdoptedImplementedAndExtended() throws {
    #expect(try negotiation("2013-12-01").state == "agreed")
    #expect(try deals(nil, "2013-12-01") == ["jpoa adopted"])
    #expect(try deals("--unsigned", "2013-12-01").isEmpty)
    let inForce = try negotiation("2014-02-01")
    #expect(inForce.state == "in_force")
    #expect(inForce.why == "Joint Plan of Action in force 2014-01-20")
    let jpoa = { (day: String) throws -> [String: Any] in
      let list = try #require(try self.sandbox.json("deals", "--as-of", day) as? [[String: Any]])
      return try #require(list.first { $0["slug"] as? String == "jpoa" })
    }
    #expect(try jpoa("2014-07-18")["deadline"] == nil)
    #expect((try jpoa("2014-08-01")["deadline"] as? [String: Any])?["edtf"] as? String == "2014-11-24")
    #expect((try jpoa("2015-01-01")["deadline"] as? [String: Any])?["edtf"] as? String == "2015-06-30")
    #expect((try jpoa("2015-07-01")["deadline"] as? [String: Any])?["edtf"] as? String == "2015-07-07")
  }

  @Test func theFrameworkIsPossibleDuringTheRoundAndAgreedAtItsEnd() throws {
    // During the Lausanne round the framework may or may not have been tabled yet.
    #expect(try deals("--unsigned", "2015-03-30").isEmpty)
    let during = try sandbox.output("negotiation", "show", "iran-nuclear", "--as-of", "2015-03-30")
    #expect(during.contains("Lausanne framework (lausanne): possibly tabled 2015-03-26/2015-04-02"))
    #expect(try deals("--unsigned", "2015-05-01") == ["lausanne agreed"])
  }

  @Test func theJCPOAIsAdoptedWithoutSignatureAndReplacesTheFramework() throws {
    #expect(try deals(nil, "2015-08-01") == ["jpoa in_force", "lausanne superseded", "jcpoa adopted"])
    #expect(try deals("--unsigned", "2015-08-01").isEmpty)
    #expect(try deals("--all-drafts", "2015-08-01") == ["lausanne superseded"])
    #expect(try deals("--signed", "2015-08-01") == ["jcpoa adopted"])
    let implemented = try negotiation("2016-02-01")
    #expect(implemented.state == "in_force")
    #expect(implemented.why == "Joint Comprehensive Plan of Action in force 2016-01-16")
    #expect(try deals("--in-force", "2016-02-01") == ["jcpoa in_force"])
    // Every party shares the JCPOA's state: none has a step of its own yet.
    #expect(try jcpoaParties("2016-02-01").allSatisfy { $0.hasSuffix(" in_force") })
    #expect(try jcpoaParties("2016-02-01").count == 7)
  }

  @Test func theUnitedStatesWithdrawalIsNotifiedThenInEffect() throws {
    let notified = try #require(
      try sandbox.json("proposal", "show", "jcpoa", "--as-of", "2018-06-01") as? [String: Any])
    let us = try #require(
      (notified["parties"] as? [[String: Any]])?.first { $0["party"] as? String == "United States" })
    #expect(us["state"] as? String == "in_force")
    #expect((us["withdrawal_effective"] as? [String: Any])?["edtf"] as? String == "2018-11-05")
    #expect(try jcpoaParties("2018-11-05").contains("United States withdrawn"))
    #expect(try jcpoaParties("2018-11-05").contains("China in_force"))
    #expect(try negotiation("2018-11-05").state == "in_force")
    let table = try sandbox.output("proposal", "show", "jcpoa", "--as-of", "2018-06-01")
    #expect(table.contains("in force (withdrawal notified, effective 2018-11-05)"))
  }

  @Test func iranSuspendsItsCommitments() throws {
    let parties = try jcpoaParties("2019-06-01")
    #expect(parties.contains("Iran suspended"))
    #expect(parties.contains("United States withdrawn"))
    #expect(parties.contains("France in_force"))
  }

  @Test func theJCPOAEndsOnTerminationDay() throws {
    #expect(try negotiation("2025-10-17").state == "in_force")
    let ended = try negotiation("2025-10-18")
    #expect(ended.state == "ended")
    #expect(ended.why == "Joint Comprehensive Plan of Action terminated 2025-10-18")
    #expect(try jcpoaParties("2025-10-18").allSatisfy { $0.hasSuffix(" terminated") })
    #expect(
      try deals("--ended", "2025-12-01") == ["jpoa superseded", "lausanne superseded", "jcpoa terminated"])
    let ended2 = try #require(
      try sandbox.json("deals", "--ended", "--as-of", "2025-12-01") as? [[String: Any]])
    // Days open stop at the closing step: the JCPOA from 2015-07-14 to 2025-10-18.
    #expect(ended2.last?["days_open"] as? Int == 3749)
    #expect((ended2.last?["closed_by"] as? [String: Any])?["step"] as? String == "terminated")
  }
}
