import Testing

@testable import ReliefDomain

@Suite("Overdue interest")
struct InterestTests {
  func compute(
    _ amount: String, due: String, until: String, payments: [(String, String)] = [],
    rate: String? = nil
  ) throws -> OverdueInterest.Result {
    OverdueInterest.compute(
      amount: try Money(parsing: amount), due: LocalDate(due)!, until: LocalDate(until)!,
      payments: try payments.map {
        OverdueInterest.Payment(date: LocalDate($0.0)!, amount: try Money(parsing: $0.1))
      },
      annualRate: rate.flatMap(Rate.init(parsing:)))
  }

  @Test("the example of section 5: 30 days at 0.05% on 1,000,000.00 is 15,000.00")
  func example() throws {
    let result = try compute("1000000", due: "2026-03-31", until: "2026-04-30")
    #expect(result.days == 30)
    #expect(result.interest.yuan == "15000.00")
  }

  @Test("an agreed annual rate accrues at rate / 365 a day")
  func agreedRate() throws {
    #expect(
      try compute("1000000", due: "2026-03-31", until: "2026-04-30", rate: "3.65%").interest.yuan
        == "3000.00")
    // 123,456,789 fen × 45 × 3.45% / 365 = 525,114.15 fen → 5,251.14
    #expect(
      try compute("1234567.89", due: "2026-03-31", until: "2026-05-15", rate: "3.45%").interest.yuan
        == "5251.14")
  }

  @Test("payments reduce the outstanding amount from the day after they are made")
  func partialPayments() throws {
    let result = try compute(
      "1000000", due: "2026-03-31", until: "2026-04-30",
      payments: [("2026-04-20", "100000"), ("2026-04-10", "400000")])
    // 10 days on 1,000,000 + 10 on 600,000 + 10 on 500,000, at 0.05%.
    #expect(result.interest.yuan == "10500.00")
    #expect(result.outstanding.yuan == "500000.00")
    let paidBeforeDue = try compute(
      "1000000", due: "2026-03-31", until: "2026-04-30", payments: [("2026-03-20", "1000000")])
    #expect(paidBeforeDue.interest == .zero)
    let paidOnLastDay = try compute(
      "1000000", due: "2026-03-31", until: "2026-04-30", payments: [("2026-04-30", "1000000")])
    #expect(paidOnLastDay.interest.yuan == "15000.00")
    #expect(paidOnLastDay.outstanding == .zero)
  }

  @Test("rounding is half up to the fen, once, at the end")
  func rounding() throws {
    // 0.5 fen rounds up.
    #expect(try compute("10", due: "2026-03-31", until: "2026-04-01").interest.yuan == "0.01")
    // 0.05 fen rounds down.
    #expect(try compute("1", due: "2026-03-31", until: "2026-04-01").interest.yuan == "0.00")
    // 49.9995 fen: rounded once at the end, not per day.
    #expect(try compute("333.33", due: "2026-03-31", until: "2026-04-03").interest.yuan == "0.50")
  }

  @Test("nothing accrues up to the due date")
  func notYetDue() throws {
    let result = try compute("1000000", due: "2026-04-30", until: "2026-04-30")
    #expect(result.days == 0)
    #expect(result.interest == .zero)
  }
}
