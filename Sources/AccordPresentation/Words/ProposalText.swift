import AccordStore

/// The human-readable view of one proposal.
public enum ProposalText {
  public static let partyHeaders = ["party", "state", "since", "steps"]

  public static func partyRows(_ d: ProposalDetail) -> [[String]] {
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
  public static func render(_ d: ProposalDetail, width: Int?) -> String {
    let p = d.proposal
    var text = "\(p.title) (\(p.slug)), in \(d.negotiationTitle) (\(d.negotiation))\n"
    if let reason = d.retraction { text += "Retracted: \(reason)\n" }
    text += "As of \(d.asOf): " + NegotiationText.statusText(p) + "\n"
    let facts = NegotiationText.proposalFacts(p)
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
