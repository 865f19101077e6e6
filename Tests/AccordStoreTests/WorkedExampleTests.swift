import AccordPostgres
import AccordPresentation
import AccordSamples
import AccordTestEngine
import Testing

@testable import AccordStore

/// The worked example (February 2025, the US–Ukraine minerals talks) loaded through the store API,
/// and the answers an analyst expects from it.
@Suite struct WorkedExampleTests {
  func loadedStore() throws -> AccordStore {
    let store = try makeStore(today: WorkedExample.asOf)
    try WorkedExample.load(into: store)
    return store
  }

  func detail(_ store: AccordStore) throws -> NegotiationDetail {
    try store.negotiation(
      try store.resolveNegotiation(WorkedExample.negotiation), asOf: WorkedExample.asOf)
  }

  /// On a team's server, what a negotiation's page and its timeline read that waits on no other
  /// answer is sent at once (libpq's pipeline mode), and each statement sent ahead is asked for
  /// after: one the read then wrote otherwise would cost the server its work and a round trip
  /// twice. The answers are those of the statements one by one (the other tests, on both engines).
  @Test func aNegotiationsReadsGoToATeamsServerAtOnce() throws {
    let store = try loadedStore()
    let id = try store.resolveNegotiation(WorkedExample.negotiation)
    let server = (store.connection as? PostgresDatabase)?.server
    let before = (used: server?.prefetchesUsed ?? 0, unused: server?.prefetchesUnused ?? 0)
    let detail = try detail(store)
    let timeline = try store.timeline(negotiation: id)
    #expect(detail.proposals.map(\.slug) == ["us-resources-proposal"])
    #expect(timeline.count > 10)
    guard let server else { return }
    // The page's fourteen statements and the timeline's seven, every one asked for.
    #expect(server.prefetchesUsed - before.used == 14 + 7)
    #expect(server.prefetchesUnused - before.unused == 0)

    // A report sends its page's and its deadlines' at once (two more; its matrix is made from what
    // its page read), then, when something happened in its week, the week's timeline's (but
    // links: no proposal here has one).
    var used = server.prefetchesUsed
    let report = try store.report(negotiations: [id], options: ReportOptions(asOf: WorkedExample.asOf))
    #expect(report.negotiations.map(\.slug) == [WorkedExample.negotiation])
    #expect(!report.changes.isEmpty)
    #expect(server.prefetchesUsed - used == 14 + 2 + 6)
    used = server.prefetchesUsed
    let quiet = try store.report(negotiations: [id], options: ReportOptions(asOf: try day("2025-06-01")))
    #expect(quiet.changes.isEmpty)
    #expect(server.prefetchesUsed - used == 14 + 2)
    #expect(server.prefetchesUnused - before.unused == 0)
  }

  /// A report reads of its period's timeline only what its page does not show to be empty: when
  /// the negotiation's last activity is before the period, the period's timeline is its links
  /// alone (a link is dated by the later of two proposals' first steps, the other's in another
  /// negotiation perhaps); when none of its proposals has a link as of the period's end, it has no
  /// link. Every week of the talks and after, on both negotiations, with a retracted development
  /// and a link made from the other negotiation.
  @Test func aPeriodsTimelineLeavesOutOnlyWhatThePageShowsEmpty() throws {
    let store = try loadedStore()
    let minerals = try store.resolveNegotiation(WorkedExample.negotiation)
    try store.addNegotiation(
      NewNegotiation(title: "Reconstruction fund", slug: "fund", participants: [("Ukraine", .party)]))
    try store.addProposal(
      NewProposal(
        negotiation: "fund", title: "Fund charter", by: "Ukraine", date: try date("2025-03-12"),
        slug: "charter"))
    try store.linkProposal("charter", .implements, "us-resources-proposal")
    let late = try store.log(negotiation: "fund", text: "withdrawn", date: try date("2025-04-02"))
    try store.retract(.development, String(late), reason: "never happened")
    let fund = try store.resolveNegotiation("fund")

    var (quiet, quietWithLinks, active, linked, unlinked) = (0, 0, 0, 0, 0)
    var since = try day("2025-01-01")
    while since < (try day("2025-05-01")) {
      let to = since.adding(days: 6) ?? since
      for id in [minerals, fund] {
        let whole = try store.timeline(negotiation: id, from: since, to: to)
        if try store.negotiation(id, asOf: to).proposals.contains(where: { !$0.links.isEmpty }) {
          linked += 1
        } else {
          unlinked += 1
          #expect(try store.timeline(negotiation: id, from: since, to: to, links: false) == whole)
        }
        guard try store.lastActivity(negotiation: id, asOf: to).map({ $0 < since }) ?? true else {
          active += 1
          continue
        }
        quiet += 1
        if whole.contains(where: { $0.kind == .link }) { quietWithLinks += 1 }
        #expect(try store.timeline(negotiation: id, from: since, to: to, facts: false) == whole)
      }
      since = since.adding(days: 3) ?? to
    }
    #expect(quiet > 10 && quietWithLinks > 0 && active > 2 && linked > 10 && unlinked > 10)
  }

  @Test func theOnlyUnsignedDealIsTheUSProposal() throws {
    let store = try loadedStore()
    let deals = try store.deals(.unsigned, asOf: WorkedExample.asOf)
    #expect(deals.map(\.slug) == ["us-resources-proposal"])
    let deal = try #require(deals.first)
    #expect(deal.title == "US proposal for access to Ukraine's natural resources")
    #expect(deal.live)
    #expect(!deal.signed)
    #expect(deal.status == .drafted)
    #expect(deal.value == "500 billion USD")
    #expect(deal.tabledBy == "United States")
    #expect(deal.negotiation == WorkedExample.negotiation)
    #expect(Set(deal.parties) == ["Ukraine", "United States"])
    #expect(deal.openSince.text == "2025-02")
    #expect(deal.daysOpen == 19)
    // Ukraine rejected it for now: its own step, which leaves the proposal live.
    #expect(deal.latestStep.step == .rejected)
    #expect(deal.latestStep.party == "Ukraine")
    #expect(deal.latestStep.date.text == "2025-02-15~")
    // All deals, not only unsigned ones: the same single proposal.
    #expect(try store.deals(asOf: WorkedExample.asOf).map(\.slug) == ["us-resources-proposal"])
  }

  @Test func theProposalCarriesItsValueAndStepsWithSources() throws {
    let store = try loadedStore()
    let detail = try detail(store)
    #expect(detail.status.state == .negotiating)
    #expect(
      Phrase.reason(detail.status)
        == "US proposal for access to Ukraine's natural resources rejected by Ukraine 2025-02-15~")
    let proposal = try #require(detail.proposals.first)
    #expect(detail.proposals.count == 1)
    #expect(proposal.valueAmount == 500_000_000_000)
    #expect(proposal.valueCurrency == "USD")
    #expect(proposal.parties.map { "\($0.party) \($0.state.words)" } == ["Ukraine rejected"])
    #expect(proposal.steps.map(\.step) == [.tabled, .rejected])
    #expect(proposal.steps.last?.sources == ["epoch-times"])
    #expect(
      proposal.steps.last?.note
        == "rejected for now: not in Ukraine's interest today; talks continue")
    #expect(proposal.sources == ["epoch-times"])
  }

  @Test func ukrainesPreconditionIsOpenInExchangeForMineralAccess() throws {
    let store = try loadedStore()
    let conditions = try store.conditions(asOf: WorkedExample.asOf)
    let precondition = try #require(
      conditions.first { $0.term == "US security guarantees for Ukraine" })
    #expect(precondition.heldBy == "Ukraine")
    #expect(precondition.stance == .precondition)
    #expect(precondition.state == "open")
    #expect(precondition.isOpen)
    #expect(
      precondition.inExchangeFor == [
        "US access to Ukraine's rare-earth minerals and other resources"
      ])
    #expect(precondition.since.text == "2025-02-15~")
    #expect(precondition.sources == ["epoch-times"])
    let redLine = try #require(conditions.first { $0.stance == .redLine })
    #expect(redLine.heldBy == "United States")
    #expect(redLine.term == "NATO Article Five cover for peacekeepers in Ukraine")
    #expect(try store.conditions(openOnly: true, asOf: WorkedExample.asOf).count == 2)
  }

  @Test func theMunichMeetingHasZelenskyyAndThreeUSOfficials() throws {
    let store = try loadedStore()
    let meetings = try detail(store).meetings
    #expect(meetings.count == 1)
    let munich = try #require(meetings.first)
    #expect(munich.place == "Munich Security Conference, Germany")
    #expect(munich.date.text == "2025-02-14~")
    #expect(munich.sources == ["epoch-times"])
    #expect(
      Set(munich.participants) == [
        "Volodymyr Zelenskyy", "Scott Bessent", "JD Vance", "Marco Rubio",
      ])
    #expect(munich.participants.count == 4)
    // The three officials are Americans: each is affiliated with the United States.
    for official in ["bessent", "vance", "rubio"] {
      let actor = try store.actor(try store.resolveActor(official))
      #expect(actor.affiliations.map(\.organization) == ["United States"], "\(official)")
    }
    #expect(
      try store.actor(try store.resolveActor("Hegseth")).affiliations.first?.role
        == "Secretary of Defense")
  }

  @Test func quotesAreStoredVerbatimWithTheirSources() throws {
    let store = try loadedStore()
    let quotes = try detail(store).quotes
    #expect(quotes.count == 5)
    let talking = try #require(quotes.first { $0.text == "We’re still talking." })
    // U+2019, the typographic apostrophe, kept byte for byte.
    #expect(Array(talking.text.utf8) == Array("We\u{2019}re still talking.".utf8))
    #expect(!quotes.contains { $0.text == "We're still talking." })
    #expect(talking.speaker == "Volodymyr Zelenskyy")
    #expect(talking.sources == ["amanpour-interview"])
    #expect(talking.language == "en")
    #expect(talking.date.text == "2025-02-15~")
    #expect(talking.context?.hasPrefix("interview with Christiane Amanpour") == true)
    let stored = try store.connection.all(
      "SELECT text FROM statement WHERE text = ?", [.text("We\u{2019}re still talking.")]
    ) { $0.text(0) }
    #expect(stored.count == 1)
    let source = try #require(try store.sources().first { $0.slug == "amanpour-interview" })
    #expect(source.url == nil)
    #expect(source.title == "Christiane Amanpour's interview with Volodymyr Zelenskyy, Munich")
    #expect(source.published?.text == "2025-02-15~")
  }

  @Test func actorsAreFoundUnderEveryName() throws {
    let store = try loadedStore()
    let zelenskyy = try store.resolveActor("zelenskyy")
    for name in [
      "Zelensky", "Zelenskyy", "зеленський", "Володимир Зеленський", "volodymyr zelensky",
    ] {
      #expect(try store.resolveActor(name) == zelenskyy, "\(name)")
    }
    #expect(try store.resolveActor("НАТО") == (try store.resolveActor("NATO")))
    #expect(try store.resolveActor("U.S.") == (try store.resolveActor("USA")))
    #expect(try store.actors(kind: .state).map(\.name) == ["Ukraine", "United States"])
    #expect(try store.actors(kind: .person).count == 6)
  }

  @Test(.fileOnly) func theDatabaseIsConsistent() throws {
    let store = try loadedStore()
    #expect(try store.connection.all("PRAGMA integrity_check") { $0.text(0) } == ["ok"])
    #expect(try store.connection.all("PRAGMA foreign_key_check") { $0.text(0) }.isEmpty)
    #expect(try count("actor", in: store) == 9)
    #expect(try count("statement", in: store) == 5)
    #expect(try count("development", in: store) == 1)
    #expect(try detail(store).developments.first?.actors == ["United States"])
  }

  @Test func loadingTwiceIsRefusedAndWritesNothing() throws {
    let store = try loadedStore()
    let before = try rowCounts(store)
    let error = #expect(throws: StoreError.self) { try WorkedExample.load(into: store) }
    #expect(error == .conflict("the code UKR belongs to Ukraine already"))
    #expect(try rowCounts(store) == before)
  }

  @Test func beforeTheConferenceLittleWasOnRecord() throws {
    let store = try loadedStore()
    let early = try store.negotiation(
      try store.resolveNegotiation(WorkedExample.negotiation), asOf: try day("2025-02-13"))
    #expect(early.meetings.isEmpty)
    #expect(early.quotes.map(\.speaker) == ["Pete Hegseth"])
    #expect(early.conditions.map(\.stance) == [.redLine])
    // The proposal, dated only to February, may or may not have been tabled by the 13th: it is
    // shown as possible, and not counted.
    #expect(early.proposals.map(\.status) == [nil])
    #expect(early.proposals.first?.possibly.map(\.step) == [.tabled])
    #expect(try store.deals(asOf: try day("2025-02-13")).isEmpty)
    #expect(try store.deals(asOf: try day("2025-01-31")).isEmpty)
  }
}
