import AccordSQLite

/// One thing recorded: what `accord changes` lists, one line each. What was recorded is typed
/// (``Event``), with the names it takes to say it; AccordPresentation says it in words (`what`):
/// "added quote #7 by Volodymyr Zelenskyy: “We’re still talking.”".
public struct RecordedChange: Sendable, Equatable, Encodable {
  /// When it was recorded (UTC, as the log keeps it), not when it happened.
  public let recordedAt: String
  public let analyst: String
  /// The command line that recorded it (nil for a change made in the sqlite3 shell).
  public let command: String?
  /// The kind of record (`quote`, `step`, …) and its number, when it is one record.
  public let kind: String?
  public let id: Int64?
  public let event: Event

  /// Its JSON's fields: the typed event is said in words (`what`), which AccordPresentation adds
  /// (`RecordedChangeJSON`).
  enum CodingKeys: String, CodingKey { case recordedAt, analyst, command, kind, id }

  /// A record that a logged row refers to by number: by its name (an actor's name, a proposal's
  /// title) when it is still there, by its number when it is gone, unnamed when the row has none.
  public enum Reference: Sendable, Equatable {
    case named(String)
    case gone(Int64)
    case unnamed
  }

  /// A column an edit changed: its value before and after (nil for NULL).
  public struct Field: Sendable, Equatable {
    public let column: String
    public let before: String?
    public let after: String?
  }

  /// What was recorded. Values are as the log kept them (text; nil when the row has none);
  /// `negotiation` is the short id of the row's negotiation, when it has one that is still there.
  public enum Event: Sendable, Equatable {
    /// An undo of command `command`, whose command line was `arguments` (nil when the log lost it).
    case undid(command: Int64, arguments: String?)
    /// An undo of an undo: command `command` done again.
    case redid(command: Int64, arguments: String?)
    /// `rows` rows of one kind of record (or table), written at once by an import.
    case imported(rows: Int, kind: String)
    /// A record of `kind` edited: the columns the analyst typed (not those kept for sorting and
    /// matching).
    case edited(kind: String, fields: [Field])
    /// A record of `kind` deleted (by an undo).
    case removed(kind: String)
    case addedActor(name: String?, kind: String?)
    /// An alias added to an actor after the actor itself.
    case addedAlias(alias: String?, actor: Reference)
    case affiliation(person: Reference, role: String?, organization: Reference)
    /// A member joined or left a bloc.
    case membership(member: Reference, left: Bool, bloc: Reference, date: String?)
    case addedNegotiation(title: String?)
    /// An actor joined or left a negotiation after it was added.
    case participation(actor: Reference, left: Bool, negotiation: String?, role: String?, date: String?)
    case addedProposal(title: String?, tabledBy: Reference, negotiation: String?)
    /// A step of a proposal, with its party if it has one.
    case recordedStep(proposal: Reference, step: String?, party: Reference?, date: String?)
    case addedCondition(actor: Reference, stance: String?, term: String?, negotiation: String?)
    /// An answer to condition `condition`.
    case recordedAnswer(actor: Reference, outcome: String?, condition: String?, date: String?)
    case addedMeeting(negotiation: String?, place: String?, date: String?)
    case addedQuote(actor: Reference, date: String?, text: String?)
    case loggedDevelopment(negotiation: String?, date: String?, text: String?)
    case addedSource(title: String?, outlet: String?, url: String?)
    case addedDeadline(title: String?, negotiation: String?, date: String?)
    case linked(proposal: Reference, link: String?, other: Reference)
    /// Record `record` of `kind` retracted.
    case retracted(kind: String, record: String?, reason: String?)
  }
}

extension AccordStore {
  /// What was recorded from `since` (a UTC time, `2025-03-01` or `2025-03-01T09:30:00Z`) on,
  /// oldest first, by `analyst` alone if given: one line a fact. The rows
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
    // Which of these entries' commands were undos, and of what: one statement for them all.
    let commands = Array(Set(entries.compactMap(\.command)))
    let undid = Dictionary(
      try connection.all(
        "SELECT id, undoes FROM command WHERE undoes IS NOT NULL AND id IN (\(words.numbers(in: "?")))",
        [.text(Self.jsonList(commands))], { row in (row.integer(0), row.integer(1)) }),
      uniquingKeysWith: { first, _ in first })
    for entry in entries {
      guard changes.count < limit else { break }
      let command = entry.arguments
      if let id = entry.command, let target = undid[id] {
        if undone.insert(id).inserted {
          // Undoing an undo redoes the command it had undone.
          let undone =
            try connection.first("SELECT arguments, undoes FROM command WHERE id = ?", [.integer(target)]) {
              row throws(DatabaseError) in (try row.text("arguments"), try row.optionalInteger("undoes"))
            }
          var event = RecordedChange.Event.undid(command: target, arguments: undone?.0)
          if let undoes = undone?.1 {
            let original = try connection.first(
              "SELECT arguments FROM command WHERE id = ?", [.integer(undoes)], { $0.text(0) })
            event = .redid(command: undoes, arguments: original)
          }
          changes.append(
            RecordedChange(
              recordedAt: entry.changedAt, analyst: entry.analyst, command: command, kind: nil, id: nil,
              event: event))
        }
        continue
      }
      guard let (kind, id, event) = try describe(entry) else { continue }
      changes.append(
        RecordedChange(
          recordedAt: entry.changedAt, analyst: entry.analyst, command: command, kind: kind, id: id,
          event: event))
    }
  }

  /// The kind, number and event of one change; nil for a row that is part of another's line.
  private func describe(_ entry: HistoryEntry) throws -> (String?, Int64?, RecordedChange.Event)? {
    var values: [String: String] = [:]
    for field in (entry.after ?? entry.before ?? []) { values[field.column] = field.value }
    let id = values["id"].flatMap { Int64($0) }
    let kind = RecordKind(table: entry.table)?.rawValue ?? entry.table
    switch entry.operation {
    case "inserts":
      return (nil, nil, .imported(rows: entry.rows ?? 0, kind: kind))
    case "update":
      // The columns a value is kept in for sorting and matching (a date's first and last days, a
      // name's key, a value's amount) follow the one the analyst typed: left out.
      let derived = ["_first", "_last", "_key"]
      let fields = entry.changedFields.filter { field in
        field.column != "recorded_at" && !["value_amount", "value_currency"].contains(field.column)
          && !derived.contains { field.column.hasSuffix($0) }
      }
      .map { RecordedChange.Field(column: $0.column, before: $0.before, after: $0.after) }
      return (kind, id, .edited(kind: kind, fields: fields))
    case "delete":
      return (kind, id, .removed(kind: kind))
    default: break
    }
    func actor(_ column: String) throws -> RecordedChange.Reference {
      guard let value = values[column], let actorID = Int64(value) else { return .unnamed }
      return try connection.first("SELECT name FROM actor WHERE id = ?", [.integer(actorID)]) {
        .named($0.text(0))
      } ?? .gone(actorID)
    }
    func negotiation() throws -> String? {
      guard let value = values["negotiation_id"], let negotiationID = Int64(value) else { return nil }
      return try connection.first("SELECT slug FROM negotiation WHERE id = ?", [.integer(negotiationID)]) {
        $0.text(0)
      }
    }
    func proposal(_ column: String) throws -> RecordedChange.Reference {
      guard let value = values[column], let proposalID = Int64(value) else { return .unnamed }
      return try connection.first("SELECT title FROM proposal WHERE id = ?", [.integer(proposalID)]) {
        .named($0.text(0))
      } ?? .gone(proposalID)
    }
    let date = values["date"]
    switch entry.table {
    case "actor":
      return (kind, id, .addedActor(name: values["name"], kind: values["kind"]))
    case "actor_alias":
      // A new actor's own names come with it; an alias added later is a line of its own.
      let sameCommand = try connection.integer(
        """
        SELECT 1 FROM change_log l WHERE l.command_id IS NOT DISTINCT FROM ?1 AND l.table_name = 'actor'
          AND l.row_key = '[' || CAST(?2 AS INTEGER) || ']'
        """, [.optional(entry.command), .optional(values["actor_id"])])
      if sameCommand != nil { return nil }
      return ("actor", nil, .addedAlias(alias: values["alias"], actor: try actor("actor_id")))
    case "affiliation":
      return (
        nil, nil,
        .affiliation(
          person: try actor("person_id"), role: values["role"], organization: try actor("organization_id"))
      )
    case "membership":
      return (
        "membership", id,
        .membership(
          member: try actor("member_id"), left: values["event"] == "left", bloc: try actor("bloc_id"),
          date: date)
      )
    case "negotiation":
      return (kind, id, .addedNegotiation(title: values["title"]))
    case "participant":
      // The parties named when a negotiation is added come with it.
      let sameCommand = try connection.integer(
        """
        SELECT 1 FROM change_log l WHERE l.command_id IS NOT DISTINCT FROM ?1 AND l.table_name = 'negotiation'
          AND l.row_key = '[' || CAST(?2 AS INTEGER) || ']'
        """, [.optional(entry.command), .optional(values["negotiation_id"])])
      if sameCommand != nil { return nil }
      return (
        "participation", id,
        .participation(
          actor: try actor("actor_id"), left: values["event"] == "left", negotiation: try negotiation(),
          role: values["role"], date: date)
      )
    case "proposal":
      return (
        kind, id,
        .addedProposal(
          title: values["title"], tabledBy: try actor("tabled_by"), negotiation: try negotiation())
      )
    case "proposal_step":
      let party = values["party_id"] != nil ? try actor("party_id") : nil
      return (
        kind, id,
        .recordedStep(proposal: try proposal("proposal_id"), step: values["step"], party: party, date: date)
      )
    case "position":
      let term = try values["term_id"].flatMap(Int64.init).flatMap { termID in
        try connection.first("SELECT text FROM term WHERE id = ?", [.integer(termID)]) { $0.text(0) }
      }
      return (
        kind, id,
        .addedCondition(
          actor: try actor("actor_id"), stance: values["stance"], term: term, negotiation: try negotiation())
      )
    case "answer":
      return (
        kind, id,
        .recordedAnswer(
          actor: try actor("actor_id"), outcome: values["outcome"], condition: values["condition_id"],
          date: date)
      )
    case "meeting":
      return (kind, id, .addedMeeting(negotiation: try negotiation(), place: values["place"], date: date))
    case "statement":
      return (kind, id, .addedQuote(actor: try actor("actor_id"), date: date, text: values["text"]))
    case "development":
      return (kind, id, .loggedDevelopment(negotiation: try negotiation(), date: date, text: values["text"]))
    case "source":
      return (kind, id, .addedSource(title: values["title"], outlet: values["outlet"], url: values["url"]))
    case "deadline":
      return (kind, id, .addedDeadline(title: values["title"], negotiation: try negotiation(), date: date))
    case "proposal_link":
      return (
        kind, id,
        .linked(proposal: try proposal("proposal_id"), link: values["link"], other: try proposal("other_id"))
      )
    case "retraction":
      let table = values["record_table"] ?? ""
      let retracted = RecordKind(table: table)?.rawValue ?? table
      return (
        retracted, values["record_id"].flatMap { Int64($0) },
        .retracted(kind: retracted, record: values["record_id"], reason: values["reason"])
      )
    default:
      // Rows that are part of another fact's line: citations, a meeting's participants, a
      // development's actors, a negotiation's tags, a condition's term and links, dataset rows.
      return nil
    }
  }
}
