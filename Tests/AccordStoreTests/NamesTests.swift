import Testing

@testable import AccordStore

/// How names are matched (keys), made into short ids (slugs) and suggested (closest).
@Suite struct NamesTests {
  @Test func keysFoldCaseInAnyScript() {
    #expect(Names.key("ЗЕЛЕНСЬКИЙ") == Names.key("Зеленський"))
    #expect(Names.key("ЗЕЛЕНСЬКИЙ") == "зеленський")
    #expect(Names.key("Володимир Зеленський") == "володимир зеленський")
    #expect(Names.key("ZELENSKYY") == "zelenskyy")
    #expect(Names.key("ΝΑΤΟ") == Names.key("νατο"))
    #expect(Names.key("München") == "münchen")
  }

  @Test func keysFoldWhiteSpace() {
    #expect(Names.key("  United   States  ") == "united states")
    #expect(Names.key("United\tStates\n") == "united states")
    #expect(Names.key("United\u{A0}States") == "united states")
    #expect(Names.key("   ") == "")
    #expect(Names.key("") == "")
  }

  @Test(arguments: [
    ("US–Ukraine minerals deal", "us-ukraine-minerals-deal"),
    ("München", "munchen"),
    ("Île-de-France", "ile-de-france"),
    ("Łódź Accord", "lodz-accord"),
    ("Straße", "strasse"),
    ("Šibenik  —  talks!", "sibenik-talks"),
    ("  Minsk II  ", "minsk-ii"),
    ("Resolution 2231 (2015)", "resolution-2231-2015"),
    ("U.S.", "u-s"),
    ("Зеленський", "zelenskyi"),
    ("Talks with Україна", "talks-with-ukraina"),
    ("Αθήνα", "athina"),
    ("北京", ""),
    ("", ""),
  ])
  func slugs(name: String, slug: String) {
    #expect(Names.slug(name) == slug)
  }

  @Test func slugsFoldDecomposedAccentsToo() {
    // "München" and "Île" typed with combining marks (NFD), as some systems paste them.
    #expect(Names.slug("Mu\u{0308}nchen") == "munchen")
    #expect(Names.slug("I\u{0302}le-de-France") == "ile-de-france")
    #expect(Names.slug("Zelens\u{030C}kyj") == "zelenskyj")
  }

  @Test func slugsAreShortAndEndInALetterOrDigit() {
    let long = Names.slug(String(repeating: "negotiation ", count: 10))
    #expect(long.count <= 48)
    #expect(long.hasPrefix("negotiation-negotiation"))
    #expect(!long.hasSuffix("-"))
    #expect(Names.slug("abc def", maximumLength: 5) == "abc-d")
    #expect(Names.slug("abcdef ghi", maximumLength: 6) == "abcdef")
  }

  @Test func editDistance() {
    #expect(Names.distance("zelensky", "zelenskyy") == 1)
    #expect(Names.distance("kitten", "sitting") == 3)
    #expect(Names.distance("", "abc") == 3)
    #expect(Names.distance("abc", "") == 3)
    #expect(Names.distance("Київ", "Киів") == 1)
  }

  @Test func closestSuggestsNearNamesOnly() {
    let names = [
      "Zelenskyy", "Zelensky", "Volodymyr Zelenskyy", "Ukraine", "United States", "zelenskyy",
    ]
    // A name that differs only in case is suggested once.
    #expect(Names.closest(to: "Zelenski", among: names) == ["Zelensky", "Zelenskyy"])
    #expect(Names.closest(to: "Ukrane", among: names) == ["Ukraine"])
    #expect(Names.closest(to: "Hegseth", among: names) == [])
    // A name contained in a longer one counts as close.
    #expect(Names.closest(to: "States", among: names) == ["United States"])
    // At most `limit`, closest first, no name twice.
    #expect(
      Names.closest(to: "Zelensk", among: names + names, limit: 2) == [
        "Volodymyr Zelenskyy", "Zelensky",
      ])
    #expect(Names.closest(to: "зеленскии", among: ["Зеленський", "Путін"]) == ["Зеленський"])
  }
}
