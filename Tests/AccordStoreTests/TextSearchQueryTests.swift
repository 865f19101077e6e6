import AccordSQLite
import Testing

@testable import AccordStore

/// A search on a team's database reads the query as FTS5 does (``TextSearchQuery``), and writes
/// it again as a tsquery. These tests need no server: FTS5 itself is the reference.
@Suite struct TextSearchQueryTests {
  /// The tsquery of `query`, each part folded as the server folds it, near enough for the test:
  /// lower case, split at what is not a letter or a digit.
  func tsquery(_ query: String) throws -> String? {
    let parsed = try TextSearchQuery(fts: try SearchQuery.fts(query), query: query)
    var words: [String: [String]] = [:]
    for text in parsed.texts {
      words[text] = text.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init)
    }
    return try parsed.tsquery(words: words, query: query)
  }

  @Test func eachOfFTS5sFormsBecomesItsTsquery() throws {
    #expect(try tsquery("security guarantees") == "(('security') & ('guarantees'))")
    #expect(try tsquery("\"security guarantees\"") == "('security' <-> 'guarantees')")
    #expect(try tsquery("guarant*") == "('guarant':*)")
    #expect(try tsquery("title:minerals") == "('minerals':A)")
    #expect(try tsquery("{title context}:minerals deal*") == "(('minerals':AC) & ('deal':*))")
    #expect(try tsquery("title:(rare OR earth)") == "(('rare':A) | ('earth':A))")
    #expect(try tsquery("a OR b c") == "(('a') | (('b') & ('c')))")
    #expect(try tsquery("a AND b OR c NOT d") == "((('a') & ('b')) | (('c') & !('d')))")
    #expect(try tsquery("US-Ukraine talks") == "(('us' <-> 'ukraine') & ('talks'))")
    #expect(try tsquery("security + guarantees*") == "('security' <-> 'guarantees':*)")
    // NEAR(a b, N): at most N words between them, either way round (`x <d> y`: y begins d words
    // after x ends).
    #expect(
      try tsquery("NEAR(rare \"earth minerals\", 1)")
        == "((('rare') <1> ('earth' <-> 'minerals')) | (('earth' <-> 'minerals') <1> ('rare')) | "
        + "(('rare') <2> ('earth' <-> 'minerals')) | (('earth' <-> 'minerals') <2> ('rare')))")
    // Punctuation alone finds nothing, and is dropped beside words, as in FTS5.
    #expect(try tsquery("\"—\"") == nil)
    #expect(try tsquery("minerals \"—\"") == "('minerals')")
  }

  /// Found by FuzzSearch: FTS5 read a query only up to a NUL in it, and the team's reader read it
  /// all. A NUL now separates words for both.
  @Test func aNulSeparatesWordsForBothReaders() throws {
    let store = try AccordStore.inMemory()
    let query = "guarant* OR (NEAR(zelensky ml\0\0\0a s )l5,NOT ^nskl)"
    let file = #expect(throws: StoreError.self) { try store.search(query) }
    let team = #expect(throws: StoreError.self) {
      try TextSearchQuery(fts: try SearchQuery.fts(query), query: query)
    }
    #expect(file?.description == team?.description)
    #expect(try SearchQuery.fts("a\0b") == "a b")
  }

  /// Found by FuzzSearch: FTS5's parser has a stack of fixed depth and refuses a query nested too
  /// deep, where the team's reader, by recursive descent, read on. On the server FTS5 judges the
  /// query first: the same refusal, in the same words, on both engines.
  @Test func aQueryNestedTooDeepIsRefusedAlikeOnBothEngines() throws {
    let store = try AccordStore.inMemory()
    let deep = String(repeating: "(", count: 120) + "minerals" + String(repeating: ")", count: 120)
    let file = #expect(throws: StoreError.self) { try store.search(deep) }
    let team = #expect(throws: StoreError.self) {
      try TextSearchQuery.judged(fts: try SearchQuery.fts(deep), query: deep)
    }
    #expect(file?.description.contains("it is nested too deep") == true)
    #expect(file?.description == team?.description)
    // Nested less deep, both read it, to the same tsquery as the word alone.
    let nested = String(repeating: "(", count: 40) + "minerals" + String(repeating: ")", count: 40)
    _ = try store.search(nested)
    let parsed = try TextSearchQuery.judged(fts: try SearchQuery.fts(nested), query: nested)
    #expect(try parsed.tsquery(words: ["minerals": ["mineral"]], query: nested) == "('mineral')")
  }

  @Test func whatATsvectorCannotSayIsRefused() throws {
    #expect(throws: StoreError.self) { try tsquery("^access") }
    #expect(throws: StoreError.self) { try tsquery("NEAR(a b c)") }
    #expect(try tsquery("NEAR(a b)") != nil)
  }

  /// Every query of up to three of FTS5's tokens (words, a phrase, operators, parentheses, field
  /// filters, NEAR, stars, carets, commas), and of up to five of those that make NEAR groups: the
  /// server's reader accepts what FTS5 accepts, and refuses what it refuses with the same line.
  @Test func itAcceptsAndRefusesWhatFTS5Does() throws {
    let store = try AccordStore.inMemory()
    /// The queries of 1 to `length` of `tokens`, separated by spaces.
    func queries(of tokens: [String], upTo length: Int) -> [String] {
      var level = tokens.map { [$0] }
      var all = level
      for _ in 1..<length {
        level = level.flatMap { query in tokens.map { query + [$0] } }
        all += level
      }
      return all.map { $0.joined(separator: " ") }
    }
    let all =
      queries(
        of: [
          "a", "\"b c\"", "AND", "OR", "NOT", "(", ")", "*", "+", "^", "title:", "{body context}:", "NEAR(",
          ",", "2", "{", "}", ":",
        ], upTo: 3)
      + queries(of: ["NEAR(", "a", ",", "x", "2", "\"\"", ")"], upTo: 5)
      // A star first, and after spaces (found by FuzzSearch: only a star first is a special query).
      + ["*", " *", "\0*", "*a", " * a", "a *", "\0", " \0 "]
      // A star first with a combining mark after it: one Swift character, FTS5's special query
      // (found by FuzzSearch).
      + ["*\u{0615}", "*\u{0615}\u{FFFD}", "*\u{0301}a", "a *\u{0301}"]
      // A combining mark where FTS5 quotes a token in its complaint (found by FuzzSearch).
      + [
        "{\u{06ED}}: a", "{\u{0301}x}: a", "\u{0301}(", "a AND \u{0301}", "NEAR(a b, \u{0301})", "\u{0301}:a",
      ]
    for query in all {
      let file: String?
      do {
        _ = try store.search(query)
        file = nil
      } catch {
        file = "\(error)"
      }
      let team: String?
      do {
        _ = try TextSearchQuery(fts: try SearchQuery.fts(query), query: query)
        team = nil
      } catch {
        team = "\(error)"
      }
      #expect(team == file, "\(query)")
    }
    #expect(all.count == 18 + 18 * 18 + 18 * 18 * 18 + 7 + 49 + 343 + 2401 + 16807 + 8 + 4 + 6)
  }
}
