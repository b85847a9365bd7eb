import ReliefDomain

/// The size and the time span of a generated data set. Docs/performance.md asks for a province:
/// 1,000,000 cases, 5,000,000 services and 200,000 enterprises; smaller scales keep the same
/// proportions.
public struct Scale: Sendable, Equatable {
  /// Cases, with their events.
  public var cases: Int
  /// Registered enterprises: one for every five cases.
  public var enterprises: Int { max(50, cases / 5) }
  /// Service activities: five for every case.
  public var services: Int { cases * 5 }
  /// Records in each import file timed: a tenth of the cases, at least a thousand.
  public var importRows: Int { max(1000, cases / 10) }

  /// Creates a scale.
  public init(cases: Int) {
    self.cases = cases
  }

  /// The agency's zone.
  public static let zone = AgencyZone.shanghai
  /// The first day cases open: an agency's five years with Relief.
  public static let firstDay = LocalDate(year: 2022, month: 1, day: 1)!
  /// The last day cases open.
  public static let lastDay = LocalDate(year: 2026, month: 10, day: 30)!
  /// "Now" for the data set and for every timed command: Monday 2 November 2026, 09:00.
  public static let now = zone.instant(
    LocalDate(year: 2026, month: 11, day: 2)!, secondsOfDay: 9 * 3600)
  /// The month the monthly summary is timed for: the last complete one.
  public static let reportMonth = YearMonth(year: 2026, month: 10)!
  /// `RELIEF_NOW` for the timed commands.
  public static let nowText = "2026-11-02T09:00:00+08:00"
}
