/// A proposal or agreement with its status as of a day: one row of `accord deals`.
public struct Deal: Sendable, Codable, Equatable {
  public struct LatestStep: Sendable, Codable, Equatable {
    public let step: ProposalStep.Kind
    public let date: AccordDate
    public let party: String?
  }
  public let id: Int64
  public let slug: String
  public let title: String
  public let negotiation: String
  public let negotiationTitle: String
  public let parties: [String]
  public let tabledBy: String?
  public let value: String?
  /// The latest whole-proposal step (see ``StatusRule``).
  public let status: ProposalStep.Kind
  public let statusDate: AccordDate
  public let signed: Bool
  public let live: Bool
  /// The latest step of any kind, a party's included.
  public let latestStep: LatestStep
  public let openSince: AccordDate
  /// Days from the first day of its first step to the as-of day.
  public let daysOpen: Int
  /// True for a retracted proposal (or one of a retracted negotiation), listed with
  /// `--include-retracted`; absent otherwise.
  public var retracted: Bool? = nil
}

extension AccordStore {
  /// Proposals and agreements with their status as of `asOf` (default today), by the rule in
  /// ``StatusRule``; with `unsignedOnly`, the live ones with no signed step.
  public func deals(
    unsignedOnly: Bool = false, negotiation: Int64? = nil, asOf: Day? = nil, includeRetracted: Bool = false
  ) throws -> [Deal] {
    let day = asOf ?? today
    return try connection.all(
      """
      SELECT p.id, p.slug, p.title, n.slug, n.title,
        (SELECT group_concat(a.name, char(31)) FROM participant r JOIN actor a ON a.id = r.actor_id
          WHERE r.negotiation_id = n.id AND r.role = 'party'),
        tb.name, p.value,
        s.step, s.date, s.date_first, s.date_last,
        \(StatusRule.signedSQL) AS signed,
        l.step, l.date, l.date_first, l.date_last, la.name,
        f.date, f.date_first, f.date_last,
        NOT (NOT EXISTS (SELECT 1 FROM retraction zr WHERE zr.record_table = 'proposal' AND zr.record_id = p.id) AND NOT EXISTS (SELECT 1 FROM retraction zr WHERE zr.record_table = 'negotiation' AND zr.record_id = n.id))
      FROM proposal p
      JOIN negotiation n ON n.id = p.negotiation_id
      JOIN proposal_step s ON s.id = \(StatusRule.latestWholeStepSQL)
      JOIN proposal_step l ON l.id = \(StatusRule.latestStepSQL)
      JOIN proposal_step f ON f.id = (
        SELECT w.id FROM proposal_step w WHERE w.proposal_id = p.id
          AND NOT EXISTS (SELECT 1 FROM retraction zr WHERE zr.record_table = 'proposal_step' AND zr.record_id = w.id) ORDER BY w.date_first, w.id LIMIT 1)
      LEFT JOIN actor tb ON tb.id = p.tabled_by
      LEFT JOIN actor la ON la.id = l.party_id
      WHERE \(negotiation == nil ? "?3 IS NULL" : "p.negotiation_id = ?3")
        AND (?4 OR (NOT EXISTS (SELECT 1 FROM retraction zr WHERE zr.record_table = 'proposal' AND zr.record_id = p.id) AND NOT EXISTS (SELECT 1 FROM retraction zr WHERE zr.record_table = 'negotiation' AND zr.record_id = n.id)))
        AND (NOT ?2 OR (s.step NOT IN \(StatusRule.closingSQL) AND NOT signed))
      ORDER BY f.date_first, p.id
      """,
      [
        .text(day.description), .integer(unsignedOnly ? 1 : 0), .optional(negotiation),
        .integer(includeRetracted ? 1 : 0),
      ]
    ) { row in
      let status = ProposalStep.Kind(rawValue: row.text(8)) ?? .tabled
      let openSince = AccordDate.stored(row.text(18), first: row.text(19), last: row.text(20))
      var deal = Deal(
        id: row.integer(0), slug: row.text(1), title: row.text(2), negotiation: row.text(3),
        negotiationTitle: row.text(4), parties: splitList(row.optionalText(5)), tabledBy: row.optionalText(6),
        value: row.optionalText(7), status: status,
        statusDate: AccordDate.stored(row.text(9), first: row.text(10), last: row.text(11)),
        signed: row.bool(12), live: StatusRule.isLive(status),
        latestStep: Deal.LatestStep(
          step: ProposalStep.Kind(rawValue: row.text(13)) ?? status,
          date: AccordDate.stored(row.text(14), first: row.text(15), last: row.text(16)),
          party: row.optionalText(17)),
        openSince: openSince, daysOpen: max(0, openSince.first.days(to: day)))
      if row.bool(21) { deal.retracted = true }
      return deal
    }
  }
}
