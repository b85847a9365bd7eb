/// Reads JSON text back into a `JSONValue`, keeping the order of keys and the exact integers,
/// so that a stored document compares with a fresh one value by value.
extension JSONValue {
  /// Why a text is not JSON.
  package struct ParseError: Error, Equatable {
    /// The byte offset where reading failed.
    package let offset: Int
  }

  /// Parses a JSON document.
  package static func parse(_ text: String) throws(ParseError) -> JSONValue {
    var reader = Reader(bytes: Array(text.utf8))
    let value = try reader.value()
    reader.skipWhitespace()
    guard reader.index == reader.bytes.count else { throw ParseError(offset: reader.index) }
    return value
  }

  private struct Reader {
    package let bytes: [UInt8]
    package var index = 0

    package init(bytes: [UInt8]) {
      self.bytes = bytes
    }

    package mutating func skipWhitespace() {
      while index < bytes.count, [0x20, 0x0A, 0x0D, 0x09].contains(bytes[index]) { index += 1 }
    }

    package mutating func value() throws(ParseError) -> JSONValue {
      skipWhitespace()
      guard index < bytes.count else { throw ParseError(offset: index) }
      switch bytes[index] {
      case UInt8(ascii: "{"): return try object()
      case UInt8(ascii: "["): return try array()
      case UInt8(ascii: "\""): return .string(try string())
      case UInt8(ascii: "t"): return try literal("true", .bool(true))
      case UInt8(ascii: "f"): return try literal("false", .bool(false))
      case UInt8(ascii: "n"): return try literal("null", .null)
      default: return try number()
      }
    }

    package mutating func literal(_ word: String, _ value: JSONValue) throws(ParseError)
      -> JSONValue
    {
      let expected = Array(word.utf8)
      guard index + expected.count <= bytes.count,
        Array(bytes[index..<index + expected.count]) == expected
      else { throw ParseError(offset: index) }
      index += expected.count
      return value
    }

    package mutating func object() throws(ParseError) -> JSONValue {
      index += 1
      var members: [(String, JSONValue)] = []
      skipWhitespace()
      if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
        index += 1
        return .object(members)
      }
      while true {
        skipWhitespace()
        guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else {
          throw ParseError(offset: index)
        }
        let key = try string()
        skipWhitespace()
        guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else {
          throw ParseError(offset: index)
        }
        index += 1
        members.append((key, try value()))
        skipWhitespace()
        guard index < bytes.count else { throw ParseError(offset: index) }
        if bytes[index] == UInt8(ascii: ",") {
          index += 1
        } else if bytes[index] == UInt8(ascii: "}") {
          index += 1
          return .object(members)
        } else {
          throw ParseError(offset: index)
        }
      }
    }

    package mutating func array() throws(ParseError) -> JSONValue {
      index += 1
      var values: [JSONValue] = []
      skipWhitespace()
      if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
        index += 1
        return .array(values)
      }
      while true {
        values.append(try value())
        skipWhitespace()
        guard index < bytes.count else { throw ParseError(offset: index) }
        if bytes[index] == UInt8(ascii: ",") {
          index += 1
        } else if bytes[index] == UInt8(ascii: "]") {
          index += 1
          return .array(values)
        } else {
          throw ParseError(offset: index)
        }
      }
    }

    package mutating func string() throws(ParseError) -> String {
      index += 1
      var scalars = String.UnicodeScalarView()
      var run: [UInt8] = []
      func flush() {
        scalars.append(contentsOf: String(decoding: run, as: UTF8.self).unicodeScalars)
        run.removeAll()
      }
      while index < bytes.count {
        let byte = bytes[index]
        if byte == UInt8(ascii: "\"") {
          index += 1
          flush()
          return String(scalars)
        }
        if byte == UInt8(ascii: "\\") {
          flush()
          index += 1
          guard index < bytes.count else { break }
          let escape = bytes[index]
          index += 1
          switch escape {
          case UInt8(ascii: "\""): scalars.append("\"")
          case UInt8(ascii: "\\"): scalars.append("\\")
          case UInt8(ascii: "/"): scalars.append("/")
          case UInt8(ascii: "b"): scalars.append("\u{08}")
          case UInt8(ascii: "f"): scalars.append("\u{0C}")
          case UInt8(ascii: "n"): scalars.append("\n")
          case UInt8(ascii: "r"): scalars.append("\r")
          case UInt8(ascii: "t"): scalars.append("\t")
          case UInt8(ascii: "u"):
            var code = try hex4()
            if (0xD800...0xDBFF).contains(code), index + 1 < bytes.count,
              bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u")
            {
              index += 2
              let low = try hex4()
              code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
            }
            guard let scalar = Unicode.Scalar(code) else { throw ParseError(offset: index) }
            scalars.append(scalar)
          default:
            throw ParseError(offset: index - 1)
          }
        } else {
          run.append(byte)
          index += 1
        }
      }
      throw ParseError(offset: index)
    }

    package mutating func hex4() throws(ParseError) -> UInt32 {
      guard index + 4 <= bytes.count,
        let code = UInt32(String(decoding: bytes[index..<index + 4], as: UTF8.self), radix: 16)
      else { throw ParseError(offset: index) }
      index += 4
      return code
    }

    package mutating func number() throws(ParseError) -> JSONValue {
      let start = index
      var isInteger = true
      while index < bytes.count {
        let byte = bytes[index]
        if (48...57).contains(byte) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "+") {
          index += 1
        } else if byte == UInt8(ascii: ".") || byte == UInt8(ascii: "e")
          || byte == UInt8(ascii: "E")
        {
          isInteger = false
          index += 1
        } else {
          break
        }
      }
      let text = String(decoding: bytes[start..<index], as: UTF8.self)
      if isInteger, let value = Int64(text) { return .int(value) }
      guard !isInteger, let value = Double(text) else { throw ParseError(offset: start) }
      return .double(value)
    }
  }
}
