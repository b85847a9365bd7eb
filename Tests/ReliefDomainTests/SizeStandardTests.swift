import Testing

@testable import ReliefDomain

/// The floors of the 2011 size standard (工信部联企业〔2011〕300号), written out again so that the
/// test does not read them from the code it checks: (sector, size, staff floor, revenue floor in yuan).
private let floors: [(Sector, EnterpriseSize, Int, Int64)] = [
  (.industry, .large, 1000, 400_000_000), (.industry, .medium, 300, 20_000_000),
  (.industry, .small, 20, 3_000_000),
  (.wholesale, .large, 200, 400_000_000), (.wholesale, .medium, 20, 50_000_000),
  (.wholesale, .small, 5, 10_000_000),
  (.retail, .large, 300, 200_000_000), (.retail, .medium, 50, 5_000_000),
  (.retail, .small, 10, 1_000_000),
  (.transport, .large, 1000, 300_000_000), (.transport, .medium, 300, 30_000_000),
  (.transport, .small, 20, 2_000_000),
  (.softwareAndIT, .large, 300, 100_000_000), (.softwareAndIT, .medium, 100, 10_000_000),
  (.softwareAndIT, .small, 10, 500_000),
]

@Suite("Enterprise size, 2011 standard")
struct SizeStandardTests {
  /// The size one step down: what missing a floor by one gives, when the other figure stays at
  /// this size's floor (and so at or above every lower floor).
  private func below(_ size: EnterpriseSize) -> EnterpriseSize {
    EnterpriseSize.allCases[EnterpriseSize.allCases.firstIndex(of: size)! - 1]
  }

  @Test("a firm exactly at both floors has that size", arguments: floors.indices)
  func atFloors(index: Int) {
    let (sector, size, staff, yuan) = floors[index]
    #expect(
      EnterpriseSize.classify(sector: sector, employees: staff, revenue: Money(yuan: yuan))
        == size)
  }

  @Test("one person fewer than the staff floor is one size down", arguments: floors.indices)
  func belowStaff(index: Int) {
    let (sector, size, staff, yuan) = floors[index]
    #expect(
      EnterpriseSize.classify(sector: sector, employees: staff - 1, revenue: Money(yuan: yuan))
        == below(size))
  }

  @Test("one fen below the revenue floor is one size down", arguments: floors.indices)
  func belowRevenue(index: Int) {
    let (sector, size, staff, yuan) = floors[index]
    let revenue = Money(fen: yuan * 100 - 1)
    #expect(
      EnterpriseSize.classify(sector: sector, employees: staff, revenue: revenue) == below(size))
  }

  @Test("both floors must be reached: many staff with little revenue is not large")
  func bothFloors() {
    #expect(
      EnterpriseSize.classify(sector: .industry, employees: 5000, revenue: Money(yuan: 2_999_999))
        == .micro)
    #expect(
      EnterpriseSize.classify(
        sector: .softwareAndIT, employees: 9, revenue: Money(yuan: 900_000_000)) == .micro)
    #expect(
      EnterpriseSize.classify(sector: .retail, employees: 0, revenue: .zero) == .micro)
  }

  @Test("a size given must agree with the figures; without all three figures it stands")
  func resolve() throws {
    #expect(
      throws: DomainError.sizeContradictsFigures(given: .small, derived: .medium)
    ) {
      try EnterpriseSize.resolve(
        given: .small, sector: .industry, employees: 300, revenue: Money(yuan: 20_000_000))
    }
    #expect(
      try EnterpriseSize.resolve(
        given: .medium, sector: .industry, employees: 300, revenue: Money(yuan: 20_000_000))
        == .medium)
    #expect(
      try EnterpriseSize.resolve(
        given: nil, sector: .wholesale, employees: 5, revenue: Money(yuan: 10_000_000)) == .small)
    #expect(
      try EnterpriseSize.resolve(given: .large, sector: .industry, employees: 3, revenue: nil)
        == .large)
    #expect(
      try EnterpriseSize.resolve(given: nil, sector: nil, employees: 3, revenue: .zero) == nil)
  }
}
