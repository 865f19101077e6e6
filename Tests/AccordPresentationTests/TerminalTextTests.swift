import AccordPresentation
import Testing

/// Display width as a terminal shows text, and cuts that keep characters and highlights whole.
@Suite struct TerminalTextTests {
  @Test(arguments: [
    ("a", 1), ("é", 1), ("e\u{301}", 1), ("Ж", 1), ("中", 2), ("한", 2), ("\u{1112}\u{1161}\u{11AB}", 2),
    ("あ", 2), ("カ", 2), ("Ａ", 2), ("😀", 2), ("🇺🇦", 2), ("👩\u{200D}👩\u{200D}👧", 2), ("👍🏽", 2),
    ("❤\u{FE0F}", 2), ("❤", 1), ("1\u{FE0F}\u{20E3}", 2), ("\u{200D}", 0), ("\u{FE0F}", 0),
    ("\u{301}", 0), ("\u{200B}", 0),
  ])
  func aCharacterTakesItsColumns(text: String, columns: Int) {
    #expect(TerminalText.width(text) == columns, "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
  }

  @Test func textAddsItsCharacters() {
    #expect(TerminalText.width("") == 0)
    #expect(TerminalText.width("United States") == 13)
    #expect(TerminalText.width("日本国 Japan") == 12)
    #expect(TerminalText.width("Україна") == 7)
    #expect(TerminalText.width("café 😀!") == 8)
  }

  @Test func aCutFitsAndEndsWithAnEllipsis() {
    #expect(TerminalText.cut("United States", to: 13) == "United States")
    #expect(TerminalText.cut("United States", to: 8) == "United…")
    #expect(TerminalText.cut("日本国民", to: 5) == "日本…")
    #expect(TerminalText.cut("日本国民", to: 6) == "日本…")
    // A cluster is never split: the flag and the joined family go whole or not at all.
    #expect(TerminalText.cut("ab🇺🇦🇺🇦", to: 5) == "ab🇺🇦…")
    #expect(TerminalText.cut("ab🇺🇦🇺🇦", to: 4) == "ab…")
    #expect(TerminalText.cut("👩\u{200D}👩\u{200D}👧 family", to: 4) == "👩\u{200D}👩\u{200D}👧…")
    for limit in 1...12 {
      let cut = TerminalText.cut("中文 mixed 😀 text", to: limit)
      #expect(TerminalText.width(cut) <= limit, "\(limit): \(cut)")
      #expect(cut.hasSuffix("…"))
    }
  }

  @Test func aHighlightStaysWholeAndBalanced() {
    let snippet =
      "…the minerals deal that Ukraine and the United States were **still talking** about in Riyadh…"
    for limit in 8...TerminalText.width(snippet) {
      let cut = TerminalText.cut(snippet, to: limit, keeping: "**")
      #expect(TerminalText.width(cut) <= limit, "\(limit): \(cut)")
      #expect(cut.components(separatedBy: "**").count == 3, "\(limit): \(cut)")
      if limit >= 21 { #expect(cut.contains("**still talking**"), "\(limit): \(cut)") }
    }
    #expect(TerminalText.cut(snippet, to: 31, keeping: "**") == "…were **still talking** about…")
    #expect(
      TerminalText.cut("**still talking** about it all", to: 20, keeping: "**") == "**still talking** a…")
    #expect(
      TerminalText.cut("Said we are **still talking**", to: 22, keeping: "**") == "…are **still talking**")
    // A highlight wider than the room is cut inside its marks.
    #expect(TerminalText.cut("a **security guarantees** b", to: 14, keeping: "**") == "…**security…**")
  }

  @Test func aLaterHighlightCutThroughLosesItsMarks() {
    let snippet = "**one** then a long way on to **two** and more"
    for limit in 8...TerminalText.width(snippet) {
      let cut = TerminalText.cut(snippet, to: limit, keeping: "**")
      #expect(TerminalText.width(cut) <= limit, "\(limit): \(cut)")
      #expect((cut.components(separatedBy: "**").count - 1) % 2 == 0, "\(limit): \(cut)")
      // No half mark either.
      #expect(!cut.replacing("**", with: "").contains("*"), "\(limit): \(cut)")
    }
    #expect(TerminalText.cut(snippet, to: 36, keeping: "**") == "**one** then a long way on to two…")
  }
}
