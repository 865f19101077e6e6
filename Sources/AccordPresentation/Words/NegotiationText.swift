import AccordStore

/// The human-readable view of one negotiation.
public enum NegotiationText {
  public static func render(_ d: NegotiationDetail) -> String {
    var text = "\(d.title) (\(d.slug))\n"
    if let reason = d.retraction {
      // Its proposals and conditions go with it (README, "accord retract"): said here, where their
      // absence would otherwise read as none recorded.
      text +=
        "Retracted: \(reason) (hidden from listings, deals, search and reports; its proposals and conditions with it)\n"
    }
    text += "Status as of \(d.asOf): \(Phrase.status(d.status))\n"
    if let summary = d.summary { text += summary + "\n" }
    if !d.tags.isEmpty { text += "Tags: \(d.tags.joined(separator: ", "))\n" }
    text += "\nParticipants\n"
    for p in d.participants { text += "  \(participantLine(p))\n" }
    let proposal = { (p: NegotiationDetail.Proposal) -> String in
      var lines = "  \(p.title) (\(p.slug)): \(statusText(p))\n"
      let facts = proposalFacts(p)
      if !facts.isEmpty { lines += "    " + facts.joined(separator: "; ") + "\n" }
      if let terms = p.terms { lines += "    terms: \(terms)\n" }
      if !p.links.isEmpty {
        lines += "    " + p.links.map(\.words).joined(separator: "; ") + "\n"
      }
      if let dataset = p.dataset { lines += DatasetText.render(dataset) }
      for s in p.steps { lines += "    " + stepLine(s) + "\n" }
      for s in p.possibly { lines += "    " + stepLine(s) + " (possibly: its date holds \(d.asOf))\n" }
      return lines
    }
    text += section("Proposals", d.proposals.filter { $0.status != .declared }, proposal)
    text += section(
      "Declarations (issued by one side alone)", d.proposals.filter { $0.status == .declared }, proposal)
    text += section("Conditions", d.conditions) { c in
      "  #\(c.id) \(Phrase.condition(c)), since \(c.since)\(c.certain == false ? " (possibly)" : ""): "
        + ConditionText.state(c) + marks(c.sources) + "\n"
    }
    text += section("Meetings", d.meetings) { m in
      "  \(m.date)" + (m.place.map { "  \($0)" } ?? "") + ": " + m.participants.joined(separator: ", ")
        + marks(m.sources) + "\n" + (m.summary.map { "    \($0)\n" } ?? "")
    }
    text += section("Quotes", d.quotes) { q in
      "  \(q.date)  \(q.speaker): “\(q.text)”" + (q.context.map { " (\($0))" } ?? "") + marks(q.sources)
        + "\n"
    }
    text += section("Latest developments", d.developments) { e in
      "  \(e.date)  \(e.text)" + marks(e.sources) + "\n"
    }
    return text
  }

  /// "United States (party, P5+1 side, since 2006-06-01)".
  static func participantLine(_ p: Participation) -> String {
    var words = [p.role.rawValue]
    if let side = p.side { words.append("side \(side)") }
    if let since = p.since { words.append("since \(since)") }
    return "\(p.actor) (\(words.joined(separator: ", ")))"
  }

  /// "2016-01-16  milestone Implementation Day (United States): note [sources]".
  public static func stepLine(_ s: ProposalStep) -> String {
    var line = "\(s.date)  \(s.step.argument)"
    if let label = s.label { line += " \(label)" }
    if let until = s.until { line += " until \(until)" }
    if let effective = s.effective { line += ", effective \(effective)" }
    if let party = s.party { line += " (\(party))" }
    if let note = s.note { line += ": \(note)" }
    return line + marks(s.sources)
  }

  static func section<T>(_ title: String, _ items: [T], _ line: (T) -> String) -> String {
    items.isEmpty ? "" : "\n\(title)\n" + items.map(line).joined()
  }

  /// "in force since 2016-01-16; open 2 days" / "terminated 2025-10-18 (open 3,749 days)".
  public static func statusText(_ p: NegotiationDetail.Proposal) -> String {
    guard let status = p.status else {
      return p.possibly.first.map { "possibly \(Phrase.step($0.step)) \($0.date): its date holds the day" }
        ?? "not yet tabled"
    }
    var text = status.words + (p.statusDate.map { " \($0)" } ?? "")
    if status.isClosed {
      text += ", closed after \(p.daysOpen) days"
    } else if status.isDraft {
      text += ", unsigned, open \(p.daysOpen) days"
      if p.dormant == true { text += ", dormant: last active \(p.lastActive ?? "?")" }
    }
    return text + partyStates(p, " ", more: " (accord proposal show \(p.slug))")
  }

  /// Where each party stands on a proposal with steps of its own: "; Ukraine rejected, Russia
  /// signed", or for more than eight, how many there are ("; 12 parties with steps of their own",
  /// then `more`); nothing without any.
  static func partyStates(_ p: NegotiationDetail.Proposal, _ separator: String, more: String = "") -> String {
    switch p.parties.count {
    case 0: ""
    case 1...8: "; " + p.parties.map { $0.party + separator + $0.state.words }.joined(separator: ", ")
    default: "; \(p.parties.count) parties with steps of their own" + more
    }
  }

  /// A proposal's facts beside its status: "tabled by United States; value 500 billion USD".
  static func proposalFacts(_ p: NegotiationDetail.Proposal) -> [String] {
    var facts: [String] = []
    if let by = p.tabledBy { facts.append("tabled by \(by)") }
    if let value = p.value { facts.append("value \(value)") }
    if let counters = p.counters { facts.append("counters \(counters)") }
    if let supersedes = p.supersedes { facts.append("supersedes \(supersedes)") }
    if let deadline = p.deadline { facts.append("deadline \(deadline)") }
    return facts
  }

  static func marks(_ sources: [String]) -> String {
    sources.isEmpty ? "" : " [" + sources.joined(separator: ", ") + "]"
  }

  /// Every fact as a row, for CSV. A step is credited to its party; a whole proposal's first step to
  /// whoever tabled it; any other whole step to no one.
  public static func facts(_ d: NegotiationDetail) -> [[String]] {
    var rows: [[String]] = []
    for p in d.proposals {
      for s in p.steps {
        let who = s.party ?? (s.id == p.steps.first?.id ? p.tabledBy : nil) ?? ""
        rows.append(["step", s.date.text, who, "\(p.title): \(Phrase.step(s))", s.sources.listed])
      }
    }
    for c in d.conditions {
      rows.append([
        "condition", c.since.text, c.heldBy, Phrase.condition(c) + ": " + c.state, c.sources.listed,
      ])
    }
    for m in d.meetings {
      rows.append([
        "meeting", m.date.text, m.participants.listed, m.place ?? m.summary ?? "", m.sources.listed,
      ])
    }
    for q in d.quotes { rows.append(["quote", q.date.text, q.speaker, q.text, q.sources.listed]) }
    for e in d.developments {
      rows.append(["development", e.date.text, e.actors.listed, e.text, e.sources.listed])
    }
    return rows
  }
}
