import AccordStore

/// How a condition's state reads: "open: accepted by P5+1 2015-07-14; awaiting Iran".
public enum ConditionText {
  public static func state(_ c: Condition) -> String {
    var text = c.state
    if c.state == "revised", let by = c.revisedBy {
      return text + " into #\(by)" + (c.stateDate.map { " \($0)" } ?? "")
    }
    let answers = c.answers.map { a in
      "\(a.outcome.rawValue)" + (a.by.map { " by \($0)" } ?? "") + " \(a.date)"
    }
    if !answers.isEmpty { text += ": " + answers.joined(separator: "; ") }
    if c.isOpen && !c.awaiting.isEmpty {
      text += (answers.isEmpty ? ": " : "; ") + "awaiting " + c.awaiting.joined(separator: ", ")
    }
    return text
  }
}
