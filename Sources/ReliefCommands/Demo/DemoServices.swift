import ReliefDomain
import ReliefPresentation

/// The demo's service activities over the last 14 months: briefings and trainings counted by
/// attendance, visits and consultations naming their enterprises, a few campaigns. Pure and
/// deterministic, with a generator of its own so that the cases stay as they were.
struct DemoServicePlanner {
  /// A service to log, and when it was logged.
  struct Planned {
    var draft: ServiceDraft
    var officer: String
    var recordedAt: Instant
  }

  static let campaigns = (
    policies: "惠企政策进万企", serviceMonth: "中小企业服务月", digital: "数字化转型伙伴行动",
    together: "一起益企", specialized: "专精特新服务月"
  )

  let now: Instant
  let zone: AgencyZone
  let calendar: WorkingCalendar
  var random = SeededRandom(seed: 20_260_601)

  init(now: Instant, zone: AgencyZone, calendar: WorkingCalendar) {
    self.now = now
    self.zone = zone
    self.calendar = calendar
  }

  /// A few hundred services, oldest first, more of them in recent months.
  mutating func services(enterprises: [Enterprise]) -> [Planned] {
    let today = zone.date(of: now)
    let thisMonth = YearMonth(today)
    var result: [Planned] = []
    for back in (0...13).reversed() {
      let month = thisMonth.adding(months: -back)
      let workingDays = (0..<LocalDate.daysIn(month: month.month, year: month.year))
        .map { month.firstDay.adding(days: $0) }.filter(calendar.isWorkingDay)
      let days = workingDays.filter { $0 <= today }
      guard !days.isEmpty else { continue }
      // From about 18 a month, growing to about 31; the running month in proportion.
      let count = max(1, (31 - back + random.int(-5...5)) * days.count / workingDays.count)
      for _ in 0..<count {
        result.append(service(on: random.pick(days), month: month, enterprises: enterprises))
      }
    }
    return result.sorted { ($0.draft.date, $0.recordedAt) < ($1.draft.date, $1.recordedAt) }
  }

  private mutating func service(on day: LocalDate, month: YearMonth, enterprises: [Enterprise])
    -> Planned
  {
    let roll = random.int(1...100)
    let type: ServiceType
    switch roll {
    case 1...20: type = .policyBriefing
    case 21...34: type = .training
    case 35...44: type = .financingMatchmaking
    case 45...64: type = .consultation
    case 65...84: type = .onSiteVisit
    case 85...89: type = .legalAid
    case 90...97: type = .digitalTransformation
    default: type = .other
    }
    var draft = ServiceDraft(type: type, date: day)
    let place = random.pick(DemoData.homeRegions)
    func named(_ range: ClosedRange<Int>) -> [USCC] {
      (0..<random.int(range)).map { _ in random.pick(enterprises).uscc }
    }
    switch type {
    case .policyBriefing:
      draft.count = random.int(3...30) * 10
      draft.region = RegionCode(trusted: place.code)
      draft.campaign = random.chance(60) ? Self.campaigns.policies : nil
      draft.note = place.city + "惠企政策宣讲会"
    case .training:
      draft.count = random.int(15...80)
      draft.region = RegionCode(trusted: place.code)
      draft.campaign = random.chance(30) ? Self.campaigns.specialized : nil
      draft.note = random.pick(["专精特新申报辅导培训", "企业财税合规培训", "知识产权保护培训", "出口合规培训"])
    case .financingMatchmaking:
      draft.enterprises = named(2...4)
      draft.count = draft.enterprises.count + random.int(5...35)
      draft.campaign = random.chance(40) ? Self.campaigns.together : nil
      draft.note = "银企对接会"
    case .consultation:
      draft.enterprises = named(1...1)
      draft.note = random.pick(["政策咨询", "账款拖欠咨询", "融资政策咨询", "梯度培育申报咨询"])
    case .onSiteVisit:
      draft.enterprises = named(1...3)
      draft.campaign = random.chance(50) ? Self.campaigns.policies : nil
      draft.note = "上门走访，了解企业诉求"
    case .legalAid:
      draft.enterprises = named(1...1)
      draft.note = "合同纠纷法律咨询"
    case .digitalTransformation:
      if random.chance(50) {
        draft.count = random.int(10...60)
        draft.region = RegionCode(trusted: place.code)
      } else {
        draft.enterprises = named(1...2)
      }
      draft.campaign = random.chance(60) ? Self.campaigns.digital : nil
      draft.note = "数字化转型诊断"
    case .other:
      draft.count = random.int(5...30)
      draft.region = RegionCode(trusted: place.code)
    }
    if month.month == 6, random.chance(50) { draft.campaign = Self.campaigns.serviceMonth }
    var recordedAt = zone.instant(day, secondsOfDay: random.int(10 * 3600...18 * 3600))
    if recordedAt > now { recordedAt = now }
    return Planned(draft: draft, officer: random.pick(DemoData.officers), recordedAt: recordedAt)
  }
}
