import AccordStore
import ArgumentParser

extension ParticipantRole: ExpressibleByArgument {}

struct NegotiationJoin: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "join", abstract: "Record that actors take part in a negotiation, as what and from when.",
    discussion: """
      Participation is dated: answers as of a day list who took part that day, and a step or an answer \
      by a party must come from an actor that took part on its date. Without --on, from the start.

      Example:
        accord negotiation join iran-nuclear China Russia "United States" \\
          --as party --on 2006-06-01
      """
  ).asLeaf

  @Argument(help: "The negotiation: short id, title or number.") var negotiation: String
  @Argument(help: ArgumentHelp("The actors who join.", valueName: "actor")) var actors: [String]
  @Option(name: .customLong("as"), help: ArgumentHelp("Their role.", valueName: "role"))
  var role: ParticipantRole
  @Option(help: ArgumentHelp("The side of the table they sit on (\"P5+1\").", valueName: "name"))
  var side: String?
  @Option(
    help: ArgumentHelp("When they joined (default: from the start).", valueName: "date"), transform: parseDate
  )
  var on: AccordDate?
  @OptionGroup var database: DatabaseOptions

  func validate() throws {
    if actors.isEmpty { throw ValidationError("name at least one actor who joins") }
  }

  func run() throws {
    try database.open(team: true).join(
      negotiation: negotiation, actors: actors, as: role, side: side, date: on)
  }
}
