import AccordStore
import Foundation
import Testing

/// The lifecycle's commands through the binary: who may step for a party, offices, the CSV of a
/// negotiation, a treaty's status table.
@Suite struct LifecycleCommandTests {
  let sandbox: Sandbox

  init() throws {
    sandbox = try Sandbox()
    try sandbox.add("actor", "add", "Iran", "--kind", "state", "--code", "IRN")
    try sandbox.add("actor", "add", "France", "--kind", "state", "--code", "FRA")
    try sandbox.add("actor", "add", "India", "--kind", "state", "--code", "IND")
    try sandbox.add("actor", "add", "Wang Yi", "--kind", "person", "--alias", "Wang")
    try sandbox.add(
      "negotiation", "add", "Iran nuclear talks", "--id", "talks", "--party", "Iran", "--party", "France")
    try sandbox.add(
      "proposal", "add", "talks", "Joint Plan of Action", "--id", "jpoa", "--by", "France", "--on",
      "2013-11-24")
  }

  @Test(arguments: ["India", "Wang"])
  func aStepByAStrangerIsRefusedAndWritesNothing(stranger: String) throws {
    let before = DatabaseSnapshot.of(sandbox.db)
    let result = try sandbox.run(
      "proposal", "step", "jpoa", "signed", "--party", stranger, "--on", "2013-11-24")
    #expect(result.status == 1, "\(result)")
    let (name, slug) = stranger == "India" ? ("India", "india") : ("Wang Yi", "wang-yi")
    #expect(
      result.stderr
        == "Error: \(name) takes no part in talks on 2013-11-24: add it with 'accord negotiation join talks \(slug) --as party --on DATE'\n"
    )
    #expect(DatabaseSnapshot.of(sandbox.db) == before)
    // Once it joins, its step is taken; before the day it joined, still not.
    try sandbox.run("negotiation", "join", "talks", "India", "--as", "party", "--on", "2014-01-01")
    #expect(
      try sandbox.run("proposal", "step", "jpoa", "signed", "--party", "India", "--on", "2013-12-01").status
        == 1)
    try sandbox.add("proposal", "step", "jpoa", "signed", "--party", "India", "--on", "2014-01-02")
    let left = try sandbox.run("negotiation", "leave", "talks", "India", "--on", "2014-06-01")
    #expect(left.status == 0 && left.stderr == "", "\(left)")
    #expect(
      try sandbox.run("proposal", "step", "jpoa", "ratified", "--party", "India", "--on", "2014-07-01").status
        == 1)
    let parties = { (day: String) throws -> [String] in
      let shown = try #require(
        try self.sandbox.json("negotiation", "show", "talks", "--as-of", day) as? [String: Any])
      return (shown["participants"] as? [[String: Any]] ?? []).compactMap { $0["actor"] as? String }
    }
    #expect(try parties("2014-03-01") == ["France", "India", "Iran"])
    #expect(try parties("2014-06-01") == ["France", "Iran"])
    // Leaving twice: it takes no part to leave.
    let again = try sandbox.run("negotiation", "leave", "talks", "India", "--on", "2014-07-01")
    #expect(again.status == 1)
    #expect(again.stderr == "Error: India takes no part in talks on 2014-07-01; nothing to leave\n")
  }

  @Test func aPersonGetsAnotherOffice() throws {
    let first = try sandbox.add(
      "actor", "office", "Wang", "--of", "France", "--role", "Envoy", "--since", "2013", "--until", "2014")
    let second = try sandbox.add(
      "actor", "office", "Wang", "--of", "Iran", "--role", "Adviser", "--since", "2015-03")
    #expect(second == first + 1)
    let shown = try #require(try sandbox.json("actor", "show", "Wang") as? [String: Any])
    let offices = (shown["affiliations"] as? [[String: Any]] ?? []).map {
      "\($0["role"] ?? "") \($0["organization"] ?? "") \($0["since"] ?? "")"
    }
    #expect(offices == ["Envoy France 2013", "Adviser Iran 2015-03"])
    let state = try sandbox.run("actor", "office", "India", "--of", "France")
    #expect(state.status == 64)
    #expect(state.stderr == "Error: India is not a person: only a person holds an office\n")
    let backwards = try sandbox.run(
      "actor", "office", "Wang", "--of", "France", "--since", "2020", "--until", "2019")
    #expect(backwards.status == 64)
    #expect(backwards.stderr == "Error: the affiliation ends (2019) before it starts (2020)\n")
  }

  /// A whole proposal's step is nobody's in the CSV; its first step is its tabler's; a party's,
  /// that party's.
  @Test func theCSVCreditsEachStepToWhomItConcerns() throws {
    try sandbox.add("proposal", "step", "jpoa", "adopted", "--on", "2013-11-24")
    try sandbox.add("proposal", "step", "jpoa", "in-force", "--on", "2014-01-20")
    try sandbox.add("proposal", "step", "jpoa", "suspended", "--party", "Iran", "--on", "2019-05-08")
    let csv = try sandbox.output("negotiation", "show", "talks", "--format", "csv")
    let steps = csv.split(separator: "\r\n").filter { $0.hasPrefix("step,") }
    #expect(
      steps == [
        "step,2013-11-24,France,Joint Plan of Action: tabled,",
        "step,2013-11-24,,Joint Plan of Action: adopted,",
        "step,2014-01-20,,Joint Plan of Action: in force,",
        "step,2019-05-08,Iran,Joint Plan of Action: suspended for Iran,",
      ])
  }

  @Test func aSpanOfDaysIsADate() throws {
    try sandbox.add(
      "meeting", "add", "talks", "--on", "2013-11-20/2013-11-24", "--at", "Geneva", "--with", "Iran")
    let timeline = try #require(try sandbox.json("timeline", "talks") as? [[String: Any]])
    let meeting = try #require(timeline.first { $0["kind"] as? String == "meeting" })
    #expect(
      meeting["date"] as? [String: String] == [
        "edtf": "2013-11-20/2013-11-24", "first": "2013-11-20", "last": "2013-11-24",
      ])
    let reversed = try sandbox.run("log", "talks", "x", "--on", "2013-11-24/2013-11-20")
    #expect(reversed.status == 64)
    #expect(
      reversed.stderr.contains("'2013-11-24/2013-11-20' is not a date interval: it ends before it starts"))
  }

  /// A treaty's status table as the UN Treaty Collection gives it: four parties, one by its code.
  static let parisStatus = """
    Participant,Signature,"Ratification, Acceptance(A), Approval(AA), Accession(a)",Entry into force
    France,22 Apr 2016,5 Oct 2016,4 Nov 2016
    Iran (Islamic Republic of),22 Apr 2016,,
    CHN,22 Apr 2016,3 Sep 2016,4 Nov 2016
    Nicaragua,,23 Oct 2017 a,22 Nov 2017

    """

  @Test func aTreatysStatusTableComesInThroughTheBinary() throws {
    let file = sandbox.folder + "/status.csv"
    try Self.parisStatus.write(toFile: file, atomically: true, encoding: .utf8)
    try sandbox.add(
      "proposal", "add", "talks", "Paris Agreement", "--id", "paris", "--by", "France", "--on", "2015-12-12")
    let missing = try sandbox.run("import", "--from", "treaty-status", file)
    #expect(missing.status == 64)
    #expect(missing.stderr.hasPrefix("Error: --from treaty-status needs --proposal"))
    let before = DatabaseSnapshot.of(sandbox.db)
    let misplaced = try sandbox.run("import", file, "--proposal", "paris")
    #expect(misplaced.status == 64)
    #expect(DatabaseSnapshot.of(sandbox.db) == before)
    let result = try sandbox.run("import", "--from", "treaty-status", file, "--proposal", "paris")
    #expect(result.status == 0, "\(result)")
    #expect(
      result.stdout.hasPrefix(
        "Treaty status: 4 participants (2 new actors, 2 joined the negotiation); added 9 steps, 0 there already"
      ))
    let shown = try #require(
      try sandbox.json("proposal", "show", "paris", "--as-of", "2016-10-05") as? [String: Any])
    let rows = (shown["parties"] as? [[String: Any]] ?? []).map {
      "\($0["party"] ?? "") \($0["state"] ?? "—")"
    }
    #expect(rows == ["China ratified", "France ratified", "Iran signed"])
    let later = try #require(
      try sandbox.json("proposal", "show", "paris", "--as-of", "2018-01-01") as? [String: Any])
    let nicaragua = (later["parties"] as? [[String: Any]] ?? []).first {
      $0["party"] as? String == "Nicaragua"
    }
    #expect(nicaragua?["state"] as? String == "in_force")
    #expect((nicaragua?["since"] as? [String: Any])?["edtf"] as? String == "2017-11-22")
    let again = try sandbox.output("import", "--from", "treaty-status", file, "--proposal", "paris")
    #expect(
      again.hasPrefix(
        "Treaty status: 4 participants (0 new actors, 0 joined the negotiation); added 0 steps, 9 there already"
      ))
  }
}
