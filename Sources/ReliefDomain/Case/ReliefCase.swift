/// One matter handled for one enterprise: its state is always the replay of its events.
public struct ReliefCase: Equatable, Sendable {
  /// The id, such as `AR-2026-000001`.
  public var id: CaseID
  /// Where the case is in its workflow.
  public var state: CaseState
  /// The enterprise served.
  public var enterprise: USCC
  /// A short title.
  public var title: String
  /// The officer handling it.
  public var assignee: String?
  /// When it was opened (effective time).
  public var openedAt: Instant
  /// The effective time of its last event.
  public var updatedAt: Instant
  /// When it entered a terminal state.
  public var closedAt: Instant?
  /// The kind-specific facts.
  public var details: CaseDetails
  /// How many times it was supervised (督办).
  public var supervisionLevel: Int
  /// The clock running now, if any.
  public var clock: CaseClock?
  /// The sequence number of its last event.
  public var lastSeq: Int

  /// Creates a case.
  public init(
    id: CaseID, state: CaseState, enterprise: USCC, title: String, assignee: String?,
    openedAt: Instant, updatedAt: Instant, closedAt: Instant?, details: CaseDetails,
    supervisionLevel: Int, clock: CaseClock?, lastSeq: Int
  ) {
    self.id = id
    self.state = state
    self.enterprise = enterprise
    self.title = title
    self.assignee = assignee
    self.openedAt = openedAt
    self.updatedAt = updatedAt
    self.closedAt = closedAt
    self.details = details
    self.supervisionLevel = supervisionLevel
    self.clock = clock
    self.lastSeq = lastSeq
  }

  /// The kind.
  public var kind: CaseKind { id.kind }

  /// The kind's workflow.
  public var workflow: Workflow { id.kind.workflow }

  /// True once the case is in a terminal state.
  public var isTerminal: Bool { workflow.isTerminal(state) }

  /// The events allowed now.
  public var nextEvents: [EventName] { workflow.allowedEvents(in: state) }

  /// The alert of the case's deadline on a local day, or nil when no deadline runs (no clock,
  /// or only a re-review reminder): red is overdue, yellow due soon (`CaseClock.deadlineAlert`).
  public func alert(on day: LocalDate) -> Alert? { clock?.deadlineAlert(on: day) }

  /// True when the case's re-review reminder is due on a local day.
  public func isReReviewDue(on day: LocalDate) -> Bool { clock?.isReReviewDue(on: day) ?? false }
}

/// The inputs of an event, under their command-line option names, plus the values an event
/// derives (a supervision's level, a recognition's validity).
public struct EventInputs: Equatable, Sendable, Codable {
  public var reason: String?
  public var to: String?
  public var amount: Money?
  public var outcome: ArrearsOutcome?
  public var days: Int?
  public var score: Int?
  public var region: RegionCode?
  public var satisfaction: Satisfaction?
  public var note: String?
  public var fastTrack: String?
  public var assignee: String?
  /// The years a revocation bars a new cultivation case (revoke; 0 when not given).
  public var banYears: Int?
  /// Derived: the supervision level reached.
  public var level: Int?
  /// Derived: the last day a recognition is valid after this event.
  public var validUntil: LocalDate?
  /// Derived: the day a revocation's ban ends (revoke with `--ban-years` above 0).
  public var banUntil: LocalDate?

  /// Creates inputs.
  public init(
    reason: String? = nil, to: String? = nil, amount: Money? = nil, outcome: ArrearsOutcome? = nil,
    days: Int? = nil, score: Int? = nil, region: RegionCode? = nil,
    satisfaction: Satisfaction? = nil, note: String? = nil, fastTrack: String? = nil,
    assignee: String? = nil, banYears: Int? = nil
  ) {
    self.reason = reason
    self.to = to
    self.amount = amount
    self.outcome = outcome
    self.days = days
    self.score = score
    self.region = region
    self.satisfaction = satisfaction
    self.note = note
    self.fastTrack = fastTrack
    self.assignee = assignee
    self.banYears = banYears
  }

  /// True when the input was given.
  public func has(_ field: InputField) -> Bool {
    switch field {
    case .reason: return reason != nil
    case .to: return to != nil
    case .amount: return amount != nil
    case .outcome: return outcome != nil
    case .days: return days != nil
    case .score: return score != nil
    case .region: return region != nil
    case .satisfaction: return satisfaction != nil
    case .note: return note != nil
    case .fastTrack: return fastTrack != nil
    case .assignee: return assignee != nil
    case .banYears: return banYears != nil
    }
  }
}

/// What opening a case records: everything needed to replay it.
public struct CaseOpening: Equatable, Sendable, Codable {
  /// The enterprise served.
  public var enterprise: USCC
  /// The title.
  public var title: String
  /// The officer it is assigned to.
  public var assignee: String?
  /// The initial facts.
  public var details: CaseDetails

  /// Creates an opening.
  public init(enterprise: USCC, title: String, assignee: String?, details: CaseDetails) {
    self.enterprise = enterprise
    self.title = title
    self.assignee = assignee
    self.details = details
  }
}

/// Something that happened to a case. Events are append-only.
public struct CaseEvent: Equatable, Sendable {
  /// 1 for the opening, then counting up without gaps.
  public var seq: Int
  /// The event.
  public var name: EventName
  /// The state before, nil for the opening.
  public var from: CaseState?
  /// The state after.
  public var to: CaseState
  /// When it took effect.
  public var at: Instant
  /// When it was recorded.
  public var recordedAt: Instant
  /// Who recorded it.
  public var officer: String
  /// Its inputs (empty for the opening).
  public var inputs: EventInputs
  /// For the opening: the case as opened.
  public var opening: CaseOpening?

  /// Creates an event.
  public init(
    seq: Int, name: EventName, from: CaseState?, to: CaseState, at: Instant, recordedAt: Instant,
    officer: String, inputs: EventInputs = EventInputs(), opening: CaseOpening? = nil
  ) {
    self.seq = seq
    self.name = name
    self.from = from
    self.to = to
    self.at = at
    self.recordedAt = recordedAt
    self.officer = officer
    self.inputs = inputs
    self.opening = opening
  }
}
