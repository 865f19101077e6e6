/// Reading a query as FTS5 reads it: its tokens (fts5ExprGetToken) and its grammar (fts5parse.y),
/// with the errors FTS5 gives, worded as ``SearchQuery/explain(_:query:)`` words them.
extension TextSearchQuery {

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
