import Foundation
import Testing

@Suite("Deadlines, end to end")
struct DeadlineEndToEndTests {
  /// A sandbox with one complaint registered on 2026-04-28 (due 2026-05-14).
  func sandbox(now: String = "2026-04-28T09:30:00+08:00") throws -> Sandbox {
    let sandbox = try Sandbox(now: now)
    try sandbox.ok(
      "enterprise", "add", "--uscc", Codes.nanshan, "--name", "深圳市星河科技有限公司", "--region", "440305")
    try sandbox.ok(
      "case", "open", "arrears", "--enterprise", Codes.nanshan, "--debtor", "深圳市某局",
      "--debtor-type",
      "government", "--amount", "1000000", "--payment-due", "2026-03-31", "--at", "2026-04-28T09:30"
    )
    return sandbox
  }

  @Test("sla check exits 0 with no red case and 3 with one, summary first")
  func slaCheck() throws {
    let sandbox = try sandbox()
    let calm = try sandbox.run("sla", "check")
    #expect(calm.status == 0)
    #expect(calm.stdout.hasPrefix("SLA check 2026-04-28: 0 red, 0 yellow, 1 blue"))
    let yellow = try sandbox.run(
      "sla", "check", environment: ["RELIEF_NOW": "2026-05-12T09:00:00+08:00"])
    #expect(yellow.status == 0)
    #expect(yellow.stdout.contains("AR-2026-000001"))
    let red = try sandbox.run(
      "sla", "check", "--json", environment: ["RELIEF_NOW": "2026-05-15T09:00:00+08:00"])
    #expect(red.status == 3)
    let json = try red.object()
    #expect(json["red"] as? Int == 1)
    #expect((json["cases"] as? [[String: Any]])?.first?["alert"] as? String == "red")
  }

  @Test("--overdue, --due-within and --alert find cases by their deadlines")
  func filters() throws {
    let sandbox = try sandbox()
    func total(_ arguments: String..., on now: String) throws -> Int? {
      try sandbox.run(
        arguments: ["case", "list", "--json"] + arguments, environment: ["RELIEF_NOW": now]
      )
      .object()["total"] as? Int
    }
    #expect(try total("--overdue", on: "2026-05-14T23:00:00+08:00") == 0)
    #expect(try total("--overdue", on: "2026-05-15T00:10:00+08:00") == 1)
    #expect(try total("--due-within", "2", on: "2026-05-11T09:00:00+08:00") == 0)
    #expect(try total("--due-within", "3", on: "2026-05-11T09:00:00+08:00") == 1)
    #expect(try total("--alert", "blue", on: "2026-05-11T09:00:00+08:00") == 1)
    #expect(try total("--alert", "yellow", on: "2026-05-12T09:00:00+08:00") == 1)
    #expect(try total("--alert", "red", on: "2026-05-12T09:00:00+08:00") == 0)
  }

  @Test("supervision levels count up and show in the history")
  func supervision() throws {
    let sandbox = try sandbox()
    try sandbox.ok("case", "supervise", "AR-2026-000001", "--reason", "临近期限")
    let second = try sandbox.ok("case", "supervise", "AR-2026-000001", "--reason", "再次督办")
    #expect(second.contains("level 2"))
    let json = try sandbox.run("case", "show", "AR-2026-000001", "--json").object()
    #expect(json["supervisionLevel"] as? Int == 2)
    let history = try #require(json["history"] as? [[String: Any]])
    #expect(history.last?["level"] as? Int == 2)
    #expect(history.last?["reason"] as? String == "再次督办")
    try sandbox.ok("case", "act", "AR-2026-000001", "reject", "--reason", "不属于受理范围")
    #expect(try sandbox.run("case", "supervise", "AR-2026-000001", "--reason", "x").status == 1)
  }

  @Test("case show gives the interest to date on what is outstanding")
  func caseInterest() throws {
    let sandbox = try sandbox()
    try sandbox.ok("case", "act", "AR-2026-000001", "accept")
    try sandbox.ok(
      "case", "act", "AR-2026-000001", "pay", "--amount", "400000", "--at", "2026-04-28")
    let json = try sandbox.run(
      "case", "show", "AR-2026-000001", "--json",
      environment: ["RELIEF_NOW": "2026-04-30T12:00:00+08:00"]
    ).object()
    let interest = try #require(json["interest"] as? [String: Any])
    // 28 days on 1,000,000 (4/1-4/28) accrue 14,000.00, which the payment covers first (Civil
    // Code art. 561); 386,000.00 goes to the principal, and 614,000.00 accrues 2 days
    // (4/29-4/30) at 0.05%: 614.00 still owed.
    #expect(interest["amount"] as? String == "614.00")
    #expect(interest["accrued"] as? String == "14614.00")
    #expect(interest["paid"] as? String == "14000.00")
    #expect(interest["days"] as? Int == 30)
    #expect(interest["until"] as? String == "2026-04-30")
  }

  @Test("relief interest computes the example of section 5")
  func interestCommand() throws {
    let sandbox = try Sandbox()
    let json = try sandbox.run(
      "interest", "--amount", "1,000,000.00", "--due", "2026-03-31", "--until", "2026-04-30",
      "--json"
    ).object()
    #expect(json["interest"] as? String == "15000.00")
    #expect(json["days"] as? Int == 30)
    let paid = try sandbox.run(
      "interest", "--amount", "1000000", "--due", "2026-03-31", "--until", "2026-04-30",
      "--payment", "2026-04-10:400000", "--payment", "2026-04-20:10万", "--json"
    ).object()
    // Interest first: 5,000.00 and then 3,025.00 paid; 10 days on 508,025.00 = 2,540.13.
    #expect(paid["interest"] as? String == "2540.13")
    let agreed = try sandbox.run(
      "interest", "--amount", "1000000", "--due", "2026-03-31", "--until", "2026-04-30",
      "--payment", "2026-04-10:400000", "--payment", "2026-04-20:10万",
      "--allocation", "principal-first", "--json"
    ).object()
    // 10 days on 1,000,000 + 10 on 600,000 + 10 on 500,000, none of it paid.
    #expect(agreed["interest"] as? String == "10500.00")
    let rate = try sandbox.run(
      "interest", "--amount", "1000000", "--due", "2026-03-31", "--until", "2026-04-30",
      "--annual-rate", "3.65%", "--json"
    ).object()
    #expect(rate["interest"] as? String == "3000.00")
    #expect(try sandbox.run("interest", "--amount", "-1", "--due", "2026-03-31").status == 1)
    #expect(try sandbox.run("interest", "--amount", "1", "--due", "2026-02-30").status == 1)
    #expect(
      try sandbox.run("interest", "--amount", "1", "--due", "2026-03-31", "--payment", "x").status
        == 1)
  }

  @Test("calendar import adds a year, recounts deadlines, and refuses bad files whole")
  func calendarImport() throws {
    let sandbox = try Sandbox(now: "2026-12-24T10:00:00+08:00")
    try sandbox.ok(
      "enterprise", "add", "--uscc", Codes.nanshan, "--name", "深圳市星河科技有限公司", "--region", "440305")
    let opened = try sandbox.run(
      "case", "open", "arrears", "--enterprise", Codes.nanshan, "--debtor", "深圳市某局",
      "--debtor-type",
      "government", "--amount", "5000", "--payment-due", "2026-11-30")
    #expect(opened.stderr.contains("warning"))
    let before2027 = try sandbox.run("case", "show", "AR-2026-000001", "--json").object()
    #expect(before2027["warnings"] as? [String] == ["calendar-fallback"])
    let file = sandbox.folder.appendingPathComponent("2027.json")
    try Data(
      #"{"year": 2027, "days": [{"date": "2027-01-01", "dayOff": true}, {"date": "2027-01-04", "dayOff": true}]}"#
        .utf8
    ).write(to: file)
    let bad = sandbox.folder.appendingPathComponent("bad.json")
    try Data(#"{"year": 2027, "days": [{"date": "2027-01-05", "dayOff": false}]}"#.utf8).write(
      to: bad)
    let before = try sandbox.snapshot()
    let refused = try sandbox.run("calendar", "import", bad.path)
    #expect(refused.status == 1)
    #expect(refused.stderr.contains("2027-01-05"))
    let notJSON = try sandbox.run("calendar", "import", sandbox.database)
    #expect(notJSON.status == 1)
    #expect(try sandbox.snapshot() == before)
    let imported = try sandbox.run("calendar", "import", file.path, "--json").object()
    #expect(imported["recountedDeadlines"] as? Int == 1)
    let shown = try sandbox.run("case", "show", "AR-2026-000001", "--json").object()
    #expect(shown["dueDate"] as? String == "2027-01-11")
    #expect(shown["warnings"] as? [String] == [])
    #expect(try sandbox.run("calendar", "import", file.path).status == 1)
    #expect(try sandbox.run("calendar", "import", file.path, "--replace").status == 0)
    let january = try sandbox.run("calendar", "show", "2027-01", "--json").object()
    #expect(january["source"] as? String == "imported")
    #expect(january["workingDays"] as? Int == 19)
  }

  @Test("settings set changes a clock and recounts; bad values are refused")
  func settings() throws {
    let sandbox = try sandbox()
    let set = try sandbox.run("settings", "set", "clock.arrears.registered", "5", "--json").object()
    #expect(set["recountedDeadlines"] as? Int == 1)
    let shown = try sandbox.run("case", "show", "AR-2026-000001", "--json").object()
    #expect(shown["dueDate"] as? String == "2026-05-08")
    let before = try sandbox.snapshot()
    for arguments in [
      ["settings", "set", "clock.arrears.registered", "0"],
      ["settings", "set", "clock.arrears.nothing", "5"],
      ["settings", "set", "timezone", "Mars/Olympus"],
      ["settings", "set", "clock.arrears.transferred.max", "20"],
    ] {
      let result = try sandbox.run(arguments: arguments)
      #expect(result.status == 1, "\(arguments)")
      #expect(result.stderr.hasPrefix("error: "))
    }
    #expect(try sandbox.snapshot() == before)
    let list = try sandbox.run("settings", "list", "--json").json() as? [[String: Any]]
    #expect(
      list?.first { $0["key"] as? String == "clock.arrears.registered" }?["value"] as? String == "5"
    )
  }

  @Test("calendar show marks days off and make-up working days")
  func calendarShow() throws {
    let sandbox = try Sandbox()
    let october = try sandbox.ok("calendar", "show", "2026-10")
    #expect(october.contains("18 working days"))
    #expect(october.contains(" 1*"))
    #expect(october.contains("10+"))
    let json = try sandbox.run("calendar", "show", "2026-02", "--json").object()
    let days = try #require(json["days"] as? [[String: Any]])
    #expect(days.first { $0["date"] as? String == "2026-02-14" }?["makeUpWorkday"] as? Bool == true)
    #expect(days.first { $0["date"] as? String == "2026-02-16" }?["working"] as? Bool == false)
    #expect(try sandbox.run("calendar", "show", "2026-13").status == 1)
  }
}
