import ArgumentParser
import Foundation
import ReliefDomain
import ReliefStore

/// What every export takes.
struct ExportOptions: ParsableArguments {
  @Option(help: "csv or json (default: from --output's extension, else csv; json with --json).")
  var format: DataFormat?

  @Option(help: "Write to this file (readable by its owner only) instead of standard output.")
  var output: String?

  @Flag(help: "CSV for Excel: a UTF-8 byte order mark and CRLF line ends.")
  var excel = false

  /// The format asked for.
  func resolvedFormat(json: Bool) throws -> DataFormat {
    let format = format ?? output.flatMap(DataFormat.init(fileName:)) ?? (json ? .json : .csv)
    if excel, format != .csv { throw Refusal("export.error.excel-json") }
    return format
  }
}

/// Where an export goes: standard output, or a file that is written beside its target (readable
/// by its owner only) and renamed into place once complete.
final class ExportSink {
  private let target: String?
  private let temporary: String?
  private let handle: FileHandle
  private var buffer: [UInt8] = []

  init(path: String?) throws {
    guard let path else {
      target = nil
      temporary = nil
      handle = FileHandle.standardOutput
      return
    }
    let url = URL(fileURLWithPath: path)
    let temporary = url.deletingLastPathComponent().appendingPathComponent(
      ".\(url.lastPathComponent).\(UUID().uuidString).partial"
    ).path
    let descriptor = Foundation.open(temporary, O_CREAT | O_EXCL | O_WRONLY, 0o600)
    guard descriptor >= 0 else {
      throw Refusal("error.io", ["path": path, "message": String(cString: strerror(errno))])
    }
    self.target = path
    self.temporary = temporary
    self.handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
    buffer.reserveCapacity(1 << 20)
  }

  /// Adds text.
  func write(_ text: String) {
    buffer.append(contentsOf: text.utf8)
    if buffer.count >= 1 << 20 { flush() }
  }

  /// Adds bytes.
  func write(bytes: [UInt8]) {
    buffer.append(contentsOf: bytes)
  }

  private func flush() {
    handle.write(Data(buffer))
    buffer.removeAll(keepingCapacity: true)
  }

  /// Writes what is left and puts the file in place.
  func finish() throws {
    flush()
    guard let target, let temporary else { return }
    try handle.synchronize()
    try handle.close()
    if rename(temporary, target) != 0 {
      let reason = String(cString: strerror(errno))
      unlink(temporary)
      throw Refusal("error.io", ["path": target, "message": reason])
    }
  }

  /// Removes a file left unfinished by an error.
  func abandon() {
    if let temporary {
      try? handle.close()
      unlink(temporary)
    }
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
  func begin() {
    switch format {
    case .csv:
      if excel { sink.write(bytes: [0xEF, 0xBB, 0xBF]) }
      sink.write(csv.line(columns))
    case .json:
      sink.write("[")
    }
  }

  /// One record: a JSON object (a case's `details` are spread into CSV columns).
  mutating func record(_ value: JSONValue) {
    switch format {
    case .csv:
      let values = Self.flattened(value)
      sink.write(csv.line(columns.map { Self.cell(values[$0]) }))
    case .json:
      sink.write(count == 0 ? "\n  " : ",\n  ")
      sink.write(value.render(pretty: true).replacingOccurrences(of: "\n", with: "\n  "))
    }
    count += 1
  }

  /// The end of the array.
  func end() {
    if format == .json { sink.write(count == 0 ? "]\n" : "\n]\n") }
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
    noun: String, columns: [String], total: (StoreSession) throws -> Int,
    options: ExportOptions, context: CommandContext,
    records: (StoreSession, _ emit: (JSONValue) -> Void) throws -> Void
  ) throws {
    let format = try options.resolvedFormat(json: context.json)
    let path = options.output.map(GlobalOptions.expand)
    let sink = try ExportSink(path: path)
    var writer = ExportWriter(sink: sink, format: format, excel: options.excel, columns: columns)
    do {
      try context.store.read { session in
        let progress = Progress(label: context.t("import.noun.\(noun)"), total: try total(session))
        writer.begin()
        try records(session) { value in
          writer.record(value)
          progress.advance()
        }
        writer.end()
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
