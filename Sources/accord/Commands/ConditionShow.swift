import AccordPresentation
import AccordStore
import ArgumentParser

struct ConditionShow: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "show", abstract: "Show a condition: each counterpart's answer, and its chain of revisions."
  ).asLeaf

  @Argument(help: "The condition's number.") var condition: String
  @OptionGroup var asOf: AsOfOptions
  @OptionGroup var output: FormatOptions
  @OptionGroup var database: DatabaseOptions

  func run() throws {
    let store = try database.openExisting(team: true)
    let id = try store.resolveCondition(condition)
    let chain = try store.conditionChain(id, asOf: asOf.day)
    switch output.format {
    case .json: try Render(format: .json).json(chain)
    case .csv, .table:
      try Render(output).records(
        chain,
        headers: [
          "id", "negotiation", "held by", "stance", "term", "in exchange for", "since", "state", "sources",
        ],
        rows: chain.map(ConditionList.row))
    }
  }
}
