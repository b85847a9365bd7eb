import Foundation
import ReliefDomain

/// A cell of a spreadsheet as Relief writes it.
package enum SpreadsheetCell: Equatable {
  /// Text, however it looks (an 18-character code, `00123`, `=1+1`): a string cell.
  case text(String)
  /// A number as written in decimal (`12`, `1250000.00`), shown with `format`.
  case number(String, format: NumberFormat)
  /// A day: an Excel date serial shown as `yyyy-mm-dd`.
  case date(LocalDate)
  /// A day and a time of day in seconds: an Excel serial with a fraction, shown as
  /// `yyyy-mm-dd hh:mm:ss`.
  case dateTime(LocalDate, secondsOfDay: Int)
  /// `TRUE` or `FALSE`.
  case boolean(Bool)
  /// Nothing: the cell is left out.
  case empty

  /// How a number is shown.
  package enum NumberFormat: Equatable {
    /// As it is: counts.
    case general
    /// Money: `#,##0.00`.
    case money
  }
}

/// Excel's day numbers (the 1900 date system, and the 1904 one of old Mac workbooks).
package enum ExcelDate {
  /// The serial of 1970-01-01 in the 1900 system: serials count from 1899-12-30, past Excel's
  /// 1900-02-29 that never was.
  static let unixEpoch = 25569

  /// The serial of a day (days from 1900-03-01 on; Relief's days start in 1900).
  package static func serial(_ date: LocalDate) -> Int { date.dayNumber + unixEpoch }

  /// The day of a serial's whole part; nil outside the years Relief accepts.
  package static func date(serial: Int, date1904: Bool = false) -> LocalDate? {
    var days = serial + (date1904 ? 1462 : 0)
    // Serials 1...59 (1900-01-01...02-28) come before the phantom 1900-02-29 (60).
    if days < 61 { days += 1 }
    let date = LocalDate(dayNumber: days - unixEpoch)
    return LocalDate.supportedYears.contains(date.year) ? date : nil
  }
}

/// Writes the parts of an Office Open XML workbook (`.xlsx`): a sheet per list of rows, its cells
/// typed (text as inline strings, numbers, dates with a date format). The parts are the minimum
/// Excel, WPS and LibreOffice open: `[Content_Types].xml`, `_rels/.rels`, `xl/workbook.xml`,
/// `xl/_rels/workbook.xml.rels`, `xl/styles.xml` and `xl/worksheets/sheetN.xml`; the command
/// line zips them (`WorkbookArchive`).
package struct XLSXWriter {
  /// The most rows a sheet holds (Excel's limit, the header included).
  package static let maximumRows = 1_048_576

  private struct Sheet {
    var name: String
    var xml: String
    var rows: Int
  }

  private var sheets: [Sheet] = []
  /// The sheet rows are added to, by the key the caller gave it.
  private var keys: [String: Int] = [:]

  package init() {}

  /// True when a sheet was started under this key.
  package func hasSheet(_ key: String) -> Bool { keys[key] != nil }

  /// Starts a sheet (its name made valid and unique) with a header row of text.
  package mutating func addSheet(key: String, name: String, header: [String]) {
    var base = String(
      name.map { "[]:*?/\\".contains($0) ? "_" : $0 }.prefix(31)
    ).trimmingCharacters(in: CharacterSet(charactersIn: "'"))
    if base.isEmpty { base = "Sheet" }
    var unique = base
    var number = 2
    while sheets.contains(where: { $0.name.lowercased() == unique.lowercased() }) {
      let suffix = " (\(number))"
      unique = String(base.prefix(31 - suffix.count)) + suffix
      number += 1
    }
    keys[key] = sheets.count
    sheets.append(Sheet(name: unique, xml: "", rows: 0))
    try? addRow(key: key, header.map { .text($0) })
  }

  /// Puts the sheets of these keys in this order, after any other sheet.
  package mutating func orderSheets(_ order: [String]) {
    let keyOf = Dictionary(uniqueKeysWithValues: keys.map { ($1, $0) })
    let rank = { (index: Int) in order.firstIndex(of: keyOf[index] ?? "") ?? -1 }
    let sorted = sheets.indices.sorted { (rank($0), $0) < (rank($1), $1) }
    sheets = sorted.map { sheets[$0] }
    for (position, index) in sorted.enumerated() {
      if let key = keyOf[index] { keys[key] = position }
    }
  }

  /// Adds a row to the sheet started under `key`; throws past Excel's row limit.
  package mutating func addRow(key: String, _ cells: [SpreadsheetCell]) throws {
    guard let index = keys[key] else { return }
    guard sheets[index].rows < Self.maximumRows else {
      throw Refusal("xlsx.error.too-many-rows", ["limit": String(Self.maximumRows - 1)])
    }
    sheets[index].rows += 1
    let row = sheets[index].rows
    var xml = "<row r=\"\(row)\">"
    for (column, cell) in cells.enumerated() {
      let reference = Self.columnName(column) + String(row)
      switch cell {
      case .empty:
        continue
      case .text(let text):
        xml += "<c r=\"\(reference)\" t=\"inlineStr\"><is><t xml:space=\"preserve\">"
        xml += Self.escape(text)
        xml += "</t></is></c>"
      case .number(let value, let format):
        xml += "<c r=\"\(reference)\"\(format == .money ? " s=\"1\"" : "")><v>\(value)</v></c>"
      case .date(let date):
        xml += "<c r=\"\(reference)\" s=\"2\"><v>\(ExcelDate.serial(date))</v></c>"
      case .dateTime(let date, let seconds):
        let serial = Double(ExcelDate.serial(date)) + Double(seconds) / 86_400
        xml += "<c r=\"\(reference)\" s=\"3\"><v>\(String(format: "%.10f", serial))</v></c>"
      case .boolean(let flag):
        xml += "<c r=\"\(reference)\" t=\"b\"><v>\(flag ? 1 : 0)</v></c>"
      }
    }
    sheets[index].xml += xml + "</row>"
  }

  /// The workbook's parts: each path in the archive with its XML text.
  package func parts() -> [(String, String)] {
    let sheets = self.sheets.isEmpty ? [Sheet(name: "Sheet1", xml: "", rows: 0)] : self.sheets
    var parts: [(String, String)] = [
      ("[Content_Types].xml", contentTypes(sheets.count)),
      ("_rels/.rels", Self.rootRelationships),
      ("xl/workbook.xml", workbook(sheets)),
      ("xl/_rels/workbook.xml.rels", workbookRelationships(sheets.count)),
      ("xl/styles.xml", Self.styles),
    ]
    for (index, sheet) in sheets.enumerated() {
      parts.append(
        (
          "xl/worksheets/sheet\(index + 1).xml",
          Self.header
            + "<worksheet xmlns=\"\(Self.mainNamespace)\"><sheetData>\(sheet.xml)</sheetData>"
            + "</worksheet>"
        ))
    }
    return parts
  }

  /// `A`, `B`, ... `Z`, `AA`, ... for a column counted from 0.
  package static func columnName(_ index: Int) -> String {
    var name = ""
    var number = index + 1
    while number > 0 {
      let remainder = (number - 1) % 26
      name = String(UnicodeScalar(UInt8(65 + remainder))) + name
      number = (number - 1) / 26
    }
    return name
  }

  /// Text as XML character data. Control characters XML cannot hold are written as Excel does,
  /// `_x0001_`.
  static func escape(_ text: String) -> String {
    var output = ""
    output.reserveCapacity(text.utf8.count)
    for scalar in text.unicodeScalars {
      switch scalar {
      case "&": output += "&amp;"
      case "<": output += "&lt;"
      case ">": output += "&gt;"
      case "\"": output += "&quot;"
      case "\t", "\n", "\r": output.unicodeScalars.append(scalar)
      default:
        if scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF {
          output += String(format: "_x%04X_", scalar.value)
        } else {
          output.unicodeScalars.append(scalar)
        }
      }
    }
    return output
  }

  static let header = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
  static let mainNamespace = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
  static let relationshipNamespace =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

  private func contentTypes(_ count: Int) -> String {
    let sheetType = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"
    var xml =
      Self.header
      + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
      + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
      + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
      + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
      + "<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>"
    for index in 1...count {
      xml +=
        "<Override PartName=\"/xl/worksheets/sheet\(index).xml\" ContentType=\"\(sheetType)\"/>"
    }
    return xml + "</Types>"
  }

  private static let rootRelationships =
    header
    + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
    + "<Relationship Id=\"rId1\" Type=\"\(relationshipNamespace)/officeDocument\" Target=\"xl/workbook.xml\"/>"
    + "</Relationships>"

  private func workbook(_ sheets: [Sheet]) -> String {
    var xml =
      Self.header
      + "<workbook xmlns=\"\(Self.mainNamespace)\" xmlns:r=\"\(Self.relationshipNamespace)\"><sheets>"
    for (index, sheet) in sheets.enumerated() {
      xml +=
        "<sheet name=\"\(Self.escape(sheet.name))\" sheetId=\"\(index + 1)\" r:id=\"rId\(index + 1)\"/>"
    }
    return xml + "</sheets></workbook>"
  }

  private func workbookRelationships(_ count: Int) -> String {
    var xml =
      Self.header
      + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
    for index in 1...count {
      xml +=
        "<Relationship Id=\"rId\(index)\" Type=\"\(Self.relationshipNamespace)/worksheet\" Target=\"worksheets/sheet\(index).xml\"/>"
    }
    xml +=
      "<Relationship Id=\"rId\(count + 1)\" Type=\"\(Self.relationshipNamespace)/styles\" Target=\"styles.xml\"/>"
    return xml + "</Relationships>"
  }

  /// Styles 0 general, 1 money (`#,##0.00`, built-in format 4), 2 a date (`yyyy-mm-dd`), 3 a
  /// date and time.
  private static let styles =
    header
    + "<styleSheet xmlns=\"\(mainNamespace)\">"
    + "<numFmts count=\"2\"><numFmt numFmtId=\"164\" formatCode=\"yyyy\\-mm\\-dd\"/>"
    + "<numFmt numFmtId=\"165\" formatCode=\"yyyy\\-mm\\-dd\\ hh:mm:ss\"/></numFmts>"
    + "<fonts count=\"1\"><font><sz val=\"11\"/><name val=\"Calibri\"/></font></fonts>"
    + "<fills count=\"2\"><fill><patternFill patternType=\"none\"/></fill>"
    + "<fill><patternFill patternType=\"gray125\"/></fill></fills>"
    + "<borders count=\"1\"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"
    + "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>"
    + "<cellXfs count=\"4\">"
    + "<xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>"
    + "<xf numFmtId=\"4\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>"
    + "<xf numFmtId=\"164\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>"
    + "<xf numFmtId=\"165\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>"
    + "</cellXfs>"
    + "<cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles>"
    + "</styleSheet>"
}

/// Reads the sheets of an `.xlsx` workbook as Excel, WPS, LibreOffice or Relief wrote it: shared
/// and inline strings, numbers, booleans, formulas by their last value, dates as serials whose
/// style has a date format (built-in or custom), and rows and cells left out (`r="C7"`).
package struct XLSXReader {
  /// One sheet: its name and its rows, each with its row number and its cells as text (a date
  /// as `YYYY-MM-DD`, a date and time as `YYYY-MM-DDTHH:MM:SS`, a number in decimal, a boolean as
  /// `true`/`false`; an empty cell as "").
  package struct Sheet {
    package let name: String
    package let rows: [(number: Int, cells: [String])]
  }

  package let sheets: [Sheet]

  /// Reads a workbook from its parts: `part` gives the bytes of a path in the archive, nil when
  /// it has none; throws a `Refusal` for a file that is not a workbook.
  package init(part: (String) throws -> [UInt8]?) throws {
    guard let workbook = try part("xl/workbook.xml") else { throw Refusal("xlsx.error.not-xlsx") }
    let listed = try Self.sheetList(workbook)
    let targets = try part("xl/_rels/workbook.xml.rels").map(Self.relationships) ?? [:]
    let shared = try part("xl/sharedStrings.xml").map(Self.sharedStrings) ?? []
    let dateStyles = try part("xl/styles.xml").map(Self.dateStyles) ?? []
    var sheets: [Sheet] = []
    for (index, entry) in listed.sheets.enumerated() {
      var path = targets[entry.relationship] ?? "worksheets/sheet\(index + 1).xml"
      path = path.hasPrefix("/") ? String(path.dropFirst()) : "xl/" + path
      guard let xml = try part(path) else { continue }
      let rows = try Self.rows(
        xml, shared: shared, dateStyles: dateStyles, date1904: listed.date1904)
      sheets.append(Sheet(name: entry.name, rows: rows))
    }
    self.sheets = sheets
  }

  /// The sheets of `xl/workbook.xml` in order (name and relationship id), and whether the
  /// workbook counts days from 1904.
  private static func sheetList(_ bytes: [UInt8]) throws -> (
    sheets: [(name: String, relationship: String)], date1904: Bool
  ) {
    var scanner = XMLScanner(bytes)
    var sheets: [(name: String, relationship: String)] = []
    var date1904 = false
    while let event = try scanner.next() {
      guard case .start(let name, let attributes, _) = event else { continue }
      if name == "sheet" {
        sheets.append((attributes["name"] ?? "", attributes["id"] ?? ""))
      } else if name == "workbookPr" {
        date1904 = ["1", "true"].contains(attributes["date1904"] ?? "")
      }
    }
    return (sheets, date1904)
  }

  /// The targets of `xl/_rels/workbook.xml.rels` by id.
  private static func relationships(_ bytes: [UInt8]) throws -> [String: String] {
    var scanner = XMLScanner(bytes)
    var result: [String: String] = [:]
    while let event = try scanner.next() {
      if case .start("Relationship", let attributes, _) = event, let id = attributes["Id"],
        let target = attributes["Target"]
      {
        result[id] = target
      }
    }
    return result
  }

  /// The shared strings: each `<si>` is its `<t>`, or its runs' `<t>` joined; phonetic guides
  /// (`<rPh>`, which Excel adds to Chinese and Japanese text) are not part of the text.
  private static func sharedStrings(_ bytes: [UInt8]) throws -> [String] {
    var scanner = XMLScanner(bytes)
    var strings: [String] = []
    var current = ""
    var inText = false
    var phonetic = 0
    while let event = try scanner.next() {
      switch event {
      case .start("si", _, _): current = ""
      case .start("rPh", _, let empty): if !empty { phonetic += 1 }
      case .end("rPh"): phonetic -= 1
      case .start("t", _, let empty): inText = !empty && phonetic == 0
      case .end("t"): inText = false
      case .text(let text): if inText { current += text }
      case .end("si"): strings.append(Self.unescape(current))
      default: break
      }
    }
    return strings
  }

  /// Which cell styles (by index in `cellXfs`) show a date.
  private static func dateStyles(_ bytes: [UInt8]) throws -> [Bool] {
    var scanner = XMLScanner(bytes)
    var custom: [Int: String] = [:]
    var formats: [Int] = []
    var inCellXfs = false
    while let event = try scanner.next() {
      switch event {
      case .start("numFmt", let attributes, _):
        if let id = attributes["numFmtId"].flatMap({ Int($0) }) {
          custom[id] = attributes["formatCode"] ?? ""
        }
      case .start("cellXfs", _, let empty): inCellXfs = !empty
      case .end("cellXfs"): inCellXfs = false
      case .start("xf", let attributes, _) where inCellXfs:
        formats.append(attributes["numFmtId"].flatMap { Int($0) } ?? 0)
      default: break
      }
    }
    return formats.map { id in
      if let code = custom[id] { return isDateFormat(code) }
      // Built-in date and time formats, with those of Chinese, Japanese and Korean Excel.
      return (14...22).contains(id) || (27...36).contains(id) || (45...47).contains(id)
        || (50...58).contains(id)
    }
  }

  /// True for a number format that shows a date or time: `y`, `m`, `d`, `h` or `s` outside
  /// quoted text, escapes and brackets (`[Red]`, `[$-804]`), and not only elapsed time.
  package static func isDateFormat(_ code: String) -> Bool {
    var inQuote = false
    var inBracket = false
    var escaped = false
    for character in code.lowercased() {
      if escaped {
        escaped = false
        continue
      }
      switch character {
      case "\"": inQuote.toggle()
      case "\\", "_", "*": if !inQuote { escaped = true }
      case "[" where !inQuote: inBracket = true
      case "]" where !inQuote: inBracket = false
      case "y", "m", "d", "h", "s", "年", "月", "日":
        if !inQuote, !inBracket { return true }
      default: break
      }
    }
    return false
  }

  /// The rows of a worksheet.
  private static func rows(
    _ bytes: [UInt8], shared: [String], dateStyles: [Bool], date1904: Bool
  ) throws -> [(number: Int, cells: [String])] {
    var scanner = XMLScanner(bytes)
    var rows: [(number: Int, cells: [String])] = []
    var rowNumber = 0
    var cells: [String] = []
    var column = 0
    var type = ""
    var style = 0
    var value = ""
    var inline = ""
    var inValue = false
    var inInline = false
    var inText = false
    var phonetic = 0
    while let event = try scanner.next() {
      switch event {
      case .start("row", let attributes, let empty):
        rowNumber = attributes["r"].flatMap { Int($0) } ?? rowNumber + 1
        cells = []
        column = 0
        if empty { rows.append((rowNumber, [])) }
      case .end("row"):
        rows.append((rowNumber, cells))
      case .start("c", let attributes, let empty):
        if let reference = attributes["r"], let index = columnIndex(reference) { column = index }
        type = attributes["t"] ?? "n"
        style = attributes["s"].flatMap { Int($0) } ?? 0
        value = ""
        inline = ""
        if empty { column += 1 }
      case .start("v", _, let empty): inValue = !empty
      case .end("v"): inValue = false
      case .start("is", _, let empty): inInline = !empty
      case .end("is"): inInline = false
      case .start("rPh", _, let empty): if !empty { phonetic += 1 }
      case .end("rPh"): phonetic -= 1
      case .start("t", _, let empty): inText = !empty && inInline && phonetic == 0
      case .end("t"): inText = false
      case .text(let text):
        if inValue { value += text } else if inText { inline += text }
      case .end("c"):
        let text = try cellText(
          type: type, value: value, inline: inline, shared: shared,
          isDate: style < dateStyles.count && dateStyles[style], date1904: date1904)
        if !text.isEmpty {
          while cells.count < column { cells.append("") }
          if cells.count == column { cells.append(text) } else { cells[column] = text }
        }
        column += 1
      default: break
      }
    }
    return rows
  }

  /// A cell's value as import text.
  private static func cellText(
    type: String, value: String, inline: String, shared: [String], isDate: Bool, date1904: Bool
  ) throws -> String {
    if type != "inlineStr", value.allSatisfy(\.isWhitespace) { return "" }
    switch type {
    case "s":
      guard let index = Int(value.trimmingCharacters(in: .whitespaces)),
        shared.indices.contains(index)
      else { throw Refusal("xlsx.error.not-xlsx") }
      return shared[index]
    case "inlineStr": return unescape(inline)
    case "str", "e": return unescape(value)
    case "d":
      // An ISO 8601 date cell (LibreOffice may write them): a day at midnight is the day.
      let text = value.trimmingCharacters(in: .whitespaces)
      for midnight in ["T00:00:00", "T00:00:00Z", "T00:00:00.000"] where text.hasSuffix(midnight) {
        return String(text.dropLast(midnight.count))
      }
      return text
    case "b": return value.trimmingCharacters(in: .whitespaces) == "1" ? "true" : "false"
    default:
      let trimmed = value.trimmingCharacters(in: .whitespaces)
      guard let number = Double(trimmed) else { return trimmed }
      if isDate { return dateText(serial: number, date1904: date1904) ?? numberText(number) }
      return numberText(number)
    }
  }

  /// A date serial as `YYYY-MM-DD`, with `THH:MM:SS` when it has a time of day.
  package static func dateText(serial: Double, date1904: Bool = false) -> String? {
    var days = Int(serial.rounded(.down))
    var seconds = Int(((serial - Double(days)) * 86_400).rounded())
    if seconds >= 86_400 {
      days += 1
      seconds -= 86_400
    }
    guard let date = ExcelDate.date(serial: days, date1904: date1904) else { return nil }
    guard seconds > 0 else { return date.description }
    return date.description
      + String(format: "T%02d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60)
  }

  /// A number as text: whole numbers without a fraction, others to Excel's 15 significant digits
  /// (`1234.5`, not `1234.5000000000002`).
  package static func numberText(_ number: Double) -> String {
    if number == number.rounded(), abs(number) < 1e15 { return String(Int64(number)) }
    var text = String(format: "%.15g", number)
    if text.contains("e") { return text }
    if text.contains(".") {
      while text.hasSuffix("0") { text.removeLast() }
      if text.hasSuffix(".") { text.removeLast() }
    }
    return text
  }

  /// The column (from 0) of a cell reference such as `C7`.
  package static func columnIndex(_ reference: String) -> Int? {
    var index = 0
    var letters = 0
    for scalar in reference.unicodeScalars {
      let value = Int(scalar.value)
      if (65...90).contains(value) {
        index = index * 26 + value - 64
      } else if (97...122).contains(value) {
        index = index * 26 + value - 96
      } else {
        break
      }
      letters += 1
    }
    return letters > 0 ? index - 1 : nil
  }

  /// Excel's escapes of characters XML cannot hold (`_x000D_`) taken off again.
  static func unescape(_ text: String) -> String {
    guard text.contains("_x") else { return text }
    var output = ""
    var rest = Substring(text)
    while let start = rest.range(of: "_x") {
      output += rest[..<start.lowerBound]
      let after = rest[start.upperBound...]
      let hex = after.prefix(5)
      if hex.count == 5, hex.last == "_", let value = UInt32(hex.dropLast(), radix: 16),
        let scalar = Unicode.Scalar(value)
      {
        output.unicodeScalars.append(scalar)
        rest = after.dropFirst(5)
      } else {
        output += "_x"
        rest = after
      }
    }
    return output + rest
  }
}

/// A pull reader of the XML in a workbook's parts: elements with their attributes, and
/// character data with entities and CDATA resolved. Namespace prefixes are dropped from names
/// (`x:row` is `row`, `r:id` is `id`); comments, processing instructions and declarations are
/// skipped.
struct XMLScanner {
  enum Event: Equatable {
    case start(String, [String: String], empty: Bool)
    case end(String)
    case text(String)
  }

  private let bytes: [UInt8]
  private var index = 0

  init(_ bytes: [UInt8]) {
    self.bytes = bytes
  }

  mutating func next() throws -> Event? {
    guard index < bytes.count else { return nil }
    guard bytes[index] == UInt8(ascii: "<") else {
      let start = index
      while index < bytes.count, bytes[index] != UInt8(ascii: "<") { index += 1 }
      return .text(try Self.decode(bytes[start..<index]))
    }
    if matches("<!--") {
      try skip(past: "-->")
      return try next()
    }
    if matches("<![CDATA[") {
      index += 9
      let start = index
      try skip(past: "]]>")
      return .text(String(decoding: bytes[start..<index - 3], as: UTF8.self))
    }
    if matches("<?") || matches("<!") {
      try skip(past: ">")
      return try next()
    }
    if matches("</") {
      index += 2
      let start = index
      try skip(past: ">")
      let name = String(decoding: bytes[start..<index - 1], as: UTF8.self)
      return .end(Self.local(name.trimmingCharacters(in: .whitespacesAndNewlines)))
    }
    index += 1
    let name = readName()
    var attributes: [String: String] = [:]
    while true {
      skipSpace()
      guard index < bytes.count else { throw Refusal("xlsx.error.not-xlsx") }
      if bytes[index] == UInt8(ascii: "/") {
        try skip(past: ">")
        return .start(Self.local(name), attributes, empty: true)
      }
      if bytes[index] == UInt8(ascii: ">") {
        index += 1
        return .start(Self.local(name), attributes, empty: false)
      }
      let attribute = readName()
      skipSpace()
      guard !attribute.isEmpty, index < bytes.count, bytes[index] == UInt8(ascii: "=") else {
        throw Refusal("xlsx.error.not-xlsx")
      }
      index += 1
      skipSpace()
      guard index < bytes.count,
        bytes[index] == UInt8(ascii: "\"") || bytes[index] == UInt8(ascii: "'")
      else { throw Refusal("xlsx.error.not-xlsx") }
      let quote = bytes[index]
      index += 1
      let start = index
      while index < bytes.count, bytes[index] != quote { index += 1 }
      guard index < bytes.count else { throw Refusal("xlsx.error.not-xlsx") }
      attributes[Self.local(attribute)] = try Self.decode(bytes[start..<index])
      index += 1
    }
  }

  private func matches(_ text: String) -> Bool {
    let pattern = Array(text.utf8)
    return bytes.count - index >= pattern.count
      && bytes[index..<index + pattern.count].elementsEqual(pattern)
  }

  private mutating func skip(past text: String) throws {
    let pattern = Array(text.utf8)
    while index + pattern.count <= bytes.count {
      if bytes[index..<index + pattern.count].elementsEqual(pattern) {
        index += pattern.count
        return
      }
      index += 1
    }
    throw Refusal("xlsx.error.not-xlsx")
  }

  private mutating func skipSpace() {
    while index < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[index]) { index += 1 }
  }

  private mutating func readName() -> String {
    let start = index
    while index < bytes.count, ![0x20, 0x09, 0x0A, 0x0D, 0x2F, 0x3E, 0x3D].contains(bytes[index]) {
      index += 1
    }
    return String(decoding: bytes[start..<index], as: UTF8.self)
  }

  /// A name without its namespace prefix.
  private static func local(_ name: String) -> String {
    guard let colon = name.lastIndex(of: ":") else { return name }
    return String(name[name.index(after: colon)...])
  }

  /// Character data with its entity and character references resolved.
  private static func decode(_ slice: ArraySlice<UInt8>) throws -> String {
    guard slice.contains(UInt8(ascii: "&")) else { return String(decoding: slice, as: UTF8.self) }
    var output: [UInt8] = []
    output.reserveCapacity(slice.count)
    var position = slice.startIndex
    while position < slice.endIndex {
      let byte = slice[position]
      guard byte == UInt8(ascii: "&"),
        let semicolon = slice[position...].prefix(12).firstIndex(of: UInt8(ascii: ";"))
      else {
        output.append(byte)
        position += 1
        continue
      }
      let name = String(decoding: slice[(position + 1)..<semicolon], as: UTF8.self)
      let scalar: Unicode.Scalar?
      switch name {
      case "lt": scalar = "<"
      case "gt": scalar = ">"
      case "amp": scalar = "&"
      case "quot": scalar = "\""
      case "apos": scalar = "'"
      default:
        if name.hasPrefix("#x") || name.hasPrefix("#X") {
          scalar = UInt32(name.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init)
        } else if name.hasPrefix("#") {
          scalar = UInt32(name.dropFirst()).flatMap(Unicode.Scalar.init)
        } else {
          scalar = nil
        }
      }
      guard let scalar else { throw Refusal("xlsx.error.not-xlsx") }
      output.append(contentsOf: String(Character(scalar)).utf8)
      position = semicolon + 1
    }
    return String(decoding: output, as: UTF8.self)
  }
}
