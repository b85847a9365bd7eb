import Foundation
import GRDB
import Testing

@testable import ReliefDomain
@testable import ReliefStore

@Suite("Bulk loader")
struct BulkLoaderTests {
  let zone = StoreFixtures.zone
  let now = StoreFixtures.now

  func at(_ day: String, _ hour: Int) -> Instant {
    zone.instant(LocalDate(day)!, secondsOfDay: hour * 3600)
  }

  func complaint(number: Int, opened: Instant, events: [(EventName, EventInputs, Instant)])
    -> PlannedCase
  {
    PlannedCase(
      id: CaseID(kind: .arrears, year: 2026, number: number),
      opening: StoreFixtures.complaint(), openedAt: opened, officer: "li.wei",
      events: events.map { EventRequest($0.0, inputs: $0.1, at: $0.2, officer: "wang.fang") })
  }

  @Test("loaded cases are decided by the engine, interleaved by time, and pass check and verify")
  func loads() throws {
    let store = try makeEmptyTestStore()
    let loader = try BulkLoader(store: store)
    try loader.addEnterprises([(StoreFixtures.enterprise(), at("2026-01-05", 9))])
    try loader.addCases([
      complaint(
        number: 1, opened: at("2026-03-02", 9),
        events: [
          ("accept", EventInputs(), at("2026-03-04", 10)),
          ("transfer", EventInputs(to: "市工业和信息化局"), at("2026-03-20", 10)),
          (
            "pay", EventInputs(amount: Money(yuan: 100_000), note: "欠款方先付一部分"), at("2026-04-01", 10)
          ),
        ]),
      complaint(
        number: 2, opened: at("2026-03-03", 9),
        events: [("reject", EventInputs(reason: "已进入诉讼程序"), at("2026-03-05", 9))]),
    ])
    try loader.addServices([
      PlannedService(
        draft: ServiceDraft(
          type: .onSiteVisit, date: LocalDate("2026-03-10")!,
          enterprises: [StoreFixtures.nanshan]), officer: "li.wei",
        recordedAt: at("2026-03-10", 18))
    ])
    try loader.finish()

    // Events follow time across cases, not case by case.
    let order = try store.queue.read { db in
      try Row.fetchAll(db, sql: "SELECT case_id, seq FROM events ORDER BY id").map {
        "\($0["case_id"] as Int64)#\($0["seq"] as Int)"
      }
    }
    #expect(order == ["1#1", "2#1", "1#2", "2#2", "1#3", "1#4"])
    let first = try #require(
      try store.read { try $0.caseRecord(CaseID(kind: .arrears, year: 2026, number: 1)) })
    #expect(first.reliefCase.state == "transferred")
    #expect(first.reliefCase.details.arrears?.amountRecovered == Money(yuan: 100_000))
    #expect(try store.checkIntegrity(now: now).isEmpty)
    #expect(try store.read { try $0.verifyChain() }.firstBreak == nil)
    #expect(try store.read { try $0.search("一部分", limit: 10) }.hits.map(\.id) == ["AR-2026-000001"])
    #expect(try store.read { try $0.counts() }.services == 1)
  }

  @Test("an event the engine refuses stops the load, and so does a case out of order")
  func refuses() throws {
    let store = try makeEmptyTestStore()
    let loader = try BulkLoader(store: store)
    try loader.addEnterprises([(StoreFixtures.enterprise(), at("2026-01-05", 9))])
    #expect(throws: DomainError.self) {
      try loader.addCases([
        complaint(
          number: 1, opened: at("2026-03-02", 9),
          events: [("transfer", EventInputs(to: "市工业和信息化局"), at("2026-03-04", 10))])
      ])
    }
    #expect(try store.read { try $0.counts() }.cases == 0)
    let later = try BulkLoader(store: store)
    try later.addCases([complaint(number: 1, opened: at("2026-03-05", 9), events: [])])
    #expect(throws: StoreError.self) {
      try later.addCases([complaint(number: 2, opened: at("2026-03-04", 9), events: [])])
    }
  }
}
