import AccordStore

/// Finds the actors that a dataset's signatory list names, as written ("Second President of
/// Ukraine, L. D. Kuchma\nAmbassador of the Russian Federation to Ukraine, M. Yu. Zurabov"): a
/// state by any name ISO 3166 gives it ("Russian Federation", "French Republic"), or an actor
/// Accord has by an alias (not a person: a person signs for a party). A state named after "to"
/// or "in" is where an envoy serves, not whom the envoy signs for. A short alias ("US", "EU",
/// "OSCE") counts only as written, in capitals, so that "us" in a sentence is no state.
///
/// What is not matched stays as written, in the dataset's signatory record.
struct SignatoryMatcher {
  /// Lower-cased names of up to `longest` words: an actor of Accord's, or a country's ISO code.
  private var names: [String: Target] = [:]
  /// Short names, matched only as written.
  private var exact: [String: Target] = [:]
  private var longest = 1
  /// The first words of every name (lower-cased) and of every short name (as written): most
  /// words of a list begin none, and are passed over without building a candidate.
  private var firstWords: Set<String> = []

  enum Target: Equatable {
    case actor(Int64)
    case country(String)
  }

  init(store: AccordStore) throws {
    var ambiguous: Set<String> = []
    func add(_ name: String, _ target: Target) {
      let words = Self.words(name)
      guard !words.isEmpty else { return }
      if name.count <= 4 {
        exact[words.joined(separator: " ")] = target
        firstWords.insert(words[0])
        return
      }
      let key = words.map { $0.lowercased() }.joined(separator: " ")
      firstWords.insert(words[0].lowercased())
      if let known = names[key], known != target { ambiguous.insert(key) }
      names[key] = target
      longest = max(longest, words.count)
    }
    for country in Countries.all {
      for name in [country.name] + country.otherNames { add(name, .country(country.code)) }
    }
    // A state with a code is the country of that code (found, or made, by it).
    for (actor, code, alias) in try store.actorAliases(excluding: .person) {
      add(alias, code.map(Target.country) ?? .actor(actor))
    }
    for key in ambiguous { names[key] = nil }
  }

  /// The text's words: letters and digits, with the hyphens and apostrophes inside them.
  static func words(_ text: some StringProtocol) -> [String] {
    String(text).split(whereSeparator: { (c: Character) in
      !(c.isLetter || c.isNumber || c == "-" || c == "'" || c == "’")
    }).map(String.init)
  }

  /// What `text` names, in the order named, each once.
  func targets(in text: String) -> [Target] {
    var found: [Target] = []
    // Lists run on line breaks, semicolons and commas; "X and Y" is read within a part.
    for part in text.split(whereSeparator: { $0 == "\n" || $0 == ";" || $0 == "," || $0 == "\r" }) {
      let words = Self.words(part)
      let lower = words.map { $0.lowercased() }
      var index = 0
      while index < words.count {
        var matched: (Target, Int)?
        if firstWords.contains(lower[index]) || firstWords.contains(words[index]) {
          // The candidates of one to `longest` words from here, longest first.
          var asWritten = words[index]
          var lowered = lower[index]
          var candidates = [(lowered, asWritten)]
          for next in (index + 1)..<min(index + longest, words.count) {
            asWritten += " " + words[next]
            lowered += " " + lower[next]
            candidates.append((lowered, asWritten))
          }
          for (length, candidate) in candidates.enumerated().reversed() {
            if let target = names[candidate.0] ?? exact[candidate.1] {
              matched = (target, length + 1)
              break
            }
          }
        }
        guard let (target, length) = matched else {
          index += 1
          continue
        }
        let before = index > 0 ? lower[index - 1] : ""
        if before != "to" && before != "in" && !found.contains(target) { found.append(target) }
        index += length
      }
    }
    return found
  }
}
