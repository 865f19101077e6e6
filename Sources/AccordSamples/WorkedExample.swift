import AccordStore

/// The worked example: the February 2025 US–Ukraine talks over natural resources and security
/// guarantees, as an analyst records them from a news report of the Munich Security Conference
/// (facts, quotes verbatim, sources). Loaded through the same store API as every command.
public enum WorkedExample {
  /// The short id of the example's negotiation.
  public static let negotiation = "us-ukraine-minerals"
  /// The day of the example's status report: as the record stood a few days after the conference.
  public static let asOf = Day(year: 2025, month: 2, day: 20) ?? .epoch

  public static func load(into store: AccordStore) throws {
    func date(_ text: String) throws -> AccordDate { try AccordDate.parse(text, today: store.today) }
    try store.write {
      // Actors.
      try store.addActor(
        NewActor(name: "Ukraine", kind: .state, code: "UKR", wikidata: "Q212", aliases: ["Україна"]))
      try store.addActor(
        NewActor(
          name: "United States", kind: .state, slug: "united-states", code: "USA", wikidata: "Q30",
          aliases: ["US", "U.S.", "United States of America", "Trump administration"]))
      try store.addActor(
        NewActor(
          name: "Volodymyr Zelenskyy", kind: .person, slug: "zelenskyy",
          aliases: ["Zelenskyy", "Zelensky", "Volodymyr Zelensky", "Зеленський", "Володимир Зеленський"],
          affiliation: NewAffiliation(
            organization: "Ukraine", role: "President", since: try date("2019-05-20"))))
      let officials: [(String, String, [String], String, String)] = [
        ("Scott Bessent", "bessent", ["Bessent"], "Secretary of the Treasury", "2025-01-28"),
        ("JD Vance", "vance", ["Vance", "J. D. Vance"], "Vice President", "2025-01-20"),
        ("Marco Rubio", "rubio", ["Rubio"], "Secretary of State", "2025-01-21"),
        ("Pete Hegseth", "hegseth", ["Hegseth"], "Secretary of Defense", "2025-01-25"),
      ]
      for (name, slug, aliases, role, since) in officials {
        try store.addActor(
          NewActor(
            name: name, kind: .person, slug: slug, aliases: aliases,
            affiliation: NewAffiliation(organization: "United States", role: role, since: try date(since))))
      }
      try store.addActor(
        NewActor(
          name: "NATO", kind: .organization, wikidata: "Q7184",
          aliases: ["North Atlantic Treaty Organization", "OTAN", "НАТО"]))
      try store.addActor(
        NewActor(name: "Christiane Amanpour", kind: .person, slug: "amanpour", aliases: ["Amanpour"]))

      // Sources.
      try store.addSource(
        url: nil, outlet: "The Epoch Times",
        title: "Zelenskyy Demands Improved US Security Guarantee in Exchange for Natural Resources Deal",
        published: try date("2025-02-15~"), slug: "epoch-times")
      try store.addSource(
        url: nil, title: "Christiane Amanpour's interview with Volodymyr Zelenskyy, Munich",
        published: try date("2025-02-15~"), slug: "amanpour-interview")

      // The negotiation.
      try store.addNegotiation(
        NewNegotiation(
          title: "US–Ukraine minerals-for-security deal", slug: negotiation,
          summary:
            "Access to Ukraine's natural resources, rare-earth minerals among them, in exchange for continued US assistance; Ukraine wants security guarantees first.",
          tags: ["minerals", "security-guarantees"],
          participants: [("Ukraine", .party), ("United States", .party)]))

      try store.addMeeting(
        negotiation: negotiation, date: try date("2025-02-14~"), place: "Munich Security Conference, Germany",
        with: ["Zelenskyy", "Bessent", "Vance", "Rubio"],
        summary: "Zelenskyy met three US officials to take the resources deal further; no final agreement.",
        sources: ["epoch-times"])

      // The US proposal, rejected by Ukraine for now while talks go on.
      try store.addProposal(
        NewProposal(
          negotiation: negotiation, title: "US proposal for access to Ukraine's natural resources",
          by: "United States", date: try date("2025-02"), slug: "us-resources-proposal",
          terms:
            "US access to Ukraine's rare-earth minerals and other resources, in return for assistance given",
          value: "500 billion USD", sources: ["epoch-times"]))
      try store.addStep(
        proposal: "us-resources-proposal", .rejected, date: try date("2025-02-15~"), party: "Ukraine",
        note: "rejected for now: not in Ukraine's interest today; talks continue", sources: ["epoch-times"])

      // Conditions.
      try store.addCondition(
        NewCondition(
          negotiation: negotiation, by: "Ukraine", stance: .precondition,
          term: "US security guarantees for Ukraine",
          inExchangeFor: ["US access to Ukraine's rare-earth minerals and other resources"],
          date: try date("2025-02-15~"),
          note: "stated by President Zelenskyy at the Munich Security Conference",
          sources: ["epoch-times"]))
      try store.addCondition(
        NewCondition(
          negotiation: negotiation, by: "United States", stance: .redLine,
          term: "NATO Article Five cover for peacekeepers in Ukraine",
          date: try date("2025-02~"), note: "Hegseth to NATO allies: any peacekeepers in a non-NATO mission",
          sources: ["epoch-times"]))

      // Quotes, verbatim.
      let quotes: [(String, String, String, String, String)] = [
        (
          "Zelenskyy", "2025-02-15~",
          "That, for me, is very important: the connection between some kind of security guarantees and some kind of investment.",
          "press briefing, Munich Security Conference", "epoch-times"
        ),
        (
          "Zelenskyy", "2025-02-15~",
          "It’s not in our interest today, not in [the] interest of [a] sovereign Ukraine.",
          "press briefing, Munich Security Conference; asked about the US proposal", "epoch-times"
        ),
        (
          "Zelenskyy", "2025-02-15~", "We’re still talking.",
          "interview with Christiane Amanpour; asked whether the $500 billion trade for resources is fair",
          "amanpour-interview"
        ),
        (
          "Zelenskyy", "2025-02-15~", "The armed forces of Europe must be created.",
          "Munich Security Conference", "epoch-times"
        ),
        (
          "Hegseth", "2025-02~",
          "Any security guarantee must be supported by capable European and non-European forces. If deployed as peacekeepers to Ukraine in the future, these troops should be part of a non-NATO mission and not covered under Article Five.",
          "to NATO allies", "epoch-times"
        ),
      ]
      for (speaker, day, text, context, source) in quotes {
        try store.addQuote(
          by: speaker, date: try date(day), text: text, negotiation: negotiation, context: context,
          language: "en",
          sources: [source])
      }

      try store.log(
        negotiation: negotiation,
        text: "The White House did not answer The Epoch Times' request for comment on the deal.",
        date: try date("2025-02-15~"), actors: ["United States"], sources: ["epoch-times"])
    }
  }

  /// True when `store` holds nothing but records of the worked example (or nothing at all), row
  /// for row, but for when they were recorded.
  public static func isAlone(in store: AccordStore) throws -> Bool {
    let example = try AccordStore.inMemory()
    try load(into: example)
    let expected = try example.rowTexts()
    return try store.rowTexts().allSatisfy { table, rows in rows.isSubset(of: expected[table] ?? []) }
  }
}
