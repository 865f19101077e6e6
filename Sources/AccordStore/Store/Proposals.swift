import AccordSQLite

/// One dated step in a proposal's life.
public struct ProposalStep: Sendable, Codable, Equatable {
  public enum Kind: String, Sendable, Codable, CaseIterable {
    case floated, tabled, countered
    case agreedInPrinciple = "agreed_in_principle"
    case initialled, adopted, signed, ratified
    case inForce = "in_force"
    case extended, milestone, suspended, resumed
    case withdrawalNotified = "withdrawal_notified"
    case rejoined, withdrawn, rejected, superseded, lapsed, terminated, expired, declared, unclear

    /// The step as typed on the command line: `agreed-in-principle`, `in-force`.
    public var argument: String {
      switch self {
      case .agreedInPrinciple: "agreed-in-principle"
      case .inForce: "in-force"
      case .withdrawalNotified: "withdrawal-notified"
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
  public var party: String?
  public let note: String?
  public var sources: [String]
  /// A milestone's name ("Implementation Day").
  public var label: String? = nil
  /// For `extended`: the new deadline.
  public var until: AccordDate? = nil
  /// For `withdrawal-notified`: when the withdrawal takes effect.
  public var effective: AccordDate? = nil
  /// The party's number, for filters.
  var partyID: Int64? = nil

  enum CodingKeys: String, CodingKey {
    case id, step, date, party, note, sources, label, until, effective
  }

  public init(
    id: Int64, step: Kind, date: AccordDate, party: String?, note: String?, sources: [String],
    label: String? = nil, until: AccordDate? = nil, effective: AccordDate? = nil
  ) {
    self.id = id
    self.step = step
    self.date = date
    self.party = party
    self.note = note
    self.sources = sources
    self.label = label
    self.until = until
    self.effective = effective
  }
}

/// A step as an analyst records it: `accord proposal step`.
public struct NewStep: Sendable {
  public var proposal: String
  public var kind: ProposalStep.Kind
  public var date: AccordDate
  /// The parties it concerns, one row each; none for a step of the whole proposal.
  public var parties: [String]
  public var label: String?
  public var until: AccordDate?
  public var effective: AccordDate?
  public var note: String?
  public var sources: [String]

  public init(
    proposal: String, _ kind: ProposalStep.Kind, date: AccordDate, parties: [String] = [],
    label: String? = nil, until: AccordDate? = nil, effective: AccordDate? = nil, note: String? = nil,
    sources: [String] = []
  ) {
    self.proposal = proposal
    self.kind = kind
    self.date = date
    self.parties = parties
    self.label = label
    self.until = until
    self.effective = effective
    self.note = note
    self.sources = sources
  }
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

  /// Records a step in a proposal's life, once for each party it names (or once for the whole
  /// proposal); its state follows from the steps. Returns the new steps' numbers.
  @discardableResult
  public func addStep(_ new: NewStep) throws -> [Int64] {
    let kind = new.kind
    let label = new.label?.trimmingSpaces.nonEmpty
    if StatusRule.partyOnly.contains(kind) && new.parties.isEmpty {
      throw StoreError.mistake(.stepWithoutParty(kind))
    }
    if StatusRule.wholeOnly.contains(kind) && !new.parties.isEmpty {
      throw StoreError.mistake(.stepWithParty(kind))
    }
    switch (kind, label) {
    case (.milestone, nil):
      throw StoreError.invalid("a milestone needs its name: accord proposal step PROPOSAL milestone \"NAME\"")
    case (.milestone, _), (_, nil): break
    default: throw StoreError.invalid("only a milestone has a name; a \(kind.argument) step takes none")
    }
    try checkDate(new.until, .until, for: kind, after: new.date)
    try checkDate(new.effective, .effective, for: kind, after: new.date)
    return try write {
      let proposal = try resolveProposal(new.proposal)
      try checkNotBeforeFirstStep(of: proposal, new.date)
      var parties: [Int64] = []
      for name in new.parties {
        let party = try resolveActor(name)
        if !parties.contains(party) { parties.append(party) }
      }
      if !parties.isEmpty {
        let negotiation = try negotiationOf(proposal: proposal)
        for party in parties { try checkTakesPart(party, in: negotiation, on: new.date) }
      }
      let sources = try resolveSources(new.sources)
      var ids: [Int64] = []
      for party in parties.isEmpty ? [nil] : parties.map(Optional.some) {
        let id = try insertStep(
          proposal: proposal, kind, date: new.date, party: party, note: new.note?.trimmingSpaces.nonEmpty,
          label: label, until: new.until, effective: new.effective)
        try cite(sources, .step, id)
        ids.append(id)
      }
      return ids
    }
  }

  /// Records a step of the whole proposal, or of one party.
  @discardableResult
  public func addStep(
    proposal: String, _ step: ProposalStep.Kind, date: AccordDate, party: String? = nil,
    note: String? = nil, sources: [String] = []
  ) throws -> Int64 {
    let ids = try addStep(
      NewStep(
        proposal: proposal, step, date: date, parties: party.map { [$0] } ?? [], note: note, sources: sources)
    )
    return ids[0]
  }

  /// The until of an extension, the effective day of a withdrawal: required there, refused
  /// elsewhere, never before the step itself.
  private func checkDate(
    _ date: AccordDate?, _ field: StoreError.StepDate, for kind: ProposalStep.Kind, after stepDate: AccordDate
  ) throws(StoreError) {
    guard kind == field.step else {
      if date != nil { throw .mistake(.stepDateNotTaken(field)) }
      return
    }
    guard let date else { throw .mistake(.stepDateMissing(field)) }
    if date.last < stepDate.first {
      throw .mistake(.stepDateBeforeStep(field, date: date, step: stepDate))
    }
  }

  /// The negotiation a proposal belongs to.
  func negotiationOf(proposal: Int64) throws(StoreError) -> Int64 {
    guard
      let id = try StoreError.catching(
        connection.integer(
          "SELECT negotiation_id FROM proposal WHERE id = ?", [.integer(proposal)]))
    else { throw .notFound(kind: "proposal", name: String(proposal), candidates: []) }
    return id
  }

  /// A step, a counter or a replacement cannot come before the proposal it concerns existed.
  func checkNotBeforeFirstStep(of proposal: Int64, _ date: AccordDate) throws {
    guard
      let first = try connection.first(
        "SELECT date, date_first, slug FROM proposal_step JOIN proposal ON proposal.id = proposal_id "
          + "WHERE proposal_id = ? ORDER BY date_first, proposal_step.id LIMIT 1",
        [.integer(proposal)],
        { row throws(DatabaseError) in
          (try row.text("date"), try row.text("date_first"), try row.text("slug"))
        }
      )
    else { return }
    if date.last.description < first.1 {
      throw StoreError.invalid(
        "\(first.2) was first recorded on \(first.0); nothing can happen to it before that (\(date))")
    }
  }

  @discardableResult
  func insertStep(
    proposal: Int64, _ step: ProposalStep.Kind, date: AccordDate, party: Int64?, note: String?,
    label: String? = nil, until: AccordDate? = nil, effective: AccordDate? = nil
  ) throws -> Int64 {
    try connection.insert(
      """
      INSERT INTO proposal_step (proposal_id, step, party_id, date, date_first, date_last, label,
        until, until_first, until_last, effective, effective_first, effective_last, note)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
      """,
      [.integer(proposal), .text(step.rawValue), .optional(party)] + date.columns + [.optional(label)]
        + AccordDate.optionalColumns(until) + AccordDate.optionalColumns(effective) + [.optional(note)])
  }
}
