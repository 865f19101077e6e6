import AccordStore

/// Words shared by the Markdown and HTML reports. They return plain text, to be escaped by the
/// caller for its format.
enum ReportText {
  static let months = [
    "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
    "November", "December",
  ]

  /// "20 February 2025".
  static func longDate(_ day: Day) -> String {
    "\(day.day) \(months[day.month - 1]) \(day.year)"
  }

  static func longDate(_ iso: String) -> String {
    Day(iso: iso).map(longDate) ?? iso
  }

  /// "drafted, live, unsigned; Ukraine: rejected" (without the state itself, "live, unsigned; …").
  static func proposalStatus(_ p: NegotiationDetail.Proposal, withStatus: Bool = true) -> String {
    var words: [String] = []
    if withStatus { words.append(p.status?.words ?? "not yet tabled") }
    if let status = p.status {
      words.append(p.live ? "live" : "closed after \(p.daysOpen) days")
      if status.isDraft { words.append("unsigned") }
      if p.dormant == true { words.append("dormant: last active \(p.lastActive ?? "?")") }
    }
    if let deadline = p.deadline, p.live { words.append("deadline \(deadline)") }
    return words.joined(separator: ", ") + NegotiationText.partyStates(p, ": ")
  }

  /// Where the negotiation stands, and the fact that says why.
  static func statusReason(_ n: Report.Negotiation, asOf: String) -> String {
    "As of \(asOf), \(n.status.state.words): \(Phrase.reason(n.status))."
  }

  /// "Links: implements Framework; endorsed by Resolution 2231 (un-security-council)".
  static func links(_ p: NegotiationDetail.Proposal) -> String {
    "Links: " + p.links.map(\.words).joined(separator: "; ")
  }

  /// "upcoming, 12 days left", "missed 3 days ago", "moved to 2014-11-24", "met".
  static func deadlineState(_ d: Deadline) -> String {
    switch d.state {
    case .upcoming: d.daysLeft == 0 ? "due today" : "upcoming, \(days(d.daysLeft)) left"
    case .missed: "missed \(days(-d.daysLeft)) ago"
    case .moved: "moved" + (d.movedTo.map { " to \($0)" } ?? "")
    case .met: "met"
    }
  }

  /// "Talks A: 3 dormant drafts, last active 2019-05-01".
  static func dormant(_ d: Report.Dormant) -> String {
    "\(d.title): \(d.drafts) dormant draft\(d.drafts == 1 ? "" : "s")"
      + (d.lastActive.map { ", last active \($0)" } ?? "")
  }

  /// The section's proposals, then its declarations (documents one side issued alone), under their
  /// own headings.
  static func proposalGroups(_ n: Report.Negotiation) -> [(
    heading: String, proposals: [NegotiationDetail.Proposal]
  )] {
    let declared = n.proposals.filter { $0.status == .declared }
    let others = n.proposals.filter { $0.status != .declared }
    return [("Proposals", others), ("Declarations", declared)].filter { !$0.1.isEmpty }
  }

  /// "1 day", "12 days".
  /// The unsigned deals' table, in every format: its headings, what it says without a row, and a
  /// deal's latest step in words ("rejected by Ukraine"; the date is the format's own).
  static let dealHeadings = ["Deal", "Negotiation", "Status", "Latest step", "Open since", "Days open"]
  static let noUnsignedDeal = "None: no live draft awaits signature."
  static func latestStep(_ d: Deal) -> String { Phrase.step(d.latestStep.step, party: d.latestStep.party) }
  /// The line over the deals left out as dormant.
  static let dormantNote = "Left out as dormant (no step, meeting or development for a year or more):"

  static func days(_ count: Int) -> String { count == 1 ? "1 day" : "\(count) days" }

  /// "Parties: Ukraine, United States (side P5+1) · mediator: Qatar".
  static func participants(_ n: Report.Negotiation) -> String {
    var groups: [String] = []
    for role in ParticipantRole.allCases {
      let names = n.participants.filter { $0.role == role }.map { p in
        p.actor + (p.side.map { " (\($0))" } ?? "")
      }
      guard !names.isEmpty else { continue }
      let label = role == .party ? "Parties" : (names.count == 1 ? role.rawValue : role.rawValue + "s")
      groups.append(label + ": " + names.joined(separator: ", "))
    }
    return groups.joined(separator: " · ")
  }

  /// "last activity 2025-02-15, 5 days before" or "nothing recorded yet".
  static func activity(_ n: Report.Negotiation) -> String {
    guard let last = n.lastActivity, let days = n.daysQuiet else { return "nothing recorded yet" }
    switch days {
    case 0: return "last activity \(last), that day"
    case 1: return "last activity \(last), 1 day before"
    default: return "last activity \(last), \(days) days before"
    }
  }

  /// "tabled by United States · value 500 billion USD · counters x".
  static func proposalFacts(_ p: NegotiationDetail.Proposal, titles: [String: String]) -> String {
    var facts: [String] = []
    if let by = p.tabledBy { facts.append("tabled by \(by)") }
    if let value = p.value { facts.append("value \(value)") }
    if let counters = p.counters { facts.append("counters " + (titles[counters] ?? counters)) }
    if let supersedes = p.supersedes { facts.append("supersedes " + (titles[supersedes] ?? supersedes)) }
    return facts.joined(separator: " · ")
  }

  /// "since 2025-02-15~; rejected 2025-03-01 by United States".
  static func conditionState(_ c: Condition) -> String {
    var text = "since \(c.since)" + (c.certain == false ? " (possibly not yet)" : "")
    if c.state != "open" {
      text += "; \(c.state)"
      if let date = c.stateDate { text += " \(date)" }
      if let by = c.answeredBy { text += " by \(by)" }
    }
    return text
  }

  /// "The Epoch Times, “Title”, published 2025-02-15~".
  static func source(_ s: Report.Source) -> String {
    var parts: [String] = []
    if let outlet = s.outlet { parts.append(outlet) }
    if let title = s.title { parts.append("“\(title)”") }
    if parts.isEmpty, let url = s.url { parts.append(url) }
    if let published = s.published { parts.append("published \(published)") }
    return parts.joined(separator: ", ")
  }

  /// "[1, 2]" for the sources' numbers in the section, or "" when there are none.
  static func marks(_ slugs: [String], _ numbers: [String: Int]) -> String {
    let cited = slugs.compactMap { numbers[$0] }
    return cited.isEmpty ? "" : "[" + cited.map(String.init).joined(separator: ", ") + "]"
  }

  /// The period's changes negotiation by negotiation, in report order, each group with the
  /// numbers of its negotiation's sources.
  static func changeGroups(_ report: Report) -> [(
    negotiation: String, title: String, numbers: [String: Int], entries: [TimelineEntry]
  )] {
    let numbers = Dictionary(
      report.negotiations.map { ($0.slug, ReportText.numbers($0)) }, uniquingKeysWith: { a, _ in a })
    var groups: [(negotiation: String, title: String, numbers: [String: Int], entries: [TimelineEntry])] = []
    for change in report.changes {
      if groups.last?.negotiation != change.negotiation {
        groups.append((change.negotiation, change.negotiationTitle, numbers[change.negotiation] ?? [:], []))
      }
      groups[groups.count - 1].entries.append(change.entry)
    }
    return groups
  }

  static func numbers(_ n: Report.Negotiation) -> [String: Int] {
    Dictionary(n.sources.map { ($0.id, $0.number) }, uniquingKeysWith: { first, _ in first })
  }
}
