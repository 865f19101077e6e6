import Testing

@testable import AccordStore

/// The timeline, search, staleness and report queries use indexes too (see QueryPlanTests).
@Suite struct ReportQueryPlanTests {
  @Test func timelineSearchAndReportReadsUseIndexes() throws {
    let store = try QueryPlanTests.populatedStore()
    let day = Day(year: 2020, month: 6, day: 30)!
    try QueryPlanTests.check("timeline", store) { _ = try store.timeline(negotiation: 42) }
    try QueryPlanTests.check("timeline --from --to", store) {
      _ = try store.timeline(negotiation: 42, from: Day(year: 2019, month: 1, day: 1), to: day)
    }
    try QueryPlanTests.check("search", store) { _ = try store.search("geneva") }
    try QueryPlanTests.check("search with every filter", store) {
      _ = try store.search(
        "delegates",
        filter: SearchFilter(
          negotiation: 42, actor: try store.actorScope(3), from: Day(year: 2019, month: 1, day: 1), to: day))
    }
    try QueryPlanTests.check("last activity", store) {
      _ = try store.lastActivity(negotiation: 42, asOf: day)
    }
    try QueryPlanTests.check("report on named negotiations", store) {
      _ = try store.report(negotiations: [42, 43], options: ReportOptions(asOf: day))
    }
    try QueryPlanTests.check("live negotiations", store, reading: ["proposal_step"]) {
      _ = try store.liveNegotiations(asOf: day)
    }
  }
}
