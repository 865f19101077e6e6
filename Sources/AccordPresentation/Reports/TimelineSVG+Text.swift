import AccordStore

/// Text in a timeline: wrapped and cut by its estimated width (see ``TimelineSVG``).
extension TimelineSVG {
  // MARK: Text

  /// Words on lines no wider than `width`, at most `lines` of them; what does not fit ends the
  /// last line with "…" after a whole word.
  static func wrap(_ text: String, width: Double, size: Double, bold: Bool = false, lines: Int = 3)
    -> [String]
  {
    let words = text.split(separator: " ").map(String.init)
    var out: [String] = []
    for word in words {
      if let last = out.last, textWidth(last + " " + word, size: size, bold: bold) <= width {
        out[out.count - 1] = last + " " + word
      } else {
        out.append(word)
      }
    }
    guard out.count > lines else { return out.isEmpty ? [text] : out }
    var last = out[lines - 1].split(separator: " ").map(String.init)
    out.removeLast(out.count - lines)
    while last.count > 1 && textWidth(last.joined(separator: " ") + " …", size: size, bold: bold) > width {
      last.removeLast()
    }
    out[lines - 1] = last.joined(separator: " ") + " …"
    return out
  }

  /// `text` cut after a whole word, with "…", if it is longer than `length` characters.
  static func cut(_ text: String, _ length: Int) -> String {
    guard text.count > length else { return text }
    let head = text.prefix(length - 1)
    guard let space = head.lastIndex(of: " "), head.distance(from: head.startIndex, to: space) > length / 2
    else { return String(head) + "…" }
    return String(head[..<space]).trimmingSuffix(",;:") + "…"
  }

  /// How wide `text` is at `size` px, by the widths of DejaVu Sans (used where no other sans
  /// serif is installed, and wider than Helvetica, Arial, Segoe UI or Roboto): an estimate on the
  /// generous side, so that labels laid out apart stay apart.
  static func textWidth(_ text: String, size: Double, bold: Bool = false) -> Double {
    var em = 0.0
    if text.utf8.allSatisfy({ $0 < 0x80 }) {
      // ASCII, byte by byte from a table: most labels, and the hot path of a long report.
      for byte in text.utf8 { em += asciiWidths[Int(byte)] }
    } else {
      for character in text { em += characterWidth(character) }
    }
    return em * size * (bold ? 1.12 : 1)
  }

  /// ``characterWidth(_:)`` of each ASCII character, by its code.
  static let asciiWidths: [Double] = (0..<128).map { characterWidth(Character(Unicode.Scalar(UInt8($0)))) }

  static func characterWidth(_ c: Character) -> Double {
    switch c {
    case "i", "j", "l", "I", "J", "'", "|", "!", ".", ",", ":", ";", " ", "’", "‘": 0.32
    case "f", "t", "r", "(", ")", "[", "]", "-", "/", "\"": 0.42
    case "m": 0.98
    case "w", "M": 0.87
    case "W": 1.0
    case "…", "×", "~", "–", "—", "%", "&", "@": 0.9
    case "a"..."z", "0"..."9": 0.64
    case "A"..."Z": 0.76
    default:
      if let scalar = c.unicodeScalars.first, scalar.value >= 0x2E80 { 1.0 } else { 0.75 }
    }
  }

  /// A coordinate with at most one decimal.
  static func f(_ value: Double) -> String {
    let rounded = (value * 10).rounded() / 10
    let whole = rounded.rounded(.towardZero)
    return rounded == whole ? String(Int(whole)) : String(rounded)
  }
}

extension String {
  func trimmingSuffix(_ characters: String) -> String {
    var text = self
    while let last = text.last, characters.contains(last) { text.removeLast() }
    return text
  }
}
