import ArgumentParser
import Foundation
import ReliefDomain
import ReliefPresentation
import ReliefStoreAPI

/// The formats data comes in and goes out as.
enum DataFormat: String, CaseIterable, ExpressibleByArgument {
  case csv, json, xlsx

  /// The format a file name's extension names, if any.
  init?(fileName: String) {
    let name = fileName.lowercased()
    if name.hasSuffix(".csv") {
      self = .csv
    } else if name.hasSuffix(".json") {
      self = .json
    } else if name.hasSuffix(".xlsx") {
      self = .xlsx
    } else {
      return nil
    }
  }
}

/// What every import takes.
struct ImportOptions: ParsableArguments {
  @Argument(help: "The file to import: .csv, .json or .xlsx.")
  var file: String

  @Option(help: "csv, json or xlsx (default: from the file's extension).")
  var format: DataFormat?

  @Option(help: "utf-8 or gb18030 (default: detected; UTF-8 with or without BOM, else GB18030).")
  var encoding: ImportEncoding?

  @Flag(help: "Check every record as a real import would, then import nothing.")
  var dryRun = false
}

/// An import that was refused: every bad record, by the line it starts on.
struct ImportRefusal: Error {
  var problems: [(line: Int, message: String)]
  var records: Int
}

/// Runs an import: reads and decodes the file, then feeds every record to an importer inside one
/// transaction (rolled back with `--dry-run`, or when any record is bad, after every record was
/// checked so that all bad ones are listed).
enum ImportRunner {
  /// The records of a file, read piece by piece: CSV, or JSON a record at a time.
  private final class Source {
    private let file: ImportFile?
    private var reader: CSVReader?
    private var header: ImportRecord.Header?
    private var json: JSONRecords?
    /// The rows of a workbook's sheet still to read, last first.
    private var sheetRows: [CSVReader.Item] = []
    private let size: Int

    init(file: ImportFile, format: DataFormat, columns: ColumnSet) throws {
      self.file = file
      self.size = file.size
      switch format {
      case .csv, .xlsx:
        reader = CSVReader(bytes: [], isComplete: false)
        header = try ImportRunner.header(from: try nextItem(), columns: columns)
      case .json:
        json = JSONRecords { [file] in try file.next()?.bytes }
      }
    }

    /// The records of the one sheet of an `.xlsx` workbook that holds any.
    init(workbook path: String, columns: ColumnSet) throws {
      self.file = nil
      let data: Data
      do {
        data = try Data(contentsOf: URL(fileURLWithPath: path))
      } catch {
        throw Refusal("error.io", ["path": path, "message": String(cString: strerror(errno))])
      }
      self.size = data.count
      let filled = try WorkbookArchive.read(data).sheets.filter { sheet in
        sheet.rows.contains { !$0.cells.allSatisfy(ImportRecord.isBlank) }
      }
      if filled.count > 1 {
        throw Refusal(
          "xlsx.error.several-sheets", ["sheets": filled.map(\.name).joined(separator: ", ")])
      }
      // Rows of empty cells above the header are skipped, as empty lines are in CSV.
      let rows = (filled.first?.rows ?? []).drop { $0.cells.allSatisfy(ImportRecord.isBlank) }
      sheetRows = rows.reversed().map {
        .record(line: $0.number, fields: $0.cells)
      }
      let first = try nextItem()
      header = try ImportRunner.header(from: first, columns: columns, restoresExcelText: false)
      // Cells left empty at the end of a row are not written: a row is as wide as its header.
      let width = header?.names.count ?? 0
      sheetRows = sheetRows.map { item in
        guard case .record(let line, var fields) = item else { return item }
        while fields.count > width, fields.last.map(ImportRecord.isBlank) == true {
          fields.removeLast()
        }
        while fields.count < width { fields.append("") }
        return .record(line: line, fields: fields)
      }
    }

    /// The next CSV item (or row of a sheet), reading more of the file when the text so far
    /// runs out.
    private func nextItem() throws -> CSVReader.Item? {
      if file == nil { return sheetRows.popLast() }
      while true {
        if let item = reader?.next() { return item }
        guard let current = reader, !current.isComplete, let file else { return nil }
        let piece = try file.next()
        reader?.append(piece?.bytes ?? [], isComplete: piece?.isLast ?? true)
      }
    }

    /// What is read next: a record, a malformed record, or nil at the end.
    func next() throws -> Result<ImportRecord, ImportRefusalLine>? {
      guard let header else {
        do {
          guard let record = try json?.next() else { return nil }
          return .success(ImportRecord(line: record.line, object: record.object))
        } catch let duplicate as JSONRecords.DuplicateKey {
          return .failure(
            ImportRefusalLine(
              line: duplicate.line,
              error: ColumnError(
                column: duplicate.key, underlying: Refusal("imports.error.duplicate-key"))))
        }
      }
      var item: CSVReader.Item
      repeat {
        guard let next = try nextItem() else { return nil }
        item = next
      } while Self.isBlank(item)
      switch item {
      case .record(let line, let fields):
        if fields.count != header.names.count {
          return .failure(
            ImportRefusalLine(
              line: line,
              error: Refusal(
                "import.csv.field-count",
                ["found": String(fields.count), "expected": String(header.names.count)])))
        }
        if let column = header.names.indices.first(where: {
          header.names[$0].isEmpty && !ImportRecord.isBlank(fields[$0])
        }) {
          return .failure(
            ImportRefusalLine(
              line: line,
              error: Refusal("xlsx.error.value-without-header", ["column": String(column + 1)])))
        }
        return .success(ImportRecord(line: line, header: header, fields: fields))
      case .malformed(let line, let problem):
        return .failure(
          ImportRefusalLine(line: line, error: Refusal("import.csv.\(problem.rawValue)")))
      }
    }

    /// True for a row of empty fields, which spreadsheets leave below the data (`,,,,`).
    private static func isBlank(_ item: CSVReader.Item) -> Bool {
      guard case .record(_, let fields) = item else { return false }
      return fields.allSatisfy(ImportRecord.isBlank)
    }

    /// How far reading has got, and out of how much.
    var position: (done: Int, total: Int) {
      (file == nil ? 0 : reader?.bytesRead ?? json?.bytesRead ?? 0, size)
    }
  }

  /// A bad record before it is worded.
  struct ImportRefusalLine: Error {
    let line: Int
    let error: any Error
  }

  /// Imports `options.file` through `importer`; `noun` keys the words for what is imported.
  static func run(
    _ importer: some RecordImporter, noun: String, options: ImportOptions,
    context: CommandContext
  ) throws {
    let t = context.t
    let path = GlobalOptions.expand(options.file)
    guard let format = options.format ?? DataFormat(fileName: path) else {
      throw Refusal("import.error.format", ["path": path])
    }
    let source: Source
    let encoding: ImportEncoding
    if format == .xlsx {
      // A workbook's text is UTF-8 XML, whatever `--encoding` says.
      encoding = .utf8
      source = try Source(workbook: path, columns: importer.columns(for: nil))
    } else {
      let file = try ImportFile(path: path, encoding: options.encoding)
      encoding = file.encoding
      source = try Source(file: file, format: format, columns: importer.columns(for: nil))
    }
    let body = { (session: any ReliefSession) throws -> Int in
      try session.enlargeCache()
      return try session.deferringSearchIndex {
        try importAll(from: source, through: importer, into: session, t: t, noun: noun)
      }
    }
    let count: Int
    do {
      count = options.dryRun ? try context.store.rehearse(body) : try context.store.write(body)
    } catch let refusal as ImportRefusal {
      var lines = [
        t(
          "import.refused",
          [
            "bad": String(refusal.problems.count), "records": String(refusal.records),
            "file": options.file,
          ])
      ]
      for problem in refusal.problems.sorted(by: { $0.line < $1.line }) {
        lines.append(t("import.line", ["line": String(problem.line), "message": problem.message]))
      }
      throw ReliefFailure(message: lines.joined(separator: "\n"))
    }
    if context.json {
      context.print(
        json: .object([
          ("imported", .string(noun)), ("file", .string(options.file)),
          ("format", .string(format.rawValue)), ("encoding", .string(encoding.rawValue)),
          ("records", .int(Int64(count))), ("dryRun", .bool(options.dryRun)),
        ]))
      return
    }
    let arguments = [
      "count": String(count), "what": t("import.noun.\(noun)"), "file": options.file,
      "encoding": encoding == .utf8 ? "UTF-8" : "GB18030",
    ]
    context.print(t(options.dryRun ? "import.checked" : "import.done", arguments))
  }

  private static func importAll(
    from source: Source, through importer: some RecordImporter, into session: any ReliefSession,
    t: Localizer, noun: String
  ) throws -> Int {
    var importer = importer
    var problems: [(line: Int, message: String)] = []
    var count = 0
    let progress = Progress(label: t("import.noun.\(noun)"), total: source.position.total)
    var reported = 0
    while let item = try source.next() {
      count += 1
      switch item {
      case .failure(let bad):
        problems.append((bad.line, describe(bad.error, t)))
      case .success(let record):
        do {
          let record = try importer.prepared(record)
          try check(record, against: importer.columns(for: record))
          try importer.importRecord(record, into: session)
        } catch {
          problems.append((record.line, describe(error, t)))
        }
      }
      let done = source.position.done
      progress.advance(by: done - reported)
      reported = done
    }
    progress.finish()
    for (line, error) in try importer.finish(in: session) {
      problems.append((line, describe(error, t)))
    }
    if !problems.isEmpty { throw ImportRefusal(problems: problems, records: count) }
    return count
  }

  /// The header of a CSV file: every cell must name a column, every required column be there.
  fileprivate static func header(
    from first: CSVReader.Item?, columns: ColumnSet, restoresExcelText: Bool = true
  ) throws -> ImportRecord.Header {
    guard let first else { throw Refusal("import.error.empty") }
    guard case .record(_, let cells) = first else { throw Refusal("import.error.header-malformed") }
    var names: [String] = []
    var unknown: [String] = []
    var refused: [String] = []
    for cell in cells {
      // A column without a header (a spreadsheet's empty column) is skipped; a value under it
      // is refused with its record.
      if ImportRecord.isBlank(cell) {
        names.append("")
        continue
      }
      guard let name = columns.canonical(cell) else {
        unknown.append(cell.trimmingCharacters(in: .whitespaces))
        names.append(cell)
        continue
      }
      if names.contains(name) { throw Refusal("import.error.column-twice", ["column": name]) }
      if columns.refused.contains(name) { refused.append(name) }
      names.append(name)
    }
    if unknown.count == cells.count || names.allSatisfy(\.isEmpty) {
      throw Refusal(
        "import.error.no-header",
        [
          "first": cells.first ?? "",
          "example": columns.required.joined(separator: ","),
        ])
    }
    if !refused.isEmpty {
      throw Refusal(columns.refusedReason, ["columns": refused.joined(separator: ", ")])
    }
    if !unknown.isEmpty {
      throw Refusal(
        "import.error.unknown-columns",
        [
          "columns": unknown.joined(separator: ", "),
          "known": columns.accepted.joined(separator: ", "),
        ])
    }
    let missing = columns.required.filter { !names.contains($0) }
    if !missing.isEmpty {
      throw Refusal("import.error.missing-columns", ["columns": missing.joined(separator: ", ")])
    }
    return ImportRecord.Header(names, restoresExcelText: restoresExcelText)
  }

  /// A record's keys must be columns of the set (CSV headers were checked once), and its
  /// required columns filled.
  private static func check(_ record: ImportRecord, against columns: ColumnSet) throws {
    if case .none = record.header {
      for key in record.keys.sorted() {
        if columns.refused.contains(key) {
          throw ColumnError(
            column: key, underlying: Refusal(columns.refusedReason, ["columns": key]))
        }
        if !columns.accepted.contains(key) {
          throw ColumnError(
            column: key,
            underlying: Refusal(
              "import.error.unknown-key", ["known": columns.accepted.joined(separator: ", ")]))
        }
      }
    }
    for key in columns.required where record.raw(key) == nil {
      throw ColumnError(column: key, underlying: Refusal("import.error.required"))
    }
  }

  /// Words a refusal of one record.
  static func describe(_ error: any Error, _ t: Localizer) -> String {
    if let error = error as? ColumnError {
      return t("import.column", ["column": error.column, "message": describe(error.underlying, t)])
    }
    return ErrorText.describe(error, t, optionPrefix: "")
  }
}
