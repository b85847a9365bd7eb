import Testing

@testable import ReliefDomain

@Suite("Report arithmetic")
struct ReportMathTests {
  @Test(
    "percent changes have one decimal, round half away from zero, and need a previous value",
    arguments: [
      (100, 103, "3.0"), (1000, 1034, "3.4"), (1000, 1035, "3.5"), (2000, 2069, "3.5"),
      (2000, 2071, "3.6"), (1000, 966, "-3.4"), (2000, 1931, "-3.5"), (3, 1, "-66.7"),
      (30, 203, "576.7"), (7, 7, "0.0"), (10_000, 9_999, "0.0"), (1, 0, "-100.0"),
    ] as [(Int64, Int64, String)])
  func change(previous: Int64, current: Int64, expected: String) {
    #expect(Percent.change(from: previous, to: current) == expected)
  }

  @Test("growth from nothing has no percentage; huge amounts stay exact")
  func changeEdges() {
    #expect(Percent.change(from: 0, to: 5) == nil)
    #expect(Percent.change(from: 0, to: 0) == nil)
    // 10^17 fen (the largest amount) doubled: no overflow.
    #expect(Percent.change(from: 100_000_000_000_000_000, to: 200_000_000_000_000_000) == "100.0")
    #expect(Percent.change(from: 300_000_000_000_000_001, to: 300_000_000_000_000_002) == "0.0")
  }

  @Test("shares: closed on time over closed")
  func share() {
    #expect(Percent.of(1, 2) == "50.0")
    #expect(Percent.of(2, 3) == "66.7")
    #expect(Percent.of(1, 3) == "33.3")
    #expect(Percent.of(1, 8) == "12.5")
    #expect(Percent.of(3, 3) == "100.0")
    #expect(Percent.of(0, 4) == "0.0")
    #expect(Percent.of(0, 0) == nil)
  }

  @Test("medians are exact: a whole number or a half")
  func median() {
    #expect(Median([]) == nil)
    #expect(Median([7])?.description == "7")
    #expect(Median([19, 1])?.description == "10")
    #expect(Median([42, 1, 19, 5])?.description == "12")
    #expect(Median([1, 2])?.description == "1.5")
    #expect(Median([1, 2])?.isWhole == false)
    #expect(Median([5, 3, 9])?.description == "5")
    #expect(Median([0, 0, 1, 100])?.doubled == 1)
  }

  @Test("a month is cut at local midnight in the agency's zone")
  func period() {
    let period = ReportPeriod(YearMonth("2026-03")!, zone: .shanghai)
    #expect(AgencyZone.shanghai.iso8601(period.start) == "2026-03-01T00:00:00+08:00")
    #expect(AgencyZone.shanghai.iso8601(period.end) == "2026-04-01T00:00:00+08:00")
    #expect(period.lastDay == LocalDate("2026-03-31"))
    let december = ReportPeriod(YearMonth("2025-12")!, zone: AgencyZone(identifier: "UTC")!)
    #expect(december.end.seconds - december.start.seconds == 31 * 86_400)
  }
}

@Suite("Services")
struct ServiceDraftTests {
  static let day = LocalDate("2026-04-20")!
  static let first = try! USCC(parsing: "91440305MA5FXHGE2A")
  static let second = try! USCC(parsing: "91440106MA9W7B4C43")

  @Test("each enterprise listed counts once; a count counts as given")
  func served() throws {
    let listed = try ServiceDraft(
      type: .onSiteVisit, date: Self.day, enterprises: [Self.first, Self.second, Self.first]
    ).validated()
    #expect(listed.enterprises == [Self.first, Self.second])
    #expect(listed.served == 2)
    let counted = try ServiceDraft(type: .policyBriefing, date: Self.day, count: 200).validated()
    #expect(counted.served == 200)
    let both = try ServiceDraft(
      type: .financingMatchmaking, date: Self.day, enterprises: [Self.first], count: 30
    ).validated()
    #expect(both.served == 30)
  }

  @Test("a service must serve someone, and a count may not be below the enterprises listed")
  func refusals() {
    #expect(throws: DomainError.serviceServesNobody) {
      try ServiceDraft(type: .training, date: Self.day).validated()
    }
    #expect(throws: DomainError.serviceCountBelowListed(count: 1, listed: 2)) {
      try ServiceDraft(
        type: .training, date: Self.day, enterprises: [Self.first, Self.second], count: 1
      ).validated()
    }
    #expect(throws: DomainError.invalidValue(field: "count", value: "0", expected: "1 or more")) {
      try ServiceDraft(type: .training, date: Self.day, count: 0).validated()
    }
    #expect(throws: DomainError.text(.controlCharacter(field: "campaign", scalar: 7))) {
      try ServiceDraft(type: .training, date: Self.day, count: 3, campaign: "a\u{7}b").validated()
    }
  }
}
