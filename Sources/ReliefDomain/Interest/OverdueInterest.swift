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

  /// How a payment is split between accrued interest and the principal.
  public enum Allocation: String, CaseIterable, Sendable, Codable {
    /// The interest accrued up to the payment's day first, then the principal: the default rule
    /// of the Civil Code, art. 561 (expenses, then interest, then the principal debt).
    case interestFirst = "interest-first"
    /// The principal first, then interest: only when the parties agreed so (art. 561 yields to
    /// an agreement).
    case principalFirst = "principal-first"
  }

  /// The interest and how it was reached.
  public struct Result: Equatable, Sendable {
    /// The interest still owed on the last day: accrued less what payments covered. In 128
    /// bits: years of the statutory rate on the largest amount accepted pass what 64 bits hold,
    /// and the interest is shown exactly, never cut to the largest 64-bit number.
    public var interest: MoneyTotal
    /// All the interest accrued through the last day, paid or not.
    public var accrued: MoneyTotal
    /// The part of the accrued interest that payments covered.
    public var paid: MoneyTotal
    /// The calendar days that accrued interest.
    public var days: Int
    /// The principal still outstanding on the last day.
    public var outstanding: Money
    /// The sum over the days of the principal outstanding, in fen-days.
    public var fenDays: Int128
  }

  /// The daily rate when none was agreed: 0.05% a day.
  public static let statutoryDailyRate = (numerator: Int128(5), denominator: Int128(10_000))

  /// Interest on `amount` for each calendar day after `due` through `until` inclusive, on the
  /// principal outstanding that day, at `annualRate / 365` a day or else 0.05% a day
  /// (Regulations on Ensuring Payments to SMEs, art. 17).
  ///
  /// A payment is applied on its day, after that day's interest accrued: by default to the
  /// interest accrued and unpaid first, then to the principal (Civil Code art. 561), or the
  /// principal first when `allocation` says the parties agreed so. The principal it reduces
  /// accrues less from the day after. Interest is rounded half up to the fen once per payment
  /// (what accrued since the previous one) and once at the end.
  ///
  /// Exact in 128 bits: the fen-days stay below 2^82 (an amount below 2^63 fen over the 401,767
  /// days of the supported years), times a rate below 2^44 leaves room to spare for any parsed
  /// rate.
  public static func compute(
    amount: Money, due: LocalDate, until: LocalDate, payments: [Payment] = [],
    annualRate: Rate? = nil, allocation: Allocation = .interestFirst
  ) -> Result {
    let (numerator, denominator): (Int128, Int128)
    if let annualRate {
      numerator = Int128(annualRate.tenThousandthsOfPercent)
      denominator = 100 * 10_000 * 365
    } else {
      (numerator, denominator) = statutoryDailyRate
    }
    // Interest on `fenDays` at the rate, half up to the fen: fenDays = q × denominator + r, so
    // nothing larger than the interest itself is formed.
    func interest(on fenDays: Int128) -> Int128 {
      let (quotient, remainder) = fenDays.quotientAndRemainder(dividingBy: denominator)
      return quotient * numerator + (remainder * numerator * 2 + denominator) / (denominator * 2)
    }
    var principal = Int128(amount.fen)
    var unpaid: Int128 = 0
    var accrued: Int128 = 0
    var paid: Int128 = 0
    var fenDays: Int128 = 0
    var days = 0
    // The first day not yet accrued.
    var day = due.adding(days: 1)
    // Accrues the interest of the days from `day` through `last` on the principal.
    func accrue(through last: LocalDate) {
      guard day <= last else { return }
      let count = day.days(until: last) + 1
      let segment = principal * Int128(count)
      fenDays += segment
      days += count
      let amount = interest(on: segment)
      accrued += amount
      unpaid += amount
      day = last.adding(days: 1)
    }
    for payment in payments.sorted(by: { $0.date < $1.date }) where payment.date <= until {
      accrue(through: payment.date)
      var left = Int128(payment.amount.fen)
      switch allocation {
      case .interestFirst:
        let toInterest = min(left, unpaid)
        unpaid -= toInterest
        paid += toInterest
        left -= toInterest
        principal -= min(left, principal)
      case .principalFirst:
        let toPrincipal = min(left, principal)
        principal -= toPrincipal
        left -= toPrincipal
        let toInterest = min(left, unpaid)
        unpaid -= toInterest
        paid += toInterest
      }
    }
    accrue(through: until)
    return Result(
      interest: MoneyTotal(fen: unpaid), accrued: MoneyTotal(fen: accrued),
      paid: MoneyTotal(fen: paid), days: days, outstanding: Money(fen: Int64(principal)),
      fenDays: fenDays)
  }
}
