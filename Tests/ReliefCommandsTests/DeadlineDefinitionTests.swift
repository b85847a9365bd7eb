import Foundation
import Testing

/// One definition of "overdue" (a deadline at red) and "due soon" (at yellow) in every command
/// and report; re-review reminders of recognitions are never either, and show apart as
/// "re-review due".
@Suite("Overdue and due soon, one definition")
struct DeadlineDefinitionTests {
  /// On 2026-05-12: one complaint overdue, one due soon, one recognition whose re-review is due
  /// (valid until 2026-06-01) and one that lapsed unnoticed (valid until 2026-04-20).
  static func sandbox() throws -> Sandbox {
    let sandbox = try Sandbox(now: "2026-05-12T09:00:00+08:00")
    try sandbox.ok(
      "enterprise", "add", "--uscc", Codes.nanshan, "--name", "深圳市星河科技有限公司", "--region", "440305")
    try sandbox.ok(
      "enterprise", "add", "--uscc", Codes.tianhe, "--name", "广州市天河智造有限公司", "--region", "440106",
      "--size", "small")
    for day in ["2026-04-01", "2026-04-28"] {
      try sandbox.ok(
        "case", "open", "arrears", "--enterprise", Codes.nanshan, "--debtor", "深圳市某局",
        "--debtor-type", "government", "--amount", "1000", "--payment-due", "2026-03-31", "--at",
        day)
    }
    for (opened, recognized) in [("2023-04-01", "2023-06-01"), ("2023-03-01", "2023-04-20")] {
      let id = try sandbox.ok(
        "case", "open", "cultivation", "--enterprise", Codes.tianhe, "--tier", "innovative",
        "--at", opened
      ).trimmingCharacters(in: .whitespacesAndNewlines)
      for event in [
        ["apply"], ["evaluate", "--score", "80"], ["recognize", "--at", recognized],
      ] {
        try sandbox.ok(arguments: ["case", "act", id] + event + ["--at", recognized])
      }
    }
    return sandbox
  }

  static func ids(_ document: Any?) -> [String] {
    ((document as? [[String: Any]]) ?? []).compactMap { $0["id"] as? String }.sorted()
  }

  @Test("case list, report overdue, report workload and sla check count the same cases")
  func everyCommandAgrees() throws {
    let sandbox = try Self.sandbox()
    let overdue = Self.ids(try sandbox.run("case", "list", "--overdue", "--json").object()["items"])
    #expect(overdue == ["AR-2026-000001"])
    let dueSoon = Self.ids(
      try sandbox.run("case", "list", "--alert", "yellow", "--json").object()["items"])
    #expect(dueSoon == ["AR-2026-000002"])
    let report = try sandbox.run("report", "overdue", "--json").object()
    #expect(Self.ids(report["items"]) == overdue)
    let workload = try #require(
      try sandbox.run("report", "workload", "--json").object()["total"] as? [String: Any])
    #expect(workload["overdue"] as? Int == overdue.count)
    #expect(workload["dueSoon"] as? Int == dueSoon.count)
    let check = try sandbox.run("sla", "check", "--json")
    #expect(check.status == 3)
    let sla = try check.object()
    #expect(sla["red"] as? Int == overdue.count)
    #expect(sla["yellow"] as? Int == dueSoon.count)
    #expect(Self.ids(sla["cases"]) == (overdue + dueSoon).sorted())
    #expect(Self.ids(sla["reReviews"]).contains("CG-2023-000001"))
  }

  @Test("re-review reminders show apart, named as such, never as overdue or due soon")
  func reReviewsApart() throws {
    let sandbox = try Self.sandbox()
    let list = try sandbox.run("case", "list", "--re-review", "--json").object()
    let items = try #require(list["items"] as? [[String: Any]])
    #expect(Self.ids(items) == ["CG-2023-000001", "CG-2023-000002"])
    for item in items {
      #expect(item["alert"] is NSNull)
      #expect(item["reReviewDue"] as? Bool == true)
    }
    let table = try sandbox.ok("case", "list", "--kind", "cultivation")
    #expect(table.components(separatedBy: "re-review due").count == 3)
    #expect(!table.contains("red") && !table.contains("yellow"))
    let chinese = try sandbox.ok("case", "list", "--kind", "cultivation", "--lang", "zh")
    #expect(chinese.contains("待复审"))
    let card = try sandbox.ok("case", "show", "CG-2023-000002")
    #expect(card.contains("re-review due"))
    // A complaint's own deadline reads as before.
    let arrears = try sandbox.run("case", "show", "AR-2026-000001", "--json").object()
    #expect(arrears["alert"] as? String == "red")
    #expect(arrears["reReviewDue"] as? Bool == false)
  }
}
