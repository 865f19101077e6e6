#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A calendar day in the proleptic Gregorian calendar, as `YYYY-MM-DD`.
public struct Day: Sendable, Hashable, Comparable, CustomStringConvertible {
  public let year: Int
  public let month: Int
  public let day: Int

  /// A valid day, or nil: `Day(year: 2025, month: 2, day: 30)` is nil.
  public init?(year: Int, month: Int, day: Int) {
    guard (1...9999).contains(year), (1...12).contains(month),
      (1...Self.daysIn(month: month, year: year)).contains(day)
    else { return nil }
    self.year = year
    self.month = month
    self.day = day
  }

  /// A day known to be valid (a constant in the source), unchecked.
  init(checked year: Int, _ month: Int, _ day: Int) {
    self.year = year
    self.month = month
    self.day = day
  }

  /// 1970-01-01.
  public static let epoch = Day(checked: 1970, 1, 1)

  /// Parses exactly `YYYY-MM-DD`.
  public init?(iso text: some StringProtocol) {
    let parsed =
      text.utf8.withContiguousStorageIfAvailable { Self.parse($0) } ?? Self.parse(Array(text.utf8))
    guard let (year, month, day) = parsed else { return nil }
    self.init(year: year, month: month, day: day)
  }

  /// The three numbers of `YYYY-MM-DD` (every stored date is read through here, so it reads the
  /// bytes in place).
  private static func parse(_ bytes: some RandomAccessCollection<UInt8>) -> (Int, Int, Int)? {
    guard bytes.count == 10 else { return nil }
    var fields = (0, 0, 0)
    for (index, byte) in zip(0..., bytes) {
      switch index {
      case 4, 7:
        guard byte == UInt8(ascii: "-") else { return nil }
      default:
        guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
        let digit = Int(byte &- UInt8(ascii: "0"))
        if index < 4 {
          fields.0 = fields.0 &* 10 &+ digit
        } else if index < 7 {
          fields.1 = fields.1 &* 10 &+ digit
        } else {
          fields.2 = fields.2 &* 10 &+ digit
        }
      }
    }
    return fields
  }

  public static func daysIn(month: Int, year: Int) -> Int {
    switch month {
    case 2: return isLeap(year) ? 29 : 28
    case 4, 6, 9, 11: return 30
    default: return 31
    }
  }

  public static func isLeap(_ year: Int) -> Bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
  }

  public var description: String {
    pad(year, 4) + "-" + pad(month, 2) + "-" + pad(day, 2)
  }

  public static func < (lhs: Day, rhs: Day) -> Bool {
    (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
  }

  /// Days since 1970-01-01 (Howard Hinnant's days_from_civil).
  public var ordinal: Int {
    let y = month <= 2 ? year - 1 : year
    let era = (y >= 0 ? y : y - 399) / 400
    let yoe = y - era * 400
    let mp = (month + 9) % 12
    let doy = (153 * mp + 2) / 5 + day - 1
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
    return era * 146_097 + doe - 719_468
  }

  /// The day `ordinal` days after 1970-01-01.
  public init?(ordinal: Int) {
    let z = ordinal + 719_468
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let doe = z - era * 146_097
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
    let mp = (5 * doy + 2) / 153
    let d = doy - (153 * mp + 2) / 5 + 1
    let m = mp < 10 ? mp + 3 : mp - 9
    self.init(year: yoe + era * 400 + (m <= 2 ? 1 : 0), month: m, day: d)
  }

  public func adding(days: Int) -> Day? { Day(ordinal: ordinal + days) }

  /// Whole days from `self` to `other` (negative when `other` is earlier).
  public func days(to other: Day) -> Int { other.ordinal - ordinal }

  /// Today where the analyst is: the machine's clock, in its local time zone. (A command may fix
  /// another day for reproducible reports and tests: see ``StoreConfiguration/today``.)
  public static func today() -> Day {
    var now = time(nil)
    var parts = tm()
    localtime_r(&now, &parts)
    return Day(year: Int(parts.tm_year) + 1900, month: Int(parts.tm_mon) + 1, day: Int(parts.tm_mday))
      ?? .epoch
  }
}

func pad(_ value: Int, _ width: Int) -> String {
  let digits = String(value)
  return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
}

extension Character {
  package var isASCIIDigit: Bool { isASCII && isNumber }
}
