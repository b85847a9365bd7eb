import ArgumentParser
import Foundation
import ReliefDomain
import ReliefPresentation
import ReliefStoreAPI

/// What every export takes.
struct ExportOptions: ParsableArguments {
  @Option(help: "csv or json (default: from --output's extension, else csv; json with --json).")
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

/// Writes records as CSV (the given columns, values flattened) or as a JSON array.
struct ExportWriter {
  let sink: ExportSink
  let format: DataFormat
  let excel: Bool
  let columns: [String]
  private(set) var count = 0

  init(sink: ExportSink, format: DataFormat, excel: Bool, columns: [String]) {
    self.sink = sink
    self.format = format
    self.excel = excel
    self.columns = columns
  }

  private var csv: CSVWriter { CSVWriter(lineEnd: excel ? "\r\n" : "\n") }

  /// The header row, or the array's opening bracket.
  func begin() throws {
    switch format {
    case .csv:
      if excel { try sink.write(bytes: [0xEF, 0xBB, 0xBF]) }
      try sink.write(csv.line(columns))
    case .json:
      try sink.write("[")
    }
  }

  /// One record: a JSON object (a case's `details` are spread into CSV columns).
  mutating func record(_ value: JSONValue) throws {
    switch format {
    case .csv:
      let values = Self.flattened(value)
      let cells = columns.map { Self.cell(values[$0]) }
      try sink.write(csv.line(excel ? cells.map(ExcelText.safe) : cells))
    case .json:
      try sink.write(count == 0 ? "\n  " : ",\n  ")
      try sink.write(value.render(pretty: true).replacingOccurrences(of: "\n", with: "\n  "))
    }
    count += 1
  }

  /// The end of the array.
  func end() throws {
    if format == .json { try sink.write(count == 0 ? "]\n" : "\n]\n") }
  }

  /// The members of an object, with those of a nested `details` object lifted beside them.
  static func flattened(_ value: JSONValue) -> [String: JSONValue] {
    guard case .object(let members) = value else { return [:] }
    var result: [String: JSONValue] = [:]
    for (key, member) in members {
      if key == "details", case .object(let details) = member {
        for (detailKey, detail) in details where result[detailKey] == nil {
          result[detailKey] = detail
        }
      } else {
        result[key] = member
      }
    }
    return result
  }

  /// A value as CSV text: null empty, lists joined by `;`.
  static func cell(_ value: JSONValue?) -> String {
    switch value {
    case nil, .null?: return ""
    case .bool(let flag)?: return flag ? "true" : "false"
    case .int(let number)?: return String(number)
    case .double(let number)?: return String(number)
    case .string(let text)?: return text
    case .array(let elements)?: return elements.map { cell($0) }.joined(separator: ";")
    case .object?: return value!.render(pretty: false)
    }
  }
}

/// Runs an export: opens the output, writes every record inside one read transaction, and says
/// what it wrote when the output is a file.
enum ExportRunner {
  static func run(
    noun: String, columns: [String], total: (any ReliefSession) throws -> Int,
    options: ExportOptions, context: CommandContext,
    records: (any ReliefSession, _ emit: (JSONValue) throws -> Void) throws -> Void
  ) throws {
    let format = try options.resolvedFormat(json: context.json)
    let path = options.output.map(GlobalOptions.expand)
    let sink = try ExportSink(path: path, database: context.store.path)
    var writer = ExportWriter(sink: sink, format: format, excel: options.excel, columns: columns)
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
