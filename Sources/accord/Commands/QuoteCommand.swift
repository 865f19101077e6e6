import ArgumentParser

struct QuoteCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "quote", abstract: "Who said what, verbatim.",
    subcommands: [QuoteAdd.self, QuoteList.self, QuoteEdit.self])
}
