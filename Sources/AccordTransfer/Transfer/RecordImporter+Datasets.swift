import AccordSQLite
import AccordStore

/// Dataset records (PA-X and UCDP keys, stages, signatories) and retractions: see ``RecordImporter``
/// for how they merge.
extension RecordImporter {

  func datasetRecord(_ f: TransferFields) throws {
    try f.onlyFields(["id", "dataset", "kind", "key", "negotiation", "proposal", "actor", "recorded_at"])
    let id = try f.id()
    let dataset = try f.choice("dataset", Dataset.allCases.map(\.rawValue))
    let kind = try f.choice("kind", DatasetRecordKind.allCases.map(\.rawValue))
    let key = try f.text("key")
    let column: String
    let target: Int64
    switch DatasetRecordKind(rawValue: kind) {
    case .agreement:
      (column, target) = ("proposal_id", try reference(f, "proposal", "proposal"))
    case .actor:
      (column, target) = ("actor_id", try reference(f, "actor", "actor"))
    default:
      (column, target) = ("negotiation_id", try reference(f, "negotiation", "negotiation"))
    }
    let recordedAt = try f.recordedAt()
    if let existing = try connection.first(
      "SELECT id, \(column) AS target FROM dataset_record WHERE dataset = ? AND kind = ? AND key = ?",
      [.text(dataset), .text(kind), .text(key)],
      { row throws(DatabaseError) in (try row.integer("id"), try row.optionalInteger("target")) })
    {
      guard existing.1 == target else {
        throw StoreError.conflict(
          "\(dataset) \(kind) \(key) stands for another record in the database; records are never overwritten, so nothing was imported"
        )
      }
      datasetRecords[id] = existing.0
      return count("dataset_record", added: false)
    }
    datasetRecords[id] = try insert(
      "INSERT INTO dataset_record (id, dataset, kind, key, \(column), recorded_at) VALUES (\(words.newID("dataset_record")), ?, ?, ?, ?, coalesce(?, \(words.now)))",
      [
        newID(id, "dataset_record"), .text(dataset), .text(kind), .text(key), .integer(target),
        .optional(recordedAt),
      ])
    count("dataset_record", added: true)
  }

  func stage(_ f: TransferFields) throws {
    try f.onlyFields(["id", "proposal", "stage", "stage_sub", "record", "recorded_at"])
    let id = try f.id()
    let proposal = try reference(f, "proposal", "proposal")
    let stage = try f.choice("stage", PaxStage.allCases.map(\.rawValue))
    let sub = try f.nonEmptyText("stage_sub")
    let record = try numbered(f, "record", datasetRecords, "dataset record", required: false)
    let recordedAt = try f.recordedAt()
    if try match(
      "proposal_stage",
      "proposal_id = ?3 AND stage = ?4 AND stage_sub IS NOT DISTINCT FROM ?5 AND record_id IS NOT DISTINCT FROM ?6",
      [.integer(proposal), .text(stage), .optional(sub), .optional(record)]) != nil
    {
      return count("stage", added: false)
    }
    try run(
      "INSERT INTO proposal_stage (id, proposal_id, stage, stage_sub, record_id, recorded_at) VALUES (\(words.newID("proposal_stage")), ?, ?, ?, ?, coalesce(?, \(words.now)))",
      [
        newID(id, "proposal_stage"), .integer(proposal), .text(stage), .optional(sub), .optional(record),
        .optional(recordedAt),
      ])
    count("stage", added: true)
  }

  func signatory(_ f: TransferFields) throws {
    try f.onlyFields(["id", "proposal", "role", "text", "record", "recorded_at"])
    let id = try f.id()
    let proposal = try reference(f, "proposal", "proposal")
    let role = try f.choice("role", SignatoryRole.allCases.map(\.rawValue))
    let text = try f.text("text")
    let record = try numbered(f, "record", datasetRecords, "dataset record", required: false)
    let recordedAt = try f.recordedAt()
    if try match(
      "proposal_signatory",
      "proposal_id = ?3 AND role = ?4 AND text = ?5 AND record_id IS NOT DISTINCT FROM ?6",
      [.integer(proposal), .text(role), .text(text), .optional(record)]) != nil
    {
      return count("signatory", added: false)
    }
    try run(
      "INSERT INTO proposal_signatory (id, proposal_id, role, text, record_id, recorded_at) VALUES (\(words.newID("proposal_signatory")), ?, ?, ?, ?, coalesce(?, \(words.now)))",
      [
        newID(id, "proposal_signatory"), .integer(proposal), .text(role), .text(text), .optional(record),
        .optional(recordedAt),
      ])
    count("signatory", added: true)
  }

  /// A retraction names its record by short id (actor, negotiation, proposal, source), or by its
  /// number in the file (any other kind): a record earlier in the file, found under the number
  /// the database gave it.
  func retraction(_ f: TransferFields) throws {
    try f.onlyFields(["id", "kind", "record", "reason", "analyst", "retracted_at"])
    let id = try f.id()
    let kindName = try f.choice("kind", RecordKind.allCases.map(\.rawValue))
    guard let kind = RecordKind(rawValue: kindName) else { throw f.missing("kind") }
    var table = kind.table
    let record: Int64
    switch kind {
    case .actor, .negotiation, .proposal, .source:
      record = try reference(f, "record", kind.table)
    case .condition:
      // A file of version 1 or 2 may retract an answer as a condition.
      if let number = try f.optionalInteger("record"), let answer = oldAnswers[number] {
        (table, record) = ("answer", answer)
      } else {
        record = try numbered(f, "record", positions, "condition", required: true) ?? 0
      }
    case .answer: record = try numbered(f, "record", answers, "answer", required: true) ?? 0
    case .deadline: record = try numbered(f, "record", deadlines, "deadline", required: true) ?? 0
    case .link: record = try numbered(f, "record", links, "link", required: true) ?? 0
    case .membership: record = try numbered(f, "record", memberships, "membership", required: true) ?? 0
    case .participation:
      record = try numbered(f, "record", participants, "participation", required: true) ?? 0
    case .step, .meeting, .quote, .development:
      guard let number = try f.optionalInteger("record") else { throw f.missing("record") }
      if startMax[kind.table] != 0, let id = renumbered[kind.table]?[number] {
        record = id
      } else if startMax[kind.table] == 0,
        try connection.integer("SELECT id FROM \(kind.table) WHERE id = ?", [.integer(number)]) != nil
      {
        record = number
      } else {
        throw StoreError.conflict("field 'record': no \(kind.rawValue) \(number) earlier in the file")
      }
    }
    guard let reason = try f.nonEmptyText("reason") else { throw f.missing("reason") }
    // A retraction the file names no analyst for is the importer's: on a team's server, the login.
    let named = try f.nonEmptyText("analyst")
    let analyst: SQLValue =
      named.map { .text($0) } ?? (words.analystIsTheLogin ? .null : .text(store.analyst))
    let at = try f.optionalText("retracted_at")
    if try connection.integer(
      "SELECT id FROM retraction WHERE record_table = ? AND record_id = ?", [.text(table), .integer(record)])
      != nil
    {
      return count("retraction", added: false)
    }
    do {
      try run(
        """
        INSERT INTO retraction (id, record_table, record_id, reason, analyst, retracted_at)
        VALUES (\(words.newID("retraction")), ?, ?, ?, \(words.analystIsTheLogin ? "coalesce(?, session_user)" : "?"),
          coalesce(?, \(words.now)))
        """,
        [newID(id, "retraction"), .text(table), .integer(record), .text(reason), analyst, .optional(at)])
    } catch {
      // Migration 0016: on the server, only the database's owner writes in another's name.
      guard words.analystIsTheLogin, case .database(.sqlite(_, _, let message, _)) = error,
        message.contains("is who signed in")
      else { throw error }
      throw StoreError.invalid(
        "the database refused it: \(message); another analyst's retraction is imported by the database's owner"
      )
    }
    count("retraction", added: true)
  }
}
