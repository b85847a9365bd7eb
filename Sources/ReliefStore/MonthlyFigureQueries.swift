import GRDB
import ReliefDomain

/// The bounds and region of a report query, as named SQL arguments and conditions.
struct ReportScope {
  let period: ReportPeriod
  let region: RegionPrefix?
  let arguments: StatementArguments

  init(_ period: ReportPeriod, region: RegionPrefix?) {
    self.period = period
    self.region = region
    var values: [String: (any DatabaseValueConvertible)?] = [
      "start": period.start.seconds, "end": period.end.seconds,
      "firstDay": period.firstDay.description, "lastDay": period.lastDay.description,
      "horizon": period.lastDay.adding(days: 90).description,
    ]
    if let region {
      values["regionLow"] = region.digits
      values["regionHigh"] = region.upperBound
    }
    self.arguments = StatementArguments(values)
  }

  // The joins are CROSS JOINs, which SQLite never reorders: the month's range of times is what
  // narrows a report, never the region (a province holds a sixth of everything), so the loop
  // must run over the month and look the region up, not the other way round.

  /// Joins a case `c` with its enterprise `e` when the region filter needs it.
  var join: String { region == nil ? "" : Self.enterprise }

  /// Joins a case `c` with its enterprise `e`.
  static let enterprise = " CROSS JOIN enterprises e ON e.id = c.enterprise_id"

  /// The condition on the case's region (by its enterprise), to follow a WHERE clause.
  var caseRegion: String {
    region == nil ? "" : " AND e.region >= :regionLow AND e.region < :regionHigh"
  }

  /// Joins a clock `k` with its case `c` and the enterprise `e` when the region filter needs it.
  var clockJoin: String {
    region == nil
      ? ""
      : " CROSS JOIN cases c ON c.id = k.case_id" + Self.enterprise
  }

  /// Joins an event `x` with its case `c` and the enterprise `e` when the region filter needs it.
  var eventJoin: String {
    region == nil
      ? ""
      : " CROSS JOIN cases c ON c.id = x.case_id" + Self.enterprise
  }

  /// The condition on a service's region, to follow a WHERE clause.
  var serviceRegion: String {
    region == nil ? "" : " AND s.region >= :regionLow AND s.region < :regionHigh"
  }
}

extension StoreSession {
  /// The monthly summary: every figure of the month, the headline figures of the previous month
  /// and of the same month a year before, the 13-month trend, and the month by prefecture. Months
  /// are cut in the agency's time zone; every figure comes from events by their effective time
  /// (Docs/reports.md defines each one).
  public func monthlySummary(_ month: YearMonth, region: RegionPrefix?) throws -> MonthlySummary {
    let zone = agency.zone
    let month = try monthPasses(ReportPeriod(month, zone: zone), region: region)
    var compared: [YearMonth: HeadlineFigures] = [:]
    for other in [
      month.figures.period.month.adding(months: -1),
      month.figures.period.month.adding(months: -12),
    ] {
      compared[other] = try headlineFigures(ReportPeriod(other, zone: zone), region: region)
    }
    var trend: [YearMonth: TrendPoint] = [:]
    for back in 0...12 {
      let other = month.figures.period.month.adding(months: -back)
      trend[other] = try trendPoint(ReportPeriod(other, zone: zone), region: region)
    }
    return MonthlySummary(
      figures: month.figures, comparedHeadlines: compared, trend: trend,
      byPrefecture: month.byPrefecture)
  }

  /// Complaints received and amounts recovered in a month, by the definitions of the summary.
  public func trendPoint(_ period: ReportPeriod, region: RegionPrefix?) throws -> TrendPoint {
    let scope = ReportScope(period, region: region)
    let received =
      try Int.fetchOne(
        db,
        sql: """
          SELECT count(*) FROM cases c\(scope.join)
          WHERE c.kind = \(CaseKind.arrears.sql) AND c.opened_at >= :start AND c.opened_at < :end\(scope.caseRegion)
          """, arguments: scope.arguments) ?? 0
    let recovered = try Row.fetchOne(
      db,
      sql: """
        SELECT \(ExactSum.columns("x.amount", as: "recovered")) FROM events x\(scope.eventJoin)
        WHERE \(Self.condition(.pay, of: .arrears))
          AND x.at >= :start AND x.at < :end\(scope.caseRegion)
        """, arguments: scope.arguments)
    return TrendPoint(
      complaintsReceived: received,
      amountRecovered: recovered.map { ExactSum.total($0, "recovered") } ?? .zero)
  }

  /// Every figure of one month.
  public func monthlyFigures(_ period: ReportPeriod, region: RegionPrefix?) throws
    -> MonthlyFigures
  {
    try monthPasses(period, region: region).figures
  }

  /// The month by prefecture (the first 4 digits of the enterprise's or the service's region).
  public func prefectureFigures(_ period: ReportPeriod, region: RegionPrefix?) throws -> [String:
    RegionFigures]
  {
    try monthPasses(period, region: region).byPrefecture
  }

  /// Every figure of one month and the month by prefecture, read together: each range of the
  /// month (openings, closings, events, services) is read once and split every way the summary
  /// needs, mostly from indexes alone.
  private func monthPasses(_ period: ReportPeriod, region: RegionPrefix?) throws -> (
    figures: MonthlyFigures, byPrefecture: [String: RegionFigures]
  ) {
    let scope = ReportScope(period, region: region)
    var figures = MonthlyFigures(period: period, region: region)
    var prefectures: [String: RegionFigures] = [:]
    var cases = Dictionary(uniqueKeysWithValues: CaseKind.allCases.map { ($0, CaseFigures()) })
    try countOpenings(scope, into: &figures, cases: &cases, prefectures: &prefectures)
    try countClosings(scope, cases: &cases, prefectures: &prefectures)
    try countOpenAtEnd(scope, cases: &cases)
    try countOverdueAtEnd(scope, cases: &cases)
    figures.cases = cases
    try countEvents(scope, into: &figures, prefectures: &prefectures)
    try countStandingAtEnd(scope, into: &figures)
    try countServices(scope, into: &figures, prefectures: &prefectures)
    return (figures, prefectures)
  }

  /// Cases opened; complaints received and claimed; tax relief applied for; by prefecture. From
  /// the index of openings (`cases_opening`) and the enterprises' regions.
  private func countOpenings(
    _ scope: ReportScope, into figures: inout MonthlyFigures, cases: inout [CaseKind: CaseFigures],
    prefectures: inout [String: RegionFigures]
  ) throws {
    for row in try Row.fetchAll(
      db,
      sql: """
        SELECT c.kind, c.facet, substr(e.region, 1, 4) AS prefecture, count(*) AS n,
          \(ExactSum.columns("c.claimed", as: "claimed"))
        FROM cases c\(ReportScope.enterprise)
        WHERE c.opened_at >= :start AND c.opened_at < :end\(scope.caseRegion)
        GROUP BY c.kind, c.facet, prefecture
        """, arguments: scope.arguments)
    {
      guard let kind = CaseKind(rawValue: row["kind"]) else { continue }
      let count: Int = row["n"]
      let amount = ExactSum.total(row, "claimed")
      let prefecture: String = row["prefecture"]
      cases[kind, default: CaseFigures()].opened += count
      prefectures[prefecture, default: RegionFigures()].casesOpened += count
      switch kind {
      case .arrears:
        figures.arrears.received += count
        figures.arrears.amountClaimed += amount
        prefectures[prefecture, default: RegionFigures()].complaintsReceived += count
        if let type = DebtorType(rawValue: row["facet"] ?? "") {
          figures.arrears.byDebtorType[type, default: DebtorTypeFigures()].received += count
          figures.arrears.byDebtorType[type, default: DebtorTypeFigures()].amountClaimed += amount
        }
      case .taxRefund:
        figures.taxRefund.applications += count
        figures.taxRefund.amountClaimed += amount
      case .whitelist, .cultivation:
        break
      }
    }
  }

  /// Cases closed, closed on time, their working days from opening to closing, and closings by
  /// prefecture.
  private func countClosings(
    _ scope: ReportScope, cases: inout [CaseKind: CaseFigures],
    prefectures: inout [String: RegionFigures]
  ) throws {
    let zone = agency.zone
    var closings: [(kind: CaseKind, opened: LocalDate, closed: LocalDate)] = []
    let rows = try Row.fetchCursor(
      db,
      sql: """
        SELECT c.kind, c.opened_at, c.closed_at, substr(e.region, 1, 4) AS prefecture,
          EXISTS (SELECT 1 FROM clock_periods k WHERE k.case_id = c.id AND k.late = 1
            AND k.reminder = 0) AS late
        FROM cases c\(ReportScope.enterprise)
        WHERE c.closed_at >= :start AND c.closed_at < :end\(scope.caseRegion)
        """, arguments: scope.arguments)
    while let row = try rows.next() {
      guard let kind = CaseKind(rawValue: row[0]) else { continue }
      let opened = zone.date(of: Instant(seconds: row[1]))
      let closed = zone.date(of: Instant(seconds: row[2]))
      cases[kind, default: CaseFigures()].closed += 1
      if (row[4] as Int) == 0 { cases[kind, default: CaseFigures()].closedOnTime += 1 }
      prefectures[row[3] as String, default: RegionFigures()].casesClosed += 1
      closings.append((kind, opened, closed))
    }
    guard let first = closings.map(\.opened).min(), let last = closings.map(\.closed).max()
    else { return }
    let counts = agency.calendar.workingDayCounts(from: first, through: last)
    for closing in closings {
      cases[closing.kind, default: CaseFigures()].daysToClose.append(
        counts.workingDays(after: closing.opened, through: closing.closed))
    }
  }

  /// Cases open at the month's end: opened before it, and still open or closed after it. Two
  /// counts over ranges of the index of closings, each kind counted in one row (grouping by kind
  /// would sort every open case of the province; by the plain column it would even draw SQLite
  /// to an index by kind, through every case ever opened).
  private func countOpenAtEnd(_ scope: ReportScope, cases: inout [CaseKind: CaseFigures]) throws {
    let kinds = CaseKind.allCases
    let columns = kinds.map { "coalesce(sum(c.kind = \($0.sql)), 0)" }
    for closing in ["c.closed_at IS NULL", "c.closed_at >= :end"] {
      guard
        let row = try Row.fetchOne(
          db,
          sql: """
            SELECT \(columns.joined(separator: ", ")) FROM cases c\(scope.join)
            WHERE \(closing) AND c.opened_at < :end\(scope.caseRegion)
            """, arguments: scope.arguments)
      else { continue }
      for (index, kind) in kinds.enumerated() {
        cases[kind, default: CaseFigures()].openAtEnd += row[index] as Int
      }
    }
  }

  /// Cases whose deadline had passed at the month's end: a clock (not a reminder) ran then, due
  /// before the month's last day. An extension recorded after the month does not count: the due
  /// date is taken back to what it was at the month's end.
  private func countOverdueAtEnd(_ scope: ReportScope, cases: inout [CaseKind: CaseFigures])
    throws
  {
    // A clock's setting names its kind (`clock.arrears.accepted`), so no case needs reading
    // unless the region does. Running at the end: still running, or ended after the end.
    let lastDay = AlertSQL.clocks(on: ":lastDay")
    let overdue = lastDay.condition(.red)
    for row in try Row.fetchAll(
      db,
      sql: """
        SELECT k.setting, count(*) AS n FROM clocks k\(scope.clockJoin)
        WHERE k.ended_at IS NULL AND k.reminder = 0 AND \(overdue)
          AND k.started_at < :end\(scope.caseRegion)
        GROUP BY k.setting
        UNION ALL
        SELECT k.setting, count(*) AS n FROM clocks k\(scope.clockJoin)
        WHERE k.ended_at >= :end AND k.reminder = 0 AND \(overdue)
          AND k.started_at < :end\(scope.caseRegion)
        GROUP BY k.setting
        """, arguments: scope.arguments)
    {
      guard let kind = Self.kindOfClock[row["setting"]] else { continue }
      cases[kind, default: CaseFigures()].overdueAtEnd += row["n"]
    }
    // Deadlines an extension after the month moved past its last day: count them as they stood.
    for row in try Row.fetchAll(
      db,
      sql: """
        SELECT k.setting, k.length, k.started_on, sum(json_extract(x.data, '$.days')) AS later_days
        FROM events x CROSS JOIN clocks k ON k.case_id = x.case_id AND k.started_seq < x.seq\(scope.clockJoin)
        WHERE x.name = \(EventName.extend.sql) AND x.at >= :end
          AND k.reminder = 0 AND k.unit = \(ClockUnit.days.sql) AND k.started_at < :end
          AND (k.ended_at IS NULL OR k.ended_at >= x.at) AND k.due_date >= :lastDay\(scope.caseRegion)
        GROUP BY k.case_id, k.started_seq
        """, arguments: scope.arguments)
    {
      guard let kind = Self.kindOfClock[row["setting"]],
        let startedOn = LocalDate(row["started_on"] as String)
      else { continue }
      let length: Int = row["length"]
      let laterDays: Int = row["later_days"]
      let due = agency.calendar.deadline(days: length - laterDays, after: startedOn).date
      if due < scope.period.lastDay { cases[kind, default: CaseFigures()].overdueAtEnd += 1 }
    }
  }

  /// The kind each clock setting belongs to, from the workflow definitions.
  static let kindOfClock: [String: CaseKind] = Dictionary(
    CaseKind.allCases.flatMap { kind in
      kind.workflow.states.flatMap { $0.clocks.map { ($0.setting, kind) } }
    }, uniquingKeysWith: { first, _ in first })

  /// Acceptances, transfers, outcomes, payments, approvals, disbursements, listings, removals and
  /// recognitions in the month. Each event carries its case's kind (migration 0004), so counts
  /// and amounts come from the index of events by step and time alone; only the events split by
  /// a case's facet (debtor type, category, tier) or by prefecture read their case.
  private func countEvents(
    _ scope: ReportScope, into figures: inout MonthlyFigures,
    prefectures: inout [String: RegionFigures]
  ) throws {
    let range = "x.at >= :start AND x.at < :end\(scope.caseRegion)"
    for row in try Row.fetchAll(
      db,
      sql: """
        SELECT x.kind, x.name, count(*) AS n, \(ExactSum.columns("x.amount", as: "amount"))
        FROM events x\(scope.eventJoin)
        WHERE (\(Self.condition(.accept, of: .arrears)) OR \(Self.condition(.transfer, of: .arrears))
          OR \(Self.condition(.approve, of: .taxRefund))
          OR \(Self.condition(.disburse, of: .taxRefund))) AND \(range)
        GROUP BY x.kind, x.name
        """, arguments: scope.arguments)
    {
      let count: Int = row["n"]
      let amount = ExactSum.total(row, "amount")
      switch (CaseKind(rawValue: row["kind"]), EventName(rawValue: row["name"])) {
      case (.arrears?, .accept): figures.arrears.accepted = count
      case (.arrears?, .transfer): figures.arrears.transferred = count
      case (.taxRefund?, .approve):
        figures.taxRefund.approvals = count
        figures.taxRefund.amountApproved = amount
      case (.taxRefund?, .disburse):
        figures.taxRefund.disbursements = count
        figures.taxRefund.amountDisbursed = amount
      default: break
      }
    }
    // A transfer is on time when the acceptance clock it stopped was not late.
    figures.arrears.transferredOnTime =
      try Int.fetchOne(
        db,
        sql: """
          SELECT count(*) FROM events x\(scope.eventJoin)
          WHERE \(Self.condition(.transfer, of: .arrears)) AND \(range)
            AND NOT EXISTS (SELECT 1 FROM clocks k WHERE k.case_id = x.case_id
              AND k.state = \(CaseState.accepted.sql) AND k.ended_at = x.at AND k.late = 1)
          """, arguments: scope.arguments) ?? 0
    for row in try Row.fetchAll(
      db,
      sql: """
        SELECT json_extract(x.data, '$.outcome') AS outcome, count(*) AS n
        FROM events x\(scope.eventJoin)
        WHERE \(Self.condition(.resolve, of: .arrears)) AND \(range)
        GROUP BY outcome
        """, arguments: scope.arguments)
    {
      guard let outcome = ArrearsOutcome(rawValue: row["outcome"] ?? "") else { continue }
      figures.arrears.outcomes[outcome, default: 0] += row["n"]
    }
    // Split by the case's facet, and payments by prefecture: one pass, reading each case.
    for row in try Row.fetchAll(
      db,
      sql: """
        SELECT x.kind, x.name, c.facet, substr(e.region, 1, 4) AS prefecture, count(*) AS n,
          \(ExactSum.columns("x.amount", as: "amount"))
        FROM events x CROSS JOIN cases c ON c.id = x.case_id\(ReportScope.enterprise)
        WHERE (\(Self.condition(.pay, of: .arrears)) OR \(Self.condition(.approve, of: .whitelist))
          OR \(Self.condition(.remove, of: .whitelist))
          OR \(Self.condition(.recognize, of: .cultivation))) AND \(range)
        GROUP BY x.kind, x.name, c.facet, prefecture
        """, arguments: scope.arguments)
    {
      let facet: String = row["facet"] ?? ""
      let count: Int = row["n"]
      switch (CaseKind(rawValue: row["kind"]), EventName(rawValue: row["name"])) {
      case (.arrears?, .pay):
        let amount = ExactSum.total(row, "amount")
        figures.arrears.amountRecovered += amount
        prefectures[row["prefecture"] as String, default: RegionFigures()].amountRecovered += amount
        if let type = DebtorType(rawValue: facet) {
          figures.arrears.byDebtorType[type, default: DebtorTypeFigures()].amountRecovered += amount
        }
      case (.whitelist?, .approve):
        if let category = WhitelistCategory(rawValue: facet) {
          figures.whitelist.byCategory[category, default: .init()].newlyListed += count
        }
      case (.whitelist?, .remove):
        if let category = WhitelistCategory(rawValue: facet) {
          figures.whitelist.byCategory[category, default: .init()].removed += count
        }
      case (.cultivation?, .recognize):
        if let tier = Tier(rawValue: facet) {
          figures.cultivation.byTier[tier, default: TierFigures()].recognitions += count
        }
      default: break
      }
    }
  }

  /// The SQL condition that an event `x` is `event` of a case of `kind`: every event carries the
  /// kind of its case (migration 0004), so an event of one kind is never taken for another's of
  /// the same name (a white-list approval and a tax approval).
  static func condition(_ event: EventName, of kind: CaseKind) -> String {
    "(x.kind = \(kind.sql) AND x.name = \(event.sql))"
  }

  /// Enterprises listed at the month's end, and recognitions valid on its last day. A case no
  /// event touched since the end stands as it stands now (from the indexes `cases_listing` and
  /// `cases_recognition` alone); only the few touched since are read back to the end from their
  /// events (through the index of each case's events: the `+` keeps SQLite from the index of
  /// every listing or recognition by time instead, which at a province's scale it would read once
  /// per case).
  private func countStandingAtEnd(_ scope: ReportScope, into figures: inout MonthlyFigures) throws {
    // Listed at the end: the last listing event before the end listed or reinstated the firm.
    let listingEvents = [EventName.approve, .suspend, .reinstate, .remove].sql
    let touchedSince = """
      (SELECT case_id FROM events WHERE kind = \(CaseKind.whitelist.sql) AND name IN \(listingEvents)
        AND at >= :end)
      """
    for query in [
      """
      SELECT c.facet AS category, count(*) AS n FROM cases c\(scope.join)
      WHERE c.kind = \(CaseKind.whitelist.sql) AND c.state = \(CaseState.listed.sql) AND c.opened_at < :end
        AND c.id NOT IN \(touchedSince)\(scope.caseRegion)
      GROUP BY c.facet
      """,
      """
      SELECT c.facet AS category, count(*) AS n FROM cases c\(scope.join)
      WHERE c.kind = \(CaseKind.whitelist.sql) AND c.id IN \(touchedSince)\(scope.caseRegion)
        AND (SELECT x.name FROM events x
             WHERE x.case_id = c.id AND +x.at < :end AND +x.name IN \(listingEvents)
             ORDER BY x.seq DESC LIMIT 1) IN \([EventName.approve, .reinstate].sql)
      GROUP BY c.facet
      """,
    ] {
      for row in try Row.fetchAll(db, sql: query, arguments: scope.arguments) {
        guard let category = WhitelistCategory(rawValue: row["category"] ?? "") else { continue }
        figures.whitelist.byCategory[category, default: WhitelistCategoryFigures()].listedAtEnd +=
          row["n"]
      }
    }
    // Valid at the end: recognised before the end, not revoked or expired by then, and valid on
    // the last day by the latest recognition or renewal before the end. Counted per tier in one
    // row, so that no sort of a province's recognitions is needed.
    let recognitions = [EventName.recognize, .renew].sql
    let renewedSince = """
      (SELECT case_id FROM events WHERE kind = \(CaseKind.cultivation.sql) AND name IN \(recognitions)
        AND at >= :end)
      """
    let standing = """
      c.kind = \(CaseKind.cultivation.sql) AND c.opened_at < :end
        AND (c.closed_at IS NULL OR c.closed_at >= :end)\(scope.caseRegion)
      """
    let tiers = Tier.allCases
    let columns = tiers.map { tier in
      """
      coalesce(sum(c.facet = \(tier.sql)), 0),
        coalesce(sum(c.facet = \(tier.sql) AND c.valid_until <= :horizon), 0)
      """
    }
    if let row = try Row.fetchOne(
      db,
      sql: """
        SELECT \(columns.joined(separator: ", ")) FROM cases c\(scope.join)
        WHERE \(standing) AND c.valid_until >= :lastDay AND c.id NOT IN \(renewedSince)
        """, arguments: scope.arguments)
    {
      for (index, tier) in tiers.enumerated() {
        let valid: Int = row[2 * index]
        let expiring: Int = row[2 * index + 1]
        guard valid > 0 else { continue }
        figures.cultivation.byTier[tier, default: TierFigures()].validAtEnd += valid
        figures.cultivation.byTier[tier, default: TierFigures()].expiringWithin90Days += expiring
      }
    }
    let lastDay = scope.period.lastDay.description
    let horizon = scope.period.lastDay.adding(days: 90).description
    for row in try Row.fetchAll(
      db,
      sql: """
        SELECT c.facet AS tier,
          (SELECT max(json_extract(x.data, '$.validUntil')) FROM events x
           WHERE x.case_id = c.id AND +x.at < :end AND +x.name IN \(recognitions))
            AS valid_until
        FROM cases c\(scope.join)
        WHERE \(standing) AND c.id IN \(renewedSince)
        """, arguments: scope.arguments)
    {
      guard let tier = Tier(rawValue: row["tier"] ?? ""),
        let validUntil: String = row["valid_until"],
        validUntil >= lastDay
      else { continue }
      figures.cultivation.byTier[tier, default: TierFigures()].validAtEnd += 1
      if validUntil <= horizon {
        figures.cultivation.byTier[tier, default: TierFigures()].expiringWithin90Days += 1
      }
    }
  }

  /// Services of the month by type and by prefecture, from the counts kept per day, region and
  /// type (`service_days`, migration 0004).
  private func countServices(
    _ scope: ReportScope, into figures: inout MonthlyFigures,
    prefectures: inout [String: RegionFigures]
  ) throws {
    for row in try Row.fetchAll(
      db,
      sql: """
        SELECT s.type, substr(s.region, 1, 4) AS prefecture, sum(s.activities) AS n,
          sum(s.served) AS served
        FROM service_days s
        WHERE s.date >= :firstDay AND s.date <= :lastDay\(scope.serviceRegion)
        GROUP BY s.type, prefecture
        """, arguments: scope.arguments)
    {
      let count: Int = row["n"]
      let served: Int = row["served"]
      prefectures[row["prefecture"] as String, default: RegionFigures()].serviceActivities += count
      prefectures[row["prefecture"] as String, default: RegionFigures()].enterprisesServed +=
        served
      guard let type = ServiceType(rawValue: row["type"]) else { continue }
      figures.services.byType[type, default: ServiceTypeFigures()].activities += count
      figures.services.byType[type, default: ServiceTypeFigures()].enterprisesServed += served
    }
  }

  /// The headline figures of a month, by the same definitions as `monthlyFigures` but without the
  /// standing at the month's end, so that they are cheap.
  public func headlineFigures(_ period: ReportPeriod, region: RegionPrefix?) throws
    -> HeadlineFigures
  {
    let scope = ReportScope(period, region: region)
    var headline = HeadlineFigures()
    if let row = try Row.fetchOne(
      db,
      sql: """
        SELECT count(*) AS opened, coalesce(sum(c.kind = \(CaseKind.arrears.sql)), 0) AS received
        FROM cases c\(scope.join)
        WHERE c.opened_at >= :start AND c.opened_at < :end\(scope.caseRegion)
        """, arguments: scope.arguments)
    {
      headline[.casesOpened] = Int128(row["opened"] as Int64)
      headline[.complaintsReceived] = Int128(row["received"] as Int64)
    }
    headline[.casesClosed] = try Int128(
      Int64.fetchOne(
        db,
        sql: """
          SELECT count(*) FROM cases c\(scope.join)
          WHERE c.closed_at >= :start AND c.closed_at < :end\(scope.caseRegion)
          """, arguments: scope.arguments) ?? 0)
    let pay = Self.condition(.pay, of: .arrears)
    let listed = Self.condition(.approve, of: .whitelist)
    let recognized = Self.condition(.recognize, of: .cultivation)
    if let row = try Row.fetchOne(
      db,
      sql: """
        SELECT \(ExactSum.columns("CASE WHEN \(pay) THEN x.amount END", as: "recovered")),
          coalesce(sum(\(listed)), 0) AS listed, coalesce(sum(\(recognized)), 0) AS recognitions
        FROM events x\(scope.eventJoin)
        WHERE (\(pay) OR \(listed) OR \(recognized))
          AND x.at >= :start AND x.at < :end\(scope.caseRegion)
        """, arguments: scope.arguments)
    {
      headline[.amountRecovered] = ExactSum.total(row, "recovered").fen
      headline[.newlyListed] = Int128(row["listed"] as Int64)
      headline[.recognitions] = Int128(row["recognitions"] as Int64)
    }
    if let row = try Row.fetchOne(
      db,
      sql: """
        SELECT coalesce(sum(s.activities), 0) AS n, coalesce(sum(s.served), 0) AS served
        FROM service_days s
        WHERE s.date >= :firstDay AND s.date <= :lastDay\(scope.serviceRegion)
        """, arguments: scope.arguments)
    {
      headline[.serviceActivities] = Int128(row["n"] as Int64)
      headline[.enterprisesServed] = Int128(row["served"] as Int64)
    }
    return headline
  }
}
