import Testing

@testable import AccordStore

/// Staleness (`negotiation list --stale DAYS`) and which negotiations are live, as of a day.
@Suite struct StalenessTests {
  @Test func aNegotiationIsStaleWhenNothingWasRecordedForThatManyDays() throws {
    let store = try makeMineralsStore()
    try store.addNegotiation(
      NewNegotiation(title: "Quiet talks", slug: "quiet", participants: [("Ukraine", .party)]))
    try store.log(negotiation: "minerals", text: "met", date: try date("2025-02-15"))
    try store.log(negotiation: "minerals", text: "later", date: try date("2025-04-01"))

    func stale(_ days: Int, _ asOf: String) throws -> [String] {
      let day = try day(asOf)
      return try store.negotiations(asOf: day).filter { $0.isStale(days: days, asOf: day) }.map(\.slug)
    }
    // As of 20 February the latest fact is of the 15th: five quiet days (April's is not yet).
    #expect(try stale(5, "2025-02-20") == ["quiet", "minerals"])
    #expect(try stale(6, "2025-02-20") == ["quiet"])
    #expect(try stale(0, "2025-02-15") == ["quiet", "minerals"])
    #expect(try stale(30, "2025-04-02") == ["quiet"])
    let minerals = try #require(
      try store.negotiations(asOf: try day("2025-02-20")).first { $0.slug == "minerals" })
    #expect(minerals.daysQuiet(asOf: try day("2025-02-20")) == 5)
    #expect(
      try store.lastActivity(negotiation: minerals.id, asOf: try day("2025-02-20")) == (try day("2025-02-15"))
    )
    #expect(try store.lastActivity(negotiation: minerals.id, asOf: try day("2025-02-14")) == nil)
  }

  @Test func liveNegotiationsHaveBegunAndAreNotClosed() throws {
    let store = try makeMineralsStore()
    for (slug, title) in [("closed", "Closed talks"), ("empty", "Empty talks"), ("talk", "Talk only")] {
      try store.addNegotiation(NewNegotiation(title: title, slug: slug, participants: [("Ukraine", .party)]))
    }
    try propose(store, "open-draft", on: "2025-02-01")
    try store.addProposal(
      NewProposal(
        negotiation: "closed", title: "Dead draft", by: "Ukraine", date: try date("2025-01-01"), slug: "dead")
    )
    try store.addStep(proposal: "dead", .withdrawn, date: try date("2025-03-01"))
    try store.log(negotiation: "talk", text: "talking", date: try date("2025-02-10"))

    func live(_ asOf: String) throws -> [String] {
      try store.liveNegotiations(asOf: try day(asOf)).map { id in
        try #require(
          try store.connection.first("SELECT slug FROM negotiation WHERE id = ?", [.integer(id)]) {
            $0.text(0)
          })
      }
    }
    #expect(try live("2025-01-15") == ["closed"])
    #expect(try live("2025-02-20") == ["closed", "talk", "minerals"])
    #expect(try live("2025-03-01") == ["talk", "minerals"])
  }
}
