import Foundation
import Testing

@testable import ReliefPresentation

/// Tables fit the terminal's width (or `COLUMNS`): columns are cut, then left out by priority;
/// rows never wrap.
@Suite("Tables fit the terminal, end to end")
struct TableFitTests {
  func sandboxWithLongNames() throws -> Sandbox {
    let sandbox = try Sandbox()
    for (code, name) in [
      (Codes.nanshan, "深圳市南山区星河光电智能制造科技股份有限公司"),
      (Codes.futian, "深圳市福田区华强北电子元器件供应链管理有限公司"),
    ] {
      try sandbox.ok(
        "case", "open", "arrears", "--enterprise", code, "--enterprise-name", name,
        "--region", String(code.dropFirst(2).prefix(6)), "--debtor", "深圳市某区城市更新和土地整备局",
        "--debtor-type", "government", "--amount", "10万", "--payment-due", "2026-03-31")
    }
    return sandbox
  }

  func widest(_ text: String) -> Int {
    text.split(separator: "\n").map { DisplayWidth.of(String($0)) }.max() ?? 0
  }

  @Test("case list at 80 columns: no line wider, the id, state and alert kept")
  func eighty() throws {
    let sandbox = try sandboxWithLongNames()
    for arguments in [["case", "list"], ["case", "list", "--limit", "0"]] {
      let output = try sandbox.run(arguments: arguments, environment: ["COLUMNS": "80"])
      #expect(output.status == 0)
      #expect(widest(output.stdout) <= 80, "\(arguments): \(output.stdout)")
      let header = try #require(output.stdout.split(separator: "\n").first)
      #expect(header.hasPrefix("ID") && header.contains("State") && header.hasSuffix("Alert"))
      #expect(!header.contains("Opened"))
      #expect(output.stdout.contains("AR-2026-000002"))
    }
    let chinese = try sandbox.run("case", "list", "--lang", "zh", environment: ["COLUMNS": "80"])
    #expect(widest(chinese.stdout) <= 80)
  }

  @Test("wide enough, every column shows; piped without COLUMNS, nothing is cut")
  func wide() throws {
    let sandbox = try sandboxWithLongNames()
    let wide = try sandbox.run("case", "list", environment: ["COLUMNS": "250"])
    let header = try #require(wide.stdout.split(separator: "\n").first)
    for column in ["ID", "State", "Enterprise", "Title", "Assignee", "Opened", "Due", "Alert"] {
      #expect(header.contains(column))
    }
    let piped = try sandbox.ok("case", "list")
    #expect(piped.contains("深圳市福田区华强北电子元器件供应链管理有限公司"))
    #expect(!piped.contains("…"))
  }

  @Test("the overdue table fits too, dropping supervision and assignee before the rest")
  func overdue() throws {
    let sandbox = try sandboxWithLongNames()
    let output = try sandbox.run(
      "report", "overdue",
      environment: ["COLUMNS": "70", "RELIEF_NOW": "2026-06-30T09:00:00+08:00"])
    #expect(output.status == 0)
    #expect(widest(output.stdout) <= 70, "\(output.stdout)")
  }
}
