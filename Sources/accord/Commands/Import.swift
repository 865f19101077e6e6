import AccordStore
import AccordTransfer
import ArgumentParser

struct Import: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "import",
    abstract: "Read an Accord export, a PA-X or UCDP file, or a treaty's status table into the record.",
    discussion: """
      All of the file is written, or nothing. An Accord export (JSON or NDJSON, from 'accord export') \
      merges into what is there: a record that is there already is left alone, one that conflicts is \
      reported and nothing is written. --from pax reads the PA-X Peace Agreements Database's CSV, \
      --from ucdp the UCDP Peace Agreement Dataset's; a re-import of a newer file adds what changed.

      --from treaty-status reads a multilateral treaty's status table, one row per participant, as the \
      UN Treaty Collection gives it, into the steps of each party of the proposal named by --proposal: \
      signature, ratification (or acceptance, approval, accession), entry into force, withdrawal. \
      Columns by default: participant, signature, ratification, kind, effect, withdrawal, \
      withdrawal_effective (any case); --columns names others. The README gives every mapping.

      Examples:
        accord import record.json
        accord import --from pax pax_all_agreements.csv
        accord import --from treaty-status paris.csv --proposal paris-agreement \\
          --columns participant=Participant,signature=Signature
      """
  ).asLeaf

  @Argument(help: ArgumentHelp("The file to read, or - for standard input.", valueName: "file"))
  var file: String
  @Option(
    help: ArgumentHelp("What the file is: accord (an export), pax, ucdp or treaty-status.", valueName: "kind")
  )
  var from: ImportSource = .accord
  @Option(
    help: ArgumentHelp(
      "For --from treaty-status: the treaty, a proposal (short id, title or number).",
      valueName: "proposal"))
  var proposal: String?
  @Option(
    help: ArgumentHelp(
      "For --from treaty-status: the file's columns, as FIELD=COLUMN pairs joined by commas.",
      valueName: "pairs"))
  var columns: String?
  @Option(
    help: ArgumentHelp("For --from treaty-status: a source that every step cites.", valueName: "src"))
  var source: String?
  @OptionGroup var database: DatabaseOptions

  func validate() throws {
    if from == .treatyStatus && proposal == nil {
      throw ValidationError("--from treaty-status needs --proposal: the treaty whose status the file gives")
    }
    if from != .treatyStatus && (proposal != nil || columns != nil || source != nil) {
      throw ValidationError("--proposal, --columns and --source go with --from treaty-status")
    }
  }

  func run() throws {
    let mapping = try columns.map { try TreatyStatusImport.columns($0) } ?? [:]
    let input = try ByteSource(path: file)
    let store = try database.open(team: true)
    let progress = ProgressLine(total: input.size, noun: from == .accord ? "records" : "rows")
    let report = progress.map { line in { (p: TransferProgress) in line.update(p) } }
    let summary: String
    switch from {
    case .accord:
      summary = try AccordFile.importRecords(from: input, into: store, progress: report).description
    case .pax: summary = try PaxImport(store: store).run(input, progress: report).description
    case .ucdp: summary = try UcdpImport(store: store).run(input, progress: report).description
    case .treatyStatus:
      summary = try TreatyStatusImport(
        store: store, proposal: proposal ?? "", columns: mapping, source: source
      ).run(input, progress: report).description
    }
    progress?.finish()
    FileOutput.standardOutput.write(summary + "\n")
  }
}

enum ImportSource: String, ExpressibleByArgument, CaseIterable {
  case accord, pax, ucdp
  case treatyStatus = "treaty-status"
}
