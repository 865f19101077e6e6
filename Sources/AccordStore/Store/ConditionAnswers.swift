import AccordSQLite

/// Answers to conditions: each counterpart answers for itself.
extension AccordStore {
  /// Records an answer to a condition, one for each actor in `by`; the earlier ones stay on the
  /// record. Without `by`, the answer is the holder's for `dropped`, and the one counterpart's for
  /// `accepted`, `rejected` and `reneged` when there is exactly one. Whoever answers must take part
  /// in the negotiation on that day (directly or through a bloc); only who accepted can renege.
  /// Returns the answers' numbers.
  @discardableResult
  public func updateCondition(
    _ condition: String, _ outcome: ConditionOutcome, date: AccordDate, by: [String],
    note: String? = nil, sources: [String] = []
  ) throws -> [Int64] {
    try write {
      let id = try resolveCondition(condition)
      guard
        let (negotiation, holder, since) = try connection.first(
          "SELECT negotiation_id, actor_id, date_first FROM position WHERE id = ?", [.integer(id)],
          { row throws(DatabaseError) in
            (try row.integer("negotiation_id"), try row.integer("actor_id"), try row.text("date_first"))
          })
      else { throw StoreError.notFound(kind: "condition", name: condition, candidates: []) }
      guard date.first.description >= since else {
        throw StoreError.invalid(
          "condition \(id) was stated on \(since); an answer to it cannot come earlier")
      }
      var actors: [Int64?] = []
      for name in by {
        let actor = try resolveActor(name)
        if !actors.contains(actor) { actors.append(actor) }
      }
      if outcome == .met && !actors.isEmpty {
        throw StoreError.mistake(.metConditionWithActor)
      }
      if actors.isEmpty {
        switch outcome {
        case .dropped: actors = [holder]
        case .met: actors = [nil]
        case .accepted, .rejected, .reneged:
          let others = try counterparts(
            negotiation: negotiation, holder: holder, on: date.last, blocs: try blocs())
          guard others.count == 1 else {
            throw StoreError.mistake(.answerWithoutActor(outcome, condition: id))
          }
          actors = [others[0].id]
        }
      }
      for case let actor? in actors where actor != holder {
        try checkTakesPart(actor, in: negotiation, on: date)
        if outcome == .reneged {
          // It, or a bloc it belonged to then, accepted it before.
          let blocs = try self.blocs()
          let acceptances = try connection.all(
            """
            SELECT actor_id, date, date_first, date_last FROM current_answer
            WHERE condition_id = ? AND outcome = 'accepted' AND date_first <= ? AND actor_id IS NOT NULL
            """, [.integer(id), .text(date.last.description)]
          ) { row throws(DatabaseError) in (try row.integer("actor_id"), try row.date("date")) }
          let accepted = acceptances.contains { by, when in
            by == actor || blocs.blocs(of: actor, on: when).contains(by)
          }
          if !accepted {
            throw StoreError.conflict(
              "\(try actorName(actor)) has not accepted condition \(id): there is nothing to renege on")
          }
        }
      }
      let sources = try resolveSources(sources)
      var ids: [Int64] = []
      for actor in actors {
        let answer = try connection.insert(
          """
          INSERT INTO answer (condition_id, actor_id, outcome, date, date_first, date_last, note)
          VALUES (?, ?, ?, ?, ?, ?, ?)
          """,
          [.integer(id), .optional(actor), .text(outcome.rawValue)] + date.columns
            + [.optional(note?.trimmingSpaces.nonEmpty)])
        try cite(sources, .answer, answer)
        ids.append(answer)
      }
      return ids
    }
  }

  /// Records one answer to a condition (see ``updateCondition(_:_:date:by:note:sources:)``).
  @discardableResult
  public func updateCondition(
    _ condition: String, _ outcome: ConditionOutcome, date: AccordDate, by: String? = nil,
    note: String? = nil, sources: [String] = []
  ) throws -> Int64 {
    try updateCondition(
      condition, outcome, date: date, by: by.map { [$0] } ?? [], note: note, sources: sources)[0]
  }

  /// The parties of a negotiation on `day` that stand across the table from `holder`: not the
  /// holder, not on its side, not a bloc it belongs to, not one of its members.
  func counterparts(negotiation: Int64, holder: Int64, on day: Day, blocs: Blocs) throws -> [(
    id: Int64, name: String
  )] {
    let taking = ParticipationSpan.asOf(
      try participationSpans(negotiation: negotiation)[negotiation] ?? [], day)
    let date = AccordDate(day: day)
    let holderSide = taking.first { $0.actorID == holder && $0.side != nil }?.side
    let holderBlocs = blocs.blocs(of: holder, on: date)
    let holderMembers = blocs.members(of: holder, on: date)
    var result: [(id: Int64, name: String)] = []
    for span in taking where span.role == .party && span.actorID != holder {
      if result.contains(where: { $0.id == span.actorID }) { continue }
      if let side = holderSide, span.side == side { continue }
      if holderBlocs.contains(span.actorID) || holderMembers.contains(span.actorID) { continue }
      result.append((span.actorID, span.actor))
    }
    return result
  }
}
