import AccordStore

extension TimelineEntry {
  /// What happened, in words (``Phrase/fact(_:)``).
  public var what: String { Phrase.fact(fact) }

  /// The date as typed, then what happened: "2025-02-15~ Meeting at Munich Security Conference".
  public var line: String { "\(date) \(what)" }
}
