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
      With --party the step concerns that party alone (Ukraine ratifies); name several parties to record \
      the step for each, one number each. Without --party it concerns the whole proposal. A party must \
      take part in the negotiation on that day (accord negotiation join).

      An extension moves the deadline (--until); a withdrawal is notified on one day and takes effect on \
      another (--effective); a milestone has a name. README: How status is derived.

      Examples:
        accord proposal step jpoa extended --on 2014-07-19 --until 2014-11-24
        accord proposal step jcpoa milestone "Implementation Day" --on 2016-01-16
        accord proposal step paris-agreement withdrawal-notified --party US \\
          --on 2019-11-04 --effective 2020-11-04
        accord proposal step paris-agreement ratified --party China --party US \\
          --on 2016-09-03
      """
  ).asLeaf

  @Argument(help: "The proposal: short id, title or number.") var proposal: String
  @Argument(help: "The step.") var step: ProposalStep.Kind
  @Argument(help: ArgumentHelp("A milestone's name (\"Implementation Day\").", valueName: "name"))
  var name: String?
  @Option(help: ArgumentHelp("When it happened.", valueName: "date"), transform: parseDate) var on: AccordDate
  @Option(help: ArgumentHelp("A party this step concerns alone (repeatable).", valueName: "actor"))
  var party: [String] = []
  @Option(help: ArgumentHelp("For an extension: the new deadline.", valueName: "date"), transform: parseDate)
  var until: AccordDate?
  @Option(
    help: ArgumentHelp("For a withdrawal notified: when it takes effect.", valueName: "date"),
    transform: parseDate)
  var effective: AccordDate?
  @Option(help: "A note.") var note: String?
  @OptionGroup var fact: FactOptions

  func run() throws {
    let ids = try fact.database.open(team: true).addStep(
      NewStep(
        proposal: proposal, step, date: on, parties: party, label: name, until: until, effective: effective,
        note: note, sources: fact.sources))
    for id in ids { printID(id) }
  }
}
