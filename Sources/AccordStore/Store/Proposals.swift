/// One dated step in a proposal's life.
public struct ProposalStep: Sendable, Codable, Equatable {
  public enum Kind: String, Sendable, Codable, CaseIterable {
    case floated, tabled, countered
    case agreedInPrinciple = "agreed_in_principle"
    case initialled, signed, ratified
    case inForce = "in_force"
    case suspended, terminated, rejected, withdrawn, superseded, lapsed

    /// The step as typed on the command line: `agreed-in-principle`, `in-force`.
    public var argument: String {
      switch self {
      case .agreedInPrinciple: "agreed-in-principle"
      case .inForce: "in-force"
      default: rawValue
      }
    }

    /// Reads `in-force`, `in_force` or `In Force`.
    public init?(argument: String) {
      let normalized = Names.key(argument).replacing("-", with: "_").replacing(" ", with: "_")
      self.init(rawValue: normalized == "initialed" ? "initialled" : normalized)
    }
  }

  public let id: Int64
  public let step: Kind
  public let date: AccordDate
  public let party: String?
  public let note: String?
  public let sources: [String]
}

public struct NewProposal: Sendable {
  public var negotiation: String
  public var title: String
  public var by: String
  public var date: AccordDate
  public var slug: String?
  public var terms: String?
  public var value: String?
  public var counters: String?
  public var supersedes: String?
  /// The first step: `tabled`, or `floated` for an idea not yet formally put forward.
  public var firstStep: ProposalStep.Kind
  public var sources: [String]

  public init(
    negotiation: String, title: String, by: String, date: AccordDate, slug: String? = nil,
    terms: String? = nil, value: String? = nil, counters: String? = nil, supersedes: String? = nil,
    firstStep: ProposalStep.Kind = .tabled, sources: [String] = []
  ) {
    self.negotiation = negotiation
    self.title = title
    self.by = by
    self.date = date
    self.slug = slug
    self.terms = terms
    self.value = value
    self.counters = counters
    self.supersedes = supersedes
    self.firstStep = firstStep
    self.sources = sources
  }
}

extension AccordStore {
  /// Records a proposal and its first step. Countering an earlier proposal records a `countered`
  /// step on it, superseding one a `superseded` step, both on the same day.
  @discardableResult
  public func addProposal(_ new: NewProposal) throws -> Int64 {
    let title = new.title.trimmingSpaces
    guard !title.isEmpty else { throw StoreError.invalid("a proposal needs a title") }
    guard [.floated, .tabled].contains(new.firstStep) else {
      throw StoreError.invalid("a proposal starts floated or tabled")
    }
    let value = try new.value.map { try Money.parse($0) }
    return try write {
      let negotiation = try resolveNegotiation(new.negotiation)
      let actor = try resolveActor(new.by)
      let counters = try new.counters.map { try resolveProposal($0) }
      let supersedes = try new.supersedes.map { try resolveProposal($0) }
      for earlier in [counters, supersedes].compactMap({ $0 }) {
        try checkNotBeforeFirstStep(of: earlier, new.date)
        let other = try connection.integer(
          "SELECT negotiation_id FROM proposal WHERE id = ?", [.integer(earlier)])
        guard other == negotiation else {
          throw StoreError.invalid("a proposal can only counter or supersede one of the same negotiation")
        }
      }
      let sources = try resolveSources(new.sources)
      let slug = try newSlug(new.slug, from: title, fallback: "proposal", table: "proposal")
      let id = try connection.insert(
        """
        INSERT INTO proposal (slug, negotiation_id, title, title_key, tabled_by, terms, value,
          value_amount, value_currency, counters_id, supersedes_id)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """,
        [
          .text(slug), .integer(negotiation), .text(title), .text(Names.key(title)), .integer(actor),
          .optional(new.terms?.trimmingSpaces.nonEmpty), .optional(value?.text),
          .optional(value?.amount), .optional(value?.currency), .optional(counters), .optional(supersedes),
        ])
      try cite(sources, .proposal, id)
      try insertStep(proposal: id, new.firstStep, date: new.date, party: nil, note: nil)
      if let counters {
        try insertStep(
          proposal: counters, .countered, date: new.date, party: nil, note: "countered by \(slug)")
      }
      if let supersedes {
        try insertStep(
          proposal: supersedes, .superseded, date: new.date, party: nil, note: "superseded by \(slug)")
      }
      return id
    }
  }

  /// Records a step in a proposal's life; its status follows from the steps.
  @discardableResult
  public func addStep(
    proposal: String, _ step: ProposalStep.Kind, date: AccordDate, party: String? = nil,
    note: String? = nil, sources: [String] = []
  ) throws -> Int64 {
    try write {
      let proposal = try resolveProposal(proposal)
      try checkNotBeforeFirstStep(of: proposal, date)
      let party = try party.map { try resolveActor($0) }
      let sources = try resolveSources(sources)
      let id = try insertStep(
        proposal: proposal, step, date: date, party: party, note: note?.trimmingSpaces.nonEmpty)
      try cite(sources, .step, id)
      return id
    }
  }

  /// A step, a counter or a replacement cannot come before the proposal it concerns existed.
  func checkNotBeforeFirstStep(of proposal: Int64, _ date: AccordDate) throws {
    guard
      let first = try connection.first(
        "SELECT date, date_first, slug FROM proposal_step JOIN proposal ON proposal.id = proposal_id "
          + "WHERE proposal_id = ? ORDER BY date_first, proposal_step.id LIMIT 1",
        [.integer(proposal)], { ($0.text(0), $0.text(1), $0.text(2)) })
    else { return }
    if date.last.description < first.1 {
      throw StoreError.invalid(
        "\(first.2) was first recorded on \(first.0); nothing can happen to it before that (\(date))")
    }
  }

  @discardableResult
  func insertStep(
    proposal: Int64, _ step: ProposalStep.Kind, date: AccordDate, party: Int64?, note: String?
  ) throws -> Int64 {
    try connection.insert(
      """
      INSERT INTO proposal_step (proposal_id, step, party_id, date, date_first, date_last, note)
      VALUES (?, ?, ?, ?, ?, ?, ?)
      """, [.integer(proposal), .text(step.rawValue), .optional(party)] + date.columns + [.optional(note)])
  }
}
