import AccordPresentation
import Testing

@testable import AccordStore

/// `accord timeline`: one chronological view of a negotiation. Imprecise dates sort by the first day
/// they cover, then by the last (the more precise first), and show as typed.
@Suite struct TimelineTests {
  @Test func impreciseDatesSortByTheirFirstDayAndShowAsTyped() throws {
    let store = try makeMineralsStore()
    let minerals = try store.resolveNegotiation("minerals")
    try store.log(negotiation: "minerals", text: "the year", date: try date("2025"))
    try store.log(negotiation: "minerals", text: "late February, roughly", date: try date("2025-02-24~"))
    try store.log(negotiation: "minerals", text: "the month", date: try date("2025-02"))
    try store.log(negotiation: "minerals", text: "the first of February", date: try date("2025-02-01"))
    try store.log(negotiation: "minerals", text: "the last of January", date: try date("2025-01-31"))
    try store.log(negotiation: "minerals", text: "uncertain 14th", date: try date("2025-02-14?"))
    try store.addMeeting(
      negotiation: "minerals", date: try date("2025-02-14"), place: "Munich", with: ["Rubio"])
    try propose(store, "draft", on: "2025-02-14")
    try store.addQuote(
      by: "Zelenskyy", date: try date("2025-02-14"), text: "Still talking.", negotiation: "minerals")
    try store.addCondition(
      NewCondition(
        negotiation: "minerals", by: "Ukraine", stance: .precondition, term: "guarantees",
        inExchangeFor: ["minerals access"], date: try date("2025-02-14")))
    try store.updateCondition("1", .accepted, date: try date("2025-03"), by: "United States")

    let entries = try store.timeline(negotiation: minerals)
    #expect(
      entries.map { "\($0.date.text) \($0.kind.rawValue)" } == [
        "2025 development",  // 1 January
        "2025-01-31 development",
        "2025-02-01 development",  // before 2025-02: same first day, an earlier last day
        "2025-02 development",
        "2025-02-14 meeting",  // same day: meetings, steps, conditions, quotes, developments
        "2025-02-14 step",
        "2025-02-14 condition",
        "2025-02-14 quote",
        "2025-02-14? development",
        "2025-02-24~ development",
        "2025-03 answer",
      ])
    #expect(entries[5].what == "Proposal draft: tabled by United States")
    #expect(entries[5].proposal == "draft")
    #expect(entries[5].who == ["United States"])
    #expect(
      entries[6].what
        == "Ukraine sets as a precondition guarantees in exchange for minerals access")
    #expect(entries[7].what == "Volodymyr Zelenskyy: “Still talking.”")
    #expect(entries[10].what == "United States accepts condition #1: guarantees")
    #expect(entries[10].condition == 1)

    // --from and --to take facts by their first day.
    let february = try store.timeline(
      negotiation: minerals, from: try day("2025-02-01"), to: try day("2025-02-28"))
    #expect(february.map(\.date.text).first == "2025-02-01")
    #expect(february.map(\.date.text).last == "2025-02-24~")
    #expect(february.count == 8)
    #expect(
      try store.timeline(negotiation: minerals, to: try day("2025-01-31")).map(\.what) == [
        "the year", "the last of January",
      ])
  }

  @Test func partyStepsNameTheirPartyAndCarryTheirSources() throws {
    let store = try makeMineralsStore()
    try store.addSource(url: "https://example.org/x", slug: "wire")
    try propose(store, "draft", on: "2025-02-10")
    try store.addStep(
      proposal: "draft", .rejected, date: try date("2025-02-12"), party: "Ukraine", note: "not today",
      sources: ["wire"])
    try store.addStep(proposal: "draft", .inForce, date: try date("2025-03-01"), party: "Ukraine")
    let steps = try store.timeline(negotiation: try store.resolveNegotiation("minerals"))
    #expect(
      steps.map(\.what) == [
        "Proposal draft: tabled by United States", "Proposal draft: rejected by Ukraine (not today)",
        "Proposal draft: in force for Ukraine",
      ])
    #expect(steps.map(\.sources) == [[], ["wire"], []])
    #expect(steps[1].step == .rejected)
  }
}
