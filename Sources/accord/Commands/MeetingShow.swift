import AccordPresentation
import AccordStore
import ArgumentParser

struct MeetingShow: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "show", abstract: "Show one meeting: when, where, who, what, and its sources."
  ).asLeaf

  @Argument(help: "The meeting's number.") var meeting: String
  @Flag(help: "Show it even if retracted, marked (retracted).") var includeRetracted = false
  @OptionGroup var output: FormatOptions
  @OptionGroup var database: DatabaseOptions

  func run() throws {
    let store = try database.openExisting(team: true)
    let found = try store.meeting(
      try store.resolveRecord(.meeting, meeting), includeRetracted: includeRetracted)
    switch output.format {
    case .json: try Render(format: .json).json(found)
    case .csv, .table:
      try Render(output).records(
        [found], headers: ["field", "value"],
        rows: zip(MeetingList.headers, MeetingList.row(found)).map { [$0, $1] })
    }
  }
}
