import AccordPresentation
import AccordStore
import ArgumentParser

struct ProposalList: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "list",
    abstract: "List proposals, drafts and agreements, with where each stands.",
    discussion: """
      Every proposal, of one negotiation or of all, as 'accord deals' prints them; 'accord deals' \
      chooses among them (--unsigned, --signed, --in-force, --ended, …).
      """
  ).asLeaf

  @Argument(help: "Only this negotiation: short id, title or number.") var negotiation: String?
  @OptionGroup var listing: ListingOptions

  func run() throws {
    let store = try listing.database.openExisting(team: true)
    let deals = try store.deals(
      .all, negotiation: negotiation.map { try store.resolveNegotiation($0) }, asOf: listing.day,
      includeRetracted: listing.includeRetracted)
    try Render(listing.output).records(deals, headers: Deals.headers, rows: deals.map(Deals.row))
  }
}
