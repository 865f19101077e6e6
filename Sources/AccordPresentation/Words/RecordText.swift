import AccordStore

// How records of the store read, where a listing, `negotiation show` or a report shows them.

extension TimelineEntry {
  /// What happened, in words (``Phrase/fact(_:)``).
  public var what: String { Phrase.fact(fact) }

  /// The date as typed, then what happened: "2025-02-15~ Meeting at Munich Security Conference".
  public var line: String { "\(date) \(what)" }
}

extension PositionMatrix.Row {
  /// The row's heading: the term, or "title (proposal)".
  public var heading: String { kind == "proposal" ? "\(label) (proposal)" : label }
}

extension PositionMatrix.Cell {
  /// In words: "red line 2015-04-02", "accepts 2015-07-14 via P5+1", "red line 2025-02~ (possibly
  /// not yet)"; a party without a stance is "—".
  public static func words(_ cell: Self?) -> String {
    guard let cell else { return "—" }
    return cell.stance.replacing("_", with: " ") + (cell.date.map { " \($0)" } ?? "")
      + (cell.via.map { " via \($0)" } ?? "") + (cell.certain ? "" : " (possibly not yet)")
  }
}

extension ProposalLinkEntry {
  /// In words: "endorsed by Resolution 2231 (unscr-2231, in unsc-iran)".
  public var words: String { "\(relation) \(title) (\(proposal), in \(negotiation))" }
}

extension Array where Element == String {
  /// A list of names or short ids in one cell: "a; b".
  public var listed: String { joined(separator: "; ") }
}

/// What a listing with `--include-retracted` adds to a retracted record's name.
public func retractedMark(_ retracted: Bool?) -> String {
  retracted == true ? " (retracted)" : ""
}
