import AccordSQLite

/// Who takes part in a negotiation, as what, and when: each joining and leaving is a dated row of
/// `participant` (Migrations/0005_lifecycle.sql); nothing is overwritten.
public struct Participation: Sendable, Codable, Equatable {
  public let actor: String
  public let role: ParticipantRole
  /// The named side of the table it sits on ("P5+1"), if any.
  public let side: String?
  /// When it joined; nil when it took part from the start.
  public let since: AccordDate?
  /// When it left, if it has.
  public let until: AccordDate?
}

/// One actor's time in one role of one negotiation.
struct ParticipationSpan: Sendable {
  let actorID: Int64
  let actor: String
  let role: ParticipantRole
  let side: String?
  /// When it joined; nil: from the start.
  let since: AccordDate?
  /// When it left; nil: it still takes part.
  var until: AccordDate?

  var participation: Participation {
    Participation(actor: actor, role: role, side: side, since: since, until: until)
  }

  /// The spans that hold on `day` (a date counts once it has wholly passed), by role, then by name.
  static func asOf(_ spans: [ParticipationSpan], _ day: Day) -> [ParticipationSpan] {
    spans.filter { span in
      (span.since.map { $0.last <= day } ?? true) && (span.until.map { day < $0.last } ?? true)
    }.sorted {
      (ParticipantRole.allCases.firstIndex(of: $0.role) ?? 0, $0.actor, $0.actorID) < (
        ParticipantRole.allCases.firstIndex(of: $1.role) ?? 0, $1.actor, $1.actorID
      )
    }
  }
}

extension AccordStore {
  /// Adds `actor` to the negotiation as `role` (from `date`, else from the start); taking part in
  /// that role already is no error.
  public func addParticipant(
    negotiation: Int64, actor: Int64, role: ParticipantRole, side: String? = nil, date: AccordDate? = nil
  ) throws {
    // Not by ON CONFLICT alone: PostgreSQL would take a number from the identity for the row it
    // then drops, and the next participant's id would differ from the file's.
    try connection.run(
      """
      INSERT INTO participant (negotiation_id, actor_id, role, side, event, date, date_first, date_last)
      SELECT ?1, ?2, ?3, ?4, 'joined', ?5, ?6, ?7
      WHERE NOT EXISTS (
        SELECT 1 FROM participant WHERE negotiation_id = ?1 AND actor_id = ?2 AND role = ?3 AND event = 'joined'
          AND coalesce(date, '') = coalesce(?5, ''))
      ON CONFLICT DO NOTHING
      """,
      [
        .integer(negotiation), .integer(actor), .text(role.rawValue),
        .optional(side?.trimmingSpaces.nonEmpty),
      ]
        + AccordDate.optionalColumns(date))
  }

  /// `accord negotiation join`: the actors take part in the negotiation as `role` from `date` (or
  /// from the start), on `side`.
  public func join(
    negotiation name: String, actors: [String], as role: ParticipantRole, side: String? = nil,
    date: AccordDate? = nil
  ) throws {
    guard !actors.isEmpty else { throw StoreError.invalid("name the actors who join") }
    if let side, side.trimmingSpaces.isEmpty { throw StoreError.invalid("a side needs a name") }
    try write {
      let negotiation = try resolveNegotiation(name)
      for actor in actors {
        let id = try resolveActor(actor)
        if let date, try takesPart(id, in: negotiation, role: role, on: date) {
          throw StoreError.conflict(
            "\(try actorName(id)) takes part in \(try negotiationSlug(negotiation)) as \(role.rawValue) on \(date) already"
          )
        }
        try addParticipant(negotiation: negotiation, actor: id, role: role, side: side, date: date)
      }
    }
  }

  /// `accord negotiation leave`: the actor stops taking part, in every role it holds, on `date`.
  public func leave(negotiation name: String, actor: String, date: AccordDate) throws {
    try write {
      let negotiation = try resolveNegotiation(name)
      let id = try resolveActor(actor)
      let roles = try participations(negotiation: negotiation, asOf: date.first).filter { $0.actorID == id }
      guard !roles.isEmpty else {
        throw StoreError.conflict(
          "\(try actorName(id)) takes no part in \(try negotiationSlug(negotiation)) on \(date); nothing to leave"
        )
      }
      for role in roles {
        try connection.run(
          """
          INSERT INTO participant (negotiation_id, actor_id, role, event, date, date_first, date_last)
          VALUES (?, ?, ?, 'left', ?, ?, ?)
          """, [.integer(negotiation), .integer(id), .text(role.role.rawValue)] + date.columns)
      }
    }
  }

  /// The participants of a negotiation as of `day`, in the order of their roles, then by name.
  public func participants(negotiation: Int64, asOf day: Day) throws -> [Participation] {
    try participations(negotiation: negotiation, asOf: day).map(\.participation)
  }

  /// The spans in which each actor held each role in each negotiation (of one, or of all):
  /// joined (nil: from the start) until it left (nil: it still takes part). A joining on another
  /// side while taking part starts a new span.
  /// (With `among`, the negotiations with those numbers.)
  func participationSpans(negotiation: Int64? = nil, among: [Int64]? = nil) throws -> [Int64:
    [ParticipationSpan]]
  {
    if among == nil {
      return try memoized("participation \(negotiation.map(String.init) ?? "all")") {
        try readParticipationSpans(negotiation: negotiation, among: nil)
      }
    }
    return try readParticipationSpans(negotiation: negotiation, among: among)
  }

  /// The statement of ``participationSpans(negotiation:among:)``. Read in table order and ordered
  /// there (by day, a joining without one first, then as recorded): sorting in SQL on the
  /// expression costs more than the read.
  func participationStatement(negotiation: Int64?, among: [Int64]? = nil) -> ReadStatement {
    let scope =
      negotiation != nil
      ? "p.negotiation_id = ?1 AND ?2 IS NULL"
      : among != nil
        ? "?1 IS NULL AND p.negotiation_id IN (\(words.numbers(in: "?2")))" : "?1 IS NULL AND ?2 IS NULL"
    return ReadStatement(
      """
      SELECT p.id, p.negotiation_id, p.actor_id, a.name AS actor, p.role, p.side, p.date, p.date_first,
        p.date_last, p.event
      FROM participant p JOIN actor a ON a.id = p.actor_id
      WHERE \(scope)
      """, [.optional(negotiation), .optional(among.map(Self.jsonList))])
  }

  private func readParticipationSpans(negotiation: Int64?, among: [Int64]?) throws
    -> [Int64: [ParticipationSpan]]
  {
    var events = try connection.all(participationStatement(negotiation: negotiation, among: among)) {
      row throws(DatabaseError) in
      let id = try row.integer("id")
      return (
        negotiation: try row.integer("negotiation_id"), id: id,
        span: ParticipationSpan(
          actorID: try row.integer("actor_id"), actor: try row.text("actor"),
          role: try row.decode(ParticipantRole.self, "role", table: "participant", id: id),
          side: try row.optionalText("side"), since: try row.optionalDate("date"), until: nil),
        joined: try row.text("event") == "joined"
      )
    }
    events.sort { a, b in
      if a.negotiation != b.negotiation { return a.negotiation < b.negotiation }
      switch (a.span.since?.first, b.span.since?.first) {
      case (nil, nil): return a.id < b.id
      case (nil, _): return true
      case (_, nil): return false
      case (let x?, let y?): return x != y ? x < y : a.id < b.id
      }
    }
    struct Key: Hashable {
      let actor: Int64
      let role: ParticipantRole
    }
    var result: [Int64: [ParticipationSpan]] = [:]
    var open: [Int64: [Key: Int]] = [:]
    for event in events {
      let key = Key(actor: event.span.actorID, role: event.span.role)
      let n = event.negotiation
      if event.joined {
        if let index = open[n]?[key] {
          guard let spans = result[n], event.span.side != nil && event.span.side != spans[index].side else {
            continue
          }
          result[n, default: []][index].until = event.span.since
        }
        open[n, default: [:]][key] = result[n]?.count ?? 0
        result[n, default: []].append(event.span)
      } else if let index = open[n]?.removeValue(forKey: key) {
        result[n, default: []][index].until = event.span.since
      }
    }
    return result
  }

  /// Numbers as a JSON array, for ``EngineWords/numbers(in:)``.
  static func jsonList(_ numbers: [Int64]) -> String {
    "[" + numbers.map(String.init).joined(separator: ",") + "]"
  }

  /// Who takes part in a negotiation on `day` (as certain: a joining or leaving counts once its
  /// whole date has passed), by role, then by name.
  func participations(negotiation: Int64, asOf day: Day) throws -> [ParticipationSpan] {
    ParticipationSpan.asOf(try participationSpans(negotiation: negotiation)[negotiation] ?? [], day)
  }

  /// True when the actor held `role` (any role when nil) in the negotiation at some time within
  /// `date`'s range.
  func takesPart(_ actor: Int64, in negotiation: Int64, role: ParticipantRole? = nil, on date: AccordDate)
    throws -> Bool
  {
    try (participationSpans(negotiation: negotiation)[negotiation] ?? []).contains { span in
      span.actorID == actor && (role == nil || span.role == role)
        && (span.since.map { $0.first <= date.last } ?? true)
        && (span.until.map { date.first <= $0.first } ?? true)
    }
  }

  /// Refuses a step or an answer by an actor that takes no part in the negotiation on that date.
  func checkTakesPart(_ actor: Int64, in negotiation: Int64, on date: AccordDate) throws {
    if try takesPart(actor, in: negotiation, on: date) { return }
    // As a member of a bloc that takes part, on that day.
    for bloc in try blocs().blocs(of: actor, on: date) where try takesPart(bloc, in: negotiation, on: date) {
      return
    }
    throw StoreError.notTakingPart(
      actor: try actorName(actor), shortID: try actorSlug(actor),
      negotiation: try negotiationSlug(negotiation), on: date)
  }

  func actorName(_ id: Int64) throws(StoreError) -> String {
    try StoreError.catching(
      connection.first("SELECT name FROM actor WHERE id = ?", [.integer(id)]) { $0.text(0) }) ?? String(id)
  }

  func actorSlug(_ id: Int64) throws(StoreError) -> String {
    try StoreError.catching(
      connection.first("SELECT slug FROM actor WHERE id = ?", [.integer(id)]) { $0.text(0) }) ?? String(id)
  }

  func negotiationSlug(_ id: Int64) throws(StoreError) -> String {
    try StoreError.catching(
      connection.first("SELECT slug FROM negotiation WHERE id = ?", [.integer(id)]) { $0.text(0) })
      ?? String(id)
  }
}
