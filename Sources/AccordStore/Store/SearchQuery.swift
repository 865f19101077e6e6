/// What an analyst types into `accord search`, made into an SQLite FTS5 query, and FTS5's own
/// complaints about it made into one line an analyst can act on.
///
/// The language is FTS5's: words (all must match), `"a phrase"`, `prefix*`, `AND`, `OR`, `NOT`,
/// parentheses, `NEAR(a b, 5)`, `^first`, and `title:` or `body:` or `context:` before a word to look
/// in one field. A word with punctuation in it (`U.S.`, `Zelenskyy's`, `minerals-for-security`,
/// `10:30`) is searched as the phrase of its parts, where FTS5 alone would call it a syntax error.
public enum SearchQuery {
  /// The fields of the `search` table that a query may name.
  public static let fields: Set<String> = ["title", "body", "context"]

  /// The FTS5 query for `text`; throws a usage error for an empty query or unbalanced quotes or
  /// parentheses. Other mistakes are left for FTS5 to find and ``explain(_:query:)`` to word.
  public static func fts(_ text: String) throws(StoreError) -> String {
    // A NUL would end the query for FTS5, which reads it as a C string: it separates words, as
    // the index's tokenizer reads it.
    var scalars = Array(text.unicodeScalars.map { $0 == "\0" ? " " : $0 })[...]
    guard scalars.contains(where: { !$0.properties.isWhitespace }) else {
      throw .invalid("give something to search for, such as accord search \"security guarantees\"")
    }
    var output = ""
    var depth = 0
    var previousWord: String?
    while let scalar = scalars.first {
      if scalar.properties.isWhitespace {
        scalars.removeFirst()
        output += " "
        continue
      }
      switch scalar {
      case "\"":
        // A phrase, as typed; "" inside it stands for a double quote.
        var phrase = "\""
        scalars.removeFirst()
        var closed = false
        while let next = scalars.popFirst() {
          phrase.unicodeScalars.append(next)
          if next == "\"" {
            if scalars.first == "\"" {
              phrase.unicodeScalars.append(scalars.removeFirst())
            } else {
              closed = true
              break
            }
          }
        }
        guard closed else {
          throw invalid(text, "a double quote is not closed")
        }
        output += phrase
        previousWord = nil
        continue
      case "(":
        depth += 1
      case ")":
        depth -= 1
        guard depth >= 0 else { throw invalid(text, "a ) has no ( before it") }
      case ":":
        // A field filter after a field's name; anywhere else, part of a word.
        if output.hasSuffix("}") || previousWord.map({ fields.contains($0.lowercased()) }) == true {
          output += ":"
          scalars.removeFirst()
          previousWord = nil
          continue
        }
      default: break
      }
      if "()*^+,{}".unicodeScalars.contains(scalar) {
        output.unicodeScalars.append(scalars.removeFirst())
        previousWord = nil
        continue
      }
      // A word: everything up to white space or a character with a meaning of its own.
      var word = ""
      while let next = scalars.first, !next.properties.isWhitespace,
        !"\"()*^+,{}".unicodeScalars.contains(next),
        !(next == ":" && fields.contains(word.lowercased()) && !word.isEmpty)
      {
        word.unicodeScalars.append(scalars.removeFirst())
      }
      if word.unicodeScalars.allSatisfy(isBareword) {
        output += word
        previousWord = word
      } else {
        output += "\"" + word + "\""
        previousWord = nil
      }
    }
    guard depth == 0 else { throw invalid(text, "a ( is not closed") }
    return output
  }

  /// Characters FTS5 reads as part of a bare word.
  static func isBareword(_ scalar: Unicode.Scalar) -> Bool {
    !scalar.isASCII || scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "_"
      || scalar == "\u{1A}"
  }

  /// The usage error for FTS5's complaint `message` about the query the analyst typed, or nil when
  /// the message is not a complaint about the query.
  public static func explain(_ message: String, query: String) -> StoreError? {
    /// What follows `prefix` in the message, by Unicode scalars: what FTS5 quotes may begin with a
    /// combining mark, which would join the prefix's last character (found by FuzzSearch).
    func after(_ prefix: String) -> String? {
      guard message.unicodeScalars.starts(with: prefix.unicodeScalars) else { return nil }
      return String(String.UnicodeScalarView(message.unicodeScalars.dropFirst(prefix.unicodeScalars.count)))
    }
    let reason: String
    if let near = after("fts5: syntax error near ") {
      reason = near == "\"\"" ? "it ends too soon" : "it cannot be read at \(near)"
    } else if let column = after("no such column: ") {
      reason = "there is no field '\(column)' (the fields are title, body and context)"
    } else if after("unterminated string") != nil {
      reason = "a double quote is not closed"
    } else if after("unknown special query") != nil {
      reason = "it has no word to look for"
    } else if let got = after("expected integer, got ") {
      reason = "NEAR's distance must be a whole number, not \(got)"
    } else if after("fts5: parser stack overflow") != nil {
      // FTS5's parser has a stack of fixed depth (about a hundred open parentheses).
      reason = "it is nested too deep"
    } else if let rest = after("fts5:") {
      reason = rest.trimmingSpaces
    } else {
      return nil
    }
    return invalid(query, reason)
  }

  static func invalid(_ query: String, _ reason: String) -> StoreError {
    .invalid(
      "cannot search for '\(query)': \(reason); write words, \"a phrase\", a prefix* and AND, OR, NOT or ( ) between them"
    )
  }
}
