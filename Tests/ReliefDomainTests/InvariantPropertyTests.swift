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
    // The optional inputs too: the tax authority of a submission, sometimes; a revocation's
    // ban, sometimes none and sometimes beyond the limit (refused).
    if transition.event == "review", kind == .taxRefund, step.amountPercent % 2 == 0 {
      inputs.to = "国家税务总局深圳市税务局"
    }
    if transition.event == "revoke", step.amountPercent % 3 != 0 {
      inputs.banYears = step.gapDays % 12
    }
    return inputs
  }

  @Test("state equals replay, terminal stays terminal, money stays within its bounds")
  func invariants() async {
    await propertyCheck(count: 300, input: Gen<CaseKind>.case, Self.steps) { kind, steps in
      let workflow = kind.workflow
      // Every relief type, so that each decision clock is generated.
      let reliefType = ReliefType.allCases[steps.count % ReliefType.allCases.count]
      var reliefCase = try Fixtures.opened(kind, reliefType: reliefType)
      var events = [
        try ReliefCase.opening(
          CaseOpening(
            enterprise: Fixtures.enterprise, title: "fixture", assignee: "li.wei",
            details: Fixtures.details(kind, reliefType: reliefType)),
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
          if taxRefund.taxAuthority != nil { #expect(reliefCase.state != "applied") }
          if let approved = taxRefund.amountApproved {
            #expect(approved <= taxRefund.amountClaimed)
            if let disbursed = taxRefund.amountDisbursed { #expect(disbursed <= approved) }
          } else {
            #expect(taxRefund.amountDisbursed == nil)
          }
        case .cultivation(let cultivation):
          if reliefCase.state == "recognized" { #expect(cultivation.validUntil != nil) }
          // A ban only by a revocation that gave years, ending that many years after it.
          if let banUntil = cultivation.banUntil {
            #expect(reliefCase.state == "revoked")
            let years = events.last { $0.name == "revoke" }?.inputs.banYears ?? 0
            #expect(years > 0)
            #expect(banUntil == Fixtures.zone.date(of: reliefCase.closedAt!).adding(years: years))
          }
          // A renewal only inside its window, adding 3 years.
          if transition.event == "renew", let old = before.details.cultivation?.validUntil {
            #expect(Fixtures.zone.date(of: request.at!) >= Workflows.renewalOpens(validUntil: old))
            #expect(cultivation.validUntil == old.adding(years: 3))
          }
        case .whitelist(let whitelist):
          #expect(Set(whitelist.recognizedRegions).count == whitelist.recognizedRegions.count)
          #expect(!whitelist.recognizedRegions.contains(Fixtures.home.province))
        }
        // The clock that runs is the one the state declares for the case's facts (the tax
        // decision clock by relief type).
        let declared = workflow.state(reliefCase.state)?.clock(for: reliefCase.details)
        if let clock = reliefCase.clock {
          #expect(clock.setting == declared?.setting)
          #expect(clock.warnDate <= clock.dueDate || clock.isReminder)
        } else {
          #expect(declared == nil)
        }
      }
      let replayed = try ReliefCase.replaying(
        events, id: reliefCase.id, context: Fixtures.context())
      #expect(replayed == reliefCase)
    }
  }
}
