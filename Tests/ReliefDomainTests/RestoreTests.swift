import Testing

@testable import ReliefDomain

@Suite("Restoring a recorded history")
struct RestoreTests {
  /// A complaint taken through payment and resolution, recorded a day after each event.
  func recorded() throws -> (ReliefCase, [CaseEvent]) {
    let context = Fixtures.context()
    let opening = CaseOpening(
      enterprise: Fixtures.enterprise, title: "欠款", assignee: "li.wei",
      details: Fixtures.details(.arrears))
    let id = CaseID(kind: .arrears, year: 2026, number: 7)
    var decision = try ReliefCase.opening(
      opening, id: id, at: Fixtures.openedAt, officer: "chen.jing",
      context: Fixtures.context(at: Fixtures.openedAt.adding(seconds: 86_400)))
    var events = [decision.event]
    let script: [(EventName, EventInputs)] = [
      ("accept", EventInputs()), ("transfer", EventInputs(to: "市工信局")),
      ("pay", EventInputs(amount: Money(yuan: 400_000), note: "首期")),
      ("supervise", EventInputs(reason: "督办")), ("resolve", EventInputs(outcome: .partiallyPaid)),
    ]
    for (step, (event, inputs)) in script.enumerated() {
      let at = Fixtures.openedAt.adding(seconds: Int64(step + 1) * 86_400)
      var stepContext = context
      stepContext.now = at.adding(seconds: 3600)
      decision = try decision.reliefCase.applying(
        EventRequest(event, inputs: inputs, at: at, officer: "wang.fang"), context: stepContext)
      events.append(decision.event)
    }
    return (decision.reliefCase, events)
  }

  @Test("the restored case and events equal the recorded ones, times and officers kept")
  func restores() throws {
    let (original, events) = try recorded()
    let decisions = try ReliefCase.restoring(events, id: original.id, context: Fixtures.context())
    #expect(decisions.map(\.event) == events)
    #expect(decisions.last?.reliefCase == original)
    #expect(decisions[3].event.recordedAt == events[3].recordedAt)
    #expect(decisions[4].event.inputs.level == 1)
  }

  @Test("a history out of order, misnumbered or from the future is refused")
  func refusesBrokenHistories() throws {
    let (original, events) = try recorded()
    var swapped = events
    swapped[2].at = events[1].at.adding(seconds: -60)
    #expect(throws: DomainError.self) {
      try ReliefCase.restoring(swapped, id: original.id, context: Fixtures.context())
    }
    var gap = events
    gap.remove(at: 2)
    #expect(throws: DomainError.brokenHistory(caseID: original.id, seq: 4)) {
      try ReliefCase.restoring(gap, id: original.id, context: Fixtures.context())
    }
    var early = events
    early[1].recordedAt = early[1].at.adding(seconds: -1)
    #expect(throws: DomainError.self) {
      try ReliefCase.restoring(early, id: original.id, context: Fixtures.context())
    }
    #expect(throws: DomainError.self) {
      try ReliefCase.restoring(
        events, id: original.id, context: Fixtures.context(at: Fixtures.openedAt))
    }
    #expect(throws: DomainError.brokenHistory(caseID: original.id, seq: 2)) {
      try ReliefCase.restoring(
        Array(events.dropFirst()), id: original.id, context: Fixtures.context())
    }
  }

  @Test("an edited history is decided again: a payment above the amount owed is refused")
  func refusesForgedAmounts() throws {
    let (original, events) = try recorded()
    var forged = events
    forged[3].inputs.amount = Money(yuan: 2_000_000)
    #expect(
      throws: DomainError.paymentExceedsOutstanding(
        amount: Money(yuan: 2_000_000), outstanding: Money(yuan: 1_000_000))
    ) {
      try ReliefCase.restoring(forged, id: original.id, context: Fixtures.context())
    }
  }
}
