/// One thing recorded, in the analyst's words: what `accord changes` lists.
public struct RecordedChange: Sendable, Codable, Equatable {
  /// When it was recorded (UTC, as the log keeps it), not when it happened.
  public let recordedAt: String
  public let analyst: String
  /// The command line that recorded it (nil for a change made in the sqlite3 shell).
  public let command: String?
  /// The kind of record (`quote`, `step`, …) and its number, when it is one record.
  public let kind: String?
  public let id: Int64?
  /// "added quote #7 by Volodymyr Zelenskyy: “We’re still talking.”"
  public let what: String
}

extension AccordStore {
  /// What was recorded from `since` (a UTC time, `2025-03-01` or `2025-03-01T09:30:00Z`) on,
  /// oldest first, by `analyst` alone if given: one line a fact, in the analyst's words. The rows
  /// that belong to a fact (its citations, participants, aliases of a new actor, the term of a
  /// condition) are part of its line; an undo is one line.
  public func recordedChanges(since: String, analyst: String? = nil, limit: Int = 500) throws
    -> [RecordedChange]
  {
    var changes: [RecordedChange] = []
    var undone = Set<Int64>()
    // The log a page at a time, until there are `limit` lines or no more log: an import or an
    // undo of one may log many rows that make no line of their own.
    var after: Int64 = 0
    while changes.count < limit {
      let entries = try history(since: since, analyst: analyst, after: after, limit: 1_000)
      guard let last = entries.last else { break }
      after = last.id
      try describe(entries, into: &changes, undone: &undone, limit: limit)
    }
    return changes
  }

  private func describe(
    _ entries: [HistoryEntry], into changes: inout [RecordedChange], undone: inout Set<Int64>, limit: Int
  ) throws {
    for entry in entries {
      guard changes.count < limit else { break }
      let command = entry.arguments
      if let id = entry.command, let target = try undoneCommand(by: id) {
        if undone.insert(id).inserted {
          // Undoing an undo redoes the command it had undone.
          let (arguments, undoes) =
            try connection.first("SELECT arguments, undoes FROM command WHERE id = ?", [.integer(target)]) {
              row throws(StoreError) in (try row.text("arguments"), try row.optionalInteger("undoes"))
            } ?? ("command \(target)", nil)
          var what = "undid '\(arguments)'"
          if let undoes {
            let original = try connection.first(
              "SELECT arguments FROM command WHERE id = ?", [.integer(undoes)], { $0.text(0) })
            what = "redid '\(original ?? "command \(undoes)")'"
          }
          changes.append(
            RecordedChange(
              recordedAt: entry.changedAt, analyst: entry.analyst, command: command, kind: nil, id: nil,
              what: what))
        }
        continue
      }
      guard let (kind, id, what) = try describe(entry) else { continue }
      changes.append(
        RecordedChange(
          recordedAt: entry.changedAt, analyst: entry.analyst, command: command, kind: kind, id: id,
          what: what))
    }
  }

  /// The command that command `id` undid, if it was an undo.
  private func undoneCommand(by id: Int64) throws(StoreError) -> Int64? {
    try connection.integer("SELECT undoes FROM command WHERE id = ?", [.integer(id)])
  }

  /// The kind, number and words of one change; nil for a row that is part of another's line.
  private func describe(_ entry: HistoryEntry) throws -> (String?, Int64?, String)? {
    var values: [String: String] = [:]
    for field in (entry.after ?? entry.before ?? []) { values[field.column] = field.value }
    let id = values["id"].flatMap { Int64($0) }
    let kind = RecordKind(table: entry.table)?.rawValue ?? entry.table
    let number = id.map { " #\($0)" } ?? ""
    switch entry.operation {
    case "inserts":
      let rows = entry.rows ?? 0
      return (nil, nil, "imported \(rows) \(Self.plural(kind, rows))")
    case "update":
      // The columns a value is kept in for sorting and matching (a date's first and last days, a
      // name's key, a value's amount) follow the one the analyst typed: left out.
      let derived = ["_first", "_last", "_key"]
      let fields = entry.changedFields.filter { field in
        field.column != "recorded_at" && !["value_amount", "value_currency"].contains(field.column)
          && !derived.contains { field.column.hasSuffix($0) }
      }
      .map { "\($0.column) \(Self.quoted($0.before)) → \(Self.quoted($0.after))" }
      return (kind, id, "edited \(kind)\(number): " + fields.joined(separator: ", "))
    case "delete":
      return (kind, id, "removed \(kind)\(number)")
    default: break
    }
    func actor(_ column: String) throws -> String {
      guard let value = values[column], let actorID = Int64(value) else { return "?" }
      return try connection.first("SELECT name FROM actor WHERE id = ?", [.integer(actorID)]) { $0.text(0) }
        ?? "actor \(actorID)"
    }
    func negotiation() throws -> String {
      guard let value = values["negotiation_id"], let negotiationID = Int64(value) else { return "" }
      let slug = try connection.first("SELECT slug FROM negotiation WHERE id = ?", [.integer(negotiationID)])
      {
        $0.text(0)
      }
      return slug.map { " in \($0)" } ?? ""
    }
    func proposal(_ column: String) throws -> String {
      guard let value = values[column], let proposalID = Int64(value) else { return "?" }
      return try connection.first("SELECT title FROM proposal WHERE id = ?", [.integer(proposalID)]) {
        "“\($0.text(0))”"
      } ?? "proposal \(proposalID)"
    }
    let date = values["date"].map { " on \($0)" } ?? ""
    switch entry.table {
    case "actor":
      return (kind, id, "added actor\(number) \(values["name"] ?? "") (\(values["kind"] ?? ""))")
    case "actor_alias":
      // A new actor's own names come with it; an alias added later is a line of its own.
      let sameCommand = try connection.integer(
        """
        SELECT 1 FROM change_log l WHERE l.command_id IS ?1 AND l.table_name = 'actor'
          AND l.row_key = json_array(?2 + 0)
        """, [.optional(entry.command), .text(values["actor_id"] ?? "")])
      if sameCommand != nil { return nil }
      return ("actor", nil, "added the alias “\(values["alias"] ?? "")” to \(try actor("actor_id"))")
    case "affiliation":
      let role = values["role"].map { " as \($0)" } ?? ""
      return (nil, nil, "recorded \(try actor("person_id"))\(role) of \(try actor("organization_id"))")
    case "membership":
      let event = values["event"] == "leave" ? "left" : "joined"
      return ("membership", id, "\(try actor("member_id")) \(event) \(try actor("bloc_id"))\(date)")
    case "negotiation":
      return (kind, id, "added negotiation\(number) “\(values["title"] ?? "")”")
    case "participant":
      let event = values["event"] == "leave" ? "left" : "joined"
      let role = values["role"].map { " as \($0)" } ?? ""
      // The parties named when a negotiation is added come with it.
      let sameCommand = try connection.integer(
        """
        SELECT 1 FROM change_log l WHERE l.command_id IS ?1 AND l.table_name = 'negotiation'
          AND l.row_key = json_array(?2 + 0)
        """, [.optional(entry.command), .text(values["negotiation_id"] ?? "")])
      if sameCommand != nil { return nil }
      return ("participation", id, "\(try actor("actor_id")) \(event)\(try negotiation())\(role)\(date)")
    case "proposal":
      return (
        kind, id,
        "added proposal\(number) “\(values["title"] ?? "")” by \(try actor("tabled_by"))\(try negotiation())"
      )
    case "proposal_step":
      let party = values["party_id"] != nil ? " (\(try actor("party_id")))" : ""
      return (
        kind, id,
        "recorded step\(number): \(try proposal("proposal_id")) \(values["step"] ?? "")\(party)\(date)"
      )
    case "position":
      let term = try values["term_id"].flatMap(Int64.init).flatMap { termID in
        try connection.first("SELECT text FROM term WHERE id = ?", [.integer(termID)]) { $0.text(0) }
      }
      let stance = (values["stance"] ?? "").replacing("_", with: " ")
      return (
        kind, id,
        "added condition\(number) by \(try actor("actor_id")): \(stance) “\(term ?? "")”\(try negotiation())"
      )
    case "answer":
      return (
        kind, id,
        "recorded answer\(number): \(try actor("actor_id")) \(values["outcome"] ?? "") condition #\(values["condition_id"] ?? "?")\(date)"
      )
    case "meeting":
      let place = values["place"].map { " at \($0)" } ?? ""
      return (kind, id, "added meeting\(number)\(try negotiation())\(place)\(date)")
    case "statement":
      return (
        kind, id, "added quote\(number) by \(try actor("actor_id"))\(date): “\(Self.short(values["text"]))”"
      )
    case "development":
      return (
        kind, id, "logged development\(number)\(try negotiation())\(date): “\(Self.short(values["text"]))”"
      )
    case "source":
      let name = values["title"] ?? values["outlet"] ?? values["url"] ?? ""
      return (kind, id, "added source\(number) “\(Self.short(name))”")
    case "deadline":
      return (kind, id, "added deadline\(number) “\(values["title"] ?? "")”\(try negotiation())\(date)")
    case "proposal_link":
      let link = (values["link"] ?? "").replacing("_", with: " ")
      return (kind, id, "linked \(try proposal("proposal_id")) \(link) \(try proposal("other_id"))")
    case "retraction":
      let table = values["record_table"] ?? ""
      let retracted = RecordKind(table: table)?.rawValue ?? table
      return (
        retracted, values["record_id"].flatMap { Int64($0) },
        "retracted \(retracted) #\(values["record_id"] ?? "?"): \(values["reason"] ?? "")"
      )
    default:
      // Rows that are part of another fact's line: citations, a meeting's participants, a
      // development's actors, a negotiation's tags, a condition's term and links, dataset rows.
      return nil
    }
  }

  static func quoted(_ value: String?) -> String { value.map { "“\(short($0))”" } ?? "nothing" }

  /// A text shortened to its first 80 characters.
  static func short(_ text: String?) -> String {
    guard let text else { return "" }
    return text.count > 80 ? String(text.prefix(79)) + "…" : text
  }

  static func plural(_ kind: String, _ count: Int) -> String {
    if count == 1 { return kind }
    switch kind {
    case "proposal_step", "step": return "steps"
    case "development": return "developments"
    case "statement", "quote": return "quotes"
    case "position", "condition": return "conditions"
    default: return kind.hasSuffix("s") ? kind : kind + "s"
    }
  }
}
