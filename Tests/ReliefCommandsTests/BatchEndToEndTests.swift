import Foundation
import Testing

/// `case act`, `case assign` and `case note` on several cases: all in one transaction, or none.
@Suite("Several cases at once, end to end")
struct BatchEndToEndTests {
  /// A sandbox with three complaints, AR-2026-000001 to 000003.
  func sandboxWithComplaints() throws -> Sandbox {
    let sandbox = try Sandbox()
    for _ in 1...3 {
      try sandbox.ok(
        "case", "open", "arrears", "--enterprise", Codes.nanshan, "--enterprise-name", "星河科技",
        "--region", "440305", "--debtor", "某区住房和建设局", "--debtor-type", "government",
        "--amount", "10万", "--payment-due", "2026-03-31")
    }
    return sandbox
  }

  func state(_ sandbox: Sandbox, _ id: String) throws -> String? {
    try sandbox.run("case", "show", id, "--json").object()["state"] as? String
  }

  @Test("an event on several ids: every case, in one go; JSON is an array of the cases")
  func allAtOnce() throws {
    let sandbox = try sandboxWithComplaints()
    let output = try sandbox.ok(
      "case", "act", "AR-2026-000001", "AR-2026-000002", "AR-2026-000003", "accept")
    #expect(output.components(separatedBy: "→ accepted").count == 4)
    for number in 1...3 { #expect(try state(sandbox, "AR-2026-00000\(number)") == "accepted") }
    let json = try sandbox.run(
      "case", "act", "AR-2026-000001", "AR-2026-000002", "transfer", "--to", "区工信局", "--json")
    let cases = try #require(try json.json() as? [[String: Any]])
    #expect(cases.map { $0["id"] as? String } == ["AR-2026-000001", "AR-2026-000002"])
    #expect(cases.allSatisfy { $0["state"] as? String == "transferred" })
  }

  @Test("one refusal and nothing is recorded: every refusal is listed")
  func noneWhenOneRefused() throws {
    let sandbox = try sandboxWithComplaints()
    try sandbox.ok("case", "act", "AR-2026-000001", "accept")
    try sandbox.ok("case", "act", "AR-2026-000003", "accept")
    let before = try sandbox.snapshot()
    // 000002 is still registered: it cannot be transferred; 000001 and 000003 could.
    let result = try sandbox.run(
      "case", "act", "AR-2026-000001", "AR-2026-000002", "AR-2026-000003", "transfer", "--to",
      "区工信局")
    #expect(result.status == 1)
    #expect(result.stderr.hasPrefix("error: 1 of 3 cases refused; nothing was recorded:"))
    #expect(result.stderr.contains("AR-2026-000002: "))
    #expect(!result.stderr.contains("AR-2026-000001: "))
    #expect(try sandbox.snapshot() == before)
    // Two refused: both named.
    let two = try sandbox.run(
      "case", "act", "AR-2026-000001", "AR-2026-000002", "AR-2026-000003", "reject", "--reason",
      "x")
    #expect(two.stderr.hasPrefix("error: 2 of 3 cases refused"))
    #expect(try sandbox.snapshot() == before)
  }

  @Test("case assign takes several ids with --to, and the officer last as before")
  func assign() throws {
    let sandbox = try sandboxWithComplaints()
    try sandbox.ok("case", "assign", "AR-2026-000001", "AR-2026-000002", "--to", "zhang.min")
    try sandbox.ok("case", "assign", "AR-2026-000003", "wang.fang")
    let assignees = try (1...3).map { number in
      try sandbox.run("case", "show", "AR-2026-00000\(number)", "--json").object()["assignee"]
        as? String
    }
    #expect(assignees == ["zhang.min", "zhang.min", "wang.fang"])
    #expect(try sandbox.run("case", "assign", "AR-2026-000001").status == 64)
  }

  @Test("--ids-from reads one id a line; bad and repeated ids are refused together")
  func idsFromFile() throws {
    let sandbox = try sandboxWithComplaints()
    let file = sandbox.folder.appendingPathComponent("ids.txt")
    try "# this week's\nAR-2026-000001\n\nar-2026-000003\n".write(
      to: file, atomically: true, encoding: .utf8)
    try sandbox.ok("case", "note", "--ids-from", file.path, "已电话回访")
    for number in [1, 3] {
      let history = try #require(
        try sandbox.run("case", "show", "AR-2026-00000\(number)", "--json").object()["history"]
          as? [[String: Any]])
      #expect(history.last?["note"] as? String == "已电话回访")
    }
    let before = try sandbox.snapshot()
    let bad = try sandbox.run(
      "case", "note", "AR-2026-000001", "AR-X", "AR-2026-000001", "--ids-from", file.path, "再次")
    #expect(bad.status == 1)
    #expect(bad.stderr.contains("AR-X"))
    #expect(bad.stderr.contains("AR-2026-000001"))
    #expect(try sandbox.snapshot() == before)
    #expect(try sandbox.run("case", "note", "--ids-from", "/nonexistent/ids", "x").status == 1)
  }
}
