import ReliefDomain
import ReliefStore

/// Service activities over the same years as the cases: visits and consultations naming their
/// enterprises, briefings and trainings counted by attendance, a quarter of them in a campaign.
struct ServicePlanner {
  let enterprises: [BenchEnterprise]
  var random: SeededRandom

  /// The services of `day`.
  mutating func services(on day: LocalDate, count: Int) -> [PlannedService] {
    (0..<count).map { _ in service(on: day) }
  }

  /// One service: in a CSV import file's terms as well as the loader's.
  mutating func service(on day: LocalDate) -> PlannedService {
    let type = random.pick(weighted: [
      (ServiceType.policyBriefing, 18), (.training, 12), (.financingMatchmaking, 9),
      (.consultation, 22), (.onSiteVisit, 22), (.legalAid, 5), (.digitalTransformation, 7),
      (.other, 5),
    ])
    let counted = [.policyBriefing, .training, .digitalTransformation].contains(type)
    var named: [USCC] = []
    for _ in 0..<(counted ? random.pick([0, 0, 0, 1, 2]) : random.pick([1, 1, 1, 2, 3])) {
      named.append(random.pick(enterprises).enterprise.uscc)
    }
    let draft = ServiceDraft(
      type: type, date: day, enterprises: named,
      count: counted ? random.int(max(named.count, 20)...400) : nil,
      region: counted ? RegionCode(trusted: random.pick(weighted: BenchData.regions).code) : nil,
      campaign: random.chance(25) ? random.pick(BenchData.campaigns) : nil,
      note: random.chance(15) ? random.pick(BenchData.serviceNotes) : nil)
    return PlannedService(
      draft: draft, officer: random.pick(BenchData.officers),
      recordedAt: Scale.zone.instant(day, secondsOfDay: random.int(16 * 3600...19 * 3600)))
  }
}
