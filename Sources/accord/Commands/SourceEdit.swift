import AccordStore
import ArgumentParser

struct SourceEdit: ParsableCommand {
  static let configuration = Corrections.configuration(
    abstract: "Correct a source: its title, outlet, URL or publication date.",
    examples: "accord source edit epoch --outlet \"The Epoch Times\"")

  @Argument(help: "The source: short id, number or URL.") var source: String
  @Option(help: ArgumentHelp("When it was published.", valueName: "date"), transform: parseDate)
  var published: AccordDate?
  @Option(help: ArgumentHelp("Its title.", valueName: "text")) var title: String?
  @Option(help: ArgumentHelp("The outlet that published it.", valueName: "name")) var outlet: String?
  @Option(help: ArgumentHelp("Its URL (https://, http://, doi: or urn:).", valueName: "url")) var url: String?
  @OptionGroup var database: DatabaseOptions

  func run() throws {
    try Corrections.run(
      .source, source, Correction(title: title, outlet: outlet, url: url, date: published), database)
  }
}
