/// Percentages of report figures, computed exactly from integers (never floating point) and
/// written with one decimal, rounded half away from zero.
public enum Percent {
  /// `part / whole × 100`, such as `"87.5"`; nil when `whole` is 0.
  public static func of(_ part: Int64, _ whole: Int64) -> String? {
    guard whole != 0 else { return nil }
    return tenths(Int128(part) * 1000, Int128(whole))
  }

  /// The change from `previous` to `current` in percent, such as `"3.4"` or `"-12.0"`; nil when
  /// `previous` is 0, since growth from nothing has no percentage.
  /// Any integers up to 128 bits, as the headline figures (sums of amounts) are.
  public static func change<Value: BinaryInteger>(from previous: Value, to current: Value)
    -> String?
  {
    guard previous != 0 else { return nil }
    // Figures stay far below 2^100, so the difference times 1000 fits.
    return tenths((Int128(current) - Int128(previous)) * 1000, Int128(previous))
  }

  /// `numerator / denominator` in tenths, rounded half away from zero, as a decimal string.
  static func tenths(_ numerator: Int128, _ denominator: Int128) -> String {
    let negative = (numerator < 0) != (denominator < 0)
    let top = numerator.magnitude
    let bottom = denominator.magnitude
    var quotient = top / bottom
    if (top % bottom) * 2 >= bottom { quotient += 1 }
    let sign = negative && quotient > 0 ? "-" : ""
    return sign + String(quotient / 10) + "." + String(quotient % 10)
  }
}

/// The median of whole numbers, exact: a whole number, or a half when the two middle values of an
/// even count differ by an odd number.
public struct Median: Equatable, Sendable, CustomStringConvertible {
  /// Twice the median, so that a half stays exact.
  public let doubled: Int

  /// The median of the values, or nil when there are none.
  public init?(_ values: [Int]) {
    guard !values.isEmpty else { return nil }
    let sorted = values.sorted()
    let middle = sorted.count / 2
    doubled =
      sorted.count % 2 == 1 ? sorted[middle] * 2 : sorted[middle - 1] + sorted[middle]
  }

  /// True when the median is a whole number.
  public var isWhole: Bool { doubled % 2 == 0 }

  /// The whole part (the median rounded towards zero).
  public var whole: Int { doubled / 2 }

  /// `3` or `3.5`.
  public var description: String { isWhole ? String(whole) : String(whole) + ".5" }
}

/// A month as the agency cuts it: from the first instant of its first local day up to, not
/// including, the first instant of the next month's first day.
public struct ReportPeriod: Equatable, Sendable {
  /// The month.
  public let month: YearMonth
  /// The first instant of the month.
  public let start: Instant
  /// The first instant of the next month.
  public let end: Instant

  /// The month cut in a time zone.
  public init(_ month: YearMonth, zone: AgencyZone) {
    self.month = month
    self.start = zone.startOfDay(month.firstDay)
    self.end = zone.startOfDay(month.adding(months: 1).firstDay)
  }

  /// The first local day.
  public var firstDay: LocalDate { month.firstDay }

  /// The last local day.
  public var lastDay: LocalDate { month.lastDay }
}
