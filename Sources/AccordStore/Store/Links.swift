import AccordSQLite

/// How one agreement stands to another, in any negotiation: a Security Council resolution endorses
/// an agreement reached elsewhere; an implementation plan implements a framework.
public enum ProposalLinkKind: String, Sendable, Codable, CaseIterable {
  case implements
  case buildsOn = "builds_on"
  case endorses
  case replaces

  /// Read from this proposal: "implements".
  public var words: String { rawValue.replacing("_", with: " ") }

  /// Read from the other proposal: "implemented by".
  public var inverse: String {
    switch self {
    case .implements: "implemented by"
    case .buildsOn: "built on by"
    case .endorses: "endorsed by"
    case .replaces: "replaced by"
    }
  }
}

/// A link seen from one of its two proposals.
public struct ProposalLinkEntry: Sendable, Codable, Equatable {
  /// The link's number (`accord retract link N`).
  public let id: Int64
  /// "implements", or "implemented by" when seen from the other side.
  public let relation: String
  public let kind: ProposalLinkKind
  /// The other proposal, by short id and title, and its negotiation.
  public let proposal: String
  public let title: String
  public let negotiation: String
}

extension ProposalLinkEntry {
  /// A link from a row of `proposal_link`, with whether it is seen from its other proposal
  /// (`inverse`) and that proposal's `slug`, `title` and `negotiation`.
  init(row: Row) throws(DatabaseError) {
    let id = try row.integer("id")
    let kind = try row.decode(ProposalLinkKind.self, "link", table: "proposal_link", id: id)
    self.init(
      id: id, relation: try row.bool("inverse") ? kind.inverse : kind.words, kind: kind,
      proposal: try row.text("slug"), title: try row.text("title"), negotiation: try row.text("negotiation"))
  }
}

extension AccordStore {
  /// `accord proposal link X --implements Y`: returns the link's number.
  @discardableResult
  public func linkProposal(_ proposal: String, _ kind: ProposalLinkKind, _ other: String) throws -> Int64 {
    try write {
      let from = try resolveProposal(proposal)
      let to = try resolveProposal(other)
      guard from != to else { throw StoreError.invalid("a proposal cannot be linked to itself") }
      if let existing = try connection.integer(
        "SELECT id FROM current_proposal_link WHERE proposal_id = ? AND link = ? AND other_id = ?",
        [.integer(from), .text(kind.rawValue), .integer(to)])
      {
        throw StoreError.conflict("that link is on the record already (link \(existing))")
      }
      return try connection.insert(
        "INSERT INTO proposal_link (proposal_id, link, other_id) VALUES (?, ?, ?)",
        [.integer(from), .text(kind.rawValue), .integer(to)])
    }
  }

  /// A proposal's links, both ways, in the order recorded; with `asOf`, those whose other proposal
  /// had a step by then (a link holds from the day both proposals exist).
  public func links(of proposal: Int64, asOf day: Day? = nil) throws -> [ProposalLinkEntry] {
    try connection.all(
      """
      SELECT id, link, inverse, slug, title, negotiation FROM (
        SELECT l.id, l.link, 0 AS inverse, o.slug, o.title, n.slug AS negotiation, o.id AS other
        FROM current_proposal_link l
        JOIN current_proposal o ON o.id = l.other_id JOIN negotiation n ON n.id = o.negotiation_id
        WHERE l.proposal_id = ?1
        UNION ALL
        SELECT l.id, l.link, 1, o.slug, o.title, n.slug, o.id FROM current_proposal_link l
        JOIN current_proposal o ON o.id = l.proposal_id JOIN negotiation n ON n.id = o.negotiation_id
        WHERE l.other_id = ?1) AS linked
      WHERE CAST(?2 AS TEXT) IS NULL OR EXISTS (SELECT 1 FROM current_proposal_step s WHERE s.proposal_id = other AND s.date_last <= ?2)
      ORDER BY id
      """, [.integer(proposal), .optional(day?.description)], ProposalLinkEntry.init(row:))
  }

  /// `accord proposal edit X --counters Y|none --supersedes Y|none`: corrects which proposal this
  /// one counters or supersedes, on the change log (and undone by `accord undo`). The `countered`
  /// or `superseded` step recorded on the earlier target is retracted, and one is recorded on the
  /// new target, on this proposal's first day.
  public func editProposalChain(
    _ proposal: String, counters: String?? = nil, supersedes: String?? = nil
  ) throws {
    try write {
      let id = try resolveProposal(proposal)
      guard
        let (slug, oldCounters, oldSupersedes) = try connection.first(
          "SELECT slug, counters_id, supersedes_id FROM proposal WHERE id = ?", [.integer(id)],
          { row throws(DatabaseError) in
            (
              try row.text("slug"), try row.optionalInteger("counters_id"),
              try row.optionalInteger("supersedes_id")
            )
          })
      else { throw StoreError.notFound(kind: "proposal", name: proposal, candidates: []) }
      guard
        let first = try connection.first(
          "SELECT date, date_first, date_last FROM current_proposal_step WHERE proposal_id = ? ORDER BY date_first, id LIMIT 1",
          [.integer(id)], { row throws(DatabaseError) in try row.date("date") })
      else { throw StoreError.conflict("proposal \(slug) has no step on the record to date its chain by") }
      for (change, old, column, kind) in [
        (counters, oldCounters, "counters_id", ProposalStep.Kind.countered),
        (supersedes, oldSupersedes, "supersedes_id", .superseded),
      ] {
        guard let change else { continue }
        let new = try change.map { try resolveProposal($0) }
        guard new != old else { continue }
        if let new {
          guard new != id else {
            throw StoreError.invalid(
              "a proposal cannot \(kind == .countered ? "counter" : "supersede") itself")
          }
          guard try negotiationOf(proposal: new) == negotiationOf(proposal: id) else {
            throw StoreError.invalid("a proposal can only counter or supersede one of the same negotiation")
          }
          try checkNotBeforeFirstStep(of: new, first)
        }
        if column == "counters_id" {
          try connection.run(
            "UPDATE proposal SET counters_id = ? WHERE id = ?", [.optional(new), .integer(id)])
        } else {
          try connection.run(
            "UPDATE proposal SET supersedes_id = ? WHERE id = ?", [.optional(new), .integer(id)])
        }
        let note = "\(kind == .countered ? "countered" : "superseded") by \(slug)"
        if let old,
          let step = try connection.integer(
            "SELECT id FROM current_proposal_step WHERE proposal_id = ? AND step = ? AND note = ? ORDER BY id DESC LIMIT 1",
            [.integer(old), .text(kind.rawValue), .text(note)])
        {
          _ = try insertRetraction(
            table: "proposal_step", id: step,
            reason: "corrected: \(slug) does not \(kind == .countered ? "counter" : "supersede") it",
            label: "step \(step)")
        }
        if let new { try insertStep(proposal: new, kind, date: first, party: nil, note: note) }
      }
    }
  }
}
