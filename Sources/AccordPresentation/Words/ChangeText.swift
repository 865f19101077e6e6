import AccordStore

extension RecordedChange {
  /// What was recorded, in words: "added quote #7 by Volodymyr Zelenskyy on 2025-02-15~: “We’re
  /// still talking.”", "recorded step #12: “Minerals deal” signed (Ukraine)", "retracted step #2:
  /// misreported", "edited proposal #3: title “Draft” → “Framework”", "undid 'accord …'".
  public var what: String {
    let number = id.map { " #\($0)" } ?? ""
    func on(_ date: String?) -> String { date.map { " on \($0)" } ?? "" }
    func into(_ negotiation: String?) -> String { negotiation.map { " in \($0)" } ?? "" }
    switch event {
    case .undid(let command, let arguments):
      return "undid '\(arguments ?? "command \(command)")'"
    case .redid(let command, let arguments):
      return "redid '\(arguments ?? "command \(command)")'"
    case .imported(let rows, let kind):
      return "imported \(rows) \(Self.plural(kind, rows))"
    case .edited(let kind, let fields):
      let changed = fields.map { "\($0.column) \(Self.quoted($0.before)) → \(Self.quoted($0.after))" }
      return "edited \(kind)\(number): " + changed.joined(separator: ", ")
    case .removed(let kind):
      return "removed \(kind)\(number)"
    case .addedActor(let name, let kind):
      return "added actor\(number) \(name ?? "") (\(kind ?? ""))"
    case .addedAlias(let alias, let actor):
      return "added the alias “\(alias ?? "")” to \(Self.actor(actor))"
    case .affiliation(let person, let role, let organization):
      return "recorded \(Self.actor(person))\(role.map { " as \($0)" } ?? "") of \(Self.actor(organization))"
    case .membership(let member, let left, let bloc, let date):
      return "\(Self.actor(member)) \(left ? "left" : "joined") \(Self.actor(bloc))\(on(date))"
    case .addedNegotiation(let title):
      return "added negotiation\(number) “\(title ?? "")”"
    case .participation(let actor, let left, let negotiation, let role, let date):
      return "\(Self.actor(actor)) \(left ? "left" : "joined") \(negotiation ?? "a negotiation")"
        + "\(role.map { " as \($0)" } ?? "")\(on(date))"
    case .addedProposal(let title, let tabledBy, let negotiation):
      return "added proposal\(number) “\(title ?? "")” by \(Self.actor(tabledBy))\(into(negotiation))"
    case .recordedStep(let proposal, let step, let party, let date):
      let by = party.map { " (\(Self.actor($0)))" } ?? ""
      return "recorded step\(number): \(Self.proposal(proposal)) \(step ?? "")\(by)\(on(date))"
    case .addedCondition(let actor, let stance, let term, let negotiation):
      let stance = (stance ?? "").replacing("_", with: " ")
      return "added condition\(number) by \(Self.actor(actor)): \(stance) “\(term ?? "")”\(into(negotiation))"
    case .recordedAnswer(let actor, let outcome, let condition, let date):
      return "recorded answer\(number): \(Self.actor(actor)) \(outcome ?? "") condition #\(condition ?? "?")"
        + on(date)
    case .addedMeeting(let negotiation, let place, let date):
      return "added meeting\(number)\(into(negotiation))\(place.map { " at \($0)" } ?? "")\(on(date))"
    case .addedQuote(let actor, let date, let text):
      return "added quote\(number) by \(Self.actor(actor))\(on(date)): “\(Self.short(text))”"
    case .loggedDevelopment(let negotiation, let date, let text):
      return "logged development\(number)\(into(negotiation))\(on(date)): “\(Self.short(text))”"
    case .addedSource(let title, let outlet, let url):
      return "added source\(number) “\(Self.short(title ?? outlet ?? url ?? ""))”"
    case .addedDeadline(let title, let negotiation, let date):
      return "added deadline\(number) “\(title ?? "")”\(into(negotiation))\(on(date))"
    case .linked(let proposal, let link, let other):
      let link = (link ?? "").replacing("_", with: " ")
      return "linked \(Self.proposal(proposal)) \(link) \(Self.proposal(other))"
    case .retracted(let kind, let record, let reason):
      return "retracted \(kind) #\(record ?? "?"): \(reason ?? "")"
    }
  }

  /// An actor by name; by number once it is gone.
  static func actor(_ reference: Reference) -> String {
    switch reference {
    case .named(let name): name
    case .gone(let id): "actor \(id)"
    case .unnamed: "?"
    }
  }

  /// A proposal by its title, quoted; by number once it is gone.
  static func proposal(_ reference: Reference) -> String {
    switch reference {
    case .named(let title): "“\(title)”"
    case .gone(let id): "proposal \(id)"
    case .unnamed: "?"
    }
  }

  static func quoted(_ value: String?) -> String { value.map { "“\(short($0))”" } ?? "nothing" }

  /// A text shortened to its first 80 characters.
  static func short(_ text: String?) -> String {
    guard let text else { return "" }
    return text.count > 80 ? String(text.prefix(79)) + "…" : text
  }

  static func plural(_ kind: String, _ count: Int) -> String {
    if count == 1 { return kind }
    switch kind {
    case "proposal_step", "step": return "steps"
    case "development": return "developments"
    case "statement", "quote": return "quotes"
    case "position", "condition": return "conditions"
    default: return kind.hasSuffix("s") ? kind : kind + "s"
    }
  }
}
