import AccordStore

extension Phrase {
  /// A fact of a timeline in words: "Meeting at Munich Security Conference: minerals", "Minerals
  /// deal: signed by Ukraine (in Washington)", "Volodymyr Zelenskyy: “Still talking.”", "Framework
  /// (framework, in minerals) implemented by Fund (fund, in minerals)".
  public static func fact(_ fact: TimelineEntry.Fact) -> String {
    switch fact {
    case .meeting(let place, let summary):
      return "Meeting" + (place.map { " at \($0)" } ?? "") + (summary.map { ": " + $0 } ?? "")
    case .step(let title, let step):
      return "\(title): " + Phrase.step(step) + (step.note.map { " (\($0))" } ?? "")
    case .condition(let heldBy, let stance, let term, let exchange, let conditional, let revises, let note):
      var text = condition(
        heldBy: heldBy, stance: stance, term: term, inExchangeFor: exchange, conditionalOn: conditional)
      if let revises { text += ", revising condition #\(revises)" }
      return text + (note.map { " (\($0))" } ?? "")
    case .answer(let outcome, let actor, let condition, let term, let note):
      return answer(outcome, by: actor, condition: condition, term: term) + (note.map { " (\($0))" } ?? "")
    case .quote(let speaker, let text, let context):
      return "\(speaker): “\(text)”" + (context.map { " (\($0))" } ?? "")
    case .development(let text):
      return text
    case .link(let kind, let from, let to):
      return "\(from.title) (\(from.slug), in \(from.negotiation)) \(kind.words) "
        + "\(to.title) (\(to.slug), in \(to.negotiation))"
    }
  }
}

extension TimelineEntry {
  /// What happened, in words (``Phrase/fact(_:)``).
  public var what: String { Phrase.fact(fact) }

  /// The date as typed, then what happened: "2025-02-15~ Meeting at Munich Security Conference".
  public var line: String { "\(date) \(what)" }
}
