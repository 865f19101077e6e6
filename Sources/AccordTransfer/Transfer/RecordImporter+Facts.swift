import AccordSQLite
import AccordStore

/// The records without short ids: see ``RecordImporter`` for how they merge.
extension RecordImporter {
  // MARK: Records without short ids

  func affiliation(_ f: TransferFields) throws {
    try f.onlyFields(["id", "person", "organization", "role", "since", "until", "recorded_at"])
    let id = try f.id()
    let person = try reference(f, "person", "actor")
    let organization = try reference(f, "organization", "actor")
    guard person != organization else {
      throw StoreError.invalid("field 'organization': an actor cannot be affiliated with itself")
    }
    let role = try f.nonEmptyText("role")
    let since = try optionalDate(f, "since")
    let until = try optionalDate(f, "until")
    if let since, let until, until.last < since.first {
      throw StoreError.invalid("field 'until': the affiliation ends (\(until)) before it starts (\(since))")
    }
    let recordedAt = try f.recordedAt()
    let values: [SQLValue] = [
      .integer(person), .integer(organization), .optional(role), .optional(since?.text),
      .optional(until?.text),
    ]
    if try match(
      "affiliation",
      "person_id = ?3 AND organization_id = ?4 AND role IS NOT DISTINCT FROM ?5 AND since IS NOT DISTINCT FROM ?6 AND until IS NOT DISTINCT FROM ?7",
      values) != nil
    {
      return count("affiliation", added: false)
    }
    try run(
      """
      INSERT INTO affiliation (id, person_id, organization_id, role, since, since_first, until, until_last, recorded_at)
      VALUES (\(words.newID("affiliation")), ?, ?, ?, ?, ?, ?, ?, coalesce(?, \(words.now)))
      """,
      [
        newID(id, "affiliation"), .integer(person), .integer(organization), .optional(role),
        .optional(since?.text),
        .optional(since?.first.description), .optional(until?.text), .optional(until?.last.description),
        .optional(recordedAt),
      ])
    count("affiliation", added: true)
  }

  func step(_ f: TransferFields) throws {
    try f.onlyFields([
      "id", "proposal", "step", "party", "date", "label", "until", "effective", "note", "sources",
      "recorded_at",
    ])
    let id = try f.id()
    let proposal = try reference(f, "proposal", "proposal")
    let step = try f.choice("step", ProposalStep.Kind.allCases.map(\.rawValue))
    let party = try optionalReference(f, "party", "actor")
    let date = try date(f, "date")
    let label = try f.nonEmptyText("label")
    let until = try optionalDate(f, "until")
    let effective = try optionalDate(f, "effective")
    let note = try f.nonEmptyText("note")
    let recordedAt = try f.recordedAt()
    if let existing = try match(
      "proposal_step",
      "proposal_id = ?3 AND step = ?4 AND party_id IS NOT DISTINCT FROM ?5 AND date = ?6 AND note IS NOT DISTINCT FROM ?7 AND label IS NOT DISTINCT FROM ?8 AND until IS NOT DISTINCT FROM ?9 AND effective IS NOT DISTINCT FROM ?10",
      [
        .integer(proposal), .text(step), .optional(party), .text(date.text), .optional(note),
        .optional(label),
        .optional(until?.text), .optional(effective?.text),
      ])
    {
      renumber("proposal_step", id, existing)
      return count("step", added: false)
    }
    let row = try insert(
      """
      INSERT INTO proposal_step (id, proposal_id, step, party_id, date, date_first, date_last, label, until,
        until_first, until_last, effective, effective_first, effective_last, note, recorded_at)
      VALUES (\(words.newID("proposal_step")), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, coalesce(?, \(words.now)))
      """,
      [newID(id, "proposal_step"), .integer(proposal), .text(step), .optional(party)] + date.columns
        + [.optional(label)] + AccordDate.optionalColumns(until) + AccordDate.optionalColumns(effective) + [
          .optional(note), .optional(recordedAt),
        ])
    renumber("proposal_step", id, row)
    try cite(f, .step, row)
    count("step", added: true)
  }

  func term(_ f: TransferFields) throws {
    try f.onlyFields(["id", "negotiation", "text", "recorded_at"])
    let id = try f.id()
    let negotiation = try reference(f, "negotiation", "negotiation")
    let text = try f.text("text")
    let recordedAt = try f.recordedAt()
    let key = Names.key(text)
    if let existing = try connection.integer(
      "SELECT id FROM term WHERE negotiation_id = ? AND text_key = ?", [.integer(negotiation), .text(key)])
    {
      terms[id] = existing
      return count("term", added: false)
    }
    terms[id] = try insert(
      "INSERT INTO term (id, negotiation_id, text, text_key, recorded_at) VALUES (\(words.newID("term")), ?, ?, ?, coalesce(?, \(words.now)))",
      [newID(id, "term"), .integer(negotiation), .text(text), .text(key), .optional(recordedAt)])
    count("term", added: true)
  }

  /// A condition; in files of versions 1 and 2 also an answer to one (with `answers`), which goes
  /// to the answers.
  func position(_ f: TransferFields) throws {
    try f.onlyFields([
      "id", "negotiation", "actor", "term", "stance", "answers", "revises", "date", "note", "sources",
      "recorded_at",
    ])
    let id = try f.id()
    if try f.optionalInteger("answers") != nil
      || ["accepts", "rejects", "drops", "met"].contains(try f.optionalText("stance") ?? "")
    {
      return try oldAnswer(f, id)
    }
    let negotiation = try reference(f, "negotiation", "negotiation")
    let actor = try reference(f, "actor", "actor")
    let term = try numbered(f, "term", terms, "term", required: true) ?? 0
    let stance = try f.choice("stance", Stance.allCases.map(\.rawValue))
    let revises = try numbered(f, "revises", positions, "condition", required: false)
    let date = try date(f, "date")
    let note = try f.nonEmptyText("note")
    let recordedAt = try f.recordedAt()
    if let existing = try match(
      "position",
      "negotiation_id = ?3 AND actor_id = ?4 AND term_id = ?5 AND stance = ?6 AND revises_id IS NOT DISTINCT FROM ?7 AND date = ?8 AND note IS NOT DISTINCT FROM ?9",
      [
        .integer(negotiation), .integer(actor), .integer(term), .text(stance), .optional(revises),
        .text(date.text),
        .optional(note),
      ])
    {
      positions[id] = existing
      return count("position", added: false)
    }
    let row = try insert(
      """
      INSERT INTO position (id, negotiation_id, actor_id, term_id, stance, revises_id, date, date_first, date_last,
        note, recorded_at)
      VALUES (\(words.newID("position")), ?, ?, ?, ?, ?, ?, ?, ?, ?, coalesce(?, \(words.now)))
      """,
      [
        newID(id, "position"), .integer(negotiation), .integer(actor), .integer(term), .text(stance),
        .optional(revises),
      ] + date.columns + [.optional(note), .optional(recordedAt)])
    positions[id] = row
    try cite(f, .position, row)
    count("position", added: true)
  }

  /// An answer as files of versions 1 and 2 wrote it: a position that `answers` a condition.
  private func oldAnswer(_ f: TransferFields, _ id: Int64) throws {
    let stance = try f.choice("stance", ["accepts", "rejects", "drops", "met"])
    let outcome = ["accepts": "accepted", "rejects": "rejected", "drops": "dropped"][stance] ?? "met"
    guard let condition = try numbered(f, "answers", positions, "position", required: true) else {
      throw f.missing("answers")
    }
    let actor = try optionalReference(f, "actor", "actor")
    if actor == nil, outcome != "met" { throw f.missing("actor") }
    oldAnswers[id] = try insertAnswer(
      f, fileID: nil, condition: condition, actor: actor, outcome: outcome, date: try date(f, "date"),
      note: try f.nonEmptyText("note"), recordedAt: try f.recordedAt())
  }

  func answer(_ f: TransferFields) throws {
    try f.onlyFields(["id", "condition", "actor", "outcome", "date", "note", "sources", "recorded_at"])
    let id = try f.id()
    let condition = try numbered(f, "condition", positions, "condition", required: true) ?? 0
    let actor = try optionalReference(f, "actor", "actor")
    let outcome = try f.choice("outcome", ConditionOutcome.allCases.map(\.rawValue))
    if actor == nil, outcome != "met" { throw f.missing("actor") }
    answers[id] = try insertAnswer(
      f, fileID: id, condition: condition, actor: actor, outcome: outcome, date: try date(f, "date"),
      note: try f.nonEmptyText("note"), recordedAt: try f.recordedAt())
  }

  private func insertAnswer(
    _ f: TransferFields, fileID: Int64?, condition: Int64, actor: Int64?, outcome: String, date: AccordDate,
    note: String?, recordedAt: String?
  ) throws -> Int64 {
    if let existing = try match(
      "answer",
      "condition_id = ?3 AND actor_id IS NOT DISTINCT FROM ?4 AND outcome = ?5 AND date = ?6 AND note IS NOT DISTINCT FROM ?7",
      [.integer(condition), .optional(actor), .text(outcome), .text(date.text), .optional(note)])
    {
      count("answer", added: false)
      return existing
    }
    let row = try insert(
      """
      INSERT INTO answer (id, condition_id, actor_id, outcome, date, date_first, date_last, note, recorded_at)
      VALUES (\(words.newID("answer")), ?, ?, ?, ?, ?, ?, ?, coalesce(?, \(words.now)))
      """,
      [fileID.map { newID($0, "answer") } ?? .null, .integer(condition), .optional(actor), .text(outcome)]
        + date.columns + [.optional(note), .optional(recordedAt)])
    try cite(f, .answer, row)
    count("answer", added: true)
    return row
  }

  func membership(_ f: TransferFields) throws {
    try f.onlyFields(["id", "bloc", "member", "event", "date", "recorded_at"])
    let id = try f.id()
    let bloc = try reference(f, "bloc", "actor")
    let member = try reference(f, "member", "actor")
    guard bloc != member else {
      throw StoreError.invalid("field 'member': an actor cannot be a member of itself")
    }
    let event = try f.optionalText("event") == nil ? "joined" : try f.choice("event", ["joined", "left"])
    let date = try optionalDate(f, "date")
    if event == "left" && date == nil { throw f.missing("date") }
    let recordedAt = try f.recordedAt()
    if let existing = try connection.integer(
      "SELECT id FROM membership WHERE bloc_id = ? AND member_id = ? AND event = ? AND coalesce(date, '') = ?",
      [.integer(bloc), .integer(member), .text(event), .text(date?.text ?? "")])
    {
      memberships[id] = existing
      return count("membership", added: false)
    }
    memberships[id] = try insert(
      """
      INSERT INTO membership (id, bloc_id, member_id, event, date, date_first, date_last, recorded_at)
      VALUES (\(words.newID("membership")), ?, ?, ?, ?, ?, ?, coalesce(?, \(words.now)))
      """,
      [newID(id, "membership"), .integer(bloc), .integer(member), .text(event)]
        + AccordDate.optionalColumns(date)
        + [.optional(recordedAt)])
    count("membership", added: true)
  }

  func link(_ f: TransferFields) throws {
    try f.onlyFields(["id", "proposal", "link", "other", "recorded_at"])
    let id = try f.id()
    let proposal = try reference(f, "proposal", "proposal")
    let kind = try f.choice("link", ProposalLinkKind.allCases.map(\.rawValue))
    let other = try reference(f, "other", "proposal")
    guard proposal != other else {
      throw StoreError.invalid("field 'other': a proposal cannot be linked to itself")
    }
    let recordedAt = try f.recordedAt()
    if let existing = try connection.integer(
      "SELECT id FROM proposal_link WHERE proposal_id = ? AND link = ? AND other_id = ?",
      [.integer(proposal), .text(kind), .integer(other)])
    {
      links[id] = existing
      return count("link", added: false)
    }
    links[id] = try insert(
      """
      INSERT INTO proposal_link (id, proposal_id, link, other_id, recorded_at)
      VALUES (\(words.newID("proposal_link")), ?, ?, ?, coalesce(?, \(words.now)))
      """,
      [newID(id, "proposal_link"), .integer(proposal), .text(kind), .integer(other), .optional(recordedAt)])
    count("link", added: true)
  }

  func deadline(_ f: TransferFields) throws {
    try f.onlyFields(["id", "negotiation", "proposal", "title", "date", "sources", "recorded_at"])
    let id = try f.id()
    let negotiation = try reference(f, "negotiation", "negotiation")
    let proposal = try optionalReference(f, "proposal", "proposal")
    let title = try f.text("title")
    let date = try date(f, "date")
    let recordedAt = try f.recordedAt()
    if let existing = try match(
      "deadline", "negotiation_id = ?3 AND proposal_id IS NOT DISTINCT FROM ?4 AND title = ?5 AND date = ?6",
      [.integer(negotiation), .optional(proposal), .text(title), .text(date.text)])
    {
      deadlines[id] = existing
      return count("deadline", added: false)
    }
    let row = try insert(
      """
      INSERT INTO deadline (id, negotiation_id, proposal_id, title, date, date_first, date_last, recorded_at)
      VALUES (\(words.newID("deadline")), ?, ?, ?, ?, ?, ?, coalesce(?, \(words.now)))
      """,
      [newID(id, "deadline"), .integer(negotiation), .optional(proposal), .text(title)] + date.columns
        + [.optional(recordedAt)])
    deadlines[id] = row
    try cite(f, .deadline, row)
    count("deadline", added: true)
  }

  func termLink(_ f: TransferFields) throws {
    try f.onlyFields(["id", "term", "link", "other_term", "position"])
    let id = try f.id()
    let term = try numbered(f, "term", terms, "term", required: true) ?? 0
    let link = try f.choice("link", [TermLink.inExchangeFor.rawValue, TermLink.conditionalOn.rawValue])
    let other = try numbered(f, "other_term", terms, "term", required: true) ?? 0
    guard other != term else {
      throw StoreError.invalid("field 'other_term': a term cannot be linked to itself")
    }
    let position = try numbered(f, "position", positions, "position", required: false)
    let values: [SQLValue] = [.integer(term), .text(link), .integer(other), .optional(position)]
    if mayMatch("term_link"),
      try connection.integer(
        """
        SELECT id FROM term_link WHERE term_id = ?2 AND link = ?3 AND other_term_id = ?4 AND position_id IS NOT DISTINCT FROM ?5
          AND id <= ?1 LIMIT 1
        """, [.integer(startMax["term_link"] ?? 0)] + values) != nil
    {
      return count("term_link", added: false)
    }
    try run(
      "INSERT INTO term_link (id, term_id, link, other_term_id, position_id) VALUES (\(words.newID("term_link")), ?, ?, ?, ?)",
      [newID(id, "term_link")] + values)
    count("term_link", added: true)
  }

  func meeting(_ f: TransferFields) throws {
    try f.onlyFields([
      "id", "negotiation", "date", "place", "summary", "participants", "sources", "recorded_at",
    ])
    let id = try f.id()
    let negotiation = try reference(f, "negotiation", "negotiation")
    let date = try date(f, "date")
    let place = try f.nonEmptyText("place")
    let summary = try f.optionalText("summary")
    let participants = try f.texts("participants").map {
      try resolve($0, field: "participants", table: "actor")
    }
    let recordedAt = try f.recordedAt()
    if let existing = try match(
      "meeting",
      "negotiation_id = ?3 AND date = ?4 AND place IS NOT DISTINCT FROM ?5 AND summary IS NOT DISTINCT FROM ?6",
      [.integer(negotiation), .text(date.text), .optional(place), .optional(summary)])
    {
      renumber("meeting", id, existing)
      return count("meeting", added: false)
    }
    let row = try insert(
      """
      INSERT INTO meeting (id, negotiation_id, date, date_first, date_last, place, summary, recorded_at)
      VALUES (\(words.newID("meeting")), ?, ?, ?, ?, ?, ?, coalesce(?, \(words.now)))
      """,
      [newID(id, "meeting"), .integer(negotiation)] + date.columns + [
        .optional(place), .optional(summary), .optional(recordedAt),
      ])
    for actor in participants {
      try run(
        "INSERT INTO meeting_participant (meeting_id, actor_id) VALUES (?, ?) ON CONFLICT DO NOTHING",
        [.integer(row), .integer(actor)])
    }
    renumber("meeting", id, row)
    try cite(f, .meeting, row)
    count("meeting", added: true)
  }

  func quote(_ f: TransferFields) throws {
    try f.onlyFields([
      "id", "speaker", "negotiation", "date", "text", "language", "context", "sources", "recorded_at",
    ])
    let id = try f.id()
    let speaker = try reference(f, "speaker", "actor")
    let negotiation = try optionalReference(f, "negotiation", "negotiation")
    let date = try date(f, "date")
    let text = try f.text("text")
    let language = try f.nonEmptyText("language")
    if let language,
      !language.utf8.allSatisfy({ (97...122).contains($0) || $0 == 45 }) || language.first == "-"
    {
      throw StoreError.invalid(
        "field 'language': expected an ISO 639 code such as en or uk, found \"\(language)\"")
    }
    let context = try f.optionalText("context")
    let recordedAt = try f.recordedAt()
    if let existing = try match(
      "statement",
      "actor_id = ?3 AND negotiation_id IS NOT DISTINCT FROM ?4 AND date = ?5 AND text = ?6 AND language IS NOT DISTINCT FROM ?7 AND context IS NOT DISTINCT FROM ?8",
      [
        .integer(speaker), .optional(negotiation), .text(date.text), .text(text), .optional(language),
        .optional(context),
      ])
    {
      renumber("statement", id, existing)
      return count("quote", added: false)
    }
    let row = try insert(
      """
      INSERT INTO statement (id, actor_id, negotiation_id, date, date_first, date_last, text, language, context,
        recorded_at)
      VALUES (\(words.newID("statement")), ?, ?, ?, ?, ?, ?, ?, ?, coalesce(?, \(words.now)))
      """,
      [newID(id, "statement"), .integer(speaker), .optional(negotiation)] + date.columns + [
        .text(text), .optional(language), .optional(context), .optional(recordedAt),
      ])
    renumber("statement", id, row)
    try cite(f, .statement, row)
    count("quote", added: true)
  }
}
