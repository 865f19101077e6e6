import AccordPresentation
import Testing

@testable import AccordStore

/// Blocs with dated members, answers from each counterpart, deadlines, the position matrix and
/// links between proposals, in the store (issue "Blocs, a position matrix, deadlines and links";
/// the binary's side is IranBlocsTests).
@Suite struct BlocTests {
  /// The minerals talks with a European bloc at the table from 2025-03-02: the United Kingdom and
  /// France in it from that day, France leaving on 2025-06-01 (an invented leaving, to test one).
  func makeStoreWithABloc() throws -> AccordStore {
    let store = try makeMineralsStore()
    try store.addActor(NewActor(name: "Coalition of the willing", kind: .group, slug: "coalition"))
    try store.addActor(NewActor(name: "United Kingdom", kind: .state, code: "GBR", aliases: ["UK"]))
    try store.addActor(NewActor(name: "France", kind: .state, code: "FRA"))
    try store.addMembers(bloc: "coalition", members: ["UK", "France"], since: try date("2025-03-02"))
    try store.removeMember(bloc: "coalition", member: "France", on: try date("2025-06-01"))
    try store.join(
      negotiation: "minerals", actors: ["coalition"], as: .party, side: "Europe", date: try date("2025-03-02")
    )
    return store
  }

  @Test func membershipIsDatedAndNeverACircle() throws {
    let store = try makeStoreWithABloc()
    let coalition = try store.resolveActor("coalition")
    let members = { (day: String) throws -> [String] in
      try store.members(of: coalition, asOf: try AccordStoreTests.day(day)).map(\.member).sorted()
    }
    #expect(try members("2025-03-01") == [])
    #expect(try members("2025-04-01") == ["France", "United Kingdom"])
    #expect(try members("2025-07-01") == ["United Kingdom"])
    // The same joining again is the one on the record, not a second one.
    let before = try count("membership", in: store)
    let again = try store.addMembers(bloc: "coalition", members: ["UK"], since: try date("2025-03-02"))
    #expect(try count("membership", in: store) == before)
    #expect(again == [try #require(try store.connection.integer("SELECT min(id) FROM membership"))])
    // A bloc never contains itself, however deep, and a leaving needs a membership.
    try store.addActor(NewActor(name: "Europe", kind: .group))
    try store.addMembers(bloc: "europe", members: ["coalition"])
    #expect(
      throws: StoreError.conflict(
        "Coalition of the willing belongs to Europe already: making Europe a member of it would make a circle"
      )
    ) { try store.addMembers(bloc: "coalition", members: ["europe"]) }
    #expect(throws: StoreError.invalid("Europe cannot be a member of itself")) {
      try store.addMembers(bloc: "europe", members: ["europe"])
    }
    #expect(throws: StoreError.conflict("Ukraine is not a member of Europe on 2025-05-01; nothing to remove"))
    {
      try store.removeMember(bloc: "europe", member: "Ukraine", on: try date("2025-05-01"))
    }
    // The United Kingdom belongs to Europe through the coalition.
    let scope = try store.actorScope(try store.resolveActor("UK"))
    #expect(scope.match(try store.resolveActor("europe"), on: try date("2025-04-01"))?.via == "Europe")
    #expect(scope.match(try store.resolveActor("europe"), on: try date("2025-02-01")) == nil)
  }

  @Test func aMemberFindsWhatItsBlocDidOnlyWhileItBelonged() throws {
    let store = try makeStoreWithABloc()
    let france = try store.actorScope(try store.resolveActor("France"))
    let direct = try store.actorScope(try store.resolveActor("France"), direct: true)
    #expect(try store.negotiations(party: france, asOf: try day("2025-02-01")).isEmpty)
    #expect(
      try store.negotiations(party: france, asOf: try day("2025-04-01")).map(\.via) == [
        "Coalition of the willing"
      ])
    #expect(try store.negotiations(party: france, asOf: try day("2025-07-01")).isEmpty)
    #expect(try store.negotiations(party: direct, asOf: try day("2025-04-01")).isEmpty)
    let offer = try store.addCondition(
      NewCondition(
        negotiation: "minerals", by: "coalition", stance: .offers, term: "European troops after a ceasefire",
        date: try date("2025-03-02")))
    #expect(
      try store.conditions(by: france).map { "\($0.id) \($0.via ?? "")" } == [
        "\(offer) Coalition of the willing"
      ])
    #expect(try store.conditions(by: direct).isEmpty)
  }

  @Test func eachCounterpartAnswersForItself() throws {
    let store = try makeStoreWithABloc()
    let demand = try store.addCondition(
      NewCondition(
        negotiation: "minerals", by: "Ukraine", stance: .demands, term: "security guarantees",
        date: try date("2025-03-03")))
    let state = { (day: String) throws -> Condition in
      try #require(try store.conditions(asOf: try AccordStoreTests.day(day)).first { $0.id == demand })
    }
    #expect(try state("2025-03-04").state == "open")
    #expect(try state("2025-03-04").awaiting == ["Coalition of the willing", "United States"])
    let answers = try store.updateCondition(
      String(demand), .accepted, date: try date("2025-03-10"), by: ["coalition", "United States"])
    #expect(answers.count == 2)
    #expect(try state("2025-03-11").state == "accepted")
    #expect(try state("2025-03-11").awaiting.isEmpty)
    try store.updateCondition(String(demand), .reneged, date: try date("2025-04-01"), by: "United States")
    let reneged = try state("2025-04-02")
    #expect(reneged.state == "reneged")
    #expect(
      reneged.answers.map { "\($0.outcome) \($0.by ?? "")" } == [
        "accepted Coalition of the willing", "reneged United States",
      ])
    // The holder softens it: the revision replaces it, linked both ways.
    let softer = try store.reviseCondition(
      String(demand), term: "guarantees short of NATO", date: try date("2025-04-10"))
    let revised = try state("2025-04-11")
    #expect(revised.state == "revised")
    #expect(revised.revisedBy == softer)
    #expect(try store.conditionChain(softer).map(\.id) == [demand, softer])
    #expect(try state("2025-04-09").state == "reneged")
  }

  @Test func aMissedDeadlineIsNewsUntilSomethingIsAgreed() throws {
    let store = try makeMineralsStore()
    try propose(store, "framework", on: "2025-02-12")
    try store.addDeadline(
      NewDeadline(
        negotiation: "minerals", title: "Signing at the White House", date: try date("2025-02-28"),
        proposal: "framework"))
    let deadline = { (day: String) throws -> Deadline in
      try #require(try store.deadlines(asOf: try AccordStoreTests.day(day)).first)
    }
    let mark = { (day: String) throws -> String? in
      try store.negotiations(asOf: try AccordStoreTests.day(day)).first?.missedDeadline
    }
    #expect(try deadline("2025-02-20").state == .upcoming)
    #expect(try deadline("2025-02-20").daysLeft == 8)
    #expect(try deadline("2025-02-28").state == .upcoming)
    #expect(try deadline("2025-03-01").state == .missed)
    #expect(try deadline("2025-03-01").daysLeft == -1)
    #expect(try mark("2025-02-28") == nil)
    #expect(try mark("2025-03-01") == "Signing at the White House 2025-02-28")
    // The agreement signed on 30 April settles the talks: the old deadline stays missed, no longer news.
    try propose(store, "fund", on: "2025-04-17")
    try step(store, "fund", .signed, on: "2025-04-30")
    #expect(try deadline("2025-05-01").state == .missed)
    #expect(try mark("2025-05-01") == nil)
    // Had the framework been signed by the day, it would have been met.
    try step(store, "framework", .signed, on: "2025-02-27")
    #expect(try deadline("2025-03-01").state == .met)
  }

  @Test func anExtensionMovesItsProposalsDeadline() throws {
    let store = try makeMineralsStore()
    try propose(store, "interim", on: "2025-01-10")
    try step(store, "interim", .inForce, on: "2025-01-20")
    try store.addDeadline(
      NewDeadline(
        negotiation: "minerals", title: "Interim deal ends", date: try date("2025-03-20"), proposal: "interim"
      ))
    try store.addStep(
      NewStep(proposal: "interim", .extended, date: try date("2025-03-19"), until: try date("2025-06-20")))
    let list = try store.deadlines(asOf: try day("2025-04-01"))
    #expect(list.map { "\($0.date) \($0.state)" } == ["2025-03-20 moved", "2025-06-20 upcoming"])
    #expect(list.first?.movedTo?.text == "2025-06-20")
    // The interim deal's own steps do not meet its expiry; another agreement would.
    #expect(try store.deadlines(asOf: try day("2025-06-21")).last?.state == .missed)
    try propose(store, "final", on: "2025-05-01")
    try step(store, "final", .signed, on: "2025-06-01")
    #expect(try store.deadlines(asOf: try day("2025-06-21")).last?.state == .met)
  }

  @Test func theMatrixShowsEachPartysLatestStance() throws {
    let store = try makeStoreWithABloc()
    let guarantees = try store.addCondition(
      NewCondition(
        negotiation: "minerals", by: "Ukraine", stance: .precondition, term: "security guarantees",
        date: try date("2025-02-15")))
    try store.updateCondition(
      String(guarantees), .rejected, date: try date("2025-02-28"), by: "United States")
    try store.updateCondition(String(guarantees), .accepted, date: try date("2025-03-10"), by: "coalition")
    let minerals = try store.resolveNegotiation("minerals")
    let matrix = try store.positionMatrix(negotiation: minerals, asOf: try day("2025-03-15"))
    #expect(matrix.parties == ["Coalition of the willing", "Ukraine", "United States"])
    let row = try #require(matrix.rows.first)
    #expect(
      matrix.parties.map { PositionMatrix.Cell.words(matrix.cell(row, $0)) } == [
        "accepts 2025-03-10", "precondition 2025-02-15", "rejects 2025-02-28",
      ])
    // Before the coalition sat at the table, it was no column.
    #expect(
      try store.positionMatrix(negotiation: minerals, asOf: try day("2025-03-01")).parties == [
        "Ukraine", "United States",
      ])
  }

  /// A report's matrix is made from the facts its page read (not read again): on every day it is
  /// the matrix `accord positions` gives, through answers by a bloc and its member, a renege, a
  /// revision onto another term, a condition of a month's date, and a retracted condition; and a
  /// write is seen at once.
  @Test func aReportsMatrixIsTheMatrixOfItsDay() throws {
    let store = try makeStoreWithABloc()
    try store.join(negotiation: "minerals", actors: ["UK"], as: .party, date: try date("2025-03-05"))
    let guarantees = String(
      try store.addCondition(
        NewCondition(
          negotiation: "minerals", by: "Ukraine", stance: .precondition, term: "security guarantees",
          date: try date("2025-02-15"))))
    try store.updateCondition(guarantees, .rejected, date: try date("2025-02-28"), by: "United States")
    try store.updateCondition(guarantees, .accepted, date: try date("2025-03-10"), by: "coalition")
    try store.updateCondition(guarantees, .reneged, date: try date("2025-04-02"), by: "UK")
    let access = String(
      try store.addCondition(
        NewCondition(
          negotiation: "minerals", by: "United States", stance: .demands, term: "mineral access",
          date: try date("2025-03"))))
    try store.reviseCondition(access, term: "a share of mineral revenue", date: try date("2025-04-20"))
    let monitoring = String(
      try store.addCondition(
        NewCondition(
          negotiation: "minerals", by: "coalition", stance: .offers, term: "ceasefire monitoring",
          date: try date("2025-03-12"))))
    try store.retract(.condition, monitoring, reason: "misreported")
    let minerals = try store.resolveNegotiation("minerals")

    func words(_ matrix: PositionMatrix) -> [String] {
      [matrix.parties.joined(separator: " | ")]
        + matrix.rows.map { row in
          "\(row.label): "
            + matrix.parties.map { PositionMatrix.Cell.words(matrix.cell(row, $0)) }.joined(separator: " | ")
        }
    }
    var seen: Set<String> = []
    var day = try AccordStoreTests.day("2025-02-10")
    while day <= (try AccordStoreTests.day("2025-05-01")) {
      let alone = try store.positionMatrix(negotiation: minerals, asOf: day)
      let report = try store.report(negotiations: [minerals], options: ReportOptions(asOf: day))
      let section = try #require(report.negotiations.first)
      #expect(words(section.matrix) == words(alone), "as of \(day)")
      seen.formUnion(
        alone.rows.flatMap { row in alone.parties.map { PositionMatrix.Cell.words(alone.cell(row, $0)) } })
      day = try #require(day.adding(days: 3))
    }
    // Each kind of cell occurred: a bloc's answer, its member's through it and its own, a
    // revision, a date that may not have come yet; the retracted offer never.
    for cell in [
      "accepts 2025-03-10", "accepts 2025-03-10 via Coalition of the willing", "reneged 2025-04-02",
      "rejects 2025-02-28", "revised 2025-04-20", "demands 2025-03 (possibly not yet)", "demands 2025-03",
    ] {
      #expect(seen.contains(cell), "\(cell) in \(seen.sorted())")
    }
    #expect(!seen.contains { $0.hasPrefix("offers") })

    // A write is seen by the next matrix: the United States accepts after all.
    let before = words(
      try store.positionMatrix(negotiation: minerals, asOf: try AccordStoreTests.day("2025-06-01")))
    try store.updateCondition(guarantees, .accepted, date: try date("2025-05-10"), by: "United States")
    let after = words(
      try store.positionMatrix(negotiation: minerals, asOf: try AccordStoreTests.day("2025-06-01")))
    #expect(before != after)
    #expect(after.contains { $0.hasPrefix("security guarantees:") && $0.contains("accepts 2025-05-10") })
  }

  @Test func aLinkHoldsOnceBothProposalsExistAndCanBeRetracted() throws {
    let store = try makeMineralsStore()
    try propose(store, "framework", on: "2025-02-12")
    try propose(store, "fund", on: "2025-04-17")
    let link = try store.linkProposal("fund", .implements, "framework")
    #expect(throws: StoreError.conflict("that link is on the record already (link \(link))")) {
      try store.linkProposal("fund", .implements, "framework")
    }
    let framework = try store.resolveProposal("framework")
    #expect(
      try store.links(of: framework).map(\.words) == ["implemented by Proposal fund (fund, in minerals)"])
    #expect(try store.links(of: framework, asOf: try day("2025-03-01")).isEmpty)
    let minerals = try store.resolveNegotiation("minerals")
    #expect(
      try store.timeline(negotiation: minerals).filter { $0.kind == .link }.map { "\($0.date) \($0.what)" }
        == [
          "2025-04-17 Proposal fund (fund, in minerals) implements Proposal framework (framework, in minerals)"
        ])
    try store.retract(.link, String(link), reason: "not an implementation")
    #expect(try store.links(of: framework).isEmpty)
  }
}
