import ArgumentParser

struct SourceCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "source", abstract: "Where things were reported.",
    subcommands: [SourceAdd.self, SourceList.self, SourceShow.self, SourceEdit.self])
}
