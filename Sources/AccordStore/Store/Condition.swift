import AccordSQLite

/// What a condition's holder asks or gives on a term: it demands, offers, sets a precondition or
/// draws a red line.
public enum Stance: String, Sendable, Codable, CaseIterable {
  case demands, offers, precondition
  case redLine = "red_line"

  public static let opening: [Stance] = allCases
}

/// How a condition was answered: `condition update C accepted|rejected|dropped|met|reneged`.
/// A counterpart accepts, rejects, or reneges (takes back its acceptance); the holder drops it; or
/// it is met.
public enum ConditionOutcome: String, Sendable, Codable, CaseIterable {
  case accepted, rejected, dropped, met, reneged
}

/// One counterpart's latest answer to a condition.
public struct ConditionAnswer: Sendable, Codable, Equatable {
  /// The answer's own number (`accord retract answer N`).
  public let id: Int64
  /// Who answered; absent for a condition met.
  public let by: String?
  public let outcome: ConditionOutcome
  public let date: AccordDate
  public let note: String?
}

/// How two terms are linked.
public enum TermLink: String, Sendable, Codable {
  case inExchangeFor = "in_exchange_for"
  case conditionalOn = "conditional_on"
}

public struct NewCondition: Sendable {
  public var negotiation: String
  public var by: String
  public var stance: Stance
  public var term: String
  public var inExchangeFor: [String]
  public var conditionalOn: [String]
  public var date: AccordDate
  public var note: String?
  public var sources: [String]

  public init(
    negotiation: String, by: String, stance: Stance, term: String, inExchangeFor: [String] = [],
    conditionalOn: [String] = [], date: AccordDate, note: String? = nil, sources: [String] = []
  ) {
    self.negotiation = negotiation
    self.by = by
    self.stance = stance
    self.term = term
    self.inExchangeFor = inExchangeFor
    self.conditionalOn = conditionalOn
    self.date = date
    self.note = note
    self.sources = sources
  }
}

/// A condition with where it stands as of a day (README, "Conditions").
public struct Condition: Sendable, Codable, Equatable {
  public let id: Int64
  public let negotiation: String
  public let heldBy: String
  public let stance: Stance
  public let term: String
  public let inExchangeFor: [String]
  public let conditionalOn: [String]
  public let since: AccordDate
  /// `open`, `accepted`, `rejected`, `reneged`, `dropped`, `met` or `revised`.
  public let state: String
  /// The answer (or revision) that says so, and who gave it.
  public let stateDate: AccordDate?
  public let answeredBy: String?
  /// Each counterpart's latest answer that counts as of the day, in order.
  public var answers: [ConditionAnswer] = []
  /// The counterparts (parties on the other side) that have not answered yet.
  public var awaiting: [String] = []
  /// The condition this one revises (replaces), and the one that revised it, if any.
  public var revises: Int64? = nil
  public var revisedBy: Int64? = nil
  public let note: String?
  public var sources: [String]
  /// False for a condition whose date holds the as-of day: it may or may not have been stated yet
  /// (absent otherwise).
  public var certain: Bool? = nil
  /// The bloc through which the actor a listing was asked about holds it (`condition list --by`).
  public var via: String? = nil
  /// True for a retracted condition (or one of a retracted negotiation), listed with
  /// `--include-retracted`; absent otherwise.
  public var retracted: Bool? = nil

  /// Open until accepted, met, dropped or revised; a rejected condition is still held, and a
  /// reneged one is open again.
  public var isOpen: Bool { ["open", "rejected", "reneged"].contains(state) }
}

extension ConditionAnswer {
  /// An answer from a row of `answer` (`answered_by`: the name of who answered).
  init(row: Row) throws(DatabaseError) {
    let id = try row.integer("id")
    self.init(
      id: id, by: try row.optionalText("answered_by"),
      outcome: try row.decode(ConditionOutcome.self, "outcome", table: "answer", id: id),
      date: try row.date("date"),
      note: try row.optionalText("note"))
  }
}
