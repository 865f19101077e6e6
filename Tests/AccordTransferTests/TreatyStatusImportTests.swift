import AccordStore
import AccordTransfer
import Foundation
import Testing

/// A multilateral treaty's status table (Fixtures/paris-agreement-status.csv, as the UN Treaty
/// Collection tables the Paris Agreement) becomes each party's steps, and the per-party answers
/// follow, day by day.
@Suite struct TreatyStatusImportTests {
  static let file = fixtures + "/paris-agreement-status.csv"
  static let columns: [TreatyStatusImport.Field: String] = [
    .participant: "Participant", .signature: "Signature",
    .ratification: "Ratification, Acceptance(A), Approval(AA), Accession(a)", .effect: "Entry into force",
    .withdrawal: "Withdrawal", .withdrawalEffective: "Withdrawal effective",
  ]

  let folder: TemporaryFolder
  let store: AccordStore

  /// The UN climate talks with the Paris Agreement adopted at COP21 (France presiding).
  init() throws {
    folder = try TemporaryFolder()
    store = try folder.store()
    try store.addActor(NewActor(name: "France", kind: .state, code: "FRA"))
    try store.addNegotiation(
      NewNegotiation(title: "UN climate talks", slug: "unfccc", participants: [("France", .party)]))
    try store.addProposal(
      NewProposal(
        negotiation: "unfccc", title: "Paris Agreement", by: "France",
        date: try AccordDate.parse("2015-11-30"),
        slug: "paris-agreement"))
    try store.addStep(proposal: "paris-agreement", .adopted, date: try AccordDate.parse("2015-12-12"))
  }

  @discardableResult
  func importTable(_ path: String = file, columns: [TreatyStatusImport.Field: String] = columns) throws
    -> TreatyStatusImport.Summary
  {
    try TreatyStatusImport(store: store, proposal: "paris-agreement", columns: columns).run(
      ByteSource(path: path))
  }

  func parties(asOf day: String) throws -> [String: String] {
    let detail = try store.proposalDetail(
      try store.resolveProposal("paris-agreement"), asOf: Day(iso: day)!)
    return Dictionary(
      detail.parties.map { ($0.party, ($0.state?.words ?? "—") + ($0.since.map { " \($0)" } ?? "")) },
      uniquingKeysWith: { a, _ in a })
  }

  @Test func everyParticipantsStepsAreRecorded() throws {
    let summary = try importTable()
    #expect(summary.participants == 16)
    #expect(summary.steps == 45)
    #expect(summary.present == 0)
    // 13 states were new, and the European Union (EUU); France was there.
    #expect(summary.newActors == 14)
    #expect(try store.actorID(code: "EUU") != nil)
    #expect(try store.actorIDs(named: "Iran").count == 1)
    let steps = try store.connection.integer(
      "SELECT count(*) FROM proposal_step WHERE party_id IS NOT NULL")
    #expect(steps == 45)
    // The kind of consent is kept with the step.
    let japan = try store.connection.first(
      """
      SELECT s.note FROM proposal_step s JOIN actor a ON a.id = s.party_id
      WHERE a.name = 'Japan' AND s.step = 'ratified'
      """
    ) { $0.optionalText(0) }
    #expect(japan == "acceptance")
  }

  /// The day the threshold was met: who had ratified, and who had only signed.
  @Test func asOfTheFifthOfOctober2016() throws {
    try importTable()
    let parties = try parties(asOf: "2016-10-05")
    #expect(
      parties.filter { $0.value.hasPrefix("ratified") }.keys.sorted() == [
        "Brazil", "Canada", "China", "European Union", "France", "Germany", "India", "United States",
      ])
    #expect(
      parties.filter { $0.value.hasPrefix("signed") }.keys.sorted() == [
        "Iran", "Japan", "Russia", "Türkiye", "United Kingdom",
      ])
    // Nicaragua and Syria acceded in 2017: not parties yet.
    #expect(parties["Nicaragua"] == nil)
    #expect(parties.count == 13)
    // Adopted at COP21, signed by parties: the whole agreement is signed, not in force.
    let deal = try #require(try store.deals(asOf: Day(iso: "2016-10-05")!).first)
    #expect(deal.status == .signed)
  }

  @Test func theUnitedStatesLeavesReturnsAndLeavesAgain() throws {
    try importTable()
    #expect(try parties(asOf: "2016-11-04")["United States"] == "in force 2016-11-04")
    #expect(try parties(asOf: "2019-12-01")["United States"] == "in force 2016-11-04")
    #expect(try parties(asOf: "2020-11-04")["United States"] == "withdrawn 2020-11-04")
    #expect(try parties(asOf: "2021-01-20")["United States"] == "ratified 2021-01-20")
    #expect(try parties(asOf: "2021-02-19")["United States"] == "in force 2021-02-19")
    #expect(try parties(asOf: "2026-01-27")["United States"] == "withdrawn 2026-01-27")
    let notified = try store.proposalDetail(
      try store.resolveProposal("paris-agreement"), asOf: Day(iso: "2025-06-01")!)
    #expect(notified.parties.first { $0.party == "United States" }?.withdrawalEffective?.text == "2026-01-27")
    // The agreement stays in force for the others throughout.
    #expect(try store.deals(asOf: Day(iso: "2020-12-01")!).first?.status == .inForce)
    #expect(try parties(asOf: "2021-12-01")["Türkiye"] == "in force 2021-11-10")
  }

  @Test func importingAgainAddsNothing() throws {
    try importTable()
    let before = try store.connection.integer("SELECT count(*) FROM proposal_step")
    let again = try importTable()
    #expect(again.steps == 0)
    #expect(again.present == 45)
    #expect(again.newActors == 0)
    #expect(again.joined == 0)
    #expect(try store.connection.integer("SELECT count(*) FROM proposal_step") == before)
  }

  @Test func anUnknownParticipantStopsTheImportAndWritesNothing() throws {
    let path = folder.path + "/unknown.csv"
    try (try String(contentsOfFile: Self.file, encoding: .utf8) + "Atlantis,22 Apr 2016,,,,\nXYZ,,,,,\n")
      .write(toFile: path, atomically: true, encoding: .utf8)
    let before = try store.connection.integer("SELECT count(*) FROM proposal_step")
    #expect(
      throws: StoreError.conflict(
        "2 participants are not an actor Accord knows: 'Atlantis' (line 18), 'XYZ' (line 19); add them with 'accord actor add' (or an alias with 'accord actor alias'), then import again; nothing was imported"
      )
    ) { try importTable(path) }
    #expect(try store.connection.integer("SELECT count(*) FROM proposal_step") == before)
    #expect(try store.actorID(code: "BRA") == nil)
  }

  @Test func columnsAreNamedOrFoundByTheirOwnNames() throws {
    #expect(
      try TreatyStatusImport.columns("participant=Name,signature=Signed on") == [
        .participant: "Name", .signature: "Signed on",
      ])
    #expect(throws: StoreError.self) { try TreatyStatusImport.columns("country=Name") }
    #expect(throws: StoreError.self) { try TreatyStatusImport.columns("participant=A,participant=B") }
    // Without --columns, the UN Treaty Collection's own column names are read as they are.
    let untc = try importTable(columns: [:])
    #expect(untc.steps == 45)
    #expect(
      untc.columns == [
        "participant=Participant", "signature=Signature",
        "ratification=Ratification, Acceptance(A), Approval(AA), Accession(a)", "effect=Entry into force",
        "withdrawal=Withdrawal", "withdrawal_effective=Withdrawal effective",
      ])
    let nameless = folder.path + "/nameless.csv"
    try "country,signed\nChina,2016-04-22\n".write(toFile: nameless, atomically: true, encoding: .utf8)
    #expect(
      throws: StoreError.invalid(
        "\(nameless) has no column 'participant' for the participant: name its column with --columns participant=COLUMN"
      )
    ) { try importTable(nameless, columns: [:]) }
    #expect(
      throws: StoreError.invalid(
        "\(nameless) has no column of dates: name them with --columns signature=COLUMN,ratification=COLUMN,effect=COLUMN"
      )
    ) { try importTable(nameless, columns: [.participant: "country"]) }
  }

  @Test func aFileWithTheFieldsOwnNamesNeedsNoColumns() throws {
    let path = folder.path + "/plain.csv"
    try
      "participant,signature,ratification,kind,effect\nCHN,2016-04-22,2016-09-03,ratification,2016-11-04\nFRA,2016-04-22,2016-10-05,approval,2016-11-04\n"
      .write(toFile: path, atomically: true, encoding: .utf8)
    let summary = try importTable(path, columns: [:])
    #expect(summary.steps == 6)
    #expect(
      summary.columns == [
        "participant=participant", "signature=signature", "ratification=ratification", "kind=kind",
        "effect=effect",
      ])
    #expect(try parties(asOf: "2016-11-04")["China"] == "in force 2016-11-04")
    #expect(
      try store.connection.first(
        "SELECT s.note FROM proposal_step s JOIN actor a ON a.id = s.party_id WHERE a.code = 'FRA' AND s.step = 'ratified'"
      ) { $0.optionalText(0) } == "approval")
  }

  @Test func aBadDateNamesTheLineAndTheColumn() throws {
    let path = folder.path + "/bad.csv"
    try "participant,signature\nChina,31 Feb 2016\n".write(toFile: path, atomically: true, encoding: .utf8)
    #expect(
      throws: StoreError.invalid(
        "line 2, column 'signature': '31 Feb 2016' is not a date: Feb 2016 has no day 31")
    ) { try importTable(path, columns: [:]) }
  }
}
