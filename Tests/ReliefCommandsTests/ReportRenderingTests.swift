import Foundation
import Testing

@testable import ReliefCommands
@testable import ReliefDomain
@testable import ReliefPresentation

@Suite("Report rendering")
struct ReportRenderingTests {
  @Test(
    "chart scales reach the maximum in at most five nice steps",
    arguments: [
      (0, 1, 1, 1), (1, 1, 1, 1), (5, 1, 1, 5), (7, 1, 2, 4), (23, 1, 5, 5), (101, 1, 50, 3),
      (1_950_000, 100, 500_000, 4), (40, 100, 100, 1),
    ] as [(Int64, Int64, Int64, Int64)])
  func scale(maximum: Int64, minimumStep: Int64, step: Int64, ticks: Int64) {
    let scale = Charts.Scale(maximum: Int128(maximum), minimumStep: Int128(minimumStep))
    #expect(scale.step == Int128(step))
    #expect(scale.ticks == Int128(ticks))
    #expect(scale.top >= maximum)
  }

  @Test("chart geometry is integer and proportional")
  func positions() {
    let scale = Charts.Scale(maximum: 8)
    #expect(scale.position(4, length: 100) == 50)
    #expect(scale.position(8, length: 150) == 150)
    #expect(scale.position(0, length: 150) == 0)
    #expect(scale.position(-3, length: 150) == 0)
    let huge = Charts.Scale(maximum: 100_000_000_000_000_000, minimumStep: 100)
    #expect(huge.position(huge.top / 2, length: 200) == 100)
  }

  @Test("figures read for people: grouped counts, compact amounts, signed changes")
  func figureText() {
    let zh = Localizer(language: .zh)
    let en = Localizer(language: .en)
    #expect(FigureText.count(1_234_567) == "1,234,567")
    #expect(FigureText.count(0) == "0")
    #expect(FigureText.count(-1200) == "-1,200")
    #expect(FigureText.compactMoney(125_000_000, zh) == "125万")
    #expect(FigureText.compactMoney(125_345_600, zh) == "125.35万")
    #expect(FigureText.compactMoney(25_000_000_000, zh) == "2.5亿")
    #expect(FigureText.compactMoney(99_900, zh) == "999")
    #expect(FigureText.compactMoney(125_000_000, en) == "1.25M")
    #expect(FigureText.compactMoney(340_000, en) == "3.4k")
    #expect(FigureText.compactMoney(0, en) == "0")
    #expect(FigureText.change("3.4") == "+3.4%")
    #expect(FigureText.change("-2.0") == "-2.0%")
    #expect(FigureText.change("0.0") == "0.0%")
    #expect(FigureText.change(nil) == "—")
    #expect(FigureText.percent(nil) == "—")
    #expect(MonthlyHTML.arrow("-2.5") == "▼ 2.5%")
    #expect(MonthlyHTML.arrow("12.0") == "▲ 12.0%")
  }

  @Test("JSON reads back into the same document, key order and integers kept")
  func jsonRoundTrip() throws {
    let document: JSONValue = .object([
      ("month", "2026-03"), ("region", .null), ("complete", true),
      ("cases", .object([("arrears", .object([("opened", 3), ("median", .double(10.5))]))])),
      ("text", .string("深圳市\t\"引号\"\\ \u{1F600} \u{2028} end")),
      ("list", [1, -2, .int(9_007_199_254_740_993), .array([]), .object([])]),
    ])
    for pretty in [true, false] {
      #expect(try JSONValue.parse(document.render(pretty: pretty)) == document)
    }
    #expect(try JSONValue.parse("{\"a\": \"\\u00e9\\ud83d\\ude00\"}") == .object([("a", "é😀")]))
    for broken in ["{", "[1,]", "{\"a\" 1}", "tru", "\"open", "1 2", "{\"a\":01x}"] {
      #expect(throws: JSONValue.ParseError.self) { try JSONValue.parse(broken) }
    }
  }

  @Test("differences between a frozen and a fresh document name each changed figure")
  func differences() {
    let frozen: JSONValue = .object([
      ("generatedAt", "2026-04-02T10:00:00+08:00"),
      ("cases", .object([("arrears", .object([("opened", 3), ("closed", 1)]))])),
      ("gone", 1),
    ])
    let now: JSONValue = .object([
      ("generatedAt", "2026-04-28T09:30:00+08:00"),
      ("cases", .object([("arrears", .object([("opened", 4), ("closed", 1)]))])),
      ("new", "x"),
    ])
    let found = MonthlyReport.differences(frozen: frozen, now: now)
    #expect(
      found == [
        FigureDifference(figure: "cases.arrears.opened", frozen: 3, now: 4),
        FigureDifference(figure: "new", frozen: .null, now: "x"),
        FigureDifference(figure: "gone", frozen: 1, now: .null),
      ])
    #expect(MonthlyReport.differences(frozen: frozen, now: frozen).isEmpty)
  }

  @Test("Markdown cells escape pipes; CSV fields quote commas, quotes and line breaks")
  func escaping() {
    #expect(MonthlyMarkdown.escape("a|b") == "a\\|b")
    #expect(MonthlyMarkdown.escape("line\nbreak") == "line break")
    #expect(MonthlyCSV.field("plain") == "plain")
    #expect(MonthlyCSV.field("a,b") == "\"a,b\"")
    #expect(MonthlyCSV.field("say \"hi\"") == "\"say \"\"hi\"\"\"")
    #expect(HTML.escape("<a href='x'>&</a>") == "&lt;a href=&#39;x&#39;&gt;&amp;&lt;/a&gt;")
  }
}

@Suite("Tables printed piece by piece")
struct TablePieceTests {
  let plain = Terminal(isInteractive: false, usesColour: false, columns: nil)

  func table(_ rows: [[String]]) -> Table {
    var table = Table(columns: [.init(header: "编号"), .init(header: "名称"), .init(header: "人")])
    for row in rows { table.add(row.map { Table.Cell($0) }) }
    return table
  }

  @Test("the header comes once, and columns keep the widths of earlier pieces")
  func carried() {
    var widths: [Int]?
    let first = table([["1", "星河科技", "li"], ["2", "华信", "wang"]])
      .render(terminal: plain, carrying: &widths)
    let second = table([["3", "华", "z"]]).render(terminal: plain, carrying: &widths)
    // Together they read as the table of all three rows.
    let whole = table([["1", "星河科技", "li"], ["2", "华信", "wang"], ["3", "华", "z"]])
      .render(terminal: plain)
    #expect(first + "\n" + second == whole)
    #expect(first.hasPrefix("编号"))
    #expect(!second.contains("编号"))
    // A wider cell later widens its column from then on.
    let third = table([["4", "深圳市南山区星河科技有限公司", "x"]])
      .render(terminal: plain, carrying: &widths)
    #expect(third == "4     深圳市南山区星河科技有限公司  x")
    #expect(widths == [4, 28, 4])
  }
}
