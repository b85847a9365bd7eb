import Testing

@testable import ReliefDomain

@Suite("Workflows")
struct WorkflowTests {
  @Test("every state of every kind is reachable", arguments: CaseKind.allCases)
  func reachable(kind: CaseKind) throws {
    for state in kind.workflow.states {
      _ = try Fixtures.reliefCase(kind, in: state.name)
    }
  }

  @Test(
    "every event is allowed exactly in its source states and refused elsewhere",
    arguments: Fixtures.everyTransitionAttempt.map { "\($0.0.rawValue) \($0.1) \($0.2)" })
  func transition(attempt: String) throws {
    let parts = attempt.split(separator: " ").map(String.init)
    let kind = CaseKind(rawValue: parts[0])!
    let state = CaseState(rawValue: parts[1])
    let event = EventName(rawValue: parts[2])
    let workflow = kind.workflow
    let transition = try #require(workflow.transition(event))
    let reliefCase = try Fixtures.reliefCase(kind, in: state)
    let request = EventRequest(
      event, inputs: Fixtures.inputs(for: event, kind: kind),
      at: max(reliefCase.updatedAt.adding(seconds: 86_400), Fixtures.time(step: 20, event: event)),
      officer: "tester")
    if transition.sources.contains(state) {
      let decision = try reliefCase.applying(request, context: Fixtures.context())
      #expect(decision.reliefCase.state == transition.target ?? state)
      #expect(decision.event.from == state)
      #expect(decision.event.seq == reliefCase.lastSeq + 1)
      #expect(
        (decision.reliefCase.closedAt != nil) == workflow.isTerminal(decision.reliefCase.state))
    } else {
      #expect(
        throws: DomainError.eventNotAllowed(
          caseID: reliefCase.id, event: event, state: state,
          allowed: workflow.allowedEvents(in: state))
      ) { try reliefCase.applying(request, context: Fixtures.context()) }
    }
  }

  @Test("an unknown event is refused with the events allowed now")
  func unknownEvent() throws {
    let reliefCase = try Fixtures.opened(.arrears)
    #expect(
      throws: DomainError.unknownEvent(
        kind: .arrears, event: "approve", allowed: reliefCase.nextEvents)
    ) {
      try reliefCase.applying(
        EventRequest("approve", officer: "tester"), context: Fixtures.context())
    }
    #expect(reliefCase.nextEvents.contains("accept"))
  }

  @Test("a missing required input and an input the event does not take are refused")
  func inputs() throws {
    let registered = try Fixtures.opened(.arrears)
    #expect(throws: DomainError.missingInput(event: "reject", field: .reason)) {
      try registered.applying(EventRequest("reject", officer: "t"), context: Fixtures.context())
    }
    #expect(throws: DomainError.unexpectedInput(event: "accept", field: .score)) {
      try registered.applying(
        EventRequest("accept", inputs: EventInputs(score: 5), officer: "t"),
        context: Fixtures.context())
    }
    // A note goes with any event.
    let accepted = try registered.applying(
      EventRequest("accept", inputs: EventInputs(note: "by phone"), officer: "t"),
      context: Fixtures.context())
    #expect(accepted.event.inputs.note == "by phone")
  }

  @Test("control characters in text are refused")
  func controlCharacters() throws {
    let registered = try Fixtures.opened(.arrears)
    #expect(throws: DomainError.text(.controlCharacter(field: "reason", scalar: 7))) {
      try registered.applying(
        EventRequest("reject", inputs: EventInputs(reason: "bad\u{7}"), officer: "t"),
        context: Fixtures.context())
    }
  }

  @Test("payments may not take the recovered sum above the amount owed")
  func payments() throws {
    var reliefCase = try Fixtures.reliefCase(.arrears, in: "transferred")
    reliefCase = try reliefCase.applying(
      EventRequest("pay", inputs: EventInputs(amount: Money(yuan: 600_000)), officer: "t"),
      context: Fixtures.context()
    ).reliefCase
    #expect(reliefCase.details.arrears?.amountRecovered == Money(yuan: 600_000))
    #expect(
      throws: DomainError.paymentExceedsOutstanding(
        amount: Money(yuan: 400_001), outstanding: Money(yuan: 400_000))
    ) {
      try reliefCase.applying(
        EventRequest("pay", inputs: EventInputs(amount: Money(yuan: 400_001)), officer: "t"),
        context: Fixtures.context())
    }
    #expect(throws: DomainError.amountNotPositive(field: "amount")) {
      try reliefCase.applying(
        EventRequest("pay", inputs: EventInputs(amount: .zero), officer: "t"),
        context: Fixtures.context())
    }
    let paid = try reliefCase.applying(
      EventRequest("pay", inputs: EventInputs(amount: Money(yuan: 400_000)), officer: "t"),
      context: Fixtures.context())
    #expect(paid.reliefCase.details.arrears?.outstanding == .zero)
  }

  @Test("extensions add up to 90 days in total and no more")
  func extensions() throws {
    var reliefCase = try Fixtures.reliefCase(.arrears, in: "transferred")
    let due = try #require(reliefCase.clock?.dueDate)
    reliefCase = try reliefCase.applying(
      EventRequest("extend", inputs: EventInputs(reason: "complex", days: 60), officer: "t"),
      context: Fixtures.context()
    ).reliefCase
    #expect(reliefCase.details.arrears?.extensionDays == 60)
    #expect(try #require(reliefCase.clock?.dueDate) > due)
    #expect(throws: DomainError.extensionBeyondLimit(requested: 1, available: 0, limit: 90)) {
      try reliefCase.applying(
        EventRequest("extend", inputs: EventInputs(reason: "more", days: 1), officer: "t"),
        context: Fixtures.context())
    }
    let transferred = try Fixtures.reliefCase(.arrears, in: "transferred")
    #expect(throws: DomainError.invalidValue(field: "days", value: "0", expected: "1 or more")) {
      try transferred.applying(
        EventRequest("extend", inputs: EventInputs(reason: "x", days: 0), officer: "t"),
        context: Fixtures.context())
    }
  }

  @Test("approvals and disbursements stay within what was claimed and approved")
  func taxAmounts() throws {
    let review = try Fixtures.reliefCase(.taxRefund, in: "under-review")
    #expect(
      throws: DomainError.approvalExceedsClaim(
        amount: Money(yuan: 50_001), claimed: Money(yuan: 50_000))
    ) {
      try review.applying(
        EventRequest("approve", inputs: EventInputs(amount: Money(yuan: 50_001)), officer: "t"),
        context: Fixtures.context())
    }
    let approved = try review.applying(
      EventRequest("approve", inputs: EventInputs(amount: Money(yuan: 40_000)), officer: "t"),
      context: Fixtures.context()
    ).reliefCase
    #expect(
      throws: DomainError.disbursementExceedsApproval(
        amount: Money(yuan: 40_001), approved: Money(yuan: 40_000))
    ) {
      try approved.applying(
        EventRequest("disburse", inputs: EventInputs(amount: Money(yuan: 40_001)), officer: "t"),
        context: Fixtures.context())
    }
    let disbursed = try approved.applying(
      EventRequest("disburse", officer: "t"), context: Fixtures.context())
    #expect(disbursed.reliefCase.details.taxRefund?.amountDisbursed == Money(yuan: 40_000))
    #expect(disbursed.event.inputs.amount == Money(yuan: 40_000))
  }

  @Test("recognition needs a score of 60 unless fast-tracked, and lasts three years")
  func recognition() throws {
    let applied = try Fixtures.reliefCase(.cultivation, in: "applied")
    #expect(throws: DomainError.scoreOutOfRange(101)) {
      try applied.applying(
        EventRequest("evaluate", inputs: EventInputs(score: 101), officer: "t"),
        context: Fixtures.context())
    }
    let evaluating = try applied.applying(
      EventRequest(
        "evaluate", inputs: EventInputs(score: 59), at: applied.updatedAt, officer: "t"),
      context: Fixtures.context()
    ).reliefCase
    #expect(throws: DomainError.scoreBelowThreshold(score: 59, threshold: 60)) {
      try evaluating.applying(EventRequest("recognize", officer: "t"), context: Fixtures.context())
    }
    let recognized = try evaluating.applying(
      EventRequest(
        "recognize", inputs: EventInputs(fastTrack: "national key project"),
        at: Fixtures.openedAt.adding(seconds: 86_400), officer: "t"),
      context: Fixtures.context())
    #expect(recognized.reliefCase.details.cultivation?.validUntil == LocalDate("2029-04-29"))
    #expect(recognized.reliefCase.clock?.isReminder == true)
    #expect(recognized.reliefCase.clock?.warnDate == LocalDate("2029-01-29"))
    #expect(throws: DomainError.recognitionStillValid(validUntil: LocalDate("2029-04-29")!)) {
      try recognized.reliefCase.applying(
        EventRequest("expire", at: Fixtures.openedAt.adding(seconds: 86_400 * 2), officer: "t"),
        context: Fixtures.context())
    }
    // A renewal only from 90 days before validUntil (2029-01-29), then 3 years more.
    #expect(
      throws: DomainError.renewalWindowNotOpen(
        opens: LocalDate("2029-01-29")!, validUntil: LocalDate("2029-04-29")!)
    ) {
      try recognized.reliefCase.applying(
        EventRequest("renew", at: Fixtures.openedAt.adding(seconds: 86_400 * 3), officer: "t"),
        context: Fixtures.context())
    }
    let renewed = try recognized.reliefCase.applying(
      EventRequest(
        "renew", at: Fixtures.zone.instant(LocalDate("2029-01-29")!, secondsOfDay: 36_000),
        officer: "t"),
      context: Fixtures.context())
    #expect(renewed.reliefCase.details.cultivation?.validUntil == LocalDate("2032-04-29"))
  }

  @Test("a listing is recognised by other provinces, once each")
  func whitelistRecognition() throws {
    let listed = try Fixtures.reliefCase(.whitelist, in: "listed")
    #expect(throws: DomainError.regionIsHomeProvince(RegionCode(trusted: "440000"))) {
      try listed.applying(
        EventRequest(
          "recognize", inputs: EventInputs(region: RegionCode(trusted: "440300")), officer: "t"),
        context: Fixtures.context())
    }
    let once = try listed.applying(
      EventRequest(
        "recognize", inputs: EventInputs(region: RegionCode(trusted: "310115")), officer: "t"),
      context: Fixtures.context()
    ).reliefCase
    #expect(once.details.whitelist?.recognizedRegions == [RegionCode(trusted: "310000")])
    #expect(throws: DomainError.regionAlreadyRecognized(RegionCode(trusted: "310000"))) {
      try once.applying(
        EventRequest(
          "recognize", inputs: EventInputs(region: RegionCode(trusted: "310000")), officer: "t"),
        context: Fixtures.context())
    }
  }

  @Test("opening guards: one open whitelist case, and the tier below for cultivation")
  func openingGuards() throws {
    let standing = EnterpriseStanding(
      region: Fixtures.home, openWhitelistCase: CaseID(kind: .whitelist, year: 2026, number: 7))
    let whitelist = CaseOpening(
      enterprise: Fixtures.enterprise, title: "t", assignee: nil,
      details: Fixtures.details(.whitelist))
    #expect(
      throws: DomainError.whitelistCaseOpen(
        existing: CaseID(kind: .whitelist, year: 2026, number: 7))
    ) {
      try ReliefCase.opening(
        whitelist, id: CaseID(kind: .whitelist, year: 2026, number: 8), at: nil, officer: "t",
        context: Fixtures.context(standing: standing))
    }
    let giant = CaseOpening(
      enterprise: Fixtures.enterprise, title: "t", assignee: nil,
      details: .cultivation(CultivationDetails(tier: .littleGiant)))
    let id = CaseID(kind: .cultivation, year: 2026, number: 1)
    #expect(throws: DomainError.priorTierMissing(tier: .littleGiant, required: .specialized)) {
      try ReliefCase.opening(giant, id: id, at: nil, officer: "t", context: Fixtures.context())
    }
    let holding = EnterpriseStanding(
      region: Fixtures.home, validTiers: [.specialized: LocalDate("2027-01-01")!])
    _ = try ReliefCase.opening(
      giant, id: id, at: nil, officer: "t", context: Fixtures.context(standing: holding))
    var evidenced = giant
    evidenced.details = .cultivation(
      CultivationDetails(tier: .littleGiant, priorTierEvidence: "粤工信〔2024〕1号"))
    _ = try ReliefCase.opening(
      evidenced, id: id, at: nil, officer: "t", context: Fixtures.context())
  }

  @Test("supervision levels count up; notes are allowed even on closed cases")
  func commonEvents() throws {
    var reliefCase = try Fixtures.opened(.taxRefund)
    for level in 1...3 {
      let decision = try reliefCase.applying(
        EventRequest("supervise", inputs: EventInputs(reason: "overdue"), officer: "t"),
        context: Fixtures.context())
      #expect(decision.event.inputs.level == level)
      reliefCase = decision.reliefCase
    }
    #expect(reliefCase.supervisionLevel == 3)
    let withdrawn = try Fixtures.reliefCase(.taxRefund, in: "withdrawn")
    #expect(withdrawn.nextEvents == ["note"])
    _ = try withdrawn.applying(
      EventRequest("note", inputs: EventInputs(note: "later call"), officer: "t"),
      context: Fixtures.context())
  }

  @Test("--at may not be in the future nor before the previous event")
  func times() throws {
    let reliefCase = try Fixtures.reliefCase(.arrears, in: "accepted")
    let future = Fixtures.now.adding(seconds: 1)
    #expect(throws: DomainError.timeInFuture(at: future, now: Fixtures.now)) {
      try reliefCase.applying(
        EventRequest("transfer", inputs: EventInputs(to: "x"), at: future, officer: "t"),
        context: Fixtures.context())
    }
    let earlier = reliefCase.updatedAt.adding(seconds: -1)
    #expect(
      throws: DomainError.timeBeforePreviousEvent(at: earlier, previous: reliefCase.updatedAt)
    ) {
      try reliefCase.applying(
        EventRequest("transfer", inputs: EventInputs(to: "x"), at: earlier, officer: "t"),
        context: Fixtures.context())
    }
  }

  @Test("a state that stops the clock runs none, and its way out restarts a clock or ends the case")
  func pausingStates() {
    var pausing = 0
    for kind in CaseKind.allCases {
      let workflow = kind.workflow
      for state in workflow.states where state.pausesClock {
        pausing += 1
        #expect(state.clocks.isEmpty && !state.isTerminal)
        for transition in workflow.transitions
        where !transition.isCommon && transition.sources.contains(state.name) {
          let target = workflow.state(transition.target ?? state.name)
          #expect(target != nil)
          #expect(
            target?.isTerminal == true || target?.clocks.isEmpty == false,
            "\(kind.rawValue): \(transition.event.rawValue) leaves \(state.name) for no clock")
        }
      }
    }
    #expect(pausing == 2)
  }

  @Test("the shortest path reaches every state, one allowed event after another")
  func shortestPaths() {
    for kind in CaseKind.allCases {
      let workflow = kind.workflow
      #expect(workflow.shortestPath(to: workflow.initialState).isEmpty)
      for state in workflow.states where state.name != workflow.initialState {
        let path = workflow.shortestPath(to: state.name)
        #expect(!path.isEmpty, "\(kind.rawValue): no path to \(state.name)")
        var current = workflow.initialState
        for transition in path {
          #expect(transition.sources.contains(current))
          #expect(!transition.isCommon)
          current = transition.target ?? current
        }
        #expect(current == state.name)
        // Breadth first: no state is visited twice on the way.
        #expect(Set(path.compactMap(\.target)).count == path.count)
      }
    }
    // The arrears complaint's way to `closed`, as the regulation runs it.
    let closed = CaseKind.arrears.workflow.shortestPath(to: "closed").map(\.event.rawValue)
    #expect(closed == ["accept", "transfer", "resolve", "close"])
  }

  @Test("replaying the events gives the same case", arguments: CaseKind.allCases)
  func replay(kind: CaseKind) throws {
    for state in kind.workflow.states {
      var reliefCase = try Fixtures.opened(kind)
      var events: [CaseEvent] = []
      let opening = try ReliefCase.opening(
        CaseOpening(
          enterprise: Fixtures.enterprise, title: "fixture", assignee: "li.wei",
          details: Fixtures.details(kind)),
        id: reliefCase.id, at: Fixtures.openedAt, officer: "tester", context: Fixtures.context())
      events.append(opening.event)
      for (step, transition) in kind.workflow.shortestPath(to: state.name).enumerated() {
        let decision = try reliefCase.applying(
          EventRequest(
            transition.event, inputs: Fixtures.inputs(for: transition.event, kind: kind),
            at: Fixtures.time(step: step + 1, event: transition.event), officer: "tester"),
          context: Fixtures.context())
        events.append(decision.event)
        reliefCase = decision.reliefCase
      }
      let replayed = try ReliefCase.replaying(
        events, id: reliefCase.id, context: Fixtures.context())
      #expect(replayed == reliefCase)
    }
  }
}
