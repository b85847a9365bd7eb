import PropertyBased
import Testing

@testable import ReliefDomain

/// Random event sequences, allowed or not, with amounts that are sometimes too large: whatever
/// happens, the invariants of the workflows hold.
@Suite("Invariants under random event sequences")
struct InvariantPropertyTests {
  /// One random step: which event, which amount, how many days later.
  struct Step: Sendable {
    var event: Int
    var amountPercent: Int
    var gapDays: Int
    var score: Int
  }

  static let steps = zip(
    Gen.int(in: 0...40), Gen.int(in: 1...130), Gen.int(in: 0...40), Gen.int(in: 30...100)
  ).map { Step(event: $0, amountPercent: $1, gapDays: $2, score: $3) }.array(of: 1...40)

  static func inputs(for transition: Transition, kind: CaseKind, reliefCase: ReliefCase, step: Step)
    -> EventInputs
  {
    var inputs = Fixtures.inputs(for: transition.event, kind: kind)
    // Amounts as a share of what the case allows, sometimes above it.
    let base: Money
    switch reliefCase.details {
    case .arrears(let arrears): base = arrears.outstanding
    case .taxRefund(let taxRefund): base = taxRefund.amountApproved ?? taxRefund.amountClaimed
    default: base = Money(yuan: 100)
    }
    if transition.inputs.contains(where: { $0.field == .amount }) {
      inputs.amount = Money(fen: base.fen * Int64(step.amountPercent) / 100)
    }
    if transition.event == "evaluate" { inputs.score = step.score }
    if transition.event == "extend" { inputs.days = step.gapDays + 1 }
    return inputs
  }

  @Test("state equals replay, terminal stays terminal, money stays within its bounds")
  func invariants() async {
    await propertyCheck(count: 300, input: Gen<CaseKind>.case, Self.steps) { kind, steps in
      let workflow = kind.workflow
      var reliefCase = try Fixtures.opened(kind)
      var events = [
        try ReliefCase.opening(
          CaseOpening(
            enterprise: Fixtures.enterprise, title: "fixture", assignee: "li.wei",
            details: Fixtures.details(kind)),
          id: reliefCase.id, at: Fixtures.openedAt, officer: "tester", context: Fixtures.context()
        ).event
      ]
      for step in steps {
        // Mostly an event allowed now, so that cases travel far; sometimes any event at all.
        let allowed = reliefCase.nextEvents
        let transition =
          step.event % 5 == 0 || allowed.isEmpty
          ? workflow.transitions[step.event % workflow.transitions.count]
          : workflow.transition(allowed[step.event % allowed.count])!
        let at = reliefCase.updatedAt.adding(seconds: Int64(step.gapDays) * 86_400)
        let request = EventRequest(
          transition.event,
          inputs: Self.inputs(for: transition, kind: kind, reliefCase: reliefCase, step: step),
          at: min(at, Fixtures.now), officer: "tester")
        let before = reliefCase
        do {
          let decision = try reliefCase.applying(request, context: Fixtures.context())
          reliefCase = decision.reliefCase
          events.append(decision.event)
        } catch let error as DomainError {
          if !transition.sources.contains(before.state) {
            #expect(
              error
                == .eventNotAllowed(
                  caseID: before.id, event: transition.event, state: before.state,
                  allowed: workflow.allowedEvents(in: before.state)))
          }
          continue
        }
        if workflow.isTerminal(before.state) {
          #expect(reliefCase.state == before.state, "a terminal state was left")
          #expect(reliefCase.closedAt == before.closedAt)
        }
        #expect((reliefCase.closedAt != nil) == workflow.isTerminal(reliefCase.state))
        #expect(reliefCase.lastSeq == events.count)
        #expect(reliefCase.updatedAt >= before.updatedAt)
        switch reliefCase.details {
        case .arrears(let arrears):
          #expect(arrears.amountRecovered <= arrears.amountOwed)
          #expect(arrears.amountRecovered >= .zero)
          #expect(arrears.extensionDays + 30 <= 90)
        case .taxRefund(let taxRefund):
          if let approved = taxRefund.amountApproved {
            #expect(approved <= taxRefund.amountClaimed)
            if let disbursed = taxRefund.amountDisbursed { #expect(disbursed <= approved) }
          } else {
            #expect(taxRefund.amountDisbursed == nil)
          }
        case .cultivation(let cultivation):
          if reliefCase.state == "recognized" { #expect(cultivation.validUntil != nil) }
        case .whitelist(let whitelist):
          #expect(Set(whitelist.recognizedRegions).count == whitelist.recognizedRegions.count)
          #expect(!whitelist.recognizedRegions.contains(Fixtures.home.province))
        }
        if let clock = reliefCase.clock {
          #expect(workflow.state(reliefCase.state)?.clock != nil)
          #expect(clock.warnDate <= clock.dueDate || clock.isReminder)
        } else {
          #expect(workflow.state(reliefCase.state)?.clock == nil)
        }
      }
      let replayed = try ReliefCase.replaying(
        events, id: reliefCase.id, context: Fixtures.context())
      #expect(replayed == reliefCase)
    }
  }
}
