import Foundation
import GRDB
import Testing

@testable import ReliefDomain
@testable import ReliefStore

@Suite("Deadlines in the store")
struct DeadlineStoreTests {
  @Test("a settings change recounts running deadlines; finished clocks keep theirs")
  func settingsRecount() throws {
    let store = try StoreFixtures.store()
    let now = StoreFixtures.now
    let id = try store.write {
      try $0.openCase(StoreFixtures.complaint(), at: nil, officer: "t", now: now)
    }
    .reliefCase.id
    #expect(
      try store.read { try $0.caseRecord(id) }?.reliefCase.clock?.dueDate.description
        == "2026-05-14")
    let recounted = try store.write { session in
      try session.setSetting("clock.arrears.registered", to: "5")
      return try session.recountRunningClocks(now: now)
    }
    #expect(recounted == 1)
    let record = try #require(try store.read { try $0.caseRecord(id) })
    #expect(record.reliefCase.clock?.dueDate.description == "2026-05-08")
    let listed = try store.read {
      try $0.cases(
        matching: CaseFilter(dueBy: LocalDate("2026-05-08")), today: LocalDate("2026-04-28")!)
    }
    #expect(listed.total == 1)
  }

  @Test("importing a year recounts deadlines that reach it, and needs --replace for a known year")
  func calendarImport() throws {
    let store = try StoreFixtures.store()
    let late = StoreFixtures.zone.instant(LocalDate("2026-12-24")!, secondsOfDay: 36_000)
    let id = try store.write {
      try $0.openCase(StoreFixtures.complaint(), at: nil, officer: "t", now: late)
    }
    .reliefCase.id
    let before = try #require(try store.read { try $0.caseRecord(id) }?.reliefCase.clock)
    #expect(before.dueDate.description == "2027-01-07")
    #expect(before.usesFallbackCalendar)
    let year = try WorkingCalendar.Year.from(
      year: 2027,
      days: [
        .init(date: LocalDate("2027-01-01")!, isDayOff: true),
        .init(date: LocalDate("2027-01-04")!, isDayOff: true),
      ])
    let recounted = try store.write {
      try $0.importCalendar(year, replace: false, officer: "t", now: late)
    }
    #expect(recounted == 1)
    let after = try #require(try store.read { try $0.caseRecord(id) }?.reliefCase.clock)
    #expect(after.dueDate.description == "2027-01-11")
    #expect(!after.usesFallbackCalendar)
    #expect(throws: StoreError.calendarYearKnown(2027)) {
      try store.write { try $0.importCalendar(year, replace: false, officer: "t", now: late) }
    }
    #expect(throws: StoreError.calendarYearKnown(2026)) {
      try store.write {
        try $0.importCalendar(
          WorkingCalendar.Year(year: 2026, daysOff: [], workdays: []), replace: false, officer: "t",
          now: late)
      }
    }
    #expect(try store.read { try $0.calendarSource(of: 2027) } == .imported)
  }

  @Test("late answers are kept on the clock rows")
  func lateRows() throws {
    let store = try StoreFixtures.store()
    let now = StoreFixtures.now
    let id = try store.write {
      try $0.openCase(StoreFixtures.complaint(), at: nil, officer: "t", now: now)
    }
    .reliefCase.id
    let lateDay = StoreFixtures.zone.instant(LocalDate("2026-05-20")!, secondsOfDay: 36_000)
    _ = try store.write {
      try $0.perform("accept", inputs: EventInputs(), at: nil, officer: "t", on: id, now: lateDay)
    }
    let rows = try store.queue.read { db in
      try Row.fetchAll(db, sql: "SELECT state, late, ended_at FROM clocks ORDER BY started_seq")
    }
    #expect(rows.count == 2)
    #expect(rows[0]["late"] as Int == 1)
    #expect(rows[1]["ended_at"] as Int64? == nil)
    let counts = try store.read { try $0.alertCounts(today: LocalDate("2026-05-20")!) }
    #expect(counts == AlertCounts(red: 0, yellow: 0, blue: 1, reReviewDue: 0))
  }
}
