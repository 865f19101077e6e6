import ArgumentParser

struct MeetingCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "meeting", abstract: "Who met whom, where and when.",
    subcommands: [MeetingAdd.self, MeetingList.self, MeetingShow.self, MeetingEdit.self])
}
