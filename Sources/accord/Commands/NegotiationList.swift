import AccordPresentation
import AccordStore
import ArgumentParser

struct NegotiationList: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "list", abstract: "List negotiations with where each stands, and why.",
    discussion: """
      A negotiation is in force, suspended, signed, agreed, negotiating, stalled (nothing recorded for \
      --stale days, default 30), ended (every proposal closed, nothing since) or not started; the \
      README gives the rule (How status is derived).
      """
  ).asLeaf

  @Flag(help: "Only negotiations with nothing signed or in force.") var unsigned = false
  @Flag(help: "Only negotiations with an agreement signed, suspended or in force.") var signed = false
  @Option(
    help: ArgumentHelp(
      "Only negotiations in which this actor (or a bloc it belongs to) takes part, in any role: a role other than a party's is shown.",
      valueName: "actor"))
  var party: String?
  @Flag(help: "With --party: only where the actor takes part itself, not through a bloc.") var direct = false
  @Option(help: "Only negotiations with this tag.") var tag: String?
  @OptionGroup var asOf: AsOfOptions
  @Option(
    help: ArgumentHelp(
      "Only negotiations with nothing recorded for this many days; live talks that quiet are stalled.",
      valueName: "days"))
  var stale: Int?
  @OptionGroup var retracted: RetractedOptions
  @OptionGroup var output: FormatOptions
  @OptionGroup var database: DatabaseOptions

  func validate() throws {
    if unsigned && signed { throw ValidationError("choose --unsigned or --signed, not both") }
    if let stale, stale < 0 { throw ValidationError("--stale takes a number of days, 0 or more") }
  }

  /// How the actor asked about (`--party`) takes part, when not as a party itself: " (as
  /// mediator)", " (via P5+1)", " (as observer, via EU)"; "" otherwise.
  static func part(role: ParticipantRole?, via: String?) -> String {
    let words = [role.map { "as \($0.rawValue)" }, via.map { "via \($0)" }].compactMap { $0 }
    return words.isEmpty ? "" : " (" + words.joined(separator: ", ") + ")"
  }

  func run() throws {
    let store = try database.openExisting(team: true)
    let day = asOf.day ?? store.today
    let list = try store.negotiations(
      signed: unsigned ? false : (signed ? true : nil),
      party: try party.map { try store.actorScope(store.resolveActor($0), direct: direct) },
      tag: tag, asOf: day, includeRetracted: retracted.include,
      staleDays: stale ?? NegotiationStatus.defaultStaleDays
    ).filter { summary in stale.map { summary.isStale(days: $0, asOf: day) } ?? true }
    try Render(output).records(
      list,
      headers: ["id", "short id", "title", "status", "why", "parties", "live proposals", "last activity"],
      rows: list.map {
        [
          String($0.id), $0.slug,
          $0.title + retractedMark($0.retracted) + Self.part(role: $0.role, via: $0.via),
          $0.status.state.words + ($0.missedDeadline.map { "; missed \($0)" } ?? ""),
          Phrase.reason($0.status), $0.parties.listed, String($0.liveProposals), $0.lastActivity ?? "",
        ]
      })
  }
}
