import AccordPresentation
import AccordStore
import ArgumentParser

struct ActorList: ParsableCommand {
  static let configuration = CommandConfiguration(commandName: "list", abstract: "List actors.").asLeaf

  @Option(help: "Only actors of this kind.") var kind: ActorKind?
  @OptionGroup var retracted: RetractedOptions
  @OptionGroup var output: FormatOptions
  @OptionGroup var database: DatabaseOptions

  func run() throws {
    let actors = try database.openExisting(team: true).actors(kind: kind, includeRetracted: retracted.include)
    try Render(output).records(
      actors, headers: ["id", "short id", "name", "kind", "code", "aliases"],
      rows: actors.map {
        [
          String($0.id), $0.slug, $0.name + retractedMark($0.retracted), $0.kind.rawValue, $0.code ?? "",
          $0.aliases.listed,
        ]
      })
  }
}
