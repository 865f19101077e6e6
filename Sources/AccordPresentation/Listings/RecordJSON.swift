import AccordStore

// The records whose JSON says something in words: the store's record, and what AccordPresentation
// says of it. Each has the fields the README documents under "JSON" (pretty-printed, sorted
// snake_case keys, as every JSON output of Accord): `what` and `on_the_day` are
// the words.

/// A timeline entry: `{kind, id, date, what, who[], proposal, step, condition, sources[], via}`,
/// the store's fields as they are and `what` in words.
public struct TimelineEntryJSON: Encodable, Sendable, Equatable {
  public let entry: TimelineEntry
  public let what: String

  public init(_ entry: TimelineEntry) {
    self.entry = entry
    what = entry.what
  }

  enum CodingKeys: String, CodingKey { case what }

  public func encode(to encoder: any Encoder) throws {
    try entry.encode(to: encoder)
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(what, forKey: .what)
  }
}

/// A deadline, with what was recorded on its day(s) as lines (``TimelineEntry/line``): the
/// store's fields as they are, and `on_the_day` in words.
public struct DeadlineJSON: Encodable, Sendable, Equatable {
  public let deadline: Deadline
  public let onTheDay: [String]

  public init(_ deadline: Deadline) {
    self.deadline = deadline
    onTheDay = deadline.onTheDay.map(\.line)
  }

  enum CodingKeys: String, CodingKey { case onTheDay }

  public func encode(to encoder: any Encoder) throws {
    try deadline.encode(to: encoder)
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(onTheDay, forKey: .onTheDay)
  }
}

/// A report: its deadlines and changes as above, the rest as the store has it.
public struct ReportJSON: Encodable, Sendable {
  /// A change of the period: `{negotiation, negotiation_title, entry{…as timeline}}`.
  public struct Change: Encodable, Sendable, Equatable {
    public let negotiation: String
    public let negotiationTitle: String
    public let entry: TimelineEntryJSON
  }

  public let asOf: String
  public let since: String
  public let staleAfterDays: Int
  public let deadlines: [DeadlineJSON]
  public let upcomingDays: Int
  public let unsignedDeals: [Deal]
  public let dormant: [Report.Dormant]
  public let changes: [Change]
  public let stale: [Report.Stale]
  public let negotiations: [Report.Negotiation]

  public init(_ report: Report) {
    asOf = report.asOf
    since = report.since
    staleAfterDays = report.staleAfterDays
    deadlines = report.deadlines.map(DeadlineJSON.init)
    upcomingDays = report.upcomingDays
    unsignedDeals = report.unsignedDeals
    dormant = report.dormant
    changes = report.changes.map {
      Change(
        negotiation: $0.negotiation, negotiationTitle: $0.negotiationTitle, entry: TimelineEntryJSON($0.entry)
      )
    }
    stale = report.stale
    negotiations = report.negotiations
  }
}

/// A change of `accord changes`: `{recorded_at, analyst, command, kind, id, what}`, the store's
/// fields as they are and `what` in words.
public struct RecordedChangeJSON: Encodable, Sendable, Equatable {
  public let change: RecordedChange
  public let what: String

  public init(_ change: RecordedChange) {
    self.change = change
    what = change.what
  }

  enum CodingKeys: String, CodingKey { case what }

  public func encode(to encoder: any Encoder) throws {
    try change.encode(to: encoder)
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(what, forKey: .what)
  }
}
