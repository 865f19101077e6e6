import AccordSQLite

/// A date as analysts know it: to the year, the month or the day, perhaps approximate or uncertain.
///
/// Written in the ISO 8601-2 (EDTF) forms `2025`, `2025-02`, `2025-02-14`, each optionally ending in
/// `~` (approximate), `?` (uncertain) or `%` (both); `today` and `yesterday` are read as the day they
/// name. Accord keeps the text as written and the first and last day it covers, on which it sorts and
/// filters. Impossible dates (`2025-02-30`) are errors, never rolled over. An interval of two such
/// dates (`2013-11-20/2013-11-24`, a round of talks) covers from the first day of the one to the last
/// day of the other.
public struct AccordDate: Sendable, Hashable, CustomStringConvertible {
  public enum Precision: String, Sendable { case year, month, day, interval }
  public enum Qualifier: String, Sendable {
    case approximate = "~"
    case uncertain = "?"
    case approximateAndUncertain = "%"
  }

  /// The date in EDTF, as stored: `2025-02-14~`.
  public let text: String
  public let first: Day
  public let last: Day
  public let precision: Precision
  public let qualifier: Qualifier?

  public var description: String { text }

  public init(day: Day, qualifier: Qualifier? = nil) {
    self.init(
      text: day.description + (qualifier?.rawValue ?? ""), first: day, last: day, precision: .day,
      qualifier: qualifier)
  }

  /// A whole year (`2025`, `2025~`); nil for a year Accord does not keep (before 1 or after 9999).
  public static func year(_ year: Int, qualifier: Qualifier? = nil) -> AccordDate? {
    guard let first = Day(year: year, month: 1, day: 1), let last = Day(year: year, month: 12, day: 31)
    else { return nil }
    return AccordDate(
      text: pad(year, 4) + (qualifier?.rawValue ?? ""), first: first, last: last, precision: .year,
      qualifier: qualifier)
  }

  /// A whole month (`2025-03`, `2025-03?`); nil for a month that does not exist.
  public static func month(_ year: Int, _ month: Int, qualifier: Qualifier? = nil) -> AccordDate? {
    guard let first = Day(year: year, month: month, day: 1),
      let last = Day(year: year, month: month, day: Day.daysIn(month: month, year: year))
    else { return nil }
    return AccordDate(
      text: pad(year, 4) + "-" + pad(month, 2) + (qualifier?.rawValue ?? ""), first: first, last: last,
      precision: .month, qualifier: qualifier)
  }

  init(text: String, first: Day, last: Day, precision: Precision, qualifier: Qualifier?) {
    self.text = text
    self.first = first
    self.last = last
    self.precision = precision
    self.qualifier = qualifier
  }

  /// What a date may be, for error messages.
  static let expected =
    "write YYYY, YYYY-MM or YYYY-MM-DD, optionally ending in ~ or ?; FROM/TO for a span; or today, yesterday"

  /// Reads a date as typed; throws a usage error that says what is wrong.
  public static func parse(_ input: String, today: Day = .today()) throws(StoreError) -> AccordDate {
    let trimmed = input.trimmingSpaces
    let expected = Self.expected
    if let slash = trimmed.firstIndex(of: "/") {
      let start = trimmed[..<slash].trimmingSpaces
      let end = trimmed[trimmed.index(after: slash)...].trimmingSpaces
      guard !start.isEmpty, !end.isEmpty, !end.contains("/"), start.first?.isASCIIDigit == true,
        end.first?.isASCIIDigit == true
      else {
        throw .invalid("'\(input)' is not a date: \(expected)")
      }
      let first = try parse(start, today: today)
      let last = try parse(end, today: today)
      guard first.first <= last.last else {
        throw .invalid("'\(input)' is not a date interval: it ends before it starts")
      }
      return AccordDate(
        text: first.text + "/" + last.text, first: first.first, last: last.last, precision: .interval,
        qualifier: nil)
    }
    switch trimmed.lowercased() {
    case "today": return AccordDate(day: today)
    case "yesterday": return AccordDate(day: today.adding(days: -1) ?? today)
    default: break
    }
    var body = Substring(trimmed)
    var qualifier: Qualifier?
    if let last = body.last, let found = Qualifier(rawValue: String(last)) {
      qualifier = found
      body = body.dropLast()
    }
    let parts = body.split(separator: "-", omittingEmptySubsequences: false)
    guard (1...3).contains(parts.count),
      parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCIIDigit) }),
      parts[0].count == 4, parts.dropFirst().allSatisfy({ $0.count == 2 }),
      let year = Int(parts[0]), year >= 1
    else {
      throw .invalid("'\(input)' is not a date: \(expected)")
    }
    let suffix = qualifier?.rawValue ?? ""
    if parts.count == 1 {
      guard let first = Day(year: year, month: 1, day: 1), let last = Day(year: year, month: 12, day: 31)
      else { throw .invalid("'\(input)' is not a date: the year is out of range") }
      return AccordDate(
        text: pad(year, 4) + suffix, first: first, last: last, precision: .year, qualifier: qualifier)
    }
    guard let month = Int(parts[1]), (1...12).contains(month) else {
      throw .invalid("'\(input)' is not a date: the month must be 01 to 12")
    }
    if parts.count == 2 {
      guard let first = Day(year: year, month: month, day: 1),
        let last = Day(year: year, month: month, day: Day.daysIn(month: month, year: year))
      else { throw .invalid("'\(input)' is not a date: the year is out of range") }
      return AccordDate(
        text: pad(year, 4) + "-" + pad(month, 2) + suffix, first: first, last: last,
        precision: .month, qualifier: qualifier)
    }
    guard let dayNumber = Int(parts[2]), let day = Day(year: year, month: month, day: dayNumber) else {
      let days = Day.daysIn(month: month, year: year)
      throw .invalid(
        "'\(input)' is not a date: \(pad(year, 4))-\(pad(month, 2)) has \(days) days")
    }
    return AccordDate(
      text: day.description + suffix, first: day, last: day, precision: .day, qualifier: qualifier)
  }

  /// Rebuilds a stored date from its columns (text, first day, last day), without parsing the text
  /// again: rows are read far more often than they are written.
  public static func stored(_ text: String, first: String, last: String) -> AccordDate {
    let firstDay = Day(iso: first) ?? .epoch
    let lastDay = Day(iso: last) ?? firstDay
    if text.utf8.contains(UInt8(ascii: "/")) {
      return AccordDate(text: text, first: firstDay, last: lastDay, precision: .interval, qualifier: nil)
    }
    let qualifier = text.utf8.last.flatMap { Qualifier(rawValue: String(UnicodeScalar($0))) }
    let length = text.utf8.count - (qualifier == nil ? 0 : 1)
    let precision: Precision = length <= 4 ? .year : (length <= 7 ? .month : .day)
    return AccordDate(text: text, first: firstDay, last: lastDay, precision: precision, qualifier: qualifier)
  }

  /// The three columns a dated row stores: the text as typed, its first and its last day.
  public var columns: [SQLValue] {
    [.text(text), .text(first.description), .text(last.description)]
  }

  /// The three columns of an optional date: all NULL without one.
  public static func optionalColumns(_ date: AccordDate?) -> [SQLValue] {
    date?.columns ?? [.null, .null, .null]
  }
}

extension AccordDate: Codable {
  enum CodingKeys: String, CodingKey { case edtf, first, last }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(text, forKey: .edtf)
    try container.encode(first.description, forKey: .first)
    try container.encode(last.description, forKey: .last)
  }

  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    let text = try container.decode(String.self, forKey: .edtf)
    do {
      self = try Self.parse(text)
    } catch {
      throw DecodingError.dataCorruptedError(
        forKey: .edtf, in: container, debugDescription: error.description)
    }
  }
}

extension StringProtocol {
  /// The text without leading and trailing white space (no Foundation needed).
  var trimmingSpaces: String {
    let scalars = unicodeScalars
    guard let start = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
      let end = scalars.lastIndex(where: { !$0.properties.isWhitespace })
    else { return "" }
    return String(String.UnicodeScalarView(scalars[start...end]))
  }
}

extension Row {
  /// A date as Accord stores it, in three columns: `name` as typed, `name_first` and `name_last`
  /// (YYYY-MM-DD), read once, without parsing the text again.
  public func date(_ name: String) throws(DatabaseError) -> AccordDate {
    let span = try span(name)
    return AccordDate.stored(span.text, first: span.first, last: span.last)
  }

  /// A date that may be absent (its three columns NULL).
  public func optionalDate(_ name: String) throws(DatabaseError) -> AccordDate? {
    guard let span = try optionalSpan(name) else { return nil }
    return AccordDate.stored(span.text, first: span.first, last: span.last)
  }
}
