import AccordStore
import ArgumentParser

struct DeadlineCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "deadline",
    abstract: "Dates the talks run against: an expiry, a new deadline, a dispute clock.",
    subcommands: [DeadlineAdd.self])
}
