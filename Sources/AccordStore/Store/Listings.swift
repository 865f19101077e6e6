import AccordSQLite

/// Lists of one kind of record — meetings, quotes, developments — and a source with what cites
/// it: `accord meeting list|show`, `quote list`, `development list`, `source show`.
public struct MeetingRecord: Sendable, Codable, Equatable {
  public let id: Int64
  public let negotiation: String
  public let date: AccordDate
  public let place: String?
  public let participants: [String]
  public let summary: String?
  /// The short ids of the sources that report it.
  public let sources: [String]
  public var retracted: Bool? = nil
}

public struct QuoteRecord: Sendable, Codable, Equatable {
  public let id: Int64
  public let date: AccordDate
  public let speaker: String
  public let negotiation: String?
  public let text: String
  public let context: String?
  public let language: String?
  public let sources: [String]
  public var retracted: Bool? = nil
}

public struct DevelopmentRecord: Sendable, Codable, Equatable {
  public let id: Int64
  public let date: AccordDate
  public let negotiation: String
  public let actors: [String]
  public let text: String
  public let sources: [String]
  public var retracted: Bool? = nil
}

/// A source, and each fact that cites it.
public struct SourceDetail: Sendable, Codable, Equatable {
  public let source: SourceSummary
  public let citedBy: [Citation]

  public struct Citation: Sendable, Codable, Equatable {
    /// `meeting`, `proposal`, `step`, `condition`, `answer`, `quote`, `development` or `deadline`.
    public let kind: String
    public let id: Int64
    public let negotiation: String?
    public let date: AccordDate?
    public let what: String
  }
}

extension AccordStore {

  /// The meetings of one negotiation, or of all, in date order; with `participant`, those the
  /// actor attended.
  public func meetings(
    negotiation: Int64? = nil, participant: Int64? = nil, includeRetracted: Bool = false
  ) throws -> [MeetingRecord] {
    let hidden = Self.hidden("meeting", "m.id", negotiationColumn: "m.negotiation_id")
    return try connection.all(
      """
      SELECT m.id, n.slug AS negotiation, m.date, m.date_first, m.date_last, m.place, m.summary,
        (SELECT group_concat(a.name, '\u{1F}') FROM meeting_participant y JOIN actor a ON a.id = y.actor_id
          WHERE y.meeting_id = m.id) AS participants,
        (SELECT group_concat(s.slug, '\u{1F}') FROM citation c JOIN source s ON s.id = c.source_id
          WHERE c.meeting_id = m.id) AS sources,
        \(hidden) AS retracted
      FROM meeting m JOIN negotiation n ON n.id = m.negotiation_id
      WHERE (CAST(?1 AS INTEGER) IS NULL OR m.negotiation_id = ?1)
        AND (CAST(?2 AS INTEGER) IS NULL OR EXISTS (SELECT 1 FROM meeting_participant y WHERE y.meeting_id = m.id AND y.actor_id = ?2))
        AND (?3 OR NOT \(hidden))
      ORDER BY m.date_first, m.date_last, m.id
      """, [.optional(negotiation), .optional(participant), .integer(includeRetracted ? 1 : 0)]
    ) { (row) throws(DatabaseError) in
      var meeting = MeetingRecord(
        id: try row.integer("id"), negotiation: try row.text("negotiation"), date: try row.date("date"),
        place: try row.optionalText("place"), participants: try row.list("participants"),
        summary: try row.optionalText("summary"), sources: try row.list("sources"))
      if try row.bool("retracted") { meeting.retracted = true }
      return meeting
    }
  }

  /// One meeting by its number.
  public func meeting(_ id: Int64, includeRetracted: Bool = false) throws -> MeetingRecord {
    guard let meeting = try meetings(includeRetracted: true).first(where: { $0.id == id }),
      includeRetracted || meeting.retracted != true
    else {
      throw StoreError.notFound(kind: "meeting", name: "#\(id)", candidates: [])
    }
    return meeting
  }

  /// The quotes of one negotiation, or of all, in date order; with `speaker`, theirs alone.
  public func quotes(negotiation: Int64? = nil, speaker: Int64? = nil, includeRetracted: Bool = false) throws
    -> [QuoteRecord]
  {
    let hidden = Self.hidden("statement", "q.id", negotiationColumn: "q.negotiation_id")
    return try connection.all(
      """
      SELECT q.id, q.date, q.date_first, q.date_last, a.name AS speaker, n.slug AS negotiation, q.text,
        q.context, q.language,
        (SELECT group_concat(s.slug, '\u{1F}') FROM citation c JOIN source s ON s.id = c.source_id
          WHERE c.statement_id = q.id) AS sources,
        \(hidden) AS retracted
      FROM statement q JOIN actor a ON a.id = q.actor_id LEFT JOIN negotiation n ON n.id = q.negotiation_id
      WHERE (CAST(?1 AS INTEGER) IS NULL OR q.negotiation_id = ?1) AND (CAST(?2 AS INTEGER) IS NULL OR q.actor_id = ?2)
        AND (?3 OR NOT \(hidden))
      ORDER BY q.date_first, q.date_last, q.id
      """, [.optional(negotiation), .optional(speaker), .integer(includeRetracted ? 1 : 0)]
    ) { (row) throws(DatabaseError) in
      var quote = QuoteRecord(
        id: try row.integer("id"), date: try row.date("date"), speaker: try row.text("speaker"),
        negotiation: try row.optionalText("negotiation"), text: try row.text("text"),
        context: try row.optionalText("context"), language: try row.optionalText("language"),
        sources: try row.list("sources"))
      if try row.bool("retracted") { quote.retracted = true }
      return quote
    }
  }

  /// The developments logged on one negotiation, or on all, in date order.
  public func developments(negotiation: Int64? = nil, includeRetracted: Bool = false) throws
    -> [DevelopmentRecord]
  {
    let hidden = Self.hidden("development", "d.id", negotiationColumn: "d.negotiation_id")
    return try connection.all(
      """
      SELECT d.id, d.date, d.date_first, d.date_last, n.slug AS negotiation, d.text,
        (SELECT group_concat(a.name, '\u{1F}') FROM development_actor y JOIN actor a ON a.id = y.actor_id
          WHERE y.development_id = d.id) AS actors,
        (SELECT group_concat(s.slug, '\u{1F}') FROM citation c JOIN source s ON s.id = c.source_id
          WHERE c.development_id = d.id) AS sources,
        \(hidden) AS retracted
      FROM development d JOIN negotiation n ON n.id = d.negotiation_id
      WHERE (CAST(?1 AS INTEGER) IS NULL OR d.negotiation_id = ?1) AND (?2 OR NOT \(hidden))
      ORDER BY d.date_first, d.date_last, d.id
      """, [.optional(negotiation), .integer(includeRetracted ? 1 : 0)]
    ) { (row) throws(DatabaseError) in
      var development = DevelopmentRecord(
        id: try row.integer("id"), date: try row.date("date"), negotiation: try row.text("negotiation"),
        actors: try row.list("actors"), text: try row.text("text"), sources: try row.list("sources"))
      if try row.bool("retracted") { development.retracted = true }
      return development
    }
  }

  /// A source and every fact that cites it (retracted facts left out), in date order.
  public func sourceDetail(_ id: Int64, includeRetracted: Bool = false) throws -> SourceDetail {
    guard let source = try sources(includeRetracted: true).first(where: { $0.id == id }),
      includeRetracted || source.retracted != true
    else {
      throw StoreError.notFound(kind: "source", name: "#\(id)", candidates: [])
    }
    let cited = try connection.all(
      """
      SELECT kind, ref, slug, date, date_first, date_last, what FROM (
        SELECT 'meeting' AS kind, m.id AS ref, n.slug, m.date, m.date_first, m.date_last,
          coalesce(m.place, m.summary, '') AS what, 'meeting' AS rt, m.negotiation_id AS nid,
          CAST(NULL AS TEXT) AS pt, CAST(NULL AS INTEGER) AS pid
        FROM citation c JOIN meeting m ON m.id = c.meeting_id JOIN negotiation n ON n.id = m.negotiation_id
        WHERE c.source_id = ?1
        UNION ALL
        SELECT 'proposal', p.id, n.slug, NULL, NULL, NULL, p.title, 'proposal', p.negotiation_id, NULL, NULL
        FROM citation c JOIN proposal p ON p.id = c.proposal_id JOIN negotiation n ON n.id = p.negotiation_id
        WHERE c.source_id = ?1
        UNION ALL
        SELECT 'step', x.id, n.slug, x.date, x.date_first, x.date_last, p.title || ': ' || x.step,
          'proposal_step', p.negotiation_id, 'proposal', p.id
        FROM citation c JOIN proposal_step x ON x.id = c.step_id JOIN proposal p ON p.id = x.proposal_id
          JOIN negotiation n ON n.id = p.negotiation_id
        WHERE c.source_id = ?1
        UNION ALL
        SELECT 'condition', o.id, n.slug, o.date, o.date_first, o.date_last, t.text, 'position', o.negotiation_id, NULL, NULL
        FROM citation c JOIN position o ON o.id = c.position_id JOIN term t ON t.id = o.term_id
          JOIN negotiation n ON n.id = o.negotiation_id
        WHERE c.source_id = ?1
        UNION ALL
        SELECT 'answer', x.id, n.slug, x.date, x.date_first, x.date_last, x.outcome, 'answer', o.negotiation_id,
          'position', o.id
        FROM citation c JOIN answer x ON x.id = c.answer_id JOIN position o ON o.id = x.condition_id
          JOIN negotiation n ON n.id = o.negotiation_id
        WHERE c.source_id = ?1
        UNION ALL
        SELECT 'quote', q.id, n.slug, q.date, q.date_first, q.date_last, q.text, 'statement', q.negotiation_id, NULL, NULL
        FROM citation c JOIN statement q ON q.id = c.statement_id LEFT JOIN negotiation n ON n.id = q.negotiation_id
        WHERE c.source_id = ?1
        UNION ALL
        SELECT 'development', d.id, n.slug, d.date, d.date_first, d.date_last, d.text, 'development',
          d.negotiation_id, NULL, NULL
        FROM citation c JOIN development d ON d.id = c.development_id JOIN negotiation n ON n.id = d.negotiation_id
        WHERE c.source_id = ?1
        UNION ALL
        SELECT 'deadline', l.id, n.slug, l.date, l.date_first, l.date_last, l.title, 'deadline', l.negotiation_id, NULL, NULL
        FROM citation c JOIN deadline l ON l.id = c.deadline_id JOIN negotiation n ON n.id = l.negotiation_id
        WHERE c.source_id = ?1) AS f
      WHERE ?2 OR NOT (
        \(AccordStore.retracted(anyOf: [("f.rt", "f.ref"), ("'negotiation'", "f.nid"), ("f.pt", "f.pid")])))
      ORDER BY date_first IS NULL, date_first, kind, ref
      """, [.integer(id), .integer(includeRetracted ? 1 : 0)]
    ) { row throws(DatabaseError) in
      SourceDetail.Citation(
        kind: try row.text("kind"), id: try row.integer("ref"), negotiation: try row.optionalText("slug"),
        date: try row.optionalDate("date"), what: try row.text("what"))
    }
    return SourceDetail(source: source, citedBy: cited)
  }
}
