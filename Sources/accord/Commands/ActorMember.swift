import AccordStore
import ArgumentParser

struct ActorMember: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "member", abstract: "Add members to a bloc (P5+1, E3, the EU), or record that one left.",
    discussion: """
      Membership is dated. What a bloc does, its members on that day do through it: a member's filters \
      (negotiation list --party, condition list --by, deals --party, search --actor, timeline --actor, \
      report --party) find it, marked "via" the bloc, unless --direct. Any actor can be a bloc, and a \
      bloc can belong to a bloc, but never to itself. Prints the number of each joining (or of the \
      leaving), for accord retract membership N.

      Examples:
        accord actor member P5+1 --add China France Germany Russia UK US \\
          --since 2006-06-01
        accord actor member "European Union" --remove UK --on 2020-01-31
      """
  ).asLeaf

  @Argument(help: "The bloc: short id, alias or number.") var bloc: String
  @Option(
    parsing: .upToNextOption, help: ArgumentHelp("Actors who join it (one or more).", valueName: "actor"))
  var add: [String] = []
  @Option(help: ArgumentHelp("The actor who leaves it (with --on).", valueName: "actor")) var remove: String?
  @Option(
    help: ArgumentHelp("Since when they belong (default: from the start).", valueName: "date"),
    transform: parseDate)
  var since: AccordDate?
  @Option(help: ArgumentHelp("Until when they belonged.", valueName: "date"), transform: parseDate)
  var until: AccordDate?
  @Option(help: ArgumentHelp("When the actor left (with --remove).", valueName: "date"), transform: parseDate)
  var on: AccordDate?
  @OptionGroup var database: DatabaseOptions

  func validate() throws {
    switch (add.isEmpty, remove) {
    case (true, nil):
      throw ValidationError("say who joins with --add ACTOR, or who leaves with --remove ACTOR --on DATE")
    case (false, _?): throw ValidationError("give --add or --remove, not both")
    case (true, _?) where on == nil: throw ValidationError("--remove needs --on DATE: when it left")
    case (true, _?) where since != nil || until != nil:
      throw ValidationError("--since and --until go with --add; --remove takes --on")
    case (false, nil) where on != nil:
      throw ValidationError("--on goes with --remove; --add takes --since and --until")
    default: break
    }
  }

  func run() throws {
    let store = try database.open(team: true)
    if let remove, let on {
      printID(try store.removeMember(bloc: bloc, member: remove, on: on))
    } else {
      for id in try store.addMembers(bloc: bloc, members: add, since: since, until: until) { printID(id) }
    }
  }
}
