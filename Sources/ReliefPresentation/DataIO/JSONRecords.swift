import Foundation

/// The records of an import file in JSON: a top-level array of objects (what `relief export
/// --format json` writes), or an object whose `items` member is that array (what `list --json`
/// prints). Each record knows the line it starts on.
///
/// The file is read piece by piece and each record parsed on its own as soon as its closing
/// brace arrives, so that restoring a province's export (two gigabytes of JSON for a million
/// cases) holds one record in memory, not the whole document. A scan that follows strings and
/// nesting finds where each record starts and ends; brackets inside text do not count.
package final class JSONRecords {
  private let nextPiece: () throws -> [UInt8]?
  private var piece: [UInt8] = []
  private var index = 0
  private var finished = false
  /// The bytes of the record being read.
  private var element: [UInt8] = []
  private var elementLine = 0
  private var collecting = false
  private var line = 1
  private var depth = 0
  /// The depth of the array whose elements are the records, once found.
  private var recordsDepth: Int?
  private var inString = false
  private var escaped = false
  private var expectingElement = false
  private var sawDocument = false
  private var ended = false
  /// Records begun so far.
  private var records = 0

  /// Bytes read so far, for progress.
  package private(set) var bytesRead = 0

  /// Reads records from pieces of UTF-8 handed over by `next` (nil at the end).
  package init(next: @escaping () throws -> [UInt8]?) {
    self.nextPiece = next
  }

  /// Every record of a whole document held in memory.
  package static func read(_ bytes: [UInt8]) throws -> [(line: Int, object: [String: Any])] {
    var given = false
    let reader = JSONRecords {
      defer { given = true }
      return given ? nil : bytes
    }
    var records: [(line: Int, object: [String: Any])] = []
    while let record = try reader.next() { records.append(record) }
    return records
  }

  /// The next record, or nil after the last; throws a `Refusal` for a file that is not JSON of
  /// the expected shape, naming the line.
  package func next() throws -> (line: Int, object: [String: Any])? {
    while true {
      if index == piece.count {
        guard !finished, let more = try nextPiece() else {
          finished = true
          try checkEnd()
          return nil
        }
        bytesRead += more.count
        piece = more
        index = 0
        continue
      }
      let byte = piece[index]
      index += 1
      if let record = try scan(byte) { return record }
    }
  }

  /// Advances the scan by one byte; returns a record when this byte completes one.
  private func scan(_ byte: UInt8) throws -> (line: Int, object: [String: Any])? {
    if collecting { element.append(byte) }
    if byte == UInt8(ascii: "\n") { line += 1 }
    if inString {
      if escaped {
        escaped = false
      } else if byte == UInt8(ascii: "\\") {
        escaped = true
      } else if byte == UInt8(ascii: "\"") {
        inString = false
      }
      return nil
    }
    switch byte {
    case UInt8(ascii: " "), UInt8(ascii: "\n"), UInt8(ascii: "\r"), UInt8(ascii: "\t"):
      return nil
    default:
      break
    }
    if ended { throw Self.malformed("unexpected text after the end of the document", line) }
    if !sawDocument {
      sawDocument = true
      guard byte == UInt8(ascii: "[") || byte == UInt8(ascii: "{") else {
        throw Refusal("import.error.json-shape")
      }
    }
    if depth == recordsDepth, !collecting {
      if expectingElement, byte != UInt8(ascii: "]") {
        collecting = true
        element = [byte]
        elementLine = line
        expectingElement = false
        records += 1
      } else if expectingElement, records > 0 {
        throw Self.malformed("a comma before the end of the records", line)
      } else if !expectingElement, byte != UInt8(ascii: ","), byte != UInt8(ascii: "]") {
        throw Self.malformed("a comma missing between records", line)
      }
    }
    switch byte {
    case UInt8(ascii: "\""):
      inString = true
    case UInt8(ascii: "["), UInt8(ascii: "{"):
      depth += 1
      if byte == UInt8(ascii: "["), recordsDepth == nil, depth <= 2 {
        recordsDepth = depth
        expectingElement = true
      }
    case UInt8(ascii: "]"), UInt8(ascii: "}"):
      depth -= 1
      if depth < 0 { throw Self.malformed("unbalanced \(Character(Unicode.Scalar(byte)))", line) }
      if depth == 0 { ended = true }
      if collecting, let recordsDepth {
        if depth == recordsDepth {
          return try record(element)
        }
        if depth < recordsDepth {
          // The array closed right after an element that was not an object or array.
          return try record(Array(element.dropLast()))
        }
      }
    case UInt8(ascii: ","):
      if depth == recordsDepth {
        expectingElement = true
        if collecting { return try record(Array(element.dropLast())) }
      }
    default:
      break
    }
    return nil
  }

  /// Parses the bytes of one record.
  private func record(_ bytes: [UInt8]) throws -> (line: Int, object: [String: Any]) {
    collecting = false
    element = []
    let value: Any
    do {
      value = try JSONSerialization.jsonObject(with: Data(bytes), options: .fragmentsAllowed)
    } catch {
      throw Self.malformed(Self.describe(error), elementLine)
    }
    guard let object = value as? [String: Any] else {
      throw Refusal("import.error.json-record", ["line": String(elementLine)])
    }
    // Foundation keeps one of a key given twice, silently: the record is refused instead. The
    // reader stays in step, so that the import goes on to list every bad record.
    if let key = Self.duplicateKey(in: bytes) { throw DuplicateKey(line: elementLine, key: key) }
    return (elementLine, object)
  }

  /// A record whose object, or an object nested in it, gives a key twice.
  package struct DuplicateKey: Error {
    /// The line the record starts on.
    package let line: Int
    /// The key, as decoded (`"n\u0061me"` is `name`).
    package let key: String
  }

  /// The first key given twice in one object of a well-formed JSON text, or nil.
  package static func duplicateKey(in bytes: [UInt8]) -> String? {
    // The open containers, innermost last: the keys of an object so far, or nil for an array.
    var open: [Set<String>?] = []
    var expectingKey = false
    var index = 0
    while index < bytes.count {
      switch bytes[index] {
      case UInt8(ascii: "{"):
        open.append([])
        expectingKey = true
      case UInt8(ascii: "["):
        open.append(nil)
        expectingKey = false
      case UInt8(ascii: "}"), UInt8(ascii: "]"):
        _ = open.popLast()
        expectingKey = false
      case UInt8(ascii: ","):
        expectingKey = open.last.map { $0 != nil } ?? false
      case UInt8(ascii: "\""):
        let start = index + 1
        var end = start
        var escaped = false
        while end < bytes.count, bytes[end] != UInt8(ascii: "\"") {
          if bytes[end] == UInt8(ascii: "\\") {
            escaped = true
            end += 1
          }
          end += 1
        }
        if expectingKey, let last = open.last, var keys = last {
          let key =
            escaped
            ? (try? JSONSerialization.jsonObject(
              with: Data(bytes[index...min(end, bytes.count - 1)]), options: .fragmentsAllowed))
              as? String ?? String(decoding: bytes[start..<min(end, bytes.count)], as: UTF8.self)
            : String(decoding: bytes[start..<min(end, bytes.count)], as: UTF8.self)
          if !keys.insert(key).inserted { return key }
          open[open.count - 1] = keys
          expectingKey = false
        }
        index = end
      default:
        break
      }
      index += 1
    }
    return nil
  }

  /// At the end of the file: the document must be whole and hold the records array.
  private func checkEnd() throws {
    if inString || depth > 0 || collecting {
      throw Self.malformed("the document ends before it is complete", line)
    }
    if !sawDocument || recordsDepth == nil { throw Refusal("import.error.json-shape") }
  }

  private static func malformed(_ message: String, _ line: Int) -> Refusal {
    Refusal("import.error.json", ["message": "line \(line): \(message)"])
  }

  private static func describe(_ error: any Error) -> String {
    let nsError = error as NSError
    if let detail = nsError.userInfo[NSDebugDescriptionErrorKey] as? String { return detail }
    return nsError.localizedDescription
  }
}
