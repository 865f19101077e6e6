import AccordPresentation
import AccordStore
import ArgumentParser

struct Positions: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "positions",
    abstract: "The position matrix: where each party stands on each term and each live proposal.",
    discussion: """
      Rows are the negotiation's terms and its live proposals; columns its parties on that day (blocs \
      among them). A cell is the party's latest stance as of the day, with its date: demands, offers, \
      precondition, red line (a condition it holds), accepts, rejects, reneged (its answer to one), drops, \
      revised; for a proposal, its state for that party (signed, ratified, in force, …). A bloc's stance \
      counts for its members on that day, marked via the bloc. "—": it said nothing.

      Example:
        accord positions iran-nuclear --as-of 2015-07-14
      """
  ).asLeaf

  @Argument(help: "The negotiation: short id, title or number.") var negotiation: String
  @OptionGroup var asOf: AsOfOptions
  @OptionGroup var output: FormatOptions
  @OptionGroup var database: DatabaseOptions

  func run() throws {
    let store = try database.openExisting(team: true)
    let matrix = try store.positionMatrix(negotiation: store.resolveNegotiation(negotiation), asOf: asOf.day)
    try Render(output).records(
      matrix, headers: [""] + matrix.parties,
      rows: matrix.rows.map { row in
        [row.heading] + matrix.parties.map { PositionMatrix.Cell.words(matrix.cell(row, $0)) }
      })
  }
}
