import ReliefDomain
import ReliefStore

/// Cases of every kind as an agency's would go: most run their workflow to the end, some are
/// rejected or withdrawn, some answer late, a few are left lying; the recent ones are still
/// under way at "now". Deterministic; the engine decides every event again when it is loaded.
struct CasePlanner {
  let enterprises: [BenchEnterprise]
  let calendar: WorkingCalendar
  var random: SeededRandom
  private var whitelistPool: [Int]
  private var numbers: [CaseKind: [Int: Int]] = [:]
  private let zone = Scale.zone

  init(enterprises: [BenchEnterprise], calendar: WorkingCalendar, seed: UInt64) {
    self.enterprises = enterprises
    self.calendar = calendar
    var random = SeededRandom(seed: seed)
    // An enterprise has one white-list case at most (and so never two open at once).
    var pool = Array(enterprises.indices)
    for index in pool.indices.reversed() {
      pool.swapAt(index, random.int(0...index))
    }
    self.whitelistPool = pool
    self.random = random
  }

  /// How many cases open on each day: more on working days, growing over the years, `total` in
  /// all, as whole numbers whose running sum follows the running weight.
  static func openings(total: Int, calendar: WorkingCalendar) -> [(day: LocalDate, count: Int)] {
    let first = Scale.firstDay
    let days = first.days(until: Scale.lastDay) + 1
    var weights: [Double] = []
    for offset in 0..<days {
      let day = first.adding(days: offset)
      let growth = 1 + 0.6 * Double(offset) / Double(days)
      weights.append(growth * (calendar.isWorkingDay(day) ? 1 : 0.04))
    }
    let sum = weights.reduce(0, +)
    var result: [(LocalDate, Int)] = []
    var running = 0.0
    var given = 0
    for (offset, weight) in weights.enumerated() {
      running += weight
      let due = Int((running / sum * Double(total)).rounded())
      result.append((first.adding(days: offset), due - given))
      given = due
    }
    return result
  }

  /// The cases opened on `day`, in order of opening.
  mutating func cases(on day: LocalDate, count: Int) -> [PlannedCase] {
    let working = calendar.isWorkingDay(day)
    let window = working ? (8 * 3600 + 1800)...(17 * 3600 + 1800) : (9 * 3600)...(12 * 3600)
    var seconds = (0..<count).map { _ in random.int(window) }
    seconds.sort()
    return seconds.map { plan(openedAt: zone.instant(day, secondsOfDay: $0)) }
  }

  private mutating func plan(openedAt: Instant) -> PlannedCase {
    var kind = random.pick(weighted: [
      (CaseKind.arrears, 40), (.taxRefund, 35), (.cultivation, 17), (.whitelist, 8),
    ])
    if kind == .whitelist, whitelistPool.isEmpty { kind = .arrears }
    var enterprise =
      kind == .whitelist ? enterprises[whitelistPool.removeLast()] : random.pick(enterprises)
    // Only an SME may complain of arrears (ArrearsScope, arts. 2, 3).
    while kind == .arrears, enterprise.enterprise.size == .large {
      enterprise = random.pick(enterprises)
    }
    let year = zone.date(of: openedAt).year
    let number = (numbers[kind]?[year] ?? 0) + 1
    numbers[kind, default: [:]][year] = number
    let officer = random.pick(BenchData.officers)
    var history = History(
      openedAt: openedAt, officer: officer, now: Scale.now, calendar: calendar, zone: zone)
    // A few cases are left lying where they are: they stay open, and soon overdue.
    if random.chance(2.5) { history.limit = random.int(0...4) }
    let details: CaseDetails
    let title: String
    switch kind {
    case .arrears:
      (details, title) = arrears(enterprise, &history)
    case .taxRefund:
      (details, title) = taxRefund(&history)
    case .whitelist:
      (details, title) = whitelist(enterprise, &history)
    case .cultivation:
      (details, title) = cultivation(&history)
    }
    return PlannedCase(
      id: CaseID(kind: kind, year: year, number: number),
      opening: CaseOpening(
        enterprise: enterprise.enterprise.uscc, title: title, assignee: officer, details: details),
      openedAt: openedAt, officer: officer, events: history.events)
  }

  // MARK: Kinds

  private mutating func arrears(_ enterprise: BenchEnterprise, _ history: inout History)
    -> (CaseDetails, String)
  {
    let debtor = random.pick(weighted: BenchData.debtors.map { ($0, $0.weight) })
    let name = debtor.name.replacingOccurrences(of: "{city}", with: enterprise.city)
    let owed = Money(
      fen: Int64(random.int(1...500)) * 1_000_000 + Int64(random.int(0...99)) * 10_000)
    let opened = zone.date(of: history.openedAt)
    var details = ArrearsDetails(
      debtor: name, debtorType: debtor.type,
      contract: random.chance(70)
        ? "HT-\(opened.year - random.int(0...2))-\(random.int(100...9999))" : nil,
      amountOwed: owed, paymentDueDate: opened.adding(days: -random.int(20...400)))
    if debtor.type == .largeEnterprise, random.chance(40) {
      var codes = EnterprisePlanner(random: random)
      details.debtorCode = codes.makeCode(
        region: enterprise.enterprise.region.rawValue, series: "MC")
      random = codes.random
    }
    var outstanding = owed
    if random.chance(6) {
      step(&history, "request-documents", reason(), after: 1...4)
      step(&history, "receive-documents", after: 2...12)
    }
    let roll = random.int(1...100)
    if roll <= 12 {
      step(&history, "reject", reason(), after: answer(within: 10))
      return (.arrears(details), name)
    }
    if roll <= 15 {
      step(&history, "withdraw", reason(), after: 1...8)
      return (.arrears(details), name)
    }
    step(&history, "accept", after: answer(within: 10))
    extras(&history)
    if random.chance(3) {
      step(&history, "withdraw", reason(), after: 1...5)
      return (.arrears(details), name)
    }
    step(
      &history, "transfer", EventInputs(to: random.pick(BenchData.departments)),
      after: answer(within: 10))
    let payments = random.pick(weighted: [(0, 40), (1, 35), (2, 18), (3, 7)])
    let extendAt = random.chance(12) ? random.int(0...payments) : -1
    for index in 0...payments {
      if index == extendAt {
        step(
          &history, "extend",
          EventInputs(reason: random.pick(BenchData.reasons), days: random.pick([15, 20, 30])),
          after: 2...8)
      }
      guard index < payments else { break }
      let amount = part(of: outstanding)
      outstanding = outstanding - amount
      step(&history, "pay", EventInputs(amount: amount), after: 3...12)
      extras(&history)
    }
    var outcome = random.pick(weighted: [
      (ArrearsOutcome.paidInFull, 27), (.partiallyPaid, 30), (.paymentPlan, 25),
      (.referredToCourt, 10), (.noDebtFound, 8),
    ])
    if outstanding == .zero { outcome = .paidInFull }
    if outcome == .partiallyPaid, outstanding == owed { outcome = .paymentPlan }
    if outcome == .paidInFull, outstanding > .zero {
      step(&history, "pay", EventInputs(amount: outstanding), after: 2...8)
      outstanding = .zero
    }
    step(
      &history, "resolve", EventInputs(outcome: outcome), after: random.chance(8) ? 20...30 : 4...18
    )
    if outcome == .paymentPlan {
      for _ in 0..<random.int(1...2) where outstanding > .zero {
        let amount = part(of: outstanding)
        outstanding = outstanding - amount
        step(&history, "pay", EventInputs(amount: amount), after: 5...20)
      }
    }
    if random.chance(2) {
      step(&history, "reopen", reason(), after: 2...10)
      step(&history, "resolve", EventInputs(outcome: outcome), after: 3...10)
    }
    let satisfaction = random.pick(weighted: [
      (Satisfaction?.some(.satisfied), 75), (.some(.unsatisfied), 12), (nil, 13),
    ])
    step(&history, "close", EventInputs(satisfaction: satisfaction), after: 1...10)
    return (.arrears(details), name)
  }

  private mutating func taxRefund(_ history: inout History) -> (CaseDetails, String) {
    let type = random.pick(weighted: [
      (ReliefType.vatCreditRefund, 45), (.taxReduction, 25), (.feeReduction, 20),
      (.taxDeferral, 10),
    ])
    let opened = zone.date(of: history.openedAt)
    let claimed = Money(yuan: Int64(random.int(2...400)) * 1000)
    let period =
      "\(opened.month <= 3 ? opened.year - 1 : opened.year)-\(random.pick(BenchData.taxPeriods))"
    let details = TaxRefundDetails(reliefType: type, amountClaimed: claimed, taxPeriod: period)
    let title = Self.reliefTypeWords[type, default: ""] + " " + period
    step(&history, "review", after: answer(within: 5))
    if random.chance(7) {
      step(&history, "request-documents", reason(), after: 1...5)
      step(&history, "receive-documents", after: 2...10)
    }
    extras(&history)
    let roll = random.int(1...100)
    if roll <= 4 {
      step(&history, "withdraw", reason(), after: 1...6)
    } else if roll <= 16 {
      step(&history, "reject", reason(), after: answer(within: 15))
    } else {
      let approved = Money(fen: claimed.fen / 100 * Int64(random.int(70...100)))
      step(&history, "approve", EventInputs(amount: approved), after: answer(within: 15))
      let disbursed = random.chance(5) ? Money(fen: approved.fen / 10 * 9) : nil
      step(&history, "disburse", EventInputs(amount: disbursed), after: answer(within: 10))
    }
    return (.taxRefund(details), title)
  }

  private mutating func whitelist(_ enterprise: BenchEnterprise, _ history: inout History)
    -> (CaseDetails, String)
  {
    let details = WhitelistDetails(
      category: random.pick(weighted: [
        (WhitelistCategory.medicalSupplies, 15), (.dailyNecessities, 25),
        (.agriculturalInputs, 10), (.strategicMaterials, 20), (.other, 30),
      ]), chain: random.pick(SupplyChain.allCases))
    let title =
      Self.categoryWords[details.category, default: ""] + " / "
      + Self.chainWords[details.chain, default: ""]
    if random.chance(5) {
      step(&history, "withdraw", reason(), after: 1...3)
      return (.whitelist(details), title)
    }
    step(&history, "review", after: 1...2)
    if random.chance(14) {
      step(&history, "reject", reason(), after: 1...3)
      return (.whitelist(details), title)
    }
    step(&history, "approve", after: 1...3)
    if random.chance(12) {
      let home = enterprise.enterprise.region.rawValue.prefix(2)
      let other = random.pick(
        ["310000", "330000", "350000", "320000", "510000"].filter { !$0.hasPrefix(home) })
      step(&history, "recognize", EventInputs(region: RegionCode(trusted: other)), after: 10...200)
    }
    if random.chance(5) {
      step(&history, "suspend", reason(), after: 30...400)
      if random.chance(70) {
        step(&history, "reinstate", after: 10...60)
      } else {
        step(&history, "remove", reason(), after: 10...60)
      }
    } else if random.chance(4) {
      step(&history, "remove", reason(), after: 100...600)
    }
    return (.whitelist(details), title)
  }

  private mutating func cultivation(_ history: inout History) -> (CaseDetails, String) {
    let tier = random.pick(weighted: [
      (Tier.innovative, 60), (.specialized, 30), (.littleGiant, 10),
    ])
    let details = CultivationDetails(
      tier: tier,
      priorTierEvidence: tier == .innovative
        ? nil : "省级认定文件（粤工信〔\(zone.date(of: history.openedAt).year - 1)〕\(random.int(10...99))号）")
    let title = Self.tierWords[tier, default: ""]
    let withdrawAt = random.chance(6) ? random.int(0...2) : -1
    let steps: [(EventName, EventInputs, ClosedRange<Int>)] = [
      ("apply", EventInputs(), 1...20),
      ("evaluate", EventInputs(score: random.int(35...98)), 5...30),
    ]
    var score = 0
    for (index, (event, inputs, gap)) in steps.enumerated() {
      if index == withdrawAt {
        step(&history, "withdraw", reason(), after: 1...10)
        return (.cultivation(details), title)
      }
      step(&history, event, inputs, after: gap)
      score = inputs.score ?? score
    }
    if withdrawAt == 2 {
      step(&history, "withdraw", reason(), after: 1...10)
      return (.cultivation(details), title)
    }
    if score < Workflows.recognitionThreshold, random.chance(80) {
      step(&history, "decline", reason(), after: answer(within: 30))
      return (.cultivation(details), title)
    }
    let fastTrack = score < Workflows.recognitionThreshold ? "重点产业链关键配套企业" : nil
    step(&history, "recognize", EventInputs(fastTrack: fastTrack), after: answer(within: 30))
    guard let recognized = history.lastDay else { return (.cultivation(details), title) }
    if random.chance(1.5) {
      step(&history, "revoke", reason(), after: 100...600)
      return (.cultivation(details), title)
    }
    // Re-review at the end of each three years: most renew shortly before, the others expire.
    var validUntil = recognized.adding(years: Workflows.recognitionYears)
    while history.isOpen {
      if random.chance(65) {
        history.add("renew", EventInputs(), on: validUntil.adding(days: -random.int(10...80)))
        validUntil = validUntil.adding(years: Workflows.recognitionYears)
      } else {
        history.add("expire", EventInputs(), on: validUntil.adding(days: random.int(1...30)))
        break
      }
    }
    return (.cultivation(details), title)
  }

  // MARK: Helpers

  /// Notes, reassignments and supervision, now and then.
  private mutating func extras(_ history: inout History) {
    if random.chance(9) {
      history.add(
        "note", EventInputs(note: random.pick(BenchData.notes)), after: random.int(0...3),
        random: &random)
    }
    if random.chance(4) {
      history.add(
        "assign", EventInputs(assignee: random.pick(BenchData.officers)), after: random.int(0...2),
        random: &random)
    }
    if random.chance(2) {
      history.add(
        "supervise", EventInputs(reason: "超期未办结"), after: random.int(1...4), random: &random)
    }
  }

  private mutating func step(
    _ history: inout History, _ event: EventName, _ inputs: EventInputs = EventInputs(),
    after gap: ClosedRange<Int>
  ) {
    var inputs = inputs
    if inputs.note == nil, random.chance(4) { inputs.note = random.pick(BenchData.notes) }
    history.add(event, inputs, after: random.int(gap), random: &random)
  }

  private mutating func reason() -> EventInputs {
    EventInputs(reason: random.pick(BenchData.reasons))
  }

  /// Working days to answer a clock of `days`: mostly in time, sometimes late.
  private mutating func answer(within days: Int) -> ClosedRange<Int> {
    random.chance(7) ? (days + 1)...(days * 2) : 1...max(1, days - 1)
  }

  /// A part of what is owed: a tenth to three fifths, in whole yuan, at least one yuan.
  private mutating func part(of outstanding: Money) -> Money {
    let share = outstanding.fen * Int64(random.int(10...60)) / 100 / 100 * 100
    return Money(fen: min(outstanding.fen, max(100, share)))
  }

  static let reliefTypeWords: [ReliefType: String] = [
    .vatCreditRefund: "增值税留抵退税", .taxReduction: "减税", .feeReduction: "降费", .taxDeferral: "缓税",
  ]
  static let categoryWords: [WhitelistCategory: String] = [
    .medicalSupplies: "医疗物资", .dailyNecessities: "生活必需品", .agriculturalInputs: "农资",
    .strategicMaterials: "战略物资", .other: "其他",
  ]
  static let chainWords: [SupplyChain: String] = [
    .automotive: "汽车", .integratedCircuits: "集成电路", .consumerElectronics: "消费电子",
    .equipment: "装备", .food: "食品", .pharmaceuticals: "医药", .other: "其他",
  ]
  static let tierWords: [Tier: String] = [
    .innovative: "创新型中小企业", .specialized: "专精特新中小企业", .littleGiant: "专精特新“小巨人”企业",
  ]
}

/// The events of one case as they are planned, each some working days after the one before, in
/// office hours; none after "now", and none after a case's `limit` (a case left lying).
struct History {
  let openedAt: Instant
  let officer: String
  let now: Instant
  let calendar: WorkingCalendar
  let zone: AgencyZone
  var limit = Int.max
  private(set) var events: [EventRequest] = []
  private var last: Instant
  private var stopped = false

  init(
    openedAt: Instant, officer: String, now: Instant, calendar: WorkingCalendar, zone: AgencyZone
  ) {
    self.openedAt = openedAt
    self.officer = officer
    self.now = now
    self.calendar = calendar
    self.zone = zone
    self.last = openedAt
  }

  /// True while events may still follow.
  var isOpen: Bool { !stopped }

  /// The day of the last event planned, if it was planned.
  var lastDay: LocalDate? { stopped ? nil : zone.date(of: last) }

  /// Plans an event `workingDays` after the last one (0: later the same day).
  mutating func add(
    _ event: EventName, _ inputs: EventInputs, after workingDays: Int, random: inout SeededRandom
  ) {
    guard !stopped else { return }
    let day = zone.date(of: last)
    let target = workingDays == 0 ? day : calendar.adding(workingDays: workingDays, after: day).date
    let earliest = target == day ? zone.local(last).secondsOfDay + 60 : 8 * 3600 + 1800
    let latest = max(earliest, 17 * 3600 + 1800)
    append(event, inputs, at: zone.instant(target, secondsOfDay: random.int(earliest...latest)))
  }

  /// Plans an event on a given day (a renewal or an expiry years later), at ten in the morning or
  /// just after the last event.
  mutating func add(_ event: EventName, _ inputs: EventInputs, on day: LocalDate) {
    guard !stopped else { return }
    append(
      event, inputs, at: max(zone.instant(day, secondsOfDay: 10 * 3600), last.adding(seconds: 60)))
  }

  private mutating func append(_ event: EventName, _ inputs: EventInputs, at: Instant) {
    guard at <= now, events.count < limit else {
      stopped = true
      return
    }
    events.append(EventRequest(event, inputs: inputs, at: at, officer: officer))
    last = at
  }
}
