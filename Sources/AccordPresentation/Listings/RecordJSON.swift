import AccordStore

// The records whose JSON says something in words: the store's record, and what AccordPresentation
// says of it. Each has the fields the README documents under "JSON" (pretty-printed, sorted
// snake_case keys, as every JSON output of Accord): `what` and `on_the_day` are
// the words.

/// A record's JSON as the store gives it, with one field more: what AccordPresentation says of it
/// (`what`, or `on_the_day`).
public struct WordedJSON<Record: Encodable & Sendable & Equatable, Words: Encodable & Sendable & Equatable>:
  Encodable, Sendable, Equatable
{
  public enum Key: String, CodingKey, Sendable { case what, onTheDay }

  public let record: Record
  public let key: Key
  public let words: Words

  public func encode(to encoder: any Encoder) throws {
    try record.encode(to: encoder)
    var container = encoder.container(keyedBy: Key.self)
    try container.encode(words, forKey: key)
  }
}

/// A timeline entry: `{kind, id, date, what, who[], proposal, step, condition, sources[], via}`.
public typealias TimelineEntryJSON = WordedJSON<TimelineEntry, String>

extension WordedJSON where Record == TimelineEntry, Words == String {
  public init(_ entry: TimelineEntry) { self.init(record: entry, key: .what, words: entry.what) }
}

/// A deadline, with what was recorded on its day(s) as lines (``TimelineEntry/line``).
public typealias DeadlineJSON = WordedJSON<Deadline, [String]>

extension WordedJSON where Record == Deadline, Words == [String] {
  public init(_ deadline: Deadline) {
    self.init(record: deadline, key: .onTheDay, words: deadline.onTheDay.map(\.line))
  }
}

/// A change of `accord changes`: `{recorded_at, analyst, command, kind, id, what}`.
public typealias RecordedChangeJSON = WordedJSON<RecordedChange, String>

extension WordedJSON where Record == RecordedChange, Words == String {
  public init(_ change: RecordedChange) { self.init(record: change, key: .what, words: change.what) }
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
