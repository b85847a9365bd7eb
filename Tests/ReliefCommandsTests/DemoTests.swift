import Foundation
import Testing

@testable import ReliefCommands

@Suite("relief demo")
struct DemoTests {
  @Test("builds cases of every kind in every state, and never overwrites a real database")
  func demo() throws {
    let sandbox = try Sandbox(now: "2026-11-29T10:00:00+08:00", initialise: false)
    let result = try sandbox.run("demo", "--json")
    #expect(result.status == 0, "\(result.stderr)")
    let json = try result.object()
    #expect((json["enterprises"] as? Int ?? 0) >= 200)
    let byState = try #require(json["casesByState"] as? [String: [String: Int]])
    #expect(byState.count == 4)
    for (kind, states) in byState {
      for (state, count) in states {
        #expect(count > 0, "no \(kind) case is \(state)")
      }
    }
    let demo = sandbox.folder.appendingPathComponent("relief-demo.sqlite").path
    #expect(FileManager.default.fileExists(atPath: demo))
    // Services over 14 months, and last month's summary with them.
    #expect((json["services"] as? Int ?? 0) >= 250)
    let monthly = try #require(json["monthly"] as? [String: Any])
    #expect(monthly["month"] as? String == "2026-10")
    let services = try #require(monthly["services"] as? [String: Any])
    #expect((services["activities"] as? Int ?? 0) > 10)
    #expect((services["enterprisesServed"] as? Int ?? 0) > (services["activities"] as? Int ?? 0))
    let trend = try #require(monthly["trend"] as? [String: [String: Any]])
    #expect(trend.count == 13)
    #expect(trend.values.contains { ($0["complaintsReceived"] as? Int ?? 0) > 0 })
    // A second run replaces the demo, and ends with the summary as a table.
    let text = try sandbox.run("demo")
    #expect(text.status == 0)
    #expect(text.stdout.contains("Monthly service summary, 2026-10"))
    #expect(text.stdout.contains("Service activities by type"))
    // The officer's database is never touched by the demo, and a real one is never overwritten.
    try sandbox.ok("init")
    let refused = try sandbox.run("demo", "--db", sandbox.database)
    #expect(refused.status == 1)
    #expect(refused.stderr.contains("not a demo"))
    let list = try sandbox.run("--db", demo, "case", "list", "--json", "--limit", "0")
    #expect(try list.object()["total"] as? Int == json["cases"] as? Int)
  }

  @Test("a demo of fewer enterprises than it has white-list cases is refused, the fewest is built")
  func fewestEnterprises() throws {
    let sandbox = try Sandbox(initialise: false)
    let minimum = DemoPlanner.minimumEnterprises
    let refused = try sandbox.run(
      "demo", "--db", "few.sqlite", "--enterprises", String(minimum - 1))
    #expect(refused.status == 1)
    #expect(refused.stderr.hasPrefix("error: the demo needs at least \(minimum) enterprises"))
    #expect(
      !FileManager.default.fileExists(
        atPath: sandbox.folder.appendingPathComponent("few.sqlite").path))
    try sandbox.ok("demo", "--db", "few.sqlite", "--enterprises", String(minimum), "--json")
    try sandbox.ok("--db", "few.sqlite", "db", "check")
  }
}
