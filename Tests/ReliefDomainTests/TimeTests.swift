import Testing

@testable import ReliefDomain

@Suite("Dates, timestamps and the agency's time zone")
struct TimeTests {
  @Test(
    "impossible dates are refused",
    arguments: [
      "2026-02-30", "2026-13-01", "2026-2-3", "2025-02-29", "1900-02-29", "2026-04-31", "26-04-28",
      "2026/04/28",
    ])
  func impossible(text: String) {
    #expect(LocalDate(text) == nil)
  }

  @Test("leap days exist where they should", arguments: ["2024-02-29", "2000-02-29", "2028-02-29"])
  func leapDays(text: String) {
    #expect(LocalDate(text)?.description == text)
  }

  @Test("day numbers round-trip over centuries")
  func roundTrip() {
    for dayNumber in stride(from: -25_000, through: 400_000, by: 37) {
      let date = LocalDate(dayNumber: dayNumber)
      let (year, month, day) = date.parts
      guard LocalDate.supportedYears.contains(year) else { continue }
      #expect(LocalDate(year: year, month: month, day: day) == date)
    }
  }

  @Test("weekdays")
  func weekdays() {
    #expect(LocalDate("2026-04-28")!.weekday == 2)
    #expect(LocalDate("1970-01-01")!.weekday == 4)
    #expect(LocalDate("2026-10-10")!.isWeekend)
  }

  @Test("adding years keeps the day, 29 February becoming 28")
  func addingYears() {
    #expect(LocalDate("2024-02-29")!.adding(years: 3).description == "2027-02-28")
    #expect(LocalDate("2026-04-28")!.adding(years: 3).description == "2029-04-28")
  }

  @Test("timestamps print in the agency's zone with their offset")
  func iso8601() throws {
    let zone = AgencyZone.shanghai
    let utc = try #require(TimeInput("2026-04-28T01:30:00Z"))
    #expect(zone.iso8601(zone.instant(of: utc)) == "2026-04-28T09:30:00+08:00")
    let local = try #require(TimeInput("2026-04-28T09:30"))
    #expect(zone.iso8601(zone.instant(of: local)) == "2026-04-28T09:30:00+08:00")
    let offset = try #require(TimeInput("2026-04-28 10:30:00+09:00"))
    #expect(zone.iso8601(zone.instant(of: offset)) == "2026-04-28T09:30:00+08:00")
    #expect(TimeInput("2026-04-28T24:00") == nil)
    #expect(TimeInput("2026-04-28T09:30:00+08") != nil)
    #expect(TimeInput("tomorrow") == nil)
  }

  @Test("local days are cut in the agency's zone")
  func localDays() throws {
    let zone = AgencyZone.shanghai
    let lateUTC = zone.instant(of: TimeInput("2026-04-30T16:30:00Z")!)
    #expect(zone.date(of: lateUTC).description == "2026-05-01")
    #expect(zone.startOfDay(LocalDate("2026-05-01")!) == Instant(seconds: lateUTC.seconds - 1800))
  }

  @Test("a zone with daylight saving converts across the gap and the overlap")
  func daylightSaving() throws {
    let zone = try #require(AgencyZone(identifier: "America/New_York"))
    // 2026-03-08 02:30 does not exist in New York: the later offset is used.
    let gap = zone.instant(LocalDate("2026-03-08")!, secondsOfDay: 2 * 3600 + 1800)
    #expect(zone.iso8601(gap) == "2026-03-08T03:30:00-04:00")
    // 2026-11-01 01:30 happens twice: the earlier is taken.
    let overlap = zone.instant(LocalDate("2026-11-01")!, secondsOfDay: 3600 + 1800)
    #expect(zone.iso8601(overlap) == "2026-11-01T01:30:00-04:00")
  }

  @Test("a bare day for --at never lands before the case's previous event that day")
  func resolvingDays() throws {
    let zone = AgencyZone.shanghai
    let previous = zone.instant(of: TimeInput("2026-04-28T10:00:00+08:00")!)
    let day = try #require(TimeInput("2026-04-28"))
    #expect(zone.resolve(day, notBefore: previous) == previous)
    let nextDay = try #require(TimeInput("2026-04-29"))
    #expect(zone.iso8601(zone.resolve(nextDay, notBefore: previous)) == "2026-04-29T00:00:00+08:00")
  }
}
