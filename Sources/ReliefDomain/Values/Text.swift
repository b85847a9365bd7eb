/// Free text an officer typed: names, titles, reasons, notes.
public enum Text {
  /// Trims the text and checks it: no control characters, not empty when required, not too long.
  /// Returns nil for empty optional text.
  public static func clean(
    _ text: String?, field: String, required: Bool = true, maxLength: Int = 200,
    allowNewlines: Bool = false
  ) throws(TextError) -> String? {
    let trimmed = (text ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
    if trimmed.isEmpty {
      if required { throw .empty(field: field) }
      return nil
    }
    for scalar in trimmed.unicodeScalars where isForbidden(scalar, allowNewlines: allowNewlines) {
      throw .controlCharacter(field: field, scalar: scalar.value)
    }
    guard trimmed.count <= maxLength else {
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

  static func isForbidden(_ scalar: Unicode.Scalar, allowNewlines: Bool) -> Bool {
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
