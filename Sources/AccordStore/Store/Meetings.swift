import AccordSQLite

/// A meeting as shown.
public struct MeetingSummary: Sendable, Codable, Equatable {
  public let id: Int64
  public let date: AccordDate
  public let place: String?
  public let participants: [String]
  public let summary: String?
  public var sources: [String]
}

extension MeetingSummary {
  /// A meeting from a row of `meeting`, with its `participants` (without its sources).
  init(row: Row) throws(DatabaseError) {
    let id = try row.integer("id")
    let date = try row.date("date")
    let place = try row.optionalText("place")
    let summary = try row.optionalText("summary")
    self.init(
      id: id, date: date, place: place, participants: try row.list("participants"), summary: summary,
      sources: [])
  }
}

extension AccordStore {
  @discardableResult
  public func addMeeting(
    negotiation: String, date: AccordDate, place: String? = nil, with participants: [String],
    summary: String? = nil, sources: [String] = []
  ) throws -> Int64 {
    guard !participants.isEmpty else {
      throw StoreError.mistake(.meetingWithoutParticipants)
    }
    return try write {
      let negotiation = try resolveNegotiation(negotiation)
      let actors = try participants.map { try resolveActor($0) }
      let sources = try resolveSources(sources)
      let id = try connection.insert(
        """
        INSERT INTO meeting (negotiation_id, date, date_first, date_last, place, summary)
        VALUES (?, ?, ?, ?, ?, ?)
        """,
        [.integer(negotiation)] + date.columns + [
          .optional(place?.trimmingSpaces.nonEmpty), .optional(summary?.trimmingSpaces.nonEmpty),
        ])
      for actor in actors {
        try connection.run(
          "INSERT INTO meeting_participant (meeting_id, actor_id) VALUES (?, ?) ON CONFLICT DO NOTHING",
          [.integer(id), .integer(actor)])
      }
      try cite(sources, .meeting, id)
      return id
    }
  }

  func meetings(negotiation: Int64, asOf day: Day) throws -> [MeetingSummary] {
    try connection.all(meetingsStatement(negotiation: negotiation, asOf: day)) {
      row throws(DatabaseError) in
      var meeting = try MeetingSummary(row: row)
      meeting.sources = try row.sources()
      return meeting
    }
  }

  /// The statement of ``meetings(negotiation:asOf:)``.
  func meetingsStatement(negotiation: Int64, asOf day: Day) -> ReadStatement {
    ReadStatement(
      """
      SELECT m.id, m.date, m.date_first, m.date_last, m.place, m.summary,
        (SELECT group_concat(a.name, '\u{1F}') FROM meeting_participant x JOIN actor a ON a.id = x.actor_id
          WHERE x.meeting_id = m.id) AS participants,
        \(Self.citedSources(.meeting, of: "m.id")) AS sources
      FROM meeting m WHERE m.negotiation_id = ? AND m.date_first <= ? AND NOT \(AccordStore.retracted("meeting", "m.id"))
      ORDER BY m.date_first, m.id
      """, [.integer(negotiation), .text(day.description)])
  }
}
