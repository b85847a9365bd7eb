import Foundation
import Testing

/// Cultivation through the built binary: the renewal window on both sides and once per period,
/// a lapsed recognition renewed or expired by `sla check` as officer `system`, fail-review,
/// revocation with a ban refused then allowed at its end, SMEs only; the enterprise's tier
/// stops counting what expired or was revoked.
@Suite("Cultivation lifecycle end to end")
struct CultivationLifecycleEndToEndTests {
  static func at(_ day: String) -> [String: String] {
    ["RELIEF_NOW": "\(day)T10:00:00+08:00"]
  }

  /// Opens and recognizes an innovative SME case for `firm` on 2026-04-23 (valid until
  /// 2029-04-23).
  static func recognized(_ sandbox: Sandbox, _ firm: String = Codes.nanshan) throws -> String {
    let id = try sandbox.ok(
      "case", "open", "cultivation", "--enterprise", firm, "--tier", "innovative", "--at",
      "2026-04-20"
    ).trimmingCharacters(in: .whitespacesAndNewlines)
    for event in [
      ["apply", "--at", "2026-04-21"], ["evaluate", "--score", "72", "--at", "2026-04-22"],
      ["recognize", "--at", "2026-04-23"],
    ] {
      try sandbox.ok(arguments: ["case", "act", id] + event)
    }
    return id
  }

  @discardableResult
  static func ok(
    _ sandbox: Sandbox, on day: String, _ arguments: String...,
    sourceLocation: SourceLocation = #_sourceLocation
  ) throws -> String {
    let result = try sandbox.run(arguments: arguments, environment: at(day))
    #expect(result.status == 0, "\(arguments): \(result.stderr)", sourceLocation: sourceLocation)
    return result.stdout
  }

  static func show(_ sandbox: Sandbox, _ id: String, _ day: String) throws -> [String: Any] {
    try sandbox.run(arguments: ["case", "show", id, "--json"], environment: at(day)).object()
  }

  static func details(_ sandbox: Sandbox, _ id: String, _ day: String) throws -> [String: Any] {
    try #require(try show(sandbox, id, day)["details"] as? [String: Any])
  }

  static func tier(_ sandbox: Sandbox, _ firm: String, _ day: String) throws -> String? {
    try sandbox.run(arguments: ["enterprise", "show", firm, "--json"], environment: at(day))
      .object()["tier"] as? String
  }

  static func refused(
    _ sandbox: Sandbox, _ arguments: [String], on day: String, containing text: String,
    sourceLocation: SourceLocation = #_sourceLocation
  ) throws {
    let before = try sandbox.snapshot()
    let result = try sandbox.run(arguments: arguments, environment: at(day))
    #expect(result.status == 1, "\(arguments)", sourceLocation: sourceLocation)
    #expect(result.stderr.hasPrefix("error: "), sourceLocation: sourceLocation)
    #expect(result.stderr.contains(text), "\(result.stderr)", sourceLocation: sourceLocation)
    #expect(try sandbox.snapshot() == before, "a refusal wrote", sourceLocation: sourceLocation)
  }

  @Test("renew: refused the day before the 90-day window, recorded on its first day, once a period")
  func renewalWindow() throws {
    let sandbox = try Sandbox.withFirm()
    let id = try Self.recognized(sandbox)
    #expect(try Self.details(sandbox, id, "2026-04-28")["validUntil"] as? String == "2029-04-23")
    // 2029-04-23 minus 90 days is 2029-01-23.
    try Self.refused(
      sandbox, ["case", "act", id, "renew"], on: "2029-01-22", containing: "2029-01-23")
    try Self.ok(sandbox, on: "2029-01-23", "case", "act", id, "renew")
    #expect(try Self.details(sandbox, id, "2029-01-23")["validUntil"] as? String == "2032-04-23")
    // Renewed once this period: the next window opens 90 days before 2032-04-23 (leap year).
    try Self.refused(
      sandbox, ["case", "act", id, "renew"], on: "2029-04-01", containing: "2032-01-24")
    #expect(try Self.tier(sandbox, Codes.nanshan, "2030-01-01") == "innovative")
  }

  @Test("a lapsed recognition: renewable while not expired; sla check expires the rest as system")
  func lapseAndExpiry() throws {
    let sandbox = try Sandbox.withFirm()
    try sandbox.ok(
      "enterprise", "add", "--uscc", Codes.nanshan2, "--name", "深圳市云帆软件有限公司", "--region",
      "440305")
    let lapsed = try Self.recognized(sandbox)
    let renewedLate = try Self.recognized(sandbox, Codes.nanshan2)
    // On validUntil itself the recognition still holds: nothing expires. The day after, a
    // lapsed recognition gives no tier even before it is expired.
    #expect(try Self.tier(sandbox, Codes.nanshan, "2029-04-23") == "innovative")
    #expect(try Self.tier(sandbox, Codes.nanshan, "2029-04-24") == nil)
    let onTheDay = try sandbox.run(
      arguments: ["sla", "check", "--json"], environment: Self.at("2029-04-23"))
    #expect((try onTheDay.object()["expired"] as? [Any])?.isEmpty == true)
    // The day after, the second firm's re-review is recorded late: allowed, as no expiry was.
    try Self.ok(sandbox, on: "2029-04-24", "case", "act", renewedLate, "renew")
    let check = try sandbox.run(
      arguments: ["sla", "check", "--json"], environment: Self.at("2029-04-24"))
    #expect(check.status == 0 || check.status == 3)
    #expect(try check.object()["expired"] as? [String] == [lapsed])
    let shown = try Self.show(sandbox, lapsed, "2029-04-24")
    #expect(shown["state"] as? String == "expired")
    let history = try #require(
      try sandbox.run(arguments: ["case", "history", lapsed, "--json"]).json() as? [[String: Any]])
    #expect(history.last?["event"] as? String == "expire")
    #expect(history.last?["officer"] as? String == "system")
    #expect(try Self.show(sandbox, renewedLate, "2029-04-24")["state"] as? String == "recognized")
    // The expired recognition no longer gives a tier; the renewed one does.
    #expect(try Self.tier(sandbox, Codes.nanshan, "2029-04-24") == nil)
    #expect(try Self.tier(sandbox, Codes.nanshan2, "2029-04-24") == "innovative")
    // Once expired, it cannot be renewed, and a second check expires nothing more.
    try Self.refused(
      sandbox, ["case", "act", lapsed, "renew"], on: "2029-04-25", containing: "renew")
    let again = try sandbox.run(arguments: ["sla", "check"], environment: Self.at("2029-04-25"))
    #expect(!again.stdout.contains("Expired"))
    // The text says what it expired.
    let other = try Sandbox.withFirm()
    let id = try Self.recognized(other)
    let text = try other.run(arguments: ["sla", "check"], environment: Self.at("2029-05-01"))
    #expect(text.stdout.contains("Expired 1 lapsed recognition(s) as officer system: \(id)"))
  }

  @Test("sla check --region expires the lapsed recognitions of its region only")
  func expiryByRegion() throws {
    let sandbox = try Sandbox.withFirm()
    try sandbox.ok(
      "enterprise", "add", "--uscc", Codes.xihu, "--name", "杭州市西湖科技有限公司", "--region", "330106")
    let shenzhen = try Self.recognized(sandbox)
    let hangzhou = try Self.recognized(sandbox, Codes.xihu)
    let zhejiang = try sandbox.run(
      arguments: ["sla", "check", "--region", "33", "--json"], environment: Self.at("2029-05-01"))
    #expect(try zhejiang.object()["expired"] as? [String] == [hangzhou])
    #expect(try Self.show(sandbox, shenzhen, "2029-05-01")["state"] as? String == "recognized")
    let all = try sandbox.run(
      arguments: ["sla", "check", "--json"], environment: Self.at("2029-05-01"))
    #expect(try all.object()["expired"] as? [String] == [shenzhen])
  }

  @Test(
    "with nothing lapsed, sla check only reads: it works on a database the officer may not write")
  func checkStaysReadOnly() throws {
    let safety = WriterSafetyTests()
    let (sandbox, reader, _, folder) = try safety.readOnlyDatabase(folderMode: 0o555)
    defer { withExtendedLifetime(sandbox) {} }
    defer { chmod(folder.path, 0o755) }
    let check = try reader.run(["sla", "check", "--json"])
    #expect(check.status == 0, "\(check.stderr)")
    #expect((try check.object()["expired"] as? [Any])?.isEmpty == true)
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["relief.sqlite"])
  }

  @Test("revoke --ban-years 3 refuses a new case until the ban ends, then allows it")
  func revocationBan() throws {
    let sandbox = try Sandbox.withFirm()
    let id = try Self.recognized(sandbox)
    try Self.refused(
      sandbox, ["case", "act", id, "revoke", "--reason", "数据造假", "--ban-years", "11"],
      on: "2027-03-10", containing: "0 to 10")
    try Self.ok(
      sandbox, on: "2027-03-10", "case", "act", id, "revoke", "--reason", "数据造假", "--ban-years", "3"
    )
    let details = try Self.details(sandbox, id, "2027-03-10")
    #expect(details["banUntil"] as? String == "2030-03-10")
    #expect(try Self.show(sandbox, id, "2027-03-10")["state"] as? String == "revoked")
    // A revoked recognition gives no tier, though validUntil has not passed.
    #expect(try Self.tier(sandbox, Codes.nanshan, "2027-03-10") == nil)
    let open = [
      "case", "open", "cultivation", "--enterprise", Codes.nanshan, "--tier", "innovative",
    ]
    try Self.refused(sandbox, open, on: "2030-03-09", containing: "until 2030-03-10")
    let reopened = try sandbox.run(arguments: open, environment: Self.at("2030-03-10"))
    #expect(reopened.status == 0, "\(reopened.stderr)")
  }

  @Test("fail-review revokes with a reason and no ban")
  func failedReview() throws {
    let sandbox = try Sandbox.withFirm()
    let id = try Self.recognized(sandbox)
    try Self.refused(
      sandbox, ["case", "act", id, "fail-review"], on: "2029-03-01", containing: "reason")
    try Self.ok(sandbox, on: "2029-03-01", "case", "act", id, "fail-review", "--reason", "复核评分不足")
    #expect(try Self.show(sandbox, id, "2029-03-01")["state"] as? String == "revoked")
    #expect(try Self.details(sandbox, id, "2029-03-01")["banUntil"] as? String == nil)
    #expect(try Self.tier(sandbox, Codes.nanshan, "2029-03-01") == nil)
    try Self.ok(
      sandbox, on: "2029-03-02", "case", "open", "cultivation", "--enterprise", Codes.nanshan,
      "--tier", "innovative")
  }

  @Test("only SMEs: a large enterprise is refused at opening")
  func smesOnly() throws {
    let sandbox = try Sandbox.withFirm()
    try sandbox.ok(
      "enterprise", "add", "--uscc", Codes.tianhe, "--name", "广州某集团有限公司", "--region", "440106",
      "--size", "large")
    try Self.refused(
      sandbox,
      ["case", "open", "cultivation", "--enterprise", Codes.tianhe, "--tier", "innovative"],
      on: "2026-04-28", containing: "only SMEs")
    try sandbox.ok(
      "case", "open", "cultivation", "--enterprise", Codes.nanshan, "--tier", "innovative")
  }

  @Test("a revocation's ban survives export and import of the history")
  func banRoundTrip() throws {
    let sandbox = try Sandbox.withFirm()
    let id = try Self.recognized(sandbox)
    try Self.ok(
      sandbox, on: "2027-03-10", "case", "act", id, "revoke", "--reason", "偷漏税", "--ban-years", "3")
    let file = sandbox.folder.appendingPathComponent("events.json").path
    try Self.ok(sandbox, on: "2027-03-10", "export", "events", "--format", "json", "--output", file)
    let exported = try String(contentsOfFile: file, encoding: .utf8)
    #expect(exported.contains("\"banYears\""))
    #expect(exported.contains("2030-03-10"))
  }
}
