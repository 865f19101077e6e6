import AccordImport
import AccordStore
import ArgumentParser

struct Import: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "import",
    abstract: "Read an Accord export, or a PA-X or UCDP CSV file, into the record: all of it or nothing.",
    discussion: """
      An Accord export (JSON or NDJSON, from 'accord export') merges into what is there: a record that is
      there already is left alone, one that conflicts is reported and nothing is written. --from pax reads
      the PA-X Peace Agreements Database's CSV, --from ucdp the UCDP Peace Agreement Dataset's; a
      re-import of a newer file adds what changed. The README gives the mappings and credits the datasets.
      Example: accord import record.json; accord import --from pax pax_all_agreements.csv
      """)

  @Argument(help: ArgumentHelp("The file to read, or - for standard input.", valueName: "file"))
  var file: String
  @Option(help: "What the file is: accord (an export), pax or ucdp.")
  var from: ImportSource = .accord
  @OptionGroup var database: DatabaseOptions

  func run() throws {
    let source = try ByteSource(path: file)
    let store = try database.open()
    let progress = ProgressLine(total: source.size, noun: from == .accord ? "records" : "agreements")
    let report = progress.map { line in { (p: TransferProgress) in line.update(p) } }
    let summary: String
    switch from {
    case .accord:
      summary = try AccordFile.importRecords(from: source, into: store, progress: report).description
    case .pax: summary = try PaxImport(store: store).run(source, progress: report).description
    case .ucdp: summary = try UcdpImport(store: store).run(source, progress: report).description
    }
    progress?.finish()
    FileOutput.standardOutput.write(summary + "\n")
  }
}

enum ImportSource: String, ExpressibleByArgument, CaseIterable {
  case accord, pax, ucdp
}
