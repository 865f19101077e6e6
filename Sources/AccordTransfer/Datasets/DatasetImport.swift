import AccordStore

/// What a dataset import wrote.
public struct DatasetSummary: Sendable, CustomStringConvertible {
  public let dataset: Dataset
  public var agreements = 0
  public var newAgreements = 0
  public var negotiations = 0
  public var actors = 0
  /// Parties and mediators who joined a negotiation (an earlier joining than one recorded counts).
  public var participants = 0
  public var steps = 0
  /// Stage, signatory and third-party rows that were new or changed.
  public var facts = 0
  /// Signatory lists read (an agreement's signatories, or its third parties), the actors matched
  /// in them, and the lists in which none was.
  public var signatoryLists = 0
  public var signatoriesMatched = 0
  public var listsUnmatched = 0

  public var description: String {
    var text =
      "\(dataset.shortName): \(agreements) agreements (\(newAgreements) new, \(agreements - newAgreements) there already); "
      + "added \(negotiations) negotiations, \(actors) actors, \(participants) participants, \(steps) steps, "
      + "\(facts) stage and signatory records"
    if signatoryLists > 0 {
      text +=
        "\nsignatories: \(signatoriesMatched) matched to actors in \(signatoryLists) lists; "
        + "\(listsUnmatched) lists matched none (kept as written)"
    }
    return text
  }
}

/// What the PA-X and UCDP imports share: reading the file row by row in one transaction, errors
/// that name the line and the column, and matching the actors they name to Accord's.
public class DatasetImport {
  let store: AccordStore
  let dataset: Dataset
  var summary: DatasetSummary

  init(store: AccordStore, dataset: Dataset) {
    self.store = store
    self.dataset = dataset
    summary = DatasetSummary(dataset: dataset)
  }

  /// Runs `row` on every row of the CSV file in one transaction; any error leaves the database
  /// as it was.
  func run(
    _ source: ByteSource, required: [String], progress: ((TransferProgress) -> Void)?,
    row: (CSVRow) throws -> Void, finish: () throws -> Void
  ) throws -> DatasetSummary {
    try store.bulk {
      let reader = try CSVReader(source: source)
      for column in required where !reader.has(column) {
        throw StoreError.invalid(
          "\(source.name) has no column '\(column)': is it a \(dataset.title) CSV file?")
      }
      var count = 0
      while let next = try reader.next() {
        try row(next)
        count += 1
        if count % 256 == 0 {
          progress?(TransferProgress(records: count, bytes: source.bytesRead, totalBytes: source.size))
        }
      }
      try finish()
      try recordJoinings()
    }
    return summary
  }

  /// A date as the dataset writes it (YYYY-MM-DD), or an error naming the line and column.
  func date(_ row: CSVRow, _ column: String) throws -> AccordDate {
    let text = try row.required(column)
    guard let day = Day(iso: text) else {
      throw StoreError.invalid(
        "line \(row.line), column '\(column)': expected a date written YYYY-MM-DD, found \"\(text)\"")
    }
    return AccordDate(day: day)
  }

  /// A dataset id: digits (and letters, dots, hyphens), or an error naming the line and column.
  func key(_ row: CSVRow, _ column: String) throws -> String {
    let text = try row.required(column)
    guard
      text.unicodeScalars.allSatisfy({
        $0.isASCII
          && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "._-".unicodeScalars.contains($0))
      })
    else {
      throw StoreError.invalid(
        "line \(row.line), column '\(column)': expected an id such as 1364, found \"\(text)\"")
    }
    return text
  }

  /// A list of dataset ids (`389, 398`): one or more, each checked as ``key(_:_:)`` checks one.
  func keys(_ row: CSVRow, _ column: String) throws -> [String] {
    let text = try row.required(column)
    let keys = text.split(separator: ",").map { $0.trimmedOfSpace }
    guard !keys.isEmpty,
      keys.allSatisfy({ key in
        !key.isEmpty
          && key.unicodeScalars.allSatisfy {
            $0.isASCII
              && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "._-".unicodeScalars.contains($0))
          }
      })
    else {
      throw StoreError.invalid(
        "line \(row.line), column '\(column)': expected an id such as 389, or several joined by commas, found \"\(text)\""
      )
    }
    return keys
  }

  /// A title on one line: runs of white space (the datasets' line breaks) become one space.
  func oneLine(_ text: String) -> String {
    text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
  }

  /// The negotiation for a dataset's process or conflict, made the first time.
  func negotiation(kind: DatasetRecordKind, key: String, title: String, summary text: String) throws -> Int64
  {
    if let known = try store.datasetRecord(dataset, kind, key: key) { return known.target }
    let id = try store.addImportedNegotiation(
      title: title, summary: text, tags: [dataset.shortName.lowercased()])
    try store.linkDatasetRecord(dataset, kind, key: key, target: id)
    summary.negotiations += 1
    return id
  }

  /// The proposal for a dataset's agreement, made the first time, and its dataset record.
  func agreement(
    key: String, negotiation: Int64, title: String, terms: String?, source: Int64
  ) throws -> (proposal: Int64, record: Int64) {
    summary.agreements += 1
    if let known = try store.datasetRecord(dataset, .agreement, key: key) {
      return (known.target, known.record)
    }
    let proposal = try store.addImportedProposal(
      slug: "\(dataset.rawValue)-\(key)", negotiation: negotiation, title: title, terms: terms, source: source
    )
    let record = try store.linkDatasetRecord(dataset, .agreement, key: key, target: proposal)
    summary.newAgreements += 1
    return (proposal, record)
  }

  func step(_ proposal: Int64, _ kind: ProposalStep.Kind, _ date: AccordDate, note: String?, source: Int64)
    throws
  {
    if try store.addImportedStep(proposal: proposal, kind, date: date, note: note, source: source) {
      summary.steps += 1
    }
  }

  func signatories(_ proposal: Int64, _ role: SignatoryRole, _ text: String?, record: Int64) throws {
    guard let text, !text.trimmedOfSpace.isEmpty else { return }
    if try store.addImportedSignatories(proposal: proposal, role, text: text, record: record) {
      summary.facts += 1
    }
  }

  // MARK: Countries and actors

  private var matcher: SignatoryMatcher?
  /// Who takes part in which negotiation as what, from the earliest agreement of the file that
  /// names it: recorded once, at the end (the files are in no order of date).
  private var joinings: [JoiningKey: AccordDate] = [:]

  struct JoiningKey: Hashable {
    let actor: Int64
    let negotiation: Int64
    let role: ParticipantRole
  }

  /// Notes that `actor` takes part in `negotiation` as `role` from `date` at the latest.
  func takesPart(_ actor: Int64, in negotiation: Int64, as role: ParticipantRole, from date: AccordDate) {
    let key = JoiningKey(actor: actor, negotiation: negotiation, role: role)
    if let known = joinings[key], known.first <= date.first { return }
    joinings[key] = date
  }

  /// Records the joinings noted, each unless the actor takes part that day already.
  func recordJoinings() throws {
    let ordered = joinings.sorted {
      ($0.key.negotiation, $0.value.first, $0.key.actor) < ($1.key.negotiation, $1.value.first, $1.key.actor)
    }
    for (key, date) in ordered
    where try store.ensureParticipant(key.actor, of: key.negotiation, as: key.role, from: date) {
      summary.participants += 1
    }
    joinings = [:]
  }

  /// The actors a signatory list names (states made as needed), counted in the summary.
  func signatoryActors(_ text: String?) throws -> [Int64] {
    guard let text, !text.trimmedOfSpace.isEmpty else { return [] }
    let matcher = try self.matcher ?? SignatoryMatcher(store: store)
    self.matcher = matcher
    var actors: [Int64] = []
    for target in matcher.targets(in: text) {
      let actor: Int64?
      switch target {
      case .actor(let id): actor = id
      case .country(let code): actor = try country(code: code)
      }
      if let actor, !actors.contains(actor) { actors.append(actor) }
    }
    summary.signatoryLists += 1
    summary.signatoriesMatched += actors.count
    if actors.isEmpty { summary.listsUnmatched += 1 }
    return actors
  }

  static let countryByCode: [String: (name: String, otherNames: [String])] = {
    var table: [String: (name: String, otherNames: [String])] = [:]
    for country in Countries.all { table[country.code] = (country.name, country.otherNames) }
    return table
  }()

  static let codeByName: [String: String] = {
    var table: [String: String] = [:]
    for country in Countries.all {
      for name in [country.name] + country.otherNames where table[Names.key(name)] == nil {
        table[Names.key(name)] = country.code
      }
    }
    return table
  }()

  /// The state actor with this ISO 3166-1 alpha-3 code: the one Accord has (by code, else the one
  /// state of that name without a code), else a new one named as ISO 3166 names it. Nil for a
  /// code that is not a country's.
  func country(code: String) throws -> Int64? {
    guard let (id, made) = try Self.country(code: code, in: store) else { return nil }
    if made { summary.actors += 1 }
    return id
  }

  /// ``country(code:)`` for any importer: the actor, and whether it was made now.
  static func country(code: String, in store: AccordStore) throws -> (id: Int64, made: Bool)? {
    let code = code.uppercased()
    if let id = try store.actorID(code: code) { return (id, false) }
    guard let country = countryByCode[code] else { return nil }
    for name in [country.name] + country.otherNames {
      let named = try store.actorIDs(named: name, kind: .state)
      if named.count == 1 { return (named[0], false) }
    }
    let id = try store.addImportedActor(
      name: country.name, kind: .state, code: code, aliases: country.otherNames)
    return (id, true)
  }

  /// The state actor a country name stands for (`Ukraine`, `Russia`, `Bosnia and Herzegovina`):
  /// the one state Accord has by that name, else by the ISO 3166 code of that name. Nil when the
  /// name is no country's.
  func country(named name: String) throws -> Int64? {
    let named = try store.actorIDs(named: name, kind: .state)
    if named.count == 1 { return named[0] }
    guard let code = Self.codeByName[Names.key(name)] else { return nil }
    return try country(code: code)
  }
}
