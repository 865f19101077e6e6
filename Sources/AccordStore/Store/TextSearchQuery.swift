import AccordSQLite

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
    // FTS5 reads a query whose first byte is a star as a special query (`*reads`), and knows none
    // an analyst would type. (After a space, a star is a token, and out of place.) By scalars, not
    // by Swift's hasPrefix: a combining mark after the star makes one character of the two.
    if fts.unicodeScalars.first == "*" { throw SearchQuery.invalid(query, "it has no word to look for") }
    var parser = Parser(tokens: Self.tokens(of: fts), query: query)
    root = try parser.whole()
  }

  /// The query in `fts` as a team's server reads it: FTS5 judges it first, in the search page of
  /// `page` (a private SQLite database in memory, where the store cuts the page's snippets; a new
  /// one when nil), so that a refusal is FTS5's own, in the same words as on a file; then this
  /// reader reads what FTS5 accepted. FTS5's parser has a stack of fixed depth and refuses a query
  /// nested too deep ("parser stack overflow", found by FuzzSearch), where a reader by recursive
  /// descent reads on: no reader of ours can say when.
  public static func judged(fts: String, query: String, in page: Connection? = nil) throws(StoreError)
    -> TextSearchQuery
  {
    do {
      let judge: Connection
      if let page { judge = page } else { judge = try Connection(path: ":memory:") }
      try AccordStore.makeSearchPage(in: judge)
      let match = "SELECT rowid FROM temp.search_page WHERE search_page MATCH ?1 LIMIT 1"
      _ = try judge.all(match, [.text(fts)]) { $0.integer(0) }
    } catch {
      if case .sqlite(_, _, let message, _) = error,
        let explained = SearchQuery.explain(message, query: query)
      {
        throw explained
      }
      throw StoreError(error)
    }
    return try TextSearchQuery(fts: fts, query: query)
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
    case .and(let a, let b), .or(let a, let b), .not(let a, let b):
      // A side with no word drops out, as FTS5 drops an empty phrase; with NOT, only the right.
      let left = try render(a, fields: fields, words: words, query: query)
      let right = try render(b, fields: fields, words: words, query: query)
      guard let left else {
        if case .not = node { return nil }
        return right
      }
      guard let right else { return left }
      switch node {
      case .and: return "(\(left) & \(right))"
      case .or: return "(\(left) | \(right))"
      default: return "(\(left) & !\(right))"
      }
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
}
