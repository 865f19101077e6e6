/// A search as PostgreSQL runs it on a team's database: the FTS5 query that ``SearchQuery/fts(_:)``
/// makes of what the analyst typed, read by FTS5's own grammar (sqlite/ext/fts5/fts5parse.y), and
/// written again as a `tsquery` over the index of Migrations/postgres/0013_baseline.sql (a title's
/// words weighted A, a body's B, a context's C).
///
/// The same query is accepted or refused on both engines, with the same words, and finds the same
/// facts, with three differences that the index itself makes:
/// - `^word` (a field's first word) cannot be said of a tsvector: it is refused on the server.
/// - `NEAR(a b, N)` is `a` within N words of `b`, either way round, for two phrases; NEAR of three
///   or more is refused on the server.
/// - A tsvector runs a fact's fields together, so a phrase or NEAR may also span the end of a title
///   and the start of its body; and it counts no word past the 16,383rd, where FTS5 counts all.
public struct TextSearchQuery: Sendable, Equatable {
  /// One phrase: its parts as typed (each folded into words on the server, the last word of a
  /// part with a star being a prefix), and whether it must be a field's first words.
  public struct Phrase: Sendable, Equatable {
    public var parts: [(text: String, prefix: Bool)]
    public var initial = false

    public static func == (a: Phrase, b: Phrase) -> Bool {
      a.initial == b.initial && a.parts.map(\.text) == b.parts.map(\.text)
        && a.parts.map(\.prefix) == b.parts.map(\.prefix)
    }
  }

  /// The query's shape, as FTS5 reads it.
  public indirect enum Node: Sendable, Equatable {
    case phrase(Phrase)
    /// Phrases within `distance` words of each other.
    case near([Phrase], distance: Int)
    case and(Node, Node)
    case or(Node, Node)
    /// The left without the right (FTS5's NOT is binary).
    case not(Node, Node)
    /// The node, looking only in `fields`.
    case fields(Set<String>, Node)
  }

  public let root: Node

  /// The query in `fts` (FTS5's syntax), or the usage error FTS5 would have given for it, worded as
  /// ``SearchQuery/explain(_:query:)`` words FTS5's (`query`: what the analyst typed).
  public init(fts: String, query: String) throws(StoreError) {
    // FTS5 reads a query whose first character is a star as a special query (`*reads`), and knows
    // none an analyst would type. (After a space, a star is a token, and out of place.)
    if fts.hasPrefix("*") { throw SearchQuery.invalid(query, "it has no word to look for") }
    var parser = Parser(tokens: Self.tokens(of: fts), query: query)
    root = try parser.whole()
  }

  /// Every part's text, in order, to be folded into words (`accord_search_fold`).
  public var texts: [String] {
    var texts: [String] = []
    func walk(_ node: Node) {
      switch node {
      case .phrase(let phrase): texts += phrase.parts.map(\.text)
      case .near(let phrases, _): texts += phrases.flatMap { $0.parts.map(\.text) }
      case .and(let a, let b), .or(let a, let b), .not(let a, let b):
        walk(a)
        walk(b)
      case .fields(_, let node): walk(node)
      }
    }
    walk(root)
    return texts
  }

  /// The `to_tsquery('accord', …)` text of the query, given each of ``texts`` folded into its
  /// words (`words[text]`); nil when it has no word to look for, which finds nothing (as FTS5 finds
  /// nothing for a phrase of punctuation alone). Throws for what the server's index cannot say.
  public func tsquery(words: [String: [String]], query: String) throws(StoreError) -> String? {
    try Self.render(root, fields: SearchQuery.fields, words: words, query: query)
  }

  // MARK: - Rendering

  private static let weights: [(field: String, letter: String)] = [
    ("title", "A"), ("body", "B"), ("context", "C"),
  ]

  private static func render(_ node: Node, fields: Set<String>, words: [String: [String]], query: String)
    throws(StoreError) -> String?
  {
    switch node {
    case .phrase(let phrase):
      guard !phrase.initial else {
        throw SearchQuery.invalid(
          query, "^ (a field's first word) works in a file's search only, not on a team's database")
      }
      return lexemes(of: phrase, fields: fields, words: words).map { "(\($0))" }
    case .near(let phrases, let distance):
      guard phrases.count <= 2 else {
        throw SearchQuery.invalid(
          query, "NEAR of more than two phrases works in a file's search only, not on a team's database")
      }
      let rendered = phrases.compactMap { lexemes(of: $0, fields: fields, words: words) }
      guard rendered.count == 2 else { return rendered.first.map { "(\($0))" } }
      // NEAR(a b, N): at most N words between them, in either order. `x <d> y`: y begins d words
      // after x ends.
      let (a, b) = (rendered[0], rendered[1])
      let alternatives = (1...(min(distance, 100) + 1)).flatMap { d in
        ["((\(a)) <\(d)> (\(b)))", "((\(b)) <\(d)> (\(a)))"]
      }
      return "(" + alternatives.joined(separator: " | ") + ")"
    case .and(let a, let b):
      let (a, b) = (
        try render(a, fields: fields, words: words, query: query),
        try render(b, fields: fields, words: words, query: query)
      )
      guard let a else { return b }
      guard let b else { return a }
      return "(\(a) & \(b))"
    case .or(let a, let b):
      let (a, b) = (
        try render(a, fields: fields, words: words, query: query),
        try render(b, fields: fields, words: words, query: query)
      )
      guard let a else { return b }
      guard let b else { return a }
      return "(\(a) | \(b))"
    case .not(let a, let b):
      let (a, b) = (
        try render(a, fields: fields, words: words, query: query),
        try render(b, fields: fields, words: words, query: query)
      )
      guard let a else { return nil }
      guard let b else { return a }
      return "(\(a) & !\(b))"
    case .fields(let only, let node):
      return try render(node, fields: fields.intersection(only), words: words, query: query)
    }
  }

  /// A phrase's words as lexemes joined by `<->`, each limited to the fields' weights and the last
  /// word of a starred part a prefix; nil when its parts fold to no word.
  private static func lexemes(of phrase: Phrase, fields: Set<String>, words: [String: [String]]) -> String? {
    // No field at all (`{title}:{body}:x`) finds nothing, as in FTS5: a weight no word has.
    let letters = fields.isEmpty ? "D" : weights.filter { fields.contains($0.field) }.map(\.letter).joined()
    let weight = fields.count == weights.count ? "" : letters
    var lexemes: [String] = []
    for part in phrase.parts {
      let folded = (words[part.text] ?? []).filter { !$0.isEmpty }
      for (index, word) in folded.enumerated() {
        // A folded word is letters and digits only (accord_search_fold): nothing in it needs
        // escaping, and a quote cannot occur.
        let star = part.prefix && index == folded.count - 1 ? "*" : ""
        let label = star + weight
        lexemes.append("'\(word)'" + (label.isEmpty ? "" : ":" + label))
      }
    }
    return lexemes.isEmpty ? nil : lexemes.joined(separator: " <-> ")
  }

  // MARK: - Reading FTS5's syntax

  enum Token: Equatable {
    case string(String, quoted: Bool)
    case and, or, not, lp, rp, lcp, rcp, colon, comma, plus, star, minus, caret
    /// A character FTS5 does not read.
    case unknown(Character)

    /// How FTS5 names the token in "syntax error near …".
    var text: String {
      switch self {
      case .string(let text, let quoted): quoted ? "\"\(text.replacing("\"", with: "\"\""))\"" : text
      case .and: "AND"
      case .or: "OR"
      case .not: "NOT"
      case .lp: "("
      case .rp: ")"
      case .lcp: "{"
      case .rcp: "}"
      case .colon: ":"
      case .comma: ","
      case .plus: "+"
      case .star: "*"
      case .minus: "-"
      case .caret: "^"
      case .unknown(let character): String(character)
      }
    }
  }

  /// FTS5's tokens of `fts` (fts5ExprGetToken).
  static func tokens(of fts: String) -> [Token] {
    var tokens: [Token] = []
    var scalars = Array(fts.unicodeScalars)[...]
    while let scalar = scalars.first {
      if scalar.properties.isWhitespace {
        scalars.removeFirst()
        continue
      }
      let single: [Unicode.Scalar: Token] = [
        "(": .lp, ")": .rp, "{": .lcp, "}": .rcp, ":": .colon, ",": .comma, "+": .plus, "*": .star,
        "-": .minus, "^": .caret,
      ]
      if let token = single[scalar] {
        scalars.removeFirst()
        tokens.append(token)
      } else if scalar == "\"" {
        scalars.removeFirst()
        var text = ""
        while let next = scalars.popFirst() {
          if next == "\"" {
            guard scalars.first == "\"" else { break }
            scalars.removeFirst()
          }
          text.unicodeScalars.append(next)
        }
        tokens.append(.string(text, quoted: true))
      } else if SearchQuery.isBareword(scalar) {
        var word = ""
        while let next = scalars.first, SearchQuery.isBareword(next) {
          word.unicodeScalars.append(scalars.removeFirst())
        }
        let token: Token =
          switch word {
          case "AND": .and
          case "OR": .or
          case "NOT": .not
          default: .string(word, quoted: false)
          }
        tokens.append(token)
      } else {
        tokens.append(.unknown(Character(scalars.removeFirst())))
      }
    }
    return tokens
  }

  /// FTS5's grammar, by recursive descent: OR binds loosest, then AND, then NOT; words side by
  /// side (an implicit AND) bind tightest, and only phrases, NEAR groups and field filters of
  /// them may stand side by side.
  struct Parser {
    var tokens: [Token]
    var index = 0
    let query: String

    init(tokens: [Token], query: String) {
      self.tokens = tokens
      self.query = query
    }

    var next: Token? { index < tokens.count ? tokens[index] : nil }

    /// The error FTS5 gives where it cannot go on.
    func stuck() -> StoreError {
      guard let next else { return SearchQuery.invalid(query, "it ends too soon") }
      return SearchQuery.invalid(query, "it cannot be read at \"\(next.text)\"")
    }

    mutating func whole() throws(StoreError) -> Node {
      guard !tokens.isEmpty else { throw stuck() }
      let node = try expression(0)
      guard next == nil else { throw stuck() }
      return node
    }

    /// An expression whose operators bind at least as tightly as `level` (0 OR, 1 AND, 2 NOT).
    mutating func expression(_ level: Int) throws(StoreError) -> Node {
      var left = try level < 2 ? expression(level + 1) : operand()
      while let token = next {
        let operatorLevel: Int
        switch token {
        case .or: operatorLevel = 0
        case .and: operatorLevel = 1
        case .not: operatorLevel = 2
        default: return left
        }
        guard operatorLevel == level else { return left }
        index += 1
        let right = try level < 2 ? expression(level + 1) : operand()
        left =
          switch token {
          case .or: .or(left, right)
          case .and: .and(left, right)
          default: .not(left, right)
          }
      }
      return left
    }

    /// `( expr )`, `colset : ( expr )`, or a run of phrases, NEAR groups and field filters of them
    /// side by side.
    mutating func operand() throws(StoreError) -> Node {
      if next == .lp {
        index += 1
        let node = try expression(0)
        guard next == .rp else { throw stuck() }
        index += 1
        return node
      }
      // A field filter of a parenthesised expression stands alone, as a parenthesised one does.
      if isParenthesizedFilter { return try nearSet(allowingParenthesis: true) }
      var node = try nearSet(allowingParenthesis: false)
      while let token = next, Self.beginsNearSet(token) {
        node = .and(node, try nearSet(allowingParenthesis: false))
      }
      return node
    }

    /// True when the tokens from here are a field filter of a parenthesised expression, which may
    /// not stand beside others.
    var isParenthesizedFilter: Bool {
      var at = index
      if at < tokens.count, tokens[at] == .minus { at += 1 }
      guard at < tokens.count else { return false }
      if tokens[at] == .lcp {
        while at < tokens.count, tokens[at] != .rcp { at += 1 }
      }
      at += 1
      return at + 1 < tokens.count && tokens[at] == .colon && tokens[at + 1] == .lp
    }

    static func beginsNearSet(_ token: Token) -> Bool {
      switch token {
      case .string, .caret, .lcp, .minus: true
      default: false
      }
    }

    /// A phrase, `^phrase`, `NEAR(phrases[, N])`, or any of them after a field filter
    /// (`title:`, `{title body}:`, `-title:`, `-{…}:`).
    mutating func nearSet(allowingParenthesis: Bool, allowingFilter: Bool = true) throws(StoreError) -> Node {
      if allowingFilter, let fields = try columnFilter() {
        if next == .lp {
          guard allowingParenthesis else { throw stuck() }
          index += 1
          let node = try expression(0)
          guard next == .rp else { throw stuck() }
          index += 1
          return .fields(fields, node)
        }
        return .fields(fields, try nearSet(allowingParenthesis: false, allowingFilter: false))
      }
      if next == .caret {
        index += 1
        var phrase = try self.phrase()
        phrase.initial = true
        return .phrase(phrase)
      }
      if case .string(let word, _)? = next, index + 1 < tokens.count, tokens[index + 1] == .lp {
        // Any word before a parenthesis opens a NEAR group; it must be NEAR once the group closes.
        let nameAt = index
        index += 2
        var phrases: [Phrase] = []
        while case .string? = next { phrases.append(try phrase()) }
        guard !phrases.isEmpty else { throw stuck() }
        var number: String?
        if next == .comma {
          index += 1
          // As FTS5 reads it: the token as written, quotes and all.
          guard let token = next, case .string = token else { throw stuck() }
          number = token.text
          index += 1
        }
        guard next == .rp else { throw stuck() }
        index += 1
        // As FTS5 checks a group once it is whole: its name first, then its distance (digits, as
        // many as there are).
        guard word == "NEAR" else {
          index = nameAt
          throw stuck()
        }
        var distance = 10
        if let number {
          guard number.unicodeScalars.allSatisfy({ ("0"..."9").contains($0) }) else {
            throw SearchQuery.invalid(query, "NEAR's distance must be a whole number, not \"\(number)\"")
          }
          distance = Int(number.suffix(9)) ?? 0
        }
        return .near(phrases, distance: distance)
      }
      return .phrase(try phrase())
    }

    /// `title:`, `{title body}:`, or either with a minus (every field but those); nil when the
    /// tokens here are not a field filter.
    mutating func columnFilter() throws(StoreError) -> Set<String>? {
      let start = index
      var negated = false
      if next == .minus {
        negated = true
        index += 1
      }
      var names: [String] = []
      if next == .lcp {
        index += 1
        while case .string(let name, _)? = next {
          try check(name)
          names.append(name)
          index += 1
        }
        guard !names.isEmpty else { throw stuck() }
        guard next == .rcp else { throw stuck() }
        index += 1
      } else if case .string(let name, _)? = next, index + 1 < tokens.count, tokens[index + 1] == .colon {
        try check(name)
        names.append(name)
        index += 1
      } else {
        guard !negated else { throw stuck() }
        index = start
        return nil
      }
      guard next == .colon else { throw stuck() }
      index += 1
      let named = Set(names.map { $0.lowercased() })
      return negated ? SearchQuery.fields.subtracting(named) : named
    }

    /// Refuses a field filter's name that is not a field's, as FTS5 does as soon as it reads it.
    func check(_ name: String) throws(StoreError) {
      guard SearchQuery.fields.contains(name.lowercased()) else {
        throw SearchQuery.invalid(
          query, "there is no field '\(name)' (the fields are title, body and context)")
      }
    }

    /// `word`, `"a phrase"`, either with a star, joined by `+` into one phrase.
    mutating func phrase() throws(StoreError) -> Phrase {
      var phrase = Phrase(parts: [])
      repeat {
        if !phrase.parts.isEmpty { index += 1 }  // the +
        guard case .string(let text, _)? = next else { throw stuck() }
        index += 1
        let prefix = next == .star
        if prefix { index += 1 }
        phrase.parts.append((text, prefix))
      } while next == .plus
      return phrase
    }
  }
}
