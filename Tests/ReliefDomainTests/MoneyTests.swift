import Testing

@testable import ReliefDomain

@Suite("Money in fen")
struct MoneyTests {
  @Test(
    "every input form of section 2",
    arguments: [
      ("1250000", 125_000_000), ("1250000.5", 125_000_050), ("1,250,000.50", 125_000_050),
      ("125万", 125_000_000), ("1.25亿", 12_500_000_000), ("125万元", 125_000_000),
      ("¥1,000", 100_000), ("0.01", 1), ("0", 0), ("  42.10  ", 4210), ("1.2345万", 1_234_500),
      ("1.23456789亿", 12_345_678_900), ("1000000000000000", 100_000_000_000_000_000),
      ("10000000亿", 100_000_000_000_000_000), ("1.500", 150),
    ] as [(String, Int64)])
  func parses(text: String, fen: Int64) throws {
    #expect(try Money(parsing: text).fen == fen)
  }

  @Test(
    "malformed amounts are refused",
    arguments: ["", "abc", "1e5", "12,34", "1,2345", "1..2", ".5", "5.", "+5", "1 000", "五万", "万"])
  func malformed(text: String) {
    #expect(throws: MoneyError.malformed(text)) { try Money(parsing: text) }
  }

  @Test("negative amounts are refused")
  func negative() {
    #expect(throws: MoneyError.negative("-5")) { try Money(parsing: "-5") }
  }

  @Test(
    "more than two decimal places of yuan are refused", arguments: ["1.234", "1.2345678万", "0.001"])
  func decimals(text: String) {
    #expect(throws: MoneyError.tooManyDecimals(text)) { try Money(parsing: text) }
  }

  @Test(
    "amounts above 10^15 yuan are refused",
    arguments: [
      "1000000000000000.01", "10000000001亿", "100000000000000000000", "99999999999999999999万",
    ])
  func tooLarge(text: String) {
    #expect(throws: MoneyError.tooLarge(text)) { try Money(parsing: text) }
  }

  @Test("output has exactly two decimals")
  func output() {
    #expect(Money(fen: 125_000_050).yuan == "1250000.50")
    #expect(Money(fen: 5).yuan == "0.05")
    #expect(Money(fen: 0).yuan == "0.00")
    #expect(Money(fen: 125_000_050).grouped == "1,250,000.50")
    #expect(Money(fen: 99_999).grouped == "999.99")
    #expect(Money(fen: -100_000).grouped == "-1,000.00")
  }

  @Test("rates parse exactly")
  func rates() throws {
    #expect(Rate(parsing: "3.45%")?.tenThousandthsOfPercent == 34_500)
    #expect(Rate(parsing: "3.45")?.description == "3.45%")
    #expect(Rate(parsing: "0") == nil)
    #expect(Rate(parsing: "1.23456%") == nil)
    #expect(Rate(parsing: "101%") == nil)
  }
}
