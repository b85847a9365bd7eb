import Foundation
import Testing

@testable import ReliefDomain

/// The law as officers apply it (issue 15), through the built `relief`: the scope of intake of an
/// arrears complaint (Regulations on Ensuring Payments to SMEs, arts. 2, 3, 9, 24-25), the
/// one-year LPR floor of an agreed rate (art. 17), and the sixteen sectors of the 2011 size
/// standard.
@Suite("The law end to end")
struct LawEndToEndTests {
  /// A valid code with the given first two characters (registration authority and type).
  static func code(_ prefix: String) -> String {
    let body = Array("12345678")
    let organization = body + [USCC.organizationCheckCharacter(for: body)]
    let first17 = Array(prefix + "440300") + organization
    return String(first17 + [USCC.checkCharacter(for: first17)])
  }

  func write(_ sandbox: Sandbox, _ name: String, _ text: String) throws -> String {
    let url = sandbox.folder.appendingPathComponent(name)
    try Data(text.utf8).write(to: url)
    return url.path
  }

  /// `case open arrears` for the registered firm with these arguments added.
  func open(_ extra: [String], type: String = "government", due: String? = "2026-03-31")
    -> [String]
  {
    [
      "case", "open", "arrears", "--enterprise", Codes.nanshan, "--debtor", "深圳市某局",
      "--debtor-type", type, "--amount", "5000",
    ] + (due.map { ["--payment-due", $0] } ?? []) + extra
  }

  /// Runs a command that must be refused: exit 1, the words on stderr, nothing written.
  func refused(
    _ sandbox: Sandbox, _ arguments: [String], saying words: [String],
    sourceLocation: SourceLocation = #_sourceLocation
  ) throws {
    let before = try sandbox.snapshot()
    let result = try sandbox.run(arguments: arguments)
    #expect(result.status == 1, "\(arguments)", sourceLocation: sourceLocation)
    #expect(result.stderr.hasPrefix("error: "), "\(result.stderr)", sourceLocation: sourceLocation)
    for word in words {
      #expect(result.stderr.contains(word), "\(result.stderr)", sourceLocation: sourceLocation)
    }
    #expect(try sandbox.snapshot() == before, sourceLocation: sourceLocation)
  }

  @Test("a large complainant is refused, unless opened anyway: the case then carries a warning")
  func largeComplainant() throws {
    let sandbox = try Sandbox.withFirm()
    try sandbox.ok("enterprise", "update", Codes.nanshan, "--size", "large")
    try refused(sandbox, open([]), saying: ["large enterprise cannot complain", "arts. 2, 3"])
    let id = try sandbox.ok(arguments: open(["--allow-out-of-scope", "省领导交办"]))
      .trimmingCharacters(in: .whitespacesAndNewlines)
    let shown = try sandbox.run("case", "show", id, "--json").object()
    #expect((shown["warnings"] as? [String])?.contains("out-of-scope") == true)
    #expect((shown["details"] as? [String: Any])?["outOfScope"] as? String == "省领导交办")
    let card = try sandbox.ok("case", "show", id)
    #expect(card.contains("opened outside the scope of intake (--allow-out-of-scope): 省领导交办"))
    // A medium enterprise may complain.
    try sandbox.ok("enterprise", "update", Codes.nanshan, "--size", "medium")
    try sandbox.ok(arguments: open([]))
  }

  @Test("a debtor of type other is refused with the exact command that logs a consultation")
  func otherDebtor() throws {
    let sandbox = try Sandbox.withFirm()
    let expected =
      "relief service log --type consultation --date 2026-04-27 --enterprise \(Codes.nanshan)"
    try refused(
      sandbox, open(["--at", "2026-04-27"], type: "other"),
      saying: ["outside the Regulations on Ensuring Payments to SMEs (art. 2)", expected])
    // The hint's command works as given.
    try sandbox.ok(
      "service", "log", "--type", "consultation", "--date", "2026-04-27", "--enterprise",
      Codes.nanshan, "--note", "arrears owed by 深圳市某局")
    try sandbox.ok(arguments: open(["--allow-out-of-scope", "个人债务人，先行登记"], type: "other"))
  }

  @Test("a debtor code must agree with the debtor type by its first two characters")
  func debtorCode() throws {
    let sandbox = try Sandbox.withFirm()
    try refused(
      sandbox, open(["--debtor-code", Self.code("91")]),
      saying: ["begins with 91", "large enterprise", "government agency"])
    try refused(
      sandbox, open(["--debtor-code", Self.code("11")], type: "public-institution"),
      saying: ["begins with 11"])
    try refused(
      sandbox, open(["--debtor-code", Self.code("51")], type: "large-enterprise"),
      saying: ["begins with 51", "no debtor the regulation binds"])
    try sandbox.ok(arguments: open(["--debtor-code", Self.code("11")]))
    try sandbox.ok(arguments: open(["--debtor-code", Self.code("12")], type: "public-institution"))
    for prefix in ["91", "92", "93"] {
      try sandbox.ok(
        arguments: open(["--debtor-code", Self.code(prefix)], type: "large-enterprise"))
    }
  }

  @Test("the payment must be overdue on the day of the complaint")
  func notYetDue() throws {
    let sandbox = try Sandbox.withFirm()
    // Today is 2026-04-28: due today is not overdue yet; due yesterday is.
    try refused(
      sandbox, open([], due: "2026-04-28"),
      saying: ["due on 2026-04-28 and is not overdue on 2026-04-28"])
    // A complaint backdated by --at is judged on its own day.
    try refused(
      sandbox, open(["--at", "2026-04-20"], due: "2026-04-27"),
      saying: ["not overdue on 2026-04-20"])
    try sandbox.ok(arguments: open([], due: "2026-04-27"))
    try refused(sandbox, open([], due: nil), saying: ["--payment-due", "--delivered", "art. 9"])
  }

  @Test("--delivered gives the statutory due date: 30 or 60 days, a day off moving it on")
  func delivered() throws {
    let sandbox = try Sandbox.withFirm()
    // 2026-03-20 + 30 days = 2026-04-19, a Sunday: the next working day, 2026-04-20.
    let id = try sandbox.ok(arguments: open(["--delivered", "2026-03-20"], due: nil))
      .trimmingCharacters(in: .whitespacesAndNewlines)
    let details = try #require(
      try sandbox.run("case", "show", id, "--json").object()["details"] as? [String: Any])
    #expect(details["paymentDueDate"] as? String == "2026-04-20")
    #expect(details["deliveredOn"] as? String == "2026-03-20")
    // A large enterprise has 60 days: 2026-02-20 + 60 = 2026-04-21.
    let large = try sandbox.ok(
      arguments: open(["--delivered", "2026-02-20"], type: "large-enterprise", due: nil)
    ).trimmingCharacters(in: .whitespacesAndNewlines)
    let largeDetails = try #require(
      try sandbox.run("case", "show", large, "--json").object()["details"] as? [String: Any])
    #expect(largeDetails["paymentDueDate"] as? String == "2026-04-21")
    // 2026-04-01 + 30 = 2026-05-01, Labour Day (days off to 5-05): due 2026-05-06, not yet.
    try refused(
      sandbox, open(["--delivered", "2026-04-01"], due: nil), saying: ["due on 2026-05-06"])
    // An agreed due date wins; the delivery day is recorded.
    let agreed = try sandbox.ok(arguments: open(["--delivered", "2026-01-05"], due: "2026-03-31"))
      .trimmingCharacters(in: .whitespacesAndNewlines)
    let agreedDetails = try #require(
      try sandbox.run("case", "show", agreed, "--json").object()["details"] as? [String: Any])
    #expect(agreedDetails["paymentDueDate"] as? String == "2026-03-31")
  }

  @Test(
    "a history recorded before the scope existed still imports; a new case from a file is checked")
  func imports() throws {
    let source = try Sandbox.withFirm()
    let id = try source.ok(arguments: open(["--allow-out-of-scope", "x"], type: "other"))
      .trimmingCharacters(in: .whitespacesAndNewlines)
    try source.ok("case", "act", id, "accept")
    // The same history as one recorded before the rule: no reason, debtor of type other.
    let export = try source.ok("export", "cases", "--format", "json")
      .replacingOccurrences(of: "\"outOfScope\": \"x\"", with: "\"outOfScope\": null")
    #expect(!export.contains("\"x\""), "\(export)")
    let target = try Sandbox.withFirm()
    try target.ok("import", "cases", try write(target, "cases.json", export))
    let restored = try target.run("case", "show", id, "--json").object()
    #expect(restored["state"] as? String == "accepted")
    #expect((restored["details"] as? [String: Any])?["debtorType"] as? String == "other")
    // A new case from a file is an opening like any other.
    let header =
      "kind,enterprise,openedAt,debtor,debtorType,amountOwed,paymentDueDate,deliveredOn\n"
    try refused(
      target,
      [
        "import", "cases",
        try write(
          target, "new.csv",
          header + "arrears,\(Codes.nanshan),2026-04-01,某局,other,5000,2026-03-01,\n"),
      ],
      saying: ["art. 2"])
    try target.ok(
      "import", "cases",
      try write(
        target, "ok.csv",
        header + "arrears,\(Codes.nanshan),2026-04-01,某局,government,5000,,2026-02-20\n"))
    let list = try target.run("case", "list", "--json").object()
    let items = try #require(list["items"] as? [[String: Any]])
    #expect(items.count == 2)
  }

  @Test("relief interest raises an agreed rate below the contract day's LPR, with a warning")
  func interestCommand() throws {
    let sandbox = try Sandbox()
    let arguments = [
      "interest", "--amount", "1000000", "--due", "2026-03-31", "--until", "2026-04-30",
      "--annual-rate", "2%", "--json",
    ]
    // Without a contract date the agreed rate stands: 30 × 2% / 365 × 1,000,000 = 1,643.84.
    let plain = try sandbox.run(arguments: arguments)
    #expect(try plain.object()["interest"] as? String == "1643.84")
    #expect(plain.stderr.isEmpty)
    // Signed 2024-08-01: the LPR of 2024-07-22, 3.35%: 30 × 3.35% / 365 × 1,000,000 = 2,753.42.
    let raised = try sandbox.run(arguments: arguments + ["--contract-date", "2024-08-01"])
    let json = try raised.object()
    #expect(json["interest"] as? String == "2753.42")
    #expect(json["annualRate"] as? String == "3.35%")
    #expect(json["agreedAnnualRate"] as? String == "2%")
    #expect(json["lprDate"] as? String == "2024-07-22")
    #expect(raised.stderr.contains("the agreed rate 2% is below the one-year LPR 3.35%"))
    // A rate at or above the LPR stands, without a warning.
    let above = try sandbox.run(
      arguments: [
        "interest", "--amount", "1000000", "--due", "2026-03-31", "--until", "2026-04-30",
        "--annual-rate", "3.45%", "--contract-date", "2024-08-01", "--json",
      ])
    #expect(try above.object()["annualRate"] as? String == "3.45%")
    #expect(above.stderr.isEmpty)
  }

  @Test("case show raises a complaint's agreed rate to the LPR of its contract date")
  func caseShowRate() throws {
    let sandbox = try Sandbox.withFirm(now: "2026-04-30T18:00:00+08:00")
    let id = try sandbox.ok(
      arguments: open([
        "--annual-rate", "2%", "--contract-date", "2024-08-01", "--at", "2026-04-01",
      ])
    ).trimmingCharacters(in: .whitespacesAndNewlines)
    let shown = try sandbox.run("case", "show", id, "--json").object()
    let interest = try #require(shown["interest"] as? [String: Any])
    // 5,000 × 3.35% / 365 × 30 days = 13.767… → 13.77.
    #expect(interest["amount"] as? String == "13.77")
    #expect(interest["annualRate"] as? String == "3.35%")
    #expect(interest["agreedAnnualRate"] as? String == "2%")
    #expect((shown["warnings"] as? [String])?.contains("rate-raised-to-lpr") == true)
    #expect((shown["details"] as? [String: Any])?["contractDate"] as? String == "2024-08-01")
    let card = try sandbox.ok("case", "show", id)
    #expect(card.contains("the agreed rate 2% is below the one-year LPR 3.35%"))
  }

  @Test("later LPR values import from a date,rate file into the database, all or nothing")
  func lprImport() throws {
    let sandbox = try Sandbox()
    let before = try sandbox.snapshot()
    let bad = try sandbox.run(
      "lpr", "import", try write(sandbox, "bad.csv", "date,rate\n2026-02-20,2.90%\n2026-03-20,x\n"))
    #expect(bad.status == 1)
    #expect(bad.stderr.contains("line 3"))
    #expect(try sandbox.snapshot() == before)
    try refused(
      sandbox, ["lpr", "import", try write(sandbox, "old.csv", "2019-08-19,4.31%\n")],
      saying: ["2019-08-20"])
    #expect(
      try sandbox.ok("lpr", "import", try write(sandbox, "ok.csv", "date,rate\n2026-02-20,2.90%\n"))
        .contains("1 one-year LPR values imported"))
    let list = try #require(
      try JSONSerialization.jsonObject(with: Data(try sandbox.ok("lpr", "list", "--json").utf8))
        as? [[String: Any]])
    #expect(list.first?["date"] as? String == "2019-08-20")
    #expect(list.first?["rate"] as? String == "4.25%")
    #expect(list.last?["date"] as? String == "2026-02-20")
    #expect(list.last?["source"] as? String == "imported")
    // A contract signed after the imported change: 2.5% is raised to 2.9%.
    let json = try sandbox.run(
      "interest", "--amount", "1000000", "--due", "2026-03-31", "--until", "2026-04-30",
      "--annual-rate", "2.5%", "--contract-date", "2026-03-01", "--json"
    ).object()
    #expect(json["annualRate"] as? String == "2.9%")
  }

  @Test("sectors of the standard size a firm by its figures, total assets where it says so")
  func sectors() throws {
    let sandbox = try Sandbox()
    func size(_ arguments: [String]) throws -> String? {
      let added = try sandbox.run(arguments: ["enterprise", "add", "--json"] + arguments).object()
      return added["size"] as? String
    }
    // Construction: large from 800 million revenue and 800 million assets.
    #expect(
      try size([
        "--uscc", Codes.nanshan, "--name", "甲建设", "--region", "440305", "--sector",
        "construction", "--revenue", "8亿", "--assets", "8亿",
      ]) == "large")
    #expect(
      try size([
        "--uscc", Codes.nanshan2, "--name", "乙建设", "--region", "440305", "--sector",
        "construction", "--revenue", "8亿", "--assets", "799999999.99",
      ]) == "medium")
    // Other sectors: staff alone.
    #expect(
      try size([
        "--uscc", Codes.futian, "--name", "丙", "--region", "440304", "--sector", "other",
        "--employees", "100",
      ]) == "medium")
    // A name Relief always had still works.
    #expect(
      try size([
        "--uscc", Codes.tianhe, "--name", "丁", "--region", "440106", "--sector", "industry",
        "--employees", "20", "--revenue", "300万",
      ]) == "small")
    try refused(
      sandbox,
      [
        "enterprise", "add", "--uscc", Codes.xihu, "--name", "戊", "--region", "330106", "--sector",
        "leasing-and-business-services", "--employees", "300", "--assets", "12亿", "--size", "small",
      ], saying: ["large"])
    let shown = try sandbox.run("enterprise", "show", Codes.nanshan, "--json").object()
    #expect(shown["assets"] as? String == "800000000.00")
    #expect(shown["sector"] as? String == "construction")
  }

  @Test("total assets import and export with an enterprise, and size it")
  func assetsColumn() throws {
    let sandbox = try Sandbox()
    let file = try write(
      sandbox, "e.csv",
      "uscc,name,region,sector,revenue,assets\n"
        + "\(Codes.nanshan),某房地产开发有限公司,440305,real-estate-development,20亿,1亿\n"
        + "\(Codes.tianhe),某租赁有限公司,440106,leasing-and-business-services,,7999万\n")
    try sandbox.ok("import", "enterprises", file)
    let first = try sandbox.run("enterprise", "show", Codes.nanshan, "--json").object()
    #expect(first["size"] as? String == "large")
    #expect(first["assets"] as? String == "100000000.00")
    // Leasing is sized by staff and assets: without staff the size is not derived.
    let second = try sandbox.run("enterprise", "show", Codes.tianhe, "--json").object()
    #expect(second["size"] == nil || second["size"] is NSNull)
    let csv = try sandbox.ok("export", "enterprises", "--format", "csv")
    #expect(csv.hasPrefix("uscc,name,region,size,sector,employees,revenue,assets,"))
    #expect(csv.contains("100000000.00"))
  }
}
