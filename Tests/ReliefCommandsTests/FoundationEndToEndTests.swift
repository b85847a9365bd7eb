import Foundation
import Testing

@Suite("relief, end to end")
struct FoundationEndToEndTests {
  func openComplaint(_ sandbox: Sandbox, amount: String = "1,250,000") throws -> String {
    try sandbox.ok(
      "case", "open", "arrears", "--enterprise", Codes.nanshan, "--debtor", "深圳市某区住房和建设局",
      "--debtor-type", "government", "--amount", amount, "--payment-due", "2026-03-31"
    ).trimmingCharacters(in: .whitespacesAndNewlines)
  }

  @Test("init creates the database, then says it is ready; other commands need it")
  func initialise() throws {
    let sandbox = try Sandbox(initialise: false)
    let missing = try sandbox.run("case", "list")
    #expect(missing.status == 1)
    #expect(missing.stderr.hasPrefix("error: "))
    #expect(missing.stderr.contains("relief init"))
    #expect(try sandbox.ok("init").contains("Created"))
    let attributes = try FileManager.default.attributesOfItem(atPath: sandbox.database)
    #expect((attributes[.posixPermissions] as? Int) == 0o600)
    #expect(try sandbox.ok("init").contains("ready"))
  }

  @Test("a complaint goes from logging to closing, and its history says who did what")
  func walkthrough() throws {
    let sandbox = try Sandbox.withFirm()
    let id = try openComplaint(sandbox)
    #expect(id == "AR-2026-000001")
    try sandbox.ok("case", "act", id, "accept")
    try sandbox.ok("case", "act", id, "transfer", "--to", "市工业和信息化局")
    try sandbox.ok("case", "act", id, "pay", "--amount", "125万")
    try sandbox.ok("case", "act", id, "resolve", "--outcome", "paid-in-full")
    try sandbox.ok(
      "case", "act", id, "close", "--satisfaction", "satisfied", "--officer", "wang.fang")
    let shown = try sandbox.run("case", "show", id, "--json")
    let json = try shown.object()
    #expect(json["id"] as? String == id)
    #expect(json["state"] as? String == "closed")
    #expect(json["enterprise"] as? String == Codes.nanshan)
    #expect(json["enterpriseName"] as? String == "深圳市星河科技有限公司")
    #expect(json["openedAt"] as? String == "2026-04-28T09:30:00+08:00")
    #expect(json["closedAt"] as? String == "2026-04-28T09:30:00+08:00")
    #expect(json["dueDate"] is NSNull)
    #expect(json["alert"] is NSNull)
    let details = try #require(json["details"] as? [String: Any])
    #expect(details["amountOwed"] as? String == "1250000.00")
    #expect(details["amountRecovered"] as? String == "1250000.00")
    #expect(details["paymentDueDate"] as? String == "2026-03-31")
    #expect(details["outcome"] as? String == "paid-in-full")
    #expect(json["nextEvents"] as? [String] == ["note"])
    let history = try #require(json["history"] as? [[String: Any]])
    #expect(
      history.map { $0["event"] as? String } == [
        "open", "accept", "transfer", "pay", "resolve", "close",
      ])
    #expect(history[2]["to"] as? String == "transferred")
    #expect(history[3]["amount"] as? String == "1250000.00")
    #expect(history[5]["officer"] as? String == "wang.fang")
    #expect(history[5]["satisfaction"] as? String == "satisfied")
    #expect(history[1]["note"] is NSNull)
    let text = try sandbox.ok("case", "history", id)
    #expect(text.contains("wang.fang"))
    #expect(text.contains("市工业和信息化局"))
  }

  @Test("refused commands print error:, exit 1 and change nothing")
  func refusals() throws {
    let sandbox = try Sandbox.withFirm()
    let id = try openComplaint(sandbox)
    let before = try sandbox.snapshot()
    let refused: [[String]] = [
      ["enterprise", "add", "--uscc", "91440305MA5FXHGE2B", "--name", "X", "--region", "440305"],
      ["enterprise", "add", "--uscc", "9144030", "--name", "X", "--region", "440305"],
      ["enterprise", "add", "--uscc", "91440305MA5FXHGE2O", "--name", "X", "--region", "440305"],
      ["enterprise", "add", "--uscc", Codes.futian, "--name", "X", "--region", "990000"],
      ["enterprise", "add", "--uscc", Codes.futian, "--name", "X", "--region", "44030"],
      ["enterprise", "add", "--uscc", Codes.futian, "--name", "", "--region", "440304"],
      ["enterprise", "add", "--uscc", Codes.futian, "--name", "A\u{1}B", "--region", "440304"],
      ["enterprise", "add", "--uscc", Codes.nanshan, "--name", "again", "--region", "440305"],
      [
        "case", "open", "arrears", "--enterprise", Codes.nanshan, "--debtor", "X", "--debtor-type",
        "government", "--amount", "-5", "--payment-due", "2026-03-31",
      ],
      [
        "case", "open", "arrears", "--enterprise", Codes.nanshan, "--debtor", "X", "--debtor-type",
        "government", "--amount", "1e5", "--payment-due", "2026-03-31",
      ],
      [
        "case", "open", "arrears", "--enterprise", Codes.nanshan, "--debtor", "X", "--debtor-type",
        "government", "--amount", "100000000000000000000", "--payment-due", "2026-03-31",
      ],
      [
        "case", "open", "arrears", "--enterprise", Codes.nanshan, "--debtor", "X", "--debtor-type",
        "government", "--amount", "5", "--payment-due", "2026-02-30",
      ],
      [
        "case", "open", "arrears", "--enterprise", Codes.futian, "--debtor", "X", "--debtor-type",
        "government", "--amount", "5", "--payment-due", "2026-03-01",
      ],
      [
        "case", "open", "arrears", "--enterprise", Codes.nanshan, "--debtor", "X", "--debtor-type",
        "government", "--amount", "5", "--payment-due", "2026-03-01", "--at", "2026-04-29",
      ],
      ["case", "act", id, "close"],
      ["case", "act", id, "transfer"],
      ["case", "act", id, "fly"],
      ["case", "act", id, "accept", "--at", "2026-05-01T10:00:00+08:00"],
      ["case", "act", id, "accept", "--at", "2026-04-27"],
      ["case", "act", id, "reject", "--reason", "\u{1B}[31m"],
      ["case", "act", "AR-2026-000099", "accept"],
      ["case", "act", "AR-2026-1'; DROP TABLE events;--", "accept"],
      ["case", "list", "--kind", "arrears", "--state", "nowhere"],
      ["case", "list", "--region", "9"],
      ["case", "note", id, "   "],
    ]
    for arguments in refused {
      let result = try sandbox.run(arguments: arguments)
      #expect(
        result.status == 1, "expected refusal: \(arguments) gave \(result.status) \(result.stderr)")
      #expect(result.stderr.hasPrefix("error: "), "\(arguments): \(result.stderr)")
      #expect(result.stdout.isEmpty)
    }
    #expect(try sandbox.snapshot() == before)
  }

  @Test("refusals say what to do")
  func refusalMessages() throws {
    let sandbox = try Sandbox.withFirm()
    let id = try openComplaint(sandbox)
    let notAllowed = try sandbox.run("case", "act", id, "close")
    #expect(notAllowed.stderr.contains("registered"))
    #expect(notAllowed.stderr.contains("accept"))
    #expect(notAllowed.stderr.contains("request-documents"))
    let badCode = try sandbox.run(
      "enterprise", "add", "--uscc", "91440305MA5FXHGE2B", "--name", "X", "--region", "440305")
    #expect(badCode.stderr.contains("should be A"))
    #expect(badCode.stderr.contains("--allow-bad-checksum"))
    let missing = try sandbox.run("case", "act", id, "reject")
    #expect(missing.stderr.contains("--reason"))
    let chinese = try sandbox.run("case", "act", id, "close", "--lang", "zh")
    #expect(chinese.stderr.contains("已登记"))
  }

  @Test("usage mistakes exit 64")
  func usage() throws {
    let sandbox = try Sandbox()
    let unknown = try sandbox.run("case", "list", "--colour")
    #expect(unknown.status == 64)
    #expect(unknown.stderr.hasPrefix("error: "))
    let kind = try sandbox.run("case", "list", "--kind", "parking")
    #expect(kind.status == 64)
    let openKind = try sandbox.run("case", "open", "parking")
    #expect(openKind.status == 64)
  }

  @Test("a bad checksum is let through with --allow-bad-checksum, and the warning stays")
  func badChecksum() throws {
    let sandbox = try Sandbox()
    let result = try sandbox.run(
      "enterprise", "add", "--uscc", "91440305MA5FXHGE2B", "--name", "某公司", "--region", "440305",
      "--allow-bad-checksum")
    #expect(result.status == 0)
    #expect(result.stderr.contains("warning"))
    let json = try sandbox.run("enterprise", "show", "91440305MA5FXHGE2B", "--json").object()
    #expect(json["checksumWarning"] as? Bool == true)
    // The enterprise's cases carry the warning too.
    let id = try sandbox.ok(
      "case", "open", "tax-refund", "--enterprise", "91440305MA5FXHGE2B", "--relief-type",
      "tax-deferral", "--amount", "100", "--allow-bad-checksum"
    ).trimmingCharacters(in: .whitespacesAndNewlines)
    let shown = try sandbox.run("case", "show", id, "--json").object()
    #expect(shown["warnings"] as? [String] == ["enterprise-checksum"])
    #expect(try sandbox.ok("case", "show", id).contains("check characters"))
  }

  @Test("an enterprise in JSON has every field of section 8")
  func enterpriseJSON() throws {
    let sandbox = try Sandbox()
    try sandbox.ok(
      "enterprise", "add", "--uscc", Codes.xihu, "--name", "杭州市某软件有限公司", "--region", "330106",
      "--sector", "software-and-it", "--employees", "120", "--revenue", "1200万", "--contact", "王芳",
      "--phone", "0571-88886666")
    let json = try sandbox.run("enterprise", "show", Codes.xihu, "--json").object()
    for key in [
      "uscc", "name", "region", "size", "sector", "employees", "revenue", "industry", "contact",
      "phone",
      "tier", "whitelisted",
    ] {
      #expect(json.keys.contains(key), "missing \(key)")
    }
    #expect(json["size"] as? String == "medium")
    #expect(json["revenue"] as? String == "12000000.00")
    #expect(json["industry"] is NSNull)
    #expect(json["whitelisted"] as? Bool == false)
    try sandbox.ok("enterprise", "update", Codes.xihu, "--employees", "400", "--revenue", "2亿")
    let updated = try sandbox.run("enterprise", "show", Codes.xihu, "--json").object()
    #expect(updated["size"] as? String == "large")
    let contradiction = try sandbox.run("enterprise", "update", Codes.xihu, "--size", "small")
    #expect(contradiction.status == 1)
  }

  @Test("tables align Chinese text by display width and carry no colour when piped")
  func alignment() throws {
    let sandbox = try Sandbox.withFirm()
    try sandbox.ok(
      "enterprise", "add", "--uscc", Codes.tianhe, "--name", "广州 Huaxin 电子", "--region", "440106")
    _ = try openComplaint(sandbox)
    try sandbox.ok(
      "case", "open", "tax-refund", "--enterprise", Codes.tianhe, "--relief-type", "tax-deferral",
      "--amount", "5000", "--assignee", "li")
    let output = try sandbox.ok("case", "list")
    #expect(!output.contains("\u{1B}["))
    let lines = output.split(separator: "\n").map(String.init)
    #expect(lines.count == 3)
    // The assignee column starts at the same display column on every line.
    func column(of needle: String, in line: String) -> Int? {
      guard let range = line.range(of: needle) else { return nil }
      return displayWidth(String(line[..<range.lowerBound]))
    }
    let header = try #require(column(of: "Assignee", in: lines[0]))
    #expect(
      column(of: "li ", in: lines[1]) == header || column(of: "tester", in: lines[1]) == header)
    #expect(
      column(of: "li ", in: lines[2]) == header || column(of: "tester", in: lines[2]) == header)
  }

  @Test("global options may come before the subcommand")
  func globalOptionsFirst() throws {
    let sandbox = try Sandbox.withFirm()
    let other = sandbox.folder.appendingPathComponent("other.sqlite").path
    try sandbox.ok("--db", other, "init")
    let listed = try sandbox.run("--db", other, "--json", "enterprise", "list")
    #expect(try listed.object()["total"] as? Int == 0)
    let here = try sandbox.run("--json", "enterprise", "list")
    #expect(try here.object()["total"] as? Int == 1)
  }

  @Test("workflow diagrams are generated from the definitions")
  func workflowShow() throws {
    let sandbox = try Sandbox()
    let mermaid = try sandbox.ok("workflow", "show", "arrears", "--format", "mermaid")
    #expect(mermaid.hasPrefix("stateDiagram-v2"))
    #expect(mermaid.contains("[*] --> registered: open"))
    #expect(mermaid.contains("transferred --> transferred: extend"))
    #expect(mermaid.contains("closed --> [*]"))
    let dot = try sandbox.ok("workflow", "show", "cultivation", "--format", "dot")
    #expect(dot.contains("\"evaluating\" -> \"recognized\" [label=\"recognize\"]"))
    let text = try sandbox.ok("workflow", "show", "whitelist")
    #expect(text.contains("recognize"))
    let json = try sandbox.run("workflow", "show", "tax-refund", "--json").object()
    #expect((json["states"] as? [Any])?.count == 7)
  }
}

/// Display width as the terminal counts it: CJK characters take two columns.
func displayWidth(_ text: String) -> Int {
  text.unicodeScalars.reduce(0) { width, scalar in
    width
      + ((0x1100...0x115F).contains(scalar.value) || (0x2E80...0xA4CF).contains(scalar.value)
        || (0xAC00...0xD7A3).contains(scalar.value) || (0xF900...0xFAFF).contains(scalar.value)
        || (0xFF00...0xFF60).contains(scalar.value) ? 2 : 1)
  }
}
