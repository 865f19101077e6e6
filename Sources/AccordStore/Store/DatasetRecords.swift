import AccordSQLite

/// The field's datasets that Accord imports, and the facts it keeps from them beside its own
/// record (Migrations/0002_datasets.sql). The mappings themselves are in the AccordTransfer module.
public enum Dataset: String, Sendable, CaseIterable {
  case pax, ucdp

  /// The dataset's name, as its sources cite it.
  public var title: String {
    switch self {
    case .pax: "PA-X Peace Agreements Database"
    case .ucdp: "UCDP Peace Agreement Dataset"
    }
  }

  /// How Accord names it in short: `PA-X`, `UCDP`.
  public var shortName: String {
    switch self {
    case .pax: "PA-X"
    case .ucdp: "UCDP"
    }
  }
}

/// What a dataset record is: a PA-X peace process, a UCDP conflict, an agreement, an actor.
public enum DatasetRecordKind: String, Sendable, CaseIterable {
  case process, conflict, agreement, actor

  var column: String {
    switch self {
    case .process, .conflict: "negotiation_id"
    case .agreement: "proposal_id"
    case .actor: "actor_id"
    }
  }
}

/// PA-X's stages of a peace process. They recur and imply no order.
public enum PaxStage: String, Sendable, CaseIterable, Codable {
  case pre = "Pre"
  case subPar = "SubPar"
  case subComp = "SubComp"
  case cea = "Cea"
  case imp = "Imp"
  case ren = "Ren"
  case oth = "Oth"

  public var label: String {
    switch self {
    case .pre: "pre-negotiation"
    case .subPar: "framework, partial"
    case .subComp: "framework, comprehensive"
    case .cea: "ceasefire"
    case .imp: "implementation"
    case .ren: "renewal"
    case .oth: "other"
    }
  }
}

public enum SignatoryRole: String, Sendable, CaseIterable {
  case signatory
  case thirdParty = "third_party"
}

/// What a dataset says of a proposal, as shown with it: its dataset and id there, its current
/// stage, its signatories and third parties as written.
public struct DatasetFacts: Sendable, Codable, Equatable {
  public let dataset: String
  public let key: String
  public let stage: String?
  public let stageSub: String?
  public let signatories: String?
  public let thirdParties: String?

  /// `PA-X 1364`, `UCDP 1537`.
  public var citation: String {
    (Dataset(rawValue: dataset)?.shortName ?? dataset) + " " + key
  }

  /// `implementation (Imp, ImpMod)`.
  public var stageText: String? {
    guard let stage else { return nil }
    let label = PaxStage(rawValue: stage)?.label ?? stage
    return label + " (" + ([stage] + [stageSub].compactMap { $0 }).joined(separator: ", ") + ")"
  }
}

extension AccordStore {
  /// The dataset record and the Accord record that stands for it, if it was imported before.
  public func datasetRecord(_ dataset: Dataset, _ kind: DatasetRecordKind, key: String) throws
    -> (record: Int64, target: Int64)?
  {
    try connection.first(
      "SELECT id, \(kind.column) AS target FROM dataset_record WHERE dataset = ? AND kind = ? AND key = ?",
      [.text(dataset.rawValue), .text(kind.rawValue), .text(key)],
      { row throws(DatabaseError) in (try row.integer("id"), try row.integer("target")) })
  }

  /// Records that `target` stands for the dataset's record `key`.
  @discardableResult
  public func linkDatasetRecord(_ dataset: Dataset, _ kind: DatasetRecordKind, key: String, target: Int64)
    throws -> Int64
  {
    try connection.insert(
      "INSERT INTO dataset_record (dataset, kind, key, \(kind.column)) VALUES (?, ?, ?, ?)",
      [.text(dataset.rawValue), .text(kind.rawValue), .text(key), .integer(target)])
  }

  /// The actor with this ISO 3166-1 alpha-3 code.
  public func actorID(code: String) throws -> Int64? {
    try connection.integer("SELECT id FROM actor WHERE code = ?", [.text(code)])
  }

  /// The actors that go by `name` (any alias, any case), optionally of one kind.
  public func actorIDs(named name: String, kind: ActorKind? = nil) throws -> [Int64] {
    try connection.all(
      """
      SELECT DISTINCT a.id FROM actor_alias x JOIN actor a ON a.id = x.actor_id
      WHERE x.alias_key = ?1 AND (CAST(?2 AS TEXT) IS NULL OR a.kind = ?2) ORDER BY a.id
      """, [.text(Names.key(name)), .optional(kind?.rawValue)]
    ) { $0.integer(0) }
  }

  /// Every name of every actor not of `kind`, as written: (actor, its ISO code if any, name).
  public func actorAliases(excluding kind: ActorKind) throws -> [(actor: Int64, code: String?, name: String)]
  {
    try connection.all(
      "SELECT x.actor_id, a.code, x.alias FROM actor_alias x JOIN actor a ON a.id = x.actor_id WHERE a.kind <> ?",
      [.text(kind.rawValue)]
    ) { row throws(DatabaseError) in
      (try row.integer("actor_id"), try row.optionalText("code"), try row.text("alias"))
    }
  }

  /// Makes `actor` take part in the negotiation as `role` from `date`, unless it takes part in it
  /// then already. True when it joined.
  @discardableResult
  public func ensureParticipant(
    _ actor: Int64, of negotiation: Int64, as role: ParticipantRole, from date: AccordDate
  )
    throws -> Bool
  {
    if try takesPart(actor, in: negotiation, role: role, on: date) { return false }
    try addParticipant(negotiation: negotiation, actor: actor, role: role, date: date)
    return true
  }

  /// A dataset's value held to the limits the schema keeps (a dataset's import is a bulk write,
  /// which the schema's triggers leave to it; see FieldLimit).
  static func checkSize(_ value: String?, _ what: String, _ limit: Int) throws(StoreError) {
    guard let value, value.utf8.count > limit else { return }
    throw .invalid(
      "\(what) is longer than Accord keeps (\(value.utf8.count) bytes; up to \(FieldLimit.words(limit))): shorten it in the file"
    )
  }

  /// Adds an actor that a dataset names, with a short id made from its name.
  public func addImportedActor(name: String, kind: ActorKind, code: String?, aliases: [String]) throws
    -> Int64
  {
    try Self.checkSize(name, "an actor's name", FieldLimit.name)
    for alias in aliases { try Self.checkSize(alias, "an actor's name", FieldLimit.name) }
    let slug = try newSlug(nil, from: name, fallback: kind.rawValue, table: "actor")
    let id = try connection.insert(
      "INSERT INTO actor (slug, name, kind, code) VALUES (?, ?, ?, ?)",
      [.text(slug), .text(name), .text(kind.rawValue), .optional(code)])
    for alias in [name] + aliases { try addAlias(alias, to: id) }
    return id
  }

  /// Adds a negotiation that a dataset names (a peace process, a conflict).
  public func addImportedNegotiation(title: String, summary: String?, tags: [String]) throws -> Int64 {
    try Self.checkSize(title, "a negotiation's title", FieldLimit.name)
    try Self.checkSize(summary, "a negotiation's summary", FieldLimit.text)
    let slug = try newSlug(nil, from: title, fallback: "negotiation", table: "negotiation")
    let id = try connection.insert(
      "INSERT INTO negotiation (slug, title, title_key, summary) VALUES (?, ?, ?, ?)",
      [.text(slug), .text(title), .text(Names.key(title)), .optional(summary)])
    for tag in tags {
      try connection.run(
        "INSERT INTO negotiation_tag (negotiation_id, tag) VALUES (?, ?) ON CONFLICT DO NOTHING",
        [.integer(id), .text(tag)])
    }
    return id
  }

  /// The source with short id `slug`, made if new. A URL that another source has already is left
  /// out (URLs are unique).
  public func datasetSource(slug: String, url: String?, outlet: String, title: String) throws -> Int64 {
    try Self.checkSize(title, "a source's title", FieldLimit.name)
    if let id = try connection.integer("SELECT id FROM source WHERE slug = ?", [.text(slug)]) { return id }
    var url = url.flatMap { AccordStore.urlProblem($0) == nil ? $0 : nil }
    if let link = url, try connection.integer("SELECT 1 FROM source WHERE url = ?", [.text(link)]) != nil {
      url = nil
    }
    return try connection.insert(
      "INSERT INTO source (slug, url, outlet, title) VALUES (?, ?, ?, ?)",
      [.text(slug), .optional(url), .text(outlet), .text(title)])
  }

  /// Adds a proposal that a dataset records, citing `source`.
  public func addImportedProposal(
    slug: String, negotiation: Int64, title: String, terms: String?, source: Int64
  ) throws -> Int64 {
    try Self.checkSize(title, "an agreement's name", FieldLimit.name)
    try Self.checkSize(terms, "an agreement's terms", FieldLimit.text)
    let slug = try newSlug(nil, from: slug, fallback: "proposal", table: "proposal")
    let id = try connection.insert(
      "INSERT INTO proposal (slug, negotiation_id, title, title_key, terms) VALUES (?, ?, ?, ?, ?)",
      [.text(slug), .integer(negotiation), .text(title), .text(Names.key(title)), .optional(terms)])
    try cite([source], .proposal, id)
    return id
  }

  /// Adds a whole-proposal step citing `source`, unless the proposal has a step of that kind on
  /// that date already. True when it was added.
  @discardableResult
  public func addImportedStep(
    proposal: Int64, _ kind: ProposalStep.Kind, date: AccordDate, note: String?, source: Int64
  ) throws -> Bool {
    if try connection.integer(
      "SELECT 1 FROM proposal_step WHERE proposal_id = ? AND step = ? AND date = ? AND party_id IS NULL",
      [.integer(proposal), .text(kind.rawValue), .text(date.text)]) != nil
    {
      return false
    }
    let step = try insertStep(proposal: proposal, kind, date: date, party: nil, note: note)
    try cite([source], .step, step)
    return true
  }

  /// Retracts a whole-proposal step an earlier import recorded that the dataset no longer implies
  /// (same kind, date and note), giving `reason`. True when there was one.
  @discardableResult
  public func retractImportedStep(
    proposal: Int64, _ kind: ProposalStep.Kind, date: AccordDate, note: String, reason: String
  ) throws -> Bool {
    guard
      let step = try connection.integer(
        """
        SELECT id FROM current_proposal_step
        WHERE proposal_id = ? AND step = ? AND date = ? AND party_id IS NULL AND note = ?
        """, [.integer(proposal), .text(kind.rawValue), .text(date.text), .text(note)])
    else { return false }
    _ = try insertRetraction(table: "proposal_step", id: step, reason: reason, label: "step \(step)")
    return true
  }

  /// Records the proposal's stage unless it is its latest one already. True when it was added.
  @discardableResult
  public func addImportedStage(proposal: Int64, _ stage: PaxStage, sub: String?, record: Int64) throws -> Bool
  {
    let latest = try connection.first(
      "SELECT stage, stage_sub FROM proposal_stage WHERE proposal_id = ? ORDER BY id DESC LIMIT 1",
      [.integer(proposal)],
      { row throws(DatabaseError) in (try row.text("stage"), try row.optionalText("stage_sub")) })
    if let latest, latest.0 == stage.rawValue, latest.1 == sub { return false }
    try connection.run(
      "INSERT INTO proposal_stage (proposal_id, stage, stage_sub, record_id) VALUES (?, ?, ?, ?)",
      [.integer(proposal), .text(stage.rawValue), .optional(sub), .integer(record)])
    return true
  }

  /// Records signatories or third parties as written, unless that is the latest text already.
  @discardableResult
  public func addImportedSignatories(proposal: Int64, _ role: SignatoryRole, text: String, record: Int64)
    throws
    -> Bool
  {
    try Self.checkSize(text, "a list of signatories", FieldLimit.text)
    let latest = try connection.first(
      "SELECT text FROM proposal_signatory WHERE proposal_id = ? AND role = ? ORDER BY id DESC LIMIT 1",
      [.integer(proposal), .text(role.rawValue)], { $0.text(0) })
    if latest == text { return false }
    try connection.run(
      "INSERT INTO proposal_signatory (proposal_id, role, text, record_id) VALUES (?, ?, ?, ?)",
      [.integer(proposal), .text(role.rawValue), .text(text), .integer(record)])
    return true
  }

  /// Logs a development citing `source`, unless the negotiation has the same entry on that date.
  @discardableResult
  public func addImportedDevelopment(negotiation: Int64, date: AccordDate, text: String, source: Int64) throws
    -> Bool
  {
    try Self.checkSize(text, "a development", FieldLimit.text)
    if try connection.integer(
      "SELECT 1 FROM development WHERE negotiation_id = ? AND date_first = ? AND date = ? AND text = ?",
      [.integer(negotiation), .text(date.first.description), .text(date.text), .text(text)]) != nil
    {
      return false
    }
    let id = try insertDevelopment(negotiation: negotiation, text: text, date: date, actors: [])
    try cite([source], .development, id)
    return true
  }

  /// What a dataset says of the proposal, if it came from one.
  public func datasetFacts(proposal: Int64) throws -> DatasetFacts? {
    try connection.first(
      """
      SELECT dataset, key, stage, stage_sub, signatories, third_parties FROM proposal_dataset
      WHERE proposal_id = ? ORDER BY dataset LIMIT 1
      """, [.integer(proposal)]
    ) { row throws(DatabaseError) in
      DatasetFacts(
        dataset: try row.text("dataset"), key: try row.text("key"), stage: try row.optionalText("stage"),
        stageSub: try row.optionalText("stage_sub"), signatories: try row.optionalText("signatories"),
        thirdParties: try row.optionalText("third_parties"))
    }
  }
}

extension AccordStore {
  /// The negotiation a proposal belongs to.
  public func negotiationID(ofProposal proposal: Int64) throws -> Int64 {
    try negotiationOf(proposal: proposal)
  }

  /// Makes `actor` a party of the negotiation from `date`, unless it takes part on that date
  /// already. True when it joined.
  @discardableResult
  public func ensureParty(_ actor: Int64, of negotiation: Int64, from date: AccordDate) throws -> Bool {
    if try takesPart(actor, in: negotiation, on: date) { return false }
    try addParticipant(negotiation: negotiation, actor: actor, role: .party, date: date)
    return true
  }

  /// Adds a step of one party, unless the proposal has that step for that party on that date
  /// already; cites `source` when given. True when it was added.
  @discardableResult
  public func addImportedPartyStep(
    proposal: Int64, _ kind: ProposalStep.Kind, party: Int64, date: AccordDate, effective: AccordDate? = nil,
    note: String? = nil, source: Int64? = nil
  ) throws -> Bool {
    if try connection.integer(
      "SELECT 1 FROM proposal_step WHERE proposal_id = ? AND step = ? AND +party_id = ? AND date = ?",
      [.integer(proposal), .text(kind.rawValue), .integer(party), .text(date.text)]) != nil
    {
      return false
    }
    try checkNotBeforeFirstStep(of: proposal, date)
    let step = try insertStep(
      proposal: proposal, kind, date: date, party: party, note: note, effective: effective)
    if let source { try cite([source], .step, step) }
    return true
  }
}
