import ReliefDomain
import ReliefPresentation

/// One thing the demo does at a moment: open a case, or perform an event on it.
struct DemoStep {
  enum Action {
    case open(CaseOpening)
    case act(EventName, EventInputs)
  }

  /// When it happens.
  var at: Instant
  /// Which planned case it belongs to.
  var caseIndex: Int
  /// Who records it.
  var officer: String
  var action: Action
}

/// The demo's data: realistic enterprises, and cases of every kind in every state over the last
/// 14 months, as a list of steps in time order. Pure: the Demo command runs the steps through the
/// store's ordinary intent methods, so every demo case obeys its workflow.
struct DemoPlanner {
  /// How many cases end in each state, by kind.
  static let casesPerState: [CaseKind: [CaseState: Int]] = [
    .arrears: [
      "registered": 12, "awaiting-documents": 6, "accepted": 10, "transferred": 25,
      "resolved": 15, "rejected": 15, "closed": 90, "withdrawn": 15,
    ],
    .taxRefund: [
      "applied": 8, "under-review": 12, "awaiting-documents": 5, "approved": 8, "disbursed": 70,
      "rejected": 10, "withdrawn": 6,
    ],
    .whitelist: [
      "applied": 4, "reviewing": 4, "listed": 30, "suspended": 3, "rejected": 5, "removed": 4,
      "withdrawn": 3,
    ],
    .cultivation: [
      "candidate": 6, "applied": 6, "evaluating": 10, "recognized": 40, "not-recognized": 8,
      "revoked": 2, "expired": 4, "withdrawn": 4,
    ],
  ]

  /// The fewest enterprises a demo can be made of: each white-list case needs a firm of its own,
  /// since an enterprise has at most one white-list case under way.
  static var minimumEnterprises: Int { casesPerState[.whitelist, default: [:]].values.reduce(0, +) }

  let now: Instant
  let zone: AgencyZone
  let calendar: WorkingCalendar
  var random = SeededRandom(seed: 20_260_428)
  let chinese = Localizer(language: .zh)

  init(now: Instant, zone: AgencyZone, calendar: WorkingCalendar) {
    self.now = now
    self.zone = zone
    self.calendar = calendar
  }

  // MARK: Enterprises

  /// `count` enterprises with valid, distinct codes, real region codes and Chinese names.
  mutating func enterprises(count: Int) -> [Enterprise] {
    var result: [Enterprise] = []
    var codes = Set<String>()
    var names = Set<String>()
    while result.count < count {
      let home = random.chance(75)
      let place = home ? random.pick(DemoData.homeRegions) : random.pick(DemoData.otherRegions)
      let trade = random.pick(DemoData.trades)
      let name =
        place.city + random.pick(DemoData.brands) + trade.word
        + (random.chance(80) ? "有限公司" : "股份有限公司")
      guard names.insert(name).inserted else { continue }
      let uscc = makeCode(region: place.code)
      guard codes.insert(uscc.rawValue).inserted else { continue }
      let employees = random.pick([8, 15, 35, 60, 120, 260, 450, 800])
      let revenueYuan = Int64(employees) * Int64(random.int(120...900)) * 1000
      let enterprise = Enterprise(
        uscc: uscc, name: name, region: RegionCode(trusted: place.code),
        size: EnterpriseSize.classify(
          sector: trade.sector, employees: employees, revenue: Money(yuan: revenueYuan)),
        sector: trade.sector, employees: employees, revenue: Money(yuan: revenueYuan),
        industry: trade.industry,
        contact: random.pick(DemoData.surnames) + random.pick(DemoData.givenNames),
        phone: "1" + String(random.int(30...89)) + String(random.int(10_000_000...99_999_999)))
      result.append(enterprise)
    }
    return result
  }

  /// A demo debtor's code, the same every run, agreeing with its type by its first two characters
  /// (GB 32100-2015: `11` organs of state, `12` public institutions, `91` enterprises), registered
  /// in Guangdong (`440000`).
  static func debtorCode(_ index: Int, type: DebtorType) -> USCC? {
    let prefix: String
    switch type {
    case .government: prefix = "11"
    case .publicInstitution: prefix = "12"
    case .largeEnterprise: prefix = "91"
    case .other: return nil
    }
    let digits = String(10_000_000 + index * 7919)
    let body = Array(digits.suffix(8))
    let organization = body + [USCC.organizationCheckCharacter(for: body)]
    let first17 = Array(prefix + "440000") + organization
    return USCC(trusted: String(first17 + [USCC.checkCharacter(for: first17)]))
  }

  /// A valid code: `91`, the region, an organization code with its check, the check character.
  mutating func makeCode(region: String) -> USCC {
    var body: [Character] = ["M", "A"]
    while body.count < 8 {
      body.append(USCC.alphabet[random.int(0...30)])
    }
    let organization = body + [USCC.organizationCheckCharacter(for: body)]
    let first17 = Array("91" + region) + organization
    return USCC(trusted: String(first17 + [USCC.checkCharacter(for: first17)]))
  }

  // MARK: Cases

  /// The steps of every demo case, in time order.
  mutating func steps(enterprises: [Enterprise]) -> [DemoStep] {
    var steps: [DemoStep] = []
    var caseIndex = 0
    var whitelistPool = Array(enterprises.indices).shuffled(using: &random)
    // Only SMEs may be cultivation candidates; a firm whose recognition was revoked with a ban
    // gets no later cultivation case, so the one banned firm is one no other case used.
    let smes = enterprises.filter { $0.size != .large }
    var cultivated = Set<String>()
    var banned = Set<String>()
    for kind in CaseKind.allCases {
      let workflow = kind.workflow
      for state in workflow.states {
        for count in 0..<(Self.casesPerState[kind]?[state.name] ?? 1) {
          var enterprise: Enterprise
          var ban = false
          if kind == .whitelist, let index = whitelistPool.popLast() {
            enterprise = enterprises[index]
          } else if kind == .cultivation, !smes.isEmpty {
            enterprise = random.pick(smes)
            // The first revocation is on serious grounds, with a ban; the others are failed
            // re-reviews.
            if state.name == "revoked", count == 0,
              let fresh = smes.first(where: { !cultivated.contains($0.uscc.rawValue) })
            {
              enterprise = fresh
              ban = true
            }
            while banned.contains(enterprise.uscc.rawValue), smes.count > banned.count {
              enterprise = random.pick(smes)
            }
            cultivated.insert(enterprise.uscc.rawValue)
            if ban { banned.insert(enterprise.uscc.rawValue) }
          } else if kind == .arrears {
            // Only an SME may complain of arrears (ArrearsScope, arts. 2, 3).
            enterprise = random.pick(smes)
          } else {
            enterprise = random.pick(enterprises)
          }
          steps += plan(
            kind: kind, target: state.name, enterprise: enterprise, index: caseIndex, ban: ban)
          caseIndex += 1
        }
      }
    }
    return steps.sorted { ($0.at, $0.caseIndex) < ($1.at, $1.caseIndex) }
  }

  private struct Planned {
    var event: EventName
    var inputs: EventInputs
    var gapDays: Int
  }

  mutating func plan(
    kind: CaseKind, target: CaseState, enterprise: Enterprise, index: Int, ban: Bool = false
  ) -> [DemoStep] {
    let assignee = random.pick(DemoData.officers)
    var events: [Planned] = []
    var details: CaseDetails
    var title: String
    switch kind {
    case .arrears:
      let debtorIndex = random.int(0...(DemoData.debtors.count - 1))
      let debtor = DemoData.debtors[debtorIndex]
      let owed = Money(yuan: Int64(random.int(3...400)) * 10_000 + Int64(random.int(0...9)) * 1000)
      var arrears = ArrearsDetails(
        debtor: debtor.name, debtorType: debtor.type,
        debtorCode: Self.debtorCode(debtorIndex, type: debtor.type),
        contract: "HT-\(random.int(2023...2025))-\(random.int(100...999))", amountOwed: owed,
        paymentDueDate: LocalDate(dayNumber: 0))
      // Some contracts agreed a rate, a few below the one-year LPR of their day (art. 17).
      if random.chance(20) {
        arrears.contractDate = LocalDate("2024-03-15")!.adding(days: random.int(0...400))
        arrears.agreedAnnualRate = Rate(tenThousandthsOfPercent: Int64(random.int(25...60)) * 1000)
      }
      details = .arrears(arrears)
      title = debtor.name + "拖欠货款"
    case .taxRefund:
      let type = random.pick(ReliefType.allCases)
      let claimed = Money(yuan: Int64(random.int(2...120)) * 10_000)
      details = .taxRefund(
        TaxRefundDetails(
          reliefType: type, amountClaimed: claimed, taxPeriod: "2026-Q\(random.int(1...3))"))
      title =
        chinese.value("relief-type", type.rawValue) + " " + (details.taxRefund?.taxPeriod ?? "")
    case .whitelist:
      details = .whitelist(
        WhitelistDetails(
          category: random.pick(WhitelistCategory.allCases),
          chain: random.pick(SupplyChain.allCases)))
      title =
        chinese.value("category", details.whitelist!.category.rawValue) + " / "
        + chinese.value("chain", details.whitelist!.chain.rawValue)
    case .cultivation:
      let tier: Tier =
        random.chance(50) ? .innovative : random.chance(70) ? .specialized : .littleGiant
      details = .cultivation(
        CultivationDetails(
          tier: tier,
          priorTierEvidence: tier == .innovative
            ? nil : "省级认定文件（粤工信〔2024〕\(random.int(10...99))号）"))
      title = chinese.value("tier", tier.rawValue)
    }
    var outstanding = details.arrears?.amountOwed ?? .zero
    var skeleton = kind.workflow.shortestPath(to: target)
    // A revocation with a ban instead of a failed re-review.
    if ban, skeleton.last?.event == .failReview, let revoke = kind.workflow.transition(.revoke) {
      skeleton[skeleton.count - 1] = revoke
    }
    for (position, transition) in skeleton.enumerated() {
      var inputs = EventInputs()
      var gap = random.int(1...8)
      // Detours and extras that real cases have.
      if (kind == .arrears && (transition.event == "accept" || transition.event == "reject"))
        || (kind == .taxRefund && transition.event == "approve"),
        random.chance(25)
      {
        events.append(
          Planned(
            event: "request-documents",
            inputs: EventInputs(reason: DemoData.reasons[0]), gapDays: random.int(1...4)))
        events.append(
          Planned(event: "receive-documents", inputs: EventInputs(), gapDays: random.int(2...9)))
      }
      if kind == .arrears, transition.event == "resolve" {
        if random.chance(20) {
          events.append(
            Planned(
              event: "extend", inputs: EventInputs(reason: DemoData.reasons[5], days: 30),
              gapDays: random.int(10...25)))
        }
        let outcome: ArrearsOutcome = random.pick([
          .paidInFull, .paidInFull, .paidInFull, .partiallyPaid, .paymentPlan, .referredToCourt,
          .noDebtFound,
        ])
        if outcome == .paidInFull || outcome == .partiallyPaid {
          let first = Money(fen: outstanding.fen / 100 * Int64(random.int(30...60)))
          events.append(
            Planned(event: "pay", inputs: EventInputs(amount: first), gapDays: random.int(3...12)))
          outstanding = outstanding - first
          if outcome == .paidInFull {
            events.append(
              Planned(
                event: "pay", inputs: EventInputs(amount: outstanding), gapDays: random.int(3...12))
            )
            outstanding = .zero
          }
        }
        inputs.outcome = outcome
        gap = random.int(2...10)
      }
      switch transition.event {
      case "request-documents", "reject", "withdraw", "suspend", "remove", "decline", "reopen":
        inputs.reason = random.pick(DemoData.reasons)
      case "revoke":
        inputs.reason = random.pick(DemoData.revocationGrounds)
        inputs.banYears = 3
      case "fail-review":
        inputs.reason = random.pick(DemoData.reviewFailures)
      case "review" where kind == .taxRefund:
        inputs.to = random.pick(DemoData.taxAuthorities)
      case "transfer":
        inputs.to = random.pick(DemoData.departments)
      case "close":
        inputs.satisfaction = random.chance(85) ? .satisfied : .unsatisfied
      case "approve" where kind == .taxRefund:
        let claimed = details.taxRefund!.amountClaimed
        inputs.amount = Money(fen: claimed.fen / 100 * Int64(random.int(70...100)))
      case "evaluate":
        inputs.score = target == "not-recognized" ? random.int(40...59) : random.int(62...95)
      default:
        break
      }
      if transition.event == "accept" || transition.event == "transfer" {
        // Most complaints move within the statutory 10 working days; a few do not.
        gap = random.chance(85) ? random.int(1...9) : random.int(16...25)
      }
      events.append(Planned(event: transition.event, inputs: inputs, gapDays: gap))
      if kind == .whitelist, transition.event == "approve", target == "listed", random.chance(30) {
        events.append(
          Planned(
            event: "recognize",
            inputs: EventInputs(
              region: RegionCode(trusted: random.pick(["310000", "320000", "330000", "350000"]))),
            gapDays: random.int(20...90)))
      }
      if position == 0, random.chance(30) {
        events.append(
          Planned(
            event: .note, inputs: EventInputs(note: random.pick(DemoData.notes)),
            gapDays: random.int(1...3)))
      }
    }
    // A partial payment on some complaints still being handled.
    if kind == .arrears, ["accepted", "transferred"].contains(target), random.chance(40) {
      let part = Money(fen: outstanding.fen / 100 * Int64(random.int(10...40)))
      events.append(
        Planned(event: "pay", inputs: EventInputs(amount: part), gapDays: random.int(2...10)))
    }
    if kind == .arrears, !kind.workflow.isTerminal(target), random.chance(15) {
      events.append(
        Planned(
          event: .supervise, inputs: EventInputs(reason: DemoData.reasons[7]),
          gapDays: random.int(5...15)))
    }
    if random.chance(8), !kind.workflow.isTerminal(target) {
      let other = DemoData.officers.filter { $0 != assignee }
      events.append(
        Planned(
          event: .assign, inputs: EventInputs(assignee: random.pick(other)),
          gapDays: random.int(1...5)))
    }
    // Recognitions last three years: the ones to expire, or due for re-review, began long ago.
    var recognitionAge: Int?
    if kind == .cultivation {
      if target == "expired" {
        recognitionAge = random.int(1130...1180)
      } else if target == "recognized", random.chance(20) {
        recognitionAge = random.int(1000...1110)
      } else if target == "recognized" || target == "revoked", random.chance(25) {
        // Recognized three years ago and re-reviewed within the last 90 days of the validity:
        // renewed (a revoked one after that, on the renewed recognition).
        recognitionAge = random.int(1070...1110)
        let renew = Planned(event: .renew, inputs: EventInputs(), gapDays: 0)
        if target == "revoked" {
          events.insert(renew, at: events.count - 1)
        } else {
          events.append(renew)
        }
      }
    }
    return schedule(
      events,
      opening: CaseOpening(
        enterprise: enterprise.uscc, title: title, assignee: assignee, details: details),
      target: target, recognitionAge: recognitionAge, index: index)
  }

  private mutating func schedule(
    _ events: [Planned], opening: CaseOpening, target: CaseState, recognitionAge: Int?, index: Int
  ) -> [DemoStep] {
    let today = zone.date(of: now)
    let span = events.reduce(0) { $0 + $1.gapDays }
    var openDay: LocalDate
    if let recognitionAge {
      openDay = today.adding(days: -(recognitionAge + span))
    } else {
      let isOpen = !opening.details.kind.workflow.isTerminal(target)
      let oldest = isOpen ? 75 : 420
      let latest = max(span + 1, isOpen ? 2 : 20)
      // Most open cases reached their state lately, so that their deadlines still run.
      let recent = isOpen && random.chance(80)
      let daysAgo =
        recent
        ? span + random.int(1...6) : random.int(min(latest, oldest)...max(latest, oldest))
      openDay = today.adding(days: -daysAgo)
    }
    openDay = workingDay(onOrAfter: openDay)
    var opening = opening
    if case .arrears(var arrears) = opening.details {
      arrears.paymentDueDate = openDay.adding(days: -random.int(20...200))
      opening.details = .arrears(arrears)
    }
    var steps: [DemoStep] = []
    var at = officeTime(openDay)
    steps.append(
      DemoStep(at: at, caseIndex: index, officer: opening.assignee!, action: .open(opening)))
    var day = openDay
    for (position, planned) in events.enumerated() {
      if planned.event == .expire {
        day = day.adding(years: Workflows.recognitionYears).adding(days: random.int(1...20))
      } else if planned.event == .renew {
        // Inside the renewal window: 30 to 85 days before validUntil.
        day = day.adding(years: Workflows.recognitionYears).adding(days: -random.int(30...85))
      } else {
        day = workingDay(onOrAfter: day.adding(days: planned.gapDays))
      }
      if day > today { day = today }
      var next = officeTime(day)
      if next <= at { next = at.adding(seconds: 60) }
      if next > now { next = max(at, now) }
      at = next
      // Lapsed recognitions are expired by the daily `sla check`, as officer `system`.
      let officer =
        planned.event == .expire
        ? "system" : position % 4 == 3 ? random.pick(DemoData.officers) : opening.assignee!
      steps.append(
        DemoStep(
          at: at, caseIndex: index, officer: officer, action: .act(planned.event, planned.inputs)))
    }
    return steps
  }

  private func workingDay(onOrAfter day: LocalDate) -> LocalDate {
    var day = day
    while !calendar.isWorkingDay(day) { day = day.adding(days: 1) }
    return day
  }

  /// A time in office hours on a day.
  private mutating func officeTime(_ day: LocalDate) -> Instant {
    zone.instant(day, secondsOfDay: random.int(9 * 3600...17 * 3600 + 1800))
  }
}

extension Array {
  func shuffled(using random: inout SeededRandom) -> [Element] {
    var copy = self
    guard copy.count > 1 else { return copy }
    for index in stride(from: copy.count - 1, to: 0, by: -1) {
      copy.swapAt(index, random.int(0...index))
    }
    return copy
  }
}
