import Testing

@testable import ReliefDomain

/// Cases driven to any state of their workflow, one day per event.
enum Fixtures {
  static let zone = AgencyZone.shanghai
  /// Opening time of every fixture case: Tuesday 2026-04-28 09:30 in Shanghai.
  static let openedAt = zone.instant(LocalDate("2026-04-28")!, secondsOfDay: 9 * 3600 + 1800)
  /// "Now" for fixtures: far enough ahead for every event, expiry included.
  static let now = openedAt.adding(seconds: 5 * 366 * 86_400)
  static let enterprise = try! USCC(parsing: "91440305MA1010QW10")
  static let home = RegionCode(trusted: "440305")

  static func context(at now: Instant = now, standing: EnterpriseStanding? = nil)
    -> DecisionContext
  {
    DecisionContext(
      now: now, zone: zone, standing: standing ?? EnterpriseStanding(region: home))
  }

  static func details(_ kind: CaseKind, reliefType: ReliefType = .vatCreditRefund) -> CaseDetails {
    switch kind {
    case .arrears:
      return .arrears(
        ArrearsDetails(
          debtor: "深圳市某区住房和建设局", debtorType: .government, amountOwed: Money(yuan: 1_000_000),
          paymentDueDate: LocalDate("2026-03-31")!))
    case .taxRefund:
      return .taxRefund(
        TaxRefundDetails(reliefType: reliefType, amountClaimed: Money(yuan: 50_000)))
    case .whitelist:
      return .whitelist(WhitelistDetails(category: .medicalSupplies, chain: .pharmaceuticals))
    case .cultivation:
      return .cultivation(CultivationDetails(tier: .innovative))
    }
  }

  /// A freshly opened case of a kind.
  static func opened(_ kind: CaseKind, reliefType: ReliefType = .vatCreditRefund) throws
    -> ReliefCase
  {
    try ReliefCase.opening(
      CaseOpening(
        enterprise: enterprise, title: "fixture", assignee: "li.wei",
        details: details(kind, reliefType: reliefType)),
      id: CaseID(kind: kind, year: 2026, number: 1), at: openedAt, officer: "tester",
      context: context()
    ).reliefCase
  }

  /// Inputs that satisfy an event's requirements and guards.
  static func inputs(for event: EventName, kind: CaseKind) -> EventInputs {
    let transition = kind.workflow.transition(event)!
    var inputs = EventInputs()
    for requirement in transition.inputs where requirement.isRequired {
      switch requirement.field {
      case .reason: inputs.reason = "fixture reason"
      case .to: inputs.to = "市工业和信息化局"
      case .amount: inputs.amount = Money(yuan: 100)
      case .outcome: inputs.outcome = .partiallyPaid
      case .days: inputs.days = 10
      case .score: inputs.score = 80
      case .region: inputs.region = RegionCode(trusted: "310000")
      case .satisfaction: inputs.satisfaction = .satisfied
      case .note: inputs.note = "fixture note"
      case .fastTrack: inputs.fastTrack = "fixture"
      case .assignee: inputs.assignee = "wang.fang"
      case .banYears: inputs.banYears = 3
      }
    }
    return inputs
  }

  /// The event's time for the n-th step: one day apart, a renewal inside its window (the last 90
  /// days of the validity), and expiry after the validity.
  static func time(step: Int, event: EventName) -> Instant {
    let days = event == "expire" ? 4 * 366 : event == "renew" ? 3 * 365 - 30 : step
    return openedAt.adding(seconds: Int64(days) * 86_400)
  }

  /// A case driven along the workflow's shortest path to `state`.
  static func reliefCase(_ kind: CaseKind, in state: CaseState) throws -> ReliefCase {
    var reliefCase = try opened(kind)
    for (step, transition) in kind.workflow.shortestPath(to: state).enumerated() {
      reliefCase = try reliefCase.applying(
        EventRequest(
          transition.event, inputs: inputs(for: transition.event, kind: kind),
          at: time(step: step + 1, event: transition.event), officer: "tester"),
        context: context()
      ).reliefCase
    }
    #expect(reliefCase.state == state)
    return reliefCase
  }

  /// Every (kind, state, event) triple: each event tried in each state.
  static var everyTransitionAttempt: [(CaseKind, CaseState, EventName)] {
    CaseKind.allCases.flatMap { kind in
      kind.workflow.states.flatMap { state in
        kind.workflow.transitions.map { (kind, state.name, $0.event) }
      }
    }
  }
}
