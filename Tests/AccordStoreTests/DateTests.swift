import Foundation
import Testing

@testable import AccordStore

/// Dates as analysts write them (EDTF), and the calendar arithmetic under them.
@Suite struct DateTests {
  @Test(arguments: [
    ("2025", "2025", "2025-01-01", "2025-12-31", AccordDate.Precision.year),
    ("2025-02", "2025-02", "2025-02-01", "2025-02-28", .month),
    ("2024-02", "2024-02", "2024-02-01", "2024-02-29", .month),
    ("2025-04", "2025-04", "2025-04-01", "2025-04-30", .month),
    ("2025-12", "2025-12", "2025-12-01", "2025-12-31", .month),
    ("2025-02-14", "2025-02-14", "2025-02-14", "2025-02-14", .day),
    ("2024-02-29", "2024-02-29", "2024-02-29", "2024-02-29", .day),
    ("2000-02-29", "2000-02-29", "2000-02-29", "2000-02-29", .day),
    ("  2025-02-14  ", "2025-02-14", "2025-02-14", "2025-02-14", .day),
    ("0001", "0001", "0001-01-01", "0001-12-31", .year),
    ("9999-12", "9999-12", "9999-12-01", "9999-12-31", .month),
  ])
  func parsesPreciseDates(
    input: String, text: String, first: String, last: String, precision: AccordDate.Precision
  ) throws {
    let parsed = try AccordDate.parse(input, today: fixedToday)
    #expect(parsed.text == text)
    #expect(parsed.description == text)
    #expect(parsed.first.description == first)
    #expect(parsed.last.description == last)
    #expect(parsed.precision == precision)
    #expect(parsed.qualifier == nil)
    #expect(parsed.columns == [.text(text), .text(first), .text(last)])
  }

  @Test(arguments: [
    (
      "2025~", AccordDate.Qualifier.approximate, AccordDate.Precision.year, "2025-01-01",
      "2025-12-31"
    ),
    ("2025-02?", .uncertain, .month, "2025-02-01", "2025-02-28"),
    ("2025-02-14~", .approximate, .day, "2025-02-14", "2025-02-14"),
    ("2025-02-14?", .uncertain, .day, "2025-02-14", "2025-02-14"),
    ("2025-02-14%", .approximateAndUncertain, .day, "2025-02-14", "2025-02-14"),
    ("2024-02%", .approximateAndUncertain, .month, "2024-02-01", "2024-02-29"),
  ])
  func keepsQualifiers(
    input: String, qualifier: AccordDate.Qualifier, precision: AccordDate.Precision, first: String,
    last: String
  ) throws {
    let parsed = try AccordDate.parse(input, today: fixedToday)
    #expect(parsed.text == input)
    #expect(parsed.qualifier == qualifier)
    #expect(parsed.precision == precision)
    #expect(parsed.first.description == first)
    #expect(parsed.last.description == last)
  }

  @Test func todayAndYesterdayAreRelativeToTheGivenDay() throws {
    let march1 = try day("2024-03-01")
    #expect(try AccordDate.parse("today", today: march1).text == "2024-03-01")
    #expect(try AccordDate.parse("Today", today: march1).precision == .day)
    #expect(try AccordDate.parse(" YESTERDAY ", today: march1).text == "2024-02-29")
    #expect(try AccordDate.parse("yesterday", today: try day("2025-03-01")).text == "2025-02-28")
    #expect(try AccordDate.parse("yesterday", today: try day("2025-01-01")).text == "2024-12-31")
    let yesterday = try AccordDate.parse("yesterday", today: march1)
    #expect(yesterday.first == yesterday.last)
    #expect(yesterday.qualifier == nil)
    // A store reads them relative to its own today.
    let store = try makeStore(today: try day("2025-02-20"))
    #expect(try store.date("today").text == "2025-02-20")
    #expect(try store.date("yesterday").text == "2025-02-19")
  }

  @Test(arguments: [
    ("2025-02-30", "'2025-02-30' is not a date: 2025-02 has 28 days"),
    ("2024-02-30", "'2024-02-30' is not a date: 2024-02 has 29 days"),
    ("2025-04-31", "'2025-04-31' is not a date: 2025-04 has 30 days"),
    ("2025-02-00", "'2025-02-00' is not a date: 2025-02 has 28 days"),
    ("2025-13", "'2025-13' is not a date: the month must be 01 to 12"),
    ("2025-00-10", "'2025-00-10' is not a date: the month must be 01 to 12"),
  ])
  func refusesImpossibleDates(input: String, message: String) {
    #expect(throws: StoreError.invalid(message)) { try AccordDate.parse(input, today: fixedToday) }
  }

  @Test(arguments: [
    "25-02-01", "", "2025-2-1", "2025-02-1", "02/14/2025", "14 February 2025", "2025-02-14T10:00",
    "2025-02-14~?", "0000", "-2025", "2025-", "2025--14", "2025-02-14-01", "tomorrow", "２０２５",
  ])
  func refusesMalformedDates(input: String) {
    let expected =
      "'\(input)' is not a date: write YYYY, YYYY-MM or YYYY-MM-DD, optionally ending in ~ or ?; FROM/TO for a span; or today, yesterday"
    let error = #expect(throws: StoreError.self) { try AccordDate.parse(input, today: fixedToday) }
    #expect(error == .invalid(expected))
    #expect(error?.isUsageError == true)
  }

  @Test func storedDatesAreRebuiltFromTheirColumns() throws {
    let stored = AccordDate.stored("2025-02~", first: "2025-02-01", last: "2025-02-28")
    #expect(stored == (try date("2025-02~")))
    // A row written by hand that Accord cannot read keeps what it says.
    let odd = AccordDate.stored("mid-February", first: "2025-02-10", last: "2025-02-20")
    #expect(odd.text == "mid-February")
    #expect(odd.first == (try day("2025-02-10")))
    #expect(odd.last == (try day("2025-02-20")))
  }

  @Test func datesEncodeAsEDTFWithTheirDays() throws {
    let original = try date("2025-02-15~")
    let data = try JSONEncoder().encode(original)
    let object = try #require(JSONSerialization.jsonObject(with: data) as? [String: String])
    #expect(object == ["edtf": "2025-02-15~", "first": "2025-02-15", "last": "2025-02-15"])
    #expect(try JSONDecoder().decode(AccordDate.self, from: data) == original)
    let bad = Data(#"{"edtf": "2025-02-30", "first": "", "last": ""}"#.utf8)
    #expect(throws: DecodingError.self) { try JSONDecoder().decode(AccordDate.self, from: bad) }
  }

  @Test func daysAreValidatedAndOrdered() throws {
    #expect(Day(year: 2025, month: 2, day: 30) == nil)
    #expect(Day(year: 2025, month: 2, day: 29) == nil)
    #expect(Day(year: 2024, month: 2, day: 29) != nil)
    #expect(Day(year: 1900, month: 2, day: 29) == nil)
    #expect(Day(year: 2000, month: 2, day: 29) != nil)
    #expect(Day(year: 0, month: 1, day: 1) == nil)
    #expect(Day(year: 10000, month: 1, day: 1) == nil)
    #expect(Day(year: 2025, month: 13, day: 1) == nil)
    #expect(Day(iso: "2025-02-14")?.description == "2025-02-14")
    for bad in ["2025-2-14", "2025-02-30", "20250214", "2025-02-14~", "", "2025-02-1a"] {
      #expect(Day(iso: bad) == nil, "\(bad)")
    }
    #expect(try day("2024-12-31") < (try day("2025-01-01")))
    #expect(try day("2025-01-31") < (try day("2025-02-01")))
    #expect(!(try day("2025-02-01") < (try day("2025-02-01"))))
    #expect(Day(year: 7, month: 3, day: 9)?.description == "0007-03-09")
  }

  @Test func ordinalsCountDaysSince1970() throws {
    let known: [(String, Int)] = [
      ("1970-01-01", 0), ("1969-12-31", -1), ("2000-03-01", 11017), ("2024-02-29", 19782),
      ("2025-02-20", 20139), ("0001-01-01", -719_162), ("9999-12-31", 2_932_896),
    ]
    for (text, ordinal) in known {
      let day = try day(text)
      #expect(day.ordinal == ordinal, "\(text)")
      #expect(Day(ordinal: ordinal) == day, "\(text)")
    }
    #expect(Day(ordinal: 2_932_897) == nil)
    #expect(Day(ordinal: -719_163) == nil)
  }

  @Test func ordinalsRoundTripForEveryDayOfFourCenturies() throws {
    // 1900-01-01 to 2299-12-31, one day at a time: each follows the one before in the calendar.
    var previous = try day("1899-12-31")
    for ordinal in previous.ordinal + 1...(try day("2299-12-31")).ordinal {
      guard let current = Day(ordinal: ordinal) else {
        Issue.record("no day for ordinal \(ordinal)")
        return
      }
      let expectedNext: Day? =
        previous.day < Day.daysIn(month: previous.month, year: previous.year)
        ? Day(year: previous.year, month: previous.month, day: previous.day + 1)
        : previous.month < 12
          ? Day(year: previous.year, month: previous.month + 1, day: 1)
          : Day(year: previous.year + 1, month: 1, day: 1)
      // Checked without #expect in the loop, to keep 146,097 days fast.
      if current != expectedNext || current.ordinal != ordinal {
        Issue.record("after \(previous) came \(current) for ordinal \(ordinal)")
        return
      }
      previous = current
    }
    #expect(previous.description == "2299-12-31")
  }

  @Test func ordinalsRoundTripAcrossTheWholeRange() throws {
    let first = try day("0001-01-01").ordinal
    let last = try day("9999-12-31").ordinal
    for ordinal in stride(from: first, through: last, by: 997) {
      let current = try #require(Day(ordinal: ordinal))
      #expect(current.ordinal == ordinal)
      #expect(Day(iso: current.description) == current)
    }
  }

  @Test func daysBetweenAndAdding() throws {
    #expect(try day("2024-02-28").days(to: try day("2024-03-01")) == 2)
    #expect(try day("2025-02-28").days(to: try day("2025-03-01")) == 1)
    #expect(try day("2025-03-01").days(to: try day("2025-02-28")) == -1)
    #expect(try day("2025-02-14").days(to: try day("2025-02-14")) == 0)
    #expect(try day("2024-01-01").days(to: try day("2025-01-01")) == 366)
    #expect(try day("2025-01-01").days(to: try day("2026-01-01")) == 365)
    #expect(try day("2025-02-14").adding(days: 15) == (try day("2025-03-01")))
    #expect(try day("2025-01-01").adding(days: -1) == (try day("2024-12-31")))
    #expect(try day("9999-12-31").adding(days: 1) == nil)
  }

  @Test func leapYears() {
    #expect(Day.isLeap(2024))
    #expect(!Day.isLeap(2025))
    #expect(!Day.isLeap(1900))
    #expect(Day.isLeap(2000))
    #expect(Day.daysIn(month: 2, year: 2024) == 29)
    #expect(Day.daysIn(month: 2, year: 2025) == 28)
    #expect((1...12).map { Day.daysIn(month: $0, year: 2025) }.reduce(0, +) == 365)
  }
}
