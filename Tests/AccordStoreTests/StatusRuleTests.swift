import AccordPresentation
import Foundation
import Testing

@testable import AccordStore

/// The rule that derives where a proposal stands from its dated steps (Store/StatusRule.swift), one
/// test for each row of the README's table and each numbered rule, read through `deals(...)`,
/// `negotiation(...)` and `proposalDetail(...)`.
@Suite struct StatusRuleTests {
  /// The deal `slug` as of `day`, or nil when it is not listed.
  func deal(_ store: AccordStore, _ slug: String, asOf day: String, _ filter: DealFilter = .all)
    throws -> Deal?
  {
    try store.deals(filter, asOf: try AccordStoreTests.day(day)).first { $0.slug == slug }
  }

  func state(_ store: AccordStore, _ slug: String, asOf day: String) throws -> ProposalState? {
    try deal(store, slug, asOf: day)?.status
  }

  /// Each party's state of proposal `slug` as of `day`: "Ukraine signed".
  func parties(_ store: AccordStore, _ slug: String, asOf day: String) throws -> [String] {
    try store.proposalDetail(store.resolveProposal(slug), asOf: try AccordStoreTests.day(day)).parties.map {
      "\($0.party) \($0.state?.words ?? "—")"
    }
  }

  func negotiationState(_ store: AccordStore, asOf day: String) throws -> NegotiationStatus {
    try store.status(
      negotiation: try store.resolveNegotiation("minerals"), asOf: try AccordStoreTests.day(day))
  }

  // MARK: The table, row by row

  @Test(arguments: [ProposalStep.Kind.floated, .tabled])
  func aFloatedOrTabledProposalIsADraft(kind: ProposalStep.Kind) throws {
    let store = try makeMineralsStore()
    try store.addProposal(
      NewProposal(
        negotiation: "minerals", title: "Offer", by: "US", date: try date("2025-02-12"), slug: "offer",
        firstStep: kind))
    let offer = try #require(try deal(store, "offer", asOf: "2025-02-20", .unsigned))
    #expect(offer.status == .drafted)
    #expect(offer.live)
    #expect(!offer.signed)
    #expect(offer.tabledBy == "United States")
    #expect(Set(offer.parties) == ["Ukraine", "United States"])
    #expect(offer.openSince.text == "2025-02-12")
    #expect(offer.daysOpen == 8)
    #expect(offer.latestStep == Deal.LatestStep(step: kind, date: try date("2025-02-12"), party: nil))
    #expect(try negotiationState(store, asOf: "2025-02-20").state == .negotiating)
  }

  @Test(arguments: [ProposalStep.Kind.agreedInPrinciple, .initialled])
  func agreedInPrincipleOrInitialledIsAgreedAndStillUnsigned(kind: ProposalStep.Kind) throws {
    let store = try makeMineralsStore()
    try propose(store, "deal", on: "2025-02-12")
    try step(store, "deal", kind, on: "2025-02-25")
    #expect(try state(store, "deal", asOf: "2025-02-25") == .agreed)
    #expect(try deal(store, "deal", asOf: "2025-02-25", .unsigned) != nil)
    let status = try negotiationState(store, asOf: "2025-02-25")
    #expect(status.state == .agreed)
    #expect(Phrase.reason(status) == "Proposal deal \(Phrase.step(kind)) 2025-02-25")
  }

  @Test func anAdoptedAgreementIsConcludedWithoutSignature() throws {
    let store = try makeMineralsStore()
    try propose(store, "jcpoa", on: "2015-04-02")
    try step(store, "jcpoa", .adopted, on: "2015-07-14")
    let adopted = try #require(try deal(store, "jcpoa", asOf: "2015-08-01"))
    #expect(adopted.status == .adopted)
    #expect(!adopted.signed)
    #expect(try deal(store, "jcpoa", asOf: "2015-08-01", .unsigned) == nil)
    #expect(try deal(store, "jcpoa", asOf: "2015-08-01", .signed) != nil)
    #expect(try negotiationState(store, asOf: "2015-08-01").state == .agreed)
  }

  @Test(arguments: [
    (ProposalStep.Kind.signed, ProposalState.signed), (.ratified, .ratified), (.inForce, .inForce),
  ])
  func aConcludingStepOfTheWholeProposal(kind: ProposalStep.Kind, expected: ProposalState) throws {
    let store = try makeMineralsStore()
    try propose(store, "agreement", on: "2025-04-17")
    try step(store, "agreement", kind, on: "2025-04-30")
    let before = try #require(try deal(store, "agreement", asOf: "2025-04-29"))
    #expect(before.status == .drafted)
    #expect(!before.signed)
    let after = try #require(try deal(store, "agreement", asOf: "2025-04-30"))
    #expect(after.status == expected)
    #expect(after.signed)
    #expect(after.live)
    #expect(try deal(store, "agreement", asOf: "2025-04-30", .unsigned) == nil)
    #expect(try negotiationState(store, asOf: "2025-04-30").state == (kind == .inForce ? .inForce : .signed))
    #expect(try store.negotiations(signed: true, asOf: try day("2025-04-30")).map(\.slug) == ["minerals"])
    #expect(try store.negotiations(signed: true, asOf: try day("2025-04-29")).isEmpty)
    // Without steps of their own, both parties share the whole proposal's state.
    #expect(
      try parties(store, "agreement", asOf: "2025-04-30") == [
        "Ukraine \(expected.words)", "United States \(expected.words)",
      ])
  }

  @Test func aPartysSigningRaisesTheWholeProposalToSigned() throws {
    let store = try makeMineralsStore()
    try propose(store, "agreement", on: "2025-04-17")
    try step(store, "agreement", .signed, on: "2025-04-30", party: "United States")
    let signed = try #require(try deal(store, "agreement", asOf: "2025-05-01"))
    #expect(signed.status == .signed)
    #expect(signed.statusDate.text == "2025-04-30")
    #expect(signed.signed)
    #expect(try deal(store, "agreement", asOf: "2025-05-01", .unsigned) == nil)
    // Ukraine has no step of its own while the United States has: Ukraine has none.
    #expect(try parties(store, "agreement", asOf: "2025-05-01") == ["Ukraine —", "United States signed"])
  }

  @Test func aPartysEntryIntoForceRaisesTheWholeProposalToInForce() throws {
    let store = try makeMineralsStore()
    try propose(store, "agreement", on: "2025-04-17")
    try step(store, "agreement", .ratified, on: "2025-05-01", party: "Ukraine")
    try step(store, "agreement", .inForce, on: "2025-06-01", party: "Ukraine")
    #expect(try state(store, "agreement", asOf: "2025-05-15") == .signed)
    #expect(try state(store, "agreement", asOf: "2025-06-01") == .inForce)
    #expect(try negotiationState(store, asOf: "2025-06-01").state == .inForce)
  }

  @Test func anExtensionMovesTheDeadlineAndNothingElse() throws {
    let store = try makeMineralsStore()
    try propose(store, "jpoa", on: "2013-11-24")
    try step(store, "jpoa", .adopted, on: "2013-11-24")
    try store.addStep(
      NewStep(proposal: "jpoa", .extended, date: try date("2014-07-19"), until: try date("2014-11-24")))
    try store.addStep(
      NewStep(proposal: "jpoa", .extended, date: try date("2014-11-24"), until: try date("2015-06-30")))
    let first = try #require(try deal(store, "jpoa", asOf: "2014-08-01"))
    #expect(first.status == .adopted)
    #expect(first.statusDate.text == "2013-11-24")
    #expect(first.deadline?.text == "2014-11-24")
    #expect(try deal(store, "jpoa", asOf: "2014-12-01")?.deadline?.text == "2015-06-30")
    #expect(try deal(store, "jpoa", asOf: "2014-07-18")?.deadline == nil)
    #expect(throws: StoreError.mistake(.stepDateMissing(.until))) {
      try store.addStep(NewStep(proposal: "jpoa", .extended, date: try date("2015-01-01")))
    }
    let (early, onStep) = (try date("2014-01"), try date("2015-01-01"))
    #expect(throws: StoreError.mistake(.stepDateBeforeStep(.until, date: early, step: onStep))) {
      try store.addStep(
        NewStep(proposal: "jpoa", .extended, date: try date("2015-01-01"), until: try date("2014-01")))
    }
  }

  @Test func aMilestoneIsOnTheRecordAndChangesNothing() throws {
    let store = try makeMineralsStore()
    try propose(store, "jcpoa", on: "2015-07-14")
    try step(store, "jcpoa", .adopted, on: "2015-07-14")
    let ids = try store.addStep(
      NewStep(proposal: "jcpoa", .milestone, date: try date("2015-10-18"), label: "Adoption Day"))
    #expect(ids.count == 1)
    #expect(try state(store, "jcpoa", asOf: "2015-10-20") == .adopted)
    let steps = try store.steps(proposal: store.resolveProposal("jcpoa"), asOf: try day("2015-10-20"))
    #expect(steps.last?.label == "Adoption Day")
    #expect(Phrase.step(try #require(steps.last)) == "milestone Adoption Day")
    #expect(
      throws: StoreError.invalid(
        "a milestone needs its name: accord proposal step PROPOSAL milestone \"NAME\"")
    ) {
      try store.addStep(NewStep(proposal: "jcpoa", .milestone, date: try date("2016-01-16")))
    }
    #expect(throws: StoreError.invalid("only a milestone has a name; a signed step takes none")) {
      try store.addStep(NewStep(proposal: "jcpoa", .signed, date: try date("2016-01-16"), label: "X"))
    }
  }

  @Test func aSuspensionKeepsItLiveAndAResumptionRestoresItsStage() throws {
    let store = try makeMineralsStore()
    try propose(store, "deal", on: "2025-02-12")
    try step(store, "deal", .inForce, on: "2025-03-01")
    try step(store, "deal", .suspended, on: "2025-04-01")
    try step(store, "deal", .resumed, on: "2025-05-01")
    let suspended = try #require(try deal(store, "deal", asOf: "2025-04-15"))
    #expect(suspended.status == .suspended)
    #expect(suspended.live)
    #expect(try negotiationState(store, asOf: "2025-04-15").state == .suspended)
    #expect(try state(store, "deal", asOf: "2025-05-01") == .inForce)
    #expect(try negotiationState(store, asOf: "2025-05-01").state == .inForce)
  }

  @Test func aPartysWithdrawalCountsFromItsEffectiveDayAndARejoiningUndoesIt() throws {
    let store = try makeMineralsStore()
    try propose(store, "paris", on: "2015-12-12")
    try step(store, "paris", .adopted, on: "2015-12-12")
    for party in ["Ukraine", "United States"] {
      try step(store, "paris", .signed, on: "2016-04-22", party: party)
      try step(store, "paris", .inForce, on: "2016-11-04", party: party)
    }
    try store.addStep(
      NewStep(
        proposal: "paris", .withdrawalNotified, date: try date("2019-11-04"), parties: ["US"],
        effective: try date("2020-11-04")))
    try step(store, "paris", .rejoined, on: "2021-01-20", party: "United States")
    let notified = try store.proposalDetail(store.resolveProposal("paris"), asOf: try day("2020-01-01"))
    let us = try #require(notified.parties.first { $0.party == "United States" })
    #expect(us.state == .inForce)
    #expect(us.withdrawalEffective?.text == "2020-11-04")
    #expect(
      try parties(store, "paris", asOf: "2020-11-04") == ["Ukraine in force", "United States withdrawn"])
    let withdrawn = try store.proposalDetail(store.resolveProposal("paris"), asOf: try day("2020-12-01"))
    #expect(withdrawn.parties.first { $0.party == "United States" }?.since?.text == "2020-11-04")
    #expect(
      try parties(store, "paris", asOf: "2021-02-01") == ["Ukraine in force", "United States in force"])
    // The whole agreement stays in force throughout.
    #expect(try state(store, "paris", asOf: "2020-12-01") == .inForce)
    #expect(
      throws: StoreError.mistake(.stepWithoutParty(.withdrawalNotified))
    ) {
      try store.addStep(
        NewStep(
          proposal: "paris", .withdrawalNotified, date: try date("2025-01-27"),
          effective: try date("2026-01-27")))
    }
  }

  @Test(arguments: [
    ProposalStep.Kind.rejected, .withdrawn, .superseded, .lapsed, .terminated, .expired,
  ])
  func aClosingStepClosesItAndATablingRevivesIt(closing: ProposalStep.Kind) throws {
    let store = try makeMineralsStore()
    try propose(store, "offer", on: "2025-02-12")
    try step(store, "offer", closing, on: "2025-02-15")
    try step(store, "offer", .tabled, on: "2025-03-01")
    let closed = try #require(try deal(store, "offer", asOf: "2025-02-20"))
    #expect(closed.status.rawValue == closing.rawValue)
    #expect(!closed.live)
    #expect(closed.closedBy == Deal.LatestStep(step: closing, date: try date("2025-02-15"), party: nil))
    // Days open stop at the closing step.
    #expect(closed.daysOpen == 3)
    #expect(try deal(store, "offer", asOf: "2025-02-20", .unsigned) == nil)
    #expect(try deal(store, "offer", asOf: "2025-02-20", .ended) != nil)
    #expect(try deal(store, "offer", asOf: "2025-02-20", .allDrafts)?.closedBy?.step == closing)
    let status = try negotiationState(store, asOf: "2025-02-20")
    #expect(status.state == .ended)
    #expect(Phrase.reason(status) == "Proposal offer \(Phrase.step(closing)) 2025-02-15")
    let revived = try #require(try deal(store, "offer", asOf: "2025-03-01", .unsigned))
    #expect(revived.status == .drafted)
    #expect(revived.statusDate.text == "2025-03-01")
    #expect(revived.openSince.text == "2025-02-12")
    #expect(revived.daysOpen == 17)
  }

  @Test func aRejectionByOnePartyClosesItForThatPartyAlone() throws {
    let store = try makeMineralsStore()
    try propose(store, "offer", on: "2025-02")
    try step(store, "offer", .rejected, on: "2025-02-15~", party: "Ukraine")
    let offer = try #require(try deal(store, "offer", asOf: "2025-02-20", .unsigned))
    #expect(offer.status == .drafted)
    #expect(offer.live)
    #expect(
      offer.latestStep == Deal.LatestStep(step: .rejected, date: try date("2025-02-15~"), party: "Ukraine"))
    #expect(try parties(store, "offer", asOf: "2025-02-20") == ["Ukraine rejected", "United States drafted"])
    #expect(try store.negotiations(asOf: try day("2025-02-20")).first?.liveProposals == 1)
  }

  @Test func aCounterClosesTheDraftItCounters() throws {
    let store = try makeMineralsStore()
    try propose(store, "us-draft", on: "2025-02-12")
    try propose(store, "ukraine-draft", on: "2025-02-20", by: "Ukraine", counters: "us-draft")
    try propose(store, "us-revised", on: "2025-02-25", supersedes: "ukraine-draft")
    let countered = try #require(try deal(store, "us-draft", asOf: "2025-02-20"))
    #expect(countered.status == .countered)
    #expect(!countered.live)
    #expect(countered.daysOpen == 8)
    // Only the head of the chain is an unsigned deal.
    #expect(try store.deals(.unsigned, asOf: try day("2025-02-20")).map(\.slug) == ["ukraine-draft"])
    #expect(try store.deals(.unsigned, asOf: try day("2025-02-25")).map(\.slug) == ["us-revised"])
    #expect(
      try store.deals(.allDrafts, asOf: try day("2025-02-25")).map { "\($0.slug) \($0.status.words)" } == [
        "us-draft countered", "ukraine-draft superseded", "us-revised drafted",
      ])
    let steps = try store.steps(proposal: store.resolveProposal("us-draft"), asOf: try day("2025-02-20"))
    #expect(steps.map(\.step) == [.tabled, .countered])
    #expect(steps.last?.note == "countered by ukraine-draft")
  }

  @Test func declaredAndUnclearAreNeitherUnsignedNorSigned() throws {
    let store = try makeMineralsStore()
    for (slug, kind) in [("law", ProposalStep.Kind.declared), ("mystery", .unclear)] {
      try store.addProposal(
        NewProposal(
          negotiation: "minerals", title: slug, by: "Ukraine", date: try date("1999-07-13"), slug: slug))
      try step(store, slug, kind, on: "1999-07-13")
    }
    #expect(try state(store, "law", asOf: "2000-01-01") == .declared)
    #expect(try state(store, "mystery", asOf: "2000-01-01") == .unclear)
    #expect(try store.deals(.unsigned, asOf: try day("2000-01-01")).isEmpty)
    #expect(try store.deals(.signed, asOf: try day("2000-01-01")).isEmpty)
  }

  // MARK: The numbered rules

  /// Rule 1: a step counts once the whole range of its date has passed; until then it may have
  /// happened, and is shown as possible.
  @Test func anImpreciseStepCountsOnceItsWholeRangeHasPassed() throws {
    let store = try makeMineralsStore()
    try propose(store, "offer", on: "2014-06-02")
    try step(store, "offer", .signed, on: "2014-07")
    let inside = try #require(try deal(store, "offer", asOf: "2014-07-10"))
    #expect(inside.status == .drafted)
    #expect(!inside.signed)
    #expect(inside.possibly == [Deal.LatestStep(step: .signed, date: try date("2014-07"), party: nil)])
    let detail = try store.negotiation(try store.resolveNegotiation("minerals"), asOf: try day("2014-07-10"))
    #expect(detail.proposals.first?.possibly.map(\.step) == [.signed])
    #expect(detail.proposals.first?.steps.map(\.step) == [.tabled])
    let after = try #require(try deal(store, "offer", asOf: "2014-07-31"))
    #expect(after.status == .signed)
    #expect(after.possibly == nil)
    // An interval counts from its last day.
    try store.addStep(NewStep(proposal: "offer", .inForce, date: try date("2014-09-01/2014-09-30")))
    #expect(try state(store, "offer", asOf: "2014-09-15") == .signed)
    #expect(try state(store, "offer", asOf: "2014-09-30") == .inForce)
  }

  /// Rule 1: a proposal exists once any step counts, and its first step with it.
  @Test func theFirstStepCountsOnceAnyLaterStepDoes() throws {
    let store = try makeMineralsStore()
    try propose(store, "offer", on: "2025-02")
    try step(store, "offer", .rejected, on: "2025-02-15~", party: "Ukraine")
    #expect(try deal(store, "offer", asOf: "2025-02-14") == nil)
    let listed = try #require(try deal(store, "offer", asOf: "2025-02-20"))
    #expect(listed.openSince.text == "2025-02")
    #expect(listed.daysOpen == 19)
    #expect(try deal(store, "other", asOf: "2025-02-20") == nil)
  }

  /// Rule 2: steps of one day are read in the order recorded.
  @Test func stepsOfOneDayAreReadInTheOrderTheyWereRecorded() throws {
    let store = try makeMineralsStore()
    try propose(store, "first", on: "2025-03-10")
    try step(store, "first", .rejected, on: "2025-03-10")
    try propose(store, "second", on: "2025-03-10")
    try step(store, "second", .rejected, on: "2025-03-10")
    try step(store, "second", .tabled, on: "2025-03-10")
    #expect(try state(store, "first", asOf: "2025-03-10") == .rejected)
    #expect(try state(store, "second", asOf: "2025-03-10") == .drafted)
    #expect(try store.deals(.unsigned, asOf: try day("2025-03-10")).map(\.slug) == ["second"])
  }

  /// Rule 4: a whole step that closes the proposal later closes it for every party.
  @Test func aWholeTerminationEndsItForEveryParty() throws {
    let store = try makeMineralsStore()
    try propose(store, "jcpoa", on: "2015-07-14")
    try step(store, "jcpoa", .adopted, on: "2015-07-14")
    try step(store, "jcpoa", .inForce, on: "2016-01-16")
    try store.addStep(
      NewStep(
        proposal: "jcpoa", .withdrawalNotified, date: try date("2018-05-08"), parties: ["US"],
        effective: try date("2018-11-05")))
    try step(store, "jcpoa", .terminated, on: "2025-10-18")
    #expect(
      try parties(store, "jcpoa", asOf: "2019-01-01") == ["Ukraine in force", "United States withdrawn"])
    #expect(
      try parties(store, "jcpoa", asOf: "2025-10-18") == ["Ukraine terminated", "United States terminated"])
    let ended = try #require(try deal(store, "jcpoa", asOf: "2025-12-01"))
    #expect(ended.status == .terminated)
    let open = try day("2015-07-14").days(to: try day("2025-10-18"))
    #expect(ended.daysOpen == open)
    let status = try negotiationState(store, asOf: "2025-12-01")
    #expect(status.state == .ended)
    #expect(Phrase.reason(status) == "Proposal jcpoa terminated 2025-10-18")
  }

  /// A negotiation's talks go quiet: stalled after the stale days; something new wakes them.
  @Test func liveTalksWithNothingForStaleDaysAreStalled() throws {
    let store = try makeMineralsStore()
    try propose(store, "offer", on: "2025-02-12")
    #expect(try negotiationState(store, asOf: "2025-03-13").state == .negotiating)
    let stalled = try negotiationState(store, asOf: "2025-03-14")
    #expect(stalled.state == .stalled)
    #expect(
      Phrase.reason(stalled)
        == "nothing recorded since 2025-02-12 (30 days); last: Proposal offer tabled 2025-02-12")
    try store.log(negotiation: "minerals", text: "Talks resume", date: try date("2025-04-01"))
    #expect(try negotiationState(store, asOf: "2025-04-02").state == .negotiating)
    #expect(try negotiationState(store, asOf: "2025-02-01").state == .notStarted)
  }

  /// A step or an answer for a party must come from a participant of the negotiation that day.
  @Test func stepsByStrangersAreRefused() throws {
    let store = try makeMineralsStore()
    try store.addActor(NewActor(name: "India", kind: .state, code: "IND"))
    try propose(store, "offer", on: "2025-02-12")
    let before = try rowCounts(store)
    let signing = try date("2025-03-01")
    #expect(
      throws: StoreError.notTakingPart(actor: "India", shortID: "india", negotiation: "minerals", on: signing)
    ) {
      try store.addStep(
        NewStep(proposal: "offer", .signed, date: try date("2025-03-01"), parties: ["US", "India"]))
    }
    #expect(try rowCounts(store) == before)
    try store.join(negotiation: "minerals", actors: ["India"], as: .observer, date: try date("2025-04-01"))
    #expect(throws: StoreError.self) {
      try store.addStep(NewStep(proposal: "offer", .signed, date: try date("2025-03-01"), parties: ["India"]))
    }
    let ids = try store.addStep(
      NewStep(proposal: "offer", .signed, date: try date("2025-04-02"), parties: ["India", "US"]))
    #expect(ids.count == 2)
    try store.leave(negotiation: "minerals", actor: "India", date: try date("2025-05-01"))
    #expect(throws: StoreError.self) {
      try store.addStep(
        NewStep(proposal: "offer", .ratified, date: try date("2025-05-02"), parties: ["India"]))
    }
    let participants = try store.participants(
      negotiation: try store.resolveNegotiation("minerals"), asOf: try day("2025-04-15"))
    #expect(
      participants.map { "\($0.actor) \($0.role.rawValue)" } == [
        "Ukraine party", "United States party", "India observer",
      ])
    #expect(
      try store.participants(
        negotiation: try store.resolveNegotiation("minerals"), asOf: try day("2025-05-01")
      )
      .map(\.actor) == ["Ukraine", "United States"])
  }

  /// The code's effects and the README's table say the same, row by row.
  @Test func theReadmeTableMatchesTheRule() throws {
    let readme = try String(
      contentsOf: URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appending(path: "README.md"), encoding: .utf8)
    for kind in ProposalStep.Kind.allCases {
      let row = "| `\(kind.argument)` | \(StatusRule.concerns(kind)) | \(StatusRule.meaning(of: kind)) |"
      #expect(readme.contains(row), "README lacks the row: \(row)")
    }
    let concerns = ["either", "one party", "the whole proposal"]
    let rows = readme.split(separator: "\n").filter { line in
      line.hasPrefix("| `") && concerns.contains { line.contains("` | \($0) | ") }
    }
    #expect(
      rows.count == ProposalStep.Kind.allCases.count, "the table has a row for a step the code does not know")
    for state in NegotiationStatus.State.allCases {
      #expect(readme.contains("| \(state.words) | "), "README lacks the negotiation state \(state.words)")
    }
  }
}
