import Foundation
import Testing

/// Reads what the report commands write, the way a spreadsheet, a Markdown viewer or a browser
/// would, without trusting the code that wrote it.
enum ReadBack {
  /// RFC 4180 records: quoted fields may hold commas, quotes (doubled) and line breaks.
  static func csv(_ text: String) -> [[String]] {
    var records: [[String]] = []
    var record: [String] = []
    var field = ""
    var quoted = false
    var characters = Array(text)[...]
    while let character = characters.popFirst() {
      if quoted {
        if character == "\"" {
          if characters.first == "\"" {
            field.append("\"")
            characters = characters.dropFirst()
          } else {
            quoted = false
          }
        } else {
          field.append(character)
        }
      } else if character == "\"" {
        quoted = true
      } else if character == "," {
        record.append(field)
        field = ""
      } else if character == "\r\n" || character == "\n" {
        record.append(field)
        records.append(record)
        record = []
        field = ""
      } else {
        field.append(character)
      }
    }
    if !field.isEmpty || !record.isEmpty {
      record.append(field)
      records.append(record)
    }
    return records
  }

  /// The cells of a Markdown table row: split at pipes that are not escaped.
  static func markdownCells(_ line: String) -> [String] {
    var cells: [String] = []
    var current = ""
    var escaped = false
    for character in line.dropFirst() {
      if escaped {
        current.append(character)
        escaped = false
      } else if character == "\\" {
        escaped = true
      } else if character == "|" {
        cells.append(current.trimmingCharacters(in: .whitespaces))
        current = ""
      } else {
        current.append(character)
      }
    }
    return cells
  }

  /// The tables of a Markdown document: runs of lines starting with a pipe.
  static func markdownTables(_ text: String) -> [[String]] {
    var tables: [[String]] = []
    var current: [String] = []
    for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
      if line.hasPrefix("|") {
        current.append(String(line))
      } else if !current.isEmpty {
        tables.append(current)
        current = []
      }
    }
    if !current.isEmpty { tables.append(current) }
    return tables
  }

  /// The open elements left, or the first mismatch: nil when every element that opens closes
  /// in order (void and self-closed elements aside).
  static func htmlNestingProblem(_ html: String) -> String? {
    let void: Set<String> = ["meta", "br", "hr", "img", "link", "input", "area", "base", "col"]
    var stack: [String] = []
    var rest = html[...]
    while let open = rest.firstIndex(of: "<") {
      rest = rest[rest.index(after: open)...]
      guard let close = rest.firstIndex(of: ">") else { return "unclosed tag" }
      let tag = rest[..<close]
      rest = rest[rest.index(after: close)...]
      if tag.hasPrefix("!") { continue }
      let isEnd = tag.hasPrefix("/")
      let name = (isEnd ? tag.dropFirst() : tag).prefix(while: { $0.isLetter || $0.isNumber })
        .lowercased()
      if name.isEmpty { return "bad tag <\(tag)>" }
      if isEnd {
        guard stack.last == name else { return "</\(name)> closes <\(stack.last ?? "nothing")>" }
        stack.removeLast()
      } else if !void.contains(name) && !tag.hasSuffix("/") {
        stack.append(name)
      }
    }
    return stack.isEmpty ? nil : "unclosed <\(stack.joined(separator: "> <"))>"
  }
}

@Suite("relief report, end to end")
struct ReportEndToEndTests {
  /// March 2026 through the command line: two complaints, one at 23:30 on 31 March and one at
  /// 00:30 on 1 April, a payment at 23:30 on 31 March, two services.
  func sandboxWithMonth() throws -> Sandbox {
    let sandbox = try Sandbox()
    for (code, name, region) in [
      (Codes.nanshan, "深圳市星河科技有限公司", "440305"), (Codes.tianhe, "广州市华信电子有限公司", "440106"),
      (Codes.xihu, "杭州市云帆软件有限公司", "330106"),
    ] {
      try sandbox.ok("enterprise", "add", "--uscc", code, "--name", name, "--region", region)
    }
    func complaint(_ code: String, _ debtor: String, _ amount: String, at: String) throws -> String
    {
      try sandbox.ok(
        "case", "open", "arrears", "--enterprise", code, "--debtor", debtor, "--debtor-type",
        "government", "--amount", amount, "--payment-due", "2026-01-31", "--at", at
      ).trimmingCharacters(in: .whitespacesAndNewlines)
    }
    let first = try complaint(Codes.nanshan, "深圳市某区住房和建设局", "1250000", at: "2026-03-02T09:00")
    try sandbox.ok("case", "act", first, "accept", "--at", "2026-03-03T10:00")
    try sandbox.ok("case", "act", first, "transfer", "--to", "市工业和信息化局", "--at", "2026-03-05")
    try sandbox.ok("case", "act", first, "pay", "--amount", "300000", "--at", "2026-03-31T23:30")
    _ = try complaint(Codes.tianhe, "广州某职业技术学院", "500000", at: "2026-03-31T23:30")
    _ = try complaint(Codes.nanshan, "深圳市某区住房和建设局", "80000", at: "2026-04-01T00:30")
    try sandbox.ok(
      "service", "log", "--type", "policy-briefing", "--date", "2026-03-10", "--count", "200",
      "--region", "440305", "--campaign", "惠企政策进万企")
    try sandbox.ok(
      "service", "log", "--type", "on-site-visit", "--date", "2026-03-31", "--enterprise",
      Codes.nanshan, "--enterprise", Codes.tianhe)
    return sandbox
  }

  @Test("JSON has every figure under the keys of the specification, counted in the right month")
  func json() throws {
    let sandbox = try sandboxWithMonth()
    let json = try sandbox.run("report", "monthly", "--month", "2026-03", "--json").object()
    #expect(json["month"] as? String == "2026-03")
    #expect(json["region"] is NSNull)
    #expect(json["timezone"] as? String == "Asia/Shanghai")
    #expect(json["generatedAt"] as? String == "2026-04-28T09:30:00+08:00")
    let cases = try #require(json["cases"] as? [String: [String: Any]])
    #expect(Set(cases.keys) == ["arrears", "tax-refund", "whitelist", "cultivation", "total"])
    for (kind, figures) in cases {
      for key in [
        "opened", "closed", "openAtEnd", "overdueAtEnd", "onTimeRate", "medianDaysToClose",
      ] {
        #expect(figures[key] != nil, "cases.\(kind).\(key)")
      }
    }
    #expect(cases["arrears"]?["opened"] as? Int == 2)
    #expect(cases["arrears"]?["openAtEnd"] as? Int == 2)
    #expect(cases["total"]?["onTimeRate"] is NSNull)
    let arrears = try #require(json["arrears"] as? [String: Any])
    #expect(arrears["received"] as? Int == 2)
    #expect(arrears["accepted"] as? Int == 1)
    #expect(arrears["transferred"] as? Int == 1)
    #expect(arrears["transferredOnTime"] as? Int == 1)
    #expect(arrears["amountClaimed"] as? String == "1750000.00")
    #expect(arrears["amountRecovered"] as? String == "300000.00")
    let byType = try #require(arrears["byDebtorType"] as? [String: [String: Any]])
    #expect(byType["government"]?["received"] as? Int == 2)
    #expect((arrears["outcomes"] as? [String: Int])?["paid-in-full"] == 0)
    for key in ["taxRefund", "whitelist", "cultivation"] {
      #expect(json[key] is [String: Any], "\(key)")
    }
    let whitelist = try #require(json["whitelist"] as? [String: Any])
    #expect(whitelist["listedAtEnd"] as? Int == 0)
    let services = try #require(json["services"] as? [String: Any])
    #expect(services["activities"] as? Int == 2)
    #expect(services["enterprisesServed"] as? Int == 202)
    let comparisons = try #require(json["comparisons"] as? [String: [String: Any]])
    #expect(comparisons["previousMonth"]?["month"] as? String == "2026-02")
    #expect(comparisons["sameMonthLastYear"]?["month"] as? String == "2025-03")
    let change = try #require(comparisons["previousMonth"]?["change"] as? [String: Any])
    #expect(change["complaintsReceived"] is NSNull)
    #expect(((json["trend"] as? [String: Any])?.count) == 13)

    // April has the complaint of 00:30 on 1 April; its own month is still running.
    let april = try sandbox.run("report", "monthly", "--month", "2026-04", "--json").object()
    #expect((april["arrears"] as? [String: Any])?["received"] as? Int == 1)
    #expect(april["complete"] as? Bool == false)
    let aprilChange =
      (april["comparisons"] as? [String: [String: Any]])?["previousMonth"]?[
        "change"] as? [String: Any]
    #expect(aprilChange?["complaintsReceived"] as? String == "-50.0")
  }

  @Test("a region filter keeps the enterprises and services of that region")
  func region() throws {
    let sandbox = try sandboxWithMonth()
    let shenzhen = try sandbox.run(
      "report", "monthly", "--month", "2026-03", "--region", "4403", "--json"
    ).object()
    #expect(shenzhen["region"] as? String == "4403")
    #expect((shenzhen["arrears"] as? [String: Any])?["received"] as? Int == 1)
    #expect((shenzhen["services"] as? [String: Any])?["enterprisesServed"] as? Int == 202)
    let zhejiang = try sandbox.run(
      "report", "monthly", "--month", "2026-03", "--region", "33", "--json"
    ).object()
    #expect((zhejiang["arrears"] as? [String: Any])?["received"] as? Int == 0)
    let bad = try sandbox.run("report", "monthly", "--month", "2026-03", "--region", "4")
    #expect(bad.status == 1)
    #expect(bad.stderr.hasPrefix("error: "))
  }

  @Test("the same month gives the same figures when run again, also after later events")
  func reproducible() throws {
    let sandbox = try sandboxWithMonth()
    let first = try sandbox.ok("report", "monthly", "--month", "2026-03", "--format", "csv")
    try sandbox.ok(
      "service", "log", "--type", "training", "--date", "2026-04-20", "--count", "30", "--region",
      "440305")
    let list = try sandbox.run("case", "list", "--json").object()
    let ids = (list["items"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
    try sandbox.ok("case", "act", try #require(ids.last), "pay", "--amount", "1000")
    let later = try sandbox.run(
      "report", "monthly", "--month", "2026-03", "--format", "csv",
      environment: ["RELIEF_NOW": "2026-05-06T08:00:00+08:00"])
    #expect(later.status == 0)
    let strip = { (text: String) in
      text.split(separator: "\r\n").filter { !$0.hasPrefix("generatedAt,") }
    }
    #expect(strip(later.stdout) == strip(first))
  }

  @Test("CSV parses with its header row, one figure per row, the values of the JSON")
  func csv() throws {
    let sandbox = try sandboxWithMonth()
    let text = try sandbox.ok("report", "monthly", "--month", "2026-03", "--format", "csv")
    let records = ReadBack.csv(text)
    #expect(records.first == ["figure", "value"])
    #expect(records.allSatisfy { $0.count == 2 })
    let values = Dictionary(
      records.dropFirst().map { ($0[0], $0[1]) }, uniquingKeysWith: { a, _ in a })
    #expect(values["month"] == "2026-03")
    #expect(values["region"] == "")
    #expect(values["cases.arrears.opened"] == "2")
    #expect(values["arrears.amountRecovered"] == "300000.00")
    #expect(values["services.byType.policy-briefing.enterprisesServed"] == "200")
    #expect(values["comparisons.previousMonth.month"] == "2026-02")
    #expect(values["byRegion.4403.amountRecovered"] == "300000.00")
    #expect(records.count > 150)
  }

  @Test("Markdown tables are well formed: as many cells in every row as in the header")
  func markdown() throws {
    let sandbox = try sandboxWithMonth()
    for language in ["en", "zh"] {
      let text = try sandbox.ok(
        "report", "monthly", "--month", "2026-03", "--format", "markdown", "--lang", language)
      #expect(text.hasPrefix("# "))
      let tables = ReadBack.markdownTables(text)
      #expect(tables.count >= 10)
      for table in tables {
        let width = ReadBack.markdownCells(table[0]).count
        #expect(width >= 2)
        #expect(table.count >= 3)
        let separator = ReadBack.markdownCells(table[1])
        #expect(separator.allSatisfy { $0 == "---" || $0 == "---:" }, "\(table[1])")
        for row in table {
          #expect(ReadBack.markdownCells(row).count == width, "\(row)")
        }
      }
      if language == "zh" { #expect(text.contains("2026-03 中小企业服务工作月报")) }
    }
  }

  @Test("the HTML page is self-contained, well formed, and made for A4")
  func html() throws {
    let sandbox = try sandboxWithMonth()
    for language in ["en", "zh"] {
      let page = try sandbox.ok(
        "report", "monthly", "--month", "2026-03", "--format", "html", "--lang", language)
      #expect(page.hasPrefix("<!DOCTYPE html>"))
      #expect(!page.lowercased().contains("<script"))
      #expect(!page.contains("http://"))
      #expect(!page.contains("https://"))
      #expect(!page.contains("@import"))
      #expect(!page.contains("url("))
      #expect(page.contains("@page { size: A4"))
      #expect(page.components(separatedBy: "<svg").count - 1 == 4)
      #expect(ReadBack.htmlNestingProblem(page) == nil)
    }
    // The checker itself catches what it is for.
    #expect(ReadBack.htmlNestingProblem("<div><p></div>") != nil)
    #expect(ReadBack.htmlNestingProblem("<section><p>a<br>b</p></section>") == nil)
    let english = try sandbox.ok("report", "monthly", "--month", "2026-03", "--format", "html")
    #expect(english.contains("Complaints received"))
    #expect(english.contains("300,000.00"))
  }

  @Test("--output writes the file in the format its extension names")
  func output() throws {
    let sandbox = try sandboxWithMonth()
    let result = try sandbox.run(
      "report", "monthly", "--month", "2026-03", "--output", "march.html")
    #expect(result.status == 0)
    #expect(result.stdout.isEmpty)
    #expect(result.stderr.contains("march.html"))
    let written = try String(
      contentsOf: sandbox.folder.appendingPathComponent("march.html"), encoding: .utf8)
    #expect(
      written == (try sandbox.ok("report", "monthly", "--month", "2026-03", "--format", "html")))
    try sandbox.ok("report", "monthly", "--month", "2026-03", "--output", "march.txt")
    let text = try String(
      contentsOf: sandbox.folder.appendingPathComponent("march.txt"), encoding: .utf8)
    #expect(text.hasPrefix("Monthly service summary, 2026-03"))
    #expect(!text.contains("\u{1B}["))
  }

  @Test("refused months print error: and change nothing")
  func refusals() throws {
    let sandbox = try sandboxWithMonth()
    let before = try sandbox.snapshot()
    for arguments in [
      ["--month", "2026-13"], ["--month", "March"], ["--month", "2026-05"],
      ["--month", "2026-04", "--freeze"],
    ] {
      let result = try sandbox.run(arguments: ["report", "monthly"] + arguments)
      #expect(result.status == 1, "\(arguments)")
      #expect(result.stderr.hasPrefix("error: "), "\(arguments)")
    }
    let conflicting = try sandbox.run("report", "monthly", "--json", "--format", "csv")
    #expect(conflicting.status == 64)
    #expect(try sandbox.snapshot() == before)
  }

  @Test("a frozen month says it is unchanged, then lists what a backdated event changed")
  func freeze() throws {
    let sandbox = try sandboxWithMonth()
    let frozen = try sandbox.ok("report", "monthly", "--month", "2026-03", "--freeze")
    #expect(frozen.contains("Frozen now as submitted"))
    let again = try sandbox.ok("report", "monthly", "--month", "2026-03")
    #expect(again.contains("the figures have not changed since"))
    var json = try sandbox.run("report", "monthly", "--month", "2026-03", "--json").object()
    #expect((json["frozen"] as? [String: Any])?["changed"] as? Bool == false)

    // A complaint taken by phone on 15 March, logged late.
    try sandbox.ok(
      "case", "open", "arrears", "--enterprise", Codes.xihu, "--debtor", "杭州某国有企业",
      "--debtor-type", "large-enterprise", "--amount", "60000", "--payment-due", "2026-01-15",
      "--at", "2026-03-15T10:00")
    let changed = try sandbox.ok("report", "monthly", "--month", "2026-03")
    #expect(changed.contains("figures differ now"))
    #expect(changed.contains("cases.arrears.opened"))
    json = try sandbox.run("report", "monthly", "--month", "2026-03", "--json").object()
    let status = try #require(json["frozen"] as? [String: Any])
    #expect(status["changed"] as? Bool == true)
    let differences = try #require(status["differences"] as? [[String: Any]])
    let byFigure = Dictionary(
      differences.compactMap { entry in (entry["figure"] as? String).map { ($0, entry) } },
      uniquingKeysWith: { a, _ in a })
    #expect(byFigure["cases.arrears.opened"]?["frozen"] as? Int == 2)
    #expect(byFigure["cases.arrears.opened"]?["now"] as? Int == 3)
    #expect(byFigure["arrears.amountClaimed"]?["now"] as? String == "1810000.00")
    #expect(byFigure["byRegion.3301.complaintsReceived"]?["frozen"] is NSNull)
    #expect(byFigure["generatedAt"] == nil)
    #expect(byFigure["cases.whitelist.opened"] == nil)

    // A second freeze is kept beside the first, and becomes the one compared with.
    let later = ["RELIEF_NOW": "2026-04-29T10:00:00+08:00"]
    #expect(
      try sandbox.run(
        "report", "monthly", "--month", "2026-03", "--freeze", environment: later
      ).status == 0)
    let latest = try sandbox.run(
      "report", "monthly", "--month", "2026-03", "--json", environment: later
    ).object()
    let latestStatus = try #require(latest["frozen"] as? [String: Any])
    #expect((latestStatus["freezes"] as? [Any])?.count == 2)
    #expect(latestStatus["changed"] as? Bool == false)
    #expect(try sandbox.snapshot().components(separatedBy: "month:\"2026-03\"").count - 1 == 2)
  }

  @Test("overdue, workload and debtor reports")
  func workingReports() throws {
    let sandbox = try sandboxWithMonth()
    let list = try sandbox.run("case", "list", "--json").object()
    let ids = (list["items"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }.sorted()
    try sandbox.ok("case", "supervise", ids[0], "--reason", "超期未办结")

    let overdue = try sandbox.run("report", "overdue", "--json").object()
    let items = try #require(overdue["items"] as? [[String: Any]])
    #expect(items.map { $0["id"] as? String } == ids)
    // Transferred 5 March: the result was due 7 April (30 days end on a holiday). Today is 28 April.
    #expect(items[0]["dueDate"] as? String == "2026-04-07")
    #expect(items[0]["daysOverdue"] as? Int == 21)
    #expect(items[0]["supervisionLevel"] as? Int == 1)
    #expect(items[1]["daysOverdue"] as? Int == 13)
    let text = try sandbox.ok("report", "overdue", "--limit", "1")
    #expect(text.contains(ids[0]))
    #expect(text.contains("1 of 3 shown"))
    let none = try sandbox.run("report", "overdue", "--region", "33", "--json").object()
    #expect(none["total"] as? Int == 0)

    let workload = try sandbox.run("report", "workload", "--json").object()
    let officers = try #require(workload["officers"] as? [[String: Any]])
    #expect(officers.count == 1)
    #expect(officers[0]["officer"] as? String == "tester")
    #expect(officers[0]["open"] as? Int == 3)
    #expect(officers[0]["overdue"] as? Int == 3)
    #expect(workload["month"] as? String == "2026-04")
    #expect(try sandbox.ok("report", "workload").contains("tester"))

    let debtors = try sandbox.run("report", "debtors", "--json").object()
    let rows = try #require(debtors["items"] as? [[String: Any]])
    #expect(rows.count == 2)
    #expect(rows[0]["debtor"] as? String == "深圳市某区住房和建设局")
    #expect(rows[0]["complaints"] as? Int == 2)
    #expect(rows[0]["outstanding"] as? String == "1030000.00")
    #expect(rows[0]["repeat"] as? Bool == true)
    #expect(rows[1]["repeat"] as? Bool == false)
    #expect(try sandbox.ok("report", "debtors").contains("repeat"))
  }
}
