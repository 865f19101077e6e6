import AccordSQLite

/// The roles an actor can have in a negotiation.
public enum ParticipantRole: String, Sendable, Codable, CaseIterable {
  case party, mediator, guarantor, observer, coordinator
}

public struct NewNegotiation: Sendable {
  public var title: String
  public var slug: String?
  public var summary: String?
  public var tags: [String]
  /// Actor names with their roles, in the order given.
  public var participants: [(actor: String, role: ParticipantRole)]
  /// Its drafts are dormant after this many quiet days (nil: the default, ``Dormancy``).
  public var dormantAfter: Int? = nil

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

/// A negotiation as listed, with where it stands as of a day.
public struct NegotiationSummary: Sendable, Codable, Equatable {
  public let id: Int64
  public let slug: String
  public let title: String
  /// Where it stands, and why (see ``NegotiationStatus``).
  public let status: NegotiationStatus
  public let parties: [String]
  public let mediators: [String]
  public let tags: [String]
  public let liveProposals: Int
  public let lastActivity: String?
  /// The bloc through which the actor a listing was asked about takes part (`--party`).
  public var via: String? = nil
  /// The part that actor (or its bloc) takes when it is not a party's: a mediator's, an
  /// observer's… (a listing by actor takes every part; it says which).
  public var role: ParticipantRole? = nil
  /// The latest deadline that came, when it was missed and nothing was agreed since: what was due
  /// and the day (`accord deadlines`).
  public var missedDeadline: String? = nil
  /// True for a retracted negotiation, listed with `--include-retracted`; absent otherwise.
  public var retracted: Bool? = nil
}

extension AccordStore {
  @discardableResult
  public func addNegotiation(_ new: NewNegotiation) throws -> Int64 {
    let title = new.title.trimmingSpaces
    guard !title.isEmpty else { throw StoreError.invalid("a negotiation needs a title") }
    guard new.participants.contains(where: { $0.role == .party }) else {
      throw StoreError.mistake(.negotiationWithoutParty)
    }
    return try write {
      let slug = try newSlug(new.slug, from: title, fallback: "negotiation", table: "negotiation")
      try Dormancy.check(days: new.dormantAfter)
      let id = try connection.insert(
        "INSERT INTO negotiation (slug, title, title_key, summary, dormant_after) VALUES (?, ?, ?, ?, ?)",
        [
          .text(slug), .text(title), .text(Names.key(title)), .optional(new.summary?.trimmingSpaces.nonEmpty),
          .optional(new.dormantAfter.map { Int64($0) }),
        ])
      for tag in new.tags {
        let tag = Names.key(tag)
        guard !tag.isEmpty else { throw StoreError.invalid("a tag cannot be empty") }
        try connection.run(
          "INSERT INTO negotiation_tag (negotiation_id, tag) VALUES (?, ?) ON CONFLICT DO NOTHING",
          [.integer(id), .text(tag)])
      }
      for (name, role) in new.participants {
        try addParticipant(negotiation: id, actor: resolveActor(name), role: role)
      }
      return id
    }
  }

  /// Negotiations with where they stand as of `asOf`: all, or only those signed (in force,
  /// suspended or signed) or not, those in which `party` takes part, or those with `tag`. Live talks
  /// with nothing recorded for `staleDays` days are stalled.
  public func negotiations(
    signed: Bool? = nil, party: ActorScope? = nil, tag: String? = nil, asOf: Day? = nil,
    includeRetracted: Bool = false, staleDays: Int = NegotiationStatus.defaultStaleDays
  ) throws -> [NegotiationSummary] {
    let day = asOf ?? today
    return try connection.read {
      let rows = try connection.all(
        """
        SELECT n.id, n.slug, n.title,
          (SELECT group_concat(t.tag, '\u{1F}') FROM negotiation_tag t WHERE t.negotiation_id = n.id) AS tags,
          \(lastActivitySQL(of: "n.id", asOf: "?1")) AS last_activity,
          \(AccordStore.retracted("negotiation", "n.id")) AS retracted
        FROM negotiation n
        WHERE (CAST(?2 AS TEXT) IS NULL OR EXISTS (SELECT 1 FROM negotiation_tag t WHERE t.negotiation_id = n.id AND t.tag = ?2))
        ORDER BY \(words.caseless("n.title")), n.id
        """, [.text(day.description), .optional(tag.map(Names.key))]
      ) { row throws(DatabaseError) in
        (
          id: try row.integer("id"), slug: try row.text("slug"), title: try row.text("title"),
          tags: try row.list("tags"),
          lastActivity: try row.optionalText("last_activity").flatMap(Day.init(iso:)),
          retracted: try row.bool("retracted")
        )
      }
      let lives = try self.lives(asOf: day)
      var proposals: [Int64: [(title: String, life: ProposalLife)]] = [:]
      for (id, negotiation, title) in try connection.all(
        "SELECT id, negotiation_id, title FROM current_proposal ORDER BY id", [],
        { row throws(DatabaseError) in
          (try row.integer("id"), try row.integer("negotiation_id"), try row.text("title"))
        })
      {
        if let life = lives[id] { proposals[negotiation, default: []].append((title, life)) }
      }
      let spans = try participationSpans()
      // The latest deadline of each negotiation that came by the day, when it was missed.
      var missed: [Int64: (text: String, day: Day)] = [:]
      var latestCame: [Int64: Deadline] = [:]
      let negotiationIDs = Dictionary(rows.map { ($0.slug, $0.id) }, uniquingKeysWith: { a, _ in a })
      for deadline in try deadlines(asOf: day, theDay: false)
      where deadline.state != .upcoming && deadline.state != .moved {
        guard let id = negotiationIDs[deadline.negotiation] else { continue }
        latestCame[id] = deadline
      }
      for (id, deadline) in latestCame where deadline.state == .missed {
        missed[id] = ("\(deadline.title) \(deadline.date)", deadline.date.first)
      }
      var result: [NegotiationSummary] = []
      for row in rows where includeRetracted || !row.retracted {
        let taking = ParticipationSpan.asOf(spans[row.id] ?? [], day)
        var via: String?
        var role: ParticipantRole?
        if let party {
          // Its own part before a bloc's, and a party's before any other.
          func rank(_ found: (ActorScope.Match, ParticipationSpan)) -> Int {
            (found.0.via == nil ? 0 : 2) + (found.1.role == .party ? 0 : 1)
          }
          let on = AccordDate(day: day)
          guard
            let (match, span) = taking.compactMap({ span in
              party.match(span.actorID, on: on).map { ($0, span) }
            })
            .min(by: { rank($0) < rank($1) })
          else { continue }
          via = match.via
          role = span.role == .party ? nil : span.role
        }
        let own = (proposals[row.id] ?? []).sorted {
          ($0.life.firstStep?.date.first ?? day) < ($1.life.firstStep?.date.first ?? day)
        }
        let status = NegotiationStatus.derive(
          proposals: own, lastActivity: row.lastActivity, asOf: day, staleDays: staleDays)
        if let signed, status.state.isSigned != signed { continue }
        var summary = NegotiationSummary(
          id: row.id, slug: row.slug, title: row.title, status: status,
          parties: taking.filter { $0.role == .party }.map(\.actor),
          mediators: taking.filter { $0.role == .mediator }.map(\.actor), tags: row.tags,
          liveProposals: own.filter(\.life.isLive).count, lastActivity: row.lastActivity?.description)
        if row.retracted { summary.retracted = true }
        summary.via = via
        summary.role = role
        // Missed, unless something settled since: then the talks moved past it.
        if let deadline = missed[row.id],
          !own.contains(where: {
            $0.life.steps.contains {
              $0.party == nil && StatusRule.settles($0.step) && $0.date.first >= deadline.day
            }
          })
        {
          summary.missedDeadline = deadline.text
        }
        result.append(summary)
      }
      return result
    }
  }

  /// Where one negotiation stands as of `day`.
  public func status(negotiation: Int64, asOf day: Day, staleDays: Int = NegotiationStatus.defaultStaleDays)
    throws -> NegotiationStatus
  {
    let lives = try self.lives(negotiation: negotiation, asOf: day)
    let proposals = try connection.all(
      "SELECT id, title FROM current_proposal WHERE negotiation_id = ? ORDER BY id", [.integer(negotiation)]
    ) { row throws(DatabaseError) in (try row.integer("id"), try row.text("title")) }.compactMap {
      id, title in
      lives[id].map { (title: title, life: $0) }
    }
    return try status(negotiation: negotiation, lives: proposals, asOf: day, staleDays: staleDays)
  }

  /// Where one negotiation stands as of `day`, from the lives of its current proposals that have
  /// steps by then, in the order of their numbers (read already by whoever asks).
  func status(
    negotiation: Int64, lives: [(title: String, life: ProposalLife)], asOf day: Day,
    staleDays: Int = NegotiationStatus.defaultStaleDays
  ) throws -> NegotiationStatus {
    NegotiationStatus.derive(
      proposals: lives.sorted {
        ($0.life.firstStep?.date.first ?? day) < ($1.life.firstStep?.date.first ?? day)
      },
      lastActivity: try lastActivity(negotiation: negotiation, asOf: day), asOf: day, staleDays: staleDays)
  }
}
