import Foundation

/// The records of an import file in JSON: a top-level array of objects (what `relief export
/// --format json` writes), or an object whose `items` member is that array (what `list --json`
/// prints). Each record knows the line it starts on.
enum JSONRecords {
  /// The records, each with the line its object starts on.
  static func read(_ bytes: [UInt8]) throws -> [(line: Int, object: [String: Any])] {
    let document: Any
    do {
      document = try JSONSerialization.jsonObject(with: Data(bytes))
    } catch {
      throw Refusal("import.error.json", ["message": describe(error)])
    }
    let elements: [Any]
    if let array = document as? [Any] {
      elements = array
    } else if let object = document as? [String: Any], let items = object["items"] as? [Any] {
      elements = items
    } else {
      throw Refusal("import.error.json-shape")
    }
    let lines = elementLines(bytes)
    var records: [(line: Int, object: [String: Any])] = []
    for (index, element) in elements.enumerated() {
      let line = index < lines.count ? lines[index] : 0
      guard let object = element as? [String: Any] else {
        throw Refusal("import.error.json-record", ["line": String(line)])
      }
      records.append((line, object))
    }
    return records
  }

  /// The lines on which the elements of the records array start: a scan that follows strings and
  /// nesting, so that brackets inside text do not count.
  static func elementLines(_ bytes: [UInt8]) -> [Int] {
    var lines: [Int] = []
    var line = 1
    var depth = 0
    var recordsDepth: Int?
    var inString = false
    var escaped = false
    var expectingElement = false
    for byte in bytes {
      if byte == UInt8(ascii: "\n") { line += 1 }
      if inString {
        if escaped {
          escaped = false
        } else if byte == UInt8(ascii: "\\") {
          escaped = true
        } else if byte == UInt8(ascii: "\"") {
          inString = false
        }
        continue
      }
      switch byte {
      case UInt8(ascii: " "), UInt8(ascii: "\n"), UInt8(ascii: "\r"), UInt8(ascii: "\t"):
        continue
      default:
        break
      }
      if expectingElement, depth == recordsDepth, byte != UInt8(ascii: "]") {
        lines.append(line)
        expectingElement = false
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
      case UInt8(ascii: ","):
        if depth == recordsDepth { expectingElement = true }
      default:
        break
      }
    }
    return lines
  }

  private static func describe(_ error: any Error) -> String {
    let nsError = error as NSError
    if let detail = nsError.userInfo[NSDebugDescriptionErrorKey] as? String { return detail }
    return nsError.localizedDescription
  }
}
