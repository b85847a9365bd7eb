import Foundation
import GRDB
import Testing

/// Tax relief through the built binary: `review --to` records the submission to the tax
/// authority, and the decision clock follows the relief type (30 days for a VAT credit refund,
/// Implementing Rules art. 78; 20 days for a deferral, art. 42; 15 working days otherwise),
/// counted by hand across the Mid-Autumn and National Day holidays of 2026.
@Suite("Tax relief decision clocks end to end")
struct TaxReliefClockEndToEndTests {
  static let environment = ["RELIEF_NOW": "2026-09-16T10:00:00+08:00"]

  static func ok(_ sandbox: Sandbox, _ arguments: String...) throws -> String {
    let result = try sandbox.run(arguments: arguments, environment: environment)
    #expect(result.status == 0, "\(arguments): \(result.stderr)")
    return result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
  }

  static func show(_ sandbox: Sandbox, _ id: String) throws -> [String: Any] {
    try sandbox.run(arguments: ["case", "show", id, "--json"], environment: environment).object()
  }

  /// Opens a case of each relief type on 2026-09-14 and submits it on 2026-09-15.
  static func submitted(_ sandbox: Sandbox) throws -> [String: String] {
    var ids: [String: String] = [:]
    for type in ["vat-credit-refund", "tax-deferral", "tax-reduction", "fee-reduction"] {
      let id = try ok(
        sandbox, "case", "open", "tax-refund", "--enterprise", Codes.nanshan, "--relief-type", type,
        "--amount", "80000", "--at", "2026-09-14")
      _ = try ok(
        sandbox, "case", "act", id, "review", "--to", "国家税务总局深圳市南山区税务局", "--at",
        "2026-09-15")
      ids[type] = id
    }
    return ids
  }

  @Test("review --to is recorded and shown; the decision is due by relief type, counted by hand")
  func clocks() throws {
    let sandbox = try Sandbox.withFirm()
    let ids = try Self.submitted(sandbox)
    // 9/15 + 30 days = 10/15 (Thursday, a working day).
    // 9/15 + 20 days = 10/05, inside National Day 10/1-10/7: the next working day, 10/08.
    // 15 working days after 9/15: 9/16-9/18 (3), make-up Sunday 9/20 (4), 9/21-9/24 (8),
    // Mid-Autumn 9/25-9/27 off, 9/28-9/30 (11), National Day off, 10/8, 10/9 (13), make-up
    // Saturday 10/10 (14), 10/12 (15).
    let due = [
      "vat-credit-refund": "2026-10-15", "tax-deferral": "2026-10-08",
      "tax-reduction": "2026-10-12", "fee-reduction": "2026-10-12",
    ]
    for (type, id) in ids {
      let shown = try Self.show(sandbox, id)
      #expect(shown["state"] as? String == "under-review")
      #expect(shown["dueDate"] as? String == due[type], "\(type)")
      let details = try #require(shown["details"] as? [String: Any])
      #expect(details["taxAuthority"] as? String == "国家税务总局深圳市南山区税务局")
    }
    let card = try Self.ok(sandbox, "case", "show", try #require(ids["tax-deferral"]))
    #expect(card.contains("Tax authority"))
    #expect(card.contains("国家税务总局深圳市南山区税务局"))
    // A setting changes one relief type's clock and recounts it at once.
    _ = try Self.ok(sandbox, "settings", "set", "clock.tax-refund.under-review.refund", "31")
    let refund = try Self.show(sandbox, try #require(ids["vat-credit-refund"]))
    #expect(refund["dueDate"] as? String == "2026-10-16")
    let deferral = try Self.show(sandbox, try #require(ids["tax-deferral"]))
    #expect(deferral["dueDate"] as? String == "2026-10-08")
  }

  @Test("a decision clock stored before the clocks by relief type is recounted as its type's")
  func upgradedRunningClock() throws {
    let sandbox = try Sandbox.withFirm()
    let ids = try Self.submitted(sandbox)
    let refund = try #require(ids["vat-credit-refund"])
    let number = try #require(Int(refund.suffix(6)))
    // As an older Relief stored it: the one 15-working-day clock, due 2026-10-12.
    try DatabaseQueue(path: sandbox.database).write { db in
      let old = try #require(
        try Int64.fetchOne(
          db,
          sql: """
            SELECT id FROM clock_specs WHERE state = 'under-review'
              AND setting = 'clock.tax-refund.under-review'
            """))
      let caseRow = try #require(
        try Int64.fetchOne(
          db, sql: "SELECT id FROM cases WHERE kind = 'tax-refund' AND number = ?",
          arguments: [number]))
      try db.execute(
        sql: """
          UPDATE clock_periods SET spec = ?, length = 15, due_date = '2026-10-12'
          WHERE case_id = ? AND ended_at IS NULL
          """, arguments: [old, caseRow])
      try db.execute(
        sql: "UPDATE cases SET due_date = '2026-10-12' WHERE id = ?", arguments: [caseRow])
    }
    // Until a recount, the stored deadline stands.
    #expect(try Self.show(sandbox, refund)["dueDate"] as? String == "2026-10-12")
    // Any settings change recounts every running deadline: this one becomes the refund clock.
    _ = try Self.ok(sandbox, "settings", "set", "clock.tax-refund.under-review", "15")
    #expect(try Self.show(sandbox, refund)["dueDate"] as? String == "2026-10-15")
    let setting = try DatabaseQueue(path: sandbox.database).read { db in
      try String.fetchOne(
        db,
        sql: """
          SELECT s.setting FROM clock_periods p JOIN clock_specs s ON s.id = p.spec
          JOIN cases c ON c.id = p.case_id
          WHERE c.kind = 'tax-refund' AND c.number = ? AND p.ended_at IS NULL
          """, arguments: [number])
    }
    #expect(setting == "clock.tax-refund.under-review.refund")
    let check = try sandbox.run(arguments: ["db", "check"], environment: Self.environment)
    #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
  }

  @Test("review without --to is still accepted (older histories have none); the event keeps --to")
  func reviewWithoutAuthority() throws {
    let sandbox = try Sandbox.withFirm()
    let id = try Self.ok(
      sandbox, "case", "open", "tax-refund", "--enterprise", Codes.nanshan, "--relief-type",
      "tax-deferral", "--amount", "1000", "--at", "2026-09-14")
    _ = try Self.ok(sandbox, "case", "act", id, "review", "--at", "2026-09-15")
    let details = try #require(try Self.show(sandbox, id)["details"] as? [String: Any])
    #expect(details["taxAuthority"] == nil || details["taxAuthority"] is NSNull)
    let submitted = try #require(try Self.submitted(sandbox)["tax-deferral"])
    let history = try #require(
      try sandbox.run(
        arguments: ["case", "history", submitted, "--json"], environment: Self.environment
      ).json() as? [[String: Any]])
    #expect(history.last?["department"] as? String == "国家税务总局深圳市南山区税务局")
  }

  @Test("workflow show lists the clocks by relief type and the cultivation events")
  func workflowShow() throws {
    let sandbox = try Sandbox()
    let tax = try sandbox.ok("workflow", "show", "tax-refund")
    #expect(tax.contains("vat-credit-refund: VAT credit refund decided within 30 days"))
    #expect(tax.contains("tax-deferral: deferral decided within 20 days"))
    #expect(tax.contains("tax-reduction, fee-reduction: tax or fee reduction decided within 15"))
    #expect(tax.contains("[--to]"))
    let json = try sandbox.run("workflow", "show", "tax-refund", "--json").object()
    let states = try #require(json["states"] as? [[String: Any]])
    let review = try #require(states.first { $0["name"] as? String == "under-review" })
    let clocks = try #require(review["clocks"] as? [[String: Any]])
    #expect(clocks.map { $0["length"] as? Int } == [30, 20, 15])
    #expect(clocks.map { $0["unit"] as? String } == ["days", "days", "working-days"])
    let cultivation = try sandbox.ok("workflow", "show", "cultivation")
    for text in ["fail-review", "--ban-years", "renew", "expire", "SMEs only"] {
      #expect(cultivation.contains(text), "\(text)")
    }
  }
}
