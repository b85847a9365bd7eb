import Foundation
import Testing

/// Overdue interest as an officer sees it: payments go to the interest accrued first, then to
/// the principal (Civil Code art. 561), unless principal-first was agreed.
@Suite("Overdue interest, end to end")
struct InterestEndToEndTests {
  @Test("relief interest: the worked example under both allocations")
  func command() throws {
    let sandbox = try Sandbox(now: "2026-05-01T09:00:00+08:00")
    let arguments = [
      "interest", "--amount", "1000000", "--due", "2026-03-31", "--until", "2026-04-30",
      "--payment", "2026-04-10:100000", "--json",
    ]
    let interestFirst = try sandbox.run(arguments: arguments).object()
    #expect(interestFirst["interest"] as? String == "9050.00")
    #expect(interestFirst["accrued"] as? String == "14050.00")
    #expect(interestFirst["interestPaid"] as? String == "5000.00")
    #expect(interestFirst["outstanding"] as? String == "905000.00")
    #expect(interestFirst["allocation"] as? String == "interest-first")
    // Agreed otherwise: 10 days on 1,000,000 (5,000.00), then 20 on 900,000 (9,000.00), unpaid.
    let principalFirst = try sandbox.run(
      arguments: arguments + ["--allocation", "principal-first"]
    ).object()
    #expect(principalFirst["interest"] as? String == "14000.00")
    #expect(principalFirst["interestPaid"] as? String == "0.00")
    #expect(principalFirst["outstanding"] as? String == "900000.00")
    let text = try sandbox.ok(
      "interest", "--amount", "1000000", "--due", "2026-03-31", "--until", "2026-04-30",
      "--payment", "2026-04-10:100000", "--lang", "zh")
    #expect(text.contains("先抵利息"))
    #expect(text.contains("9,050.00"))
    #expect(
      try sandbox.run("interest", "--amount", "1", "--due", "2026-03-31", "--allocation", "x")
        .status == 64)
  }

  @Test("case show applies a complaint's payments to the interest first")
  func caseShow() throws {
    let sandbox = try Sandbox(now: "2026-04-30T18:00:00+08:00")
    let id = try sandbox.ok(
      "case", "open", "arrears", "--enterprise", Codes.nanshan, "--enterprise-name", "星河科技",
      "--region", "440305", "--debtor", "某区住房和建设局", "--debtor-type", "government",
      "--amount", "100万", "--payment-due", "2026-03-31", "--at", "2026-04-01"
    ).trimmingCharacters(in: .whitespacesAndNewlines)
    try sandbox.ok("case", "act", id, "accept", "--at", "2026-04-02")
    try sandbox.ok("case", "act", id, "pay", "--amount", "10万", "--at", "2026-04-10")
    let shown = try sandbox.run("case", "show", id, "--json").object()
    let interest = try #require(shown["interest"] as? [String: Any])
    #expect(interest["amount"] as? String == "9050.00")
    #expect(interest["accrued"] as? String == "14050.00")
    #expect(interest["paid"] as? String == "5000.00")
    #expect(interest["allocation"] as? String == "interest-first")
    let card = try sandbox.ok("case", "show", id)
    #expect(card.contains("14,050.00 accrued, 5,000.00 of it paid"))
  }
}
