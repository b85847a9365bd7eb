import Foundation
import GRDB
import Testing

/// Import, export, search, backup and check through the built `relief`.
@Suite("relief import, export, search and db, end to end")
struct DataEndToEndTests {
  /// Writes a file into the sandbox and returns its path.
  @discardableResult
  func write(_ sandbox: Sandbox, _ name: String, _ data: Data) throws -> String {
    let url = sandbox.folder.appendingPathComponent(name)
    try data.write(to: url)
    return url.path
  }

  func write(_ sandbox: Sandbox, _ name: String, _ text: String) throws -> String {
    try write(sandbox, name, Data(text.utf8))
  }

  static let enterprisesCSV = """
    uscc,name,region,sector,employees,revenue,contact
    \(Codes.nanshan),深圳市星河科技有限公司,440305,software-and-it,120,"12,000,000",王伟
    \(Codes.tianhe),"广州市华信电子有限公司, 天河分公司",440106,,,,
    \(Codes.xihu),"杭州市""西湖""软件有限公司",330106,,,,"李娜"
    \(Codes.futian),Acme Robotics 深圳,440304,,,,
    ,,,,,,
     , ,,,,,

    """

  @Test("a file with bad rows in the middle imports nothing and names every bad line")
  func badRows() throws {
    let sandbox = try Sandbox()
    let before = try sandbox.snapshot()
    let file = try write(
      sandbox, "firms.csv",
      """
      uscc,name,region,size,sector,employees,revenue
      \(Codes.nanshan),深圳市星河科技有限公司,440305,,,,
      \(Codes.tianhe),"广州市华信电子
      有限公司",440106,,,,
      91440304MA5G2K3L7X,福田公司,440304,,,,
      \(Codes.xihu),杭州公司,330106,small,software-and-it,120,12000000
      \(Codes.nanshan),重复公司,440305,,,,
      \(Codes.examples[0]),上海公司,310110,,,12x,
      \(Codes.examples[1]),厦门公司,350200,,,,1.005
      \(Codes.examples[2]),泉州公司,990000,,,,
      \(Codes.nanshan2),好公司,440305,,,
      \(Codes.futian),"未闭合,440304,,,,

      """)
    let result = try sandbox.run("import", "enterprises", file)
    #expect(result.status == 1)
    #expect(result.stdout.isEmpty)
    let lines = result.stderr.split(separator: "\n").map(String.init)
    #expect(lines.first?.contains("firms.csv: 9 of 10 records are bad") == true, "\(lines)")
    let expected = [
      "line 3: name contains a control character (U+000A); remove it",
      "line 5: 91440304MA5G2K3L7X: the check character should be P, not X",
      "line 6: size small contradicts the figures, which make the enterprise medium",
      "line 7: \(Codes.nanshan) appears twice in the file (first on line 2)",
      "line 8: employees: '12x' is not a whole number",
      "line 9: revenue: '1.005' has more than two decimal places of yuan",
      "line 10: region: '990000': 99 is no province code of GB/T 2260",
      "line 11: has 6 fields; the header has 7",
      "line 12: a quoted field is never closed; add the closing double quote",
    ]
    #expect(lines.count == expected.count + 1, "\(result.stderr)")
    for (line, prefix) in zip(lines.dropFirst(), expected) {
      #expect(line.hasPrefix(prefix), "\(line)")
    }
    #expect(try sandbox.snapshot() == before)
  }

  @Test("--dry-run checks the whole file, reports, and writes nothing")
  func dryRun() throws {
    let sandbox = try Sandbox()
    let before = try sandbox.snapshot()
    let file = try write(sandbox, "firms.csv", Self.enterprisesCSV)
    let checked = try sandbox.ok("import", "enterprises", file, "--dry-run")
    #expect(checked.contains("Checked 4 enterprises"))
    #expect(try sandbox.snapshot() == before)
    let json = try sandbox.run("import", "enterprises", file, "--dry-run", "--json").object()
    #expect(json["records"] as? Int == 4)
    #expect(json["dryRun"] as? Bool == true)
    #expect(try sandbox.snapshot() == before)
  }

  @Test("quoted commas, doubled quotes and line breaks arrive intact; sizes are derived")
  func quotedFields() throws {
    let sandbox = try Sandbox()
    let file = try write(sandbox, "firms.csv", Self.enterprisesCSV)
    #expect(try sandbox.ok("import", "enterprises", file).contains("Imported 4 enterprises"))
    let tianhe = try sandbox.run("enterprise", "show", Codes.tianhe, "--json").object()
    #expect(tianhe["name"] as? String == "广州市华信电子有限公司, 天河分公司")
    let xihu = try sandbox.run("enterprise", "show", Codes.xihu, "--json").object()
    #expect(xihu["name"] as? String == "杭州市\"西湖\"软件有限公司")
    let nanshan = try sandbox.run("enterprise", "show", Codes.nanshan, "--json").object()
    #expect(nanshan["size"] as? String == "medium")
    #expect(nanshan["revenue"] as? String == "12000000.00")
    #expect(xihu["contact"] as? String == "李娜")
    // Notes may run over several lines; the records after them keep their line numbers.
    let services = try write(
      sandbox, "s.csv",
      "type,date,enterprises,note\r\ntraining,2026-04-10,\(Codes.nanshan),\"上午培训，\r\n下午\"\"交流\"\"\"\r\n"
        + "party,2026-04-11,,\r\n")
    let refused = try sandbox.run("import", "services", services)
    #expect(refused.stderr.contains("line 4: type: 'party' is not one of"), "\(refused.stderr)")
    try sandbox.ok(
      "import", "services",
      try write(
        sandbox, "s2.csv",
        "type,date,enterprises,note\r\ntraining,2026-04-10,\(Codes.nanshan),\"上午培训，\r\n下午\"\"交流\"\"\"\r\n"
      ))
    let exported =
      try sandbox.run("export", "services", "--format", "json").json() as? [[String: Any]]
    #expect(exported?.first?["note"] as? String == "上午培训，\n下午\"交流\"")
  }

  @Test("GB18030 (as Excel saves on Chinese Windows) and UTF-8 with a BOM are read alike")
  func encodings() throws {
    let text = "uscc,name,region\r\n\(Codes.nanshan),深圳市星河科技有限公司,440305\r\n"
    let gb = try #require(text.data(using: String.Encoding(rawValue: 0x8000_0632)))
    let bom = Data([0xEF, 0xBB, 0xBF]) + Data(text.utf8)
    for (name, data, arguments) in [
      ("gb.csv", gb, [String]()), ("gb-told.csv", gb, ["--encoding", "gb18030"]),
      ("bom.csv", bom, []), ("bom-told.csv", bom, ["--encoding", "utf-8"]),
    ] {
      let sandbox = try Sandbox()
      let file = try write(sandbox, name, data)
      let output = try sandbox.ok(arguments: ["import", "enterprises", file] + arguments)
      #expect(output.contains(name.hasPrefix("gb") ? "GB18030" : "UTF-8"), "\(name)")
      let shown = try sandbox.run("enterprise", "show", Codes.nanshan, "--json").object()
      #expect(shown["name"] as? String == "深圳市星河科技有限公司", "\(name)")
    }
    let sandbox = try Sandbox()
    let refused = try sandbox.run(
      "import", "enterprises", try write(sandbox, "gb.csv", gb), "--encoding", "utf-8")
    #expect(refused.status == 1)
    #expect(refused.stderr.contains("not valid utf-8 (line 2)"))
  }

  @Test("an unknown column, a missing header or a missing required column refuses the file")
  func headers() throws {
    let sandbox = try Sandbox()
    let before = try sandbox.snapshot()
    let cases: [(String, String)] = [
      ("uscc,name,region,colour\n\(Codes.nanshan),甲,440305,red\n", "unknown column(s) colour"),
      ("\(Codes.nanshan),甲,440305\n", "the first line must name the columns"),
      ("uscc,name\n\(Codes.nanshan),甲\n", "lacks the required column(s) region"),
      ("uscc,name,region,name\n", "names the column name twice"),
      ("", "the file is empty"),
    ]
    for (text, message) in cases {
      let result = try sandbox.run("import", "enterprises", try write(sandbox, "x.csv", text))
      #expect(result.status == 1)
      #expect(result.stderr.contains(message), "\(result.stderr)")
    }
    let missing = try sandbox.run(
      "import", "enterprises", sandbox.folder.appendingPathComponent("no.csv").path)
    #expect(missing.stderr.contains("No such file or directory"), "\(missing.stderr)")
    let directory = sandbox.folder.appendingPathComponent("folder.csv")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    let folder = try sandbox.run("import", "enterprises", directory.path)
    #expect(folder.stderr.contains("Is a directory"), "\(folder.stderr)")
    let json = try sandbox.run(
      "import", "enterprises",
      try write(
        sandbox, "x.json",
        "[{\"uscc\": \"\(Codes.nanshan)\", \"name\": \"甲\", \"region\": \"440305\", \"colour\": 1}]"
      ))
    #expect(json.stderr.contains("line 1: colour: not a known key"), "\(json.stderr)")
    let cases2 = try sandbox.run(
      "import", "cases", try write(sandbox, "c.csv", "kind,enterprise,state\narrears,x,closed\n"))
    #expect(cases2.stderr.contains("state cannot be imported into a new case"), "\(cases2.stderr)")
    #expect(try sandbox.snapshot() == before)
  }

  @Test("cases open from CSV at their openedAt, numbered per kind and year; rows are checked")
  func casesFromCSV() throws {
    let sandbox = try Sandbox()
    try sandbox.ok("import", "enterprises", try write(sandbox, "e.csv", Self.enterprisesCSV))
    let header =
      "kind,enterprise,openedAt,title,debtor,debtorType,amountOwed,paymentDueDate,reliefType,amountClaimed,tier,category,chain\n"
    let bad = try write(
      sandbox, "bad.csv",
      header
        + "arrears,\(Codes.nanshan),2026-04-01,,某局,government,125万,2026-03-31,,,,,\n"
        + "arrears,\(Codes.nanshan),2026-04-01,,某局,government,,2026-03-31,,,,,\n"
        + "tax-refund,\(Codes.tianhe),2026-04-02,,,,,,vat-credit-refund,5000,innovative,,\n"
        + "whitelist,\(Codes.nanshan2),2026-04-03,,,,,,,,,other,food\n"
        + "cultivation,\(Codes.tianhe),2026-05-03,,,,,,,,innovative,,\n")
    let refused = try sandbox.run("import", "cases", bad)
    #expect(refused.status == 1)
    #expect(refused.stderr.contains("line 3: amountOwed: is required for arrears cases"))
    #expect(refused.stderr.contains("line 4: tier: does not apply to tax-refund cases"))
    #expect(refused.stderr.contains("line 5: enterprise \(Codes.nanshan2) is not registered"))
    #expect(refused.stderr.contains("line 6: 2026-05-03T00:00:00+08:00 is in the future"))
    #expect(!refused.stderr.contains("line 2:"))
    let good = try write(
      sandbox, "good.csv",
      header
        + "arrears,\(Codes.nanshan),2026-04-01,,某区住房和建设局,government,125万,2026-03-31,,,,,\n"
        + "arrears,\(Codes.tianhe),2025-12-30T10:00:00+08:00,工程款,某局,government,5000,2025-11-30,,,,,\n"
        + "tax-refund,\(Codes.tianhe),2026-04-02,,,,,,vat-credit-refund,5000,,,\n"
        + "cultivation,\(Codes.tianhe),2026-04-03,,,,,,,,innovative,,\n")
    #expect(try sandbox.ok("import", "cases", good).contains("Imported 4 cases"))
    let list = try sandbox.run("case", "list", "--json", "--limit", "0").object()
    let items = try #require(list["items"] as? [[String: Any]])
    #expect(
      Set(items.compactMap { $0["id"] as? String }) == [
        "AR-2026-000001", "AR-2025-000001", "TR-2026-000001", "CG-2026-000001",
      ])
    let complaint = try sandbox.run("case", "show", "AR-2026-000001", "--json").object()
    #expect(complaint["title"] as? String == "某区住房和建设局")
    #expect(complaint["openedAt"] as? String == "2026-04-01T00:00:00+08:00")
    #expect(complaint["assignee"] as? String == "tester")
    #expect((complaint["details"] as? [String: Any])?["amountOwed"] as? String == "1250000.00")
    let tax = try sandbox.run("case", "show", "TR-2026-000001", "--json").object()
    #expect(tax["title"] as? String == "VAT credit refund")
    try sandbox.ok("db", "check")
  }

  /// A database with enterprises, cases of every kind in several states with notes and payments,
  /// and services.
  func populated() throws -> Sandbox {
    let sandbox = try Sandbox()
    try sandbox.ok("import", "enterprises", try write(sandbox, "e.csv", Self.enterprisesCSV))
    let complaint = try sandbox.ok(
      "case", "open", "arrears", "--enterprise", Codes.nanshan, "--debtor", "深圳市某区住房和建设局",
      "--debtor-type", "government", "--amount", "1,250,000", "--payment-due", "2026-03-31",
      "--at", "2026-04-01", "--annual-rate", "3.45%", "--contract", "HT-2025-118"
    ).trimmingCharacters(in: .whitespacesAndNewlines)
    for arguments in [
      ["accept", "--at", "2026-04-02T10:00"],
      ["transfer", "--to", "市工业和信息化局", "--at", "2026-04-03"],
      ["pay", "--amount", "50万", "--note", "首期款已到账"], ["extend", "--days", "20", "--reason", "复杂"],
    ] {
      try sandbox.ok(arguments: ["case", "act", complaint] + arguments)
    }
    try sandbox.ok("case", "note", complaint, "企业反映对接顺畅\n第二行")
    try sandbox.ok("case", "supervise", complaint, "--reason", "专项督办")
    try sandbox.ok("case", "assign", complaint, "wang.fang")
    let tax = try sandbox.ok(
      "case", "open", "tax-refund", "--enterprise", Codes.tianhe, "--relief-type",
      "vat-credit-refund", "--amount", "30000", "--tax-period", "2026-Q1"
    ).trimmingCharacters(in: .whitespacesAndNewlines)
    for event in [["review"], ["approve", "--amount", "20000"], ["disburse"]] {
      try sandbox.ok(arguments: ["case", "act", tax] + event)
    }
    let growth = try sandbox.ok(
      "case", "open", "cultivation", "--enterprise", Codes.tianhe, "--tier", "innovative", "--at",
      "2025-03-01"
    ).trimmingCharacters(in: .whitespacesAndNewlines)
    for event in [
      ["apply", "--at", "2025-03-02"], ["evaluate", "--score", "55", "--at", "2025-03-03"],
      ["recognize", "--fast-track", "省级重点", "--at", "2025-03-10"],
    ] {
      try sandbox.ok(arguments: ["case", "act", growth] + event)
    }
    let listing = try sandbox.ok(
      "case", "open", "whitelist", "--enterprise", Codes.nanshan, "--category", "medical-supplies",
      "--chain", "pharmaceuticals"
    ).trimmingCharacters(in: .whitespacesAndNewlines)
    for event in [["review"], ["approve"], ["recognize", "--region", "33"]] {
      try sandbox.ok(arguments: ["case", "act", listing] + event)
    }
    let withdrawn = try sandbox.ok(
      "case", "open", "arrears", "--enterprise", Codes.xihu, "--debtor", "Acme Holdings",
      "--debtor-type", "large-enterprise", "--amount", "8000", "--payment-due", "2026-02-01"
    ).trimmingCharacters(in: .whitespacesAndNewlines)
    try sandbox.ok("case", "act", withdrawn, "withdraw", "--reason", "企业主动撤回")
    try sandbox.ok(
      "import", "services",
      try write(
        sandbox, "s.csv",
        """
        type,date,region,enterprises,served,campaign,note
        training,2026-04-10,,\(Codes.tianhe);\(Codes.nanshan),,数字化转型,"上午培训,下午交流"
        policy-briefing,2026-04-12,440300,,200,惠企政策宣讲,
        on-site-visit,2026-04-15,,\(Codes.xihu),,,

        """))
    return sandbox
  }

  @Test("a JSON export imports into an empty database and exports again identically")
  func jsonRoundTrip() throws {
    let source = try populated()
    var exports: [String: String] = [:]
    for what in ["enterprises", "cases", "services", "events"] {
      exports[what] = try source.ok("export", what, "--format", "json")
    }
    try source.ok("db", "check")
    let target = try Sandbox()
    for what in ["enterprises", "cases", "services"] {
      let file = try write(target, "\(what).json", exports[what]!)
      #expect(try target.ok("import", what, file).contains("Imported"), "\(what)")
    }
    for what in ["enterprises", "cases", "services", "events"] {
      #expect(try target.ok("export", what, "--format", "json") == exports[what], "\(what)")
      #expect(
        try target.ok("export", what, "--format", "csv")
          == (try source.ok("export", what, "--format", "csv")), "\(what)")
    }
    try target.ok("db", "check")
    // The restored history is searchable, and a new case continues the numbering.
    #expect(try target.ok("search", "对接顺畅").contains("AR-2026-000001 #6"))
    let next = try target.ok(
      "case", "open", "arrears", "--enterprise", Codes.nanshan, "--debtor", "新欠款方",
      "--debtor-type", "government", "--amount", "1", "--payment-due", "2026-04-01")
    #expect(next.contains("AR-2026-000003"))
    // Importing the same cases again is refused case by case.
    let again = try target.run(
      "import", "cases", target.folder.appendingPathComponent("cases.json").path)
    #expect(again.stderr.contains("case AR-2026-000001 already exists"))
  }

  @Test("an edited JSON export is refused: a forged state or an impossible payment")
  func forgedExport() throws {
    let source = try populated()
    let exported = try source.ok("export", "cases", "--format", "json")
    let target = try Sandbox()
    try target.ok(
      "import", "enterprises",
      try write(target, "e.json", try source.ok("export", "enterprises", "--format", "json")))
    let before = try target.snapshot()
    let forgedState = exported.replacingOccurrences(
      of: "\"state\": \"disbursed\"", with: "\"state\": \"approved\"")
    let refused = try target.run("import", "cases", try write(target, "c.json", forgedState))
    #expect(
      refused.stderr.contains("the file says TR-2026-000001 is approved"), "\(refused.stderr)")
    let forgedPayment = exported.replacingOccurrences(
      of: "\"amount\": \"500000.00\"", with: "\"amount\": \"5000000.00\"")
    let refusedPayment = try target.run(
      "import", "cases", try write(target, "p.json", forgedPayment))
    #expect(
      refusedPayment.stderr.contains("would exceed the outstanding"), "\(refusedPayment.stderr)")
    let gap = try target.run(
      "import", "cases",
      try write(
        target, "g.json",
        exported.replacingOccurrences(of: "AR-2026-000002", with: "AR-2026-000005")))
    #expect(
      gap.stderr.contains("AR-2026-000005 would leave a gap: AR-2026-000004"), "\(gap.stderr)")
    // Named by the line its record starts on: the line before its id.
    let idLine = try #require(
      exported.split(separator: "\n", omittingEmptySubsequences: false).firstIndex {
        $0.contains("\"id\": \"AR-2026-000002\"")
      })
    #expect(gap.stderr.contains("line \(idLine):"), "\(gap.stderr)")
    #expect(try target.snapshot() == before)
  }

  @Test("--excel writes a BOM and CRLF; an enterprise CSV export imports back unchanged")
  func csvExport() throws {
    let source = try Sandbox()
    try source.ok("import", "enterprises", try write(source, "e.csv", Self.enterprisesCSV))
    let file = source.folder.appendingPathComponent("out/firms.csv")
    try FileManager.default.createDirectory(
      at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
    #expect(
      try source.ok("export", "enterprises", "--output", file.path, "--excel").contains(
        "Exported 4 enterprises"))
    let bytes = try Data(contentsOf: file)
    #expect(bytes.starts(with: [0xEF, 0xBB, 0xBF]))
    let text = String(decoding: bytes.dropFirst(3), as: UTF8.self)
    #expect(text.hasPrefix("uscc,name,region,size,sector,employees,revenue,"))
    #expect(text.components(separatedBy: "\r\n").count == 6)
    #expect(text.contains("\"广州市华信电子有限公司, 天河分公司\""))
    let attributes = try FileManager.default.attributesOfItem(atPath: file.path)
    #expect((attributes[.posixPermissions] as? Int) == 0o600)
    let target = try Sandbox()
    try target.ok("import", "enterprises", file.path)
    #expect(try target.ok("export", "enterprises") == (try source.ok("export", "enterprises")))
    #expect(try source.run("export", "cases", "--format", "json", "--excel").status == 1)
    // An export that fails leaves no file behind.
    let missing = source.folder.appendingPathComponent("nowhere/x.csv").path
    #expect(try source.run("export", "enterprises", "--output", missing).status == 1)
    #expect(!FileManager.default.fileExists(atPath: missing))
  }

  @Test("search finds 1, 2, 3 and more Chinese characters, Latin text in any case, and notes")
  func search() throws {
    let sandbox = try populated()
    func ids(_ words: String...) throws -> [String] {
      let json = try sandbox.run(arguments: ["search"] + words + ["--json"]).object()
      return (json["hits"] as? [[String: Any]] ?? []).map {
        "\($0["kind"] as? String ?? "?") \($0["id"] as? String ?? "?")"
      }
    }
    #expect(try ids("科") == ["enterprise \(Codes.nanshan)"])
    #expect(try ids("科技") == ["enterprise \(Codes.nanshan)"])
    #expect(try ids("星河科") == ["enterprise \(Codes.nanshan)"])
    #expect(try ids("星河科技有限公司") == ["enterprise \(Codes.nanshan)"])
    #expect(try ids("住房和建设局") == ["case AR-2026-000001"])
    #expect(try ids("acme") == ["enterprise \(Codes.futian)", "case AR-2026-000002"])
    #expect(try ids("ROBOTICS") == ["enterprise \(Codes.futian)"])
    #expect(try ids("ac", "深圳") == ["enterprise \(Codes.futian)"])
    #expect(try ids("首期") == ["note AR-2026-000001"])
    #expect(try ids("不存在").isEmpty)
    // A note added after the case was opened is found at once.
    try sandbox.ok("case", "note", "TR-2026-000001", "税务局已确认到账时间")
    #expect(try ids("到账") == ["note AR-2026-000001", "note TR-2026-000001"].reversed())
    let text = try sandbox.ok("search", "对接")
    #expect(text.contains("AR-2026-000001 #6"))
    #expect(text.contains("企业反映对接顺畅 第二行"))
    let zh = try sandbox.ok("--lang", "zh", "search", "星河")
    #expect(zh.contains("企业"))
    #expect(try sandbox.run("search", "  ").status == 1)
  }

  @Test("db backup is a 0600 file that passes db check, taken while another process writes")
  func backupWhileWriting() throws {
    let sandbox = try populated()
    let id = "AR-2026-000001"
    let writer = Process()
    writer.executableURL = URL(fileURLWithPath: "/bin/sh")
    writer.arguments = [
      "-c",
      "i=0; while [ $i -lt 40 ]; do \"$RELIEF\" case note \(id) \"备份测试 $i\" || exit 1; i=$((i+1)); done",
    ]
    writer.environment = sandbox.environment.merging(["RELIEF": try Sandbox.binary().path]) { $1 }
    writer.standardOutput = FileHandle.nullDevice
    try writer.run()
    var backups: [String] = []
    var duringWrites = 0
    while writer.isRunning || backups.count < 3 {
      let path = sandbox.folder.appendingPathComponent("backup-\(backups.count).sqlite").path
      if writer.isRunning { duringWrites += 1 }
      try sandbox.ok("db", "backup", path)
      backups.append(path)
    }
    writer.waitUntilExit()
    #expect(writer.terminationStatus == 0)
    #expect(duringWrites >= 1)
    var previous = 0
    for path in backups {
      let attributes = try FileManager.default.attributesOfItem(atPath: path)
      #expect((attributes[.posixPermissions] as? Int) == 0o600)
      #expect(!FileManager.default.fileExists(atPath: path + "-wal"))
      let check = try sandbox.run("--db", path, "db", "check", "--json").object()
      #expect(check["ok"] as? Bool == true, "\(path)")
      let notes = try DatabaseQueue(path: path).read { db in
        try Int.fetchOne(db, sql: "SELECT count(*) FROM events WHERE name = 'note'") ?? 0
      }
      #expect(notes >= previous && notes <= 41)
      previous = notes
    }
    let last = backups.last!
    #expect(try sandbox.run("db", "backup", last).stderr.contains("exists"))
    try sandbox.ok("db", "backup", last, "--force")
    #expect(
      try sandbox.run("db", "backup", sandbox.database, "--force").stderr.contains(
        "database itself"))
  }

  @Test("db check passes a sound database and lists what raw SQL tampered with, exiting 1")
  func checkFindsTampering() throws {
    let sandbox = try populated()
    let passed = try sandbox.ok("db", "check")
    #expect(passed.contains("All checks passed."))
    try DatabaseQueue(path: sandbox.database).write { db in
      try db.execute(sql: "UPDATE cases SET state = 'closed' WHERE kind = 'tax-refund'")
    }
    let result = try sandbox.run("db", "check")
    #expect(result.status == 1)
    #expect(result.stdout.contains("✗ cases equal the replay of their events: 1 problem(s)"))
    #expect(
      result.stdout.contains(
        "TR-2026-000001: state is stored as closed but its events give disbursed"))
    #expect(result.stdout.contains("✓ SQLite integrity"))
    let json = try sandbox.run("db", "check", "--json").object()
    #expect(json["ok"] as? Bool == false)
    let checks = try #require(json["checks"] as? [[String: Any]])
    let replay = try #require(checks.first { $0["check"] as? String == "replay" })
    #expect(
      (replay["problems"] as? [[String: Any]])?.first?["subject"] as? String == "TR-2026-000001")
  }
}
