import ArgumentParser
import Foundation

/// The encodings an import file may come in.
enum ImportEncoding: String, CaseIterable, ExpressibleByArgument {
  /// UTF-8, with or without a byte order mark.
  case utf8 = "utf-8"
  /// GB18030, which includes GBK and GB2312: what Excel saves as CSV on Chinese Windows.
  case gb18030

  /// Foundation's name for GB18030 (kCFStringEncodingGB_18030_2000).
  static let foundationGB18030 = String.Encoding(rawValue: 0x8000_0632)
}

/// Turns the bytes of a file into UTF-8 text, detecting the encoding when not told: valid UTF-8
/// (with or without a byte order mark) is UTF-8, anything else is read as GB18030.
enum TextDecoding {
  /// The text as UTF-8 bytes without a byte order mark, and the encoding it came in.
  static func decode(_ data: Data, as given: ImportEncoding?) throws -> (
    bytes: [UInt8], encoding: ImportEncoding
  ) {
    var bytes = [UInt8](data)
    let hasBOM = bytes.starts(with: [0xEF, 0xBB, 0xBF])
    if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
      throw Refusal("import.error.utf16")
    }
    if given != .gb18030 {
      if hasBOM { bytes.removeFirst(3) }
      if let invalid = firstInvalidUTF8(bytes) {
        if given == .utf8 || hasBOM {
          throw Refusal(
            "import.error.not-utf8",
            ["line": String(lineOf(offset: invalid, in: bytes)), "encoding": "utf-8"])
        }
      } else {
        return (bytes, .utf8)
      }
    }
    guard let text = String(data: data, encoding: ImportEncoding.foundationGB18030) else {
      throw Refusal(
        given == .gb18030 ? "import.error.not-gb18030" : "import.error.unknown-encoding")
    }
    return (Array(text.utf8), .gb18030)
  }

  /// The offset of the first byte that breaks UTF-8, or nil when all of it is valid.
  static func firstInvalidUTF8(_ bytes: [UInt8]) -> Int? {
    if String(validating: bytes, as: UTF8.self) != nil { return nil }
    var offset = 0
    var iterator = bytes.makeIterator()
    var decoder = UTF8()
    while true {
      switch decoder.decode(&iterator) {
      case .scalarValue(let scalar): offset += UTF8.width(scalar)
      case .emptyInput: return nil
      case .error: return offset
      }
    }
  }

  /// The 1-based line an offset falls on.
  static func lineOf(offset: Int, in bytes: [UInt8]) -> Int {
    bytes[..<min(offset, bytes.count)].reduce(1) { $1 == UInt8(ascii: "\n") ? $0 + 1 : $0 }
  }
}
