import Testing

@testable import AccordStore

/// The rule that derives a proposal's status from its dated steps (Store/StatusRule.swift), read
/// through `deals(...)` and `negotiation(...)`.
@Suite struct StatusRuleTests {
  /// The deal `slug` as of `day`, or nil when it is not listed.
  func deal(_ store: AccordStore, _ slug: String, asOf day: String, unsignedOnly: Bool = false)
    throws -> Deal?
  {
    try store.deals(unsignedOnly: unsignedOnly, asOf: try AccordStoreTests.day(day)).first {
      $0.slug == slug
    }
  }

  /// The proposal `slug` in the negotiation's detail as of `day`, or nil when it is not shown.
  func detail(_ store: AccordStore, _ slug: String, asOf day: String) throws -> NegotiationDetail
    .Proposal?
  {
    let negotiation = try store.resolveNegotiation("minerals")
    return try store.negotiation(negotiation, asOf: try AccordStoreTests.day(day)).proposals.first {
      $0.slug == slug
    }
  }

  @Test func aTabledProposalIsLiveAndUnsigned() throws {
    let store = try makeMineralsStore()
    try propose(store, "offer", on: "2025-02-12")
    let offer = try #require(try deal(store, "offer", asOf: "2025-02-20", unsignedOnly: true))
    #expect(offer.status == .tabled)
    #expect(offer.statusDate.text == "2025-02-12")
    #expect(offer.live)
    #expect(!offer.signed)
    #expect(offer.tabledBy == "United States")
    #expect(offer.negotiation == "minerals")
    #expect(offer.negotiationTitle == "US–Ukraine minerals deal")
    #expect(Set(offer.parties) == ["Ukraine", "United States"])
    #expect(offer.openSince.text == "2025-02-12")
    #expect(offer.daysOpen == 8)
    #expect(
      offer.latestStep == Deal.LatestStep(step: .tabled, date: try date("2025-02-12"), party: nil))
    let shown = try #require(try detail(store, "offer", asOf: "2025-02-20"))
    #expect(shown.status == .tabled)
    #expect(shown.live)
    #expect(!shown.signed)
    #expect(shown.steps.map(\.step) == [.tabled])
    // The default as-of day is the store's today.
    #expect(try store.deals().map(\.daysOpen) == [try day("2025-02-12").days(to: fixedToday)])
  }

  @Test(arguments: [ProposalStep.Kind.rejected, .withdrawn, .superseded, .lapsed, .terminated])
  func aClosingStepForTheWholeProposalClosesItAndATablingRevivesIt(closing: ProposalStep.Kind)
    throws
  {
    let store = try makeMineralsStore()
    try propose(store, "offer", on: "2025-02-12")
    try step(store, "offer", closing, on: "2025-02-15")
    try step(store, "offer", .tabled, on: "2025-03-01")

    let closed = try #require(try deal(store, "offer", asOf: "2025-02-20"))
    #expect(closed.status == closing)
    #expect(!closed.live)
    #expect(try deal(store, "offer", asOf: "2025-02-20", unsignedOnly: true) == nil)
    #expect(try detail(store, "offer", asOf: "2025-02-20")?.live == false)

    let revived = try #require(try deal(store, "offer", asOf: "2025-03-01", unsignedOnly: true))
    #expect(revived.status == .tabled)
    #expect(revived.statusDate.text == "2025-03-01")
    #expect(revived.live)
    #expect(revived.openSince.text == "2025-02-12")
    #expect(
      try detail(store, "offer", asOf: "2025-03-01")?.steps.map(\.step) == [
        .tabled, closing, .tabled,
      ])
  }

  @Test func aRejectionByOnePartyLeavesItLive() throws {
    let store = try makeMineralsStore()
    try propose(store, "offer", on: "2025-02")
    try step(store, "offer", .rejected, on: "2025-02-15~", party: "Ukraine")
    let offer = try #require(try deal(store, "offer", asOf: "2025-02-20", unsignedOnly: true))
    #expect(offer.status == .tabled)
    #expect(offer.live)
    #expect(offer.latestStep.step == .rejected)
    #expect(offer.latestStep.party == "Ukraine")
    #expect(offer.latestStep.date.text == "2025-02-15~")
    let shown = try #require(try detail(store, "offer", asOf: "2025-02-20"))
    #expect(shown.status == .tabled)
    #expect(shown.live)
    #expect(shown.partyStatus == ["Ukraine": .rejected])
    #expect(try store.negotiations(asOf: try day("2025-02-20")).first?.liveProposals == 1)
  }

  @Test(arguments: [ProposalStep.Kind.signed, .ratified, .inForce])
  func aSigningStepForTheWholeProposalMakesItSigned(kind: ProposalStep.Kind) throws {
    let store = try makeMineralsStore()
    try propose(store, "agreement", on: "2025-04-17")
    try step(store, "agreement", kind, on: "2025-04-30")
    let before = try #require(try deal(store, "agreement", asOf: "2025-04-29"))
    #expect(!before.signed)
    let after = try #require(try deal(store, "agreement", asOf: "2025-04-30"))
    #expect(after.signed)
    #expect(after.status == kind)
    #expect(after.live)
    #expect(try deal(store, "agreement", asOf: "2025-04-30", unsignedOnly: true) == nil)
    let negotiation = try store.resolveNegotiation("minerals")
    #expect(try store.negotiation(negotiation, asOf: try day("2025-04-30")).status == "signed")
    #expect(try store.negotiation(negotiation, asOf: try day("2025-04-29")).status == "unsigned")
    #expect(
      try store.negotiations(signed: true, asOf: try day("2025-04-30")).map(\.slug) == ["minerals"])
    #expect(try store.negotiations(signed: true, asOf: try day("2025-04-29")).isEmpty)
  }

  @Test func aSigningByOnePartyMakesItSignedButKeepsItsStatus() throws {
    let store = try makeMineralsStore()
    try propose(store, "agreement", on: "2025-04-17")
    try step(store, "agreement", .signed, on: "2025-04-30", party: "United States")
    let signed = try #require(try deal(store, "agreement", asOf: "2025-05-01"))
    #expect(signed.signed)
    #expect(signed.status == .tabled)
    #expect(signed.live)
    #expect(try deal(store, "agreement", asOf: "2025-05-01", unsignedOnly: true) == nil)
    let shown = try #require(try detail(store, "agreement", asOf: "2025-05-01"))
    #expect(shown.signed)
    #expect(shown.partyStatus == ["United States": .signed])
  }

  @Test func aSuspendedProposalIsStillLive() throws {
    let store = try makeMineralsStore()
    try propose(store, "offer", on: "2025-02-12")
    try step(store, "offer", .suspended, on: "2025-03-01")
    let offer = try #require(try deal(store, "offer", asOf: "2025-03-02", unsignedOnly: true))
    #expect(offer.status == .suspended)
    #expect(offer.live)
  }

  @Test func stepsAfterTheAsOfDayAreIgnored() throws {
    let store = try makeMineralsStore()
    try propose(store, "offer", on: "2025-02-12")
    try step(store, "offer", .rejected, on: "2025-02-28")
    try step(store, "offer", .signed, on: "2025-03-10", party: "Ukraine")
    let early = try #require(try deal(store, "offer", asOf: "2025-02-27"))
    #expect(early.status == .tabled)
    #expect(early.live)
    #expect(!early.signed)
    #expect(early.latestStep.step == .tabled)
    #expect(try detail(store, "offer", asOf: "2025-02-27")?.steps.map(\.step) == [.tabled])
    #expect(try detail(store, "offer", asOf: "2025-02-27")?.partyStatus == [:])
    let late = try #require(try deal(store, "offer", asOf: "2025-03-10"))
    #expect(late.status == .rejected)
    #expect(late.signed)
    #expect(
      late.latestStep
        == Deal.LatestStep(step: .signed, date: try date("2025-03-10"), party: "Ukraine"))
  }

  @Test func beforeItsFirstStepAProposalDoesNotExist() throws {
    let store = try makeMineralsStore()
    try propose(store, "offer", on: "2025-02-12")
    #expect(try deal(store, "offer", asOf: "2025-02-11") == nil)
    #expect(try detail(store, "offer", asOf: "2025-02-11") == nil)
    #expect(try store.deals(asOf: try day("2025-02-11")).isEmpty)
    #expect(try deal(store, "offer", asOf: "2025-02-12") != nil)
  }

  @Test func impreciseDatesCountFromTheirFirstDay() throws {
    let store = try makeMineralsStore()
    try propose(store, "offer", on: "2025-02")  // from 1 February
    try step(store, "offer", .rejected, on: "2025-03~")  // from 1 March
    try propose(store, "other", on: "2026")  // from 1 January 2026
    #expect(try deal(store, "offer", asOf: "2025-01-31") == nil)
    let first = try #require(try deal(store, "offer", asOf: "2025-02-01"))
    #expect(first.status == .tabled)
    #expect(first.openSince.text == "2025-02")
    #expect(first.daysOpen == 0)
    #expect(try deal(store, "offer", asOf: "2025-02-28")?.live == true)
    #expect(try deal(store, "offer", asOf: "2025-03-01")?.status == .rejected)
    #expect(try deal(store, "other", asOf: "2025-12-31") == nil)
    #expect(try deal(store, "other", asOf: "2026-01-01")?.status == .tabled)
  }

  @Test func stepsOfOneDayAreReadInTheOrderTheyWereRecorded() throws {
    let store = try makeMineralsStore()
    try propose(store, "first", on: "2025-03-10")
    try step(store, "first", .rejected, on: "2025-03-10")
    try propose(store, "second", on: "2025-03-10")
    try step(store, "second", .rejected, on: "2025-03-10")
    try step(store, "second", .tabled, on: "2025-03-10")
    // A month-precision step counts from the 1st, before a step dated later in that month.
    try propose(store, "third", on: "2025-03-05")
    try step(store, "third", .withdrawn, on: "2025-03-07")
    try step(store, "third", .tabled, on: "2025-03")
    #expect(try deal(store, "first", asOf: "2025-03-10")?.status == .rejected)
    #expect(try deal(store, "second", asOf: "2025-03-10")?.status == .tabled)
    #expect(try deal(store, "second", asOf: "2025-03-10")?.live == true)
    #expect(try deal(store, "third", asOf: "2025-03-31")?.status == .withdrawn)
    #expect(
      try detail(store, "third", asOf: "2025-03-31")?.steps.map(\.date.text) == [
        "2025-03", "2025-03-05", "2025-03-07",
      ])
    #expect(
      try store.deals(unsignedOnly: true, asOf: try day("2025-03-31")).map(\.slug) == ["second"])
  }

  @Test func counteringAndSupersedingMarkTheEarlierProposal() throws {
    let store = try makeMineralsStore()
    try propose(store, "us-draft", on: "2025-02-12")
    try propose(store, "ukraine-draft", on: "2025-02-20", by: "Ukraine", counters: "us-draft")
    try propose(store, "us-revised", on: "2025-02-25", supersedes: "us-draft")

    let countered = try #require(try deal(store, "us-draft", asOf: "2025-02-20"))
    #expect(countered.status == .countered)
    #expect(countered.live)
    let steps = try #require(try detail(store, "us-draft", asOf: "2025-02-20")?.steps)
    #expect(steps.map(\.step) == [.tabled, .countered])
    #expect(steps.last?.note == "countered by ukraine-draft")
    #expect(steps.last?.date.text == "2025-02-20")
    #expect(try detail(store, "ukraine-draft", asOf: "2025-02-20")?.counters == "us-draft")

    let superseded = try #require(try deal(store, "us-draft", asOf: "2025-02-25"))
    #expect(superseded.status == .superseded)
    #expect(!superseded.live)
    #expect(try detail(store, "us-revised", asOf: "2025-02-25")?.supersedes == "us-draft")
    #expect(
      try detail(store, "us-draft", asOf: "2025-02-25")?.steps.last?.note
        == "superseded by us-revised")
    #expect(
      try store.deals(unsignedOnly: true, asOf: try day("2025-02-25")).map(\.slug) == [
        "ukraine-draft", "us-revised",
      ])
  }

  @Test func aProposalCannotCounterOneOfAnotherNegotiation() throws {
    let store = try makeMineralsStore()
    try store.addNegotiation(
      NewNegotiation(
        title: "Black Sea ceasefire", slug: "black-sea", participants: [("Ukraine", .party)]))
    try propose(store, "us-draft", on: "2025-02-12")
    let before = try rowCounts(store)
    #expect(
      throws: StoreError.invalid(
        "a proposal can only counter or supersede one of the same negotiation")
    ) {
      try store.addProposal(
        NewProposal(
          negotiation: "black-sea", title: "Ceasefire", by: "Ukraine", date: try date("2025-03-01"),
          counters: "us-draft"))
    }
    #expect(try rowCounts(store) == before)
    #expect(throws: StoreError.invalid("a proposal starts floated or tabled")) {
      try store.addProposal(
        NewProposal(
          negotiation: "minerals", title: "X", by: "Ukraine", date: try date("2025-03-01"),
          firstStep: .signed))
    }
    #expect(try rowCounts(store) == before)
  }
}
