import AccordPresentation
import AccordStore
import ArgumentParser

struct Deadlines: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "deadlines",
    abstract: "List deadlines with days left or overdue, and what happened on the day.",
    discussion: """
      A deadline is upcoming while ahead; moved when an extension of its proposal set a later date before \
      it came; met when its proposal (without one: a proposal of the negotiation) was concluded or closed \
      by then; missed otherwise.
      """
  ).asLeaf

  @Argument(help: "Only this negotiation.") var negotiation: String?
  @Option(help: ArgumentHelp("Only those due within this many days.", valueName: "days")) var upcoming: Int?
  @Flag(help: "Only those missed.") var missed = false
  @OptionGroup var asOf: AsOfOptions
  @OptionGroup var output: FormatOptions
  @OptionGroup var database: DatabaseOptions

  func validate() throws {
    if let upcoming, upcoming < 0 { throw ValidationError("--upcoming takes a number of days, 0 or more") }
    if upcoming != nil && missed { throw ValidationError("choose --upcoming or --missed, not both") }
  }

  func run() throws {
    let store = try database.openExisting(team: true)
    let list = try store.deadlines(
      negotiation: negotiation.map { try store.resolveNegotiation($0) }, asOf: asOf.day, upcoming: upcoming,
      missedOnly: missed)
    try Render(output).records(
      list.map(DeadlineJSON.init),
      headers: ["date", "deadline", "negotiation", "proposal", "state", "days", "on the day"],
      rows: list.map(Self.row))
  }

  static func row(_ d: Deadline) -> [String] {
    let days =
      d.daysLeft > 0 ? "\(d.daysLeft) left" : d.daysLeft == 0 ? "due today" : "\(-d.daysLeft) ago"
    var state = d.state.rawValue
    if let moved = d.movedTo { state += " to \(moved)" }
    return [
      d.date.text, d.title, d.negotiation, d.proposal ?? "", state, days,
      d.onTheDay.map(\.line).joined(separator: "; "),
    ]
  }
}
