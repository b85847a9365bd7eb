/// The one-year Loan Prime Rate (贷款市场报价利率, LPR): the floor of an agreed overdue-interest
/// rate (Regulations on Ensuring Payments to SMEs, 2025, art. 17: an agreed rate may not be below
/// the one-year LPR in force when the contract was signed).
public struct LoanPrimeRate: Equatable, Sendable {
  /// The first day the rate applies: the day it was published.
  public var date: LocalDate
  /// The one-year rate.
  public var rate: Rate

  /// Creates a published rate.
  public init(date: LocalDate, rate: Rate) {
    self.date = date
    self.rate = rate
  }

  /// The one-year LPR as published since the reform of 2019-08-20, each change on the day of its
  /// announcement. Source: the People's Bank of China's announcements, published by the National
  /// Interbank Funding Center (全国银行间同业拆借中心受权公布贷款市场报价利率(LPR)公告,
  /// www.chinamoney.com.cn and www.pbc.gov.cn). Only the days the one-year rate changed are listed;
  /// in the months between, the rate published was the one before. Later rates are imported with
  /// `relief lpr import` (Docs/deadlines.md).
  public static let published: [LoanPrimeRate] = [
    ("2019-08-20", 42500),  // 4.25%: the first LPR under the reformed mechanism
    ("2019-09-20", 42000),  // 4.20%
    ("2019-11-20", 41500),  // 4.15%
    ("2020-02-20", 40500),  // 4.05%
    ("2020-04-20", 38500),  // 3.85%
    ("2021-12-20", 38000),  // 3.80%
    ("2022-01-20", 37000),  // 3.70%
    ("2022-08-22", 36500),  // 3.65%
    ("2023-06-20", 35500),  // 3.55%
    ("2023-08-21", 34500),  // 3.45%
    ("2024-07-22", 33500),  // 3.35%
    ("2024-10-21", 31000),  // 3.10%
    ("2025-05-20", 30000),  // 3.00%
  ].map { LoanPrimeRate(date: LocalDate($0.0)!, rate: Rate(tenThousandthsOfPercent: $0.1)) }

  /// The settings key an imported rate is stored under: `lpr.2025-06-20`.
  public static func settingsKey(_ date: LocalDate) -> String { "\(settingsPrefix)\(date)" }

  /// The prefix of the settings keys of imported rates.
  public static let settingsPrefix = "lpr."
}

/// The published rates and the imported ones: which one-year LPR was in force on a day.
public struct LoanPrimeRates: Equatable, Sendable {
  /// Every rate known, by date; an imported rate of a day replaces the shipped one of that day.
  public let rates: [LoanPrimeRate]

  /// The shipped rates plus those imported into the settings (`lpr.YYYY-MM-DD` = `3.00%`);
  /// settings of another form are ignored.
  public init(settings: [String: String] = [:]) {
    var byDate: [LocalDate: Rate] = [:]
    for rate in LoanPrimeRate.published { byDate[rate.date] = rate.rate }
    for (key, value) in settings where key.hasPrefix(LoanPrimeRate.settingsPrefix) {
      if let date = LocalDate(String(key.dropFirst(LoanPrimeRate.settingsPrefix.count))),
        let rate = Rate(parsing: value)
      {
        byDate[date] = rate
      }
    }
    rates = byDate.map { LoanPrimeRate(date: $0.key, rate: $0.value) }.sorted { $0.date < $1.date }
  }

  /// The rate in force on a day: the last published on or before it; nil before 2019-08-20.
  public func rate(on day: LocalDate) -> LoanPrimeRate? {
    rates.last { $0.date <= day }
  }

  /// The day of the latest rate known.
  public var latest: LocalDate? { rates.last?.date }
}

/// An agreed rate checked against the LPR floor.
public struct AgreedRate: Equatable, Sendable {
  /// The rate interest accrues at.
  public var rate: Rate
  /// The LPR the agreed rate was raised to, when it was below it (a warning to show).
  public var raisedFrom: Rate?
  /// The LPR in force on the contract date, when one was looked up.
  public var floor: LoanPrimeRate?

  /// The rate interest accrues at for an agreed rate and a contract date (art. 17): an agreed rate
  /// below the one-year LPR in force on the contract date is raised to it. Without a contract
  /// date, or before the first LPR (2019-08-20), the agreed rate stands.
  public static func applying(
    _ agreed: Rate, contractDate: LocalDate?, rates: LoanPrimeRates
  ) -> AgreedRate {
    guard let contractDate, let floor = rates.rate(on: contractDate) else {
      return AgreedRate(rate: agreed, raisedFrom: nil, floor: nil)
    }
    if agreed.tenThousandthsOfPercent < floor.rate.tenThousandthsOfPercent {
      return AgreedRate(rate: floor.rate, raisedFrom: agreed, floor: floor)
    }
    return AgreedRate(rate: agreed, raisedFrom: nil, floor: floor)
  }
}
