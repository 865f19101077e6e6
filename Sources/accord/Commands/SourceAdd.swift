import AccordStore
import ArgumentParser

struct SourceAdd: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "add", abstract: "Record a source; prints its number.",
    discussion: """
      Example:
        accord source add https://www.theepochtimes.com/... \\
          --outlet "The Epoch Times" --published 2025-02-15 \\
          --id epoch-times-2025-02-15
      """
  ).asLeaf

  @Argument(help: "Its URL (optional for a source without one, such as an interview: give --title).")
  var url: String?
  @Option(help: ArgumentHelp("The outlet that published it.", valueName: "name")) var outlet: String?
  @Option(help: "Its title.") var title: String?
  @Option(help: ArgumentHelp("When it was published.", valueName: "date"), transform: parseDate)
  var published: AccordDate?
  @Option(help: "A short id (default: made from the outlet or host, and the date).") var id: String?
  @OptionGroup var database: DatabaseOptions

  func validate() throws {
    if url == nil && title == nil {
      throw ValidationError("give the source's URL, or a --title where it has none")
    }
  }

  func run() throws {
    printID(
      try database.open(team: true).addSource(
        url: url, outlet: outlet, title: title, published: published, slug: id))
  }
}
