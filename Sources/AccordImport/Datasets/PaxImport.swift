import AccordStore

/// Imports a CSV export of the PA-X Peace Agreements Database (www.peaceagreements.org):
///
/// - a peace process (`PP`, `PPName`) becomes a negotiation, its countries (`Con`, `Loc1ISO`,
///   `Loc2ISO`) its parties;
/// - an agreement (`AgtId`, `Agt`, `Dat`) becomes a proposal whose steps follow from `Status`:
///   multiparty signed/agreed → signed on `Dat`; unilateral document → tabled; status unclear → no
///   step, but a development that says so; agreement with subsequent status → tabled, then
///   superseded on the date of the next agreement of the same process, which builds on it;
/// - `Stage`/`StageSub` and `Part`/`ThrdPart` are kept as written;
/// - every proposal and step cites the source `pax-AGTID` (the agreement's page on PA-X's site).
///
/// Keyed on `AgtId` and `PP`: a re-import of a newer export adds what is new (a step the row now
/// implies, a changed stage or signatory list) and never duplicates or erases anything.
public final class PaxImport: DatasetImport {
  static let statuses = [
    "Multiparty signed/agreed", "Unilateral document", "Status unclear", "Agreement with subsequent status",
  ]

  /// Agreements of each process, for "subsequent status": (first day, AgtId) by process.
  private var agreementsByProcess: [String: [(day: Day, key: String)]] = [:]
  private var pending: [(proposal: Int64, process: String, day: Day, source: Int64)] = []

  public init(store: AccordStore) {
    super.init(store: store, dataset: .pax)
  }

  public func run(_ source: ByteSource, progress: ((TransferProgress) -> Void)? = nil) throws
    -> DatasetSummary
  {
    try run(
      source, required: ["PP", "PPName", "AgtId", "Agt", "Dat", "Status"], progress: progress,
      row: importRow, finish: supersede)
  }

  private func importRow(_ row: CSVRow) throws {
    let key = try self.key(row, "AgtId")
    let process = try self.key(row, "PP")
    let processName = oneLine(try row.required("PPName"))
    let title = oneLine(try row.required("Agt"))
    let date = try date(row, "Dat")
    let status = try row.required("Status")
    guard Self.statuses.contains(status) else {
      throw StoreError.invalid(
        "line \(row.line), column 'Status': expected one of \(Self.statuses.joined(separator: ", ")), found \"\(status)\""
      )
    }
    let stage = try row.value("Stage").map { text throws -> PaxStage in
      guard let stage = PaxStage(rawValue: text) else {
        throw StoreError.invalid(
          "line \(row.line), column 'Stage': expected one of \(PaxStage.allCases.map(\.rawValue).joined(separator: ", ")), found \"\(text)\""
        )
      }
      return stage
    }
    let conflict = try row.value("Con")

    let negotiation = try self.negotiation(
      kind: .process, key: process, title: processName,
      summary: "Peace process \(process) of the PA-X Peace Agreements Database"
        + (conflict.map { " (\($0))" } ?? "")
        + ".")
    for code in [try row.value("Loc1ISO"), try row.value("Loc2ISO")].compactMap({ $0 }) {
      if let state = try country(code: code) {
        try store.addParticipant(negotiation: negotiation, actor: state, role: .party)
      }
    }
    for name in conflict.map({ $0.split(separator: "/").map { $0.trimmedOfSpace } }) ?? [] {
      if let state = try country(named: name) {
        try store.addParticipant(negotiation: negotiation, actor: state, role: .party)
      }
    }

    let source = try store.datasetSource(
      slug: "pax-\(key)", url: "https://www.peaceagreements.org/view/\(key)", outlet: dataset.title,
      title: "PA-X agreement \(key): \(title)")
    let (proposal, record) = try agreement(
      key: key, negotiation: negotiation, title: title, terms: nil, source: source)
    switch status {
    case "Multiparty signed/agreed":
      try step(proposal, .signed, date, note: nil, source: source)
    case "Unilateral document":
      try step(proposal, .tabled, date, note: "unilateral document (PA-X)", source: source)
    case "Status unclear":
      if try store.addImportedDevelopment(
        negotiation: negotiation, date: date,
        text:
          "PA-X records agreement \(key), “\(title)”, with its status unclear: no step is recorded for it.",
        source: source)
      {
        summary.facts += 1
      }
    default:
      try step(
        proposal, .tabled, date,
        note: "agreement with subsequent status (PA-X): not accepted, later built on",
        source: source)
      pending.append((proposal, process, date.first, source))
    }
    agreementsByProcess[process, default: []].append((date.first, key))
    if let stage {
      if try store.addImportedStage(proposal: proposal, stage, sub: try row.value("StageSub"), record: record)
      {
        summary.facts += 1
      }
    }
    try signatories(proposal, .signatory, try row.text("Part"), record: record)
    try signatories(proposal, .thirdParty, try row.text("ThrdPart"), record: record)
  }

  /// An agreement with subsequent status is superseded by the next agreement of its process.
  private func supersede() throws {
    for entry in pending {
      let later = (agreementsByProcess[entry.process] ?? []).filter { $0.day > entry.day }
        .min { ($0.day, $0.key) < ($1.day, $1.key) }
      guard let later else { continue }
      try step(
        entry.proposal, .superseded, AccordDate(day: later.day),
        note: "built on by pax-\(later.key), the next agreement of the process", source: entry.source)
    }
  }
}
