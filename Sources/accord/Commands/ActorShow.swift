import AccordPresentation
import AccordStore
import ArgumentParser

struct ActorShow: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "show", abstract: "Show an actor: aliases, offices, blocs and members, negotiations."
  ).asLeaf

  @Argument(help: "Short id, alias, code or number.") var actor: String
  @Option(
    help: ArgumentHelp(
      "Members and blocs as they stood on this day (default: all, with their dates).", valueName: "date"),
    transform: parseDate)
  var asOf: AccordDate?
  @OptionGroup var output: FormatOptions
  @OptionGroup var database: DatabaseOptions

  func run() throws {
    let store = try database.openExisting(team: true)
    let detail = try store.actor(store.resolveActor(actor), asOf: asOf?.last)
    var rows: [[String]] = [
      ["name", detail.actor.name], ["short id", detail.actor.slug], ["kind", detail.actor.kind.rawValue],
    ]
    if let code = detail.actor.code { rows.append(["code", code]) }
    if let wikidata = detail.actor.wikidata { rows.append(["wikidata", wikidata]) }
    for alias in detail.actor.aliases { rows.append(["alias", alias]) }
    for a in detail.affiliations {
      rows.append(["affiliation", describe(a.role, a.organization, a.since, a.until)])
    }
    for m in detail.members { rows.append(["member", describe(m.role, m.person, m.since, m.until)]) }
    for m in detail.blocMembers {
      rows.append(["bloc member", describe(nil, m.member, m.since?.text, m.until?.text)])
    }
    for m in detail.blocs { rows.append(["in bloc", describe(nil, m.bloc, m.since?.text, m.until?.text)]) }
    for n in detail.negotiations { rows.append([n.role, "\(n.title) (\(n.negotiation))"]) }
    try Render(output).records(detail, headers: ["field", "value"], rows: rows)
  }

  func describe(_ role: String?, _ who: String, _ since: String?, _ until: String?) -> String {
    var text = [role, who].compactMap { $0 }.joined(separator: ", ")
    if let since { text += ", from \(since)" }
    if let until { text += ", until \(until)" }
    return text
  }
}
