/// The one rule by which Accord derives a proposal's status from its dated steps. The README states
/// it in words ("How status is derived"); the `proposal_status` view in Migrations/0001_core.sql
/// applies it as of today for sqlite3 users, and a test checks that the two agree.
///
/// 1. Only steps dated on or before the as-of day count; a step counts from the first day its date
///    covers (a step dated `2025-02` counts from 1 February).
/// 2. Steps are ordered by that day, then by the order they were recorded.
/// 3. A step with a party concerns that party only; a step without one, the whole proposal.
/// 4. The proposal's status is its latest whole-proposal step; a proposal has none before its
///    first whole-proposal step (it did not exist yet).
/// 5. It is *signed* once any step, for the whole proposal or a party, is signed, ratified or in force.
/// 6. It is *closed* while its status is rejected, withdrawn, superseded, lapsed or terminated;
///    otherwise *live*. A later step (tabled again) revives it.
/// 7. An *unsigned deal* is a live proposal that is not signed.
/// 8. Each party's own status is its latest step for that party.
/// 9. A retracted step (`accord retract step`) does not count at all.
public enum StatusRule {
  /// Steps that close a proposal.
  public static let closing: [ProposalStep.Kind] = [
    .rejected, .withdrawn, .superseded, .lapsed, .terminated,
  ]
  /// Steps that make a proposal signed.
  public static let signing: [ProposalStep.Kind] = [.signed, .ratified, .inForce]

  public static func isLive(_ status: ProposalStep.Kind) -> Bool { !closing.contains(status) }

  static let closingSQL = sqlList(closing)
  static let signingSQL = sqlList(signing)

  /// The id of proposal `p`'s latest whole-proposal step as of day `?1` (rules 1–4).
  static let latestWholeStepSQL = """
    (SELECT y.id FROM proposal_step y
      WHERE y.proposal_id = p.id AND y.party_id IS NULL AND y.date_first <= ?1
        AND NOT EXISTS (SELECT 1 FROM retraction zr WHERE zr.record_table = 'proposal_step' AND zr.record_id = y.id)
      ORDER BY y.date_first DESC, y.id DESC LIMIT 1)
    """

  /// The id of proposal `p`'s latest step of any kind as of day `?1`.
  static let latestStepSQL = """
    (SELECT z.id FROM proposal_step z
      WHERE z.proposal_id = p.id AND z.date_first <= ?1
        AND NOT EXISTS (SELECT 1 FROM retraction zr WHERE zr.record_table = 'proposal_step' AND zr.record_id = z.id)
      ORDER BY z.date_first DESC, z.id DESC LIMIT 1)
    """

  /// Whether proposal `p` is signed as of day `?1` (rule 5).
  static let signedSQL = """
    EXISTS (SELECT 1 FROM proposal_step x
      WHERE x.proposal_id = p.id AND x.step IN \(signingSQL) AND x.date_first <= ?1
        AND NOT EXISTS (SELECT 1 FROM retraction zr WHERE zr.record_table = 'proposal_step' AND zr.record_id = x.id))
    """

  private static func sqlList(_ kinds: [ProposalStep.Kind]) -> String {
    "(" + kinds.map { "'\($0.rawValue)'" }.joined(separator: ", ") + ")"
  }
}
