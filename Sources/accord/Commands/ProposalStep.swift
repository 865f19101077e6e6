import AccordStore
import ArgumentParser

extension ProposalStep.Kind: ExpressibleByArgument {
  public static var allValueStrings: [String] { allCases.map(\.argument) }
  public var defaultValueDescription: String { argument }
}

struct ProposalStepCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "step", abstract: "Record a dated step in a proposal's life; prints its number.",
    discussion: """
      Steps: \(ProposalStep.Kind.allCases.map(\.argument).joined(separator: ", ")).
      With --party the step concerns that party alone (Ukraine ratifies); without, the whole proposal.
      Example: accord proposal step us-minerals-proposal rejected --on 2025-02-15 --party Ukraine
      """)

  @Argument(help: "The proposal: short id, title or number.") var proposal: String
  @Argument(help: "The step.") var step: ProposalStep.Kind
  @Option(help: "When it happened.", transform: parseDate) var on: AccordDate
  @Option(help: "The one party this step concerns.") var party: String?
  @Option(help: "A note.") var note: String?
  @OptionGroup var sources: SourceOptions
  @OptionGroup var database: DatabaseOptions

  func run() throws {
    printID(
      try database.open().addStep(
        proposal: proposal, step, date: on, party: party, note: note, sources: sources.sources))
  }
}
