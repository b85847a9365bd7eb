import ArgumentParser
import Foundation
import ReliefDomain
import ReliefPresentation
import ReliefStoreAPI

/// What every export takes.
struct ExportOptions: ParsableArguments {
  @Option(
    help: "csv, json or xlsx (default: from --output's extension, else csv; json with --json).")
  var format: DataFormat?

  @Option(help: "Write to this file (readable by its owner only) instead of standard output.")
  var output: String?

  @Flag(
    help:
      "CSV for Excel: a byte order mark, CRLF line ends, no cell run as a formula, digits kept as text."
  )
  var excel = false

  /// The format asked for.
  func resolvedFormat(json: Bool) throws -> DataFormat {
    let format = format ?? output.flatMap(DataFormat.init(fileName:)) ?? (json ? .json : .csv)
    if excel, format != .csv { throw Refusal("export.error.excel-json") }
    return format
  }
}

/// Where an export goes: standard output, or an `OutputFile` (never the database, a link or a
/// device; written beside its target, readable by its owner only, and renamed into place once
/// complete). A write error (a full disk, a closed output) throws at once.
final class ExportSink {
  private let file: OutputFile?
  private var buffer: [UInt8] = []

  init(path: String?, database: String?) throws {
    file = try path.map { try OutputFile(path: $0, database: database) }
    buffer.reserveCapacity(1 << 20)
  }

  /// Adds text.
  func write(_ text: String) throws {
    buffer.append(contentsOf: text.utf8)
    if buffer.count >= 1 << 20 { try flush() }
  }

  /// Adds bytes.
  func write(bytes: [UInt8]) throws {
    buffer.append(contentsOf: bytes)
    if buffer.count >= 1 << 20 { try flush() }
  }

  private func flush() throws {
    if let file {
      try file.write(buffer)
    } else {
      try StandardOutput.write(bytes: buffer)
    }
    buffer.removeAll(keepingCapacity: true)
  }

  /// Writes what is left and puts the file in place.
  func finish() throws {
    try flush()
    if let file {
      try file.commit()
    } else {
      try StandardOutput.flush()
    }
  }

  /// Removes a file left unfinished by an error.
  func abandon() {
    file?.discard()
  }
}

/// The sheet of a spreadsheet export a record goes to: its key, its name and its columns.
typealias SheetChoice = (key: String, name: String, columns: [String])

/// Writes records as CSV (the given columns, values flattened), as a JSON array, or as an
/// `.xlsx` workbook (typed cells; a sheet per kind where `sheet` chooses one).
struct ExportWriter {
  let sink: ExportSink
  let format: DataFormat
  let excel: Bool
  let columns: [String]
  /// Headers and values: JSON keys and identifiers, or with `--lang zh` Chinese labels.
  let cells: ExportCells
  /// The sheet of each record; nil for one sheet of `columns`.
  let sheet: (([String: JSONValue]) -> SheetChoice)?
  /// The name of the one sheet (or of the empty workbook's sheet).
  let sheetName: String
  private var workbook = XLSXWriter()
  private var sheetColumns: [String: [String]] = [:]
  private(set) var count = 0

  init(
    sink: ExportSink, format: DataFormat, excel: Bool, columns: [String], cells: ExportCells,
    sheetName: String, sheet: (([String: JSONValue]) -> SheetChoice)? = nil
  ) {
    self.sink = sink
    self.format = format
    self.excel = excel
    self.columns = columns
    self.cells = cells
    self.sheetName = sheetName
    self.sheet = sheet
  }

  private var csv: CSVWriter { CSVWriter(lineEnd: excel ? "\r\n" : "\n") }

  /// The header row, or the array's opening bracket.
  func begin() throws {
    switch format {
    case .csv:
      if excel { try sink.write(bytes: [0xEF, 0xBB, 0xBF]) }
      try sink.write(csv.line(cells.header(columns)))
    case .json:
      try sink.write("[")
    case .xlsx:
      break
    }
  }

  /// One record: a JSON object (a case's `details` are spread into CSV columns and cells).
  mutating func record(_ value: JSONValue) throws {
    switch format {
    case .csv:
      let values = ExportCells.flattened(value)
      let row = columns.map { cells.text($0, in: values) }
      try sink.write(csv.line(excel ? row.map(ExcelText.safe) : row))
    case .json:
      try sink.write(count == 0 ? "\n  " : ",\n  ")
      try sink.write(value.render(pretty: true).replacingOccurrences(of: "\n", with: "\n  "))
    case .xlsx:
      let values = ExportCells.flattened(value)
      let choice: SheetChoice = sheet?(values) ?? ("", sheetName, columns)
      if !workbook.hasSheet(choice.key) {
        workbook.addSheet(key: choice.key, name: choice.name, header: cells.header(choice.columns))
        sheetColumns[choice.key] = choice.columns
      }
      try workbook.addRow(
        key: choice.key, (sheetColumns[choice.key] ?? columns).map { cells.cell($0, in: values) })
    }
    count += 1
  }

  /// The end of the array, or the workbook.
  mutating func end() throws {
    switch format {
    case .csv: break
    case .json: try sink.write(count == 0 ? "]\n" : "\n]\n")
    case .xlsx:
      if count == 0 { workbook.addSheet(key: "", name: sheetName, header: cells.header(columns)) }
      // A sheet per kind in the kinds' order, whichever kind came first.
      workbook.orderSheets(CaseKind.allCases.map(\.rawValue))
      try sink.write(bytes: Array(try WorkbookArchive.zip(workbook.parts())))
    }
  }
}

/// Runs an export: opens the output, writes every record inside one read transaction, and says
/// what it wrote when the output is a file.
enum ExportRunner {
  /// A spreadsheet sheet per kind of case, named by the kind, with the kind's columns.
  static func sheetPerKind(
    _ context: CommandContext, columns: @escaping (CaseKind) -> [String]
  ) -> ([String: JSONValue]) -> SheetChoice {
    let t = context.t
    return { row in
      guard case .string(let raw)? = row["kind"], let kind = CaseKind(rawValue: raw) else {
        return ("", "cases", Columns.caseExport(kind: nil))
      }
      return (raw, t.language == .zh ? t.kind(kind) : raw, columns(kind))
    }
  }

  static func run(
    noun: String, columns: [String], total: (any ReliefSession) throws -> Int,
    options: ExportOptions, context: CommandContext,
    sheet: (([String: JSONValue]) -> SheetChoice)? = nil,
    records: (any ReliefSession, _ emit: (JSONValue) throws -> Void) throws -> Void
  ) throws {
    let format = try options.resolvedFormat(json: context.json)
    let path = options.output.map(GlobalOptions.expand)
    // A workbook is binary: on a terminal it would only scramble the screen.
    if format == .xlsx, path == nil, context.terminal.isInteractive {
      throw Refusal("xlsx.error.terminal")
    }
    let sink = try ExportSink(path: path, database: context.store.path)
    var writer = ExportWriter(
      sink: sink, format: format, excel: options.excel, columns: columns,
      cells: ExportCells(t: context.t),
      sheetName: context.t.language == .zh ? context.t("import.noun.\(noun)") : noun, sheet: sheet)
    do {
      try context.store.read { session in
        let progress = Progress(label: context.t("import.noun.\(noun)"), total: try total(session))
        try writer.begin()
        try records(session) { value in
          try writer.record(value)
          progress.advance()
        }
        try writer.end()
        progress.finish()
      }
      try sink.finish()
    } catch {
      sink.abandon()
      throw error
    }
    guard let path else { return }
    if context.json {
      context.print(
        json: .object([
          ("exported", .string(noun)), ("file", .string(path)),
          ("format", .string(format.rawValue)), ("records", .int(Int64(writer.count))),
        ]))
    } else {
      context.print(
        context.t(
          "export.done",
          ["count": String(writer.count), "what": context.t("import.noun.\(noun)"), "file": path]))
    }
  }
}
