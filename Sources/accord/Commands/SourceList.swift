import AccordPresentation
import AccordStore
import ArgumentParser

struct SourceList: ParsableCommand {
  static let configuration = CommandConfiguration(commandName: "list", abstract: "List sources.").asLeaf

  @OptionGroup var retracted: RetractedOptions
  @OptionGroup var output: FormatOptions
  @OptionGroup var database: DatabaseOptions

  func run() throws {
    let list = try database.openExisting(team: true).sources(includeRetracted: retracted.include)
    try Render(output).records(
      list, headers: ["id", "short id", "outlet", "title", "published", "url"],
      rows: list.map {
        [
          String($0.id), $0.slug + retractedMark($0.retracted), $0.outlet ?? "", $0.title ?? "",
          $0.published?.text ?? "", $0.url ?? "",
        ]
      })
  }
}
