/// The working-day calendar: Monday to Friday, less official holidays, plus the weekend days
/// officially made working days (调休).
public struct WorkingCalendar: Sendable, Equatable {
  /// One year's official arrangement.
  public struct Year: Sendable, Equatable, Codable {
    /// The year.
    public var year: Int
    /// Official days off (holidays, including weekend days inside a holiday).
    public var daysOff: Set<LocalDate>
    /// Weekend days made working days.
    public var workdays: Set<LocalDate>

    /// Creates a year; every date must fall in `year`.
    public init(year: Int, daysOff: Set<LocalDate>, workdays: Set<LocalDate>) {
      self.year = year
      self.daysOff = daysOff
      self.workdays = workdays
    }
  }

  /// A counted date, with whether any day counted lay outside every known year.
  public struct Count: Equatable, Sendable {
    /// The resulting date.
    public var date: LocalDate
    /// True when a day outside the known years was counted by weekdays alone.
    public var usedFallback: Bool
  }

  /// The known years.
  public private(set) var years: [Int: Year]

  /// Creates a calendar from years.
  public init(years: [Year]) {
    self.years = Dictionary(years.map { ($0.year, $0) }, uniquingKeysWith: { _, last in last })
  }

  /// The calendar with `year` added or replaced.
  public func adding(_ year: Year) -> WorkingCalendar {
    var copy = self
    copy.years[year.year] = year
    return copy
  }

  /// True when the year's official arrangement is known.
  public func knows(year: Int) -> Bool { years[year] != nil }

  /// True for a working day; days of unknown years count by weekday alone.
  public func isWorkingDay(_ date: LocalDate) -> Bool {
    if let year = years[date.year] {
      if year.workdays.contains(date) { return true }
      if year.daysOff.contains(date) { return false }
    }
    return !date.isWeekend
  }

  /// The N-th working day after `start` (the start day is not counted).
  public func adding(workingDays count: Int, after start: LocalDate) -> Count {
    var date = start
    var counted = 0
    var fallback = false
    while counted < count {
      date = date.adding(days: 1)
      if !knows(year: date.year) { fallback = true }
      if isWorkingDay(date) { counted += 1 }
    }
    return Count(date: date, usedFallback: fallback)
  }

  /// The end of a period of `count` calendar days after `start`, moved to the next working day
  /// when it falls on a day off (Civil Code art. 203).
  public func deadline(days count: Int, after start: LocalDate) -> Count {
    var date = start.adding(days: count)
    var fallback = !knows(year: date.year)
    while !isWorkingDay(date) {
      date = date.adding(days: 1)
      if !knows(year: date.year) { fallback = true }
    }
    return Count(date: date, usedFallback: fallback)
  }

  /// The number of working days after `start` up to and including `end`.
  public func workingDays(after start: LocalDate, through end: LocalDate) -> Int {
    guard end > start else { return 0 }
    var count = 0
    var date = start.adding(days: 1)
    while date <= end {
      if isWorkingDay(date) { count += 1 }
      date = date.adding(days: 1)
    }
    return count
  }

  /// Running counts of working days over a span, so that counting between many pairs of days
  /// inside it costs a subtraction each instead of a walk (the monthly summary counts one pair
  /// for every case closed in the month).
  public struct WorkingDayCounts: Sendable {
    let first: LocalDate
    /// `running[i]`: the working days from `first` through `first + i`.
    let running: [Int32]
    let calendar: WorkingCalendar

    /// `WorkingCalendar.workingDays(after:through:)`, looked up when both days lie in the span.
    public func workingDays(after start: LocalDate, through end: LocalDate) -> Int {
      guard end > start else { return 0 }
      let from = first.days(until: start)
      let to = first.days(until: end)
      guard from >= 0, to < running.count else {
        return calendar.workingDays(after: start, through: end)
      }
      return Int(running[to] - running[from])
    }
  }

  /// Running counts of working days from `first` through `last`.
  public func workingDayCounts(from first: LocalDate, through last: LocalDate)
    -> WorkingDayCounts
  {
    var running: [Int32] = []
    running.reserveCapacity(max(0, first.days(until: last) + 1))
    var count: Int32 = 0
    var date = first
    while date <= last {
      if isWorkingDay(date) { count += 1 }
      running.append(count)
      date = date.adding(days: 1)
    }
    return WorkingDayCounts(first: first, running: running, calendar: self)
  }

  /// The `ordinal`-th working day counting back from `end` (1 is `end` itself when it is a working
  /// day). From that day on, at most `ordinal - 1` working days remain before `end` is over.
  public func workingDay(countingBack ordinal: Int, from end: LocalDate) -> LocalDate {
    var date = end
    var counted = isWorkingDay(date) ? 1 : 0
    while counted < ordinal {
      date = date.adding(days: -1)
      if isWorkingDay(date) { counted += 1 }
    }
    return date
  }
}

extension WorkingCalendar {
  /// The official calendars Relief ships: 2025 and 2026, from the State Council's notices.
  public static let official = WorkingCalendar(years: [year2025, year2026])

  static let year2025 = Year(
    year: 2025,
    daysOff: dates(
      2025, [(1, 1, 1), (1, 28, 8), (4, 4, 3), (5, 1, 5), (5, 31, 1), (6, 1, 2), (10, 1, 8)]),
    workdays: dates(2025, [(1, 26, 1), (2, 8, 1), (4, 27, 1), (9, 28, 1), (10, 11, 1)]))

  static let year2026 = Year(
    year: 2026,
    daysOff: dates(
      2026,
      [(1, 1, 3), (2, 15, 9), (4, 4, 3), (5, 1, 5), (6, 19, 3), (9, 25, 3), (10, 1, 7)]),
    workdays: dates(
      2026, [(1, 4, 1), (2, 14, 1), (2, 28, 1), (5, 9, 1), (9, 20, 1), (10, 10, 1)]))

  /// Runs of consecutive days: (month, first day, length).
  private static func dates(_ year: Int, _ runs: [(Int, Int, Int)]) -> Set<LocalDate> {
    var result = Set<LocalDate>()
    for (month, day, length) in runs {
      let first = LocalDate(year: year, month: month, day: day)!
      for offset in 0..<length { result.insert(first.adding(days: offset)) }
    }
    return result
  }
}

extension WorkingCalendar.Year {
  /// One day of an imported year's arrangement.
  public struct Day: Equatable, Sendable {
    /// The date.
    public var date: LocalDate
    /// True for an official day off, false for a weekend day made a working day.
    public var isDayOff: Bool

    /// Creates a day.
    public init(date: LocalDate, isDayOff: Bool) {
      self.date = date
      self.isDayOff = isDayOff
    }
  }

  /// Builds a year from the State Council's list of days, refusing a day outside the year, a day
  /// given twice, and a "working day" that is a weekday anyway.
  public static func from(year: Int, days: [Day]) throws(DomainError) -> WorkingCalendar.Year {
    guard LocalDate.supportedYears.contains(year) else {
      throw .invalidValue(field: "year", value: String(year), expected: "a year from 1900 to 2999")
    }
    var seen = Set<LocalDate>()
    var result = WorkingCalendar.Year(year: year, daysOff: [], workdays: [])
    for day in days {
      guard day.date.year == year else { throw .calendarDayOutsideYear(day.date, year: year) }
      guard seen.insert(day.date).inserted else { throw .calendarDayRepeated(day.date) }
      if day.isDayOff {
        result.daysOff.insert(day.date)
      } else {
        guard day.date.isWeekend else { throw .calendarWorkdayNotWeekend(day.date) }
        result.workdays.insert(day.date)
      }
    }
    return result
  }

  /// The year as a list of days, in date order.
  public var days: [Day] {
    (daysOff.map { Day(date: $0, isDayOff: true) } + workdays.map { Day(date: $0, isDayOff: false) })
      .sorted { $0.date < $1.date }
  }
}
