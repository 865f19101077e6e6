/// Checks on the command line as the system passed it, before any parsing: Accord stores text
/// exactly as given, so an argument that is not UTF-8 is refused rather than silently repaired.
enum RawArguments {
  /// Why the first argument that is not UTF-8 text is refused, or nil when all of them are.
  static func invalidUTF8() -> String? {
    for index in 1..<Int(CommandLine.argc) {
      guard let argument = CommandLine.unsafeArgv[index] else { continue }
      if String(validatingCString: argument) == nil {
        return "argument \(index) ('\(escaped(argument))') is not UTF-8 text: "
          + "convert it to UTF-8 first (iconv -t UTF-8)"
      }
    }
    return nil
  }

  /// The argument's first bytes, ASCII as it is and every other byte as \xHH.
  static func escaped(_ argument: UnsafePointer<CChar>) -> String {
    let hex = Array("0123456789ABCDEF")
    var text = ""
    var offset = 0
    while argument[offset] != 0 && offset < 40 {
      let byte = UInt8(bitPattern: argument[offset])
      if byte >= 0x20 && byte < 0x7F {
        text.append(Character(Unicode.Scalar(byte)))
      } else {
        text += "\\x" + String(hex[Int(byte >> 4)]) + String(hex[Int(byte & 0xF)])
      }
      offset += 1
    }
    return argument[offset] == 0 ? text : text + "…"
  }
}

/// The one line that an error is, whatever the user typed into it.
enum ErrorLine {
  /// Longer runs of characters without a space are shortened: a 100 KB name must not make a 100 KB
  /// error message. (Long enough for any real path.)
  static let longestWord = 500

  /// `message` on one line: line breaks and other control characters shown as escapes
  /// (`\n`, `\u{1B}`), so that they can neither split the line nor drive the terminal, and very
  /// long words shortened.
  static func clean(_ message: String) -> String {
    var line = ""
    var word = ""
    func endWord() {
      line += word.count > longestWord ? String(word.prefix(longestWord - 100)) + "…" : word
      word = ""
    }
    for scalar in message.unicodeScalars {
      switch scalar {
      case " ":
        endWord()
        line += " "
      case "\n": word += "\\n"
      case "\r": word += "\\r"
      case "\t": word += "\\t"
      case "\u{0}"..."\u{1F}", "\u{7F}"..."\u{9F}", "\u{2028}", "\u{2029}":
        word += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
      default: word.unicodeScalars.append(scalar)
      }
    }
    endWord()
    return line
  }
}
