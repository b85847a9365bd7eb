/// Free text an officer typed: names, titles, reasons, notes.
public enum Text {
  /// Trims the text and checks it: no control characters, not empty when required, not too long.
  /// Returns nil for empty optional text.
  public static func clean(
    _ text: String?, field: String, required: Bool = true, maxLength: Int = 200,
    allowNewlines: Bool = false
  ) throws(TextError) -> String? {
    let trimmed = Text.trimmed(text ?? "")
    if trimmed.isEmpty {
      if required { throw .empty(field: field) }
      return nil
    }
    for scalar in trimmed.unicodeScalars where isForbidden(scalar, allowNewlines: allowNewlines) {
      throw .controlCharacter(field: field, scalar: scalar.value)
    }
    // Lengths count Unicode scalars (code points), as SQLite's length() counts the text its
    // CHECK constraints measure: "é" written as e and a combining accent is two, so that a
    // length Relief accepts is one the database accepts. Counting bytes is cheap, and never less.
    guard trimmed.utf8.count <= maxLength || trimmed.unicodeScalars.count <= maxLength else {
      throw .tooLong(field: field, maximum: maxLength)
    }
    return trimmed
  }

  /// Like `clean` for text that must be present.
  public static func required(_ text: String, field: String, maxLength: Int = 200)
    throws(TextError) -> String
  {
    try clean(text, field: field, required: true, maxLength: maxLength)!
  }

  /// The text without leading and trailing white space: what Foundation's
  /// `trimmingCharacters(in: .whitespacesAndNewlines)` (or `.whitespaces`, without `newlines`)
  /// gives, without the round trip through `NSString` that made imports slow. Text with nothing
  /// to trim comes back as it is.
  public static func trimmed(_ text: String, newlines: Bool = true) -> String {
    func isSpace(_ scalar: Unicode.Scalar) -> Bool {
      switch scalar.value {
      // Foundation's sets also hold U+200B, the zero-width space.
      case 0x20, 0x09, 0x200B: return true
      case 0x0A...0x0D, 0x85: return newlines
      case 0x21..<0x80: return false
      default:
        switch scalar.properties.generalCategory {
        case .spaceSeparator: return true
        case .lineSeparator, .paragraphSeparator: return newlines
        default: return false
        }
      }
    }
    let scalars = text.unicodeScalars
    guard let first = scalars.first, let last = scalars.last, isSpace(first) || isSpace(last)
    else { return text }
    var start = scalars.startIndex
    var end = scalars.endIndex
    while start < end, isSpace(scalars[start]) { start = scalars.index(after: start) }
    while end > start, isSpace(scalars[scalars.index(before: end)]) {
      end = scalars.index(before: end)
    }
    return String(scalars[start..<end])
  }

  static func isForbidden(_ scalar: Unicode.Scalar, allowNewlines: Bool) -> Bool {
    // Printable ASCII, the bulk of codes and numbers, needs no table lookup.
    if (0x20..<0x7F).contains(scalar.value) { return false }
    // So are the CJK unified ideographs of names and titles, every one of them assigned.
    if (0x4E00...0x9FFF).contains(scalar.value) { return false }
    if allowNewlines, scalar == "\n" { return false }
    switch scalar.properties.generalCategory {
    case .control, .lineSeparator, .paragraphSeparator, .surrogate, .unassigned:
      return true
    case .format:
      // Bidirectional overrides can make text read differently from what is stored.
      return (0x202A...0x202E).contains(scalar.value) || (0x2066...0x2069).contains(scalar.value)
    default:
      return false
    }
  }
}

/// Why a piece of text was refused.
public enum TextError: Error, Equatable, Sendable {
  /// Required text was empty.
  case empty(field: String)
  /// A control character (or a bidirectional override) was found.
  case controlCharacter(field: String, scalar: UInt32)
  /// Longer than the field allows.
  case tooLong(field: String, maximum: Int)
}
