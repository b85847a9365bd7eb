import Testing

@testable import ReliefDomain

/// Every floor of the sixteen sectors of 工信部联企业〔2011〕300号, art. 4 (1)-(16), written out
/// again from the standard (in staff and units of 10,000 yuan, as it states them) so that the
/// test does not read them from the code it checks: sector, size, staff, revenue (万元), total
/// assets (万元); nil where the sector is not sized by that measure.
private let sixteen: [(Sector, EnterpriseSize, Int?, Int64?, Int64?)] = [
  (.agriculture, .large, nil, 20000, nil), (.agriculture, .medium, nil, 500, nil),
  (.agriculture, .small, nil, 50, nil),
  (.industry, .large, 1000, 40000, nil), (.industry, .medium, 300, 2000, nil),
  (.industry, .small, 20, 300, nil),
  (.construction, .large, nil, 80000, 80000), (.construction, .medium, nil, 6000, 5000),
  (.construction, .small, nil, 300, 300),
  (.wholesale, .large, 200, 40000, nil), (.wholesale, .medium, 20, 5000, nil),
  (.wholesale, .small, 5, 1000, nil),
  (.retail, .large, 300, 20000, nil), (.retail, .medium, 50, 500, nil),
  (.retail, .small, 10, 100, nil),
  (.transport, .large, 1000, 30000, nil), (.transport, .medium, 300, 3000, nil),
  (.transport, .small, 20, 200, nil),
  (.warehousing, .large, 200, 30000, nil), (.warehousing, .medium, 100, 1000, nil),
  (.warehousing, .small, 20, 100, nil),
  (.postal, .large, 1000, 30000, nil), (.postal, .medium, 300, 2000, nil),
  (.postal, .small, 20, 100, nil),
  (.accommodation, .large, 300, 10000, nil), (.accommodation, .medium, 100, 2000, nil),
  (.accommodation, .small, 10, 100, nil),
  (.catering, .large, 300, 10000, nil), (.catering, .medium, 100, 2000, nil),
  (.catering, .small, 10, 100, nil),
  (.informationTransmission, .large, 2000, 100_000, nil),
  (.informationTransmission, .medium, 100, 1000, nil),
  (.informationTransmission, .small, 10, 100, nil),
  (.softwareAndIT, .large, 300, 10000, nil), (.softwareAndIT, .medium, 100, 1000, nil),
  (.softwareAndIT, .small, 10, 50, nil),
  (.realEstateDevelopment, .large, nil, 200_000, 10000),
  (.realEstateDevelopment, .medium, nil, 1000, 5000),
  (.realEstateDevelopment, .small, nil, 100, 2000),
  (.propertyManagement, .large, 1000, 5000, nil), (.propertyManagement, .medium, 300, 1000, nil),
  (.propertyManagement, .small, 100, 500, nil),
  (.leasingAndBusinessServices, .large, 300, nil, 120_000),
  (.leasingAndBusinessServices, .medium, 100, nil, 8000),
  (.leasingAndBusinessServices, .small, 10, nil, 100),
  (.other, .large, 300, nil, nil), (.other, .medium, 100, nil, nil), (.other, .small, 10, nil, nil),
]

private func wan(_ value: Int64?) -> Money? { value.map { Money(yuan: $0 * 10_000) } }

@Suite("The law in the domain: size standard, scope of intake, LPR")
struct LawDomainTests {
  @Test("the table names each of the sixteen sectors three times, and the code knows them all")
  func everySector() {
    #expect(Sector.allCases.count == 16)
    #expect(Set(sixteen.map(\.0)) == Set(Sector.allCases))
    #expect(sixteen.count == 48)
  }

  @Test("a firm exactly at every floor of a size has that size", arguments: sixteen.indices)
  func atFloors(index: Int) {
    let (sector, size, staff, revenue, assets) = sixteen[index]
    let figures = SizeFigures(employees: staff, revenue: wan(revenue), assets: wan(assets))
    #expect(EnterpriseSize.classify(sector: sector, figures: figures) == size)
  }

  @Test(
    "missing any one floor by one (a person, a fen) is one size down", arguments: sixteen.indices)
  func belowEachFloor(index: Int) {
    let (sector, size, staff, revenue, assets) = sixteen[index]
    let down = EnterpriseSize.allCases[EnterpriseSize.allCases.firstIndex(of: size)! - 1]
    let at = SizeFigures(employees: staff, revenue: wan(revenue), assets: wan(assets))
    if let staff {
      var figures = at
      figures.employees = staff - 1
      #expect(EnterpriseSize.classify(sector: sector, figures: figures) == down)
    }
    if let revenue = wan(revenue) {
      var figures = at
      figures.revenue = Money(fen: revenue.fen - 1)
      #expect(EnterpriseSize.classify(sector: sector, figures: figures) == down)
    }
    if let assets = wan(assets) {
      var figures = at
      figures.assets = Money(fen: assets.fen - 1)
      #expect(EnterpriseSize.classify(sector: sector, figures: figures) == down)
    }
  }

  @Test("a figure the sector is sized by must be given; one it is not sized by is ignored")
  func measures() throws {
    // Construction without its assets: not derived, the size given stands.
    #expect(
      EnterpriseSize.classify(
        sector: .construction, figures: SizeFigures(revenue: Money(yuan: 900_000_000))) == nil)
    #expect(
      try EnterpriseSize.resolve(
        given: .small, sector: .construction,
        figures: SizeFigures(revenue: Money(yuan: 900_000_000))) == .small)
    // Other sectors: staff alone, whatever the revenue.
    #expect(
      EnterpriseSize.classify(
        sector: .other, figures: SizeFigures(employees: 9, revenue: Money(yuan: 9_000_000_000)))
        == .micro)
    // Agriculture: revenue alone, whatever the staff.
    #expect(
      EnterpriseSize.classify(
        sector: .agriculture, figures: SizeFigures(employees: 0, revenue: Money(yuan: 200_000_000)))
        == .large)
    // A size contradicting the figures is an error.
    #expect(throws: DomainError.sizeContradictsFigures(given: .medium, derived: .large)) {
      try EnterpriseSize.resolve(
        given: .medium, sector: .leasingAndBusinessServices,
        figures: SizeFigures(employees: 300, assets: Money(yuan: 1_200_000_000)))
    }
    // Through the enterprise: assets are part of its figures.
    let firm = Enterprise(
      uscc: USCC(trusted: "91310110666007217T"), name: "某建设", region: RegionCode(trusted: "310110"),
      sector: .construction, revenue: Money(yuan: 60_000_000), assets: Money(yuan: 50_000_000))
    #expect(try firm.validated().size == .medium)
  }

  static func complaint(
    _ type: DebtorType, code: String? = nil, due: String = "2026-03-31", reason: String? = nil
  ) -> ArrearsDetails {
    ArrearsDetails(
      debtor: "某局", debtorType: type, debtorCode: code.map(USCC.init(trusted:)),
      amountOwed: Money(yuan: 1), paymentDueDate: LocalDate(due)!, outOfScope: reason)
  }

  @Test("the scope of intake: each problem named, none for a complaint in scope")
  func scope() {
    let day = LocalDate("2026-04-28")!
    func problems(_ details: ArrearsDetails, size: EnterpriseSize? = .small)
      -> [ArrearsScope.Problem]
    {
      ArrearsScope.problems(details, complainantSize: size, day: day)
    }
    #expect(problems(Self.complaint(.government)).isEmpty)
    #expect(problems(Self.complaint(.government), size: nil).isEmpty)
    #expect(problems(Self.complaint(.government), size: .large) == [.complainantIsLarge])
    #expect(problems(Self.complaint(.other)) == [.debtorTypeOther])
    #expect(problems(Self.complaint(.government, due: "2026-04-28")).count == 1)
    #expect(problems(Self.complaint(.government, due: "2026-04-27")).isEmpty)
    let enterpriseCode = "91310110666007217T"
    #expect(problems(Self.complaint(.largeEnterprise, code: enterpriseCode)).isEmpty)
    #expect(
      problems(Self.complaint(.government, code: enterpriseCode)) == [
        .debtorCodeDisagrees(
          code: USCC(trusted: enterpriseCode), prefix: "91", debtorType: .government)
      ])
    #expect(ArrearsScope.debtorTypes(ofCodePrefix: "11") == [.government])
    #expect(ArrearsScope.debtorTypes(ofCodePrefix: "12") == [.publicInstitution])
    #expect(ArrearsScope.debtorTypes(ofCodePrefix: "93") == [.largeEnterprise])
    #expect(ArrearsScope.debtorTypes(ofCodePrefix: "51").isEmpty)
    // Opened anyway with a reason: no refusal, the problems still known.
    #expect(throws: Never.self) {
      try ArrearsScope.check(
        Self.complaint(.other, reason: "交办"), complainantSize: .large, day: day)
    }
    #expect(throws: DomainError.outOfScope(.complainantIsLarge)) {
      try ArrearsScope.check(Self.complaint(.other), complainantSize: .large, day: day)
    }
  }

  @Test("the statutory due date: 30 or 60 days after delivery, moved off a day off")
  func statutoryDueDate() throws {
    func due(_ delivered: String, _ type: DebtorType) throws -> LocalDate {
      try ArrearsScope.dueDate(
        agreed: nil, deliveredOn: LocalDate(delivered)!, debtorType: type, calendar: .official)
    }
    #expect(try due("2026-01-10", .government) == LocalDate("2026-02-09")!)  // a Monday
    #expect(try due("2026-01-10", .publicInstitution) == LocalDate("2026-02-09")!)
    #expect(try due("2026-03-01", .largeEnterprise) == LocalDate("2026-04-30")!)
    // 2026-09-01 + 30 = 2026-10-01, National Day (days off to 10-07): 2026-10-08.
    #expect(try due("2026-09-01", .government) == LocalDate("2026-10-08")!)
    #expect(throws: DomainError.outOfScope(.debtorTypeOther)) { try due("2026-01-10", .other) }
    #expect(throws: DomainError.dueDateNeeded) {
      try ArrearsScope.dueDate(
        agreed: nil, deliveredOn: nil, debtorType: .government, calendar: .official)
    }
    #expect(
      try ArrearsScope.dueDate(
        agreed: LocalDate("2026-03-31")!, deliveredOn: LocalDate("2026-01-10")!,
        debtorType: .government, calendar: .official) == LocalDate("2026-03-31")!)
  }

  @Test("the one-year LPR in force on a day, shipped and imported")
  func loanPrimeRate() {
    let rates = LoanPrimeRates()
    func rate(_ day: String) -> String? { rates.rate(on: LocalDate(day)!)?.rate.description }
    #expect(rate("2019-08-19") == nil)
    #expect(rate("2019-08-20") == "4.25%")
    #expect(rate("2020-04-19") == "4.05%")
    #expect(rate("2020-04-20") == "3.85%")
    #expect(rate("2024-10-20") == "3.35%")
    #expect(rate("2024-10-21") == "3.1%")
    #expect(rate("2026-04-28") == "3%")
    let imported = LoanPrimeRates(settings: [
      "lpr.2026-02-20": "2.90%", "lpr.bad": "1%", "timezone": "Asia/Shanghai",
    ])
    #expect(imported.rate(on: LocalDate("2026-02-19")!)?.rate.description == "3%")
    #expect(imported.rate(on: LocalDate("2026-02-20")!)?.rate.description == "2.9%")
    #expect(imported.rates.count == LoanPrimeRate.published.count + 1)
  }

  @Test("an agreed rate below the contract day's LPR is raised to it; interest follows")
  func agreedRateFloor() {
    let rates = LoanPrimeRates()
    let two = Rate(tenThousandthsOfPercent: 20_000)
    let raised = AgreedRate.applying(two, contractDate: LocalDate("2024-08-01")!, rates: rates)
    #expect(raised.rate == Rate(tenThousandthsOfPercent: 33_500))
    #expect(raised.raisedFrom == two)
    #expect(raised.floor?.date == LocalDate("2024-07-22")!)
    let kept = AgreedRate.applying(
      Rate(tenThousandthsOfPercent: 34_500), contractDate: LocalDate("2024-08-01")!, rates: rates)
    #expect(kept.raisedFrom == nil)
    #expect(AgreedRate.applying(two, contractDate: nil, rates: rates).rate == two)
    #expect(
      AgreedRate.applying(two, contractDate: LocalDate("2019-01-01")!, rates: rates).rate == two)
    // 1,000,000.00 due 2026-03-31 to 2026-04-30: 30 days × 3.35% / 365 = 2,753.42 (hand count:
    // 100,000,000 fen × 30 × 0.0335 / 365 = 275,342.47 fen, half up 275,342).
    var details = Self.complaint(.government)
    details.amountOwed = Money(yuan: 1_000_000)
    details.agreedAnnualRate = two
    details.contractDate = LocalDate("2024-08-01")!
    let result = details.interest(until: LocalDate("2026-04-30")!, payments: [], rates: rates)
    #expect(result.interest.yuan == "2753.42")
    details.contractDate = nil
    let agreed = details.interest(until: LocalDate("2026-04-30")!, payments: [], rates: rates)
    #expect(agreed.interest.yuan == "1643.84")
  }
}
