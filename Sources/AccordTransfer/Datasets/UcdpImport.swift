import AccordStore

/// Imports the UCDP Peace Agreement Dataset's CSV (v22.1 columns):
///
/// - a conflict (`conflict_id`, `conflict_name`) becomes a negotiation;
/// - an agreement (`paid`, `pa_name`) becomes a proposal signed on `pa_date`, its description
///   (`pa_comment`) its terms; `ended` with the date in `duration` adds a terminated step;
/// - the warring parties (`actor_name`, with `actor_id`) become the negotiation's parties, matched
///   to Accord's actors by UCDP id, then by name or alias, then (`Government of X`) to the state X;
///   the others are added as groups; each signed the agreement (UCDP lists the parties that
///   signed), so each has its own signed step;
/// - signatories (`pa_sign`) and third parties (`pa_3rd`) are kept as written, and a third party
///   that names an actor Accord has becomes a mediator of the negotiation;
/// - every proposal and step cites the source `ucdp-PAID` (with the full text's link).
///
/// Keyed on `paid`, `conflict_id` and `actor_id`, like the PA-X import.
public final class UcdpImport: DatasetImport {
  /// UCDP actors that are organizations, not armed groups.
  static let organizations: Set<String> = [
    "osce", "un", "united nations", "african union", "au", "european union", "eu", "ecowas", "igad", "nato",
    "oas", "arab league", "league of arab states", "sadc", "eac", "ecccas", "oic",
  ]

  public init(store: AccordStore) {
    super.init(store: store, dataset: .ucdp)
  }

  public func run(_ source: ByteSource, progress: ((TransferProgress) -> Void)? = nil) throws
    -> DatasetSummary
  {
    try run(
      source, required: ["paid", "conflict_id", "conflict_name", "actor_name", "pa_name", "pa_date"],
      progress: progress, row: importRow, finish: {})
  }

  private func importRow(_ row: CSVRow) throws {
    let key = try self.key(row, "paid")
    // An agreement may concern several conflicts: `389, 398` with `Bosnia-Herzegovina: Serb,
    // Bosnia-Herzegovina: Croat`. It is recorded under the first; the others are told of it.
    let conflicts = try keys(row, "conflict_id")
    let names = oneLine(try row.required("conflict_name")).split(separator: ",").map { $0.trimmedOfSpace }
    let conflict = conflicts[0]
    let conflictName = names.count == conflicts.count ? names[0] : oneLine(try row.required("conflict_name"))
    let title = oneLine(try row.required("pa_name"))
    let date = try date(row, "pa_date")
    let ended = try row.value("ended").map { ["true", "1", "yes"].contains($0.lowercased()) } ?? false
    let endDate = try row.value("duration") == nil ? nil : try self.date(row, "duration")

    let negotiation = try self.negotiation(
      kind: .conflict, key: conflict, title: conflictName,
      summary: "Conflict \(conflict) of the UCDP Peace Agreement Dataset.")
    let signers = try actors(row)
    for actor in signers {
      try store.addParticipant(negotiation: negotiation, actor: actor, role: .party)
    }

    let version = try row.value("version")
    var link = try row.value("linktofulltextagreement")
    if let url = link, !(url.hasPrefix("http://") || url.hasPrefix("https://")) || url.contains(" ") {
      link = nil
    }
    let source = try store.datasetSource(
      slug: "ucdp-\(key)", url: link, outlet: dataset.title + (version.map { " v\($0)" } ?? ""),
      title: "UCDP peace agreement \(key): \(title)")
    let (proposal, record) = try agreement(
      key: key, negotiation: negotiation, title: title, terms: try row.value("pa_comment").map(oneLine),
      source: source)
    try step(proposal, .signed, date, note: nil, source: source)
    for actor in signers {
      if try store.addImportedPartyStep(proposal: proposal, .signed, party: actor, date: date, source: source)
      {
        summary.steps += 1
      }
    }
    summary.signatoryLists += 1
    summary.signatoriesMatched += signers.count
    if ended, let endDate {
      try step(proposal, .terminated, endDate, note: "ended (UCDP)", source: source)
    }
    for (index, other) in conflicts.enumerated().dropFirst() {
      let name = names.count == conflicts.count ? names[index] : "UCDP conflict \(other)"
      let elsewhere = try self.negotiation(
        kind: .conflict, key: other, title: name,
        summary: "Conflict \(other) of the UCDP Peace Agreement Dataset.")
      if try store.addImportedDevelopment(
        negotiation: elsewhere, date: date,
        text:
          "UCDP agreement \(key), “\(title)”, concerns this conflict too; it is recorded under conflict \(conflict) (\(conflictName)).",
        source: source)
      {
        summary.facts += 1
      }
    }
    try signatories(proposal, .signatory, try row.value("pa_sign"), record: record)
    let thirdParties = try row.value("pa_3rd")
    try signatories(proposal, .thirdParty, thirdParties, record: record)
    for name in (thirdParties ?? "").split(whereSeparator: { $0 == "," || $0 == ";" }).map({
      $0.trimmedOfSpace
    }) {
      let matches = try store.actorIDs(named: name)
      if matches.count == 1 {
        try store.addParticipant(negotiation: negotiation, actor: matches[0], role: .mediator)
      } else if matches.isEmpty, let state = try existingCountry(named: name) {
        try store.addParticipant(negotiation: negotiation, actor: state, role: .mediator)
      }
    }
  }

  /// The state Accord already has for a country name, without making one.
  private func existingCountry(named name: String) throws -> Int64? {
    guard let code = Self.codeByName[Names.key(name)] else { return nil }
    return try store.actorID(code: code)
  }

  /// The row's warring parties, matched or added.
  private func actors(_ row: CSVRow) throws -> [Int64] {
    let names = (try row.value("actor_name") ?? "").split(separator: ",").map { $0.trimmedOfSpace }.filter {
      !$0.isEmpty
    }
    let ids = (try row.value("actor_id") ?? "").split(separator: ",").map { $0.trimmedOfSpace }
    var result: [Int64] = []
    for (index, name) in names.enumerated() {
      let ucdpID = ids.count == names.count ? ids[index] : nil
      let actor = try self.actor(name: name, ucdpID: ucdpID)
      if !result.contains(actor) { result.append(actor) }
    }
    return result
  }

  private func actor(name: String, ucdpID: String?) throws -> Int64 {
    if let ucdpID, let known = try store.datasetRecord(.ucdp, .actor, key: ucdpID) { return known.target }
    let actor: Int64
    let named = try store.actorIDs(named: name)
    if named.count == 1 {
      actor = named[0]
    } else if let state = try government(name) {
      actor = state
      try store.addAlias(name, to: state)
    } else {
      let kind: ActorKind = Self.organizations.contains(Names.key(name)) ? .organization : .group
      actor = try store.addImportedActor(name: name, kind: kind, code: nil, aliases: [])
      summary.actors += 1
    }
    if let ucdpID, ucdpID.allSatisfy({ $0.isASCII && $0.isNumber }) {
      try store.linkDatasetRecord(.ucdp, .actor, key: ucdpID, target: actor)
    }
    return actor
  }

  /// `Government of Russia (Soviet Union)` → the state Russia.
  private func government(_ name: String) throws -> Int64? {
    guard name.hasPrefix("Government of ") else { return nil }
    var country = String(name.dropFirst("Government of ".count))
    if let parenthesis = country.firstIndex(of: "(") { country = country[..<parenthesis].trimmedOfSpace }
    return try self.country(named: country)
  }
}
