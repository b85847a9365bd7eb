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

  /// Creates one (for the stores).
  package init(
    reliefCase: ReliefCase, enterpriseName: String, enterpriseRegion: RegionCode,
    enterpriseHasChecksumWarning: Bool = false
  ) {
    self.reliefCase = reliefCase
    self.enterpriseName = enterpriseName
    self.enterpriseRegion = enterpriseRegion
    self.enterpriseHasChecksumWarning = enterpriseHasChecksumWarning
  }
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
  // The deadline filters follow the one definition (`CaseClock.deadlineAlert(on:)`): a re-review
  // reminder is never overdue, due soon or due by a day; `reReviewDue` selects those apart.
  /// Only cases whose deadline has passed (red).
  public var overdue: Bool
  /// Only cases whose deadline falls from today to this day.
  public var dueBy: LocalDate?
  /// Only cases whose deadline is at this alert level (yellow: due soon).
  public var alert: Alert?
  /// Only cases whose re-review is due (`CaseClock.isReReviewDue(on:)`).
  public var reReviewDue: Bool
  public var limit: Int

  /// Creates a filter; a limit of 0 lists everything.
  public init(
    kind: CaseKind? = nil, state: CaseState? = nil, openness: Openness? = nil,
    assignee: String? = nil, region: RegionPrefix? = nil, enterprise: USCC? = nil,
    overdue: Bool = false, dueBy: LocalDate? = nil, alert: Alert? = nil,
    reReviewDue: Bool = false, limit: Int = 100
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
    self.reReviewDue = reReviewDue
    self.limit = limit
  }

  /// True when the filter is about deadlines, so the most urgent come first.
  package var isAboutDeadlines: Bool { overdue || dueBy != nil || alert != nil || reReviewDue }
}
