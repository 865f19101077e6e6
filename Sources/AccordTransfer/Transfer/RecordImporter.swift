import AccordSQLite
import AccordStore

/// Writes records of Accord's export format into the store, merging with what is there.
///
/// - Records with a short id (actors, sources, negotiations, proposals) are the same record when
///   their short ids are equal: one that is there already with the same content is left alone
///   (its aliases, tags and participants are added to), one whose content differs is a conflict,
///   reported and never overwritten. Terms are the same when their negotiation and text are.
///   Dataset records are the same when their dataset, kind and key are.
/// - Other records (steps, positions, meetings, quotes, developments, …) are the same when every
///   field but their number and `recorded_at` equals that of a record that was there before the
///   import began. So importing a file twice adds nothing, two analysts' copies of one fact become
///   one, and two equal entries of one file both stay.
/// - Into a table that was empty when the import began, records keep the ids of the file, so that
///   export → import → export gives the same file; elsewhere SQLite numbers them.
/// - References by short id resolve to records of the file or of the database; references by
///   number (terms, positions, dataset records) name records earlier in the same file.
///
/// Use it inside one ``AccordStore/write(_:)``: any error leaves the database as it was.
public final class RecordImporter {
  let store: AccordStore
  /// The database the import writes to, a file's or a team's server's.
  let connection: any Database
  /// The file's connection, when the database is a file: developments go in through a
  /// prepared statement kept for the whole import.
  let file: Connection?
  /// The words of SQL that differ by engine: a new row's id, the time now.
  let words: EngineWords
  /// Each table's largest id when the import began (0 for an empty table).
  var startMax: [String: Int64] = [:]
  var slugs: [String: [String: Int64]] = [:]
  var terms: [Int64: Int64] = [:]
  var positions: [Int64: Int64] = [:]
  /// File numbers to database ids, for the records a retraction may name by number.
  var answers: [Int64: Int64] = [:]
  /// Answers that files of versions 1 and 2 kept among positions, by their position number there.
  var oldAnswers: [Int64: Int64] = [:]
  var memberships: [Int64: Int64] = [:]
  var links: [Int64: Int64] = [:]
  var deadlines: [Int64: Int64] = [:]
  var participants: [Int64: Int64] = [:]
  var datasetRecords: [Int64: Int64] = [:]
  /// Dates read so far, with the three columns they fill (most files repeat their days).
  var dates: [String: (date: AccordDate, first: SQLValue, last: SQLValue)] = [:]
  /// The statement that inserts a batch of developments, prepared once (a file may hold
  /// millions); the developments waiting for it, seven values each; and the largest id the file
  /// gave them, when kept (two records of one file may not share one).
  var developmentInsert: Statement?
  var pendingDevelopments: [SQLValue] = []
  var largestDevelopmentID: Int64 = 0
  /// The negotiations developments name, by short id (one lookup a row, not two). Developments
  /// written in batches are counted into `added` when their batch is.
  var negotiationIDs: [String: Int64] = [:]
  /// The file's numbers of the developments waiting, when SQLite numbers them.
  var pendingDevelopmentNumbers: [Int64] = []
  /// File numbers to database ids of steps, meetings, quotes and developments, by table, for
  /// the retractions that name them by number: kept only where the table held rows before the
  /// import (elsewhere the file's numbers are kept, and a number is its own id).
  var renumbered: [String: [Int64: Int64]] = [:]
  /// Records written, and records found there already, by type.
  public internal(set) var added: [String: Int] = [:]
  public internal(set) var present: [String: Int] = [:]

  /// The page cache of a bulk import, in KiB: large enough that index pages written in random
  /// order (developments by negotiation) stay in memory until the commit instead of being spilled
  /// to the WAL again and again; small enough to keep an import well under 100 MB.
  public static let cacheKiB = 65_536

  public init(store: AccordStore) throws {
    self.store = store
    connection = store.connection
    file = store.file
    words = store.words
    if let file { try file.execute("PRAGMA cache_size = -\(Self.cacheKiB)") }
    for table in [
      "actor", "affiliation", "source", "negotiation", "participant", "membership", "proposal",
      "proposal_step",
      "proposal_link", "term", "position", "answer", "deadline",
      "term_link", "meeting", "statement", "development", "dataset_record", "proposal_stage",
      "proposal_signatory", "retraction",
    ] {
      startMax[table] = try connection.integer("SELECT coalesce(max(id), 0) FROM \(table)") ?? 0
    }
  }

  /// Writes one record (or finds it there already).
  public func add(_ record: TransferRecord) throws {
    let fields = TransferFields(record: record)
    do {
      if record.type != "development" { try flushDevelopments() }
      switch record.type {
      case "actor": try actor(fields)
      case "affiliation": try affiliation(fields)
      case "source": try source(fields)
      case "negotiation": try negotiation(fields)
      case "participant": try participant(fields)
      case "membership": try membership(fields)
      case "link": try link(fields)
      case "answer": try answer(fields)
      case "deadline": try deadline(fields)
      case "proposal": try proposal(fields)
      case "step": try step(fields)
      case "term": try term(fields)
      case "position": try position(fields)
      case "term_link": try termLink(fields)
      case "meeting": try meeting(fields)
      case "quote": try quote(fields)
      case "development": try development(fields)
      case "dataset_record": try datasetRecord(fields)
      case "stage": try stage(fields)
      case "signatory": try signatory(fields)
      case "retraction": try retraction(fields)
      default:
        throw StoreError.invalid(
          "field 'type': expected one of \(TransferFormat.types.joined(separator: ", ")), found \(TransferFields.quoted(record.type))"
        )
      }
    } catch {
      guard case .database(.sqlite(_, let extended, let message, _))? = StoreError(error) else { throw error }
      if extended == ExtendedCode.constraintPrimaryKey {
        throw StoreError.invalid("field 'id': another \(record.type) record of the file has the same id")
      }
      throw StoreError.invalid("the database refused it: \(message)")
    }
  }

  func renumber(_ table: String, _ number: Int64, _ id: Int64) {
    if startMax[table] != 0 { renumbered[table, default: [:]][number] = id }
  }

  func count(_ type: String, added isNew: Bool) {
    if isNew { added[type, default: 0] += 1 } else { present[type, default: 0] += 1 }
  }

  // MARK: Helpers

  /// The file's id when the table was empty at the start, else nil (SQLite numbers the row).
  func newID(_ id: Int64, _ table: String) -> SQLValue {
    startMax[table] == 0 ? .integer(id) : .null
  }

  /// Whether records of `table` that were there before the import may match incoming ones.
  func mayMatch(_ table: String) -> Bool { (startMax[table] ?? 0) > 0 }

  /// Runs an INSERT into a table keyed by `id` and returns the new row's id.
  func insert(_ sql: String, _ values: [SQLValue]) throws(StoreError) -> Int64 {
    try StoreError.catching(connection.insert(sql, values))
  }

  /// Runs `sql` for its effect.
  func run(_ sql: String, _ values: [SQLValue]) throws(StoreError) {
    try StoreError.catching(connection.run(sql, values))
  }

  /// The id of the record of `table` whose short id is `slug`, from the file or the database.
  func lookUp(_ slug: String, in table: String) throws(StoreError) -> Int64? {
    if let id = slugs[table]?[slug] { return id }
    guard
      let id = try StoreError.catching(
        connection.integer("SELECT id FROM \(table) WHERE slug = ?", [.text(slug)]))
    else {
      return nil
    }
    slugs[table, default: [:]][slug] = id
    return id
  }

  func reference(_ fields: TransferFields, _ name: String, _ table: String) throws -> Int64 {
    guard let id = try optionalReference(fields, name, table) else { throw fields.missing(name) }
    return id
  }

  func optionalReference(_ fields: TransferFields, _ name: String, _ table: String) throws -> Int64? {
    guard let slug = try fields.optionalText(name) else { return nil }
    return try resolve(slug, field: name, table: table)
  }

  func resolve(_ slug: String, field: String, table: String) throws -> Int64 {
    guard let id = try lookUp(slug, in: table) else {
      throw StoreError.conflict(
        "field '\(field)': no \(table) '\(slug)' earlier in the file or in the database")
    }
    return id
  }

  /// A reference by number to a record earlier in the same file.
  func numbered(
    _ fields: TransferFields, _ name: String, _ map: [Int64: Int64], _ kind: String, required: Bool
  ) throws -> Int64? {
    guard let number = try fields.optionalInteger(name) else {
      if required { throw fields.missing(name) }
      return nil
    }
    guard let id = map[number] else {
      throw StoreError.conflict("field '\(name)': no \(kind) \(number) earlier in the file")
    }
    return id
  }

  func date(_ fields: TransferFields, _ name: String) throws -> AccordDate {
    guard let date = try optionalDate(fields, name) else { throw fields.missing(name) }
    return date
  }

  func optionalDate(_ fields: TransferFields, _ name: String) throws -> AccordDate? {
    guard let text = try fields.optionalText(name) else { return nil }
    return try parsedDate(text, name).date
  }

  /// A date with its first and last day as column values, from the cache when it was read before.
  func parsedDate(_ text: String, _ name: String) throws -> (
    date: AccordDate, first: SQLValue, last: SQLValue
  ) {
    if let cached = dates[text] { return cached }
    let date: AccordDate
    do {
      date = try AccordDate.parse(text, today: store.today)
    } catch {
      throw StoreError.invalid("field '\(name)': \(error.description)")
    }
    guard date.text == text else {
      throw StoreError.invalid(
        "field '\(name)': expected a date written YYYY, YYYY-MM or YYYY-MM-DD (optionally ending in ~, ? or %), found \(TransferFields.quoted(text))"
      )
    }
    if dates.count > 100_000 { dates.removeAll(keepingCapacity: true) }
    let entry = (date, SQLValue.text(date.first.description), SQLValue.text(date.last.description))
    dates[text] = entry
    return entry
  }

  func cite(_ fields: TransferFields, _ fact: CitedFact, _ id: Int64) throws {
    for slug in try fields.texts("sources") {
      let source = try resolve(slug, field: "sources", table: "source")
      _ = try run(
        "INSERT INTO citation (source_id, \(fact.rawValue)) VALUES (?, ?)", [.integer(source), .integer(id)])
    }
  }

  /// Reports a record that differs from the one with the same short id in the database.
  func compare(
    _ type: String, _ slug: String, _ pairs: [(field: String, there: SQLValue, here: SQLValue)]
  ) throws {
    for pair in pairs where pair.there != pair.here {
      throw StoreError.conflict(
        "\(type) '\(slug)' conflicts with the one in the database: field '\(pair.field)' is \(Self.shown(pair.there)) there, \(Self.shown(pair.here)) in the file; records are never overwritten, so nothing was imported"
      )
    }
  }

  static func shown(_ value: SQLValue) -> String {
    switch value {
    case .null: "absent"
    case .integer(let integer): String(integer)
    case .real(let double): String(double)
    case .text(let text): TransferFields.quoted(text)
    }
  }

  /// The id of a record that was there before the import and equals the incoming one, if any.
  /// `sql` compares the columns with parameters ?3 on; ?2 is the table's largest id at the start.
  func match(_ table: String, _ sql: String, _ values: [SQLValue]) throws -> Int64? {
    guard mayMatch(table) else { return nil }
    let full = "SELECT id FROM \(table) WHERE \(sql) AND id <= ?2 LIMIT 1"
    return try connection.integer(full, [.null, .integer(startMax[table] ?? 0)] + values)
  }
}
