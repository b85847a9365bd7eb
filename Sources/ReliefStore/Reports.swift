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
    let figures = try monthlyFigures(ReportPeriod(month, zone: zone), region: region)
    var compared: [YearMonth: HeadlineFigures] = [:]
    for other in [month.adding(months: -1), month.adding(months: -12)] {
      compared[other] = try headlineFigures(ReportPeriod(other, zone: zone), region: region)
    }
    var trend: [YearMonth: TrendPoint] = [:]
    for back in 0...12 {
      let other = month.adding(months: -back)
      trend[other] = try trendPoint(ReportPeriod(other, zone: zone), region: region)
    }
    return MonthlySummary(
      figures: figures, comparedHeadlines: compared, trend: trend,
      byPrefecture: try prefectureFigures(figures.period, region: region))
  }

  /// Complaints received and amounts recovered in a month, by the definitions of the summary.
  public func trendPoint(_ period: ReportPeriod, region: RegionPrefix?) throws -> TrendPoint {
    let scope = ReportScope(period, region: region)
    let received =
      try Int.fetchOne(
        db,
        sql: """
          SELECT count(*) FROM cases c\(scope.join)
          WHERE c.kind = 'arrears' AND c.opened_at >= :start AND c.opened_at < :end\(scope.caseRegion)
          """, arguments: scope.arguments) ?? 0
    let recovered =
      try Int64.fetchOne(
        db,
        sql: """
          SELECT coalesce(sum(x.amount), 0) FROM events x\(scope.eventJoin)
          WHERE \(Self.condition("pay", of: .arrears))
            AND x.at >= :start AND x.at < :end\(scope.caseRegion)
          """, arguments: scope.arguments) ?? 0
    return TrendPoint(complaintsReceived: received, amountRecovered: Money(fen: recovered))
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
    var closings: [(kind: CaseKind, opened: LocalDate, closed: LocalDate)] = []
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
  /// counts, each over its range of the index of closings (`GROUP BY +c.kind`: grouping by the
  /// plain column would draw SQLite to the index by kind, and through every case ever opened).
  private func countOpenAtEnd(_ scope: ReportScope, cases: inout [CaseKind: CaseFigures]) throws {
    for closing in ["c.closed_at IS NULL", "c.closed_at >= :end"] {
      for row in try Row.fetchAll(
        db,
        sql: """
          SELECT c.kind, count(*) AS n FROM cases c\(scope.join)
          WHERE \(closing) AND c.opened_at < :end\(scope.caseRegion)
          GROUP BY +c.kind
          """, arguments: scope.arguments)
      {
        guard let kind = CaseKind(rawValue: row["kind"]) else { continue }
        cases[kind, default: CaseFigures()].openAtEnd += row["n"]
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
    for row in try Row.fetchAll(
      db,
      sql: """
        SELECT k.setting, count(*) AS n FROM clocks k\(scope.clockJoin)
        WHERE k.ended_at IS NULL AND k.reminder = 0 AND k.due_date < :lastDay
          AND k.started_at < :end\(scope.caseRegion)
        GROUP BY k.setting
        UNION ALL
        SELECT k.setting, count(*) AS n FROM clocks k\(scope.clockJoin)
        WHERE k.ended_at >= :end AND k.reminder = 0 AND k.due_date < :lastDay
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
        WHERE x.name = 'extend' AND x.at >= :end
          AND k.reminder = 0 AND k.unit = 'days' AND k.started_at < :end
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
      kind.workflow.states.compactMap { $0.clock.map { ($0.setting, kind) } }
    }, uniquingKeysWith: { first, _ in first })

  /// Acceptances, transfers, outcomes, payments, approvals, disbursements, listings, removals and
  /// recognitions in the month. Counts and amounts come from the events' index alone; only the
  /// events split by a case's detail (debtor type, category, tier) read their case.
  private func countEvents(_ scope: ReportScope, into figures: inout MonthlyFigures) throws {
    let range = "x.at >= :start AND x.at < :end\(scope.caseRegion)"
    let accept = Self.condition("accept", of: .arrears)
    let transfer = Self.condition("transfer", of: .arrears)
    let approve = Self.condition("approve", of: .taxRefund)
    let disburse = Self.condition("disburse", of: .taxRefund)
    if let row = try Row.fetchOne(
      db,
      sql: """
        SELECT coalesce(sum(\(accept)), 0) AS accepted, coalesce(sum(\(transfer)), 0) AS transferred,
          coalesce(sum(CASE WHEN \(approve) THEN 1 END), 0) AS approvals,
          coalesce(sum(CASE WHEN \(approve) THEN x.amount END), 0) AS approved,
          coalesce(sum(CASE WHEN \(disburse) THEN 1 END), 0) AS disbursements,
          coalesce(sum(CASE WHEN \(disburse) THEN x.amount END), 0) AS disbursed
        FROM events x\(scope.eventJoin)
        WHERE x.name IN ('accept', 'transfer', 'approve', 'disburse') AND \(range)
        """, arguments: scope.arguments)
    {
      figures.arrears.accepted = row["accepted"]
      figures.arrears.transferred = row["transferred"]
      figures.taxRefund.approvals = row["approvals"]
      figures.taxRefund.amountApproved = Money(fen: row["approved"])
      figures.taxRefund.disbursements = row["disbursements"]
      figures.taxRefund.amountDisbursed = Money(fen: row["disbursed"])
    }
    // A transfer is on time when the acceptance clock it stopped was not late.
    figures.arrears.transferredOnTime =
      try Int.fetchOne(
        db,
        sql: """
          SELECT count(*) FROM events x\(scope.eventJoin)
          WHERE \(transfer) AND \(range)
            AND NOT EXISTS (SELECT 1 FROM clocks k WHERE k.case_id = x.case_id
              AND k.state = 'accepted' AND k.ended_at = x.at AND k.late = 1)
          """, arguments: scope.arguments) ?? 0
    for row in try Row.fetchAll(
      db,
      sql: """
        SELECT json_extract(x.data, '$.outcome') AS outcome, count(*) AS n
        FROM events x\(scope.eventJoin)
        WHERE \(Self.condition("resolve", of: .arrears)) AND \(range)
        GROUP BY outcome
        """, arguments: scope.arguments)
    {
      guard let outcome = ArrearsOutcome(rawValue: row["outcome"] ?? "") else { continue }
      figures.arrears.outcomes[outcome, default: 0] += row["n"]
    }
    let split: [(event: EventName, kind: CaseKind, detail: String)] = [
      ("pay", .arrears, "debtorType"), ("approve", .whitelist, "category"),
      ("remove", .whitelist, "category"), ("recognize", .cultivation, "tier"),
    ]
    for (event, kind, detail) in split {
      for row in try Row.fetchAll(
        db,
        sql: """
          SELECT json_extract(c.details, '$.\(detail)') AS facet, count(*) AS n,
            coalesce(sum(x.amount), 0) AS amount
          FROM events x CROSS JOIN cases c ON c.id = x.case_id\(scope.join)
          WHERE \(Self.condition(event, of: kind)) AND \(range)
          GROUP BY facet
          """, arguments: scope.arguments)
      {
        let facet: String = row["facet"] ?? ""
        let count: Int = row["n"]
        switch (event, kind) {
        case ("pay", _):
          let amount = Money(fen: row["amount"])
          figures.arrears.amountRecovered += amount
          if let type = DebtorType(rawValue: facet) {
            figures.arrears.byDebtorType[type, default: DebtorTypeFigures()].amountRecovered +=
              amount
          }
        case ("approve", _):
          if let category = WhitelistCategory(rawValue: facet) {
            figures.whitelist.byCategory[category, default: .init()].newlyListed += count
          }
        case ("remove", _):
          if let category = WhitelistCategory(rawValue: facet) {
            figures.whitelist.byCategory[category, default: .init()].removed += count
          }
        default:
          if let tier = Tier(rawValue: facet) {
            figures.cultivation.byTier[tier, default: TierFigures()].recognitions += count
          }
        }
      }
    }
  }

  /// The SQL condition that an event `x` is `event` of a case of `kind`, read from the workflow
  /// definitions: its name, and, when another kind has an event of that name (a white-list
  /// approval and a tax approval), the states it leaves and reaches in this kind. So counting
  /// events needs no case. Only for events the states tell apart, as every event the reports
  /// count is (a test holds them to it).
  static func condition(_ event: EventName, of kind: CaseKind) -> String {
    let name = "x.name = '\(event.rawValue)'"
    let others = CaseKind.allCases.filter { $0 != kind }.compactMap {
      $0.workflow.transition(event)
    }
    guard let transition = kind.workflow.transition(event), !others.isEmpty else {
      return "(\(name))"
    }
    let steps = Self.steps(of: transition)
    precondition(
      others.allSatisfy { Set(Self.steps(of: $0)).isDisjoint(with: steps) },
      "\(event) of \(kind) cannot be told from another kind's by its states")
    let pairs = steps.map { "(x.from_state = '\($0.from)' AND x.to_state = '\($0.to)')" }
    return "(\(name) AND (\(pairs.joined(separator: " OR "))))"
  }

  /// The state changes a transition makes: from each source to its target (or to itself).
  static func steps(of transition: Transition) -> [Step] {
    transition.sources.map { Step(from: $0.rawValue, to: (transition.target ?? $0).rawValue) }
  }

  /// A state change, as events record it.
  struct Step: Hashable {
    let from: String
    let to: String
  }

  /// Enterprises listed at the month's end, and recognitions valid on its last day. A case no
  /// event touched since the end stands as it stands now; only the few touched since are read back
  /// to the end from their events (through the index of each case's events: the `+` keeps
  /// SQLite from the index of every listing or recognition by time instead, which at a
  /// province's scale it would read once per case).
  private func countStandingAtEnd(_ scope: ReportScope, into figures: inout MonthlyFigures) throws {
    // Listed at the end: the last listing event before the end listed or reinstated the firm.
    let listingEvents = "('approve', 'suspend', 'reinstate', 'remove')"
    let touchedSince = """
      (SELECT case_id FROM events WHERE name IN \(listingEvents) AND at >= :end)
      """
    for row in try Row.fetchAll(
      db,
      sql: """
        SELECT category, count(*) AS n FROM (
          SELECT json_extract(c.details, '$.category') AS category FROM cases c\(scope.join)
          WHERE c.kind = 'whitelist' AND c.state = 'listed' AND c.opened_at < :end
            AND c.id NOT IN \(touchedSince)\(scope.caseRegion)
          UNION ALL
          SELECT json_extract(c.details, '$.category') AS category FROM cases c\(scope.join)
          WHERE c.kind = 'whitelist' AND c.id IN \(touchedSince)\(scope.caseRegion)
            AND (SELECT x.name FROM events x
                 WHERE x.case_id = c.id AND +x.at < :end AND +x.name IN \(listingEvents)
                 ORDER BY x.seq DESC LIMIT 1) IN ('approve', 'reinstate')
        ) GROUP BY category
        """, arguments: scope.arguments)
    {
      guard let category = WhitelistCategory(rawValue: row["category"] ?? "") else { continue }
      figures.whitelist.byCategory[category, default: WhitelistCategoryFigures()].listedAtEnd =
        row["n"]
    }
    // Valid at the end: recognised before the end, not revoked or expired by then, and valid on
    // the last day by the latest recognition or renewal before the end.
    let renewedSince = """
      (SELECT case_id FROM events WHERE name IN ('recognize', 'renew') AND at >= :end)
      """
    let standing = """
      c.kind = 'cultivation' AND c.opened_at < :end
        AND (c.closed_at IS NULL OR c.closed_at >= :end)\(scope.caseRegion)
      """
    for row in try Row.fetchAll(
      db,
      sql: """
        SELECT tier, count(*) AS valid, coalesce(sum(valid_until <= :horizon), 0) AS expiring
        FROM (
          SELECT json_extract(c.details, '$.tier') AS tier,
            json_extract(c.details, '$.validUntil') AS valid_until
          FROM cases c\(scope.join)
          WHERE \(standing) AND json_extract(c.details, '$.validUntil') >= :lastDay
            AND c.id NOT IN \(renewedSince)
          UNION ALL
          SELECT json_extract(c.details, '$.tier') AS tier,
            (SELECT max(json_extract(x.data, '$.validUntil')) FROM events x
             WHERE x.case_id = c.id AND +x.at < :end AND +x.name IN ('recognize', 'renew'))
              AS valid_until
          FROM cases c\(scope.join)
          WHERE \(standing) AND c.id IN \(renewedSince)
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
  /// standing at the month's end, so that they are cheap.
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
          coalesce(sum(CASE WHEN \(Self.condition("pay", of: .arrears)) THEN x.amount END), 0)
            AS recovered,
          coalesce(sum(\(Self.condition("approve", of: .whitelist))), 0) AS listed,
          coalesce(sum(\(Self.condition("recognize", of: .cultivation))), 0) AS recognitions
        FROM events x\(scope.eventJoin)
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
    let join = ReportScope.enterprise
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
        FROM events x CROSS JOIN cases c ON c.id = x.case_id\(join)
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
