import Foundation
import ReliefCommands
import ReliefDomain
import Testing

@testable import ReliefPresentation

/// `.xlsx` workbooks in and out (Docs/data.md): typed cells, Chinese or JSON-key headers, a
/// sheet per kind; read back by our own reader always, by LibreOffice when it is installed; and
/// Chinese headers, labels and Excel's date forms accepted by every import.
@Suite("xlsx workbooks and Chinese spreadsheets")
struct XLSXTests {
  // MARK: The workbook format

  @Test("typed cells written by our writer read back as the text an import expects")
  func cellsRoundTrip() throws {
    var writer = XLSXWriter()
    writer.addSheet(key: "", name: "enterprises", header: ["a", "b", "c"])
    let date = LocalDate(year: 2026, month: 11, day: 1)!
    try writer.addRow(
      key: "",
      [
        .text("914403001234567890"), .text("00123"), .text("=1+1"),
        .number("1250000.50", format: .money),
        .date(date), .dateTime(date, secondsOfDay: 9 * 3600 + 30 * 60 + 5), .boolean(true),
        .empty, .text("<&>\"' 深圳\u{1}"), .number("42", format: .general),
      ])
    var wide = [SpreadsheetCell](repeating: .empty, count: 30)
    wide[27] = .text("AB")
    try writer.addRow(key: "", wide)
    let sheets = try WorkbookArchive.read(try WorkbookArchive.zip(writer.parts())).sheets
    #expect(sheets.map(\.name) == ["enterprises"])
    let rows = sheets[0].rows
    #expect(rows.map(\.number) == [1, 2, 3])
    #expect(rows[0].cells == ["a", "b", "c"])
    #expect(
      rows[1].cells == [
        "914403001234567890", "00123", "=1+1", "1250000.5", "2026-11-01", "2026-11-01T09:30:05",
        "true", "", "<&>\"' 深圳\u{1}", "42",
      ])
    #expect(rows[2].cells.count == 28)
    #expect(rows[2].cells[27] == "AB")
    #expect(XLSXWriter.columnName(27) == "AB")
    // Sheets in a given order, whichever came first.
    var ordered = XLSXWriter()
    ordered.addSheet(key: "b", name: "B", header: ["b"])
    ordered.addSheet(key: "a", name: "A", header: ["a"])
    try ordered.addRow(key: "b", [.text("in b")])
    ordered.orderSheets(["a", "b"])
    let read = try WorkbookArchive.read(try WorkbookArchive.zip(ordered.parts())).sheets
    #expect(read.map(\.name) == ["A", "B"])
    #expect(read[1].rows.last?.cells == ["in b"])
    #expect(XLSXReader.columnIndex("AB12") == 27)
  }

  @Test("a minimal workbook: ISO date cells, prefixed names, no relationships or styles")
  func minimalWorkbook() throws {
    let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    let data = try WorkbookArchive.zip([
      (
        "xl/workbook.xml",
        "<x:workbook xmlns:x=\"\(main)\"><x:sheets><x:sheet name=\"S\" sheetId=\"1\"/></x:sheets></x:workbook>"
      ),
      (
        "xl/worksheets/sheet1.xml",
        "<x:worksheet xmlns:x=\"\(main)\"><x:sheetData><x:row><x:c t=\"d\"><x:v>2026-11-01T00:00:00</x:v></x:c>"
          + "<x:c t=\"d\"><x:v>2026-11-01T09:30:00</x:v></x:c><x:c t=\"inlineStr\"><x:is><x:t>a&#x4E2D;&amp;<![CDATA[<b>]]></x:t></x:is></x:c>"
          + "</x:row></x:sheetData></x:worksheet>"
      ),
    ])
    let sheets = try WorkbookArchive.read(data).sheets
    #expect(sheets.map(\.name) == ["S"])
    #expect(sheets.first?.rows.first?.cells == ["2026-11-01", "2026-11-01T09:30:00", "a中&<b>"])
  }

  @Test("date formats are told from number formats, and serials are Excel's days")
  func dates() {
    #expect(ExcelDate.serial(LocalDate(year: 2026, month: 11, day: 1)!) == 46327)
    #expect(ExcelDate.date(serial: 46327) == LocalDate(year: 2026, month: 11, day: 1))
    #expect(ExcelDate.date(serial: 1) == LocalDate(year: 1900, month: 1, day: 1))
    #expect(ExcelDate.date(serial: 61) == LocalDate(year: 1900, month: 3, day: 1))
    #expect(
      ExcelDate.date(serial: 44865, date1904: true) == LocalDate(year: 2026, month: 11, day: 1))
    for code in ["yyyy-mm-dd", "yyyy\"年\"m\"月\"d\"日\"", "[$-804]yyyy/m/d", "h:mm:ss", "m/d/yy"] {
      #expect(XLSXReader.isDateFormat(code), "\(code)")
    }
    for code in ["General", "#,##0.00", "0.00_);[Red](0.00)", "\"days\" 0", "@"] {
      #expect(!XLSXReader.isDateFormat(code), "\(code)")
    }
    #expect(XLSXReader.numberText(1234.5000000000002) == "1234.5")
    #expect(XLSXReader.numberText(13_800_138_000) == "13800138000")
  }

  @Test("Excel's date forms in text cells")
  func dateForms() {
    for text in ["2026/11/1", "2026/11/01", "2026年11月1日", "2026-11-1", "2026-11-01"] {
      #expect(SpreadsheetDates.normalized(text) == "2026-11-01", "\(text)")
    }
    #expect(SpreadsheetDates.normalized("2026/11/1 9:30") == "2026-11-01 09:30")
    #expect(SpreadsheetDates.normalized("2026/11/1 9:30:05") == "2026-11-01 09:30:05")
    #expect(SpreadsheetDates.normalized("2026年11月1") == "2026年11月1")
    #expect(SpreadsheetDates.normalized("11/1/2026") == "11/1/2026")
  }

  // MARK: One table of headers

  @Test("every column of every import and export has one Chinese header, unique in its set")
  func headers() {
    let sets: [(String, [String])] = [
      ("enterprises", Columns.enterprises.accepted + Columns.enterprises.refused),
      ("new cases", Columns.newCases.accepted + Columns.newCases.refused),
      ("restored cases", Columns.restoredCases.accepted),
      ("services", Columns.services.accepted),
      ("export enterprises", Columns.enterpriseExport),
      ("export cases", Columns.caseExport(kind: nil)),
      ("export events", Columns.eventExport),
      ("export services", Columns.serviceExport),
    ]
    for (name, keys) in sets {
      for key in keys {
        #expect(Columns.definitions[key] != nil, "\(name): \(key) has no definition")
      }
      let chinese = keys.map { Columns.definition($0).chinese }
      #expect(Set(chinese).count == Set(keys).count, "\(name): a Chinese header names two columns")
    }
    #expect(Columns.enterprises.canonical("统一社会信用代码") == "uscc")
    #expect(Columns.newCases.canonical("统一社会信用代码") == "enterprise")
    #expect(Columns.enterprises.canonical(" USCC ") == "uscc")
    // Every label a Chinese export writes is in the tables.
    let zh = Localizer(language: .zh)
    for definition in Columns.definitions.values {
      guard case .enumeration(let group) = definition.type else { continue }
      #expect(zh.has("\(group).\(definitionValue(group))"), "\(group) has no labels")
    }
  }

  @Test("Docs/data.md lists the Chinese header of every column as the table has it")
  func documentedHeaders() throws {
    let text = try String(
      contentsOf: DocsTests.root.appendingPathComponent("Docs/data.md"), encoding: .utf8)
    var documented: [String: String] = [:]
    for line in text.split(separator: "\n") where line.hasPrefix("| `") {
      let cells = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
      guard cells.count % 2 == 0 else { continue }
      for pair in stride(from: 0, to: cells.count, by: 2)
      where cells[pair].hasPrefix("`") && !cells[pair + 1].contains("`") {
        documented[cells[pair].trimmingCharacters(in: CharacterSet(charactersIn: "`"))] =
          cells[pair + 1]
      }
    }
    for (key, definition) in Columns.definitions
    where !["interest", "warnings", "history", "details"].contains(key) {
      #expect(documented[key] == definition.chinese, "\(key)")
    }
  }

  private func definitionValue(_ group: String) -> String {
    switch group {
    case "size": return EnterpriseSize.allCases[0].rawValue
    case "sector": return Sector.allCases[0].rawValue
    case "tier": return Tier.allCases[0].rawValue
    case "kind": return CaseKind.allCases[0].rawValue
    case "alert": return "red"
    case "service-type": return ServiceType.allCases[0].rawValue
    case "debtor-type": return DebtorType.allCases[0].rawValue
    case "outcome": return ArrearsOutcome.allCases[0].rawValue
    case "satisfaction": return Satisfaction.allCases[0].rawValue
    case "relief-type": return ReliefType.allCases[0].rawValue
    case "category": return WhitelistCategory.allCases[0].rawValue
    case "chain": return SupplyChain.allCases[0].rawValue
    default: return "?"
    }
  }

  // MARK: End to end

  /// A sandbox with two enterprises (codes, a phone and `00123` that must stay text, a name a
  /// spreadsheet would run), a case of each of two kinds and a service.
  private static func filled() throws -> Sandbox {
    let source = try Sandbox()
    try source.ok(
      "enterprise", "add", "--uscc", Codes.nanshan, "--name", "=1+1", "--region", "440305",
      "--contact", "@SUM(A1:A2)", "--phone", "13800138000", "--size", "small", "--employees", "80",
      "--revenue", "1250000.5")
    try source.ok(
      "enterprise", "add", "--uscc", Codes.futian, "--name", "深圳市福田科技有限公司", "--region",
      "440304", "--phone", "00123")
    try source.ok(
      "case", "open", "arrears", "--enterprise", Codes.futian, "--debtor", "某区住房和建设局",
      "--debtor-type", "government", "--amount", "10万", "--payment-due", "2026-03-31",
      "--contract", "00123")
    try source.ok(
      "case", "open", "tax-refund", "--enterprise", Codes.nanshan, "--relief-type",
      "vat-credit-refund",
      "--amount", "3456.78", "--tax-period", "2026-Q1")
    try source.ok(
      "service", "log", "--type", "training", "--date", "2026-04-20", "--enterprise", Codes.nanshan,
      "--enterprise", Codes.futian, "--campaign", "春季政策宣讲")
    return source
  }

  @Test(
    "an xlsx export imports into a fresh database and exports the same JSON",
    arguments: [
      "en", "zh",
    ])
  func roundTrip(language: String) throws {
    let source = try Self.filled()
    for noun in ["enterprises", "services"] {
      let file = source.folder.appendingPathComponent("\(noun)-\(language).xlsx").path
      try source.ok("export", noun, "--output", file, "--lang", language)
      let target = try Sandbox()
      if noun == "services" {
        try target.ok(
          "import", "enterprises",
          source.folder.appendingPathComponent(
            "enterprises-\(language).xlsx"
          ).path)
      }
      try target.ok("import", noun, file)
      #expect(
        try target.ok("export", noun, "--format", "json")
          == (try source.ok("export", noun, "--format", "json")), "\(noun) \(language)")
    }
  }

  @Test("every export reads back with our reader: the CSV export's cells, typed")
  func everyExportReadsBack() throws {
    let source = try Self.filled()
    for noun in ["enterprises", "cases", "events", "services"] {
      let file = source.folder.appendingPathComponent("\(noun).xlsx")
      try source.ok("export", noun, "--format", "xlsx", "--output", file.path)
      let sheets = try WorkbookArchive.read(try Data(contentsOf: file)).sheets
      let kinds: [String?] =
        ["cases", "events"].contains(noun) ? ["arrears", "tax-refund"] : [nil]
      #expect(sheets.map(\.name) == kinds.map { $0 ?? noun }, "\(noun)")
      for (sheet, kind) in zip(sheets, kinds) {
        let csv = try source.ok(
          arguments: ["export", noun, "--format", "csv"] + (kind.map { ["--kind", $0] } ?? []))
        var reader = CSVReader(bytes: Array(csv.utf8))
        var expected: [[String]] = []
        while case .record(_, let fields)? = reader.next() { expected.append(fields) }
        #expect(sheet.rows.count == expected.count, "\(noun) \(kind ?? "")")
        for (row, fields) in zip(sheet.rows, expected) {
          #expect(row.cells.count <= fields.count)
          for (index, field) in fields.enumerated() {
            let cell = index < row.cells.count ? row.cells[index] : ""
            #expect(Self.same(cell, field), "\(noun) \(expected[0][index]): \(cell) ≠ \(field)")
          }
        }
      }
    }
  }

  /// A cell as our reader gives it and the CSV field of the same value: equal, or the same
  /// amount (`1250000.5`, `1250000.50`), or the same local time without its offset.
  private static func same(_ cell: String, _ field: String) -> Bool {
    if cell == field { return true }
    if let a = Decimal(string: cell), let b = Decimal(string: field), field.contains(".") {
      return a == b
    }
    return field.count == 25 && field.hasPrefix(cell) && cell.count == 19
  }

  @Test(
    "an xlsx export has typed cells: codes as text, money and counts as numbers, dates as dates")
  func typedCells() throws {
    let source = try Self.filled()
    let file = source.folder.appendingPathComponent("cases.xlsx")
    try source.ok("export", "cases", "--kind", "arrears", "--output", file.path)
    let xml = try Self.part("xl/worksheets/sheet1.xml", of: file)
    // The contract `00123` is a string cell; the amount a number with the money style; the
    // payment date a serial with the date style.
    #expect(xml.contains("<t xml:space=\"preserve\">00123</t>"))
    #expect(xml.contains("s=\"1\"><v>100000.00</v>"))
    #expect(xml.contains("s=\"2\"><v>\(ExcelDate.serial(LocalDate("2026-03-31")!))</v>"))
    #expect(xml.contains("t=\"inlineStr\"><is><t xml:space=\"preserve\">\(Codes.futian)</t>"))
    let styles = try Self.part("xl/styles.xml", of: file)
    #expect(styles.contains("<xf numFmtId=\"4\""))
  }

  /// The text of a part of a workbook, through our reader's zip library.
  private static func part(_ path: String, of file: URL) throws -> String {
    let unzip = Process()
    unzip.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    unzip.arguments = [
      "python3", "-c",
      "import sys,zipfile;sys.stdout.write(zipfile.ZipFile(sys.argv[1]).read(sys.argv[2]).decode())",
      file.path, path,
    ]
    let pipe = Pipe()
    unzip.standardOutput = pipe
    try unzip.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    unzip.waitUntilExit()
    return String(decoding: data, as: UTF8.self)
  }

  @Test("with --lang zh, CSV and xlsx exports have Chinese headers and labels")
  func chineseExports() throws {
    let source = try Self.filled()
    let csv = try source.ok("export", "enterprises", "--lang", "zh")
    let header = csv.split(separator: "\n")[0]
    #expect(header.hasPrefix("统一社会信用代码,企业名称,行政区划代码,企业规模"))
    #expect(csv.contains(",小型,"))
    let cases = try source.ok("export", "cases", "--lang", "zh", "--kind", "arrears")
    #expect(cases.contains("案件类型"))
    #expect(cases.contains(",机关,"))
    #expect(!cases.contains(",government,"))
    let file = source.folder.appendingPathComponent("zh.xlsx")
    try source.ok("export", "cases", "--lang", "zh", "--output", file.path)
    let sheets = try WorkbookArchive.read(try Data(contentsOf: file)).sheets
    let zh = Localizer(language: .zh)
    #expect(sheets.map(\.name) == [zh.kind(.arrears), zh.kind(.taxRefund)])
    #expect(sheets[0].rows[0].cells.first == "编号")
    #expect(sheets[0].rows[1].cells[1] == zh.kind(.arrears))
  }

  @Test("imports take Chinese headers, Chinese labels and Excel's date forms")
  func chineseImport() throws {
    let sandbox = try Sandbox()
    let csv = """
      统一社会信用代码,企业名称,行政区划代码,企业规模,录入时间
      \(Codes.nanshan),深圳市星河科技有限公司,440305,小型,2026/4/1
      \(Codes.futian),深圳市福田科技有限公司,440304,small,2026年4月2日
      \(Codes.tianhe),广州市天河科技有限公司,440106,,2026/04/03 9:30

      """
    let file = sandbox.folder.appendingPathComponent("企业.csv")
    try csv.write(to: file, atomically: true, encoding: .utf8)
    try sandbox.ok("import", "enterprises", file.path)
    let list = try sandbox.ok("export", "enterprises", "--format", "json")
    #expect(list.contains("\"createdAt\": \"2026-04-01T00:00:00+08:00\""))
    #expect(list.contains("\"createdAt\": \"2026-04-02T00:00:00+08:00\""))
    #expect(list.contains("\"createdAt\": \"2026-04-03T09:30:00+08:00\""))
    #expect(list.contains("\"size\": \"small\""))
    let services = """
      服务类型,服务日期,服务企业
      培训,2026/4/20,\(Codes.nanshan)

      """
    let serviceFile = sandbox.folder.appendingPathComponent("服务.csv")
    try services.write(to: serviceFile, atomically: true, encoding: .utf8)
    try sandbox.ok("import", "services", serviceFile.path)
    let exported = try sandbox.ok("export", "services", "--format", "json")
    #expect(exported.contains("\"type\": \"training\""))
    #expect(exported.contains("\"date\": \"2026-04-20\""))
  }

  @Test("a workbook written the way Excel writes it imports: shared strings, date serial 46327")
  func excelFixture() throws {
    let sandbox = try Sandbox(now: "2026-12-01T09:00:00+08:00")
    try sandbox.ok(
      "enterprise", "add", "--uscc", Codes.nanshan, "--name", "深圳市星河科技有限公司", "--region", "440305")
    let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    let relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    let header = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\r\n"
    let parts: [(String, String)] = [
      (
        "[Content_Types].xml",
        header
          + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/><Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/><Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/><Override PartName=\"/xl/worksheets/sheet2.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/><Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/><Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml\"/></Types>"
      ),
      (
        "_rels/.rels",
        header
          + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"\(relationships)/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>"
      ),
      (
        "xl/workbook.xml",
        header
          + "<workbook xmlns=\"\(main)\" xmlns:r=\"\(relationships)\" xmlns:mc=\"http://schemas.openxmlformats.org/markup-compatibility/2006\" mc:Ignorable=\"x15\"><fileVersion appName=\"xl\" lastEdited=\"7\"/><workbookPr defaultThemeVersion=\"166925\"/><bookViews><workbookView xWindow=\"0\" yWindow=\"0\"/></bookViews><sheets><sheet name=\"服务活动\" sheetId=\"1\" r:id=\"rId3\"/><sheet name=\"Sheet2\" sheetId=\"2\" r:id=\"rId1\"/></sheets><calcPr calcId=\"191029\"/></workbook>"
      ),
      (
        "xl/_rels/workbook.xml.rels",
        header
          + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"\(relationships)/worksheet\" Target=\"worksheets/sheet2.xml\"/><Relationship Id=\"rId3\" Type=\"\(relationships)/worksheet\" Target=\"/xl/worksheets/sheet1.xml\"/><Relationship Id=\"rId4\" Type=\"\(relationships)/styles\" Target=\"styles.xml\"/><Relationship Id=\"rId5\" Type=\"\(relationships)/sharedStrings\" Target=\"sharedStrings.xml\"/></Relationships>"
      ),
      (
        "xl/styles.xml",
        header
          + "<styleSheet xmlns=\"\(main)\"><numFmts count=\"1\"><numFmt numFmtId=\"176\" formatCode=\"yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;\"/></numFmts><fonts count=\"1\"><font><sz val=\"11\"/><name val=\"等线\"/><family val=\"2\"/><charset val=\"134\"/></font></fonts><fills count=\"1\"><fill><patternFill patternType=\"none\"/></fill></fills><borders count=\"1\"><border/></borders><cellStyleXfs count=\"2\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/><xf numFmtId=\"14\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs><cellXfs count=\"3\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/><xf numFmtId=\"14\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/><xf numFmtId=\"176\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/></cellXfs></styleSheet>"
      ),
      (
        "xl/sharedStrings.xml",
        header
          + "<sst xmlns=\"\(main)\" count=\"9\" uniqueCount=\"8\"><si><t>服务类型</t></si><si><t>服务日期</t></si><si><t>服务企业</t></si><si><t>活动名称</t></si><si><t>培训</t><phoneticPr fontId=\"1\" type=\"noConversion\"/></si><si><t>\(Codes.nanshan)</t></si><si><r><rPr><b/><sz val=\"11\"/></rPr><t>秋季</t></r><r><t xml:space=\"preserve\"> 宣讲 &amp; 对接</t></r><rPh sb=\"0\" eb=\"2\"><t>qiuji</t></rPh></si><si><t>备注</t></si></sst>"
      ),
      (
        "xl/worksheets/sheet1.xml",
        header
          + "<worksheet xmlns=\"\(main)\" xmlns:r=\"\(relationships)\" xmlns:x14ac=\"http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac\"><dimension ref=\"A1:E3\"/><sheetViews><sheetView tabSelected=\"1\" workbookViewId=\"0\"/></sheetViews><sheetFormatPr defaultRowHeight=\"14.25\" x14ac:dyDescent=\"0.2\"/><sheetData>"
          + "<row r=\"1\" spans=\"1:5\" x14ac:dyDescent=\"0.2\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"s\"><v>1</v></c><c r=\"C1\" t=\"s\"><v>2</v></c><c r=\"E1\" t=\"s\"><v>3</v></c></row>"
          + "<row r=\"3\" spans=\"1:5\"><c r=\"A3\" t=\"s\"><v>4</v></c><c r=\"B3\" s=\"1\"><v>46327</v></c><c r=\"C3\" t=\"s\"><v>5</v></c><c r=\"D3\" s=\"1\"/><c r=\"E3\" t=\"s\"><v>6</v></c></row>"
          + "<row r=\"4\"><c r=\"A4\" t=\"s\"><v>4</v></c><c r=\"B4\" s=\"2\"><f>B3+1</f><v>46328</v></c><c r=\"C4\" t=\"str\"><f>C3</f><v>\(Codes.nanshan)</v></c></row>"
          + "</sheetData><pageMargins left=\"0.7\" right=\"0.7\" top=\"0.75\" bottom=\"0.75\" header=\"0.3\" footer=\"0.3\"/></worksheet>"
      ),
      (
        "xl/worksheets/sheet2.xml",
        header + "<worksheet xmlns=\"\(main)\"><sheetData/></worksheet>"
      ),
    ]
    let file = sandbox.folder.appendingPathComponent("服务.xlsx")
    try WorkbookArchive.zip(parts).write(to: file)
    try sandbox.ok("import", "services", file.path)
    let exported = try sandbox.ok("export", "services", "--format", "json")
    #expect(exported.contains("\"date\": \"2026-11-01\""))
    #expect(exported.contains("\"date\": \"2026-11-02\""))
    #expect(exported.contains("\"campaign\": \"秋季 宣讲 & 对接\""))
    #expect(exported.contains("\"type\": \"training\""))
    #expect(!exported.contains("qiuji"))
  }

  @Test("a file that is not a workbook, or a workbook with records on two sheets, is refused")
  func refusals() throws {
    let sandbox = try Sandbox()
    let bad = sandbox.folder.appendingPathComponent("bad.xlsx")
    try Data("uscc,name\n".utf8).write(to: bad)
    let before = try sandbox.snapshot()
    let result = try sandbox.run("import", "enterprises", bad.path)
    #expect(result.status == 1)
    #expect(result.stderr.hasPrefix("error: "))
    #expect(result.stderr.contains(".xlsx"))
    var writer = XLSXWriter()
    writer.addSheet(key: "a", name: "one", header: ["uscc", "name", "region"])
    writer.addSheet(key: "b", name: "two", header: ["uscc", "name", "region"])
    let two = sandbox.folder.appendingPathComponent("two.xlsx")
    try WorkbookArchive.zip(writer.parts()).write(to: two)
    let refused = try sandbox.run("import", "enterprises", two.path)
    #expect(refused.status == 1)
    #expect(refused.stderr.contains("one, two"))
    #expect(try sandbox.snapshot() == before)
  }

  @Test(
    "a workbook is not written to a terminal, but goes down a pipe",
    .enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/script")))
  func notToATerminal() throws {
    let sandbox = try Sandbox()
    let binary = try Sandbox.binary().path
    let onTerminal = try Sandbox.execute(
      URL(fileURLWithPath: "/usr/bin/script"),
      arguments: ["-qec", "'\(binary)' export enterprises --format xlsx", "/dev/null"],
      environment: sandbox.environment, in: sandbox.folder)
    #expect(onTerminal.status == 1)
    #expect(onTerminal.stdout.contains("error: an .xlsx workbook is not for the terminal"))
    let piped = try sandbox.run("export", "enterprises", "--format", "xlsx")
    #expect(piped.status == 0)
    #expect(piped.stdout.hasPrefix("PK"))
  }

  // MARK: LibreOffice

  /// LibreOffice's command, when it is installed.
  private static let libreOffice: String? = {
    for name in ["libreoffice", "soffice"] {
      for folder in ["/usr/bin", "/usr/local/bin", "/opt/libreoffice/program"] {
        let path = "\(folder)/\(name)"
        if FileManager.default.isExecutableFile(atPath: path) { return path }
      }
    }
    return nil
  }()

  @Test(
    "a workbook LibreOffice saved (shared strings, its own styles) imports as ours did",
    .enabled(if: libreOffice != nil, "LibreOffice is not installed"))
  func libreOfficeSavedImports() throws {
    let source = try Self.filled()
    for noun in ["enterprises", "services"] {
      let ours = source.folder.appendingPathComponent("ours/\(noun).xlsx")
      try FileManager.default.createDirectory(
        at: ours.deletingLastPathComponent(), withIntermediateDirectories: true)
      try source.ok("export", noun, "--output", ours.path)
      let saved = source.folder.appendingPathComponent("saved")
      try Self.convert(ours, to: "xlsx:Calc MS Excel 2007 XML", into: saved, profile: source.folder)
      let workbook = saved.appendingPathComponent("\(noun).xlsx")
      let parts = try Self.part("xl/sharedStrings.xml", of: workbook)
      #expect(parts.contains("<si>"), "LibreOffice wrote shared strings")
      let target = try Sandbox()
      if noun == "services" {
        try target.ok(
          "import", "enterprises", saved.appendingPathComponent("enterprises.xlsx").path)
      }
      try target.ok("import", noun, workbook.path)
      #expect(
        try target.ok("export", noun, "--format", "json")
          == (try source.ok("export", noun, "--format", "json")), "\(noun)")
    }
  }

  /// Converts a file with LibreOffice headless into a folder.
  private static func convert(_ file: URL, to filter: String, into folder: URL, profile: URL) throws
  {
    let convert = Process()
    convert.executableURL = URL(fileURLWithPath: Self.libreOffice!)
    convert.arguments = [
      "-env:UserInstallation=file://\(profile.path)/lo-profile", "--headless",
      "--convert-to", filter, "--outdir", folder.path, file.path,
    ]
    convert.standardOutput = FileHandle.nullDevice
    convert.standardError = FileHandle.nullDevice
    try convert.run()
    convert.waitUntilExit()
  }

  @Test(
    "LibreOffice opens our workbook: the code intact, 00123 with its zeros, money with two decimals, a date as a date",
    .enabled(if: libreOffice != nil, "LibreOffice is not installed"))
  func libreOfficeReadsIt() throws {
    let source = try Self.filled()
    let file = source.folder.appendingPathComponent("cases.xlsx")
    try source.ok("export", "cases", "--kind", "arrears", "--output", file.path)
    try Self.convert(
      file, to: "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true",
      into: source.folder, profile: source.folder)
    let csv = try String(
      contentsOf: source.folder.appendingPathComponent("cases.csv"), encoding: .utf8)
    var reader = CSVReader(bytes: Array(csv.utf8))
    guard case .record(_, let header)? = reader.next(), case .record(_, let row)? = reader.next()
    else {
      Issue.record("LibreOffice wrote no rows: \(csv)")
      return
    }
    func cell(_ key: String) -> String? {
      header.firstIndex(of: key).map { row[$0] }
    }
    #expect(cell("enterprise") == Codes.futian)
    #expect(cell("contract") == "00123")
    #expect(cell("amountOwed") == "100,000.00")
    #expect(cell("paymentDueDate") == "2026-03-31")
    #expect(cell("openedAt") == "2026-04-28 09:30:00")
  }
}
