import AccordPresentation
import AccordStore
import ArgumentParser

struct ProposalShow: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "show",
    abstract: "Show a proposal: where it stands as a whole and for each party, and every step behind it.",
    discussion: """
      One row per party of its negotiation (and per actor with a step of its own): its state, since \
      when, and its steps. A step whose date holds the as-of day is listed apart, as possibly done.

      Example:
        accord proposal show paris-agreement --as-of 2016-10-05
      """
  ).asLeaf

  @Argument(help: "The proposal: short id, title or number.") var proposal: String
  @OptionGroup var asOf: AsOfOptions
  @Flag(help: "Add a row for each member of a bloc party: its bloc's steps of days it belonged to it.")
  var members = false
  @OptionGroup var output: FormatOptions
  @OptionGroup var database: DatabaseOptions

  func run() throws {
    let store = try database.openExisting()
    let detail = try store.proposalDetail(store.resolveProposal(proposal), asOf: asOf.day, members: members)
    switch output.format {
    case .json: try Render(format: .json).json(detail)
    case .csv:
      FileOutput.standardOutput.write(
        Render.csv(
          headers: ProposalText.partyHeaders, rows: ProposalText.partyRows(detail), raw: output.rawCsv))
    case .table: FileOutput.standardOutput.write(ProposalText.render(detail, width: output.tableWidth))
    }
  }
}

/// The human-readable view of one proposal.
enum ProposalText {
  static let partyHeaders = ["party", "state", "since", "steps"]

  static func partyRows(_ d: ProposalDetail) -> [[String]] {
    (d.parties + d.members).map { row in
      var state = row.state?.words ?? "—"
      if let effective = row.withdrawalEffective { state += " (withdrawal notified, effective \(effective))" }
      if row.shared { state += " (the whole proposal's)" }
      return [
        row.party + (row.via.map { " (in \($0))" } ?? ""), state, row.since?.text ?? "",
        row.steps.map { "\(Phrase.step($0.step)) \($0.date)" + ($0.note.map { " (\($0))" } ?? "") }.joined(
          separator: "; "),
      ]
    }
  }

  /// The proposal, its parties' table no wider than `width` columns (nil: no limit).
  static func render(_ d: ProposalDetail, width: Int?) -> String {
    let p = d.proposal
    var text = "\(p.title) (\(p.slug)), in \(d.negotiationTitle) (\(d.negotiation))\n"
    if let reason = d.retraction { text += "Retracted: \(reason)\n" }
    text += "As of \(d.asOf): " + NegotiationText.statusText(p) + "\n"
    var facts: [String] = []
    if let by = p.tabledBy { facts.append("tabled by \(by)") }
    if let value = p.value { facts.append("value \(value)") }
    if let counters = p.counters { facts.append("counters \(counters)") }
    if let supersedes = p.supersedes { facts.append("supersedes \(supersedes)") }
    if let deadline = p.deadline { facts.append("deadline \(deadline)") }
    if !facts.isEmpty { text += facts.joined(separator: "; ") + "\n" }
    if let terms = p.terms { text += "Terms: \(terms)\n" }
    for link in p.links { text += link.words.prefix(1).uppercased() + link.words.dropFirst() + "\n" }
    if !d.parties.isEmpty {
      text += "\n" + Render.table(headers: partyHeaders, rows: partyRows(d), width: width)
      let counted = Dictionary(grouping: d.parties.compactMap(\.state), by: { $0 })
      let summary = ProposalState.allCases.compactMap { state in
        counted[state].map { "\($0.count) \(state.words)" }
      }
      if d.parties.count > 2 {
        text += "\(d.parties.count) parties: " + summary.joined(separator: ", ") + "\n"
      }
    }
    text += "\nSteps\n"
    for s in p.steps { text += "  " + NegotiationText.stepLine(s) + "\n" }
    if !p.possibly.isEmpty {
      text += "\nPossibly done by \(d.asOf) (their dates hold that day)\n"
      for s in p.possibly { text += "  " + NegotiationText.stepLine(s) + "\n" }
    }
    return text
  }
}
