import GRDB
import ReliefDomain

/// A monthly summary as frozen by `report monthly --freeze`: the document as submitted.
public struct FrozenReport: Equatable, Sendable {
  /// The month.
  public var month: YearMonth
  /// The region filter it was made with, nil for every region.
  public var region: RegionPrefix?
  /// When it was frozen.
  public var frozenAt: Instant
  /// Who froze it.
  public var officer: String
  /// The report's figures as JSON text, exactly as submitted.
  public var figures: String
}

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

  /// Joins a case `c` with its enterprise `e` when the region filter needs it.
  var join: String { region == nil ? "" : " JOIN enterprises e ON e.id = c.enterprise_id" }

  /// The condition on the case's region (by its enterprise), to follow a WHERE clause.
  var caseRegion: String {
    region == nil ? "" : " AND e.region >= :regionLow AND e.region < :regionHigh"
  }

  /// The condition on a service's region, to follow a WHERE clause.
  var serviceRegion: String {
    region == nil ? "" : " AND s.region >= :regionLow AND s.region < :regionHigh"
  }
}

extension StoreSession {
  /// The monthly summary: every figure of the month, the headline figures of the 12 months before
  /// it, and the month by prefecture. Months are cut in the agency's time zone; every figure comes
  /// from events by their effective time (Docs/reports.md defines each one).
  public func monthlySummary(_ month: YearMonth, region: RegionPrefix?) throws -> MonthlySummary {
    let zone = agency.zone
    let figures = try monthlyFigures(ReportPeriod(month, zone: zone), region: region)
    var earlier: [YearMonth: HeadlineFigures] = [:]
    for back in 1...12 {
      let other = month.adding(months: -back)
      earlier[other] = try headlineFigures(ReportPeriod(other, zone: zone), region: region)
    }
    return MonthlySummary(
      figures: figures, earlierHeadlines: earlier,
      byPrefecture: try prefectureFigures(figures.period, region: region))
  }

  /// Every figure of one month.
  public func monthlyFigures(_ period: ReportPeriod, region: RegionPrefix?) throws
    -> MonthlyFigures
  {
    let scope = ReportScope(period, region: region)
    var figures = MonthlyFigures(period: period, region: region)
    var cases = Dictionary(uniqueKeysWithValues: CaseKind.allCases.map { ($0, CaseFigures()) })
    try countOpenings(scope, into: &figures, cases: &cases)
    try countClosings(scope, cases: &cases)
    try countOpenAtEnd(scope, cases: &cases)
    try countOverdueAtEnd(scope, cases: &cases)
    figures.cases = cases
    try countEvents(scope, into: &figures)
    try countStandingAtEnd(scope, into: &figures)
    for row in try Row.fetchAll(
      db,
      sql: """
        SELECT s.type, count(*) AS n, coalesce(sum(s.served), 0) AS served FROM services s
        WHERE s.date >= :firstDay AND s.date <= :lastDay\(scope.serviceRegion)
        GROUP BY s.type
        """, arguments: scope.arguments)
    {
      guard let type = ServiceType(rawValue: row["type"]) else { continue }
      var byType = ServiceTypeFigures()
      byType.activities = row["n"]
      byType.enterprisesServed = row["served"]
      figures.services.byType[type] = byType
    }
    return figures
  }

  /// Cases opened; complaints received and claimed; tax relief applied for.
  private func countOpenings(
    _ scope: ReportScope, into figures: inout MonthlyFigures, cases: inout [CaseKind: CaseFigures]
  ) throws {
    for row in try Row.fetchAll(
      db,
      sql: """
        SELECT c.kind,
          CASE c.kind WHEN 'arrears' THEN json_extract(c.details, '$.debtorType') END AS facet,
          count(*) AS n,
          coalesce(sum(CASE c.kind WHEN 'arrears' THEN json_extract(c.details, '$.amountOwed')
            WHEN 'tax-refund' THEN json_extract(c.details, '$.amountClaimed') END), 0) AS amount
        FROM cases c\(scope.join)
        WHERE c.opened_at >= :start AND c.opened_at < :end\(scope.caseRegion)
        GROUP BY c.kind, facet
        """, arguments: scope.arguments)
    {
      guard let kind = CaseKind(rawValue: row["kind"]) else { continue }
      let count: Int = row["n"]
      let amount = Money(fen: row["amount"])
      cases[kind, default: CaseFigures()].opened += count
      switch kind {
      case .arrears:
        figures.arrears.received += count
        figures.arrears.amountClaimed += amount
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

  /// Cases closed, closed on time, and their working days from opening to closing.
  private func countClosings(_ scope: ReportScope, cases: inout [CaseKind: CaseFigures]) throws {
    let zone = agency.zone
    let calendar = agency.calendar
    for row in try Row.fetchAll(
      db,
      sql: """
        SELECT c.kind, c.opened_at, c.closed_at,
          EXISTS (SELECT 1 FROM clocks k WHERE k.case_id = c.id AND k.late = 1 AND k.reminder = 0)
            AS late
        FROM cases c\(scope.join)
        WHERE c.closed_at >= :start AND c.closed_at < :end\(scope.caseRegion)
        """, arguments: scope.arguments)
    {
      guard let kind = CaseKind(rawValue: row["kind"]) else { continue }
      let opened = zone.date(of: Instant(seconds: row["opened_at"]))
      let closed = zone.date(of: Instant(seconds: row["closed_at"]))
      cases[kind, default: CaseFigures()].closed += 1
      if (row["late"] as Int) == 0 { cases[kind, default: CaseFigures()].closedOnTime += 1 }
      cases[kind, default: CaseFigures()].daysToClose.append(
        calendar.workingDays(after: opened, through: closed))
    }
  }

  /// Cases open at the month's end: opened before it, and still open or closed after it.
  private func countOpenAtEnd(_ scope: ReportScope, cases: inout [CaseKind: CaseFigures]) throws {
    for row in try Row.fetchAll(
      db,
      sql: """
        SELECT kind, count(*) AS n FROM (
          SELECT c.kind FROM cases c\(scope.join)
          WHERE c.closed_at IS NULL AND c.opened_at < :end\(scope.caseRegion)
          UNION ALL
          SELECT c.kind FROM cases c\(scope.join)
          WHERE c.closed_at >= :end AND c.opened_at < :end\(scope.caseRegion)
        ) GROUP BY kind
        """, arguments: scope.arguments)
    {
      guard let kind = CaseKind(rawValue: row["kind"]) else { continue }
      cases[kind, default: CaseFigures()].openAtEnd = row["n"]
    }
  }

  /// Cases whose deadline had passed at the month's end: a clock (not a reminder) ran then, due
  /// before the month's last day. An extension recorded after the month does not count: the due
  /// date is taken back to what it was at the month's end.
  private func countOverdueAtEnd(_ scope: ReportScope, cases: inout [CaseKind: CaseFigures])
    throws
  {
    let running = """
      WITH running AS (
        SELECT case_id, started_seq, unit, length, started_on, due_date FROM clocks
        WHERE reminder = 0 AND ended_at IS NULL AND started_at < :end
        UNION ALL
        SELECT case_id, started_seq, unit, length, started_on, due_date FROM clocks
        WHERE reminder = 0 AND ended_at >= :end AND started_at < :end
      )
      """
    for row in try Row.fetchAll(
      db,
      sql: """
        \(running)
        SELECT c.kind, count(*) AS n FROM running k JOIN cases c ON c.id = k.case_id\(scope.join)
        WHERE k.due_date < :lastDay\(scope.caseRegion)
        GROUP BY c.kind
        """, arguments: scope.arguments)
    {
      guard let kind = CaseKind(rawValue: row["kind"]) else { continue }
      cases[kind, default: CaseFigures()].overdueAtEnd += row["n"]
    }
    // Deadlines an extension after the month moved past its last day: count them as they stood.
    for row in try Row.fetchAll(
      db,
      sql: """
        \(running)
        SELECT c.kind, k.length, k.started_on,
          (SELECT sum(json_extract(x.data, '$.days')) FROM events x
           WHERE x.case_id = k.case_id AND x.name = 'extend' AND x.at >= :end
             AND x.seq > k.started_seq) AS later_days
        FROM running k JOIN cases c ON c.id = k.case_id\(scope.join)
        WHERE k.due_date >= :lastDay AND k.unit = 'days' AND later_days IS NOT NULL\(scope.caseRegion)
        """, arguments: scope.arguments)
    {
      guard let kind = CaseKind(rawValue: row["kind"]),
        let startedOn = LocalDate(row["started_on"] as String)
      else { continue }
      let length: Int = row["length"]
      let laterDays: Int = row["later_days"]
      let due = agency.calendar.deadline(days: length - laterDays, after: startedOn).date
      if due < scope.period.lastDay { cases[kind, default: CaseFigures()].overdueAtEnd += 1 }
    }
  }

  /// Acceptances, transfers, outcomes, payments, approvals, disbursements, listings, removals and
  /// recognitions in the month.
  private func countEvents(_ scope: ReportScope, into figures: inout MonthlyFigures) throws {
    for row in try Row.fetchAll(
      db,
      sql: """
        SELECT c.kind, x.name,
          CASE WHEN x.name = 'resolve' THEN json_extract(x.data, '$.outcome')
            WHEN c.kind = 'arrears' THEN json_extract(c.details, '$.debtorType')
            WHEN c.kind = 'whitelist' THEN json_extract(c.details, '$.category')
            WHEN c.kind = 'cultivation' THEN json_extract(c.details, '$.tier') END AS facet,
          count(*) AS n, coalesce(sum(x.amount), 0) AS amount,
          coalesce(sum(x.name = 'transfer' AND NOT EXISTS (
            SELECT 1 FROM clocks k WHERE k.case_id = x.case_id AND k.state = 'accepted'
              AND k.ended_at = x.at AND k.late = 1)), 0) AS on_time
        FROM events x JOIN cases c ON c.id = x.case_id\(scope.join)
        WHERE x.name IN ('accept', 'transfer', 'resolve', 'pay', 'approve', 'disburse', 'remove',
            'recognize')
          AND x.at >= :start AND x.at < :end\(scope.caseRegion)
        GROUP BY c.kind, x.name, facet
        """, arguments: scope.arguments)
    {
      guard let kind = CaseKind(rawValue: row["kind"]) else { continue }
      let name: String = row["name"]
      let facet: String = row["facet"] ?? ""
      let count: Int = row["n"]
      let amount = Money(fen: row["amount"])
      switch (kind, name) {
      case (.arrears, "accept"):
        figures.arrears.accepted += count
      case (.arrears, "transfer"):
        figures.arrears.transferred += count
        figures.arrears.transferredOnTime += row["on_time"] as Int
      case (.arrears, "resolve"):
        if let outcome = ArrearsOutcome(rawValue: facet) {
          figures.arrears.outcomes[outcome, default: 0] += count
        }
      case (.arrears, "pay"):
        figures.arrears.amountRecovered += amount
        if let type = DebtorType(rawValue: facet) {
          figures.arrears.byDebtorType[type, default: DebtorTypeFigures()].amountRecovered += amount
        }
      case (.taxRefund, "approve"):
        figures.taxRefund.approvals += count
        figures.taxRefund.amountApproved += amount
      case (.taxRefund, "disburse"):
        figures.taxRefund.disbursements += count
        figures.taxRefund.amountDisbursed += amount
      case (.whitelist, "approve"):
        if let category = WhitelistCategory(rawValue: facet) {
          figures.whitelist.byCategory[category, default: WhitelistCategoryFigures()].newlyListed +=
            count
        }
      case (.whitelist, "remove"):
        if let category = WhitelistCategory(rawValue: facet) {
          figures.whitelist.byCategory[category, default: WhitelistCategoryFigures()].removed +=
            count
        }
      case (.cultivation, "recognize"):
        if let tier = Tier(rawValue: facet) {
          figures.cultivation.byTier[tier, default: TierFigures()].recognitions += count
        }
      default:
        break
      }
    }
  }

  /// Enterprises listed at the month's end, and recognitions valid on its last day.
  private func countStandingAtEnd(_ scope: ReportScope, into figures: inout MonthlyFigures) throws {
    // Listed at the end: the last listing event before the end listed or reinstated the firm.
    for row in try Row.fetchAll(
      db,
      sql: """
        SELECT json_extract(c.details, '$.category') AS category, count(*) AS n
        FROM cases c\(scope.join)
        WHERE c.kind = 'whitelist' AND c.opened_at < :end\(scope.caseRegion)
          AND (SELECT x.name FROM events x
               WHERE x.case_id = c.id AND x.at < :end
                 AND x.name IN ('approve', 'suspend', 'reinstate', 'remove')
               ORDER BY x.seq DESC LIMIT 1) IN ('approve', 'reinstate')
        GROUP BY category
        """, arguments: scope.arguments)
    {
      guard let category = WhitelistCategory(rawValue: row["category"] ?? "") else { continue }
      figures.whitelist.byCategory[category, default: WhitelistCategoryFigures()].listedAtEnd =
        row["n"]
    }
    // Valid at the end: recognised before the end, not revoked or expired by then, and valid on
    // the last day by the latest recognition or renewal before the end.
    for row in try Row.fetchAll(
      db,
      sql: """
        SELECT tier, count(*) AS valid, coalesce(sum(valid_until <= :horizon), 0) AS expiring
        FROM (
          SELECT json_extract(c.details, '$.tier') AS tier,
            (SELECT max(json_extract(x.data, '$.validUntil')) FROM events x
             WHERE x.case_id = c.id AND x.at < :end AND x.name IN ('recognize', 'renew'))
              AS valid_until
          FROM cases c\(scope.join)
          WHERE c.kind = 'cultivation' AND c.opened_at < :end
            AND (c.closed_at IS NULL OR c.closed_at >= :end)\(scope.caseRegion)
        )
        WHERE valid_until >= :lastDay
        GROUP BY tier
        """, arguments: scope.arguments)
    {
      guard let tier = Tier(rawValue: row["tier"] ?? "") else { continue }
      figures.cultivation.byTier[tier, default: TierFigures()].validAtEnd = row["valid"]
      figures.cultivation.byTier[tier, default: TierFigures()].expiringWithin90Days =
        row["expiring"]
    }
  }

  /// The headline figures of a month, by the same definitions as `monthlyFigures` but without the
  /// standing at the month's end, so that a year of them is cheap.
  public func headlineFigures(_ period: ReportPeriod, region: RegionPrefix?) throws
    -> HeadlineFigures
  {
    let scope = ReportScope(period, region: region)
    var headline = HeadlineFigures()
    if let row = try Row.fetchOne(
      db,
      sql: """
        SELECT count(*) AS opened, coalesce(sum(c.kind = 'arrears'), 0) AS received
        FROM cases c\(scope.join)
        WHERE c.opened_at >= :start AND c.opened_at < :end\(scope.caseRegion)
        """, arguments: scope.arguments)
    {
      headline[.casesOpened] = row["opened"]
      headline[.complaintsReceived] = row["received"]
    }
    headline[.casesClosed] =
      try Int64.fetchOne(
        db,
        sql: """
          SELECT count(*) FROM cases c\(scope.join)
          WHERE c.closed_at >= :start AND c.closed_at < :end\(scope.caseRegion)
          """, arguments: scope.arguments) ?? 0
    if let row = try Row.fetchOne(
      db,
      sql: """
        SELECT
          coalesce(sum(CASE WHEN x.name = 'pay' AND c.kind = 'arrears' THEN x.amount END), 0)
            AS recovered,
          coalesce(sum(x.name = 'approve' AND c.kind = 'whitelist'), 0) AS listed,
          coalesce(sum(x.name = 'recognize' AND c.kind = 'cultivation'), 0) AS recognitions
        FROM events x JOIN cases c ON c.id = x.case_id\(scope.join)
        WHERE x.name IN ('pay', 'approve', 'recognize')
          AND x.at >= :start AND x.at < :end\(scope.caseRegion)
        """, arguments: scope.arguments)
    {
      headline[.amountRecovered] = row["recovered"]
      headline[.newlyListed] = row["listed"]
      headline[.recognitions] = row["recognitions"]
    }
    if let row = try Row.fetchOne(
      db,
      sql: """
        SELECT count(*) AS n, coalesce(sum(s.served), 0) AS served FROM services s
        WHERE s.date >= :firstDay AND s.date <= :lastDay\(scope.serviceRegion)
        """, arguments: scope.arguments)
    {
      headline[.serviceActivities] = row["n"]
      headline[.enterprisesServed] = row["served"]
    }
    return headline
  }

  /// The month by prefecture (the first 4 digits of the enterprise's or the service's region).
  public func prefectureFigures(_ period: ReportPeriod, region: RegionPrefix?) throws -> [String:
    RegionFigures]
  {
    let scope = ReportScope(period, region: region)
    let join = " JOIN enterprises e ON e.id = c.enterprise_id"
    var result: [String: RegionFigures] = [:]
    for row in try Row.fetchAll(
      db,
      sql: """
        SELECT substr(e.region, 1, 4) AS prefecture, count(*) AS opened,
          coalesce(sum(c.kind = 'arrears'), 0) AS received
        FROM cases c\(join)
        WHERE c.opened_at >= :start AND c.opened_at < :end\(scope.caseRegion)
        GROUP BY prefecture
        """, arguments: scope.arguments)
    {
      result[row["prefecture"], default: RegionFigures()].casesOpened = row["opened"]
      result[row["prefecture"], default: RegionFigures()].complaintsReceived = row["received"]
    }
    for row in try Row.fetchAll(
      db,
      sql: """
        SELECT substr(e.region, 1, 4) AS prefecture, count(*) AS closed FROM cases c\(join)
        WHERE c.closed_at >= :start AND c.closed_at < :end\(scope.caseRegion)
        GROUP BY prefecture
        """, arguments: scope.arguments)
    {
      result[row["prefecture"], default: RegionFigures()].casesClosed = row["closed"]
    }
    for row in try Row.fetchAll(
      db,
      sql: """
        SELECT substr(e.region, 1, 4) AS prefecture, sum(x.amount) AS recovered
        FROM events x JOIN cases c ON c.id = x.case_id\(join)
        WHERE x.name = 'pay' AND c.kind = 'arrears'
          AND x.at >= :start AND x.at < :end\(scope.caseRegion)
        GROUP BY prefecture
        """, arguments: scope.arguments)
    {
      result[row["prefecture"], default: RegionFigures()].amountRecovered = Money(
        fen: row["recovered"])
    }
    for row in try Row.fetchAll(
      db,
      sql: """
        SELECT coalesce(substr(s.region, 1, 4), '') AS prefecture, count(*) AS n,
          coalesce(sum(s.served), 0) AS served
        FROM services s
        WHERE s.date >= :firstDay AND s.date <= :lastDay\(scope.serviceRegion)
        GROUP BY prefecture
        """, arguments: scope.arguments)
    {
      result[row["prefecture"], default: RegionFigures()].serviceActivities = row["n"]
      result[row["prefecture"], default: RegionFigures()].enterprisesServed = row["served"]
    }
    return result
  }

  // MARK: Frozen reports

  /// Stores a summary as submitted; every freeze is kept.
  @discardableResult
  public func freezeReport(
    month: YearMonth, region: RegionPrefix?, figures: String, officer: String, now: Instant
  ) throws -> FrozenReport {
    let key = region?.digits ?? ""
    if try Int.fetchOne(
      db, sql: "SELECT 1 FROM frozen_reports WHERE month = ? AND region = ? AND frozen_at = ?",
      arguments: [month.description, key, now.seconds]) != nil
    {
      throw StoreError.reportAlreadyFrozen(month: month.description)
    }
    try db.execute(
      sql: """
        INSERT INTO frozen_reports (month, region, frozen_at, officer, figures)
        VALUES (?, ?, ?, ?, ?)
        """, arguments: [month.description, key, now.seconds, officer, figures])
    return FrozenReport(
      month: month, region: region, frozenAt: now, officer: officer, figures: figures)
  }

  /// Every freeze of a month's summary for a region filter, oldest first.
  public func frozenReports(month: YearMonth, region: RegionPrefix?) throws -> [FrozenReport] {
    try Row.fetchAll(
      db,
      sql: """
        SELECT frozen_at, officer, figures FROM frozen_reports
        WHERE month = ? AND region = ? ORDER BY frozen_at
        """, arguments: [month.description, region?.digits ?? ""]
    ).map { row in
      FrozenReport(
        month: month, region: region, frozenAt: Instant(seconds: row["frozen_at"]),
        officer: row["officer"], figures: row["figures"])
    }
  }
}
