/// RFC 4180 CSV read byte by byte from UTF-8 text: fields separated by commas, records by CRLF
/// (or LF, or CR), fields that hold commas, quotes or line breaks in double quotes with their
/// quotes doubled (line breaks inside a field are read as LF). Each record knows the physical line of the file it starts on, also when an
/// earlier record spans several lines. Pure and fast: one pass, no regular expressions.
package struct CSVReader {
  /// What the reader found next.
  package enum Item: Equatable {
    /// A record: its fields, and the line it starts on (1 for the first line).
    case record(line: Int, fields: [String])
    /// A record that breaks the format; reading goes on after it.
    case malformed(line: Int, problem: Problem)
  }

  /// How a record breaks RFC 4180.
  package enum Problem: String, Equatable {
    /// A quoted field runs to the end of the file.
    case unclosedQuote = "unclosed-quote"
    /// A double quote inside a field that does not start with one.
    case quoteInUnquotedField = "quote-in-unquoted-field"
    /// Text between a closing quote and the next comma or line end.
    case textAfterClosingQuote = "text-after-closing-quote"
  }

  private var bytes: [UInt8]
  /// Where reading is in `bytes`.
  private var offset = 0
  private var line = 1
  /// Bytes read and dropped from `bytes` by `append`.
  private var dropped = 0
  /// False while more text may follow (`append`).
  package private(set) var isComplete: Bool

  private static let quote = UInt8(ascii: "\"")
  private static let comma = UInt8(ascii: ",")
  private static let lineFeed = UInt8(ascii: "\n")
  private static let carriageReturn = UInt8(ascii: "\r")

  /// A reader over UTF-8 bytes (without a byte order mark); with `isComplete` false, more
  /// text follows through `append`.
  package init(bytes: [UInt8], isComplete: Bool = true) {
    self.bytes = bytes
    self.isComplete = isComplete
  }

  /// How many bytes have been read, for progress.
  package var bytesRead: Int { dropped + offset }

  /// Adds the next piece of text (which should end at a line break), dropping what was read.
  package mutating func append(_ more: [UInt8], isComplete: Bool) {
    dropped += offset
    bytes.removeSubrange(0..<offset)
    offset = 0
    bytes += more
    self.isComplete = isComplete
  }

  /// The next record, or nil at the end of the text so far: when `isComplete` is false, a record
  /// cut short by the end is left unread until `append` brings the rest. Empty lines are skipped.
  package mutating func next() -> Item? {
    let end = bytes.count
    while offset < end, bytes[offset] == Self.lineFeed || bytes[offset] == Self.carriageReturn {
      consumeLineEnd()
    }
    guard offset < end else { return nil }
    let start = line
    let startOffset = offset
    var fields: [String] = []
    var problem: Problem?
    var ranOut = false
    while true {
      if bytes[offset] == Self.quote {
        offset += 1
        var value: [UInt8] = []
        var segment = offset
        var closed = false
        while offset < end {
          let byte = bytes[offset]
          if byte == Self.quote {
            value.append(contentsOf: bytes[segment..<offset])
            if offset + 1 < end, bytes[offset + 1] == Self.quote {
              value.append(Self.quote)
              offset += 2
              segment = offset
              continue
            }
            offset += 1
            closed = true
            break
          }
          if byte == Self.lineFeed {
            line += 1
          } else if byte == Self.carriageReturn,
            offset + 1 >= end || bytes[offset + 1] != Self.lineFeed
          {
            line += 1
          }
          offset += 1
        }
        guard closed else {
          if !isComplete { return rewind(to: startOffset, line: start) }
          return .malformed(line: start, problem: .unclosedQuote)
        }
        fields.append(Self.text(value))
        if offset < end, bytes[offset] != Self.comma, bytes[offset] != Self.lineFeed,
          bytes[offset] != Self.carriageReturn
        {
          problem = problem ?? .textAfterClosingQuote
          while offset < end, bytes[offset] != Self.lineFeed, bytes[offset] != Self.carriageReturn {
            offset += 1
          }
        }
      } else {
        let fieldStart = offset
        while offset < end {
          let byte = bytes[offset]
          if byte == Self.comma || byte == Self.lineFeed || byte == Self.carriageReturn { break }
          if byte == Self.quote { problem = problem ?? .quoteInUnquotedField }
          offset += 1
        }
        fields.append(String(decoding: bytes[fieldStart..<offset], as: UTF8.self))
      }
      guard offset < end else {
        ranOut = true
        break
      }
      if bytes[offset] == Self.comma {
        offset += 1
        if offset == end {
          fields.append("")
          ranOut = true
          break
        }
        continue
      }
      consumeLineEnd()
      break
    }
    if ranOut, !isComplete { return rewind(to: startOffset, line: start) }
    if let problem { return .malformed(line: start, problem: problem) }
    return .record(line: start, fields: fields)
  }

  /// A quoted field's text; its line breaks (CRLF, or CR) become LF, the one line break that
  /// multi-line text such as a note keeps.
  private static func text(_ value: [UInt8]) -> String {
    guard value.contains(carriageReturn) else { return String(decoding: value, as: UTF8.self) }
    var normalized: [UInt8] = []
    normalized.reserveCapacity(value.count)
    for (index, byte) in value.enumerated() {
      if byte == carriageReturn {
        if index + 1 < value.count, value[index + 1] == lineFeed { continue }
        normalized.append(lineFeed)
      } else {
        normalized.append(byte)
      }
    }
    return String(decoding: normalized, as: UTF8.self)
  }

  /// Leaves a record cut short for later.
  private mutating func rewind(to startOffset: Int, line startLine: Int) -> Item? {
    offset = startOffset
    line = startLine
    return nil
  }

  private mutating func consumeLineEnd() {
    if bytes[offset] == Self.carriageReturn, offset + 1 < bytes.count,
      bytes[offset + 1] == Self.lineFeed
    {
      offset += 2
    } else {
      offset += 1
    }
    line += 1
  }
}

/// Writes RFC 4180 CSV: a field is quoted when it holds a comma, a quote or a line break (or
/// starts or ends with a space, which spreadsheets would otherwise drop), its quotes doubled.
package struct CSVWriter {
  /// `\n`, or `\r\n` for Excel.
  package let lineEnd: String

  /// One record as a line, with its line end.
  package func line(_ fields: [String]) -> String {
    var output = ""
    for (index, field) in fields.enumerated() {
      if index > 0 { output += "," }
      output += Self.escape(field)
    }
    return output + lineEnd
  }

  /// A field as written.
  package static func escape(_ field: String) -> String {
    var needsQuotes = field.first == " " || field.last == " "
    if !needsQuotes {
      for byte in field.utf8
      where byte == UInt8(ascii: ",") || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\n")
        || byte == UInt8(ascii: "\r")
      {
        needsQuotes = true
        break
      }
    }
    guard needsQuotes else { return field }
    return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
  }

  package init(lineEnd: String) {
    self.lineEnd = lineEnd
  }
}

/// Cells as a spreadsheet must receive them from an `--excel` CSV, and back.
package enum ExcelText {
  /// The characters that make Excel, WPS or LibreOffice read a cell as a formula.
  static let formulaStarts: Set<Character> = ["=", "+", "-", "@", "\t", "\r"]

  /// A cell safe to open: a text a spreadsheet would run as a formula gets a leading apostrophe
  /// (`=1+1`, `@SUM(A1:A2)`, `+86-755-…`); a string of digits it would turn into a number,
  /// losing leading zeros or digits past the fifteenth (a code, `00123`, `13800138000`), is
  /// written as the formula `="…"`, which every spreadsheet shows as that text.
  package static func safe(_ text: String) -> String {
    let digitsOnly = text.allSatisfy { $0.isASCII && $0.isNumber }
    guard let first = text.first else { return text }
    if formulaStarts.contains(first) { return "'" + text }
    if digitsOnly, text.count >= 11 || (text.count > 1 && first == "0") {
      return "=\"" + text + "\""
    }
    return text
  }

  /// The text an `--excel` export wrote: what `safe` added is taken off again, so that such a
  /// file imports back unchanged.
  package static func restore(_ field: String) -> String {
    if field.hasPrefix("=\""), field.hasSuffix("\""), field.count >= 3 {
      let inner = field.dropFirst(2).dropLast()
      let digitsOnly = inner.allSatisfy { $0.isASCII && $0.isNumber }
      if !inner.contains("\""), digitsOnly {
        return String(inner)
      }
    }
    if field.first == "'", field.count > 1,
      formulaStarts.contains(field[field.index(after: field.startIndex)])
    {
      return String(field.dropFirst())
    }
    return field
  }
}
