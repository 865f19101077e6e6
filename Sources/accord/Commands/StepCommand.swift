import ArgumentParser

struct StepCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "step",
    abstract: "A proposal's steps, by number: correct one ('accord proposal step' records them).",
    subcommands: [StepEdit.self])
}
