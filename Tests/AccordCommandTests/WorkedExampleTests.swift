import Foundation
import Testing

/// The worked example entered through the command line, then the questions an analyst asks of it,
/// answered through `--format json`.
@Suite struct WorkedExampleTests {
  let sandbox: Sandbox

  init() throws {
    sandbox = try Sandbox()
    try ArticleScript.enter(in: sandbox)
  }

  @Test func theProposalIsAnUnsignedLiveDeal() throws {
    let deals = try #require(try sandbox.json("deals", "--unsigned") as? [[String: Any]])
    try #require(deals.count == 1, "\(deals)")
    let deal = deals[0]
    #expect(deal.string("slug") == ArticleScript.proposal)
    #expect(deal.string("title") == "US minerals proposal")
    #expect(deal.string("negotiation") == ArticleScript.negotiation)
    #expect(deal.bool("signed") == false)
    #expect(deal.bool("live") == true)
    #expect(deal.string("value") == "500 billion USD")
    #expect(deal.string("tabled_by") == "United States")
    #expect(Set(deal.strings("parties")) == ["Ukraine", "United States"])
    // Ukraine's rejection is its own step: the proposal stays a live draft for the whole negotiation.
    #expect(deal.string("status") == "drafted")
    let latest = try #require(deal.object("latest_step"))
    #expect(latest.string("step") == "rejected")
    #expect(latest.string("party") == "Ukraine")
    #expect(deal.int("days_open") == 15)  // 2025-02-14 to ACCORD_TODAY 2025-03-01
  }

  @Test func asOfTheDayBeforeTheProposalThereIsNoDeal() throws {
    let before = try #require(
      try sandbox.json("deals", "--unsigned", "--as-of", "2025-02-13") as? [Any])
    #expect(before.isEmpty)
    let onTheDay = try #require(
      try sandbox.json("deals", "--unsigned", "--as-of", ArticleScript.proposalDate) as? [Any])
    #expect(onTheDay.count == 1)
  }

  @Test func ukrainesPreconditionIsOpenAndLinkedToMineralAccess() throws {
    let open = try #require(try sandbox.json("condition", "list", "--open") as? [[String: Any]])
    try #require(open.count == 1, "\(open)")
    let condition = open[0]
    #expect(condition.string("held_by") == "Ukraine")
    #expect(condition.string("stance") == "precondition")
    #expect(condition.string("term") == ArticleScript.precondition)
    #expect(condition.strings("in_exchange_for") == [ArticleScript.mineralAccess])
    #expect(condition.string("state") == "open")
    #expect(condition.strings("sources") == ["epoch-times"])
  }

  @Test func theNegotiationShowsTheMunichMeetingTheValueAndTheQuotes() throws {
    let detail = try #require(
      try sandbox.json("negotiation", "show", ArticleScript.negotiation) as? [String: Any])
    // Nothing recorded since 2025-02-15~, 14 days before ACCORD_TODAY: negotiating still.
    #expect(detail.object("status")?.string("state") == "negotiating")
    #expect(detail.object("status")?.string("step") == "rejected")
    #expect(detail.string("as_of") == Sandbox.today)

    let meetings = detail.objects("meetings")
    try #require(meetings.count == 1, "\(meetings)")
    let meeting = meetings[0]
    #expect(meeting.string("place") == "Munich Security Conference")
    #expect(
      Set(meeting.strings("participants"))
        == Set(["Volodymyr Zelenskyy"] + ArticleScript.usOfficials))
    #expect(meeting.object("date")?.string("edtf") == "2025-02-14~")
    #expect(!meeting.strings("sources").isEmpty)

    let proposals = detail.objects("proposals")
    try #require(proposals.count == 1, "\(proposals)")
    let proposal = proposals[0]
    #expect(proposal.string("value") == "500 billion USD")
    #expect(proposal.int("value_amount") == 500_000_000_000)
    #expect(proposal.string("value_currency") == "USD")
    #expect(proposal.bool("live") == true)
    #expect(proposal.bool("signed") == false)
    #expect(
      proposal.objects("parties").map { "\($0.string("party") ?? "") \($0.string("state") ?? "")" } == [
        "Ukraine rejected"
      ])
    #expect(!proposal.strings("sources").isEmpty)
    let steps = proposal.objects("steps")
    #expect(steps.map { $0.string("step") } == ["tabled", "rejected"])
    let rejection = try #require(steps.last)
    #expect(rejection.strings("sources") == ["epoch-times"])

    let quotes = detail.objects("quotes")
    let texts = quotes.compactMap { $0.string("text") }
    #expect(texts.contains(ArticleScript.stillTalking))
    #expect(texts.contains(ArticleScript.notInOurInterest))
    #expect(texts.contains(ArticleScript.securityAndInvestment))
    for quote in quotes {
      #expect(quote.string("speaker") == "Volodymyr Zelenskyy")
      #expect(!quote.strings("sources").isEmpty, "\(quote)")
    }
    let stillTalking = quotes.first { $0.string("text") == ArticleScript.stillTalking }
    #expect(stillTalking?.strings("sources") == ["amanpour-interview"])

    let conditions = detail.objects("conditions")
    #expect(conditions.map { $0.string("term") } == [ArticleScript.precondition])
    #expect(conditions.allSatisfy { !$0.strings("sources").isEmpty })
    let developments = detail.objects("developments")
    #expect(developments.count == 1)
    #expect(developments.allSatisfy { !$0.strings("sources").isEmpty })
  }

  @Test func theTableViewTellsTheSameStory() throws {
    let text = try sandbox.output("negotiation", "show", ArticleScript.negotiation)
    #expect(text.contains("US–Ukraine minerals deal (us-ukraine-minerals)"))
    #expect(text.contains("drafted 2025-02-14, unsigned, open 15 days; Ukraine rejected"))
    #expect(text.contains("value 500 billion USD"))
    #expect(
      text.contains(
        "“\(ArticleScript.stillTalking)” (interview with Christiane Amanpour) [amanpour-interview]")
    )
    #expect(text.contains("Volodymyr Zelenskyy, Scott Bessent, JD Vance, Marco Rubio"))
  }

  @Test func actorShowFindsZelenskyyByAnyAliasInAnyCase() throws {
    for name in ["зеленський", "ЗЕЛЕНСЬКИЙ", "Зеленський", "zelensky", "  Volodymyr   Zelenskyy "] {
      let detail = try #require(try sandbox.json("actor", "show", name) as? [String: Any])
      let actor = try #require(detail.object("actor"))
      #expect(actor.string("name") == "Volodymyr Zelenskyy", "\(name)")
      #expect(actor.string("kind") == "person")
      #expect(actor.strings("aliases").contains("Зеленський"))
      let affiliations = detail.objects("affiliations")
      #expect(affiliations.map { $0.string("organization") } == ["Ukraine"])
      #expect(affiliations.first?.string("role") == "President")
      #expect(affiliations.first?.string("since") == "2019-05-20")
    }
  }

  @Test func theUSOfficialsAreMembersOfTheUnitedStates() throws {
    let detail = try #require(try sandbox.json("actor", "show", "US") as? [String: Any])
    let members = detail.objects("members")
    #expect(
      Set(members.compactMap { $0.string("person") })
        == Set(ArticleScript.usOfficials + ["Pete Hegseth"]))
    #expect(
      members.first { $0.string("person") == "Pete Hegseth" }?.string("role")
        == "Secretary of Defense")
    #expect(
      detail.objects("negotiations").map { $0.string("negotiation") } == [ArticleScript.negotiation]
    )
  }
}
