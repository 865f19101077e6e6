import Testing

@testable import AccordStore

/// The views of the migration (`proposal_status`, `unsigned_deal`, `condition_status`) answer as of
/// date('now') for sqlite3 users; they must agree with the store's own queries as of today.
///
/// These stores use the real today, and every date is either years in the past or far in the
/// future, so that neither the clock nor the time zone can change the answers.
@Suite struct StatusViewTests {
  @Test func theProposalStatusViewAgreesWithDealsAsOfToday() throws {
    let store = try makeMineralsStore(today: Day.today())
    try propose(store, "plain", on: "2020-01-10")
    try propose(store, "rejected", on: "2020-02")
    try step(store, "rejected", .rejected, on: "2020-03-01")
    try propose(store, "party-signed", on: "2021")
    try step(store, "party-signed", .signed, on: "2021-06-01", party: "Ukraine")
    try step(store, "party-signed", .rejected, on: "2021-06-02", party: "United States")
    try propose(store, "revived", on: "2022-01-01")
    try step(store, "revived", .rejected, on: "2022-02-01")
    try step(store, "revived", .tabled, on: "2022-03-01~")
    try propose(store, "same-day", on: "2023-01-10")
    try step(store, "same-day", .rejected, on: "2023-01-10")
    try step(store, "same-day", .tabled, on: "2023-01-10")
    try propose(store, "same-day-closed", on: "2023-01-10")
    try step(store, "same-day-closed", .withdrawn, on: "2023-01-10")
    try propose(store, "future-signing", on: "2023-06-01")
    try step(store, "future-signing", .signed, on: "2999-01-01")
    try step(store, "future-signing", .lapsed, on: "2999")
    try propose(store, "not-yet", on: "2999-12-31")
    try propose(store, "countered", on: "2024-01-01")
    try propose(store, "counter", on: "2024-02-01", by: "Ukraine", counters: "countered")
    try propose(store, "superseding", on: "2024-03-01", supersedes: "counter")
    try propose(store, "in-force", on: "2024-04")
    try step(store, "in-force", .inForce, on: "2024-05-01")
    try propose(store, "adopted", on: "2019-01-01")
    try step(store, "adopted", .adopted, on: "2019-02-01")
    try propose(store, "suspended", on: "2018-01-01")
    try step(store, "suspended", .inForce, on: "2018-02-01")
    try step(store, "suspended", .suspended, on: "2018-03-01")
    try propose(store, "resumed", on: "2018-01-01")
    try step(store, "resumed", .inForce, on: "2018-02-01")
    try step(store, "resumed", .suspended, on: "2018-03-01")
    try step(store, "resumed", .resumed, on: "2018-04")
    try propose(store, "party-in-force", on: "2017-01-01")
    try step(store, "party-in-force", .ratified, on: "2017-02-01", party: "Ukraine")
    try step(store, "party-in-force", .inForce, on: "2017-03-01", party: "Ukraine")
    try propose(store, "expired", on: "2016")
    try step(store, "expired", .expired, on: "2016-05-01")
    try store.addStep(
      NewStep(proposal: "expired", .milestone, date: try date("2016-06-01"), label: "Review"))

    let fromView = try store.connection.all(
      "SELECT slug, status, status_date, signed, live FROM proposal_status ORDER BY slug"
    ) { "\($0.text(0)) \($0.text(1)) \($0.text(2)) signed=\($0.bool(3)) live=\($0.bool(4))" }
    let fromDeals = try store.deals(asOf: store.today).sorted { $0.slug < $1.slug }.map {
      "\($0.slug) \($0.status.rawValue) \($0.statusDate.text) signed=\($0.signed) live=\($0.live)"
    }
    #expect(fromView == fromDeals)
    #expect(fromView.count == 16)
    // Spot checks, so that agreeing on a wrong answer does not pass.
    #expect(fromDeals.contains("rejected rejected 2020-03-01 signed=false live=false"))
    #expect(fromDeals.contains("party-signed signed 2021-06-01 signed=true live=true"))
    #expect(fromDeals.contains("same-day drafted 2023-01-10 signed=false live=true"))
    #expect(fromDeals.contains("future-signing drafted 2023-06-01 signed=false live=true"))
    #expect(fromDeals.contains("countered countered 2024-02-01 signed=false live=false"))
    #expect(fromDeals.contains("in-force in_force 2024-05-01 signed=true live=true"))
    #expect(fromDeals.contains("counter superseded 2024-03-01 signed=false live=false"))
    #expect(fromDeals.contains("adopted adopted 2019-02-01 signed=false live=true"))
    #expect(fromDeals.contains("suspended suspended 2018-03-01 signed=true live=true"))
    #expect(fromDeals.contains("resumed in_force 2018-02-01 signed=true live=true"))
    #expect(fromDeals.contains("party-in-force in_force 2017-03-01 signed=true live=true"))
    #expect(fromDeals.contains("expired expired 2016-05-01 signed=false live=false"))

    let unsignedView = try store.connection.all("SELECT slug FROM unsigned_deal ORDER BY slug") {
      $0.text(0)
    }
    let unsignedDeals = try store.deals(.unsigned, asOf: store.today).map(\.slug).sorted()
    #expect(unsignedView == unsignedDeals)
    let dormantView = try store.connection.all("SELECT slug, last_active FROM dormant_draft ORDER BY slug") {
      "\($0.text(0)) \($0.text(1))"
    }
    let dormantDeals = try store.deals(.dormant, asOf: store.today).map {
      "\($0.slug) \($0.lastActive ?? "")"
    }
    .sorted()
    #expect(dormantView == dormantDeals)
    // Every live draft is one or the other; those quiet for a year are dormant.
    #expect(
      (unsignedDeals + dormantDeals.map { String($0.prefix { $0 != " " }) }).sorted() == [
        "future-signing", "plain", "revived", "same-day", "superseding",
      ])
    for line in dormantDeals {
      let day = try #require(Day(iso: String(line.suffix(10))))
      #expect(day.days(to: store.today) >= Dormancy.defaultDays)
    }
  }

  @Test func theConditionStatusViewAgreesAsOfToday() throws {
    let store = try makeMineralsStore(today: Day.today())
    let guarantees = "US security guarantees for Ukraine"
    let minerals = "US access to Ukraine's minerals"
    let open = try store.addCondition(
      NewCondition(
        negotiation: "minerals", by: "Ukraine", stance: .precondition, term: guarantees,
        inExchangeFor: [minerals], date: try date("2021-02-15")))
    let accepted = try store.addCondition(
      NewCondition(
        negotiation: "minerals", by: "United States", stance: .demands, term: "Repayment",
        date: try date("2021")))
    try store.updateCondition(String(accepted), .accepted, date: try date("2022-01-01"))
    try store.updateCondition(String(open), .rejected, date: try date("2022-01-01"))
    try store.updateCondition(String(open), .dropped, date: try date("2999-01-01"))
    let fromView = try store.connection.all(
      """
      SELECT condition_id, held_by, term, coalesce(in_exchange_for, ''), coalesce(answers, '')
      FROM condition_status ORDER BY condition_id
      """
    ) { "\($0.integer(0)) \($0.text(1)) \($0.text(2)) [\($0.text(3))] \($0.text(4))" }
    // The view lists each answerer's latest answer; the store says the same of each condition.
    let conditions = try store.conditions(asOf: store.today).sorted { $0.id < $1.id }
    let fromStore = conditions.map {
      let answers = $0.answers.map { "\($0.outcome.rawValue)\($0.by.map { " by \($0)" } ?? "") \($0.date)" }
      return "\($0.id) \($0.heldBy) \($0.term) [\($0.inExchangeFor.joined(separator: "; "))] "
        + answers.joined(separator: "; ")
    }
    #expect(fromView == fromStore)
    #expect(
      fromStore == [
        "\(open) Ukraine \(guarantees) [\(minerals)] rejected by United States 2022-01-01",
        "\(accepted) United States Repayment [] accepted by Ukraine 2022-01-01",
      ])
    #expect(conditions.map(\.state) == ["rejected", "accepted"])
  }
}
