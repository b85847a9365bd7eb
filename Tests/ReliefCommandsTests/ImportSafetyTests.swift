import Foundation
import GRDB
import Testing

/// Search that folds full-width and capital letters alike on every path, restores and imports
/// that refuse what they should not take, and one rule for the length of a name.
@Suite("relief search folding, import and restore refusals, name lengths, end to end")
struct ImportSafetyTests {
  @discardableResult
  func write(_ sandbox: Sandbox, _ name: String, _ text: String) throws -> String {
    let url = sandbox.folder.appendingPathComponent(name)
    try Data(text.utf8).write(to: url)
    return url.path
  }

  /// The ids a search finds, as `kind id`.
  func found(_ sandbox: Sandbox, _ words: String...) throws -> [String] {
    let json = try sandbox.run(arguments: ["search"] + words + ["--json"]).object()
    return (json["hits"] as? [[String: Any]] ?? []).map {
      "\($0["kind"] as? String ?? "?") \($0["id"] as? String ?? "?")"
    }
  }

  /// A refused command: exit 1, `error: ` with the message, no SQL, nothing written.
  func refused(
    _ sandbox: Sandbox, _ arguments: [String], saying expected: [String],
    sourceLocation: SourceLocation = #_sourceLocation
  ) throws {
    let before = try sandbox.snapshot()
    let result = try sandbox.run(arguments: arguments)
    #expect(result.status == 1, "\(arguments): \(result.stdout)", sourceLocation: sourceLocation)
    #expect(result.stderr.hasPrefix("error: "), "\(result.stderr)", sourceLocation: sourceLocation)
    for text in expected {
      #expect(result.stderr.contains(text), "\(result.stderr)", sourceLocation: sourceLocation)
    }
    for sql in ["INSERT", "UPDATE ", "SELECT", "constraint failed", "while executing"] {
      #expect(!result.stderr.contains(sql), "\(result.stderr)", sourceLocation: sourceLocation)
    }
    #expect(try sandbox.snapshot() == before, sourceLocation: sourceLocation)
  }

  // MARK: - 8. Search folds full-width letters and capitals the same way on every path

  @Test("full-width and capital letters are found by any width and case, on every search path")
  func searchFoldsWidthAndCase() throws {
    let sandbox = try Sandbox()
    try sandbox.ok(
      "enterprise", "add", "--uscc", Codes.nanshan, "--name", "深圳市ＡＢＣ星河科技有限公司", "--region",
      "440305")
    try sandbox.ok(
      "enterprise", "add", "--uscc", Codes.futian, "--name", "SOCIÉTÉ ÉTOILE 深圳", "--region",
      "440304")
    let abc = ["enterprise \(Codes.nanshan)"]
    // A short term beside a long one (the short one filters the trigram index's matches).
    #expect(try found(sandbox, "ＡＢ", "星河科技") == abc)
    #expect(try found(sandbox, "ab", "星河科技") == abc)
    #expect(try found(sandbox, "Ａb", "星河") == abc)
    // Long terms through the trigram index, in either width and any case.
    #expect(try found(sandbox, "ａｂｃ") == abc)
    #expect(try found(sandbox, "abc星河") == abc)
    #expect(try found(sandbox, "ABC星河科技") == abc)
    #expect(try found(sandbox, "ｃ星河") == abc)
    // Short terms alone, through the index's vocabulary.
    #expect(try found(sandbox, "ＡＢ") == abc)
    #expect(try found(sandbox, "ab") == abc)
    // Capitals beyond ASCII, also as a short filter.
    let etoile = ["enterprise \(Codes.futian)"]
    #expect(try found(sandbox, "société") == etoile)
    #expect(try found(sandbox, "é", "étoile") == etoile)
    #expect(try found(sandbox, "ét", "深圳") == etoile)
    #expect(try found(sandbox, "xyz", "星河").isEmpty)
    // The displayed text is the name as registered.
    let text = try sandbox.ok("search", "abc")
    #expect(text.contains("深圳市ＡＢＣ星河科技有限公司"))
    try sandbox.ok("db", "check")
  }

  @Test("a database indexed before folding is indexed again on open, and db check agrees")
  func searchIndexRebuiltOnOpen() throws {
    let sandbox = try Sandbox()
    try sandbox.ok(
      "enterprise", "add", "--uscc", Codes.nanshan, "--name", "深圳市ＡＢＣ星河科技有限公司", "--region",
      "440305")
    let complaint = try sandbox.ok(
      "case", "open", "arrears", "--enterprise", Codes.nanshan, "--debtor", "ＸＹＺ建设集团",
      "--debtor-type", "large-enterprise", "--amount", "1000", "--payment-due", "2026-03-01"
    ).trimmingCharacters(in: .whitespacesAndNewlines)
    try sandbox.ok("case", "note", complaint, "与ＱＲＳ公司核对")
    // The index as schema version 4 wrote it: the texts as typed; and no record of migrations,
    // as Relief before GRDB's migrator left a database (`user_version` alone said 4).
    let queue = try DatabaseQueue(path: sandbox.database)
    try queue.write { db in
      try db.execute(
        sql: """
          DELETE FROM search;
          INSERT INTO search (rowid, name) SELECT (3 << 40) | id, name || '  ' FROM enterprises;
          INSERT INTO search (rowid, title, debtor) SELECT (2 << 40) | id, title || '  ',
            nullif(json_extract(details, '$.debtor'), title) || '  ' FROM cases;
          INSERT INTO search (rowid, note) SELECT (1 << 40) | id,
            json_extract(data, '$.note') || '  ' FROM event_log
            WHERE json_extract(data, '$.note') IS NOT NULL;
          DROP TABLE grdb_migrations;
          ALTER TABLE enterprises DROP COLUMN assets; -- 0006's column, which version 4 lacked
          PRAGMA user_version = 4;
          """)
    }
    try queue.close()
    #expect(try found(sandbox, "abc星河") == ["enterprise \(Codes.nanshan)"])
    #expect(try found(sandbox, "xyz建设") == ["case \(complaint)"])
    #expect(try found(sandbox, "qrs公司") == ["note \(complaint)"])
    try sandbox.ok("db", "check")
  }

  // MARK: - 11. Restores refuse what they should not take

  /// A database with one enterprise and one complaint opened on 2026-04-01, and its cases
  /// exported as JSON; and an empty database with the enterprise alone, to restore into.
  func exported() throws -> (export: String, target: Sandbox) {
    let source = try Sandbox()
    try source.ok(
      "enterprise", "add", "--uscc", Codes.nanshan, "--name", "深圳市星河科技有限公司", "--region", "440305")
    try source.ok(
      "case", "open", "arrears", "--enterprise", Codes.nanshan, "--debtor", "某建设局",
      "--debtor-type", "government", "--amount", "1000", "--payment-due", "2026-03-01", "--at",
      "2026-04-01")
    try source.ok("case", "act", "AR-2026-000001", "accept", "--at", "2026-04-02")
    let export = try source.ok("export", "cases", "--format", "json")
    let target = try Sandbox()
    try target.ok(
      "enterprise", "add", "--uscc", Codes.nanshan, "--name", "深圳市星河科技有限公司", "--region", "440305")
    return (export, target)
  }

  @Test("a restored id must carry the year its case was opened in the agency's zone")
  func restoreRefusesForeignYear() throws {
    let (export, target) = try exported()
    #expect(export.contains("\"id\": \"AR-2026-000001\""))
    let file = try write(
      target, "c.json",
      export.replacingOccurrences(of: "AR-2026-000001", with: "AR-2025-000001"))
    try refused(
      target, ["import", "cases", file], saying: ["line 2:", "AR-2025-000001", "2026"])
    // The true file restores, and the next case continues its numbering.
    try target.ok("import", "cases", try write(target, "ok.json", export))
    let next = try target.ok(
      "case", "open", "arrears", "--enterprise", Codes.nanshan, "--debtor", "新欠款方",
      "--debtor-type", "government", "--amount", "1", "--payment-due", "2026-04-01")
    #expect(next.contains("AR-2026-000002"))
  }

  @Test("a restored event's officer is checked like --officer: no control characters, 60 at most")
  func restoreChecksOfficers() throws {
    let (export, target) = try exported()
    #expect(export.contains("\"officer\": \"tester\""))
    let bell = export.replacingOccurrences(
      of: "\"officer\": \"tester\"", with: "\"officer\": \"tes\\u0007ter\"")
    try refused(
      target, ["import", "cases", try write(target, "bell.json", bell)],
      saying: ["line 2:", "officer", "U+0007"])
    let long = export.replacingOccurrences(
      of: "\"officer\": \"tester\"", with: "\"officer\": \"\(String(repeating: "x", count: 500))\"")
    try refused(
      target, ["import", "cases", try write(target, "long.json", long)],
      saying: ["line 2:", "officer", "60"])
    // A service's recorder likewise.
    let services = """
      type,date,region,served,officer
      training,2026-04-10,440300,3,\(String(repeating: "y", count: 61))

      """
    try refused(
      target, ["import", "services", try write(target, "s.csv", services)],
      saying: ["line 2:", "officer", "60"])
  }

  @Test("an event recorded before it took effect is refused with its own message")
  func restoreRefusesRecordedBeforeEffective() throws {
    let (export, target) = try exported()
    let recorded = try #require(
      export.range(of: #""recordedAt": "[^"]*""#, options: .regularExpression))
    let early = export.replacingCharacters(
      in: recorded, with: "\"recordedAt\": \"2026-03-01T09:00:00+08:00\"")
    try refused(
      target, ["import", "cases", try write(target, "early.json", early)],
      saying: ["line 2:", "recorded", "2026-03-01T09:00:00+08:00", "before"])
    let result = try target.run(
      "import", "cases", target.folder.appendingPathComponent("early.json").path)
    #expect(!result.stderr.contains("in the future"), "\(result.stderr)")
  }

  // MARK: - 11. Enterprise imports refuse what they should not take

  @Test("an enterprise import refuses times in the future and an update before the creation")
  func enterpriseImportChecksTimes() throws {
    let sandbox = try Sandbox()
    let future = """
      uscc,name,region,createdAt
      \(Codes.nanshan),深圳市星河科技有限公司,440305,2026-01-05
      \(Codes.futian),深圳市福田科技有限公司,440304,2099-01-01

      """
    try refused(
      sandbox, ["import", "enterprises", try write(sandbox, "f.csv", future)],
      saying: ["line 3:", "createdAt", "2099-01-01", "future"])
    let backwards = """
      uscc,name,region,createdAt,updatedAt
      \(Codes.nanshan),深圳市星河科技有限公司,440305,2026-03-05,2026-01-05

      """
    // Each file into a database of its own, so that no acceptance hides the next refusal.
    let second = try Sandbox()
    try refused(
      second, ["import", "enterprises", try write(second, "b.csv", backwards)],
      saying: ["line 2:", "updatedAt", "createdAt"])
    let laterUpdate = """
      uscc,name,region,updatedAt
      \(Codes.nanshan),深圳市星河科技有限公司,440305,2099-03-05

      """
    let third = try Sandbox()
    try refused(
      third, ["import", "enterprises", try write(third, "u.csv", laterUpdate)],
      saying: ["line 2:", "updatedAt", "future"])
    // Sound times import.
    let sound = """
      uscc,name,region,createdAt,updatedAt
      \(Codes.nanshan),深圳市星河科技有限公司,440305,2026-01-05,2026-03-05

      """
    let fourth = try Sandbox()
    try fourth.ok("import", "enterprises", try write(fourth, "ok.csv", sound))
  }

  @Test("a JSON record naming a key twice is refused, also inside a nested object")
  func jsonDuplicateKeysRefused() throws {
    let sandbox = try Sandbox()
    let twice = """
      [
        {"uscc": "\(Codes.futian)", "name": "深圳市福田科技有限公司", "region": "440304"},
        {"uscc": "\(Codes.nanshan)", "name": "深圳市星河科技有限公司", "region": "440305",
         "name": "Evil Corp"}
      ]
      """
    try refused(
      sandbox, ["import", "enterprises", try write(sandbox, "twice.json", twice)],
      saying: ["line 3:", "name", "twice"])
    // An escaped spelling of the same key is the same key.
    let escaped = """
      [{"uscc": "\(Codes.nanshan)", "name": "深圳市星河科技有限公司", "region": "440305",
        "n\\u0061me": "Evil Corp"}]
      """
    let second = try Sandbox()
    try refused(
      second, ["import", "enterprises", try write(second, "escaped.json", escaped)],
      saying: ["line 1:", "name"])
    // The same key in two different objects, or as a value, is fine.
    let fine = """
      [{"uscc": "\(Codes.nanshan)", "name": "name", "region": "440305"},
       {"uscc": "\(Codes.futian)", "name": "region", "region": "440304"}]
      """
    try second.ok("import", "enterprises", try write(second, "fine.json", fine))
  }

  @Test("a JSON boolean where a number belongs is refused showing the value as written")
  func jsonBooleanForNumber() throws {
    let sandbox = try Sandbox()
    let file = try write(
      sandbox, "b.json",
      """
      [{"uscc": "\(Codes.nanshan)", "name": "深圳市星河科技有限公司", "region": "440305",
        "employees": true}]
      """)
    let before = try sandbox.snapshot()
    let result = try sandbox.run("import", "enterprises", file)
    #expect(result.status == 1)
    #expect(result.stderr.contains("employees: 'true' is not a whole number"), "\(result.stderr)")
    #expect(!result.stderr.contains("'1'"), "\(result.stderr)")
    #expect(try sandbox.snapshot() == before)
  }

  // MARK: - 12. One rule for the length of a name

  @Test("a name is measured as the database measures it, and no SQL reaches the officer")
  func nameLengthAgreesWithDatabase() throws {
    let sandbox = try Sandbox()
    // 120 characters of "e" and a combining accent: 240 code points, which the database counts.
    let accented = String(repeating: "e\u{301}", count: 120)
    try refused(
      sandbox,
      ["enterprise", "add", "--uscc", Codes.nanshan, "--name", accented, "--region", "440305"],
      saying: ["--name", "120"])
    let csv = "uscc,name,region\n\(Codes.nanshan),\(accented),440305\n"
    try refused(
      sandbox, ["import", "enterprises", try write(sandbox, "e.csv", csv)],
      saying: ["line 2:", "name", "120"])
    // 60 of them are 120 code points: accepted by both, and the name is stored whole.
    let sixty = String(repeating: "e\u{301}", count: 60)
    try sandbox.ok(
      "enterprise", "add", "--uscc", Codes.nanshan, "--name", sixty, "--region", "440305")
    let shown = try sandbox.run("enterprise", "show", Codes.nanshan, "--json").object()
    #expect((shown["name"] as? String)?.unicodeScalars.count == 120)
    // A debtor (checked at 120 too) and a title (200) are measured alike.
    try refused(
      sandbox,
      [
        "case", "open", "arrears", "--enterprise", Codes.nanshan, "--debtor",
        String(repeating: "e\u{301}", count: 61), "--debtor-type", "other", "--amount", "1",
        "--payment-due", "2026-04-01",
      ], saying: ["--debtor", "120"])
  }
}
