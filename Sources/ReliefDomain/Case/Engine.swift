/// What a decision needs besides the case: the time, the zone, the calendar and the settings.
public struct DecisionContext: Sendable {
  /// The time now (`RELIEF_NOW` or the clock); events may not take effect later than this.
  public var now: Instant
  /// The agency's time zone.
  public var zone: AgencyZone
  /// The working-day calendar.
  public var calendar: WorkingCalendar
  /// The clock lengths.
  public var clocks: ClockSettings
  /// The enterprise's standing, when the store looked it up.
  public var standing: EnterpriseStanding?
  /// The size recorded for the enterprise a case is opened for, when the store looked it up: a
  /// large enterprise may not complain of arrears (`ArrearsScope`).
  public var complainantSize: EnterpriseSize?

  /// Creates a context.
  public init(
    now: Instant, zone: AgencyZone = .shanghai, calendar: WorkingCalendar = .official,
    clocks: ClockSettings = .defaults, standing: EnterpriseStanding? = nil
  ) {
    self.now = now
    self.zone = zone
    self.calendar = calendar
    self.clocks = clocks
    self.standing = standing
  }
}

/// An officer's request to perform an event.
public struct EventRequest: Sendable {
  /// The event.
  public var event: EventName
  /// Its inputs.
  public var inputs: EventInputs
  /// When it took effect; nil for now.
  public var at: Instant?
  /// Who records it.
  public var officer: String

  /// Creates a request.
  public init(
    _ event: EventName, inputs: EventInputs = EventInputs(), at: Instant? = nil, officer: String
  ) {
    self.event = event
    self.inputs = inputs
    self.at = at
    self.officer = officer
  }
}

/// How an event changed the case's clock.
public struct ClockChange: Equatable, Sendable {
  /// The clock that stopped at this event.
  public var ended: CaseClock?
  /// The clock that started at this event.
  public var started: CaseClock?
  /// The running clock, changed in place (an extension, a renewal).
  public var updated: CaseClock?
  /// True when the event answered a clock after its deadline had passed.
  public var isLate: Bool

  /// No change.
  public static let none = ClockChange(ended: nil, started: nil, updated: nil, isLate: false)
}

/// The result of a decision: the case after the event, the event to record, and the clock change.
public struct Decision: Sendable {
  /// The case after the event.
  public var reliefCase: ReliefCase
  /// The event to append.
  public var event: CaseEvent
  /// What happened to the clock.
  public var clockChange: ClockChange
}

extension ReliefCase {
  /// Opens a case: the pure decision behind `relief case open`.
  public static func opening(
    _ opening: CaseOpening, id: CaseID, at: Instant?, officer: String, context: DecisionContext
  ) throws(DomainError) -> Decision {
    let opening = try opening.validated()
    let kind = opening.details.kind
    guard kind == id.kind else { throw .detailsDoNotMatchKind(id.kind) }
    let at = at ?? context.now
    if at > context.now { throw .timeInFuture(at: at, now: context.now) }
    if case .arrears(let arrears) = opening.details {
      // The scope of intake (arts. 2, 3, 24-25), judged on the day the complaint was made. Not
      // re-checked when a recorded history is replayed or restored: a complaint opened before
      // the rule existed keeps its history.
      try ArrearsScope.check(
        arrears, complainantSize: context.complainantSize, day: context.zone.date(of: at))
    }
    if let standing = context.standing {
      for openingGuard in kind.workflow.openingGuards {
        if let error = openingGuard.check(opening.details, standing) { throw error }
      }
    }
    return start(
      opening, id: id, at: at, recordedAt: context.now, officer: officer, context: context)
  }

  private static func start(
    _ opening: CaseOpening, id: CaseID, at: Instant, recordedAt: Instant, officer: String,
    context: DecisionContext
  ) -> Decision {
    let workflow = id.kind.workflow
    var reliefCase = ReliefCase(
      id: id, state: workflow.initialState, enterprise: opening.enterprise, title: opening.title,
      assignee: opening.assignee, openedAt: at, updatedAt: at, closedAt: nil,
      details: opening.details, supervisionLevel: 0, clock: nil, lastSeq: 1)
    reliefCase.clock = reliefCase.clock(
      enteredOn: context.zone.date(of: at), previous: nil, context: context)
    let event = CaseEvent(
      seq: 1, name: .open, from: nil, to: workflow.initialState, at: at, recordedAt: recordedAt,
      officer: officer, opening: opening)
    return Decision(
      reliefCase: reliefCase, event: event,
      clockChange: ClockChange(ended: nil, started: reliefCase.clock, updated: nil, isLate: false))
  }

  /// Performs an event: the pure decision behind `relief case act`. Throws, naming the events
  /// allowed now, when the event is not allowed in the current state.
  public func applying(_ request: EventRequest, context: DecisionContext) throws(DomainError)
    -> Decision
  {
    let at = request.at ?? context.now
    if at > context.now { throw .timeInFuture(at: at, now: context.now) }
    if at < updatedAt { throw .timeBeforePreviousEvent(at: at, previous: updatedAt) }
    return try decide(request, at: at, recordedAt: context.now, context: context, checkGuards: true)
  }

  private func decide(
    _ request: EventRequest, at: Instant, recordedAt: Instant, context: DecisionContext,
    checkGuards: Bool
  ) throws(DomainError) -> Decision {
    guard let transition = workflow.transition(request.event) else {
      throw .unknownEvent(kind: kind, event: request.event.rawValue, allowed: nextEvents)
    }
    guard transition.sources.contains(state) else {
      throw .eventNotAllowed(caseID: id, event: request.event, state: state, allowed: nextEvents)
    }
    var inputs = try request.inputs.cleaned()
    for field in InputField.allCases {
      let requirement = transition.requirement(field)
      if requirement == nil, inputs.has(field) {
        throw .unexpectedInput(event: request.event, field: field)
      }
      if requirement?.isRequired == true, !inputs.has(field) {
        throw .missingInput(event: request.event, field: field)
      }
    }
    let day = context.zone.date(of: at)
    transition.effect?.prepare(self, &inputs, day)
    if checkGuards {
      let guardContext = GuardContext(
        reliefCase: self, inputs: inputs, day: day, clocks: context.clocks,
        standing: context.standing)
      for check in transition.guards {
        if let error = check.check(guardContext) { throw error }
      }
    }
    var next = self
    transition.effect?.apply(&next, inputs)
    let target = transition.target ?? state
    next.state = target
    next.updatedAt = at
    next.lastSeq = lastSeq + 1
    if workflow.isTerminal(target), !workflow.isTerminal(state) {
      next.closedAt = at
    }
    let change = next.updateClock(
      from: self, on: day, stateChanged: target != state, context: context)
    let event = CaseEvent(
      seq: next.lastSeq, name: request.event, from: state, to: target, at: at,
      recordedAt: recordedAt, officer: request.officer, inputs: inputs)
    return Decision(reliefCase: next, event: event, clockChange: change)
  }

  /// Sets the clock after an event and says how it changed. An event is late when it stops or
  /// moves a deadline that had already passed (reminders never make a case late).
  private mutating func updateClock(
    from before: ReliefCase, on day: LocalDate, stateChanged: Bool, context: DecisionContext
  ) -> ClockChange {
    let old = before.clock
    let new = clock(enteredOn: day, previous: stateChanged ? nil : old, context: context)
    clock = new
    guard let old else {
      return new == nil ? .none : ClockChange(ended: nil, started: new, updated: nil, isLate: false)
    }
    let overdue = !old.isReminder && day > old.dueDate
    if let new, new.setting == old.setting, new.startedOn == old.startedOn {
      // The same clock runs on: in the same state, or across states when it counts from opening.
      if new == old { return .none }
      return ClockChange(
        ended: nil, started: nil, updated: new, isLate: overdue && new.dueDate != old.dueDate)
    }
    return ClockChange(ended: old, started: new, updated: nil, isLate: overdue)
  }

  /// The clock of the current state, entered on `day`; a clock already running in the same state
  /// keeps its start day.
  func clock(enteredOn day: LocalDate, previous: CaseClock?, context: DecisionContext) -> CaseClock?
  {
    guard let spec = workflow.state(state)?.clock(for: details) else { return nil }
    let start: LocalDate
    switch spec.anchor {
    case .caseOpening: start = context.zone.date(of: openedAt)
    case .stateEntry: start = previous?.startedOn ?? day
    }
    return CaseClock.compute(
      spec, state: state, start: start, extraDays: details.arrears?.extensionDays ?? 0,
      validUntil: details.cultivation?.validUntil, settings: context.clocks,
      calendar: context.calendar)
  }

  /// The running clock recounted with the context's calendar and settings (after a calendar
  /// import or a settings change); its start day stays.
  public func recountedClock(context: DecisionContext) -> CaseClock? {
    clock(
      enteredOn: clock?.startedOn ?? context.zone.date(of: updatedAt), previous: clock,
      context: context)
  }

  /// Rebuilds a case from its events, the way the store's checks do: effects are applied again,
  /// guards that depend on other records or on the time of recording are not re-checked.
  public static func replaying(_ events: [CaseEvent], id: CaseID, context: DecisionContext)
    throws(DomainError) -> ReliefCase
  {
    guard let first = events.first, first.seq == 1, first.name == .open,
      let opening = first.opening
    else { throw .brokenHistory(caseID: id, seq: 1) }
    var reliefCase = start(
      opening, id: id, at: first.at, recordedAt: first.recordedAt, officer: first.officer,
      context: context
    ).reliefCase
    for event in events.dropFirst() {
      guard event.seq == reliefCase.lastSeq + 1 else {
        throw .brokenHistory(caseID: id, seq: event.seq)
      }
      var inputs = event.inputs
      inputs.level = nil
      inputs.validUntil = nil
      inputs.banUntil = nil
      reliefCase = try reliefCase.decide(
        EventRequest(event.name, inputs: inputs, at: event.at, officer: event.officer),
        at: event.at, recordedAt: event.recordedAt, context: context, checkGuards: false
      ).reliefCase
    }
    return reliefCase
  }

  /// Decides a recorded history again, event by event, keeping each event's times and officer:
  /// what an import does to restore an exported case with its history. The events' own guards
  /// are checked (a payment above the amount owed is refused), the opening's guards are not (they
  /// depend on other cases as they were then); the id's year must be the year the opening took
  /// effect in (in the agency's zone), the history must be in order, no event may take effect
  /// after it was recorded, and none may be recorded after `context.now`.
  public static func restoring(_ events: [CaseEvent], id: CaseID, context: DecisionContext)
    throws(DomainError) -> [Decision]
  {
    guard let first = events.first, first.seq == 1, first.name == .open,
      let recordedOpening = first.opening
    else { throw .brokenHistory(caseID: id, seq: events.first?.seq ?? 1) }
    let opening = try recordedOpening.validated()
    guard opening.details.kind == id.kind else { throw .detailsDoNotMatchKind(id.kind) }
    // Ids are numbered per kind and year of opening: an id of another year would take a number
    // of that year's sequence that no opening of that year took.
    let openedYear = context.zone.date(of: first.at).year
    guard openedYear == id.year else {
      throw .idYearDiffersFromOpening(caseID: id, openedYear: openedYear)
    }
    for event in events {
      if event.at > event.recordedAt {
        throw .recordedBeforeEffective(seq: event.seq, at: event.at, recordedAt: event.recordedAt)
      }
      if event.recordedAt > context.now {
        throw .timeInFuture(at: event.recordedAt, now: context.now)
      }
    }
    var decision = start(
      opening, id: id, at: first.at, recordedAt: first.recordedAt, officer: first.officer,
      context: context)
    var decisions = [decision]
    for event in events.dropFirst() {
      let reliefCase = decision.reliefCase
      guard event.seq == reliefCase.lastSeq + 1 else {
        throw .brokenHistory(caseID: id, seq: event.seq)
      }
      if event.at < reliefCase.updatedAt {
        throw .timeBeforePreviousEvent(at: event.at, previous: reliefCase.updatedAt)
      }
      var inputs = event.inputs
      inputs.level = nil
      inputs.validUntil = nil
      inputs.banUntil = nil
      decision = try reliefCase.decide(
        EventRequest(event.name, inputs: inputs, at: event.at, officer: event.officer),
        at: event.at, recordedAt: event.recordedAt, context: context, checkGuards: true)
      decisions.append(decision)
    }
    return decisions
  }
}
