/// How Accord matches names: case-insensitive in any script, white space folded.
public enum Names {
  /// The key under which a name is found: lower case, single spaces, no outer space.
  public static func key(_ name: String) -> String {
    name.lowercased().split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
  }

  /// A short id made from a name: lower-case ASCII letters and digits joined by hyphens.
  public static func slug(_ name: String, maximumLength: Int = 48) -> String {
    var result = ""
    var pendingHyphen = false
    for scalar in name.unicodeScalars {
      // A combining accent (decomposed "u\u{308}") belongs to the letter before it: drop it.
      if scalar.properties.generalCategory == .nonspacingMark { continue }
      // Soft and hard signs are not spelled out: Зеленський → zelenskyi.
      if "ьъЬЪ".unicodeScalars.contains(scalar) { continue }
      let folded = asciiFold(scalar)
      if folded.isEmpty {
        pendingHyphen = !result.isEmpty
        continue
      }
      if pendingHyphen { result += "-" }
      pendingHyphen = false
      result += folded
      if result.count >= maximumLength { break }
    }
    result = String(result.prefix(maximumLength))
    while result.hasSuffix("-") { result.removeLast() }
    return result
  }

  /// An ASCII letter or digit for `scalar`, lower-cased, with common Latin accents removed.
  static func asciiFold(_ scalar: Unicode.Scalar) -> String {
    switch scalar {
    case "a"..."z", "0"..."9": return String(scalar)
    case "A"..."Z": return String(scalar).lowercased()
    default:
      guard !scalar.isASCII else { return "" }
      // Decompose through the lower-cased mapping and keep the base letter (é → e, ü → u).
      let lower = scalar.properties.lowercaseMapping
      if let base = lower.unicodeScalars.first, let replacement = latinBase[base] {
        return replacement
      }
      return ""
    }
  }

  static let latinBase: [Unicode.Scalar: String] = {
    var table: [Unicode.Scalar: String] = [:]
    let groups: [(String, String)] = [
      ("àáâãäåāăą", "a"), ("çćĉċč", "c"), ("ďđ", "d"), ("èéêëēĕėęě", "e"), ("ĝğġģ", "g"),
      ("ĥħ", "h"), ("ìíîïĩīĭįı", "i"), ("ĵ", "j"), ("ķ", "k"), ("ĺļľŀł", "l"), ("ñńņňŉ", "n"),
      ("òóôõöøōŏő", "o"), ("ŕŗř", "r"), ("śŝşšș", "s"), ("ţťŧț", "t"), ("ùúûüũūŭůűų", "u"),
      ("ŵ", "w"), ("ýÿŷ", "y"), ("źżž", "z"), ("æ", "ae"), ("œ", "oe"), ("ß", "ss"), ("þ", "th"),
      // Cyrillic (Ukrainian and Russian), transliterated for short ids: Україна → ukraina.
      ("а", "a"), ("б", "b"), ("в", "v"), ("г", "h"), ("ґ", "g"), ("д", "d"), ("еёэ", "e"), ("є", "ie"),
      ("ж", "zh"), ("з", "z"), ("иы", "y"), ("ії", "i"), ("й", "i"), ("к", "k"), ("л", "l"), ("м", "m"),
      ("н", "n"), ("о", "o"), ("п", "p"), ("р", "r"), ("с", "s"), ("т", "t"), ("у", "u"), ("ф", "f"),
      ("х", "kh"), ("ц", "ts"), ("ч", "ch"), ("ш", "sh"), ("щ", "shch"), ("ю", "iu"), ("я", "ia"),
      // Greek.
      ("αά", "a"), ("β", "v"), ("γ", "g"), ("δ", "d"), ("εέ", "e"), ("ζ", "z"), ("ηή", "i"), ("θ", "th"),
      ("ιίϊΐ", "i"), ("κ", "k"), ("λ", "l"), ("μ", "m"), ("ν", "n"), ("ξ", "x"), ("οό", "o"), ("π", "p"),
      ("ρ", "r"), ("σς", "s"), ("τ", "t"), ("υύϋΰ", "y"), ("φ", "f"), ("χ", "ch"), ("ψ", "ps"), ("ωώ", "o"),
    ]
    for (letters, base) in groups {
      for scalar in letters.unicodeScalars { table[scalar] = base }
    }
    return table
  }()

  /// Edit distance between two strings, by characters.
  public static func distance(_ a: String, _ b: String) -> Int {
    distance(a, b, atMost: Int.max - 1)
  }

  /// The edit distance between `a` and `b` if it is at most `bound`, else `bound + 1`: lengths
  /// that differ by more than `bound` are not compared at all, and a row whose every cell is past
  /// the bound ends the comparison, so a long typo costs little against short names.
  static func distance(_ a: String, _ b: String, atMost bound: Int) -> Int {
    let a = Array(a)
    let b = Array(b)
    if abs(a.count - b.count) > bound { return bound + 1 }
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var previous = Array(0...b.count)
    var current = previous
    for i in 1...a.count {
      current[0] = i
      var smallest = i
      for j in 1...b.count {
        current[j] = min(
          previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
        smallest = min(smallest, current[j])
      }
      if smallest > bound { return bound + 1 }
      swap(&previous, &current)
    }
    return min(previous[b.count], bound + 1)
  }

  /// The few `names` closest to `wanted`, for a "did you mean" hint.
  public static func closest(to wanted: String, among names: [String], limit: Int = 3) -> [String] {
    let key = Names.key(wanted)
    let threshold = max(2, key.count / 3)
    let scored = names.map { name -> (String, Int) in
      let candidate = Names.key(name)
      let d =
        candidate.hasPrefix(key) || key.hasPrefix(candidate)
          || (key.utf8.count < candidate.utf8.count && candidate.contains(key))
        ? (candidate == key ? 0 : 1) : distance(key, candidate, atMost: threshold)
      return (name, d)
    }
    var seen = Set<String>()
    return
      scored
      .filter { $0.1 <= threshold }
      .sorted { ($0.1, $0.0) < ($1.1, $1.0) }
      .map(\.0)
      .filter { seen.insert(Names.key($0)).inserted }
      .prefix(limit)
      .map { $0 }
  }
}
