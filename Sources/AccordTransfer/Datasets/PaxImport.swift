import AccordStore

/// Imports a CSV export of the PA-X Peace Agreements Database (www.peaceagreements.org):
///
/// - a peace process (`PP`, `PPName`) becomes a negotiation, its countries (`Con`, `Loc1ISO`,
///   `Loc2ISO`) its parties;
/// - an agreement (`AgtId`, `Agt`, `Dat`) becomes a proposal whose steps follow from `Status`:
///   multiparty signed/agreed → signed on `Dat`, and signed by each signatory matched; unilateral
///   document → declared (in effect from its date, never a draft); status unclear → unclear;
///   agreement with subsequent status → tabled, then superseded on the date of the next agreement
///   of the same process, which builds on it;
/// - the signatories (`Part`) matched to actors (``SignatoryMatcher``) become parties of the
///   process from the agreement's date, and the third parties (`ThrdPart`) mediators; an actor in
///   both is a third party;
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
    let thirds = try signatoryActors(try row.text("ThrdPart"))
    let signers = try signatoryActors(try row.text("Part")).filter { !thirds.contains($0) }
    for actor in signers { takesPart(actor, in: negotiation, as: .party, from: date) }
    for actor in thirds { takesPart(actor, in: negotiation, as: .mediator, from: date) }
    switch status {
    case "Multiparty signed/agreed":
      try step(proposal, .signed, date, note: nil, source: source)
      for actor in signers {
        if try store.addImportedPartyStep(
          proposal: proposal, .signed, party: actor, date: date, source: source)
        {
          summary.steps += 1
        }
      }
    case "Unilateral document":
      try step(proposal, .declared, date, note: "unilateral document (PA-X)", source: source)
      // Earlier imports recorded it as a draft tabled: that step is retracted, not left to mislead.
      try store.retractImportedStep(
        proposal: proposal, .tabled, date: date, note: "unilateral document (PA-X)",
        reason: "PA-X: a unilateral document is a declaration in effect from its date, not a draft")
    case "Status unclear":
      try step(proposal, .unclear, date, note: "status unclear (PA-X)", source: source)
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
