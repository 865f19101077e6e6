import Testing

@testable import AccordStore

/// Nothing happens to a proposal before it existed: a step, a counter-proposal or a replacement
/// dated before its first step is refused, and nothing is written.
@Suite struct ChronologyTests {
  @Test func aStepBeforeTheProposalIsRefused() throws {
    let store = try makeMineralsStore()
    try propose(store, "draft", on: "2025-02")
    let before = try rowCounts(store)
    let refused = #expect(throws: StoreError.self) {
      try store.addStep(proposal: "draft", .signed, date: try date("2024-01-01"))
    }
    #expect(refused?.isUsageError == true)
    #expect(
      refused?.description
        == "draft was first recorded on 2025-02; nothing can happen to it before that (2024-01-01)")
    #expect(try rowCounts(store) == before)
  }

  @Test func aCounterBeforeTheProposalIsRefused() throws {
    let store = try makeMineralsStore()
    try propose(store, "draft", on: "2025-02")
    let before = try rowCounts(store)
    #expect(throws: StoreError.self) {
      try propose(store, "early", on: "2024-01-01", counters: "draft")
    }
    #expect(throws: StoreError.self) {
      try propose(store, "early", on: "2024-01-01", supersedes: "draft")
    }
    #expect(try rowCounts(store) == before)
    // The same day is fine: a counter the day the draft was tabled.
    try propose(store, "same-day", on: "2025-02-01", counters: "draft")
  }
}
