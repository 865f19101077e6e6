import PropertyBased
import Testing

@testable import AccordStore

/// Properties of names, on generated input: every alias is found again whatever its case, in any
/// script; every short id that Accord makes is one the schema accepts.
@Suite struct NamePropertyTests {
  /// Letters of many scripts: Latin with accents, Greek, Cyrillic, Armenian, Georgian, Hebrew,
  /// Arabic, Devanagari, Thai, Chinese, Japanese, Korean.
  ///
  /// Left out: the few letters whose case does not round-trip, because `alias_key` is the
  /// lower-cased name rather than a full case folding: ß (upper-cases to SS), final ς (Σ lower-cases
  /// to σ), dotless ı and dotted İ, ǰ (upper-cases to J and a combining mark) and the like. Typed
  /// in upper case, a name with one of them is not found; see `foldsLikeLowercase`.
  static let letters: [Character] = {
    let ranges: [ClosedRange<UInt32>] = [
      0x41...0x5A, 0x61...0x7A, 0xC0...0x17F, 0x391...0x3C9, 0x400...0x45F, 0x531...0x556, 0x561...0x586,
      0x10D0...0x10F0, 0x5D0...0x5EA, 0x627...0x64A, 0x905...0x939, 0xE01...0xE2E, 0x4E00...0x4E80,
      0x3041...0x3096, 0xAC00...0xAC80,
    ]
    return ranges.flatMap { $0 }.compactMap(Unicode.Scalar.init).map(Character.init).filter {
      $0.isLetter && foldsLikeLowercase($0)
    }
  }()

  /// True when upper-casing and then lower-casing `letter` gives, scalar for scalar, its
  /// lower-case form: what finding it in any case needs.
  static func foldsLikeLowercase(_ letter: Character) -> Bool {
    let lower = String(letter).lowercased()
    return Array(String(letter).uppercased().lowercased().unicodeScalars) == Array(lower.unicodeScalars)
      && Array(lower.uppercased().lowercased().unicodeScalars) == Array(lower.unicodeScalars)
  }

  static let word = Gen<Character?>.element(of: letters).map { $0 ?? "a" }.string(of: 2...8)
  /// A name of one to three words.
  static let name = word.array(of: 1...3).map { $0.joined(separator: " ") }

  /// `text` with each character's case chosen by `pattern`'s bits.
  static func recased(_ text: String, _ pattern: UInt64) -> String {
    var result = ""
    for (index, character) in text.enumerated() {
      result += pattern >> UInt64(index % 64) & 1 == 1 ? character.uppercased() : character.lowercased()
    }
    return result
  }

  @Test func everyAliasIsFoundInAnyCase() async {
    // One minerals record, each case tried in a write that is then taken back: the next case
    // finds the record as the first did.
    let store: AccordStore
    do { store = try makeMineralsStore() } catch {
      Issue.record("\(error)")
      return
    }
    await propertyCheck(
      count: 150, input: Self.name, Self.name.array(of: 0...3), Gen<UInt64>.value(in: 0...UInt64.max)
    ) { name, aliases, pattern in
      do {
        try takenBack(store) {
          let id = try store.addActor(NewActor(name: name, kind: .group, aliases: aliases))
          for alias in [name] + aliases {
            let variants = [
              alias, alias.uppercased(), alias.lowercased(), Self.recased(alias, pattern), "  " + alias + " ",
            ]
            for variant in variants {
              // A name the minerals record has already (a code, a short id, an alias) may win.
              let key = Names.key(variant)
              let taken = try store.connection.integer(
                """
                SELECT count(*) FROM actor_alias x JOIN actor a ON a.id = x.actor_id
                WHERE a.id <> ? AND (x.alias_key = ?2 OR a.slug = ?2 OR a.code = upper(?2))
                """, [.integer(id), .text(key)])
              guard taken == 0 else { continue }
              #expect(
                try store.resolveActor(variant) == id,
                "\(variant.debugDescription) for \(alias.debugDescription)")
            }
          }
        }
      } catch {
        Issue.record("\(name.debugDescription), \(aliases): \(error)")
      }
    }
  }

  /// Any text at all: its slug is lower-case ASCII letters, digits and single inner hyphens.
  @Test func slugsAreLowerCaseLettersDigitsAndHyphens() async {
    let anyText = Gen<Unicode.Scalar>.unicodeScalar(in: "\u{0}"..."\u{D7FF}").map { Character($0) }.string(
      of: 0...60)
    await propertyCheck(count: 1_000, input: anyText) { text in
      let slug = Names.slug(text)
      #expect(
        slug.utf8.allSatisfy { (97...122).contains($0) || (48...57).contains($0) || $0 == 45 }, "\(slug)")
      #expect(!slug.hasPrefix("-") && !slug.hasSuffix("-") && !slug.contains("--"), "\(slug)")
      #expect(slug.count <= 48)
    }
  }

  /// Any name that is not blank gives an actor whose short id the schema's CHECK accepts (the
  /// insert would fail otherwise), twice over (the second made unique), each found by its id.
  @Test func everyActorGetsAShortIdTheSchemaAccepts() async {
    let mixed = Gen<Character?>.element(of: Self.letters + Array("0123456789 -_.'\"%*()[]é\u{301}\u{200B}"))
      .map { $0 ?? "a" }.string(of: 0...20)
    // One store for every name, each case in a write taken back: a name the generator gives again
    // (it did: "걣") would otherwise find its group there already.
    let store: AccordStore
    do { store = try makeStore() } catch {
      Issue.record("\(error)")
      return
    }
    func checkShortIDs(of name: String) throws {
      guard !name.trimmingSpaces.isEmpty else {
        #expect(throws: StoreError.invalid("an actor needs a name")) {
          try store.addActor(NewActor(name: name, kind: .group))
        }
        return
      }
      let first = try store.addActor(NewActor(name: name, kind: .group))
      let second = try store.addActor(NewActor(name: name, kind: .person))
      for id in [first, second] {
        let slug = try #require(
          try store.connection.first("SELECT slug FROM actor WHERE id = ?", [.integer(id)]) { $0.text(0) })
        // The schema's CHECK let it in; and it is what that CHECK asks for.
        #expect(
          slug.utf8.contains { (97...122).contains($0) }
            && slug.utf8.allSatisfy { (97...122).contains($0) || (48...57).contains($0) || $0 == 45 },
          "\(slug)")
        #expect(try store.resolveActor(slug) == id)
      }
    }
    await propertyCheck(count: 200, input: mixed) { name in
      do {
        try takenBack(store) { try checkShortIDs(of: name) }
      } catch {
        Issue.record("\(name.debugDescription): \(error)")
      }
    }
  }
}
