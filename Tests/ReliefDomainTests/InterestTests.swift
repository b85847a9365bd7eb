import Testing

@testable import ReliefDomain

@Suite("Overdue interest")
struct InterestTests {
  func compute(
    _ amount: String, due: String, until: String, payments: [(String, String)] = [],
    rate: String? = nil, allocation: OverdueInterest.Allocation = .interestFirst
  ) throws -> OverdueInterest.Result {
    OverdueInterest.compute(
      amount: try Money(parsing: amount), due: LocalDate(due)!, until: LocalDate(until)!,
      payments: try payments.map {
        OverdueInterest.Payment(date: LocalDate($0.0)!, amount: try Money(parsing: $0.1))
      },
      annualRate: rate.flatMap(Rate.init(parsing:)), allocation: allocation)
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

  @Test("the worked example: a payment goes to the interest accrued first (Civil Code art. 561)")
  func workedExample() throws {
    // 1,000,000.00 due 2026-03-31; 100,000.00 paid on 2026-04-10, when 10 days had accrued
    // 5,000.00: 5,000.00 to the interest, 95,000.00 to the principal; 905,000.00 then accrues
    // 20 days × 0.05% = 9,050.00 to 2026-04-30.
    let result = try compute(
      "1000000", due: "2026-03-31", until: "2026-04-30", payments: [("2026-04-10", "100000")])
    #expect(result.interest.yuan == "9050.00")
    #expect(result.accrued.yuan == "14050.00")
    #expect(result.paid.yuan == "5000.00")
    #expect(result.outstanding.yuan == "905000.00")
    #expect(result.days == 30)
  }

  @Test("payments on several days, interest first: each pays what accrued to its day first")
  func severalPaymentsInterestFirst() throws {
    // Given out of order on purpose. By hand, at 0.05% a day:
    // 04-01..04-10: 10 × 1,000,000 = 5,000.00; 400,000 pays 5,000 + 395,000 → 605,000.00.
    // 04-11..04-20: 10 × 605,000 = 3,025.00; 100,000 pays 3,025 + 96,975 → 508,025.00.
    // 04-21..04-30: 10 × 508,025 = 2,540.125 → 2,540.13 (half up, at the end).
    let result = try compute(
      "1000000", due: "2026-03-31", until: "2026-04-30",
      payments: [("2026-04-20", "100000"), ("2026-04-10", "400000")])
    #expect(result.outstanding.yuan == "508025.00")
    #expect(result.paid.yuan == "8025.00")
    #expect(result.interest.yuan == "2540.13")
    #expect(result.accrued.yuan == "10565.13")
  }

  @Test("payments on several days, principal first when agreed: the interest stays owed")
  func severalPaymentsPrincipalFirst() throws {
    // 10 days on 1,000,000 + 10 on 600,000 + 10 on 500,000, at 0.05%: nothing paid to interest.
    let result = try compute(
      "1000000", due: "2026-03-31", until: "2026-04-30",
      payments: [("2026-04-20", "100000"), ("2026-04-10", "400000")], allocation: .principalFirst)
    #expect(result.interest.yuan == "10500.00")
    #expect(result.accrued.yuan == "10500.00")
    #expect(result.paid == .zero)
    #expect(result.outstanding.yuan == "500000.00")
    // A payment larger than the principal left pays the interest with the rest.
    let overpaid = try compute(
      "1000000", due: "2026-03-31", until: "2026-04-30", payments: [("2026-04-10", "1003000")],
      allocation: .principalFirst)
    #expect(overpaid.outstanding == .zero)
    #expect(overpaid.paid.yuan == "3000.00")
    #expect(overpaid.interest.yuan == "2000.00")
  }

  @Test("a payment before the due date or of everything owed")
  func edgePayments() throws {
    let paidBeforeDue = try compute(
      "1000000", due: "2026-03-31", until: "2026-04-30", payments: [("2026-03-20", "1000000")])
    #expect(paidBeforeDue.interest == .zero)
    #expect(paidBeforeDue.accrued == .zero)
    // Paid in full on the last day: 15,000.00 of it covers the interest, and 15,000.00 of
    // principal stays owed (it accrues nothing more within the period).
    let paidOnLastDay = try compute(
      "1000000", due: "2026-03-31", until: "2026-04-30", payments: [("2026-04-30", "1000000")])
    #expect(paidOnLastDay.paid.yuan == "15000.00")
    #expect(paidOnLastDay.interest == .zero)
    #expect(paidOnLastDay.outstanding.yuan == "15000.00")
    // A payment after the last day counted is not applied.
    let later = try compute(
      "1000000", due: "2026-03-31", until: "2026-04-30", payments: [("2026-05-10", "1000000")])
    #expect(later.interest.yuan == "15000.00")
    #expect(later.outstanding.yuan == "1000000.00")
  }

  @Test("rounding is half up to the fen once per payment and at the end")
  func roundingPerPayment() throws {
    // 333.33 for 3 days: 49.9995 fen accrues by the payment on day 3 → 50 fen (0.50), paid
    // first; the principal then drops by 0.50 less than the payment.
    let result = try compute(
      "333.33", due: "2026-03-31", until: "2026-04-03", payments: [("2026-04-03", "100")])
    #expect(result.paid.yuan == "0.50")
    #expect(result.outstanding.yuan == "233.83")
    #expect(result.interest == .zero)
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
