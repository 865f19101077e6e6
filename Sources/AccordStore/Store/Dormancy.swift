import AccordSQLite

/// Dormant drafts (README, "How status is derived", rule 8): a live draft with no step of its own,
/// and no meeting or development of its negotiation, for a while is dormant as of a day. The while
/// is a negotiation's own (`negotiation edit --dormant-after DAYS`), else the command's, else a
/// year. `deals --unsigned` and reports leave dormant drafts out and say how many; `deals
/// --dormant` lists them. A new step wakes a draft.
public enum Dormancy {
  /// A year, unless said otherwise.
  public static let defaultDays = 365

  /// Refuses a negotiation's own number of quiet days that is not above 0 (nil: the default).
  static func check(days: Int?) throws(StoreError) {
    if let days, days <= 0 { throw .mistake(.dormancyNotAboveZero) }
  }

  /// Whether a draft last active on `activity` is dormant on `day` after `days` quiet days.
  public static func isDormant(activity: Day, asOf day: Day, after days: Int) -> Bool {
    activity.days(to: day) >= days
  }
}

/// What dormancy needs of one negotiation as of a day.
struct NegotiationQuiet: Sendable {
  /// The first day of its latest meeting or development on or before the day.
  let lastMeetingOrDevelopment: Day?
  /// The negotiation's own number of quiet days, if it set one.
  let dormantAfter: Int?
}

extension AccordStore {
  /// For each of `negotiations`: its latest meeting or development as of `day`, and its own
  /// threshold. One statement, each negotiation read through its indexes, latest first.
  func quiet(negotiations: [Int64], asOf day: Day) throws -> [Int64: NegotiationQuiet] {
    guard !negotiations.isEmpty else { return [:] }
    let rows = try connection.all(quietStatement(negotiations: negotiations, asOf: day)) {
      row throws(DatabaseError) in
      let id = try row.integer("id")
      let dormantAfter = try row.optionalInteger("dormant_after").map { Int($0) }
      let meeting = try row.optionalText("last_meeting").flatMap(Day.init(iso:))
      let development = try row.optionalText("last_development").flatMap(Day.init(iso:))
      return (
        id,
        NegotiationQuiet(
          lastMeetingOrDevelopment: [meeting, development].compactMap { $0 }.max(), dormantAfter: dormantAfter
        )
      )
    }
    return Dictionary(rows, uniquingKeysWith: { a, _ in a })
  }

  /// The statement of ``quiet(negotiations:asOf:)``.
  func quietStatement(negotiations: [Int64], asOf day: Day) -> ReadStatement {
    ReadStatement(
      """
      SELECT n.id, n.dormant_after,
        (SELECT m.date_first FROM meeting m WHERE m.negotiation_id = n.id AND m.date_first <= ?1
          AND NOT \(AccordStore.retracted("meeting", "m.id"))
          ORDER BY m.date_first DESC LIMIT 1) AS last_meeting,
        (SELECT d.date_first FROM development d WHERE d.negotiation_id = n.id AND d.date_first <= ?1
          AND NOT \(AccordStore.retracted("development", "d.id"))
          ORDER BY d.date_first DESC LIMIT 1) AS last_development
      FROM negotiation n WHERE n.id IN (\(words.numbers(in: "?2")))
      """, [.text(day.description), .text(Self.jsonList(negotiations))])
  }

  /// The day a draft was last active as of `day` (its latest step that may have happened by then,
  /// or its negotiation's latest meeting or development), and whether it is dormant then. Nil for
  /// a proposal that is not a live draft.
  static func dormancy(
    of life: ProposalLife, quiet: NegotiationQuiet?, asOf day: Day, defaultDays: Int
  ) -> (activity: Day, dormant: Bool)? {
    guard let state = life.state, state.isDraft else { return nil }
    let ownLatest = (life.steps + life.possible).map(\.date.first).max()
    guard let activity = [ownLatest, quiet?.lastMeetingOrDevelopment].compactMap({ $0 }).max() else {
      return nil
    }
    let days = quiet?.dormantAfter ?? defaultDays
    return (activity, Dormancy.isDormant(activity: activity, asOf: day, after: days))
  }

  /// `accord negotiation edit NEG --dormant-after DAYS` (nil: back to the default).
  public func setDormantAfter(negotiation name: String, days: Int?) throws {
    try Dormancy.check(days: days)
    try write {
      let id = try resolveNegotiation(name)
      try connection.run(
        "UPDATE negotiation SET dormant_after = ? WHERE id = ?",
        [.optional(days.map { Int64($0) }), .integer(id)])
    }
  }
}
