import AccordStore
import ArgumentParser

struct DevelopmentCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "development", abstract: "Developments logged with 'accord log': list and correct them.",
    subcommands: [DevelopmentList.self, DevelopmentEdit.self])
}
