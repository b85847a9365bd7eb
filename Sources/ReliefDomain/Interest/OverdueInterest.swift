/// An annual interest rate in percent, exact to four decimals (`3.45%`).
public struct Rate: Hashable, Sendable, Codable, CustomStringConvertible {
  /// The rate in ten-thousandths of a percent: `3.45%` is 34500.
  public let tenThousandthsOfPercent: Int64

  /// Creates a rate from ten-thousandths of a percent.
  public init(tenThousandthsOfPercent: Int64) {
    self.tenThousandthsOfPercent = tenThousandthsOfPercent
  }

  /// Parses `3.45%` or `3.45` (percent per year), above 0 and at most 100, four decimals at most.
  public init?(parsing text: String) {
    var body = Substring(text.trimmingCharacters(in: .whitespaces))
    if body.last == "%" { body = body.dropLast() }
    let parts = body.split(separator: ".", omittingEmptySubsequences: false)
    guard (1...2).contains(parts.count), let whole = parts.first, (1...3).contains(whole.count),
      whole.allSatisfy(\.isASCIIDigit)
    else { return nil }
    let fraction = parts.count == 2 ? parts[1] : ""
    guard fraction.count <= 4, parts.count == 1 || !fraction.isEmpty,
      fraction.allSatisfy(\.isASCIIDigit)
    else { return nil }
    let padded = fraction + String(repeating: "0", count: 4 - fraction.count)
    let value = Int64(whole)! * 10_000 + Int64(padded)!
    guard value > 0, value <= 1_000_000 else { return nil }
    self.tenThousandthsOfPercent = value
  }

  /// `3.45%`.
  public var description: String {
    let whole = tenThousandthsOfPercent / 10_000
    var fraction = String(tenThousandthsOfPercent % 10_000)
    fraction = String(repeating: "0", count: 4 - fraction.count) + fraction
    while fraction.hasSuffix("0") { fraction.removeLast() }
    return fraction.isEmpty ? "\(whole)%" : "\(whole).\(fraction)%"
  }

  public init(from decoder: any Decoder) throws {
    tenThousandthsOfPercent = try decoder.singleValueContainer().decode(Int64.self)
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(tenThousandthsOfPercent)
  }
}

/// Overdue interest under the payment regulation (Docs/deadlines.md).
public enum OverdueInterest {
  /// A payment that reduces the outstanding amount from the day after it is made.
  public struct Payment: Equatable, Sendable {
    /// The day paid.
    public var date: LocalDate
    /// The amount paid.
    public var amount: Money

    /// Creates a payment.
    public init(date: LocalDate, amount: Money) {
      self.date = date
      self.amount = amount
    }
  }

  /// The interest and how it was reached.
  public struct Result: Equatable, Sendable {
    /// The interest, rounded half up to the fen once, at the end. In 128 bits: years of the
    /// statutory rate on the largest amount accepted pass what 64 bits hold, and the interest is
    /// shown exactly, never cut to the largest 64-bit number.
    public var interest: MoneyTotal
    /// The calendar days that accrued interest.
    public var days: Int
    /// The amount still outstanding on the last day.
    public var outstanding: Money
    /// The sum over the days of the outstanding amount, in fen-days.
    public var fenDays: Int128
  }

  /// The daily rate when none was agreed: 0.05% a day.
  public static let statutoryDailyRate = (numerator: Int128(5), denominator: Int128(10_000))

  /// Interest on `amount` for each calendar day after `due` through `until` inclusive, on the
  /// amount outstanding that day, at `annualRate / 365` a day or else 0.05% a day. Exact in
  /// 128 bits: the fen-days stay below 2^82 (an amount below 2^63 fen over the 401,767 days of
  /// the supported years), times a rate below 2^44 (ten-thousandths of a percent of an
  /// `Int64` rate is at most 2^63; a parsed rate is at most 100%) leaves room to spare for any
  /// parsed rate. The product is checked all the same: beyond 2^127 the result saturates no
  /// figure, it stops the program, which no input the command line accepts can reach.
  public static func compute(
    amount: Money, due: LocalDate, until: LocalDate, payments: [Payment] = [],
    annualRate: Rate? = nil
  ) -> Result {
    let sortedPayments = payments.sorted { $0.date < $1.date }
    var outstanding = Int128(amount.fen)
    var paymentIndex = 0
    var fenDays: Int128 = 0
    var day = due.adding(days: 1)
    var days = 0
    while day <= until {
      // A payment made on day p counts from p + 1: apply every payment dated before `day`.
      while paymentIndex < sortedPayments.count, sortedPayments[paymentIndex].date < day {
        outstanding = max(0, outstanding - Int128(sortedPayments[paymentIndex].amount.fen))
        paymentIndex += 1
      }
      // Run to the day before the next payment takes effect, or to `until`.
      var segmentEnd = until
      if paymentIndex < sortedPayments.count {
        segmentEnd = min(until, sortedPayments[paymentIndex].date)
      }
      let segmentDays = day.days(until: segmentEnd) + 1
      fenDays += outstanding * Int128(segmentDays)
      days += segmentDays
      day = segmentEnd.adding(days: 1)
    }
    while paymentIndex < sortedPayments.count, sortedPayments[paymentIndex].date <= until {
      outstanding = max(0, outstanding - Int128(sortedPayments[paymentIndex].amount.fen))
      paymentIndex += 1
    }
    let (numerator, denominator): (Int128, Int128)
    if let annualRate {
      numerator = Int128(annualRate.tenThousandthsOfPercent)
      denominator = 100 * 10_000 * 365
    } else {
      (numerator, denominator) = statutoryDailyRate
    }
    // fenDays = q × denominator + r: the interest is q × numerator plus r × numerator over the
    // denominator rounded half up, so that nothing larger than the interest itself is formed.
    let (quotient, remainder) = fenDays.quotientAndRemainder(dividingBy: denominator)
    let interest =
      quotient * numerator + (remainder * numerator * 2 + denominator) / (denominator * 2)
    return Result(
      interest: MoneyTotal(fen: interest), days: days,
      outstanding: Money(fen: Int64(outstanding)),
      fenDays: fenDays)
  }
}
