/// The change log's JSON, read and written in Swift: a logged row's members, a bulk insert's
/// ranges of ids, and a list of keys to look for.
extension AccordStore {
  /// The members of a logged row, in order: a JSON object of strings, numbers, `true`, `false` and
  /// `null`, as SQLite's json_object() and PostgreSQL's row_to_json() write one (a number, as it is
  /// written; Accord's tables hold no REAL). Nil for anything else, which the database reads.
  static func members(ofObject json: String) -> [HistoryEntry.Field]? {
    var scalars = Array(json.unicodeScalars)[...]
    func skipSpace() {
      while let next = scalars.first, next == " " || next == "\n" || next == "\t" || next == "\r" {
        scalars.removeFirst()
      }
    }
    func hex4() -> UInt32? {
      var value: UInt32 = 0
      for _ in 0..<4 {
        guard let next = scalars.popFirst(), let digit = UInt32(String(next), radix: 16) else { return nil }
        value = value * 16 + digit
      }
      return value
    }
    func string() -> String? {
      guard scalars.popFirst() == "\"" else { return nil }
      var text = String.UnicodeScalarView()
      while let next = scalars.popFirst() {
        switch next {
        case "\"": return String(text)
        case "\\":
          switch scalars.popFirst() {
          case "\"": text.append("\"")
          case "\\": text.append("\\")
          case "/": text.append("/")
          case "b": text.append("\u{8}")
          case "f": text.append("\u{C}")
          case "n": text.append("\n")
          case "r": text.append("\r")
          case "t": text.append("\t")
          case "u":
            guard var code = hex4() else { return nil }
            if (0xD800..<0xDC00).contains(code) {
              guard scalars.popFirst() == "\\", scalars.popFirst() == "u", let low = hex4(),
                (0xDC00..<0xE000).contains(low)
              else { return nil }
              code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
            }
            guard let scalar = Unicode.Scalar(code) else { return nil }
            text.append(scalar)
          default: return nil
          }
        default: text.append(next)
        }
      }
      return nil
    }
    skipSpace()
    guard scalars.popFirst() == "{" else { return nil }
    var members: [HistoryEntry.Field] = []
    skipSpace()
    if scalars.first == "}" {
      scalars.removeFirst()
    } else {
      while true {
        skipSpace()
        guard let column = string() else { return nil }
        skipSpace()
        guard scalars.popFirst() == ":" else { return nil }
        skipSpace()
        let value: String?
        if scalars.first == "\"" {
          guard let text = string() else { return nil }
          value = text
        } else {
          var literal = ""
          while let next = scalars.first, next != ",", next != "}", next != " ", next != "\n" {
            literal.unicodeScalars.append(scalars.removeFirst())
          }
          guard
            literal == "null" || literal == "true" || literal == "false"
              || (!literal.isEmpty
                && literal.unicodeScalars.allSatisfy { "-+.eE0123456789".unicodeScalars.contains($0) })
          else { return nil }
          value = literal == "null" ? nil : literal
        }
        members.append(HistoryEntry.Field(column: column, value: value))
        skipSpace()
        switch scalars.popFirst() {
        case ",": continue
        case "}": break
        default: return nil
        }
        break
      }
    }
    skipSpace()
    return scalars.isEmpty ? members : nil
  }

  /// `texts` as a JSON array of strings (for ``EngineWords/texts(in:)``).
  static func jsonStrings(_ texts: [String]) -> String {
    var json = "["
    for (index, text) in texts.enumerated() {
      if index > 0 { json += "," }
      json += "\""
      for scalar in text.unicodeScalars {
        switch scalar {
        case "\"": json += "\\\""
        case "\\": json += "\\\\"
        case _ where scalar.value < 0x20:
          let hex = String(scalar.value, radix: 16)
          json += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
        default: json.unicodeScalars.append(scalar)
        }
      }
      json += "\""
    }
    return json + "]"
  }

  /// How many elements the JSON array `json` holds at its top level (a bulk insert's row_key of a
  /// table keyed by several columns: `[[1,"a"],[1,"b"]]`), read here as the log writes it; nil for
  /// anything else, which the database's own JSON then counts.
  static func elementCount(ofArray json: String) -> Int? {
    var depth = 0
    var commas = 0
    var empty = true
    var inString = false
    var escaped = false
    var closed = false
    for byte in json.utf8 {
      if inString {
        if escaped {
          escaped = false
        } else if byte == UInt8(ascii: "\\") {
          escaped = true
        } else if byte == UInt8(ascii: "\"") {
          inString = false
        }
        continue
      }
      if byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r")
        || byte == UInt8(ascii: "\t")
      {
        continue
      }
      if closed || (depth == 0 && byte != UInt8(ascii: "[")) { return nil }
      if depth == 1 && byte != UInt8(ascii: ",") && byte != UInt8(ascii: "]") { empty = false }
      switch byte {
      case UInt8(ascii: "\""): inString = true
      case UInt8(ascii: "["), UInt8(ascii: "{"): depth += 1
      case UInt8(ascii: "]"), UInt8(ascii: "}"):
        depth -= 1
        if depth == 0 { closed = true }
      case UInt8(ascii: ","): if depth == 1 { commas += 1 }
      default: break
      }
    }
    guard closed, !inString else { return nil }
    return empty ? 0 : commas + 1
  }

  /// The ranges of ids in a bulk insert's row_key (`[[1,1000],[1005,1010]]`, as Accord writes it,
  /// or a key `[[3]]`); nil when it is not such a list.
  static func idRanges(_ json: String) -> [(first: Int64, last: Int64)]? {
    var ranges: [(first: Int64, last: Int64)] = []
    let inner = json.filter { !$0.isWhitespace }.dropFirst().dropLast()
    guard json.hasPrefix("["), json.hasSuffix("]") else { return nil }
    for range in inner.split(separator: "],", omittingEmptySubsequences: true) {
      let numbers = range.filter { $0 != "[" && $0 != "]" }.split(separator: ",").map { Int64($0) }
      guard let first = numbers.first ?? nil, let last = numbers.last ?? nil, numbers.count <= 2 else {
        return nil
      }
      ranges.append((first, last))
    }
    return ranges
  }
}
