/// Text as a terminal shows it: how many columns it takes, and how to cut it to fit a number of
/// columns, never splitting a character (a grapheme cluster) nor a highlight.
///
/// A character takes 2 columns when East Asian Wide or Fullwidth (CJK ideographs, Hangul, kana,
/// fullwidth forms) or an emoji shown as one; 0 when it is a combining mark, a format character
/// (zero-width joiner, variation selector) or a Hangul vowel or final consonant; 1 otherwise. A
/// cluster takes the widest of its scalars (an emoji joined with U+200D is one emoji, two
/// columns), and 2 when a variation selector 16 asks for an emoji.
public enum TerminalText {
  /// The columns `text` takes. ASCII text, the common case, is counted by its bytes.
  public static func width(_ text: some StringProtocol) -> Int {
    let bytes = text.utf8
    guard bytes.contains(where: { $0 >= 0x80 }) else { return bytes.count }
    var total = 0
    for character in text { total += width(character) }
    return total
  }

  /// The columns one character (a grapheme cluster) takes: 0, 1 or 2.
  public static func width(_ character: Character) -> Int {
    var widest = 0
    var previous: Unicode.Scalar?
    for scalar in character.unicodeScalars {
      // Variation selector 16 after an emoji that has a text presentation: shown as an emoji.
      if scalar.value == 0xFE0F, let previous, previous.properties.isEmoji { widest = 2 }
      widest = max(widest, width(scalar))
      previous = scalar
    }
    return min(widest, 2)
  }

  /// The columns one scalar takes on its own.
  public static func width(_ scalar: Unicode.Scalar) -> Int {
    let value = scalar.value
    if value < 0x300 { return 1 }
    if value >= 0x1100 && isWide(value) { return 2 }
    switch scalar.properties.generalCategory {
    case .nonspacingMark, .enclosingMark, .format: return 0
    default:
      // Hangul Jungseong and Jongseong: they join the consonant before them.
      return (0x1160...0x11FF).contains(value) || (0xD7B0...0xD7FF).contains(value) ? 0 : 1
    }
  }

  /// `text` cut at its end to at most `limit` columns, `…` marking the cut.
  public static func cut(_ text: String, to limit: Int) -> String {
    guard width(text) > limit else { return text }
    guard limit > 0 else { return "" }
    // ASCII, the common case: a byte a column.
    if !text.utf8.contains(where: { $0 >= 0x80 }) {
      return trimmingTrailingSpaces(String(decoding: text.utf8.prefix(limit - 1), as: UTF8.self)) + "…"
    }
    return head(text[...], room: limit - 1) + "…"
  }

  /// `text` cut to at most `limit` columns so that its first highlight (the words between two
  /// `mark`s, as in a search snippet's `**match**`) stays whole and visible: cut before it, after
  /// it or both, `…` marking each cut, and never leaving a `mark` without its pair. A highlight
  /// wider than `limit` is itself cut inside its marks. Text without a highlight is cut at its end.
  public static func cut(_ text: String, to limit: Int, keeping mark: String) -> String {
    guard width(text) > limit else { return text }
    guard !mark.isEmpty, let open = text.firstRange(of: mark),
      let close = text[open.upperBound...].firstRange(of: mark)
    else { return cut(text, to: limit) }
    let before = text[..<open.lowerBound]
    let inner = text[open.upperBound..<close.lowerBound]
    let after = text[close.upperBound...]
    let highlight = text[open.lowerBound..<close.upperBound]
    let room = limit - width(highlight)
    let beforeWidth = width(before)
    let afterWidth = width(after)
    let needed = (before.isEmpty ? 0 : 1) + (after.isEmpty ? 0 : 1)
    if room >= needed {
      // Both sides share the room; what one side does not need goes to the other.
      var afterRoom = min(afterWidth, max(room - beforeWidth, room / 2))
      if !before.isEmpty && room - afterRoom < 1 { afterRoom = room - 1 }
      if !after.isEmpty && afterRoom < 1 { afterRoom = 1 }
      let beforeRoom = room - afterRoom
      let shownBefore = beforeWidth <= beforeRoom ? String(before) : "…" + tail(before, room: beforeRoom - 1)
      let shownAfter =
        afterWidth <= afterRoom ? String(after) : head(after, room: afterRoom - 1, mark: mark) + "…"
      return shownBefore + highlight + shownAfter
    }
    // The highlight alone is too wide: cut inside its marks.
    let lead = before.isEmpty ? "" : "…"
    let innerRoom = limit - lead.count - 2 * width(mark)
    guard innerRoom >= 2 else {
      return cut(text.replacing(mark, with: ""), to: limit)
    }
    return lead + mark + cut(String(inner), to: innerRoom) + mark
  }

  /// The longest start of `text` at most `room` columns wide, without trailing spaces. With a
  /// `mark`, a mark the cut would split is left out whole, and so is a mark left unpaired.
  static func head(_ text: Substring, room: Int, mark: String = "") -> String {
    var end = text.startIndex
    var used = 0
    for index in text.indices {
      let columns = width(text[index])
      if used + columns > room { break }
      used += columns
      end = text.index(after: index)
    }
    var kept = text[..<end]
    if !mark.isEmpty {
      var marks: [Range<Substring.Index>] = []
      var rest = text[...]
      while let found = rest.firstRange(of: mark) {
        marks.append(found)
        rest = text[found.upperBound...]
      }
      // A mark the cut runs through goes whole.
      if let split = marks.first(where: { $0.lowerBound < end && $0.upperBound > end }) {
        kept = text[..<split.lowerBound]
      }
      let whole = marks.filter { $0.upperBound <= kept.endIndex }
      if whole.count % 2 == 1, let unpaired = whole.last {
        return trimmingTrailingSpaces(
          String(text[..<unpaired.lowerBound]) + String(text[unpaired.upperBound..<kept.endIndex]))
      }
    }
    return trimmingTrailingSpaces(String(kept))
  }

  /// The longest end of `text` at most `room` columns wide, without leading spaces.
  static func tail(_ text: Substring, room: Int) -> String {
    var start = text.endIndex
    var used = 0
    while start > text.startIndex {
      let previous = text.index(before: start)
      let columns = width(text[previous])
      if used + columns > room { break }
      used += columns
      start = previous
    }
    return String(text[start...].drop { $0 == " " })
  }

  static func trimmingTrailingSpaces(_ text: String) -> String {
    var text = text
    while text.last == " " { text.removeLast() }
    return text
  }

  /// Whether `value` is East Asian Wide or Fullwidth (emoji shown as emoji among them).
  static func isWide(_ value: UInt32) -> Bool {
    var low = 0
    var high = wide.count - 1
    while low <= high {
      let middle = (low + high) / 2
      let range = wide[middle]
      if value < range.lowerBound {
        high = middle - 1
      } else if value > range.upperBound {
        low = middle + 1
      } else {
        return true
      }
    }
    return false
  }

  /// The East Asian Wide (W) and Fullwidth (F) scalars that are not combining marks, adjacent
  /// ranges merged: EastAsianWidth-17.0.0.txt, as the wcwidth project tabulates it
  /// (table_wide.py). The regional indicators (flags) are among them.
  static let wide: [ClosedRange<UInt32>] = [
    0x1100...0x115F, 0x231A...0x231B, 0x2329...0x232A, 0x23E9...0x23EC, 0x23F0...0x23F0,
    0x23F3...0x23F3, 0x25FD...0x25FE, 0x2614...0x2615, 0x2630...0x2637, 0x2648...0x2653,
    0x267F...0x267F, 0x268A...0x268F, 0x2693...0x2693, 0x26A1...0x26A1, 0x26AA...0x26AB,
    0x26BD...0x26BE, 0x26C4...0x26C5, 0x26CE...0x26CE, 0x26D4...0x26D4, 0x26EA...0x26EA,
    0x26F2...0x26F3, 0x26F5...0x26F5, 0x26FA...0x26FA, 0x26FD...0x26FD, 0x2705...0x2705,
    0x270A...0x270B, 0x2728...0x2728, 0x274C...0x274C, 0x274E...0x274E, 0x2753...0x2755,
    0x2757...0x2757, 0x2795...0x2797, 0x27B0...0x27B0, 0x27BF...0x27BF, 0x2B1B...0x2B1C,
    0x2B50...0x2B50, 0x2B55...0x2B55, 0x2E80...0x2E99, 0x2E9B...0x2EF3, 0x2F00...0x2FD5,
    0x2FF0...0x3029, 0x3030...0x303E, 0x3041...0x3096, 0x309B...0x30FF, 0x3105...0x312F,
    0x3131...0x3163, 0x3165...0x318E, 0x3190...0x31E5, 0x31EF...0x321E, 0x3220...0x3247,
    0x3250...0xA48C, 0xA490...0xA4C6, 0xA960...0xA97C, 0xAC00...0xD7A3, 0xF900...0xFAFF,
    0xFE10...0xFE19, 0xFE30...0xFE52, 0xFE54...0xFE66, 0xFE68...0xFE6B, 0xFF01...0xFF60,
    0xFFE0...0xFFE6, 0x16FE0...0x16FE3, 0x16FF2...0x16FF6, 0x17000...0x18CD5, 0x18CFF...0x18D1E,
    0x18D80...0x18DF2, 0x1AFF0...0x1AFF3, 0x1AFF5...0x1AFFB, 0x1AFFD...0x1AFFE, 0x1B000...0x1B122,
    0x1B132...0x1B132, 0x1B150...0x1B152, 0x1B155...0x1B155, 0x1B164...0x1B167, 0x1B170...0x1B2FB,
    0x1D300...0x1D356, 0x1D360...0x1D376, 0x1F004...0x1F004, 0x1F0CF...0x1F0CF, 0x1F18E...0x1F18E,
    0x1F191...0x1F19A, 0x1F1E6...0x1F202, 0x1F210...0x1F23B, 0x1F240...0x1F248, 0x1F250...0x1F251,
    0x1F260...0x1F265, 0x1F300...0x1F320, 0x1F32D...0x1F335, 0x1F337...0x1F37C, 0x1F37E...0x1F393,
    0x1F3A0...0x1F3CA, 0x1F3CF...0x1F3D3, 0x1F3E0...0x1F3F0, 0x1F3F4...0x1F3F4, 0x1F3F8...0x1F43E,
    0x1F440...0x1F440, 0x1F442...0x1F4FC, 0x1F4FF...0x1F53D, 0x1F54B...0x1F54E, 0x1F550...0x1F567,
    0x1F57A...0x1F57A, 0x1F595...0x1F596, 0x1F5A4...0x1F5A4, 0x1F5FB...0x1F64F, 0x1F680...0x1F6C5,
    0x1F6CC...0x1F6CC, 0x1F6D0...0x1F6D2, 0x1F6D5...0x1F6D8, 0x1F6DC...0x1F6DF, 0x1F6EB...0x1F6EC,
    0x1F6F4...0x1F6FC, 0x1F7E0...0x1F7EB, 0x1F7F0...0x1F7F0, 0x1F90C...0x1F93A, 0x1F93C...0x1F945,
    0x1F947...0x1F9FF, 0x1FA70...0x1FA7C, 0x1FA80...0x1FA8A, 0x1FA8E...0x1FAC6, 0x1FAC8...0x1FAC8,
    0x1FACD...0x1FADC, 0x1FADF...0x1FAEA, 0x1FAEF...0x1FAF8, 0x20000...0x2FFFD, 0x30000...0x3FFFD,
  ]
}
