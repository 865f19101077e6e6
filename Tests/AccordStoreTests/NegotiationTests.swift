import Testing

@testable import AccordStore

/// Negotiations as recorded and listed: participants, tags, the list's status and activity, and
/// the free log of developments.
@Suite struct NegotiationTests {
  @Test func aNegotiationNeedsATitleAndAParty() throws {
    let store = try makeMineralsStore()
    let before = try rowCounts(store)
    #expect(throws: StoreError.mistake(.negotiationWithoutParty)) {
      try store.addNegotiation(
        NewNegotiation(title: "Talks", participants: [("Ukraine", .mediator)]))
    }
    #expect(throws: StoreError.invalid("a negotiation needs a title")) {
      try store.addNegotiation(NewNegotiation(title: "  ", participants: [("Ukraine", .party)]))
    }
    // An unknown participant, found after the negotiation's own row is written: nothing stays.
    #expect(throws: StoreError.self) {
      try store.addNegotiation(
        NewNegotiation(
          title: "Talks", tags: ["x"], participants: [("Ukraine", .party), ("Atlantis", .party)]))
    }
    #expect(try rowCounts(store) == before)
  }

  @Test func tagsAndParticipantsAreRecorded() throws {
    let store = try makeMineralsStore()
    try store.addNegotiation(
      NewNegotiation(
        title: "Black Sea ceasefire", summary: "  Shipping lanes  ",
        tags: ["Black Sea", "black  sea", "Shipping"],
        participants: [
          ("Rubio", .mediator), ("Ukraine", .party), ("US", .party), ("Україна", .party),
        ]))
    let id = try store.resolveNegotiation("black-sea-ceasefire")
    let detail = try store.negotiation(id, asOf: fixedToday)
    #expect(detail.summary == "Shipping lanes")
    #expect(detail.tags == ["black sea", "shipping"])
    #expect(
      detail.participants.map { "\($0.actor) \($0.role.rawValue)" } == [
        "Ukraine party", "United States party", "Marco Rubio mediator",
      ])
    let listed = try #require(try store.negotiations(tag: "BLACK SEA").first)
    #expect(listed.slug == "black-sea-ceasefire")
    #expect(listed.mediators == ["Marco Rubio"])
    #expect(Set(listed.parties) == ["Ukraine", "United States"])
    #expect(try store.negotiations(tag: "minerals").isEmpty)
    // A listing by actor takes every part, and says which when it is not a party's.
    let mediated = try store.negotiations(party: try store.actorScope(try store.resolveActor("Rubio")))
    #expect(mediated.map(\.slug) == ["black-sea-ceasefire"])
    #expect(mediated.map(\.role) == [.mediator])
    let ukraine = try store.negotiations(party: try store.actorScope(try store.resolveActor("UKR")))
    #expect(ukraine.count == 2)
    #expect(ukraine.allSatisfy { $0.role == nil })
    let rubio = try store.actor(try store.resolveActor("Rubio"))
    #expect(
      rubio.negotiations == [
        .init(negotiation: "black-sea-ceasefire", title: "Black Sea ceasefire", role: "mediator")
      ])
  }

  @Test func theListShowsStatusLiveProposalsAndLastActivityAsOfADay() throws {
    let store = try makeMineralsStore()
    try store.addProposal(
      NewProposal(
        negotiation: "minerals", title: "Draft", by: "USA", date: try date("2025-02-12"),
        slug: "draft"))
    try store.addProposal(
      NewProposal(
        negotiation: "minerals", title: "Old", by: "USA", date: try date("2025-01-10"), slug: "old")
    )
    try store.addStep(proposal: "old", .withdrawn, date: try date("2025-01-20"))
    try store.addStep(proposal: "draft", .signed, date: try date("2025-04-30"))
    try store.log(
      negotiation: "minerals", text: "Talks resume", date: try date("2025-03-03"),
      actors: ["Ukraine"])
    let summary = { (day: String) throws -> NegotiationSummary? in
      try store.negotiations(asOf: try AccordStoreTests.day(day)).first
    }
    #expect(try summary("2025-01-05")?.lastActivity == nil)
    #expect(try summary("2025-01-15")?.liveProposals == 1)
    #expect(try summary("2025-01-25")?.liveProposals == 0)
    #expect(try summary("2025-01-25")?.lastActivity == "2025-01-20")
    #expect(try summary("2025-02-20")?.liveProposals == 1)
    #expect(try summary("2025-03-05")?.lastActivity == "2025-03-03")
    #expect(try summary("2025-03-05")?.status.state == .negotiating)
    #expect(try summary("2025-05-01")?.status.state == .signed)
    #expect(try summary("2025-05-01")?.lastActivity == "2025-04-30")
    #expect(
      try store.negotiations(signed: false, asOf: try day("2025-03-05")).map(\.slug) == ["minerals"]
    )
    #expect(try store.negotiations(signed: false, asOf: try day("2025-05-01")).isEmpty)
  }

  @Test func developmentsAreListedOldestFirstUpToTheLimit() throws {
    let store = try makeMineralsStore()
    for (index, day) in ["2025-02-01", "2025-02-03", "2025-02-02", "2025-02-05"].enumerated() {
      try store.log(
        negotiation: "minerals", text: "entry \(index)", date: try date(day),
        actors: ["Ukraine", "UKR", "USA"])
    }
    let id = try store.resolveNegotiation("minerals")
    let latest = try store.negotiation(id, asOf: try day("2025-02-04"), developmentLimit: 2)
      .developments
    #expect(latest.map(\.text) == ["entry 2", "entry 1"])
    #expect(latest.map(\.date.text) == ["2025-02-02", "2025-02-03"])
    #expect(Set(latest.first?.actors ?? []) == ["Ukraine", "United States"])
    #expect(try store.negotiation(id, asOf: fixedToday).developments.count == 4)
    #expect(throws: StoreError.invalid("a development needs its text")) {
      try store.log(negotiation: "minerals", text: " ", date: try date("2025-02-01"))
    }
    #expect(throws: StoreError.notFound(kind: "negotiation", name: "7", candidates: [])) {
      try store.negotiation(7)
    }
  }
}
