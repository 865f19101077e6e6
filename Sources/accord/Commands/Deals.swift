import AccordPresentation
import AccordStore
import ArgumentParser

struct Deals: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "deals",
    abstract: "Proposals and agreements with where each stands; --unsigned for the live drafts.",
    discussion: """
      Where a deal stands follows from its dated steps by the rule in the README (How status is derived). \
      --unsigned lists the live drafts, one for each chain of counter-offers (a countered draft is \
      closed); --all-drafts adds the drafts that were closed, each with what closed it. --signed lists \
      what is concluded (signed, ratified or adopted) and not yet in force; --in-force, what is in force; \
      --ended, what was closed, and when. Days open stop at the step that closed a deal.

      A live draft with no step, and no meeting or development of its negotiation, for a year (or \
      --dormant-after DAYS, or the negotiation's own: negotiation edit --dormant-after) is dormant: \
      --unsigned leaves it out and says how many on standard error; --dormant lists them. \
      --declarations lists documents one side issued alone (a law, a speech, a resolution), in effect \
      from their dates and never awaiting signature.
      """
  ).asLeaf

  @Flag(help: "Only live drafts: drafted or agreed, not signed, adopted or in force.") var unsigned = false
  @Flag(help: "Every draft never concluded, closed ones too, with what closed each.") var allDrafts = false
  @Flag(help: "Only deals signed, ratified or adopted, not yet in force.") var signed = false
  @Flag(help: "Only deals in force.") var inForce = false
  @Flag(help: "Only deals that were closed (rejected, withdrawn, terminated, expired, …).") var ended = false
  @Flag(help: "Only live drafts that are dormant: nothing on them for a year (or --dormant-after).")
  var dormant = false
  @Flag(help: "Only declarations: documents one side issued alone.") var declarations = false
  @Option(
    help: ArgumentHelp(
      "A draft quiet for this many days is dormant, in negotiations that set no number of their own.",
      valueName: "days"))
  var dormantAfter: Int = Dormancy.defaultDays
  @Option(help: "Only this negotiation.") var negotiation: String?
  @Option(
    help: ArgumentHelp(
      "Only deals of negotiations this actor (or a bloc it belongs to) is a party to.", valueName: "actor"))
  var party: String?
  @Flag(help: "With --party: only where the actor is a party itself, not through a bloc.") var direct = false
  @OptionGroup var listing: ListingOptions

  var filter: DealFilter {
    if allDrafts { return .allDrafts }
    if unsigned { return .unsigned }
    if signed { return .signed }
    if inForce { return .inForce }
    if ended { return .ended }
    if dormant { return .dormant }
    if declarations { return .declarations }
    return .all
  }

  func validate() throws {
    let chosen = [
      ("--unsigned", unsigned && !allDrafts), ("--all-drafts", allDrafts), ("--signed", signed),
      ("--in-force", inForce), ("--ended", ended), ("--dormant", dormant), ("--declarations", declarations),
    ].filter(\.1).map(\.0)
    if chosen.count > 1 {
      throw ValidationError("choose one of \(chosen.joined(separator: ", ")), not several")
    }
    if dormantAfter <= 0 { throw ValidationError(StoreError.Mistake.dormancyNotAboveZero.commandLineText) }
  }

  func run() throws {
    let store = try listing.database.openExisting(team: true)
    let (deals, dormantLeftOut) = try store.dealList(
      filter, negotiation: negotiation.map { try store.resolveNegotiation($0) },
      party: try party.map { try store.actorScope(store.resolveActor($0), direct: direct) },
      asOf: listing.day,
      includeRetracted: listing.includeRetracted, dormantAfter: dormantAfter)
    try Render(listing.output).records(deals, headers: Self.headers, rows: deals.map(Self.row))
    if dormantLeftOut > 0 {
      FileOutput.standardError.write(
        "and \(dormantLeftOut) dormant draft\(dormantLeftOut == 1 ? "" : "s") left out (nothing on "
          + "\(dormantLeftOut == 1 ? "it" : "them") for \(dormantAfter) days or more): --dormant to show "
          + "\(dormantLeftOut == 1 ? "it" : "them")\n")
    }
  }

  static let headers = [
    "id", "deal", "negotiation", "parties", "status", "latest step", "open since", "days open",
  ]

  /// One deal as a table or CSV row: what `accord deals` prints, and `accord example` shows.
  static func row(_ d: Deal) -> [String] {
    var latest = "\(Phrase.step(d.latestStep.step)) \(d.latestStep.date)"
    if let party = d.latestStep.party { latest += " (\(party))" }
    for step in d.possibly ?? [] {
      latest += "; possibly \(Phrase.step(step.step)) \(step.date)" + (step.party.map { " (\($0))" } ?? "")
    }
    var status = d.status.words
    if d.dormant == true { status += ", dormant: last active " + (d.lastActive ?? "?") }
    if let closed = d.closedBy { status += " \(closed.date)" }
    if let deadline = d.deadline, d.live { status += ", deadline \(deadline)" }
    return [
      String(d.id), d.title + retractedMark(d.retracted), d.negotiation,
      d.parties.listed + (d.via.map { " (via \($0))" } ?? ""), status, latest,
      d.openSince.text, String(d.daysOpen),
    ]
  }
}
