import Testing

@testable import ReliefDomain

/// The domain side of the rules the store's SQL repeats (the SQL is tested against these in
/// ReliefStoreTests/OneRuleTests.swift).
@Suite("One rule, one place: the domain's sources")
struct OneRuleDomainTests {
  @Test("every kind has its own id prefix, and an id reads back to its kind")
  func idPrefixesNameOneKindEach() {
    let prefixes = CaseKind.allCases.map(\.idPrefix)
    #expect(Set(prefixes).count == prefixes.count)
    for kind in CaseKind.allCases {
      #expect(CaseKind(idPrefix: kind.idPrefix) == kind)
      let id = CaseID(kind: kind, year: 2026, number: 42)
      #expect(id.description.hasPrefix(kind.idPrefix + "-"))
      #expect(CaseID(id.description) == id)
    }
  }

  @Test("the alert grows with the day: blue, then yellow from the warn day, red after the due day")
  func alertGrowsWithTheDay() {
    let start = LocalDate("2026-03-02")!
    let clock = CaseClock.compute(
      CaseKind.arrears.workflow.states.flatMap(\.clocks)[0], state: "accepted", start: start,
      settings: .defaults, calendar: .official)
    var previous = Alert.blue
    for offset in 0...60 {
      let day = start.adding(days: offset)
      let alert = clock.alert(on: day)
      #expect(alert >= previous)
      #expect((alert == .red) == (day > clock.dueDate))
      #expect((alert == .blue) == (day < clock.warnDate))
      previous = alert
    }
    #expect(previous == .red)
  }
}
