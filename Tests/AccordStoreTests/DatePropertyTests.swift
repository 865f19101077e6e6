import PropertyBased
import Testing

@testable import AccordStore

/// Properties of the date parser, on generated input: any text is either a date whose first day
/// is not after its last, or refused as invalid (never a trap, never another error); every valid
/// date round-trips; the first and last days of each precision are right.
@Suite struct DatePropertyTests {
  /// The characters dates are made of, and near misses: other digits, separators, letters,
  /// combining marks, white space.
  static let dateCharacters: [Character] =
    Array("0123456789-~?%") + Array("0123456789--") + [
      "/", ".", ":", "T", " ", "\n", "+", "٢", "２", "\u{301}", "a", "é",
    ]

  static let dateLike = Gen<Character?>.element(of: dateCharacters).map { $0 ?? "0" }.string(of: 0...14)

  /// Any Unicode text (surrogate code points cannot be scalars).
  static let anyText = Gen<Unicode.Scalar>.unicodeScalar(in: "\u{0}"..."\u{D7FF}").map { Character($0) }
    .string(of: 0...12)

  /// Year, month and day numbers around and outside their ranges, written with or without
  /// padding, with any qualifier: the parser's edges. Each comes with whether it is a date.
  static let nearMiss = zip(
    Gen.int(in: -1...10_001), Gen.int(in: -1...14), Gen.int(in: -1...33), Gen.int(in: 0...35)
  ).map { fields -> (text: String, isDate: Bool) in
    let (year, month, day, shape) = fields
    let padded = shape % 2 == 0
    var isDate = true
    func written(_ value: Int, width: Int, range: ClosedRange<Int>) -> String {
      let text = padded && value >= 0 ? pad(value, width) : String(value)
      isDate = isDate && text.count == width && range.contains(value)
      return text
    }
    var text = written(year, width: 4, range: 1...9999)
    if shape % 3 >= 1 { text += "-" + written(month, width: 2, range: 1...12) }
    if shape % 3 == 2 {
      let days = (1...12).contains(month) ? Day.daysIn(month: month, year: max(year, 1)) : 31
      text += "-" + written(day, width: 2, range: 1...days)
    }
    let qualifier = ["", "~", "?", "%", "~?", " "][shape % 6]
    return (text + qualifier, isDate && qualifier != "~?")
  }

  /// Parsing `text`: a date with first <= last whose text parses back to itself, or an `.invalid`.
  func parsesSoundly(_ text: String) {
    do {
      let date = try AccordDate.parse(text, today: fixedToday)
      #expect(date.first <= date.last, "\(text) → \(date.first)…\(date.last)")
      #expect(try AccordDate.parse(date.text, today: fixedToday) == date, "\(text) → \(date.text)")
    } catch {
      guard case .invalid = error else {
        Issue.record("\(text.debugDescription) failed with \(error), not as an invalid date")
        return
      }
    }
  }

  @Test func dateLikeTextIsADateOrInvalid() async {
    await propertyCheck(count: 1_000, input: Self.dateLike) { parsesSoundly($0) }
  }

  @Test func anyTextIsADateOrInvalid() async {
    await propertyCheck(count: 500, input: Self.anyText) { parsesSoundly($0) }
  }

  /// Near misses are dates exactly when their fields are in range and written in full.
  @Test func nearMissesAreDatesExactlyWhenValid() async {
    await propertyCheck(count: 1_000, input: Self.nearMiss) { candidate in
      parsesSoundly(candidate.text)
      let parsed = try? AccordDate.parse(candidate.text, today: fixedToday)
      #expect(
        (parsed != nil) == candidate.isDate,
        "\(candidate.text.debugDescription): parsed as \(parsed?.text ?? "nothing")")
    }
  }

  /// A valid date of any precision and qualifier: its text parses to the same text, with the
  /// right first and last day, and reads back the same from its stored columns.
  @Test func validDatesRoundTrip() async {
    await propertyCheck(
      count: 1_000, input: Gen.int(in: 1...9999), Gen.int(in: 1...12), Gen.int(in: 1...31),
      Gen.int(in: 0...11)
    ) { year, month, dayOfMonth, shape in
      let days = Day.daysIn(month: month, year: year)
      guard let day = Day(year: year, month: month, day: min(dayOfMonth, days)),
        let january = Day(year: year, month: 1, day: 1), let december = Day(year: year, month: 12, day: 31),
        let monthStart = Day(year: year, month: month, day: 1),
        let monthEnd = Day(year: year, month: month, day: days)
      else {
        Issue.record("not a day: \(year)-\(month)-\(dayOfMonth)")
        return
      }
      let qualifier = ["", "~", "?", "%"][shape % 4]
      let (text, first, last): (String, Day, Day) =
        switch shape / 4 {
        case 0: (pad(year, 4) + qualifier, january, december)
        case 1: (pad(year, 4) + "-" + pad(month, 2) + qualifier, monthStart, monthEnd)
        default: (day.description + qualifier, day, day)
        }
      do {
        let date = try AccordDate.parse(text, today: fixedToday)
        #expect(date.text == text)
        #expect(date.first == first, "\(text)")
        #expect(date.last == last, "\(text)")
        #expect(date.qualifier?.rawValue ?? "" == qualifier)
        #expect(AccordDate.stored(text, first: first.description, last: last.description) == date)
        #expect(Day(iso: day.description) == day)
        #expect(Day(ordinal: day.ordinal) == day)
      } catch {
        Issue.record("\(text) is a valid date but was refused: \(error)")
      }
    }
  }
}
