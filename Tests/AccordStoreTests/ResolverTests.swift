import Testing

@testable import AccordStore

/// Finding the record a user names: by number, short id, code, alias or title.
@Suite struct ResolverTests {
  @Test func actorsAreFoundByNumberSlugAndCode() throws {
    let store = try makeMineralsStore()
    let ukraine = try store.resolveActor("ukraine")
    #expect(try store.resolveActor(String(ukraine)) == ukraine)
    #expect(try store.resolveActor("Ukraine") == ukraine)
    #expect(try store.resolveActor("UKR") == ukraine)
    #expect(try store.resolveActor("ukr") == ukraine)
    #expect(try store.resolveActor("Ukr") == ukraine)
    let us = try store.resolveActor("united-states")
    #expect(us != ukraine)
    #expect(try store.resolveActor("USA") == us)
    #expect(try store.resolveActor("usa") == us)
    #expect(try store.resolveActor("US") == us)
    #expect(try store.resolveActor("united states of america") == us)
    #expect(try store.resolveActor("  United   States ") == us)
  }

  @Test func anyAliasFindsThePersonInAnyCaseAndScript() throws {
    let store = try makeMineralsStore()
    let zelenskyy = try store.resolveActor("zelenskyy")
    for name in [
      "Zelensky", "Zelenskyy", "ZELENSKY", "zelenskyy", "Volodymyr Zelenskyy",
      "volodymyr  zelenskyy", "зеленський",
      "ЗЕЛЕНСЬКИЙ", "Зеленський",
    ] {
      #expect(try store.resolveActor(name) == zelenskyy, "\(name)")
    }
    #expect(try store.resolveActor("Україна") == (try store.resolveActor("Ukraine")))
    #expect(try store.resolveActor("УКРАЇНА") == (try store.resolveActor("Ukraine")))
  }

  @Test func anUnknownNameSuggestsTheClosest() throws {
    let store = try makeMineralsStore()
    let error = #expect(throws: StoreError.self) { try store.resolveActor("Zelenski") }
    guard case .notFound(let kind, let name, let candidates)? = error else {
      Issue.record("expected StoreError.notFound, got \(String(describing: error))")
      return
    }
    #expect(kind == "actor")
    #expect(name == "Zelenski")
    #expect(candidates.contains("Zelensky"))
    #expect(candidates.allSatisfy { $0.lowercased().hasPrefix("zelensk") })
    #expect(
      error?.description.hasPrefix("no actor named 'Zelenski': did you mean 'Zelensky'") == true)

    let far = #expect(throws: StoreError.self) { try store.resolveActor("Hegseth") }
    #expect(far == .notFound(kind: "actor", name: "Hegseth", candidates: []))
    #expect(far?.description == "no actor named 'Hegseth': see 'accord actor list'")
  }

  @Test func anUnknownNumberIsNotFound() throws {
    let store = try makeMineralsStore()
    #expect(throws: StoreError.notFound(kind: "actor", name: "999", candidates: [])) {
      try store.resolveActor("999")
    }
    #expect(throws: StoreError.notFound(kind: "negotiation", name: "42", candidates: [])) {
      try store.resolveNegotiation("42")
    }
  }

  @Test func aSharedAliasIsAmbiguous() throws {
    let store = try makeMineralsStore()
    try store.addActor(
      NewActor(name: "Government of Ukraine", kind: .organization, aliases: ["Kyiv"]))
    try store.addAlias("KYIV", to: try store.resolveActor("Ukraine"))
    let error = #expect(throws: StoreError.self) { try store.resolveActor("kyiv") }
    #expect(
      error
        == .ambiguous(
          kind: "actor", name: "kyiv",
          matches: ["ukraine (Ukraine)", "government-of-ukraine (Government of Ukraine)"]))
    #expect(
      error?.description.contains(
        "ukraine (Ukraine), government-of-ukraine (Government of Ukraine)") == true)
    #expect(error?.description.hasSuffix("use the id or number instead") == true)
    // Its slug or number still finds each one.
    #expect(try store.resolveActor("government-of-ukraine") != (try store.resolveActor("ukraine")))
  }

  @Test func anAliasTheActorHasAlreadyIsNoError() throws {
    let store = try makeMineralsStore()
    let ukraine = try store.resolveActor("Ukraine")
    let before = try count("actor_alias", in: store)
    try store.addAlias("UKRAINE", to: ukraine)
    try store.addAlias("  україна ", to: ukraine)
    #expect(try count("actor_alias", in: store) == before)
    #expect(throws: StoreError.invalid("an alias cannot be empty")) {
      try store.addAlias("  ", to: ukraine)
    }
  }

  @Test func aNameOfAnotherActorIsRefusedAsAnAlias() throws {
    let store = try makeMineralsStore()
    let us = try store.resolveActor("United States")
    let before = try rowCounts(store)
    let refused = #expect(throws: StoreError.self) {
      try store.write { try store.addAlias("україна", to: us, unique: true) }
    }
    #expect(refused?.description.contains("is a name of ukraine already") == true)
    #expect(try rowCounts(store) == before)
    #expect(try store.resolveActor("Україна") == store.resolveActor("Ukraine"))
  }

  @Test func slugsAreMadeFromNamesAndKeptUnique() throws {
    let store = try makeStore()
    let first = try store.addActor(NewActor(name: "北京", kind: .state))
    let second = try store.addActor(NewActor(name: "東京", kind: .state))
    let third = try store.addActor(NewActor(name: "München Group", kind: .group))
    let fourth = try store.addActor(NewActor(name: "Munchen group", kind: .group))
    let slugs = try store.actors().reduce(into: [Int64: String]()) { $0[$1.id] = $1.slug }
    // A name with nothing to spell a short id from gets a numbered one, never the bare kind.
    #expect(slugs[first] == "state-1")
    #expect(slugs[second] == "state-2")
    #expect(slugs[third] == "munchen-group")
    #expect(slugs[fourth] == "munchen-group-2")
    #expect(try store.resolveActor("北京") == first)
    let cyrillic = try store.addActor(NewActor(name: "Україна", kind: .state))
    #expect(try store.actor(cyrillic).actor.slug == "ukraina")
    #expect(try store.resolveActor("state-2") == second)
    let taken = #expect(throws: StoreError.self) {
      try store.addActor(NewActor(name: "Munich", kind: .group, slug: "munchen-group"))
    }
    #expect(taken == .taken(.shortID("munchen-group", kind: "actor")))
    #expect(throws: StoreError.self) {
      try store.addActor(NewActor(name: "X", kind: .group, slug: "Not a slug!"))
    }
    #expect(try count("actor", in: store) == 5)  // the four above and Україна
  }

  @Test func codesAndWikidataIdsAreCheckedAndUnique() throws {
    let store = try makeMineralsStore()
    let before = try rowCounts(store)
    #expect(throws: StoreError.conflict("the code UKR belongs to Ukraine already")) {
      try store.addActor(NewActor(name: "Ukrainian SSR", kind: .state, code: "ukr"))
    }
    #expect(throws: StoreError.self) {
      try store.addActor(NewActor(name: "X", kind: .state, code: "UK"))
    }
    #expect(throws: StoreError.self) {
      try store.addActor(NewActor(name: "X", kind: .state, wikidata: "Q0212"))
    }
    #expect(throws: StoreError.self) {
      try store.addActor(NewActor(name: "X", kind: .state, wikidata: "212"))
    }
    #expect(throws: StoreError.invalid("an actor needs a name")) {
      try store.addActor(NewActor(name: " ", kind: .state))
    }
    #expect(try rowCounts(store) == before)
  }

  @Test func negotiationsAreFoundBySlugTitleAndNumber() throws {
    let store = try makeMineralsStore()
    let id = try store.resolveNegotiation("minerals")
    #expect(try store.resolveNegotiation(String(id)) == id)
    #expect(try store.resolveNegotiation("MINERALS") == id)
    #expect(try store.resolveNegotiation("US–Ukraine minerals deal") == id)
    #expect(try store.resolveNegotiation("us–ukraine MINERALS deal") == id)
    let error = #expect(throws: StoreError.self) { try store.resolveNegotiation("mineral") }
    guard case .notFound(let kind, _, let candidates)? = error else {
      Issue.record("expected StoreError.notFound, got \(String(describing: error))")
      return
    }
    #expect(kind == "negotiation")
    #expect(candidates == ["US–Ukraine minerals deal", "minerals"])
  }

  @Test func proposalsAreFoundBySlugTitleAndNumber() throws {
    let store = try makeMineralsStore()
    let first = try store.addProposal(
      NewProposal(
        negotiation: "minerals", title: "Framework agreement", by: "United States",
        date: try date("2025-02-20")))
    let second = try store.addProposal(
      NewProposal(
        negotiation: "minerals", title: "Framework Agreement", by: "Ukraine",
        date: try date("2025-02-22")))
    #expect(try store.resolveProposal("framework-agreement") == first)
    #expect(try store.resolveProposal("framework-agreement-2") == second)
    #expect(try store.resolveProposal(String(second)) == second)
    // Two proposals of one title: the title alone is ambiguous, and the error names their slugs.
    #expect(
      throws: StoreError.ambiguous(
        kind: "proposal", name: "FRAMEWORK agreement",
        matches: ["framework-agreement", "framework-agreement-2"])
    ) {
      try store.resolveProposal("FRAMEWORK agreement")
    }
    let third = try store.addProposal(
      NewProposal(
        negotiation: "minerals", title: "Revised text", by: "Ukraine", date: try date("2025-02-25"),
        slug: "revised"))
    #expect(try store.resolveProposal("revised text") == third)
    #expect(try store.resolveProposal("REVISED") == third)
  }

  @Test func conditionsAreFoundByNumberOnly() throws {
    let store = try makeMineralsStore()
    let id = try store.addCondition(
      NewCondition(
        negotiation: "minerals", by: "Ukraine", stance: .demands, term: "security guarantees",
        date: try date("2025-02-15")))
    #expect(try store.resolveCondition(String(id)) == id)
    #expect(try store.resolveCondition("#\(id)") == id)
    #expect(
      throws: StoreError.invalid(
        "'guarantees' is not a condition number: see 'accord condition list'")
    ) {
      try store.resolveCondition("guarantees")
    }
    #expect(throws: StoreError.notFound(kind: "condition", name: "77", candidates: [])) {
      try store.resolveCondition("77")
    }
    // An answer is numbered apart: the first answer is number 1, and no condition is made by it.
    let answer = try store.updateCondition(String(id), .accepted, date: try date("2025-02-20"))
    #expect(answer == 1)
    #expect(throws: StoreError.notFound(kind: "condition", name: String(id + 1), candidates: [])) {
      try store.resolveCondition(String(id + 1))
    }
  }

  @Test func sourcesAreFoundBySlugOrURLAndNewURLsAreAdded() throws {
    let store = try makeMineralsStore()
    let epoch = try store.addSource(
      url: "https://www.theepochtimes.com/world/zelenskyy", outlet: "The Epoch Times",
      published: try date("2025-02-15"))
    let slug = try #require(try store.sources().first?.slug)
    #expect(slug == "the-epoch-times-2025-02-15")
    #expect(try store.resolveSource(slug) == epoch)
    #expect(try store.resolveSource("https://www.theepochtimes.com/world/zelenskyy") == epoch)
    #expect(try store.resolveSource(String(epoch)) == epoch)
    // A quote citing a URL not yet known records it as a new source.
    try store.addQuote(
      by: "Zelenskyy", date: try date("2025-02-15"), text: "We’re still talking.",
      negotiation: "minerals",
      sources: ["https://example.org/interview", slug])
    #expect(try store.sources().map(\.slug).sorted() == ["example", "the-epoch-times-2025-02-15"])
    #expect(try count("source", in: store) == 2)
    #expect(try count("citation", in: store) == 2)
    #expect(throws: StoreError.conflict("that URL is source \(epoch) already")) {
      try store.addSource(url: "https://www.theepochtimes.com/world/zelenskyy")
    }
  }
}
