import Testing

@testable import ReliefDomain

@Suite("Working-day calendar and Civil Code counting")
struct CalendarTests {
  let calendar = WorkingCalendar.official

  @Test(
    "N working days end on the N-th working day after the start day",
    arguments: [
      // Spring Festival 2026 with its make-up Saturdays 2/14 and 2/28.
      ("2026-02-10", 10, "2026-03-02"), ("2026-02-13", 1, "2026-02-14"),
      ("2026-02-27", 1, "2026-02-28"),
      // National Day 2025 with make-up Sunday 9/28 and Saturday 10/11.
      ("2025-09-26", 10, "2025-10-16"), ("2025-10-10", 1, "2025-10-11"),
      // Across the year end into New Year 2026 and make-up Sunday 1/4.
      ("2025-12-25", 10, "2026-01-09"), ("2026-01-02", 1, "2026-01-04"),
      // Spring Festival 2025 with make-up Sunday 1/26 and Saturday 2/8.
      ("2025-01-24", 10, "2025-02-13"), ("2025-02-07", 1, "2025-02-08"),
      // Qingming, Labour Day and Dragon Boat of both years.
      ("2025-04-03", 3, "2025-04-09"), ("2025-04-30", 1, "2025-05-06"),
      ("2025-05-30", 1, "2025-06-03"),
      ("2026-04-30", 5, "2026-05-11"), ("2026-05-08", 1, "2026-05-09"),
      ("2026-06-18", 1, "2026-06-22"),
      // Mid-Autumn and National Day 2026 with make-up Sunday 9/20 and Saturday 10/10.
      ("2026-09-18", 1, "2026-09-20"), ("2026-09-24", 2, "2026-09-29"),
      ("2026-10-09", 1, "2026-10-10"),
      // An ordinary fortnight.
      ("2026-04-28", 10, "2026-05-14"), ("2026-04-28", 15, "2026-05-21"),
    ])
  func workingDays(start: String, count: Int, end: String) {
    let result = calendar.adding(workingDays: count, after: LocalDate(start)!)
    #expect(result.date.description == end)
    #expect(!result.usedFallback)
  }

  @Test(
    "N days end N calendar days after the start, moved to the next working day (art. 203)",
    arguments: [
      ("2026-09-01", 30, "2026-10-08"),  // ends inside National Day
      ("2026-01-17", 30, "2026-02-24"),  // ends inside Spring Festival
      ("2026-03-06", 30, "2026-04-07"),  // ends on Qingming Sunday, Monday off too
      ("2026-04-10", 30, "2026-05-11"),  // an ordinary Sunday
      ("2026-05-20", 30, "2026-06-22"),  // Dragon Boat Festival
      ("2025-12-02", 30, "2026-01-04"),  // New Year, then a make-up Sunday
      ("2026-01-15", 30, "2026-02-14"),  // a make-up Saturday is a working day
      ("2025-08-29", 30, "2025-09-28"),  // a make-up Sunday is a working day
      ("2025-09-01", 30, "2025-10-09"),  // National Day 2025
      ("2025-01-02", 30, "2025-02-05"),  // Spring Festival 2025
      ("2025-05-01", 30, "2025-06-03"),  // Dragon Boat 2025 over a weekend
      ("2026-04-28", 30, "2026-05-28"),  // an ordinary Thursday
    ])
  func days(start: String, count: Int, end: String) {
    #expect(calendar.deadline(days: count, after: LocalDate(start)!).date.description == end)
  }

  @Test("every listed day of 2025 and 2026 is what the notices say")
  func officialDays() {
    let daysOff2025 = 1 + 8 + 3 + 5 + 3 + 8
    let daysOff2026 = 3 + 9 + 3 + 5 + 3 + 3 + 7
    #expect(calendar.years[2025]?.daysOff.count == daysOff2025)
    #expect(calendar.years[2026]?.daysOff.count == daysOff2026)
    for workday in calendar.years[2025]!.workdays.union(calendar.years[2026]!.workdays) {
      #expect(workday.isWeekend)
      #expect(calendar.isWorkingDay(workday))
    }
    #expect(!calendar.isWorkingDay(LocalDate("2026-02-16")!))
    #expect(!calendar.isWorkingDay(LocalDate("2026-04-04")!))
    #expect(calendar.isWorkingDay(LocalDate("2026-04-07")!))
  }

  @Test("beyond the known years, weekdays count alone and say so")
  func fallback() {
    let result = calendar.adding(workingDays: 10, after: LocalDate("2026-12-24")!)
    #expect(result.date.description == "2027-01-07")
    #expect(result.usedFallback)
    #expect(calendar.deadline(days: 3, after: LocalDate("2027-01-01")!).usedFallback)
  }

  @Test("an imported year replaces the weekday fallback")
  func importedYear() throws {
    let year = try WorkingCalendar.Year.from(
      year: 2027,
      days: [
        .init(date: LocalDate("2027-01-01")!, isDayOff: true),
        .init(date: LocalDate("2027-01-04")!, isDayOff: true),
        .init(date: LocalDate("2027-01-09")!, isDayOff: false),
      ])
    let extended = calendar.adding(year)
    let result = extended.adding(workingDays: 10, after: LocalDate("2026-12-24")!)
    // Dec 25, 28, 29, 30, 31, Jan 5, 6, 7, 8, 9 (a make-up Saturday).
    #expect(result.date.description == "2027-01-09")
    #expect(!result.usedFallback)
  }

  @Test("an imported year refuses days of other years, repeats, and weekday 'working days'")
  func importValidation() {
    #expect(throws: DomainError.calendarDayOutsideYear(LocalDate("2028-01-01")!, year: 2027)) {
      try WorkingCalendar.Year.from(
        year: 2027, days: [.init(date: LocalDate("2028-01-01")!, isDayOff: true)])
    }
    #expect(throws: DomainError.calendarDayRepeated(LocalDate("2027-01-01")!)) {
      try WorkingCalendar.Year.from(
        year: 2027,
        days: [
          .init(date: LocalDate("2027-01-01")!, isDayOff: true),
          .init(date: LocalDate("2027-01-01")!, isDayOff: true),
        ])
    }
    #expect(throws: DomainError.calendarWorkdayNotWeekend(LocalDate("2027-01-05")!)) {
      try WorkingCalendar.Year.from(
        year: 2027, days: [.init(date: LocalDate("2027-01-05")!, isDayOff: false)])
    }
  }

  @Test("working days between two dates exclude the start and include the end")
  func between() {
    // 10/8, 10/9, the make-up Saturday 10/10, and 10/12.
    #expect(
      calendar.workingDays(after: LocalDate("2026-09-30")!, through: LocalDate("2026-10-12")!) == 4)
    #expect(
      calendar.workingDays(after: LocalDate("2026-04-28")!, through: LocalDate("2026-04-28")!) == 0)
  }

  @Test("running counts give the working days between any two days, inside the span and beyond it")
  func runningCounts() {
    let calendar = WorkingCalendar.official
    let first = LocalDate("2025-01-01")!
    let counts = calendar.workingDayCounts(from: first, through: LocalDate("2026-12-31")!)
    var seed: UInt64 = 42
    for _ in 0..<2000 {
      seed = seed &* 6_364_136_223_846_793_005 &+ 1
      let start = first.adding(days: Int(seed >> 33) % 900 - 60)
      let end = start.adding(days: Int(seed >> 13) % 400 - 20)
      #expect(
        counts.workingDays(after: start, through: end)
          == calendar.workingDays(after: start, through: end))
    }
  }
}
