/// A calendar day in the agency's time zone, such as 2026-04-28.
///
/// Stored as a day number (days since 1970-01-01) so that comparing and counting days is exact
/// integer arithmetic; the proleptic Gregorian conversions follow Howard Hinnant's algorithms.
public struct LocalDate: Hashable, Comparable, Sendable, CustomStringConvertible {
  /// Days since 1970-01-01.
  public let dayNumber: Int

  /// The years Relief accepts: wide enough for any case file, narrow enough to catch typos.
  public static let supportedYears = 1900...2999

  /// Creates a date from its day number.
  public init(dayNumber: Int) {
    self.dayNumber = dayNumber
  }

  /// Creates a date from its parts, or nil when the date does not exist (2026-02-30).
  public init?(year: Int, month: Int, day: Int) {
    guard Self.supportedYears.contains(year), (1...12).contains(month), day >= 1,
      day <= Self.daysIn(month: month, year: year)
    else { return nil }
    self.dayNumber = Self.dayNumber(year: year, month: month, day: day)
  }

  /// Parses `YYYY-MM-DD`, rejecting days that do not exist.
  public init?(_ text: String) {
    let bytes = Array(text.utf8)
    guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
      let year = Self.number(bytes[0..<4]), let month = Self.number(bytes[5..<7]),
      let day = Self.number(bytes[8..<10])
    else { return nil }
    self.init(year: year, month: month, day: day)
  }

  /// The year, month and day.
  public var parts: (year: Int, month: Int, day: Int) {
    var z = dayNumber + 719_468
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    z -= era * 146_097
    let yearOfEra = (z - z / 1460 + z / 36_524 - z / 146_096) / 365
    let dayOfYear = z - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
    let shiftedMonth = (5 * dayOfYear + 2) / 153
    let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
    let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
    let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
    return (year, month, day)
  }

  /// The year.
  public var year: Int { parts.year }
  /// The month, 1...12.
  public var month: Int { parts.month }
  /// The day of the month.
  public var day: Int { parts.day }

  /// ISO weekday: 1 is Monday, 7 is Sunday.
  public var weekday: Int {
    let remainder = (dayNumber + 3) % 7
    return (remainder < 0 ? remainder + 7 : remainder) + 1
  }

  /// True on Saturdays and Sundays.
  public var isWeekend: Bool { weekday >= 6 }

  /// The date `days` calendar days later (earlier when negative).
  public func adding(days: Int) -> LocalDate {
    LocalDate(dayNumber: dayNumber + days)
  }

  /// The same month and day `years` later; 29 February becomes 28 February in a common year.
  public func adding(years: Int) -> LocalDate {
    let (year, month, day) = parts
    let newYear = year + years
    let clamped = min(day, Self.daysIn(month: month, year: newYear))
    return LocalDate(dayNumber: Self.dayNumber(year: newYear, month: month, day: clamped))
  }

  /// Calendar days from `self` to `other` (positive when `other` is later).
  public func days(until other: LocalDate) -> Int {
    other.dayNumber - dayNumber
  }

  /// The first day of this date's month.
  public var firstOfMonth: LocalDate {
    let (year, month, _) = parts
    return LocalDate(dayNumber: Self.dayNumber(year: year, month: month, day: 1))
  }

  /// `YYYY-MM-DD`.
  public var description: String {
    let (year, month, day) = parts
    return Self.pad(year, 4) + "-" + Self.pad(month, 2) + "-" + Self.pad(day, 2)
  }

  public static func < (lhs: LocalDate, rhs: LocalDate) -> Bool {
    lhs.dayNumber < rhs.dayNumber
  }

  /// The number of days in a month.
  public static func daysIn(month: Int, year: Int) -> Int {
    switch month {
    case 2: return isLeap(year) ? 29 : 28
    case 4, 6, 9, 11: return 30
    default: return 31
    }
  }

  /// True for Gregorian leap years.
  public static func isLeap(_ year: Int) -> Bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
  }

  static func dayNumber(year: Int, month: Int, day: Int) -> Int {
    let y = month <= 2 ? year - 1 : year
    let era = (y >= 0 ? y : y - 399) / 400
    let yearOfEra = y - era * 400
    let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
    let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
    return era * 146_097 + dayOfEra - 719_468
  }

  static func number(_ bytes: ArraySlice<UInt8>) -> Int? {
    var value = 0
    for byte in bytes {
      guard byte >= 48, byte <= 57 else { return nil }
      value = value * 10 + Int(byte - 48)
    }
    return value
  }

  static func pad(_ value: Int, _ width: Int) -> String {
    let digits = String(value)
    return digits.count >= width
      ? digits : String(repeating: "0", count: width - digits.count) + digits
  }
}

extension LocalDate: Codable {
  public init(from decoder: any Decoder) throws {
    let container = try decoder.singleValueContainer()
    let text = try container.decode(String.self)
    guard let date = LocalDate(text) else {
      throw DecodingError.dataCorruptedError(
        in: container, debugDescription: "not a date: \(text)")
    }
    self = date
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(description)
  }
}

/// A calendar month such as 2026-04, the unit of the monthly summary.
public struct YearMonth: Hashable, Comparable, Sendable, CustomStringConvertible {
  /// The year.
  public let year: Int
  /// The month, 1...12.
  public let month: Int

  /// Creates a month, or nil when out of range.
  public init?(year: Int, month: Int) {
    guard LocalDate.supportedYears.contains(year), (1...12).contains(month) else { return nil }
    self.year = year
    self.month = month
  }

  /// Parses `YYYY-MM`.
  public init?(_ text: String) {
    let bytes = Array(text.utf8)
    guard bytes.count == 7, bytes[4] == UInt8(ascii: "-"),
      let year = LocalDate.number(bytes[0..<4]), let month = LocalDate.number(bytes[5..<7])
    else { return nil }
    self.init(year: year, month: month)
  }

  /// The month a date falls in.
  public init(_ date: LocalDate) {
    let parts = date.parts
    self.year = parts.year
    self.month = parts.month
  }

  /// The first day of the month.
  public var firstDay: LocalDate { LocalDate(year: year, month: month, day: 1)! }

  /// The last day of the month.
  public var lastDay: LocalDate {
    LocalDate(year: year, month: month, day: LocalDate.daysIn(month: month, year: year))!
  }

  /// The month `count` months later (earlier when negative).
  public func adding(months count: Int) -> YearMonth {
    let index = year * 12 + (month - 1) + count
    return YearMonth(unchecked: index / 12, month: index % 12 + 1)
  }

  private init(unchecked year: Int, month: Int) {
    self.year = year
    self.month = month
  }

  /// `YYYY-MM`.
  public var description: String {
    LocalDate.pad(year, 4) + "-" + LocalDate.pad(month, 2)
  }

  public static func < (lhs: YearMonth, rhs: YearMonth) -> Bool {
    (lhs.year, lhs.month) < (rhs.year, rhs.month)
  }
}
