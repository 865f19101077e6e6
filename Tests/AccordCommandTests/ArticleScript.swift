import Foundation
import Testing

/// The worked example (shared/examples/minerals-deal-article.txt) as an analyst enters it, through
/// the command line only.
enum ArticleScript {
  static let negotiation = "us-ukraine-minerals"
  static let proposal = "us-minerals-proposal"
  static let proposalDate = "2025-02-14"
  static let stillTalking = "We’re still talking."
  static let notInOurInterest =
    "It’s not in our interest today, not in [the] interest of [a] sovereign Ukraine."
  static let securityAndInvestment =
    "That, for me, is very important: the connection between some kind of security guarantees and some kind of investment."
  static let precondition = "US security guarantees for Ukraine"
  static let mineralAccess = "US access to Ukraine's rare-earth minerals"
  static let usOfficials = ["Scott Bessent", "JD Vance", "Marco Rubio"]

  /// Enters the example into the sandbox's database; every adding command must print just its
  /// new id and nothing on stderr.
  static func enter(in sandbox: Sandbox) throws {
    let s = sandbox
    // Actors.
    try s.add("actor", "add", "Ukraine", "--kind", "state", "--code", "UKR")
    try s.add("actor", "add", "United States", "--kind", "state", "--code", "USA", "--alias", "US")
    try s.add(
      "actor", "add", "Volodymyr Zelenskyy", "--kind", "person", "--alias", "Zelensky", "--alias",
      "Zelenskyy",
      "--alias", "Зеленський", "--of", "Ukraine", "--role", "President", "--since", "2019-05-20")
    let officials = [
      ("Scott Bessent", "Bessent", "Secretary of the Treasury"),
      ("JD Vance", "Vance", "Vice President"),
      ("Marco Rubio", "Rubio", "Secretary of State"),
      ("Pete Hegseth", "Hegseth", "Secretary of Defense"),
    ]
    for (name, alias, role) in officials {
      try s.add(
        "actor", "add", name, "--kind", "person", "--alias", alias, "--of", "United States",
        "--role", role)
    }
    try s.add(
      "actor", "add", "NATO", "--kind", "organization", "--alias",
      "North Atlantic Treaty Organization")

    // Sources: the outlet's report (no URL given) and the interview it quotes.
    try s.add(
      "source", "add", "--outlet", "The Epoch Times", "--title",
      "Zelenskyy Demands Improved US Security Guarantee in Exchange for Natural Resources Deal",
      "--published", "2025-02-15~", "--id", "epoch-times")
    try s.add(
      "source", "add", "--title", "Christiane Amanpour's interview with Volodymyr Zelenskyy",
      "--published",
      "2025-02-15~", "--id", "amanpour-interview")

    // The negotiation, the meeting in Munich, the proposal and its rejection by Ukraine.
    try s.add(
      "negotiation", "add", "US–Ukraine minerals deal", "--id", negotiation, "--party", "Ukraine",
      "--party",
      "United States", "--tag", "minerals")
    try s.add(
      "meeting", "add", negotiation, "--on", "2025-02-14~", "--at", "Munich Security Conference",
      "--with",
      "Zelenskyy", "--with", "Bessent", "--with", "Vance", "--with", "Rubio", "--source",
      "epoch-times")
    try s.add(
      "proposal", "add", negotiation, "US minerals proposal", "--id", proposal, "--by",
      "United States", "--on",
      proposalDate, "--value", "500 billion USD", "--terms", mineralAccess, "--source",
      "epoch-times")
    try s.add(
      "proposal", "step", proposal, "rejected", "--on", "2025-02-15~", "--party", "Ukraine",
      "--note",
      "not in Ukraine's interest today; talks continue", "--source", "epoch-times")

    // Ukraine's condition, and the quotes verbatim.
    try s.add(
      "condition", "add", negotiation, "--by", "Ukraine", "--precondition", precondition,
      "--in-exchange-for",
      mineralAccess, "--on", "2025-02-15~", "--source", "epoch-times")
    try s.add(
      "quote", "add", "--by", "Zelenskyy", "--on", "2025-02-15~", securityAndInvestment,
      "--negotiation",
      negotiation, "--context", "press briefing, Munich Security Conference", "--source",
      "epoch-times")
    try s.add(
      "quote", "add", "--by", "Zelenskyy", "--on", "2025-02-15~", notInOurInterest, "--negotiation",
      negotiation,
      "--context", "asked about the US proposal", "--source", "epoch-times")
    try s.add(
      "quote", "add", "--by", "Zelensky", "--on", "2025-02-15~", stillTalking, "--negotiation",
      negotiation,
      "--context", "interview with Christiane Amanpour", "--language", "en", "--source",
      "amanpour-interview")
    try s.add(
      "log", negotiation, "The White House did not answer a request for comment.", "--on",
      "2025-02-15~",
      "--actor", "United States", "--source", "epoch-times")
  }
}

/// Small accessors for parsed JSON.
extension Dictionary where Key == String, Value == Any {
  func string(_ key: String) -> String? { self[key] as? String }
  func strings(_ key: String) -> [String] { self[key] as? [String] ?? [] }
  func objects(_ key: String) -> [[String: Any]] { self[key] as? [[String: Any]] ?? [] }
  func object(_ key: String) -> [String: Any]? { self[key] as? [String: Any] }
  func int(_ key: String) -> Int64? {
    if let value = self[key] as? Int { return Int64(value) }
    return (self[key] as? NSNumber)?.int64Value
  }
  func bool(_ key: String) -> Bool? {
    if let value = self[key] as? Bool { return value }
    return (self[key] as? NSNumber)?.boolValue
  }
}
