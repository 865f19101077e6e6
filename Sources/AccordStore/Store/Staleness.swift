import AccordSQLite

/// Staleness: how long nothing has been recorded on a negotiation. A negotiation's activity is the
/// first day of its latest dated fact (meeting, step, position, quote or development) on or
/// before the as-of day.
extension NegotiationSummary {
  /// Whole days from the last activity to `day`; nil when nothing is recorded on or before it.
  public func daysQuiet(asOf day: Day) -> Int? {
    lastActivity.flatMap { Day(iso: $0) }.map { $0.days(to: day) }
  }

  /// True when nothing was recorded in the `days` days up to `day` (or nothing at all).
  public func isStale(days: Int, asOf day: Day) -> Bool {
    daysQuiet(asOf: day).map { $0 >= days } ?? true
  }
}

extension AccordStore {
  /// The first day (YYYY-MM-DD, '' when none) of the latest fact on negotiation `negotiation` (an
  /// SQL expression: a column or a placeholder) dated on or before `day` (likewise): a negotiation's
  /// last activity, the one rule that `negotiation list` and staleness share.
  func lastActivitySQL(of negotiation: String, asOf day: String) -> String {
    words.greatest([
      // The latest development: the first that the index (negotiation_id, date_first) gives read
      // backwards, where max() reads them all (and PostgreSQL each one's row, for its retraction).
      """
      coalesce((SELECT d.date_first FROM development d
        WHERE d.negotiation_id = \(negotiation) AND d.date_first <= \(day)
          AND NOT \(AccordStore.retracted("development", "d.id"))
        ORDER BY d.date_first DESC LIMIT 1), '')
      """,
      """
      coalesce((SELECT max(m.date_first) FROM meeting m
        WHERE m.negotiation_id = \(negotiation) AND m.date_first <= \(day)
          AND NOT \(AccordStore.retracted("meeting", "m.id"))), '')
      """,
      """
      coalesce((SELECT max(x.date_first) FROM current_proposal p JOIN current_proposal_step x ON x.proposal_id = p.id
        WHERE p.negotiation_id = \(negotiation) AND x.date_first <= \(day)), '')
      """,
      """
      coalesce((SELECT max(o.date_first) FROM current_position o
        WHERE o.negotiation_id = \(negotiation) AND o.date_first <= \(day)), '')
      """,
      """
      coalesce((SELECT max(a.date_first) FROM current_answer a JOIN position o ON o.id = a.condition_id
        WHERE o.negotiation_id = \(negotiation) AND a.date_first <= \(day)), '')
      """,
      """
      coalesce((SELECT max(q.date_first) FROM statement q
        WHERE q.negotiation_id = \(negotiation) AND q.date_first <= \(day)
          AND NOT \(AccordStore.retracted("statement", "q.id"))), '')
      """,
    ])
  }

  /// The first day of the latest fact on the negotiation dated on or before `day`, if any.
  public func lastActivity(negotiation: Int64, asOf day: Day) throws -> Day? {
    try memoized("last activity \(negotiation) \(day)") {
      try readLastActivity(negotiation: negotiation, asOf: day)
    }
  }

  private func readLastActivity(negotiation: Int64, asOf day: Day) throws -> Day? {
    try connection.first(lastActivityStatement(negotiation: negotiation, asOf: day)) { $0.text(0) }
      .flatMap { Day(iso: $0) }
  }

  /// The statement of ``lastActivity(negotiation:asOf:)``.
  func lastActivityStatement(negotiation: Int64, asOf day: Day) -> ReadStatement {
    ReadStatement(
      "SELECT \(lastActivitySQL(of: "?1", asOf: "?2"))", [.integer(negotiation), .text(day.description)])
  }

  /// The negotiations that are live on `day`, by title: something on them is dated on or before
  /// the day, and they have not ended (see ``NegotiationStatus``).
  public func liveNegotiations(asOf day: Day) throws -> [Int64] {
    try negotiations(asOf: day).filter { ![.notStarted, .ended].contains($0.status.state) }.map(\.id)
  }
}
