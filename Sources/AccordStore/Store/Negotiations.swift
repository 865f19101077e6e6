/// The roles an actor can have in a negotiation.
public enum ParticipantRole: String, Sendable, Codable, CaseIterable {
  case party, mediator, guarantor, observer
}

public struct NewNegotiation: Sendable {
  public var title: String
  public var slug: String?
  public var summary: String?
  public var tags: [String]
  /// Actor names with their roles, in the order given.
  public var participants: [(actor: String, role: ParticipantRole)]

  public init(
    title: String, slug: String? = nil, summary: String? = nil, tags: [String] = [],
    participants: [(actor: String, role: ParticipantRole)]
  ) {
    self.title = title
    self.slug = slug
    self.summary = summary
    self.tags = tags
    self.participants = participants
  }
}

/// A negotiation as listed, with its status as of a day.
public struct NegotiationSummary: Sendable, Codable, Equatable {
  public let id: Int64
  public let slug: String
  public let title: String
  /// `signed` when a proposal of it carries a signed step as of the day, else `unsigned`.
  public let status: String
  public let parties: [String]
  public let mediators: [String]
  public let tags: [String]
  public let liveProposals: Int
  public let lastActivity: String?
  /// True for a retracted negotiation, listed with `--include-retracted`; absent otherwise.
  public var retracted: Bool? = nil
}

extension AccordStore {
  @discardableResult
  public func addNegotiation(_ new: NewNegotiation) throws -> Int64 {
    let title = new.title.trimmingSpaces
    guard !title.isEmpty else { throw StoreError.invalid("a negotiation needs a title") }
    guard new.participants.contains(where: { $0.role == .party }) else {
      throw StoreError.invalid("a negotiation needs at least one --party")
    }
    return try write {
      let slug = try newSlug(new.slug, from: title, fallback: "negotiation", table: "negotiation")
      let id = try connection.insert(
        "INSERT INTO negotiation (slug, title, title_key, summary) VALUES (?, ?, ?, ?)",
        [.text(slug), .text(title), .text(Names.key(title)), .optional(new.summary?.trimmingSpaces.nonEmpty)])
      for tag in new.tags {
        let tag = Names.key(tag)
        guard !tag.isEmpty else { throw StoreError.invalid("a tag cannot be empty") }
        try connection.run(
          "INSERT OR IGNORE INTO negotiation_tag (negotiation_id, tag) VALUES (?, ?)",
          [.integer(id), .text(tag)])
      }
      for (name, role) in new.participants {
        try addParticipant(negotiation: id, actor: resolveActor(name), role: role)
      }
      return id
    }
  }

  public func addParticipant(negotiation: Int64, actor: Int64, role: ParticipantRole) throws {
    try connection.run(
      "INSERT OR IGNORE INTO participant (negotiation_id, actor_id, role) VALUES (?, ?, ?)",
      [.integer(negotiation), .integer(actor), .text(role.rawValue)])
  }

  /// Negotiations with their status as of `asOf`, optionally only signed or unsigned ones, or
  /// those in which `party` takes part.
  public func negotiations(
    signed: Bool? = nil, party: Int64? = nil, tag: String? = nil, asOf: Day? = nil,
    includeRetracted: Bool = false
  ) throws -> [NegotiationSummary] {
    let day = (asOf ?? today).description
    return try connection.all(
      """
      SELECT n.id, n.slug, n.title,
        EXISTS (
          SELECT 1 FROM proposal p JOIN proposal_step x ON x.proposal_id = p.id
          WHERE p.negotiation_id = n.id AND x.step IN \(StatusRule.signingSQL) AND x.date_first <= ?1
            AND NOT EXISTS (SELECT 1 FROM retraction zr WHERE zr.record_table = 'proposal' AND zr.record_id = p.id) AND NOT EXISTS (SELECT 1 FROM retraction zr WHERE zr.record_table = 'proposal_step' AND zr.record_id = x.id)
        ) AS signed,
        (SELECT group_concat(a.name, char(31)) FROM participant r JOIN actor a ON a.id = r.actor_id
          WHERE r.negotiation_id = n.id AND r.role = 'party'),
        (SELECT group_concat(a.name, char(31)) FROM participant r JOIN actor a ON a.id = r.actor_id
          WHERE r.negotiation_id = n.id AND r.role = 'mediator'),
        (SELECT group_concat(t.tag, char(31)) FROM negotiation_tag t WHERE t.negotiation_id = n.id),
        (SELECT count(*) FROM proposal p JOIN proposal_step s ON s.id = \(StatusRule.latestWholeStepSQL)
          WHERE p.negotiation_id = n.id AND s.step NOT IN \(StatusRule.closingSQL)
            AND NOT EXISTS (SELECT 1 FROM retraction zr WHERE zr.record_table = 'proposal' AND zr.record_id = p.id)),
        \(Self.lastActivitySQL(of: "n.id", asOf: "?1")),
        EXISTS (SELECT 1 FROM retraction zr WHERE zr.record_table = 'negotiation' AND zr.record_id = n.id)
      FROM negotiation n
      WHERE (?4 OR NOT EXISTS (SELECT 1 FROM retraction zr WHERE zr.record_table = 'negotiation' AND zr.record_id = n.id))
        AND (?2 IS NULL OR EXISTS (SELECT 1 FROM participant r WHERE r.negotiation_id = n.id AND r.actor_id = ?2))
        AND (?3 IS NULL OR EXISTS (SELECT 1 FROM negotiation_tag t WHERE t.negotiation_id = n.id AND t.tag = ?3))
      ORDER BY n.title COLLATE NOCASE, n.id
      """, [.text(day), .optional(party), .optional(tag.map(Names.key)), .integer(includeRetracted ? 1 : 0)]
    ) { row in
      var summary = NegotiationSummary(
        id: row.integer(0), slug: row.text(1), title: row.text(2),
        status: row.bool(3) ? "signed" : "unsigned", parties: splitList(row.optionalText(4)),
        mediators: splitList(row.optionalText(5)), tags: splitList(row.optionalText(6)),
        liveProposals: Int(row.integer(7)), lastActivity: row.text(8).nonEmpty)
      if row.bool(9) { summary.retracted = true }
      return summary
    }.filter { signed == nil || ($0.status == "signed") == signed }
  }
}
