import AccordStore
import ArgumentParser

struct NegotiationShow: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "show",
    abstract: "Show a negotiation: status and the steps behind it, conditions, meetings, quotes.")

  @Argument(help: "Short id, title or number.") var negotiation: String
  @Option(help: "Everything as it stood on this day.", transform: parseDate) var asOf: AccordDate?
  @OptionGroup var output: FormatOptions
  @OptionGroup var database: DatabaseOptions

  func run() throws {
    let store = try database.open()
    let detail = try store.negotiation(store.resolveNegotiation(negotiation), asOf: asOf?.last)
    switch output.format {
    case .json: try Render(format: .json).json(detail)
    case .csv:
      FileOutput.standardOutput.write(
        Render.csv(
          headers: ["section", "date", "who", "what", "sources"], rows: NegotiationText.facts(detail)))
    case .table: FileOutput.standardOutput.write(NegotiationText.render(detail))
    }
  }
}

/// The human-readable view of one negotiation.
enum NegotiationText {
  static func render(_ d: NegotiationDetail) -> String {
    var text = "\(d.title) (\(d.slug))\n"
    if let reason = d.retraction {
      text += "Retracted: \(reason) (hidden from listings, deals, search and reports)\n"
    }
    text += "Status as of \(d.asOf): \(d.status)\n"
    if let summary = d.summary { text += summary + "\n" }
    if !d.tags.isEmpty { text += "Tags: \(d.tags.joined(separator: ", "))\n" }
    text += "\nParticipants\n"
    for p in d.participants { text += "  \(p.actor) (\(p.role.rawValue))\n" }
    text += section("Proposals", d.proposals) { p in
      var lines = "  \(p.title) (\(p.slug)): \(statusText(p))\n"
      var facts: [String] = []
      if let by = p.tabledBy { facts.append("tabled by \(by)") }
      if let value = p.value { facts.append("value \(value)") }
      if let counters = p.counters { facts.append("counters \(counters)") }
      if let supersedes = p.supersedes { facts.append("supersedes \(supersedes)") }
      if !facts.isEmpty { lines += "    " + facts.joined(separator: "; ") + "\n" }
      if let terms = p.terms { lines += "    terms: \(terms)\n" }
      if let dataset = p.dataset { lines += DatasetText.render(dataset) }
      for s in p.steps {
        var line = "    \(s.date)  \(s.step.argument)"
        if let party = s.party { line += " (\(party))" }
        if let note = s.note { line += ": \(note)" }
        lines += line + marks(s.sources) + "\n"
      }
      return lines
    }
    text += section("Conditions", d.conditions) { c in
      "  #\(c.id) \(Phrase.condition(c)), since \(c.since): \(c.state)"
        + (c.stateDate.map { " \($0)" } ?? "") + (c.answeredBy.map { " by \($0)" } ?? "") + marks(c.sources)
        + "\n"
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

  static func section<T>(_ title: String, _ items: [T], _ line: (T) -> String) -> String {
    items.isEmpty ? "" : "\n\(title)\n" + items.map(line).joined()
  }

  static func statusText(_ p: NegotiationDetail.Proposal) -> String {
    var text = p.status?.argument ?? "not yet tabled"
    if p.signed && p.status != .signed { text += ", signed" }
    text += p.live ? (p.signed ? "" : ", unsigned") : ", closed"
    let parties = p.partyStatus.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value.argument)" }
    if !parties.isEmpty { text += "; " + parties.joined(separator: ", ") }
    return text
  }

  static func marks(_ sources: [String]) -> String {
    sources.isEmpty ? "" : " [" + sources.joined(separator: ", ") + "]"
  }

  /// Every fact as a row, for CSV.
  static func facts(_ d: NegotiationDetail) -> [[String]] {
    var rows: [[String]] = []
    for p in d.proposals {
      for s in p.steps {
        rows.append([
          "step", s.date.text, s.party ?? p.tabledBy ?? "", "\(p.title): \(s.step.argument)",
          s.sources.listed,
        ])
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
