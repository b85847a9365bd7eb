import GRDB
import ReliefDomain

extension StoreSession {
  /// Per officer: open cases, overdue and due soon today, and closed in the month; the most
  /// overdue officers first. Open and closed cases come from the index of closing times, the
  /// deadlines from the index of running clocks, so that no case row is read but those with a
  /// deadline near or past.
  public func workload(_ filter: ReportFilter, today: LocalDate, month: ReportPeriod) throws
    -> [OfficerWorkload]
  {
    var conditions: [String] = []
    var arguments: [String: (any DatabaseValueConvertible)?] = [
      "today": today.description, "start": month.start.seconds, "end": month.end.seconds,
    ]
    Self.narrow(&conditions, &arguments, by: filter)
    let narrowing = conditions.map { " AND " + $0 }.joined()
    let enterprise = " CROSS JOIN enterprises e ON e.id = c.enterprise_id"
    var byOfficer: [String?: OfficerWorkload] = [:]
    func entry(_ officer: String?) -> OfficerWorkload {
      byOfficer[officer]
        ?? OfficerWorkload(officer: officer, open: 0, overdue: 0, dueSoon: 0, closed: 0)
    }
    for row in try Row.fetchAll(
      db,
      sql: """
        SELECT assignee, coalesce(sum(closed_at IS NULL), 0) AS open,
          coalesce(sum(closed_at IS NOT NULL), 0) AS closed
        FROM (
          SELECT c.assignee, c.closed_at FROM cases c\(enterprise)
          WHERE c.closed_at IS NULL\(narrowing)
          UNION ALL
          SELECT c.assignee, c.closed_at FROM cases c\(enterprise)
          WHERE c.closed_at >= :start AND c.closed_at < :end\(narrowing)
        ) GROUP BY assignee
        """, arguments: StatementArguments(arguments))
    {
      var line = entry(row["assignee"])
      line.open = row["open"]
      line.closed = row["closed"]
      byOfficer[line.officer] = line
    }
    for row in try Row.fetchAll(
      db,
      sql: """
        SELECT c.assignee, \(AlertSQL.clocks.count(.red, as: "overdue")),
          \(AlertSQL.clocks.count(.yellow, as: "due_soon"))
        FROM clocks k CROSS JOIN cases c ON c.id = k.case_id\(enterprise)
        WHERE k.ended_at IS NULL AND k.reminder = 0
          AND \(AlertSQL.clocks.needsAttention)\(narrowing)
        GROUP BY c.assignee
        """, arguments: StatementArguments(arguments))
    {
      var line = entry(row["assignee"])
      line.overdue = row["overdue"]
      line.dueSoon = row["due_soon"]
      byOfficer[line.officer] = line
    }
    return byOfficer.values.sorted {
      ($1.overdue, $1.open, $0.officer == nil ? 1 : 0, $0.officer ?? "")
        < ($0.overdue, $0.open, $1.officer == nil ? 1 : 0, $1.officer ?? "")
    }
  }

  /// Arrears by debtor, the largest outstanding first.
  public func debtors(_ filter: ReportFilter) throws -> Page<DebtorStanding> {
    try page(debtorQuery(filter), limit: filter.limit, map: Self.debtorStanding(from:))
  }

  /// Every debtor (the filter's limit aside), in the same order, handed to `sink` a batch at a
  /// time: a province has hundreds of thousands.
  public func debtors(_ filter: ReportFilter, into sink: ListSink<DebtorStanding>) throws {
    try stream(debtorQuery(filter), into: sink, map: Self.debtorStanding(from:))
  }

  private func debtorQuery(_ filter: ReportFilter) -> ListQuery {
    var conditions = ["c.kind = \(CaseKind.arrears.sql)"]
    var arguments: [String: (any DatabaseValueConvertible)?] = [:]
    Self.narrow(&conditions, &arguments, by: filter)
    let outstanding = """
      CASE WHEN state IN \([CaseState.rejected, .withdrawn].sql) THEN 0
        WHEN outcome IN \([ArrearsOutcome.paidInFull, .noDebtFound].sql) THEN 0
        ELSE owed - recovered END
      """
    // Each complaint's facts are read out of its details once.
    let grouped = """
      WITH complaint AS MATERIALIZED (
        SELECT c.opened_at, c.closed_at, c.state,
          json_extract(c.details, '$.debtor') AS debtor,
          json_extract(c.details, '$.debtorType') AS debtor_type,
          json_extract(c.details, '$.debtorCode') AS debtor_code,
          json_extract(c.details, '$.amountOwed') AS owed,
          json_extract(c.details, '$.amountRecovered') AS recovered,
          json_extract(c.details, '$.outcome') AS outcome
        FROM cases c CROSS JOIN enterprises e ON e.id = c.enterprise_id
        WHERE \(conditions.joined(separator: " AND "))
      )
      SELECT coalesce(debtor_code, debtor) AS debtor_key, debtor, debtor_type, debtor_code,
        max(opened_at) AS latest, count(*) AS complaints,
        coalesce(sum(closed_at IS NULL), 0) AS open,
        \(ExactSum.columns("owed", as: "owed")), \(ExactSum.columns("recovered", as: "recovered")),
        \(ExactSum.columns(outstanding, as: "outstanding"))
      FROM complaint
      GROUP BY debtor_key
      """
    // Sums in halves (`ExactSum`): a debtor's totals never overflow, and are ordered exactly.
    return ListQuery(
      select: "*, \(ExactSum.ordering("outstanding"))", from: "(\(grouped))", conditions: [],
      arguments: StatementArguments(arguments),
      orderBy:
        "outstanding_carried_high DESC, outstanding_carried_low DESC, complaints DESC, debtor")
  }

  private static func debtorStanding(from row: Row) -> DebtorStanding {
    DebtorStanding(
      debtor: row["debtor"], debtorType: DebtorType(rawValue: row["debtor_type"] ?? ""),
      debtorCode: row["debtor_code"], complaints: row["complaints"], open: row["open"],
      amountOwed: ExactSum.total(row, "owed"), amountRecovered: ExactSum.total(row, "recovered"),
      outstanding: ExactSum.total(row, "outstanding"))
  }

  /// Adds the filter's region, kind and debtor type to a query over cases `c` joined with their
  /// enterprise `e`.
  private static func narrow(
    _ conditions: inout [String], _ arguments: inout [String: (any DatabaseValueConvertible)?],
    by filter: ReportFilter
  ) {
    if let region = filter.region {
      conditions.append("e.region >= :regionLow AND e.region < :regionHigh")
      arguments["regionLow"] = region.digits
      arguments["regionHigh"] = region.upperBound
    }
    if let kind = filter.kind {
      conditions.append("c.kind = :kind")
      arguments["kind"] = kind.rawValue
    }
    if let debtorType = filter.debtorType {
      conditions.append("json_extract(c.details, '$.debtorType') = :debtorType")
      arguments["debtorType"] = debtorType.rawValue
    }
  }
}
