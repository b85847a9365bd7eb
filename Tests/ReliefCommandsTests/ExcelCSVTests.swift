import Foundation
import Testing

@testable import ReliefPresentation

/// `--excel` CSV: nothing a spreadsheet would run as a formula, no digits it would turn into a
/// number; and such a file imports back unchanged.
@Suite("Safe --excel CSV")
struct ExcelCSVTests {
  @Test("cells that would run or lose digits are written so they stay text, and read back")
  func cells() {
    #expect(ExcelText.safe("=1+1") == "'=1+1")
    #expect(ExcelText.safe("@SUM(A1:A2)") == "'@SUM(A1:A2)")
    #expect(ExcelText.safe("+86-755-8888") == "'+86-755-8888")
    #expect(ExcelText.safe("-2") == "'-2")
    #expect(ExcelText.safe("13800138000") == "=\"13800138000\"")
    #expect(ExcelText.safe("00123") == "=\"00123\"")
    #expect(ExcelText.safe("914403001234567890") == "=\"914403001234567890\"")
    #expect(ExcelText.safe("1250000.00") == "1250000.00")
    #expect(ExcelText.safe("2026-04-28") == "2026-04-28")
    #expect(ExcelText.safe("120") == "120")
    #expect(ExcelText.safe("深圳市星河科技有限公司") == "深圳市星河科技有限公司")
    for text in ["=1+1", "@SUM(A1:A2)", "+86-755-8888", "13800138000", "00123", "'quoted", "x"] {
      #expect(ExcelText.restore(ExcelText.safe(text)) == text)
    }
  }

  @Test("an --excel export is safe to open and imports back unchanged")
  func endToEnd() throws {
    let source = try Sandbox()
    try source.ok(
      "enterprise", "add", "--uscc", Codes.nanshan, "--name", "=1+1", "--region", "440305",
      "--contact", "@SUM(A1:A2)", "--phone", "13800138000")
    try source.ok(
      "enterprise", "add", "--uscc", Codes.futian, "--name", "深圳市福田科技有限公司", "--region",
      "440304", "--phone", "+86-755-8888")
    try source.ok(
      "case", "open", "arrears", "--enterprise", Codes.futian, "--debtor", "某区住房和建设局",
      "--debtor-type", "government", "--amount", "10万", "--payment-due", "2026-03-31",
      "--contract", "00123")
    let enterprises = try source.ok("export", "enterprises", "--excel")
    #expect(enterprises.contains(",'=1+1,"))
    #expect(enterprises.contains(",'@SUM(A1:A2),"))
    #expect(enterprises.contains(",\"=\"\"13800138000\"\"\""))
    #expect(enterprises.contains(",'+86-755-8888"))
    let cases = try source.ok("export", "cases", "--excel")
    #expect(cases.contains("\"=\"\"00123\"\"\""))
    // Back in: the same enterprises as the plain export.
    let file = source.folder.appendingPathComponent("excel.csv")
    try enterprises.write(to: file, atomically: true, encoding: .utf8)
    let target = try Sandbox()
    try target.ok("import", "enterprises", file.path)
    #expect(try target.ok("export", "enterprises") == (try source.ok("export", "enterprises")))
  }
}
