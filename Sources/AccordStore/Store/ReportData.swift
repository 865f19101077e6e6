import AccordSQLite

/// What `accord report` says, as the record stood on the as-of day: nothing dated later, and no
/// source published later, is in it. AccordPresentation renders it as Markdown, HTML or JSON.
public struct Report: Sendable {
  /// A source as numbered in one negotiation's section, in the order of first citation.
  public struct Source: Sendable, Codable, Equatable {
    public let number: Int
    public let id: String
    public let url: String?
    public let outlet: String?
    public let title: String?
    public let published: AccordDate?
  }

  /// A fact dated within the period (since … as of), with its negotiation.
  public struct Change: Sendable, Equatable {
    public let negotiation: String
    public let negotiationTitle: String
    public let entry: TimelineEntry
  }

  /// A negotiation's dormant drafts (``Dormancy``), left out of the unsigned deals: one line each.
  public struct Dormant: Sendable, Codable, Equatable {
    public let negotiation: String
    public let title: String
    public let drafts: Int
    /// The day the most recently active of them was last active.
    public let lastActive: String?
  }

  /// A negotiation on which nothing was recorded for `staleAfterDays` days or more.
  public struct Stale: Sendable, Codable, Equatable {
    public let negotiation: String
    public let title: String
    public let lastActivity: String?
    public let daysQuiet: Int?
  }

  /// One negotiation's section.
  public struct Negotiation: Sendable, Codable {
    public let id: Int64
    public let slug: String
    public let title: String
    public let summary: String?
    public let tags: [String]
    /// Where it stands, and why.
    public let status: NegotiationStatus
    public let participants: [Participation]
    public let lastActivity: String?
    public let daysQuiet: Int?
    /// Every proposal with its status and all the steps behind it, in the order first tabled.
    public let proposals: [NegotiationDetail.Proposal]
    public let openConditions: [Condition]
    /// Conditions accepted, met or dropped within the period.
    public let resolvedConditions: [Condition]
    public let meetings: [MeetingSummary]
    /// The latest developments, oldest first.
    public let developments: [Development]
    /// The latest quotes, verbatim, oldest first.
    public let quotes: [Quote]
    public let sources: [Source]
    /// Where each party stands on each term and live proposal (`accord positions`).
    public let matrix: PositionMatrix
  }

  public let asOf: String
  public let since: String
  public let staleAfterDays: Int
  /// Deadlines due within `upcomingDays` of the as-of day, and those missed in the period: first
  /// in a report, since a brief answers "what is next" first.
  public let deadlines: [Deadline]
  public let upcomingDays: Int
  /// Live drafts, as `accord deals --unsigned` lists them: dormant ones left out, and counted in
  /// `dormant`, one line a negotiation.
  public let unsignedDeals: [Deal]
  public let dormant: [Dormant]
  public let changes: [Change]
  public let stale: [Stale]
  public let negotiations: [Negotiation]
}

/// How much a report shows.
public struct ReportOptions: Sendable {
  public var asOf: Day
  /// The start of the period whose changes the summary lists (default: 7 days before `asOf`).
  public var since: Day
  public var staleAfterDays: Int
  public var developments: Int
  public var quotes: Int
  /// How far ahead the deadlines listed first reach.
  public var upcomingDays = 30

  public init(asOf: Day, since: Day? = nil, staleAfterDays: Int = 30, developments: Int = 5, quotes: Int = 5)
  {
    self.asOf = asOf
    self.since = since ?? asOf.adding(days: -7) ?? asOf
    self.staleAfterDays = staleAfterDays
    self.developments = developments
    self.quotes = quotes
  }
}

extension AccordStore {
  /// The report on `negotiations` (ids, in that order), or on every live one when empty.
  public func report(negotiations ids: [Int64] = [], options: ReportOptions) throws -> Report {
    guard options.since <= options.asOf else {
      throw StoreError.mistake(.reportSinceAfterAsOf(since: options.since, asOf: options.asOf))
    }
    guard options.staleAfterDays >= 0 else {
      throw StoreError.mistake(.staleDaysBelowZero)
    }
    return try connection.read {
      var seen = Set<Int64>()
      let chosen = try (ids.isEmpty ? liveNegotiations(asOf: options.asOf) : ids).filter {
        seen.insert($0).inserted
      }
      var sourceCache: [String: Report.Source?] = [:]
      var sections: [Report.Negotiation] = []
      var deals: [Deal] = []
      var dormant: [Report.Dormant] = []
      var changes: [Report.Change] = []
      for id in chosen {
        let (section, sectionChanges) = try reportSection(
          id, options: options, alone: chosen.count == 1, sourceCache: &sourceCache)
        sections.append(section)
        deals += unsignedDeals(of: section, asOf: options.asOf)
        let asleep = section.proposals.filter { $0.dormant == true }
        if !asleep.isEmpty {
          dormant.append(
            Report.Dormant(
              negotiation: section.slug, title: section.title, drafts: asleep.count,
              lastActive: asleep.compactMap(\.lastActive).max()))
        }
        changes += sectionChanges
      }
      let stale = sections.filter { $0.daysQuiet.map { $0 >= options.staleAfterDays } ?? true }.map {
        Report.Stale(
          negotiation: $0.slug, title: $0.title, lastActivity: $0.lastActivity, daysQuiet: $0.daysQuiet)
      }
      let slugs = Set(sections.map(\.slug))
      // A report on one negotiation reads its deadlines alone, not every negotiation's.
      let read = try self.deadlines(negotiation: chosen.count == 1 ? chosen.first : nil, asOf: options.asOf)
      let deadlines = read.filter { d in
        slugs.contains(d.negotiation)
          && ((d.state == .upcoming && d.daysLeft <= options.upcomingDays)
            || (d.state == .missed && d.date.first >= options.since))
      }
      return Report(
        asOf: options.asOf.description, since: options.since.description,
        staleAfterDays: options.staleAfterDays, deadlines: deadlines, upcomingDays: options.upcomingDays,
        unsignedDeals: deals, dormant: dormant, changes: changes, stale: stale, negotiations: sections)
    }
  }

  /// One negotiation's section of a report; `alone`: the report's only one, whose deadlines the
  /// report reads after it (of that negotiation alone).
  private func reportSection(
    _ id: Int64, options: ReportOptions, alone: Bool, sourceCache: inout [String: Report.Source?]
  ) throws -> (Report.Negotiation, [Report.Change]) {
    let day = options.asOf
    // Its page (and a report's only negotiation's deadlines) read nothing that waits on another
    // answer but a proposal's steps and the sources: on a team's server, sent at once. Its matrix
    // is made from what its page reads.
    try connection.prefetch(
      negotiationStatements(id, asOf: day, developmentLimit: options.developments)
        + (alone ? deadlineStatements(negotiation: id, asOf: day) : []))
    let detail = try negotiation(id, asOf: day, developmentLimit: options.developments)
    let lastActivity = try self.lastActivity(negotiation: id, asOf: day)
    // The period's changes: its timeline, but what the page shows to be empty is not read again.
    // A negotiation whose last activity is before the period (most of a weekly report's) has none
    // of its own facts in it; one none of whose proposals has a link has no link in it.
    let quiet = lastActivity.map { $0 < options.since } ?? true
    let linked = detail.proposals.contains { !$0.links.isEmpty }
    let open = detail.conditions.filter(\.isOpen)
    let resolved = detail.conditions.filter {
      !$0.isOpen && ($0.stateDate.map { $0.first >= options.since } ?? false)
    }
    let quotes = Array(detail.quotes.suffix(options.quotes))
    let entries =
      quiet && !linked
      ? [] : try timeline(negotiation: id, from: options.since, to: day, facts: !quiet, links: linked)
    // Every source the section may cite, read at once before they are numbered.
    var cited: [String] = []
    for proposal in detail.proposals { cited += proposal.sources + proposal.steps.flatMap(\.sources) }
    cited += (open + resolved).flatMap(\.sources)
    cited += detail.meetings.flatMap(\.sources)
    cited += detail.developments.flatMap(\.sources)
    cited += quotes.flatMap(\.sources)
    cited += entries.flatMap(\.sources)
    try readSources(cited.filter { sourceCache[$0] == nil }, into: &sourceCache)

    // Number the sources in the order the report cites them; leave out any published later.
    var numbered: [Report.Source] = []
    var number: [String: Int] = [:]
    func cite(_ slugs: [String]) throws -> [String] {
      var kept: [String] = []
      for slug in slugs {
        if number[slug] == nil {
          if sourceCache[slug] == nil { sourceCache[slug] = try source(slug: slug) }
          guard let found = sourceCache[slug] ?? nil, found.published.map({ $0.first <= day }) ?? true
          else { continue }
          number[slug] = numbered.count + 1
          numbered.append(
            Report.Source(
              number: numbered.count + 1, id: slug, url: found.url, outlet: found.outlet, title: found.title,
              published: found.published))
        }
        kept.append(slug)
      }
      return kept
    }
    let proposals = try detail.proposals.map { p in
      let sources = try cite(p.sources)
      let steps = try p.steps.map { s in
        var step = s
        step.sources = try cite(s.sources)
        return step
      }
      return p.with(steps: steps, sources: sources)
    }
    let conditions = try (open + resolved).map { try $0.with(sources: cite($0.sources)) }
    let meetings = try detail.meetings.map { m in
      MeetingSummary(
        id: m.id, date: m.date, place: m.place, participants: m.participants, summary: m.summary,
        sources: try cite(m.sources))
    }
    let developments = try detail.developments.map { d in
      Development(id: d.id, date: d.date, text: d.text, actors: d.actors, sources: try cite(d.sources))
    }
    let citedQuotes = try quotes.map { q in
      Quote(
        id: q.id, speaker: q.speaker, date: q.date, text: q.text, language: q.language, context: q.context,
        negotiation: q.negotiation, sources: try cite(q.sources))
    }
    // The period's changes come first in the report but cite the section's sources: they take the
    // numbers after those of the facts shown in the section.
    let changes = try entries.map { entry in
      Report.Change(
        negotiation: detail.slug, negotiationTitle: detail.title, entry: try entry.citing(cite(entry.sources))
      )
    }
    let section = Report.Negotiation(
      id: id, slug: detail.slug, title: detail.title, summary: detail.summary, tags: detail.tags,
      status: detail.status, participants: detail.participants, lastActivity: lastActivity?.description,
      daysQuiet: lastActivity.map { $0.days(to: day) }, proposals: proposals,
      openConditions: Array(conditions.prefix(open.count)),
      resolvedConditions: Array(conditions.dropFirst(open.count)),
      meetings: meetings, developments: developments, quotes: citedQuotes, sources: numbered,
      matrix: try positionMatrix(
        negotiation: id, slug: detail.slug, title: detail.title, asOf: day, proposals: detail.proposals))
    return (section, changes)
  }

  /// The section's live drafts (rule 7 of ``StatusRule``) that are not dormant, as `Deal`s.
  private func unsignedDeals(of section: Report.Negotiation, asOf day: Day) -> [Deal] {
    section.proposals.compactMap { p in
      guard let status = p.status, status.isDraft, p.dormant != true, let first = p.steps.first,
        let latest = p.steps.last
      else { return nil }
      let statusStep = p.steps.last { step in
        if case .stage = StatusRule.effect(of: step.step), step.party == nil { return true }
        return false
      }
      return Deal(
        id: p.id, slug: p.slug, title: p.title, negotiation: section.slug, negotiationTitle: section.title,
        parties: section.participants.filter { $0.role == .party }.map(\.actor), tabledBy: p.tabledBy,
        value: p.value, status: status, statusDate: (statusStep ?? first).date, signed: p.signed, live: true,
        latestStep: Deal.LatestStep(latest),
        possibly: p.possibly.filter { ($0.date.first, $0.id) > (latest.date.first, latest.id) }
          .map(Deal.LatestStep.init).nonEmpty,
        closedBy: nil, deadline: p.deadline, openSince: first.date, daysOpen: p.daysOpen)
    }
  }

  /// One source by its short id.
  func source(slug: String) throws -> Report.Source? {
    try connection.first(
      """
      SELECT slug, url, outlet, title, published, published_first, published_last
      FROM source WHERE slug = ?
      """, [.text(slug)], Self.reportSource)
  }

  /// The sources with the short ids `slugs` into `cache`, in one statement (a report cites dozens,
  /// each a round trip on a team's server): each found, or nil for one that is not.
  func readSources(_ slugs: [String], into cache: inout [String: Report.Source?]) throws {
    let wanted = Array(Set(slugs)).sorted()
    guard !wanted.isEmpty else { return }
    for slug in wanted { cache.updateValue(nil, forKey: slug) }
    for source in try connection.all(
      """
      SELECT slug, url, outlet, title, published, published_first, published_last
      FROM source WHERE slug IN (\(words.slugs(in: "?1")))
      """, [.text(Self.jsonStrings(wanted))], Self.reportSource)
    {
      cache[source.id] = source
    }
  }

  private static func reportSource(_ row: Row) throws(DatabaseError) -> Report.Source {
    Report.Source(
      number: 0, id: try row.text("slug"), url: try row.optionalText("url"),
      outlet: try row.optionalText("outlet"),
      title: try row.optionalText("title"), published: try row.optionalDate("published"))
  }
}

extension NegotiationDetail.Proposal {
  func with(steps: [ProposalStep], sources: [String]) -> Self {
    var copy = self
    copy.steps = steps
    copy.sources = sources
    return copy
  }
}

extension Condition {
  func with(sources: [String]) -> Self {
    var copy = self
    copy.sources = sources
    return copy
  }
}

extension TimelineEntry {
  func citing(_ sources: [String]) -> Self {
    TimelineEntry(
      kind: kind, id: id, date: date, fact: fact, who: who, proposal: proposal, step: step,
      condition: condition,
      sources: sources)
  }
}
