import Foundation
import GRDB
import ReliefDomain

extension StoreSession {
  /// Cases matching a filter: most recently opened first, or most urgent first when the filter is
  /// about deadlines.
  public func cases(matching filter: CaseFilter, today: LocalDate) throws -> Page<CaseRecord> {
    try page(caseQuery(filter, today: today), limit: filter.limit, map: Self.caseRecord(from:))
  }

  /// Every case matching a filter (its limit aside), in the order of `cases(matching:today:)`,
  /// handed to `sink` a batch at a time.
  public func cases(matching filter: CaseFilter, today: LocalDate, into sink: ListSink<CaseRecord>)
    throws
  {
    try stream(caseQuery(filter, today: today), into: sink, map: Self.caseRecord(from:))
  }

  private func caseQuery(_ filter: CaseFilter, today: LocalDate) -> ListQuery {
    var conditions: [String] = []
    var arguments: [String: (any DatabaseValueConvertible)?] = ["today": today.description]
    if let kind = filter.kind {
      conditions.append("c.kind = :kind")
      arguments["kind"] = kind.rawValue
    }
    if let state = filter.state {
      conditions.append("c.state = :state")
      arguments["state"] = state.rawValue
    }
    switch filter.openness {
    case .open?: conditions.append("c.closed_at IS NULL")
    case .closed?: conditions.append("c.closed_at IS NOT NULL")
    case nil: break
    }
    if let assignee = filter.assignee {
      conditions.append("c.assignee = :assignee")
      arguments["assignee"] = assignee
    }
    if let region = filter.region {
      conditions.append("e.region >= :regionLow AND e.region < :regionHigh")
      arguments["regionLow"] = region.digits
      arguments["regionHigh"] = region.upperBound
    }
    if let enterprise = filter.enterprise {
      conditions.append("e.uscc = :uscc")
      arguments["uscc"] = enterprise.rawValue
    }
    if filter.overdue {
      conditions.append(AlertSQL.cases.condition(.red))
    }
    if let dueBy = filter.dueBy {
      conditions.append(
        "c.due_date >= :today AND c.due_date <= :dueBy AND NOT \(AlertSQL.cases.reminder)")
      arguments["dueBy"] = dueBy.description
    }
    if let alert = filter.alert {
      conditions.append(AlertSQL.cases.condition(alert))
    }
    if filter.reReviewDue {
      conditions.append(AlertSQL.cases.reReviewDue)
    }
    let order =
      filter.isAboutDeadlines
      ? "c.due_date ASC, c.opened_at ASC, c.id ASC" : "c.opened_at DESC, c.id DESC"
    // The count joins only what the conditions read: a case has one enterprise and at most one
    // running clock, so the joins never change how many match. The alert conditions read the
    // case row alone.
    var countFrom = "cases c"
    if filter.region != nil || filter.enterprise != nil {
      countFrom += " JOIN enterprises e ON e.id = c.enterprise_id"
    }
    return ListQuery(
      select: Self.caseColumns, from: Self.caseJoins, countFrom: countFrom, conditions: conditions,
      arguments: StatementArguments(arguments), orderBy: order)
  }
}
