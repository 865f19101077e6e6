import AccordPresentation
import AccordStore
import ArgumentParser

struct ProposalShow: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "show",
    abstract: "Show a proposal: where it stands as a whole and for each party, and every step behind it.",
    discussion: """
      One row per party of its negotiation (and per actor with a step of its own): its state, since \
      when, and its steps. A step whose date holds the as-of day is listed apart, as possibly done.

      Example:
        accord proposal show paris-agreement --as-of 2016-10-05
      """
  ).asLeaf

  @Argument(help: "The proposal: short id, title or number.") var proposal: String
  @OptionGroup var asOf: AsOfOptions
  @Flag(help: "Add a row for each member of a bloc party: its bloc's steps of days it belonged to it.")
  var members = false
  @OptionGroup var output: FormatOptions
  @OptionGroup var database: DatabaseOptions

  func run() throws {
    let store = try database.openExisting(team: true)
    let detail = try store.proposalDetail(store.resolveProposal(proposal), asOf: asOf.day, members: members)
    switch output.format {
    case .json: try Render(format: .json).json(detail)
    case .csv:
      FileOutput.standardOutput.write(
        Render.csv(
          headers: ProposalText.partyHeaders, rows: ProposalText.partyRows(detail), raw: output.rawCsv))
    case .table: FileOutput.standardOutput.write(ProposalText.render(detail, width: output.tableWidth))
    }
  }
}
