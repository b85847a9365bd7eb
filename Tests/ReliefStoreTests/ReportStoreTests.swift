import Foundation
import GRDB
import Testing

@testable import ReliefDomain
@testable import ReliefStore

/// A month built by hand, March 2026 in Asia/Shanghai, whose every figure is counted below.
///
/// Arrears
/// - A1 large enterprise, 1,000,000 owed: opened 02-20, accepted 02-24, transferred 03-02 (on
///   time), paid 300,000 at 03-31 23:30 (March), resolved at 04-01 00:30 (April).
/// - A2 large enterprise, 500,000: opened at 03-31 23:30 (March), Tianhe.
/// - A3 public institution, 200,000: opened at 04-01 00:30 (April).
/// - A4 government, 800,000: opened 03-02, accepted 03-03, transferred 03-20 (late: due 03-17),
///   paid 800,000 03-25, resolved paid in full 03-26, closed 03-27: 19 working days, not on time.
/// - A5 other, 100,000, Hangzhou: opened 03-05, rejected 03-06: 1 working day, on time.
/// - A6 government, 300,000, Tianhe: opened 02-10, accepted 02-11, transferred 02-20; its result
///   was due 03-23, so it is overdue at the month's end.
/// Tax relief
/// - T1 VAT credit refund, 200,000 claimed: opened 03-09, reviewed 03-10, 150,000 approved 03-12,
///   disbursed 03-16: 5 working days, on time.
/// - T2 tax reduction, 50,000, Tianhe: opened 02-02, never reviewed: overdue since 02-09.
/// White list
/// - W1 medical supplies: opened 03-02, reviewed 03-03, approved (listed) 03-04.
/// - W2 daily necessities, Tianhe: opened 01-05, listed 01-07, removed 03-10: 42 working days.
/// - W3 strategic materials, Hangzhou: opened 03-20, no decision by its due day 03-27.
/// Cultivation
/// - C1 innovative: opened 01-05, applied 01-06, evaluated 03-02, recognised 03-03.
/// - C2 innovative, Tianhe: recognised 2023-04-20, valid until 2026-04-20: expiring within 90 days.
/// Services
/// - S1 policy briefing 03-10, 200 firms, 440305; S2 on-site visit 03-31 to Nanshan and Tianhe
///   (region 440305); S3 consultation 04-01, Hangzhou; S4 training 02-28, 30 firms, 440106;
///   S5 consultation 03-15, Hangzhou.
struct HandBuiltMonth {
  static let zone = AgencyZone.shanghai
  static let now = zone.instant(LocalDate("2026-04-28")!, secondsOfDay: 9 * 3600 + 1800)
  static let nanshan = StoreFixtures.nanshan
  static let tianhe = StoreFixtures.tianhe
  static let xihu = try! USCC(parsing: "91330106MA2H8U1D4U")
  static let march = YearMonth("2026-03")!

  let store: ReliefStore
  var ids: [String: CaseID] = [:]

  init() throws {
    store = try StoreFixtures.store()
    try store.write { session in
      try session.addEnterprise(
        StoreFixtures.enterprise(Self.xihu, name: "杭州市某软件有限公司"), now: Self.now)
    }
  }

  static func time(_ text: String) -> TimeInput {
    TimeInput(text.count == 10 ? text : text + ":00+08:00")!
  }

  mutating func open(
    _ name: String, _ uscc: USCC, _ details: CaseDetails, at text: String,
    evidence: String? = nil
  ) throws {
    let opening = CaseOpening(enterprise: uscc, title: name, assignee: "li.wei", details: details)
    let record = try store.write {
      try $0.openCase(opening, at: Self.time(text), officer: "li.wei", now: Self.now)
    }
    ids[name] = record.reliefCase.id
  }

  func act(
    _ name: String, _ event: EventName, at text: String, _ inputs: EventInputs = EventInputs()
  ) throws {
    _ = try store.write {
      try $0.perform(
        event, inputs: inputs, at: Self.time(text), officer: "wang.fang", on: ids[name]!,
        now: Self.now)
    }
  }

  func service(_ draft: ServiceDraft) throws {
    _ = try store.write { try $0.logService(draft, officer: "chen.jing", now: Self.now) }
  }

  static func arrears(_ type: DebtorType, _ owed: Int64) -> CaseDetails {
    .arrears(
      ArrearsDetails(
        debtor: "某欠款方", debtorType: type, amountOwed: Money(yuan: owed),
        paymentDueDate: LocalDate("2025-12-31")!,
        // A debtor of type `other` is outside the scope of intake: opened anyway, with a reason.
        outOfScope: type == .other ? "opened before the scope of intake was checked" : nil))
  }

  /// Builds the month.
  static func build() throws -> HandBuiltMonth {
    var month = try HandBuiltMonth()
    try month.open("A1", nanshan, arrears(.largeEnterprise, 1_000_000), at: "2026-02-20T10:00")
    try month.act("A1", "accept", at: "2026-02-24T10:00")
    try month.act("A1", "transfer", at: "2026-03-02T10:00", EventInputs(to: "市工业和信息化局"))
    try month.act("A1", "pay", at: "2026-03-31T23:30", EventInputs(amount: Money(yuan: 300_000)))
    try month.act("A1", "resolve", at: "2026-04-01T00:30", EventInputs(outcome: .partiallyPaid))
    try month.open("A2", tianhe, arrears(.largeEnterprise, 500_000), at: "2026-03-31T23:30")
    try month.open("A3", nanshan, arrears(.publicInstitution, 200_000), at: "2026-04-01T00:30")
    try month.open("A4", nanshan, arrears(.government, 800_000), at: "2026-03-02T09:00")
    try month.act("A4", "accept", at: "2026-03-03T10:00")
    try month.act("A4", "transfer", at: "2026-03-20T10:00", EventInputs(to: "市财政局"))
    try month.act("A4", "pay", at: "2026-03-25T10:00", EventInputs(amount: Money(yuan: 800_000)))
    try month.act("A4", "resolve", at: "2026-03-26T10:00", EventInputs(outcome: .paidInFull))
    try month.act("A4", "close", at: "2026-03-27T10:00")
    try month.open("A5", xihu, arrears(.other, 100_000), at: "2026-03-05T10:00")
    try month.act("A5", "reject", at: "2026-03-06T10:00", EventInputs(reason: "不属于受理范围"))
    try month.open("A6", tianhe, arrears(.government, 300_000), at: "2026-02-10T10:00")
    try month.act("A6", "accept", at: "2026-02-11T10:00")
    try month.act("A6", "transfer", at: "2026-02-20T10:00", EventInputs(to: "市国资委"))

    try month.open(
      "T1", nanshan,
      .taxRefund(
        TaxRefundDetails(reliefType: .vatCreditRefund, amountClaimed: Money(yuan: 200_000))),
      at: "2026-03-09T10:00")
    try month.act("T1", "review", at: "2026-03-10T10:00")
    try month.act(
      "T1", "approve", at: "2026-03-12T10:00", EventInputs(amount: Money(yuan: 150_000)))
    try month.act("T1", "disburse", at: "2026-03-16T10:00")
    try month.open(
      "T2", tianhe,
      .taxRefund(TaxRefundDetails(reliefType: .taxReduction, amountClaimed: Money(yuan: 50_000))),
      at: "2026-02-02T10:00")

    try month.open(
      "W1", nanshan,
      .whitelist(WhitelistDetails(category: .medicalSupplies, chain: .pharmaceuticals)),
      at: "2026-03-02T10:00")
    try month.act("W1", "review", at: "2026-03-03T10:00")
    try month.act("W1", "approve", at: "2026-03-04T10:00")
    try month.open(
      "W2", tianhe, .whitelist(WhitelistDetails(category: .dailyNecessities, chain: .food)),
      at: "2026-01-05T10:00")
    try month.act("W2", "review", at: "2026-01-06T10:00")
    try month.act("W2", "approve", at: "2026-01-07T10:00")
    try month.act("W2", "remove", at: "2026-03-10T10:00", EventInputs(reason: "不再符合条件"))
    try month.open(
      "W3", xihu, .whitelist(WhitelistDetails(category: .strategicMaterials, chain: .equipment)),
      at: "2026-03-20T10:00")

    try month.open(
      "C1", nanshan, .cultivation(CultivationDetails(tier: .innovative)), at: "2026-01-05T10:00")
    try month.act("C1", "apply", at: "2026-01-06T10:00")
    try month.act("C1", "evaluate", at: "2026-03-02T10:00", EventInputs(score: 80))
    try month.act("C1", "recognize", at: "2026-03-03T10:00")
    try month.open(
      "C2", tianhe, .cultivation(CultivationDetails(tier: .innovative)), at: "2023-03-01T10:00")
    try month.act("C2", "apply", at: "2023-03-02T10:00")
    try month.act("C2", "evaluate", at: "2023-03-03T10:00", EventInputs(score: 70))
    try month.act("C2", "recognize", at: "2023-04-20T10:00")

    let shenzhen = RegionCode(trusted: "440305")
    try month.service(
      ServiceDraft(
        type: .policyBriefing, date: LocalDate("2026-03-10")!, count: 200, region: shenzhen,
        campaign: "惠企政策进万企"))
    try month.service(
      ServiceDraft(
        type: .onSiteVisit, date: LocalDate("2026-03-31")!, enterprises: [nanshan, tianhe]))
    try month.service(
      ServiceDraft(type: .consultation, date: LocalDate("2026-04-01")!, enterprises: [xihu]))
    try month.service(
      ServiceDraft(
        type: .training, date: LocalDate("2026-02-28")!, count: 30,
        region: RegionCode(trusted: "440106")))
    try month.service(
      ServiceDraft(type: .consultation, date: LocalDate("2026-03-15")!, enterprises: [xihu]))
    return month
  }

  /// Events after the month: none of them may change its figures.
  func addLaterEvents() throws {
    try act("A6", "extend", at: "2026-04-02T10:00", EventInputs(reason: "申请延期", days: 30))
    try act("W1", "suspend", at: "2026-04-05T10:00", EventInputs(reason: "停产整顿"))
    try act("C2", "renew", at: "2026-04-15T10:00")
    try act("T2", "review", at: "2026-04-20T10:00")
    try store.write { session in
      _ = try session.openCase(
        CaseOpening(
          enterprise: Self.nanshan, title: "四月投诉", assignee: nil,
          details: Self.arrears(.government, 90_000)),
        at: Self.time("2026-04-10T10:00"), officer: "li.wei", now: Self.now)
      _ = try session.logService(
        ServiceDraft(
          type: .training, date: LocalDate("2026-04-12")!, count: 40,
          region: RegionCode(trusted: "440305")), officer: "li.wei", now: Self.now)
    }
  }

  func figures(_ month: YearMonth = march, region: String? = nil) throws -> MonthlyFigures {
    let prefix = try region.map { try RegionPrefix(parsing: $0) }
    return try store.read { session in
      try session.monthlyFigures(ReportPeriod(month, zone: Self.zone), region: prefix)
    }
  }
}

@Suite("Monthly figures")
struct ReportStoreTests {
  @Test("every figure of a hand-built month matches the hand count")
  func handCount() throws {
    let month = try HandBuiltMonth.build()
    let figures = try month.figures()

    let arrears = try #require(figures.cases[.arrears])
    #expect(arrears.opened == 3)
    #expect(arrears.closed == 2)
    #expect(arrears.closedOnTime == 1)
    #expect(arrears.onTimeRate == "50.0")
    #expect(arrears.daysToClose.sorted() == [1, 19])
    #expect(arrears.medianDaysToClose?.description == "10")
    #expect(arrears.openAtEnd == 3)
    #expect(arrears.overdueAtEnd == 1)

    let taxRefund = try #require(figures.cases[.taxRefund])
    #expect(
      [taxRefund.opened, taxRefund.closed, taxRefund.closedOnTime, taxRefund.openAtEnd] as [Int]
        == [1, 1, 1, 1])
    #expect(taxRefund.overdueAtEnd == 1)
    #expect(taxRefund.daysToClose == [5])

    let whitelist = try #require(figures.cases[.whitelist])
    #expect([whitelist.opened, whitelist.closed, whitelist.closedOnTime] as [Int] == [2, 1, 1])
    #expect([whitelist.openAtEnd, whitelist.overdueAtEnd] as [Int] == [2, 1])
    #expect(whitelist.daysToClose == [42])

    let cultivation = try #require(figures.cases[.cultivation])
    #expect([cultivation.opened, cultivation.closed, cultivation.openAtEnd] as [Int] == [0, 0, 2])
    #expect(cultivation.overdueAtEnd == 0)
    #expect(cultivation.onTimeRate == nil)
    #expect(cultivation.medianDaysToClose == nil)

    let total = figures.totalCases
    #expect([total.opened, total.closed, total.closedOnTime] as [Int] == [6, 4, 3])
    #expect([total.openAtEnd, total.overdueAtEnd] as [Int] == [8, 3])
    #expect(total.onTimeRate == "75.0")
    #expect(total.medianDaysToClose?.description == "12")

    #expect(figures.arrears.received == 3)
    #expect(figures.arrears.accepted == 1)
    #expect(figures.arrears.transferred == 2)
    #expect(figures.arrears.transferredOnTime == 1)
    #expect(figures.arrears.outcomes == [.paidInFull: 1])
    #expect(figures.arrears.amountClaimed == MoneyTotal(Money(yuan: 1_400_000)))
    #expect(figures.arrears.amountRecovered == MoneyTotal(Money(yuan: 1_100_000)))
    let byType = figures.arrears.byDebtorType
    #expect(byType[.government]?.received == 1)
    #expect(byType[.government]?.amountClaimed == MoneyTotal(Money(yuan: 800_000)))
    #expect(byType[.government]?.amountRecovered == MoneyTotal(Money(yuan: 800_000)))
    #expect(byType[.largeEnterprise]?.received == 1)
    #expect(byType[.largeEnterprise]?.amountClaimed == MoneyTotal(Money(yuan: 500_000)))
    #expect(byType[.largeEnterprise]?.amountRecovered == MoneyTotal(Money(yuan: 300_000)))
    #expect(byType[.other]?.received == 1)
    #expect(byType[.publicInstitution] == nil)

    #expect(figures.taxRefund.applications == 1)
    #expect(figures.taxRefund.amountClaimed == MoneyTotal(Money(yuan: 200_000)))
    #expect(figures.taxRefund.approvals == 1)
    #expect(figures.taxRefund.amountApproved == MoneyTotal(Money(yuan: 150_000)))
    #expect(figures.taxRefund.disbursements == 1)
    #expect(figures.taxRefund.amountDisbursed == MoneyTotal(Money(yuan: 150_000)))

    #expect(figures.whitelist.byCategory[.medicalSupplies]?.newlyListed == 1)
    #expect(figures.whitelist.byCategory[.medicalSupplies]?.listedAtEnd == 1)
    #expect(figures.whitelist.byCategory[.dailyNecessities]?.removed == 1)
    #expect(figures.whitelist.byCategory[.dailyNecessities]?.listedAtEnd ?? 0 == 0)
    #expect(
      [
        figures.whitelist.total.newlyListed, figures.whitelist.total.removed,
        figures.whitelist.total.listedAtEnd,
      ] as [Int] == [1, 1, 1])

    let innovative = try #require(figures.cultivation.byTier[.innovative])
    #expect(innovative.recognitions == 1)
    #expect(innovative.validAtEnd == 2)
    #expect(innovative.expiringWithin90Days == 1)
    #expect(figures.cultivation.byTier[.specialized] == nil)

    #expect(figures.services.total.activities == 3)
    #expect(figures.services.total.enterprisesServed == 203)
    #expect(figures.services.byType[.policyBriefing]?.enterprisesServed == 200)
    #expect(figures.services.byType[.onSiteVisit]?.enterprisesServed == 2)
    #expect(figures.services.byType[.consultation]?.activities == 1)
  }

  @Test("an event at 23:30 on the month's last day counts in it; one at 00:30 the next day not")
  func boundaries() throws {
    let month = try HandBuiltMonth.build()
    let march = try month.figures()
    let april = try month.figures(YearMonth("2026-04")!)
    // A2 opened at 03-31 23:30, A3 at 04-01 00:30.
    #expect(march.arrears.byDebtorType[.largeEnterprise]?.received == 1)
    #expect(april.arrears.received == 1)
    #expect(april.arrears.byDebtorType[.publicInstitution]?.received == 1)
    // A1's payment at 03-31 23:30 is March's; its resolution at 04-01 00:30 is April's.
    #expect(
      march.arrears.byDebtorType[.largeEnterprise]?.amountRecovered
        == MoneyTotal(Money(yuan: 300_000)))
    #expect(march.arrears.outcomes[.partiallyPaid] == nil)
    #expect(april.arrears.outcomes == [.partiallyPaid: 1])
    #expect(april.arrears.amountRecovered == .zero)
    // S2 on 03-31 is March's, S3 on 04-01 April's.
    #expect(april.services.byType[.consultation]?.activities == 1)
    #expect(april.services.total.activities == 1)
  }

  @Test("the headline of a month is the same, computed alone or with every figure")
  func headlineAgrees() throws {
    let month = try HandBuiltMonth.build()
    for text in ["2026-01", "2026-02", "2026-03", "2026-04"] {
      let period = ReportPeriod(YearMonth(text)!, zone: HandBuiltMonth.zone)
      for region in [nil, "4403", "33"] {
        let prefix = try region.map { try RegionPrefix(parsing: $0) }
        let (alone, full) = try month.store.read { session in
          (
            try session.headlineFigures(period, region: prefix),
            try session.monthlyFigures(period, region: prefix).headline
          )
        }
        #expect(alone == full, "\(text) \(region ?? "all")")
      }
    }
    let march = try month.figures().headline
    #expect(march[.complaintsReceived] == 3)
    #expect(march[.amountRecovered] == 110_000_000)
    #expect(march[.casesOpened] == 6)
    #expect(march[.casesClosed] == 4)
    #expect(march[.newlyListed] == 1)
    #expect(march[.recognitions] == 1)
    #expect(march[.serviceActivities] == 3)
    #expect(march[.enterprisesServed] == 203)
  }

  @Test("a region filter counts only the cases of its enterprises and the services held there")
  func regionFilter() throws {
    let month = try HandBuiltMonth.build()
    let shenzhen = try month.figures(region: "4403")
    #expect(shenzhen.arrears.received == 1)
    #expect(shenzhen.arrears.amountRecovered == MoneyTotal(Money(yuan: 1_100_000)))
    #expect(shenzhen.totalCases.opened == 3)
    #expect(shenzhen.totalCases.closed == 2)
    #expect(shenzhen.totalCases.openAtEnd == 3)
    #expect(shenzhen.totalCases.overdueAtEnd == 0)
    #expect(shenzhen.services.total.activities == 2)
    #expect(shenzhen.services.total.enterprisesServed == 202)
    #expect(shenzhen.whitelist.total.listedAtEnd == 1)
    #expect(shenzhen.cultivation.total.validAtEnd == 1)
    let zhejiang = try month.figures(region: "33")
    #expect(zhejiang.arrears.received == 1)
    #expect(zhejiang.totalCases.opened == 2)
    #expect(zhejiang.totalCases.overdueAtEnd == 1)
    #expect(zhejiang.services.total.activities == 1)
    let guangdong = try month.figures(region: "44")
    #expect(guangdong.totalCases.opened + zhejiang.totalCases.opened == 6)
    let nowhere = try month.figures(region: "65")
    #expect(nowhere.headline == HeadlineFigures())
    // The prefectures add up to the whole.
    let byPrefecture = try month.store.read { session in
      try session.prefectureFigures(
        ReportPeriod(HandBuiltMonth.march, zone: HandBuiltMonth.zone), region: nil)
    }
    #expect(byPrefecture.keys.sorted() == ["3301", "4401", "4403"])
    #expect(byPrefecture.values.map(\.casesOpened).reduce(0, +) == 6)
    #expect(byPrefecture["4403"]?.amountRecovered == MoneyTotal(Money(yuan: 1_100_000)))
    #expect(byPrefecture["4401"]?.complaintsReceived == 1)
    #expect(byPrefecture.values.map(\.enterprisesServed).reduce(0, +) == 203)
  }

  @Test("a past month gives the same figures when run again after later events")
  func reproducible() throws {
    let month = try HandBuiltMonth.build()
    let before = try month.figures()
    let shenzhenBefore = try month.figures(region: "4403")
    try month.addLaterEvents()
    #expect(try month.figures() == before)
    #expect(try month.figures(region: "4403") == shenzhenBefore)
    // The later events did change what the store holds now.
    let a6 = try month.store.read { try $0.caseRecord(month.ids["A6"]!) }
    #expect(a6?.reliefCase.clock?.dueDate == LocalDate("2026-04-21"))
    let april = try month.figures(YearMonth("2026-04")!)
    #expect(april.arrears.received == 2)
    #expect(april.whitelist.total.listedAtEnd == 0)
  }

  @Test("an event backdated into the month changes its figures")
  func backdated() throws {
    let month = try HandBuiltMonth.build()
    let before = try month.figures()
    _ = try month.store.write { session in
      try session.openCase(
        CaseOpening(
          enterprise: HandBuiltMonth.xihu, title: "补录投诉", assignee: nil,
          details: HandBuiltMonth.arrears(.government, 10_000)),
        at: HandBuiltMonth.time("2026-03-15"), officer: "li.wei", now: HandBuiltMonth.now)
    }
    let after = try month.figures()
    #expect(after.arrears.received == before.arrears.received + 1)
    #expect(
      after.arrears.amountClaimed == before.arrears.amountClaimed + MoneyTotal(Money(yuan: 10_000)))
  }

  @Test("the summary holds the 12 months before for comparisons and the trend")
  func summary() throws {
    let month = try HandBuiltMonth.build()
    let summary = try month.store.read { try $0.monthlySummary(HandBuiltMonth.march, region: nil) }
    #expect(summary.trendMonths.first == YearMonth("2025-03"))
    #expect(summary.trendMonths.last == HandBuiltMonth.march)
    #expect(summary.comparedHeadlines.count == 2)
    #expect(summary.trend.count == 13)
    // The trend agrees with the headline figures of the months it shares with them.
    for month in [HandBuiltMonth.march, summary.previousMonth, summary.sameMonthLastYear] {
      let headline = summary.headline(of: month)
      #expect(summary.trend[month]?.complaintsReceived == Int(headline[.complaintsReceived]))
      #expect(summary.trend[month]?.amountRecovered.fen == headline[.amountRecovered])
    }
    #expect(summary.trend[YearMonth("2026-04")!] == nil)
    #expect(summary.trend[YearMonth("2026-01")!] == TrendPoint())
    let february = summary.headline(of: YearMonth("2026-02")!)
    #expect(february[.casesOpened] == 3)
    #expect(february[.complaintsReceived] == 2)
    #expect(february[.serviceActivities] == 1)
    #expect(february[.enterprisesServed] == 30)
    #expect(summary.headline(of: HandBuiltMonth.march) == summary.figures.headline)
  }

  @Test("every freeze is kept, oldest first; two in one second are refused")
  func freezes() throws {
    let store = try StoreFixtures.store()
    let march = YearMonth("2026-03")!
    try store.write { session in
      try session.freezeReport(
        month: march, region: nil, figures: "{\"a\":1}", officer: "li.wei",
        now: StoreFixtures.now)
      try session.freezeReport(
        month: march, region: nil, figures: "{\"a\":2}", officer: "li.wei",
        now: StoreFixtures.now.adding(seconds: 60))
      try session.freezeReport(
        month: march, region: try RegionPrefix(parsing: "44"), figures: "{}", officer: "li.wei",
        now: StoreFixtures.now)
    }
    let all = try store.read { try $0.frozenReports(month: march, region: nil) }
    #expect(all.map(\.figures) == ["{\"a\":1}", "{\"a\":2}"])
    #expect(throws: StoreError.reportAlreadyFrozen(month: "2026-03")) {
      try store.write { session in
        try session.freezeReport(
          month: march, region: nil, figures: "{}", officer: "li.wei", now: StoreFixtures.now)
      }
    }
  }
}

@Suite("Event conditions")
struct EventConditionTests {
  @Test("an event's condition matches its kind's events of that name and no other kind's")
  func disjoint() throws {
    let queue = try DatabaseQueue()
    try queue.write { db in
      try db.execute(sql: "CREATE TABLE x (kind TEXT, name TEXT, from_state TEXT, to_state TEXT)")
      for kind in CaseKind.allCases {
        for transition in kind.workflow.transitions {
          for source in transition.sources {
            try db.execute(
              sql: "INSERT INTO x VALUES (?, ?, ?, ?)",
              arguments: [
                kind.rawValue, transition.event.rawValue, source.rawValue,
                (transition.target ?? source).rawValue,
              ])
          }
        }
      }
      for kind in CaseKind.allCases {
        for transition in kind.workflow.transitions {
          let condition = StoreSession.condition(transition.event, of: kind)
          let matched = try Row.fetchAll(db, sql: "SELECT kind, name FROM x WHERE \(condition)")
          #expect(matched.count == transition.sources.count, "\(kind) \(transition.event)")
          for row in matched {
            #expect(row["kind"] == kind.rawValue, "\(kind) \(transition.event): \(condition)")
            #expect(row["name"] == transition.event.rawValue)
          }
        }
      }
    }
    // Names several kinds share are told apart by the kind each event carries.
    #expect(
      StoreSession.condition("approve", of: .whitelist)
        == "(x.kind = 'whitelist' AND x.name = 'approve')")
  }
}
