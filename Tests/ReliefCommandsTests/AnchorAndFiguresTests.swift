import Foundation
import GRDB
import Testing

@testable import ReliefMigrations
@testable import ReliefStore

/// Issue 11, items 5, 6, 7 and 10: the history's anchor and the append-only triggers; "paid in
/// full" only when paid; `sla check` within its region; sums that never overflow.
@Suite("Anchor, outcomes, regions and figures, end to end", .serialized)
struct AnchorAndFiguresTests {
  /// The anchor line `relief db anchor` prints, checked for its form.
  func anchor(_ sandbox: Sandbox) throws -> (line: String, count: Int, head: String) {
    let line = try sandbox.ok("db", "anchor").trimmingCharacters(in: .newlines)
    let match = try #require(
      line.wholeMatch(of: #/relief-anchor (\d+) ([0-9a-f]{64})/#), "not an anchor: \(line)")
    return (line, Int(match.1)!, String(match.2))
  }

  /// What the issue describes: with the triggers dropped in a shell, the last payment event
  /// deleted and the case's row fixed to match.
  func truncateLastPayment(_ sandbox: Sandbox, case code: String, recoveredFen: Int64) throws {
    try DatabaseQueue(path: sandbox.database).write { db in
      for trigger in AppendOnly.triggers {
        try db.execute(sql: "DROP TRIGGER \(trigger.name)")
      }
      try db.execute(sql: "DELETE FROM event_log WHERE id = (SELECT max(id) FROM event_log)")
      try db.execute(
        sql: """
          UPDATE cases SET last_seq = last_seq - 1,
            details = json_set(details, '$.amountRecovered', ?) WHERE code = ?
          """, arguments: [recoveredFen, code])
    }
  }

  // MARK: 5. Truncating the history

  @Test(
    "db anchor names the history; db verify --anchor fails when events were removed from its end")
  func truncationIsDetected() throws {
    let sandbox = try Sandbox.withFirm()
    let empty = try anchor(sandbox)
    #expect(empty.count == 0 && empty.head == String(repeating: "0", count: 64))
    try sandbox.ok(arguments: Sandbox.complaint())
    try sandbox.ok("case", "act", "AR-2026-000001", "accept")
    try sandbox.ok("case", "act", "AR-2026-000001", "pay", "--amount", "1000")
    let earlier = try anchor(sandbox)
    #expect(earlier.count == 3)
    try sandbox.ok("case", "act", "AR-2026-000001", "pay", "--amount", "2000")
    let taken = try anchor(sandbox)
    #expect(taken.count == 4)
    #expect(taken.head != earlier.head)
    // db verify prints the same anchor, and the history extends it and every earlier one.
    let verified = try sandbox.ok("db", "verify")
    #expect(verified.contains("History anchor: \(taken.line)"))
    for line in [taken.line, earlier.line, empty.line] {
      let extends = try sandbox.ok("db", "verify", "--anchor", line)
      #expect(extends.contains("the history extends the anchor \(line)"))
    }
    let json = try sandbox.run("db", "anchor", "--json").object()
    #expect(json["anchor"] as? String == taken.line)
    #expect(json["events"] as? Int == 4)
    #expect(json["head"] as? String == taken.head)

    try truncateLastPayment(sandbox, case: "AR-2026-000001", recoveredFen: 100_000)
    // The chain alone cannot see it: what is left is a whole chain.
    let plain = try sandbox.ok("db", "verify")
    #expect(plain.contains("History anchor: \(earlier.line)"))
    // The anchor can.
    let failed = try sandbox.run("db", "verify", "--anchor", taken.line)
    #expect(failed.status == 1)
    #expect(failed.stderr.isEmpty)
    #expect(
      failed.stdout.contains(
        "the history has 3 event(s); the anchor names 4 with head \(taken.head): 1 event(s) were removed"
      ))
    let failedJSON = try sandbox.run("db", "verify", "--anchor", taken.line, "--json").object()
    #expect(failedJSON["ok"] as? Bool == false)
    let check = try #require(failedJSON["anchorCheck"] as? [String: Any])
    #expect(check["extended"] as? Bool == false)
    #expect(check["problem"] as? String == "events-removed")
    #expect(check["events"] as? Int == 3)
    #expect(check["missing"] as? Int == 1)
    // The part of the history that is left still extends the earlier anchor.
    try sandbox.ok("db", "verify", "--anchor", earlier.line)

    // db check: everything else was made to agree; the missing triggers give it away.
    let checked = try sandbox.run("db", "check")
    #expect(checked.status == 1)
    #expect(
      checked.stdout.contains(
        "✗ events, steps, officers and clock specs append-only: \(AppendOnly.triggers.count) problem(s)"
      ))
    #expect(
      checked.stdout.contains(
        "event_log: trigger events_refuse_delete is missing: DELETE is no longer refused"))
    #expect(checked.stdout.contains("✓ cases equal the replay of their events"))
    #expect(checked.stdout.contains("✓ events numbered 1..n"))
    let checkJSON = try sandbox.run("db", "check", "--json").object()
    let checks = try #require(checkJSON["checks"] as? [[String: Any]])
    let appendOnly = try #require(checks.first { $0["check"] as? String == "append-only" })
    #expect((appendOnly["problems"] as? [[String: Any]])?.count == AppendOnly.triggers.count)

    // A new payment recorded in its place: as many events as the anchor names, but not the same.
    try sandbox.ok("case", "act", "AR-2026-000001", "pay", "--amount", "500")
    let rewritten = try sandbox.run("db", "verify", "--anchor", taken.line)
    #expect(rewritten.status == 1)
    #expect(
      rewritten.stdout.contains(
        "event 4 (AR-2026-000001 #4) does not carry the anchor's head \(taken.head): the history was rewritten"
      ))
    let rewrittenJSON = try sandbox.run("db", "verify", "--anchor", taken.line, "--json").object()
    #expect((rewrittenJSON["anchorCheck"] as? [String: Any])?["problem"] as? String == "rewritten")
  }

  @Test("A malformed anchor is refused with the form expected")
  func malformedAnchor() throws {
    let sandbox = try Sandbox.withFirm()
    try sandbox.ok(arguments: Sandbox.complaint())
    let good = try anchor(sandbox)
    let before = try sandbox.snapshot()
    for bad in [
      "", "relief-anchor", "relief-anchor 1", "anchor 1 \(good.head)",
      "relief-anchor -1 \(good.head)", "relief-anchor 01 \(good.head)",
      "relief-anchor 1 \(good.head.uppercased())", "relief-anchor 1 \(good.head.dropLast())",
      "relief-anchor 1  \(good.head)", "relief-anchor 1 \(good.head) extra",
      "relief-anchor 0 \(good.head)", "relief-anchor 99999999999999999999 \(good.head)",
    ] {
      let result = try sandbox.run("db", "verify", "--anchor", bad)
      #expect(result.status == 1, "accepted \(bad)")
      #expect(result.stdout.isEmpty)
      #expect(
        result.stderr.hasPrefix("error: --anchor \(bad) is not an anchor: expected `relief-anchor"),
        "\(bad): \(result.stderr)")
    }
    // Spaces and a line end around a pasted line are fine.
    try sandbox.ok("db", "verify", "--anchor", "  \(good.line)\n")
    #expect(try sandbox.snapshot() == before)
  }

  @Test("The append-only triggers db check requires are the ones the migrations create")
  func appendOnlyTriggersMatchTheMigrations() throws {
    let sandbox = try Sandbox()
    let text = ReliefMigrations.all.map(\.sql).joined(separator: "\n")
    for trigger in AppendOnly.triggers {
      #expect(
        text.contains(
          "CREATE TRIGGER \(trigger.name) BEFORE \(trigger.operation) ON \(trigger.table)"),
        "\(trigger.name)")
    }
    // Every trigger of a new database that refuses a change as "append-only" is in the list.
    let made = try DatabaseQueue(path: sandbox.database).read { db in
      try Row.fetchAll(
        db, sql: "SELECT name, tbl_name, sql FROM sqlite_master WHERE type = 'trigger'"
      ).filter { ($0["sql"] as String).contains("append-only") }
        .map { "\($0["name"] as String) \($0["tbl_name"] as String)" }
    }
    #expect(Set(made) == Set(AppendOnly.triggers.map { "\($0.name) \($0.table)" }))
    #expect(
      try sandbox.ok("db", "check").contains(
        "✓ events, steps, officers and clock specs append-only"))
    // A trigger replaced by one that no longer refuses is reported too.
    try DatabaseQueue(path: sandbox.database).write { db in
      try db.execute(sql: "DROP TRIGGER officers_refuse_delete")
      try db.execute(
        sql: "CREATE TRIGGER officers_refuse_delete BEFORE DELETE ON officers BEGIN SELECT 1; END")
    }
    let result = try sandbox.run("db", "check")
    #expect(result.status == 1)
    #expect(
      result.stdout.contains("officers: trigger officers_refuse_delete no longer refuses DELETE"))
  }

  @Test("The monthly report's footer carries the anchor; a frozen month does not differ by it")
  func reportCarriesAnchor() throws {
    let sandbox = try Sandbox.withFirm()
    try sandbox.ok(arguments: Sandbox.complaint(due: "2026-02-27") + ["--at", "2026-03-10"])
    let frozen = try sandbox.run("report", "monthly", "--month", "2026-03", "--freeze", "--json")
      .object()
    #expect(frozen["anchor"] as? String == (try anchor(sandbox).line))
    try sandbox.ok("case", "act", "AR-2026-000001", "accept")
    let now = try anchor(sandbox)
    #expect(now.count == 2)
    for format in ["text", "markdown", "html"] {
      let report = try sandbox.ok("report", "monthly", "--month", "2026-03", "--format", format)
      #expect(report.contains(now.line), "\(format)")
      #expect(report.contains("History anchor"), "\(format)")
    }
    let again = try sandbox.run("report", "monthly", "--month", "2026-03", "--json").object()
    #expect(again["anchor"] as? String == now.line)
    let freeze = try #require(again["frozen"] as? [String: Any])
    #expect(freeze["changed"] as? Bool == false)
    #expect((freeze["differences"] as? [Any])?.isEmpty == true)
  }

  // MARK: 6. Paid in full

  @Test(
    "resolve --outcome paid-in-full is refused unless the amount recovered equals the amount owed")
  func paidInFullNeedsThePayments() throws {
    let sandbox = try Sandbox.withFirm()
    try sandbox.ok(arguments: Sandbox.complaint())
    try sandbox.ok("case", "act", "AR-2026-000001", "accept")
    try sandbox.ok("case", "act", "AR-2026-000001", "transfer", "--to", "市财政局")
    // Paid so far, recovered as the message words it, and outstanding in the debtors report.
    for (paid, recovered, outstanding) in [
      (nil, "0.00", "5000.00"), ("1200", "1,200.00", "3800.00"), ("3799.99", "4,999.99", "0.01"),
    ] {
      if let paid { try sandbox.ok("case", "act", "AR-2026-000001", "pay", "--amount", paid) }
      let before = try sandbox.snapshot()
      let refused = try sandbox.run(
        "case", "act", "AR-2026-000001", "resolve", "--outcome", "paid-in-full")
      #expect(refused.status == 1)
      #expect(
        refused.stderr.hasPrefix(
          "error: cannot resolve as paid-in-full: \(recovered) recovered of 5,000.00 owed"),
        "\(refused.stderr)")
      #expect(try sandbox.snapshot() == before)
      // The debt stays in the debtors report, at what is still owed.
      let debtors = try sandbox.run("report", "debtors", "--json").object()
      let first = try #require((debtors["items"] as? [[String: Any]])?.first)
      #expect(first["outstanding"] as? String == outstanding)
    }
    // The rule is part of the workflow's definition; once paid, the outcome is accepted.
    let shown = try sandbox.run("workflow", "show", "arrears")
    #expect(
      shown.stdout.contains("paid-in-full only when the amount recovered equals the amount owed"))
    try sandbox.ok("case", "act", "AR-2026-000001", "pay", "--amount", "0.01")
    try sandbox.ok("case", "act", "AR-2026-000001", "resolve", "--outcome", "paid-in-full")
  }

  // MARK: 7. sla check within its region

  @Test("sla check --region counts only the region's deadlines, text and JSON")
  func slaCheckStaysInItsRegion() throws {
    let sandbox = try Sandbox.withFirm()
    try sandbox.ok(
      "enterprise", "add", "--uscc", Codes.tianhe, "--name", "广州市天河科技有限公司", "--region", "440106")
    // Nanshan: one blue. Tianhe: one red, two blue.
    try sandbox.ok(arguments: Sandbox.complaint())
    try sandbox.ok(arguments: Sandbox.complaint(Codes.tianhe) + ["--at", "2026-04-01"])
    try sandbox.ok(arguments: Sandbox.complaint(Codes.tianhe))
    try sandbox.ok(arguments: Sandbox.complaint(Codes.tianhe))
    let all = try sandbox.run("sla", "check", "--json").object()
    #expect(all["running"] as? Int == 4)
    for (region, red, blue) in [("440305", 0, 1), ("4403", 0, 1), ("440106", 1, 2), ("4401", 1, 2)]
    {
      let result = try sandbox.run("sla", "check", "--region", region, "--json")
      #expect(result.status == (red > 0 ? 3 : 0))
      let json = try result.object()
      #expect(json["red"] as? Int == red, "\(region)")
      #expect(json["yellow"] as? Int == 0, "\(region)")
      #expect(json["blue"] as? Int == blue, "\(region)")
      #expect(json["running"] as? Int == red + blue, "\(region)")
      #expect((json["cases"] as? [Any])?.count == red)
      let text = try sandbox.run("sla", "check", "--region", region).stdout
      #expect(
        text.contains(
          "\(red) red, 0 yellow, \(blue) blue of \(red + blue) running deadlines."), "\(text)")
    }
  }

  // MARK: 10. Sums that never overflow

  /// `count` whole yuan written exactly, as JSON carries money: `1000000000000000` × n.
  static func yuan(_ count: Int, times unit: String = "1000000000000000") -> String {
    count == 0 ? "0.00" : String(count) + unit.dropFirst() + ".00"
  }

  /// The same grouped by thousands.
  static func grouped(_ exact: String) -> String {
    var whole = Substring(exact.dropLast(3))
    var groups: [Substring] = []
    while whole.count > 3 {
      groups.insert(whole.suffix(3), at: 0)
      whole = whole.dropLast(3)
    }
    groups.insert(whole, at: 0)
    return groups.joined(separator: ",") + exact.suffix(3)
  }

  @Test("Reports sum complaints at the largest amount exactly, far past 64 bits")
  func sumsNeverOverflow() throws {
    let sandbox = try Sandbox.withFirm()
    let largest = "1000000000000000"  // 10^15 yuan, the largest amount accepted
    let complaints = 94
    let paid = 93
    for _ in 0..<complaints {
      try sandbox.ok(
        arguments: Sandbox.complaint(amount: largest, due: "2026-02-27") + [
          "--at", "2026-03-10T10:00",
        ])
    }
    // 93 at the largest amount already pass 2^63 fen, claimed and recovered alike.
    for number in 1...complaints {
      let id = String(format: "AR-2026-%06d", number)
      try sandbox.ok("case", "act", id, "accept", "--at", "2026-03-11T10:00")
      if number <= paid {
        try sandbox.ok("case", "act", id, "pay", "--amount", largest, "--at", "2026-03-12T10:00")
      }
    }
    let claimed = Self.yuan(complaints)
    let recovered = Self.yuan(paid)
    let outstanding = Self.yuan(complaints - paid)

    let json = try sandbox.run("report", "monthly", "--month", "2026-03", "--json")
    #expect(json.status == 0, "\(json.stderr)")
    let report = try json.object()
    let arrears = try #require(report["arrears"] as? [String: Any])
    #expect(arrears["received"] as? Int == complaints)
    #expect(arrears["amountClaimed"] as? String == claimed)
    #expect(arrears["amountRecovered"] as? String == recovered)
    let government = (arrears["byDebtorType"] as? [String: Any])?["government"] as? [String: Any]
    #expect(government?["amountClaimed"] as? String == claimed)
    #expect(government?["amountRecovered"] as? String == recovered)
    #expect((report["headline"] as? [String: Any])?["amountRecovered"] as? String == recovered)
    let trend = (report["trend"] as? [String: Any])?["2026-03"] as? [String: Any]
    #expect(trend?["amountRecovered"] as? String == recovered)
    let shenzhen = (report["byRegion"] as? [String: Any])?["4403"] as? [String: Any]
    #expect(shenzhen?["amountRecovered"] as? String == recovered)
    // The next month compares with it without overflowing either.
    let april = try sandbox.run("report", "monthly", "--month", "2026-04", "--json")
    #expect(april.status == 0, "\(april.stderr)")
    let previous =
      ((try april.object()["comparisons"] as? [String: Any])?["previousMonth"]
      as? [String: Any])?["figures"] as? [String: Any]
    #expect(previous?["amountRecovered"] as? String == recovered)

    for format in ["text", "markdown", "html", "csv"] {
      let rendered = try sandbox.run("report", "monthly", "--month", "2026-03", "--format", format)
      #expect(rendered.status == 0, "\(format): \(rendered.stderr)")
      let shown = format == "csv" ? recovered : Self.grouped(recovered)
      #expect(rendered.stdout.contains(shown), "\(format)")
      #expect(
        rendered.stdout.contains(format == "csv" ? claimed : Self.grouped(claimed)), "\(format)")
    }

    let debtors = try sandbox.run("report", "debtors", "--json")
    #expect(debtors.status == 0, "\(debtors.stderr)")
    let debtor = try #require((try debtors.object()["items"] as? [[String: Any]])?.first)
    #expect(debtor["complaints"] as? Int == complaints)
    #expect(debtor["amountOwed"] as? String == claimed)
    #expect(debtor["amountRecovered"] as? String == recovered)
    #expect(debtor["outstanding"] as? String == outstanding)
    let table = try sandbox.run("report", "debtors")
    #expect(table.status == 0, "\(table.stderr)")
    #expect(table.stdout.contains(Self.grouped(claimed)))
    #expect(table.stdout.contains(Self.grouped(outstanding)))
  }

  @Test("Debtors are ordered by their exact outstanding totals, to the fen")
  func debtorsOrderedExactly() throws {
    let sandbox = try Sandbox.withFirm()
    // 深圳市某局: 2 × 10^15 yuan. 乙公司: one fen more, in three complaints.
    for _ in 0..<2 {
      try sandbox.ok(arguments: Sandbox.complaint(amount: "1000000000000000"))
    }
    for amount in ["999999999999999.99", "999999999999999.99", "0.03"] {
      try sandbox.ok(
        "case", "open", "arrears", "--enterprise", Codes.nanshan, "--debtor", "乙公司",
        "--debtor-type", "large-enterprise", "--amount", amount, "--payment-due", "2026-03-31")
    }
    let items = try #require(
      try sandbox.run("report", "debtors", "--json").object()["items"] as? [[String: Any]])
    #expect(items.map { $0["debtor"] as? String } == ["乙公司", "深圳市某局"])
    #expect(
      items.map { $0["outstanding"] as? String } == ["2000000000000000.01", "2000000000000000.00"])
  }

  @Test("relief interest shows the exact interest past 64 bits, never the largest Int64")
  func interestPastSixtyFourBits() throws {
    let sandbox = try Sandbox()
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(identifier: "UTC")!
    let first = calendar.date(from: DateComponents(year: 1900, month: 1, day: 1))!
    let last = calendar.date(from: DateComponents(year: 2999, month: 12, day: 31))!
    let days = calendar.dateComponents([.day], from: first, to: last).day!
    // 10^15 yuan at 0.05% a day: 5 × 10^11 yuan a day.
    let interest = String(days * 500_000_000_000) + ".00"
    let json = try sandbox.run(
      "interest", "--amount", "1000000000000000", "--due", "1900-01-01", "--until", "2999-12-31",
      "--json")
    #expect(json.status == 0, "\(json.stderr)")
    let result = try json.object()
    #expect(result["days"] as? Int == days)
    #expect(result["interest"] as? String == interest)
    #expect(result["interest"] as? String != "92233720368547758.07")
    let text = try sandbox.ok(
      "interest", "--amount", "1000000000000000", "--due", "1900-01-01", "--until", "2999-12-31")
    #expect(text.contains(Self.grouped(interest)))
    // At the highest agreed rate accepted, 100% a year: exact too.
    let agreed = try sandbox.run(
      "interest", "--amount", "1000000000000000", "--due", "1900-01-01", "--until", "2999-12-31",
      "--annual-rate", "100%", "--json")
    #expect(agreed.status == 0, "\(agreed.stderr)")
    // 10^17 fen × days / 365, rounded half up to the fen.
    let fen = (Int128(100_000_000_000_000_000) * Int128(days) * 2 + 365) / (365 * 2)
    let expected = String(fen / 100) + "." + (fen % 100 < 10 ? "0" : "") + String(fen % 100)
    #expect(try agreed.object()["interest"] as? String == expected)
  }
}
