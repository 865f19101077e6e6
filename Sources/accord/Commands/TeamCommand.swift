import ArgumentParser

struct TeamCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "team",
    abstract: "A team's shared record on a PostgreSQL server: make it and its roles.",
    subcommands: [TeamInit.self])
}
