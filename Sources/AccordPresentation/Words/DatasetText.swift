import AccordStore

/// The lines `negotiation show` prints under a proposal imported from PA-X or UCDP: its dataset
/// and id there, its stage, its signatories and third parties as written (on one line each).
public enum DatasetText {
  public static func render(_ facts: DatasetFacts) -> String {
    var lines = "    from \(facts.citation)"
    if let stage = facts.stageText { lines += "; stage: \(stage)" }
    lines += "\n"
    if let signatories = facts.signatories { lines += "    signatories: \(oneLine(signatories))\n" }
    if let thirdParties = facts.thirdParties { lines += "    third parties: \(oneLine(thirdParties))\n" }
    return lines
  }

  static func oneLine(_ text: String) -> String {
    text.split(whereSeparator: \.isNewline).map { $0.split(separator: " ").joined(separator: " ") }
      .filter { !$0.isEmpty }.joined(separator: " / ")
  }
}
