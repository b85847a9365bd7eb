import Foundation
import GRDB
import ReliefDomain

/// A case as stored, with the enterprise's name and region.
public struct CaseRecord: Equatable, Sendable {
  /// The case.
  public var reliefCase: ReliefCase
  /// The enterprise's registered name.
  public var enterpriseName: String
  /// The enterprise's region.
  public var enterpriseRegion: RegionCode
  /// True when the enterprise's code failed its check characters and was let through.
  public var enterpriseHasChecksumWarning = false
}

/// Filters of `relief case list`.
public struct CaseFilter: Sendable {
  /// Open (non-terminal) or closed (terminal) cases only.
  public enum Openness: Sendable { case open, closed }

  public var kind: CaseKind?
  public var state: CaseState?
  public var openness: Openness?
  public var assignee: String?
  public var region: RegionPrefix?
  public var enterprise: USCC?
  /// Only cases whose deadline has passed.
  public var overdue: Bool
  /// Only cases due on or before this day.
  public var dueBy: LocalDate?
  /// Only cases at this alert level.
  public var alert: Alert?
  /// Leave out cases whose running clock is a reminder (re-review due), which never makes a case
  /// late: what the overdue report and the monthly summary count as deadlines.
  public var excludesReminders: Bool
  public var limit: Int

  /// Creates a filter; a limit of 0 lists everything.
  public init(
    kind: CaseKind? = nil, state: CaseState? = nil, openness: Openness? = nil,
    assignee: String? = nil, region: RegionPrefix? = nil, enterprise: USCC? = nil,
    overdue: Bool = false, dueBy: LocalDate? = nil, alert: Alert? = nil,
    excludesReminders: Bool = false, limit: Int = 100
  ) {
    self.kind = kind
    self.state = state
    self.openness = openness
    self.assignee = assignee
    self.region = region
    self.enterprise = enterprise
    self.overdue = overdue
    self.dueBy = dueBy
    self.alert = alert
    self.excludesReminders = excludesReminders
    self.limit = limit
  }

  /// True when the filter is about deadlines, so the most urgent come first.
  var isAboutDeadlines: Bool { overdue || dueBy != nil || alert != nil }
}

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
      conditions.append("c.due_date >= :today AND c.due_date <= :dueBy")
      arguments["dueBy"] = dueBy.description
    }
    if let alert = filter.alert {
      conditions.append(AlertSQL.cases.condition(alert))
    }
    if filter.excludesReminders {
      conditions.append("k.reminder = 0")
    }
    let order =
      filter.isAboutDeadlines
      ? "c.due_date ASC, c.opened_at ASC, c.id ASC" : "c.opened_at DESC, c.id DESC"
    // The count joins only what the conditions read: a case has one enterprise and at most one
    // running clock, so the joins never change how many match.
    var countFrom = "cases c"
    if filter.region != nil || filter.enterprise != nil {
      countFrom += " JOIN enterprises e ON e.id = c.enterprise_id"
    }
    if filter.excludesReminders {
      countFrom += " LEFT JOIN clock_periods k ON k.case_id = c.id AND k.ended_at IS NULL"
    }
    return ListQuery(
      select: Self.caseColumns, from: Self.caseJoins, countFrom: countFrom, conditions: conditions,
      arguments: StatementArguments(arguments), orderBy: order)
  }
}
