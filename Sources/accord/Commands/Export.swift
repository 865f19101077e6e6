import AccordStore
import AccordTransfer
import ArgumentParser

struct Export: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "export",
    abstract: "Write the whole record, with stable ids, as JSON or NDJSON (the format is in the README).",
    discussion: """
      Every actor, affiliation, source, negotiation, proposal and step, term, position and link, meeting, \
      quote, development and dataset record, one JSON object a line. 'accord import' takes it back.

      Examples:
        accord export -o record.json
        accord export --format ndjson --only development
      """
  ).asLeaf

  @Option(
    name: .shortAndLong,
    help: ArgumentHelp("Write to this file (default: standard output).", valueName: "file"))
  var output: String?
  @Option(help: "json (one document) or ndjson (a header line, then one record a line).")
  var format: ExportFormatOption = .json
  @Option(
    help: ArgumentHelp(
      "Only records of this type (repeatable): \(TransferFormat.types.joined(separator: ", ")).",
      valueName: "type"))
  var only: [String] = []
  @OptionGroup var database: DatabaseOptions

  func validate() throws {
    for type in only where !TransferFormat.types.contains(type) {
      throw ValidationError(
        "'\(type)' is not a record type: use one of \(TransferFormat.types.joined(separator: ", "))")
    }
  }

  func run() throws {
    let store = try database.openExisting(team: true)
    let types = only.isEmpty ? nil : Set(only)
    let progress = output == nil ? nil : ProgressLine(total: nil, noun: "records")
    let report = progress.map { line in { (p: TransferProgress) in line.update(p) } }
    try AccordFile.export(store, layout: format.layout, types: types, to: output, progress: report)
    progress?.finish()
  }
}

enum ExportFormatOption: String, ExpressibleByArgument, CaseIterable {
  case json, ndjson

  var layout: ExportLayout { self == .json ? .json : .ndjson }
}
