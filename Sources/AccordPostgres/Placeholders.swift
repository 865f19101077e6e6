import AccordSQLite

/// SQLite's placeholders in PostgreSQL's terms: the store writes `?` and `?NNN`, libpq takes `$n`.
///
/// Numbered as SQLite numbers them (https://sqlite.org/lang_expr.html#parameters): `?NNN` is
/// parameter NNN, and a bare `?` is one more than the largest number given so far (`?2, ?, ?1` are
/// 2, 3, 1); the statement takes as many arguments as its largest number. A `?` inside a string
/// ('…', E'…' with its backslash escapes, $tag$…$tag$), a quoted identifier ("…") or a comment
/// (`--` to the end of the line, `/* … */`, nested as PostgreSQL nests them) is left as it is.
/// SQLite's named placeholders (`:name`, `@name`, `$name`) are not translated.
public struct Placeholders: Sendable, Equatable {
  /// The statement with `$n` for each placeholder.
  public let sql: String
  /// How many arguments the statement takes.
  public let count: Int
  /// The parameters that the statement only ever tests for NULL (`?2 IS NULL`) or never names,
  /// from which PostgreSQL can infer no type: they are sent as text.
  public let onlyTestedForNull: Set<Int>

  /// The statement with each placeholder in `$n` form; given `values`, with each placeholder
  /// replaced by its value as a literal instead, for a trace that `psql` can run as it is.
  public init(sqlite sql: String, filling values: [SQLValue]? = nil) {
    let bytes = Array(sql.utf8)
    var output: [UInt8] = []
    output.reserveCapacity(bytes.count + 8)
    var largest = 0
    var index = 0
    let end = bytes.count
    var testedForNull: [Int: Bool] = [:]

    /// True when the bytes from `index` on read ` IS NULL` or ` IS NOT NULL` (any case).
    func isNullTest(at start: Int) -> Bool {
      var at = start
      while at < end && (bytes[at] == 0x20 || bytes[at] == 0x0A || bytes[at] == 0x09) { at += 1 }
      let rest = String(decoding: bytes[at..<min(end, at + 12)], as: UTF8.self).uppercased()
      return rest.hasPrefix("IS NULL") || rest.hasPrefix("IS NOT NULL")
    }

    func isIdentifier(_ byte: UInt8) -> Bool {
      (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x41 && byte <= 0x5A) || byte == 0x5F || byte >= 0x80
    }
    func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
    /// Copies bytes up to and including the first `quote` that is not doubled; `backslash`: a
    /// backslash escapes the byte after it (E'…').
    func copyQuoted(_ quote: UInt8, backslash: Bool) {
      while index < end {
        let byte = bytes[index]
        output.append(byte)
        index += 1
        if backslash && byte == 0x5C, index < end {
          output.append(bytes[index])
          index += 1
        } else if byte == quote {
          if index < end && bytes[index] == quote {
            output.append(quote)
            index += 1
          } else {
            return
          }
        }
      }
    }

    while index < end {
      let byte = bytes[index]
      switch byte {
      case 0x27:  // '
        let escaped =
          index > 0 && (bytes[index - 1] == 0x45 || bytes[index - 1] == 0x65)
          && !(index > 1 && (isIdentifier(bytes[index - 2]) || isDigit(bytes[index - 2])))
        output.append(byte)
        index += 1
        copyQuoted(0x27, backslash: escaped)
      case 0x22:  // "
        output.append(byte)
        index += 1
        copyQuoted(0x22, backslash: false)
      case 0x2D where index + 1 < end && bytes[index + 1] == 0x2D:  // --
        while index < end && bytes[index] != 0x0A {
          output.append(bytes[index])
          index += 1
        }
      case 0x2F where index + 1 < end && bytes[index + 1] == 0x2A:  // /*
        var depth = 0
        while index < end {
          if bytes[index] == 0x2F && index + 1 < end && bytes[index + 1] == 0x2A {
            depth += 1
            output.append(contentsOf: [0x2F, 0x2A])
            index += 2
          } else if bytes[index] == 0x2A && index + 1 < end && bytes[index + 1] == 0x2F {
            depth -= 1
            output.append(contentsOf: [0x2A, 0x2F])
            index += 2
            if depth == 0 { break }
          } else {
            output.append(bytes[index])
            index += 1
          }
        }
      case 0x24 where !(index > 0 && (isIdentifier(bytes[index - 1]) || isDigit(bytes[index - 1]))):  // $
        // A dollar quote: $tag$ … $tag$, the tag empty or an identifier (not a $n parameter).
        var tagEnd = index + 1
        if tagEnd < end && isIdentifier(bytes[tagEnd]) {
          while tagEnd < end && (isIdentifier(bytes[tagEnd]) || isDigit(bytes[tagEnd])) { tagEnd += 1 }
        }
        guard tagEnd < end && bytes[tagEnd] == 0x24 else {
          output.append(byte)
          index += 1
          continue
        }
        let tag = bytes[index...tagEnd]
        output.append(contentsOf: tag)
        index = tagEnd + 1
        while index < end {
          if bytes[index] == 0x24 && bytes[index...].starts(with: tag) {
            output.append(contentsOf: tag)
            index += tag.count
            break
          }
          output.append(bytes[index])
          index += 1
        }
      case 0x3F:  // ?
        index += 1
        var number = 0
        var digits = 0
        while index < end && isDigit(bytes[index]) && digits < 6 {
          number = number * 10 + Int(bytes[index] - 0x30)
          digits += 1
          index += 1
        }
        if digits == 0 { number = largest + 1 }
        largest = max(largest, number)
        testedForNull[number] = (testedForNull[number] ?? true) && isNullTest(at: index)
        if let values {
          output.append(contentsOf: Self.literal(number <= values.count ? values[number - 1] : .null).utf8)
        } else {
          output.append(0x24)
          output.append(contentsOf: String(number).utf8)
        }
      default:
        output.append(byte)
        index += 1
      }
    }
    self.sql = String(decoding: output, as: UTF8.self)
    self.count = largest
    // A parameter the statement never names (`?3` given, `?1` not) has no type to infer either.
    onlyTestedForNull = Set(testedForNull.filter(\.value).keys)
      .union(largest < 1 ? [] : (1...largest).filter { testedForNull[$0] == nil })
  }

  /// `value` as an SQL literal (standard_conforming_strings: a quote doubled, a backslash as is).
  static func literal(_ value: SQLValue) -> String {
    switch value {
    case .null: "NULL"
    case .integer(let integer): String(integer)
    case .real(let real): real.isFinite ? PostgresConnection.text(real) : "'\(PostgresConnection.text(real))'"
    case .text(let text): "'" + text.replacing("'", with: "''") + "'"
    }
  }
}
