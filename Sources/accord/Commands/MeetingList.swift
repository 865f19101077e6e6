import AccordPresentation
import AccordStore
import ArgumentParser

struct MeetingList: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "list", abstract: "List meetings, of one negotiation or of all, in date order."
  ).asLeaf

  @Argument(help: "Only this negotiation: short id, title or number.") var negotiation: String?
  @Option(
    name: .customLong("with"), help: ArgumentHelp("Only meetings this actor attended.", valueName: "actor"))
  var participant: String?
  @OptionGroup var retracted: RetractedOptions
  @OptionGroup var output: FormatOptions
  @OptionGroup var database: DatabaseOptions

  func run() throws {
    let store = try database.openExisting(team: true)
    let meetings = try store.meetings(
      negotiation: negotiation.map { try store.resolveNegotiation($0) },
      participant: participant.map { try store.resolveActor($0) }, includeRetracted: retracted.include)
    try Render(output).records(meetings, headers: Self.headers, rows: meetings.map(Self.row))
  }

  static let headers = ["id", "date", "negotiation", "place", "who", "summary", "sources"]

  static func row(_ m: MeetingRecord) -> [String] {
    [
      String(m.id) + retractedMark(m.retracted), m.date.text, m.negotiation, m.place ?? "",
      m.participants.listed,
      m.summary ?? "", m.sources.listed,
    ]
  }
}
