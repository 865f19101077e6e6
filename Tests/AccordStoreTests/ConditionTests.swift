import Testing

@testable import AccordStore

/// Conditions: positions that demand, offer, set a precondition or draw a red line, and the later
/// positions that answer them, never overwriting one another.
@Suite struct ConditionTests {
  static let guarantees = "US security guarantees for Ukraine"
  static let minerals = "US access to Ukraine's minerals"

  /// Ukraine sets security guarantees as a precondition, in exchange for mineral access, on 15 February.
  @discardableResult
  func addPrecondition(
    _ store: AccordStore, by actor: String = "Ukraine", on day: String = "2025-02-15"
  )
    throws -> Int64
  {
    try store.addCondition(
      NewCondition(
        negotiation: "minerals", by: actor, stance: .precondition, term: Self.guarantees,
        inExchangeFor: [Self.minerals], date: try date(day), note: "stated in Munich"))
  }

  func condition(_ store: AccordStore, _ id: Int64, asOf day: String? = nil, openOnly: Bool = false)
    throws
    -> Condition?
  {
    try store.conditions(openOnly: openOnly, asOf: try day.map { try AccordStoreTests.day($0) })
      .first { $0.id == id }
  }

  @Test func addingAConditionRecordsTermLinkAndPositionTogether() throws {
    let store = try makeMineralsStore()
    let id = try addPrecondition(store)
    #expect(
      try store.connection.all("SELECT text, text_key FROM term ORDER BY id") {
        "\($0.text(0))|\($0.text(1))"
      } == [
        "\(Self.guarantees)|\(Names.key(Self.guarantees))",
        "\(Self.minerals)|\(Names.key(Self.minerals))",
      ])
    let position = try #require(
      try store.connection.first(
        """
        SELECT a.name, p.stance, t.text, p.revises_id IS NULL, p.date, p.date_first, p.date_last, p.note
        FROM position p JOIN actor a ON a.id = p.actor_id JOIN term t ON t.id = p.term_id WHERE p.id = ?
        """, [.integer(id)]
      ) {
        "\($0.text(0))|\($0.text(1))|\($0.text(2))|\($0.bool(3))|\($0.text(4))|\($0.text(5))|\($0.text(6))|\($0.text(7))"
      })
    #expect(
      position
        == "Ukraine|precondition|\(Self.guarantees)|true|2025-02-15|2025-02-15|2025-02-15|stated in Munich"
    )
    let link = try store.connection.all(
      """
      SELECT t.text, l.link, o.text, l.position_id FROM term_link l
      JOIN term t ON t.id = l.term_id JOIN term o ON o.id = l.other_term_id
      """
    ) { "\($0.text(0))|\($0.text(1))|\($0.text(2))|\($0.integer(3))" }
    #expect(link == ["\(Self.guarantees)|in_exchange_for|\(Self.minerals)|\(id)"])

    let shown = try #require(try condition(store, id))
    #expect(shown.heldBy == "Ukraine")
    #expect(shown.stance == .precondition)
    #expect(shown.term == Self.guarantees)
    #expect(shown.inExchangeFor == [Self.minerals])
    #expect(shown.conditionalOn == [])
    #expect(shown.state == "open")
    #expect(shown.isOpen)
    #expect(shown.stateDate == nil)
    #expect(shown.answeredBy == nil)
    #expect(shown.since.text == "2025-02-15")
  }

  @Test func aTermIsSharedByItsTextInAnyCase() throws {
    let store = try makeMineralsStore()
    try addPrecondition(store)
    try store.addCondition(
      NewCondition(
        negotiation: "minerals", by: "United States", stance: .demands,
        term: "us access to ukraine's MINERALS",
        conditionalOn: ["  us security guarantees for ukraine "], date: try date("2025-02-16")))
    #expect(try count("term", in: store) == 2)
    #expect(try count("term_link", in: store) == 2)
    #expect(try store.conditions().last?.conditionalOn == [Self.guarantees])
  }

  @Test(arguments: [
    ("Hegseth", "minerals", Self.minerals),  // unknown actor
    ("Ukraine", "arctic", Self.minerals),  // unknown negotiation
    // A term linked to itself, found after the first inserts.
    ("Ukraine", "minerals", Self.guarantees),
    ("Ukraine", "minerals", "   "),  // an empty linked term
  ])
  func aFailedConditionWritesNothingAtAll(actor: String, negotiation: String, exchangedFor: String)
    throws
  {
    let store = try makeMineralsStore()
    let counts = { (store: AccordStore) throws -> [Int64] in
      [
        try count("term", in: store), try count("position", in: store),
        try count("term_link", in: store),
      ]
    }
    #expect(try counts(store) == [0, 0, 0])
    let everything = try rowCounts(store)
    #expect(throws: StoreError.self) {
      try store.addCondition(
        NewCondition(
          negotiation: negotiation, by: actor, stance: .demands, term: Self.guarantees,
          inExchangeFor: [exchangedFor], date: try date("2025-02-15")))
    }
    #expect(try counts(store) == [0, 0, 0])
    #expect(try rowCounts(store) == everything)
  }

  @Test func anUpdateAddsAnAnswerAndKeepsTheCondition() throws {
    let store = try makeMineralsStore()
    let id = try addPrecondition(store)
    let answer = try store.updateCondition(
      String(id), .accepted, date: try date("2025-04-30"), note: "in the agreement")
    #expect(answer == 1)
    #expect(
      try store.connection.all("SELECT id, stance, date FROM position ORDER BY id") {
        "\($0.integer(0)) \($0.text(1)) \($0.text(2))"
      } == ["\(id) precondition 2025-02-15"])
    let rows = try store.connection.all(
      "SELECT x.id, x.condition_id, x.outcome, a.name, x.date, x.note FROM answer x JOIN actor a ON a.id = x.actor_id"
    ) { "\($0.integer(0)) \($0.integer(1)) \($0.text(2)) \($0.text(3)) \($0.text(4)) \($0.text(5))" }
    #expect(rows == ["\(answer) \(id) accepted United States 2025-04-30 in the agreement"])
    let shown = try #require(try condition(store, id))
    #expect(shown.state == "accepted")
    #expect(shown.stateDate?.text == "2025-04-30")
    #expect(shown.answeredBy == "United States")
    #expect(!shown.isOpen)
    // The condition as it stood before the answer is still there to be seen.
    #expect(try condition(store, id, asOf: "2025-04-29")?.state == "open")
    #expect(try condition(store, id, asOf: "2025-02-14") == nil)
  }

  @Test(
    arguments: [
      (ConditionOutcome.accepted, "accepted", false, "United States"),
      (.rejected, "rejected", true, "United States"),
      (.dropped, "dropped", false, "Ukraine"),
      (.met, "met", false, nil),
    ] as [(ConditionOutcome, String, Bool, String?)])
  func eachOutcomeGivesItsState(
    outcome: ConditionOutcome, state: String, open: Bool, answeredBy: String?
  ) throws {
    let store = try makeMineralsStore()
    let id = try addPrecondition(store)
    try store.updateCondition("#\(id)", outcome, date: try date("2025-03"))
    let shown = try #require(try condition(store, id))
    #expect(shown.state == state)
    #expect(shown.isOpen == open)
    #expect(shown.answeredBy == answeredBy)
    #expect((try condition(store, id, openOnly: true) != nil) == open)
    #expect(try store.conditions(openOnly: true).map(\.id) == (open ? [id] : []))
  }

  @Test func theLatestAnswerAsOfADayCounts() throws {
    let store = try makeMineralsStore()
    let id = try addPrecondition(store)
    try store.updateCondition(String(id), .rejected, date: try date("2025-02-20"))
    try store.updateCondition(String(id), .accepted, date: try date("2025-04-30"))
    try store.updateCondition(String(id), .dropped, date: try date("2025-04-30"))
    #expect(try condition(store, id, asOf: "2025-02-19")?.state == "open")
    #expect(try condition(store, id, asOf: "2025-03-01")?.state == "rejected")
    #expect(try condition(store, id, asOf: "2025-03-01", openOnly: true)?.state == "rejected")
    // Two answers of one day: the one recorded last.
    #expect(try condition(store, id, asOf: "2025-05-01")?.state == "dropped")
    #expect(try condition(store, id, asOf: "2025-05-01", openOnly: true) == nil)
    #expect(try count("position", in: store) == 1)
    #expect(try count("answer", in: store) == 3)
  }

  @Test func byDefaultsToTheHolderForDroppedAndTheOtherPartyForAccepted() throws {
    let store = try makeMineralsStore()
    let ukraine = try addPrecondition(store)
    let us = try store.addCondition(
      NewCondition(
        negotiation: "minerals", by: "USA", stance: .redLine, term: "No NATO membership",
        date: try date("2025-02")))
    try store.updateCondition(String(ukraine), .dropped, date: try date("2025-03-01"))
    try store.updateCondition(String(us), .accepted, date: try date("2025-03-01"))
    #expect(try condition(store, ukraine)?.answeredBy == "Ukraine")
    #expect(try condition(store, us)?.answeredBy == "Ukraine")
    // An explicit --by wins; whoever answers must take part in the negotiation.
    let third = try addPrecondition(store, on: "2025-03-05")
    let answered = try date("2025-03-06")
    #expect(
      throws: StoreError.notTakingPart(
        actor: "Marco Rubio", shortID: "marco-rubio", negotiation: "minerals", on: answered)
    ) {
      try store.updateCondition(String(third), .rejected, date: try date("2025-03-06"), by: "Rubio")
    }
    try store.join(negotiation: "minerals", actors: ["Rubio"], as: .mediator, date: try date("2025-03-01"))
    #expect(third == (try store.resolveCondition(String(third))))
    try store.updateCondition(String(third), .rejected, date: try date("2025-03-06"), by: "Rubio")
    #expect(try condition(store, third)?.answeredBy == "Marco Rubio")
  }

  @Test func byCannotBeInferredWithoutExactlyOneOtherParty() throws {
    let store = try makeMineralsStore()
    // The holder is a person, not a party: both states are "other" parties.
    let byPerson = try addPrecondition(store, by: "Zelenskyy")
    // A negotiation of three parties.
    try store.addActor(NewActor(name: "European Union", kind: .organization, slug: "eu"))
    try store.addNegotiation(
      NewNegotiation(
        title: "Reconstruction fund", slug: "fund",
        participants: [
          ("Ukraine", .party), ("United States", .party), ("eu", .party), ("Rubio", .mediator),
        ]))
    let inFund = try store.addCondition(
      NewCondition(
        negotiation: "fund", by: "eu", stance: .offers, term: "Grants", date: try date("2025-03-01")
      ))
    let before = try rowCounts(store)
    for (id, outcome) in [(byPerson, ConditionOutcome.accepted), (inFund, .rejected)] {
      #expect(
        throws: StoreError.mistake(.answerWithoutActor(outcome, condition: id))
      ) {
        try store.updateCondition(String(id), outcome, date: try date("2025-03-10"))
      }
    }
    #expect(try rowCounts(store) == before)
    // With --by, or for outcomes that need no one, it is recorded.
    try store.updateCondition(
      String(inFund), .rejected, date: try date("2025-03-10"), by: "Ukraine")
    try store.updateCondition(String(byPerson), .met, date: try date("2025-03-10"))
    #expect(try count("answer", in: store) == before["answer", default: 0] + 2)
  }

  @Test func anAnswerCannotComeBeforeTheCondition() throws {
    let store = try makeMineralsStore()
    let id = try addPrecondition(store, on: "2025-02-15~")
    let before = try rowCounts(store)
    #expect(
      throws: StoreError.invalid(
        "condition \(id) was stated on 2025-02-15; an answer to it cannot come earlier")
    ) {
      try store.updateCondition(String(id), .accepted, date: try date("2025-02-14"))
    }
    #expect(throws: StoreError.self) {
      try store.updateCondition(String(id), .accepted, date: try date("2025-02"))
    }
    #expect(try rowCounts(store) == before)
    // The same day is fine.
    try store.updateCondition(String(id), .accepted, date: try date("2025-02-15"))
    #expect(try condition(store, id)?.state == "accepted")
  }

  @Test func conditionsFilterByNegotiationAndHolder() throws {
    let store = try makeMineralsStore()
    let ukraine = try addPrecondition(store)
    let us = try store.addCondition(
      NewCondition(
        negotiation: "minerals", by: "United States", stance: .demands, term: "Repayment of aid",
        date: try date("2025-02-10")))
    #expect(try store.conditions().map(\.id) == [us, ukraine])  // by date
    #expect(
      try store.conditions(by: try store.actorScope(try store.resolveActor("UKR"))).map(\.id) == [ukraine])
    #expect(try store.conditions(negotiation: try store.resolveNegotiation("minerals")).count == 2)
    #expect(try store.conditions(negotiation: 999).isEmpty)
  }
}
