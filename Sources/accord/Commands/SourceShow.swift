import AccordPresentation
import AccordStore
import ArgumentParser

struct SourceShow: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "show", abstract: "Show a source and every fact that cites it, in date order."
  ).asLeaf

  @Argument(help: "The source: short id, number or URL.") var source: String
  @Flag(help: "Show it, and facts that cite it, even if retracted.") var includeRetracted = false
  @OptionGroup var output: FormatOptions
  @OptionGroup var database: DatabaseOptions

  func run() throws {
    let store = try database.openExisting(team: true)
    let detail = try store.sourceDetail(try store.resolveSource(source), includeRetracted: includeRetracted)
    switch output.format {
    case .json: try Render(format: .json).json(detail)
    case .csv, .table:
      let s = detail.source
      if output.format == .table {
        let name = [s.outlet, s.title].compactMap { $0 }.joined(separator: ": ")
        FileOutput.standardOutput.write(
          "Source \(s.id) (\(s.slug))\(retractedMark(s.retracted)): \(name)"
            + (s.published.map { ", \($0.text)" } ?? "") + (s.url.map { "\n\($0)" } ?? "") + "\n\n")
      }
      try Render(output).records(
        detail.citedBy, headers: ["kind", "id", "date", "negotiation", "what"],
        rows: detail.citedBy.map {
          [$0.kind, String($0.id), $0.date?.text ?? "", $0.negotiation ?? "", $0.what]
        })
    }
  }
}
