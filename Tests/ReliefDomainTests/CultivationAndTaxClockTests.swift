import Testing

@testable import ReliefDomain

/// Cultivation's renewal window, failed re-review, revocation with a ban, SMEs only; the tax
/// authority's decision clocks by relief type (Tax Collection Law Implementing Rules arts. 42
/// and 78).
@Suite("Cultivation re-review and ban; tax decision clocks")
struct CultivationAndTaxClockTests {
  static func day(_ text: String) -> Instant {
    Fixtures.zone.instant(LocalDate(text)!, secondsOfDay: 10 * 3600)
  }

  /// A cultivation case recognized on 2026-04-30 (evaluated that morning), valid until 2029-04-30.
  static func recognized() throws -> ReliefCase {
    var reliefCase = try Fixtures.reliefCase(.cultivation, in: "evaluating")
    reliefCase = try reliefCase.applying(
      EventRequest("recognize", at: day("2026-04-30"), officer: "t"), context: Fixtures.context()
    ).reliefCase
    #expect(reliefCase.details.cultivation?.validUntil == LocalDate("2029-04-30"))
    return reliefCase
  }

  @Test("renew: refused the day before its window, allowed on its first day, once per period")
  func renewalWindow() throws {
    let recognized = try Self.recognized()
    // 2029-04-30 minus 90 days: 2029-01-30 (1/30 to 2/28 is 29 days, to 3/30 30 more, to 4/30
    // 31 more).
    let opens = LocalDate("2029-01-30")!
    #expect(Workflows.renewalOpens(validUntil: LocalDate("2029-04-30")!) == opens)
    #expect(
      throws: DomainError.renewalWindowNotOpen(opens: opens, validUntil: LocalDate("2029-04-30")!)
    ) {
      try recognized.applying(
        EventRequest("renew", at: Self.day("2029-01-29"), officer: "t"),
        context: Fixtures.context())
    }
    let renewed = try recognized.applying(
      EventRequest("renew", at: Self.day("2029-01-30"), officer: "t"), context: Fixtures.context()
    ).reliefCase
    #expect(renewed.details.cultivation?.validUntil == LocalDate("2032-04-30"))
    // The reminder now runs to the new validUntil.
    #expect(renewed.clock?.dueDate == LocalDate("2032-04-30"))
    // A second renewal in the same period is refused: the window moved 3 years on (2032 is a
    // leap year: 1/31 to 2/29 is 29 days, to 3/31 31 more, to 4/30 30 more).
    #expect(
      throws: DomainError.renewalWindowNotOpen(
        opens: LocalDate("2032-01-31")!, validUntil: LocalDate("2032-04-30")!)
    ) {
      try renewed.applying(
        EventRequest("renew", at: Self.day("2029-04-01"), officer: "t"),
        context: Fixtures.context())
    }
  }

  @Test("renew after validUntil, when the recognition lapsed unnoticed and was not expired")
  func lapsedRenewal() throws {
    let recognized = try Self.recognized()
    let renewed = try recognized.applying(
      EventRequest("renew", at: Self.day("2029-06-01"), officer: "t"), context: Fixtures.context()
    ).reliefCase
    #expect(renewed.details.cultivation?.validUntil == LocalDate("2032-04-30"))
    // Once expired, it is finished: renew is no longer allowed.
    let expired = try recognized.applying(
      EventRequest("expire", at: Self.day("2029-05-01"), officer: "t"), context: Fixtures.context()
    ).reliefCase
    #expect(expired.state == "expired")
    #expect(throws: DomainError.self) {
      try expired.applying(
        EventRequest("renew", at: Self.day("2029-05-02"), officer: "t"),
        context: Fixtures.context())
    }
  }

  @Test("fail-review revokes without a ban; revoke --ban-years sets the ban's end; 0 to 10 years")
  func revocation() throws {
    let recognized = try Self.recognized()
    let failed = try recognized.applying(
      EventRequest(
        "fail-review", inputs: EventInputs(reason: "复核未达标"), at: Self.day("2029-03-01"),
        officer: "t"), context: Fixtures.context()
    ).reliefCase
    #expect(failed.state == "revoked")
    #expect(failed.details.cultivation?.banUntil == nil)
    #expect(throws: DomainError.missingInput(event: "fail-review", field: .reason)) {
      try recognized.applying(
        EventRequest("fail-review", officer: "t"), context: Fixtures.context())
    }
    #expect(throws: DomainError.banYearsOutOfRange(11)) {
      try recognized.applying(
        EventRequest("revoke", inputs: EventInputs(reason: "数据造假", banYears: 11), officer: "t"),
        context: Fixtures.context())
    }
    let revoked = try recognized.applying(
      EventRequest(
        "revoke", inputs: EventInputs(reason: "数据造假", banYears: 3), at: Self.day("2027-03-10"),
        officer: "t"), context: Fixtures.context())
    #expect(revoked.reliefCase.state == "revoked")
    #expect(revoked.reliefCase.details.cultivation?.banUntil == LocalDate("2030-03-10"))
    #expect(revoked.event.inputs.banUntil == LocalDate("2030-03-10"))
    let plain = try recognized.applying(
      EventRequest(
        "revoke", inputs: EventInputs(reason: "申请注销", banYears: 0), at: Self.day("2027-03-10"),
        officer: "t"), context: Fixtures.context())
    #expect(plain.reliefCase.details.cultivation?.banUntil == nil)
  }

  @Test("opening: a large enterprise is refused; a ban refuses until the day it ends")
  func openingGuards() throws {
    let opening = CaseOpening(
      enterprise: Fixtures.enterprise, title: "t", assignee: nil,
      details: .cultivation(CultivationDetails(tier: .innovative)))
    let id = CaseID(kind: .cultivation, year: 2030, number: 1)
    func open(_ standing: EnterpriseStanding) throws -> ReliefCase {
      try ReliefCase.opening(
        opening, id: id, at: Self.day("2030-03-09"), officer: "t",
        context: Fixtures.context(standing: standing)
      ).reliefCase
    }
    #expect(throws: DomainError.cultivationNotSME) {
      try open(EnterpriseStanding(region: Fixtures.home, size: .large))
    }
    _ = try open(EnterpriseStanding(region: Fixtures.home, size: .medium))
    let end = LocalDate("2030-03-10")!
    #expect(throws: DomainError.cultivationBanned(until: end)) {
      try open(
        EnterpriseStanding(
          region: Fixtures.home, cultivationBanUntil: end, day: LocalDate("2030-03-09")))
    }
    _ = try open(
      EnterpriseStanding(region: Fixtures.home, cultivationBanUntil: end, day: end))
  }

  @Test("every relief type has exactly one decision clock: 30 days, 20 days, 15 working days")
  func clocksByReliefType() throws {
    let underReview = try #require(Workflows.taxRefund.state("under-review"))
    let expected: [ReliefType: (String, ClockUnit, Int, Bool)] = [
      .vatCreditRefund: ("clock.tax-refund.under-review.refund", .days, 30, true),
      .taxDeferral: ("clock.tax-refund.under-review.deferral", .days, 20, true),
      .taxReduction: ("clock.tax-refund.under-review", .workingDays, 15, false),
      .feeReduction: ("clock.tax-refund.under-review", .workingDays, 15, false),
    ]
    for type in ReliefType.allCases {
      let details = Fixtures.details(.taxRefund, reliefType: type)
      let matching = underReview.clocks.filter { $0.condition?.holds(in: details) ?? true }
      #expect(matching.count == 1, "\(type)")
      let clock = try #require(underReview.clock(for: details))
      let want = try #require(expected[type])
      #expect(clock.setting == want.0)
      #expect(clock.unit == want.1)
      #expect(clock.defaultLength == want.2)
      #expect(clock.isStatutory == want.3)
    }
    // Each setting is listed once for `relief settings`.
    let keys = ClockSettings.keys.map(\.key)
    #expect(keys.contains("clock.tax-refund.under-review.refund"))
    #expect(keys.contains("clock.tax-refund.under-review.deferral"))
    #expect(Set(keys).count == keys.count)
  }

  @Test(
    "decision clocks counted by hand from a submission on 2026-09-15, across National Day",
    arguments: [
      // 9/15 + 30 days = 10/15, a Thursday and a working day.
      (ReliefType.vatCreditRefund, "2026-10-15"),
      // 9/15 + 20 days = 10/05, inside National Day (10/1-10/7): the next working day, 10/08.
      (.taxDeferral, "2026-10-08"),
      // 15 working days: 9/16, 9/17, 9/18, make-up Sunday 9/20, 9/21-9/24 (8), Mid-Autumn
      // 9/25-9/27 off, 9/28-9/30 (11), National Day off, 10/8, 10/9, make-up Saturday 10/10
      // (14), 10/12 (15).
      (.taxReduction, "2026-10-12"),
      (.feeReduction, "2026-10-12"),
    ])
  func handCount(type: ReliefType, due: String) throws {
    var reliefCase = try Fixtures.opened(.taxRefund, reliefType: type)
    let decision = try reliefCase.applying(
      EventRequest(
        "review", inputs: EventInputs(to: "国家税务总局深圳市南山区税务局"), at: Self.day("2026-09-15"),
        officer: "t"), context: Fixtures.context())
    reliefCase = decision.reliefCase
    #expect(reliefCase.details.taxRefund?.taxAuthority == "国家税务总局深圳市南山区税务局")
    #expect(reliefCase.clock?.dueDate == LocalDate(due))
    // A setting changes the length; the recount keeps the start day.
    let longer = ClockSettings(overrides: [
      "clock.tax-refund.under-review.refund": 31, "clock.tax-refund.under-review.deferral": 21,
      "clock.tax-refund.under-review": 16,
    ])
    var context = Fixtures.context()
    context.clocks = longer
    let recounted = try #require(reliefCase.recountedClock(context: context))
    #expect(recounted.startedOn == LocalDate("2026-09-15"))
    #expect(recounted.length == (reliefCase.clock?.length ?? 0) + 1)
  }

  @Test("renewals and a banned revocation replay to the same case")
  func replay() throws {
    var reliefCase = try Fixtures.opened(.cultivation)
    var events = [
      try ReliefCase.opening(
        CaseOpening(
          enterprise: Fixtures.enterprise, title: "fixture", assignee: "li.wei",
          details: Fixtures.details(.cultivation)),
        id: reliefCase.id, at: Fixtures.openedAt, officer: "tester", context: Fixtures.context()
      ).event
    ]
    let steps: [(EventName, EventInputs, String)] = [
      ("apply", EventInputs(), "2026-04-29"),
      ("evaluate", EventInputs(score: 70), "2026-04-30"),
      ("recognize", EventInputs(), "2026-05-06"),
      ("renew", EventInputs(), "2029-03-01"),
      ("revoke", EventInputs(reason: "偷漏税", banYears: 3), "2030-01-15"),
    ]
    for (event, inputs, date) in steps {
      let decision = try reliefCase.applying(
        EventRequest(event, inputs: inputs, at: Self.day(date), officer: "tester"),
        context: Fixtures.context())
      events.append(decision.event)
      reliefCase = decision.reliefCase
    }
    #expect(reliefCase.details.cultivation?.validUntil == LocalDate("2032-05-06"))
    #expect(reliefCase.details.cultivation?.banUntil == LocalDate("2033-01-15"))
    let replayed = try ReliefCase.replaying(events, id: reliefCase.id, context: Fixtures.context())
    #expect(replayed == reliefCase)
    let restored = try ReliefCase.restoring(events, id: reliefCase.id, context: Fixtures.context())
    #expect(restored.last?.reliefCase == reliefCase)
  }
}
