import Foundation
import Testing

@Suite("Whole listings, end to end")
struct ListEndToEndTests {
  @Test(
    "--limit 0 prints what a large enough page prints, read in batches",
    arguments: [
      ["case", "list"], ["service", "list"], ["enterprise", "list"], ["report", "debtors"],
    ])
  func wholeListing(_ command: [String]) throws {
    let sandbox = try Sandbox(now: "2026-11-29T10:00:00+08:00", initialise: false)
    try sandbox.ok("demo")
    let demo = ["--db", sandbox.folder.appendingPathComponent("relief-demo.sqlite").path]
    let batches = ["RELIEF_LIST_BATCH": "7"]
    // JSON: the same document, byte for byte, across batches.
    let page = try sandbox.run(arguments: demo + command + ["--json", "--limit", "100000"])
    let streamed = try sandbox.run(
      arguments: demo + command + ["--json", "--limit", "0"], environment: batches)
    #expect(streamed.status == 0, "\(streamed.stderr)")
    #expect(streamed.stdout == page.stdout)
    let total = try #require(try streamed.object()["total"] as? Int)
    #expect(total > 7)
    #expect((try streamed.object()["items"] as? [Any])?.count == total)
    // Text: one batch prints the page's table; several print its rows under one header.
    let table = try sandbox.run(arguments: demo + command + ["--limit", "100000"])
    #expect(try sandbox.run(arguments: demo + command + ["--limit", "0"]).stdout == table.stdout)
    let pieces = try sandbox.run(
      arguments: demo + command + ["--limit", "0"], environment: batches)
    func firstCells(_ text: String) -> [Substring] {
      text.split(separator: "\n").map { $0.split(separator: " ").first ?? "" }
    }
    #expect(firstCells(pieces.stdout) == firstCells(table.stdout))
  }

  @Test("--limit 0 with nothing matching says so, in text and in JSON")
  func nothing() throws {
    let sandbox = try Sandbox(now: "2026-11-29T10:00:00+08:00")
    let text = try sandbox.ok("case", "list", "--limit", "0")
    #expect(text.contains("No entries match") || text.contains("没有符合条件的记录"))
    let streamed = try sandbox.run("case", "list", "--limit", "0", "--json")
    #expect(streamed.stdout == (try sandbox.ok("case", "list", "--json")))
    #expect(try streamed.object()["total"] as? Int == 0)
    #expect((try streamed.object()["items"] as? [Any])?.isEmpty == true)
  }
}
