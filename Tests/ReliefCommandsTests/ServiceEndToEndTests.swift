import Foundation
import Testing

@Suite("relief service, end to end")
struct ServiceEndToEndTests {
  func sandboxWithFirms() throws -> Sandbox {
    let sandbox = try Sandbox()
    try sandbox.ok(
      "enterprise", "add", "--uscc", Codes.nanshan, "--name", "深圳市星河科技有限公司", "--region", "440305")
    try sandbox.ok(
      "enterprise", "add", "--uscc", Codes.tianhe, "--name", "广州市华信电子有限公司", "--region", "440106")
    return sandbox
  }

  @Test("a service counts its listed enterprises once each, or its count; its region defaults")
  func log() throws {
    let sandbox = try sandboxWithFirms()
    let visit = try sandbox.run(
      "service", "log", "--type", "on-site-visit", "--date", "2026-04-20", "--enterprise",
      Codes.tianhe, "--enterprise", Codes.nanshan, "--enterprise", Codes.tianhe, "--note", "上门走访",
      "--json"
    ).object()
    #expect(visit["id"] as? Int == 1)
    #expect(visit["type"] as? String == "on-site-visit")
    #expect(visit["date"] as? String == "2026-04-20")
    #expect(visit["region"] as? String == "440106")
    #expect(visit["enterprisesServed"] as? Int == 2)
    #expect((visit["enterprises"] as? [[String: Any]])?.count == 2)
    #expect(visit["campaign"] is NSNull)
    #expect(visit["officer"] as? String == "tester")
    let briefing = try sandbox.ok(
      "service", "log", "--type", "policy-briefing", "--date", "2026-04-21", "--count", "200",
      "--region", "440305", "--campaign", "惠企政策进万企")
    #expect(briefing.contains("Logged service 2"))
    #expect(briefing.contains("200 enterprises served"))
    let chinese = try sandbox.ok(
      "service", "log", "--type", "financing-matchmaking", "--date", "2026-04-22", "--enterprise",
      Codes.nanshan, "--count", "25", "--lang", "zh")
    #expect(chinese.contains("融资对接"))
    #expect(chinese.contains("服务企业 25 家"))
  }

  @Test("refused services print error: and change nothing")
  func refusals() throws {
    let sandbox = try sandboxWithFirms()
    try sandbox.ok(
      "service", "log", "--type", "training", "--date", "2026-04-01", "--count", "30", "--region",
      "440305")
    let before = try sandbox.snapshot()
    let cases: [(arguments: [String], status: Int32, says: String)] = [
      (["--type", "karaoke", "--date", "2026-04-01", "--count", "3"], 64, "karaoke"),
      (
        ["--type", "training", "--date", "2026-02-30", "--count", "3", "--region", "440305"], 1,
        "2026-02-30"
      ),
      (
        ["--type", "training", "--date", "yesterday", "--count", "3", "--region", "440305"], 1,
        "YYYY-MM-DD"
      ),
      (
        ["--type", "consultation", "--date", "2026-04-01", "--enterprise", Codes.futian], 1,
        Codes.futian
      ),
      (["--type", "training", "--date", "2026-04-01", "--count", "3"], 1, "--region"),
      (["--type", "training", "--date", "2026-04-01", "--region", "440305"], 1, "--count"),
      (
        ["--type", "training", "--date", "2026-04-01", "--count", "0", "--region", "440305"], 1,
        "--count"
      ),
      (
        [
          "--type", "training", "--date", "2026-04-01", "--count", "1", "--enterprise",
          Codes.nanshan,
          "--enterprise", Codes.tianhe,
        ], 1, "2 enterprises listed"
      ),
      (
        ["--type", "training", "--date", "2026-05-01", "--count", "3", "--region", "440305"], 1,
        "future"
      ),
      (
        ["--type", "training", "--date", "2026-04-01", "--count", "3", "--region", "990000"], 1,
        "990000"
      ),
      (
        [
          "--type", "training", "--date", "2026-04-01", "--count", "3", "--region", "440305",
          "--campaign", "bad\u{7}text",
        ], 1, "--campaign"
      ),
    ]
    for entry in cases {
      let result = try sandbox.run(arguments: ["service", "log"] + entry.arguments)
      #expect(result.status == entry.status, "\(entry.arguments): \(result.stderr)")
      #expect(result.stderr.hasPrefix("error: "), "\(entry.arguments): \(result.stderr)")
      #expect(result.stderr.contains(entry.says), "\(entry.arguments): \(result.stderr)")
      #expect(result.stdout.isEmpty)
    }
    #expect(try sandbox.snapshot() == before)
  }

  @Test("the list filters like case list, latest first, and says what it left out")
  func list() throws {
    let sandbox = try sandboxWithFirms()
    let logs: [[String]] = [
      [
        "--type", "policy-briefing", "--date", "2026-03-10", "--count", "120", "--region", "440305",
        "--campaign", "惠企政策进万企",
      ],
      ["--type", "on-site-visit", "--date", "2026-03-31", "--enterprise", Codes.tianhe],
      ["--type", "consultation", "--date", "2026-04-01", "--enterprise", Codes.nanshan],
      [
        "--type", "training", "--date", "2026-02-27", "--count", "40", "--region", "330106",
        "--campaign", "专精特新服务月",
      ],
    ]
    for arguments in logs {
      #expect(try sandbox.run(arguments: ["service", "log"] + arguments).status == 0)
    }
    func ids(_ arguments: String...) throws -> [Int] {
      let json = try sandbox.run(arguments: ["service", "list", "--json"] + arguments).object()
      return (json["items"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? Int }
    }
    #expect(try ids() == [3, 2, 1, 4])
    #expect(try ids("--month", "2026-03") == [2, 1])
    #expect(try ids("--from", "2026-03-31") == [3, 2])
    #expect(try ids("--to", "2026-03-10") == [1, 4])
    #expect(try ids("--type", "training") == [4])
    #expect(try ids("--region", "4401") == [2])
    #expect(try ids("--region", "44") == [3, 2, 1])
    #expect(try ids("--enterprise", Codes.nanshan) == [3])
    #expect(try ids("--campaign", "进万企") == [1])
    let limited = try sandbox.run("service", "list", "--json", "--limit", "2").object()
    #expect(limited["total"] as? Int == 4)
    #expect(limited["shown"] as? Int == 2)
    let text = try sandbox.ok("service", "list", "--limit", "1")
    #expect(text.contains("1 of 4 shown"))
    #expect(text.contains("consultation"))
    #expect(try sandbox.ok("service", "list", "--type", "legal-aid").contains("No entries match"))
    let both = try sandbox.run("service", "list", "--month", "2026-03", "--from", "2026-03-01")
    #expect(both.status == 64)
    #expect(both.stderr.hasPrefix("error: "))
  }
}
