/// Terminal display width: East Asian wide and full-width characters take two columns,
/// combining marks none.
package enum DisplayWidth {
  /// The number of terminal columns a string takes.
  package static func of(_ text: String) -> Int {
    var width = 0
    for scalar in text.unicodeScalars {
      width += of(scalar)
    }
    return width
  }

  /// The columns one scalar takes.
  package static func of(_ scalar: Unicode.Scalar) -> Int {
    let value = scalar.value
    if value == 0 { return 0 }
    switch scalar.properties.generalCategory {
    case .nonspacingMark, .enclosingMark, .format, .control: return 0
    default: break
    }
    if (0x1160...0x11FF).contains(value) || value == 0x200B { return 0 }
    return isWide(value) ? 2 : 1
  }

  package static func isWide(_ value: UInt32) -> Bool {
    switch value {
    case 0x1100...0x115F, 0x2329...0x232A, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF,
      0x4E00...0x9FFF, 0xA000...0xA4CF, 0xA960...0xA97F, 0xAC00...0xD7A3, 0xF900...0xFAFF,
      0xFE10...0xFE19, 0xFE30...0xFE6F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x1F300...0x1F64F,
      0x1F900...0x1F9FF, 0x20000...0x2FFFD, 0x30000...0x3FFFD:
      return true
    default:
      return false
    }
  }

  /// The text padded with spaces to `width` columns.
  package static func pad(_ text: String, to width: Int, right: Bool = false) -> String {
    let missing = width - of(text)
    guard missing > 0 else { return text }
    let padding = String(repeating: " ", count: missing)
    return right ? padding + text : text + padding
  }

  /// The text cut to at most `width` columns, ending in `…` when cut.
  package static func truncate(_ text: String, to width: Int) -> String {
    guard of(text) > width, width > 1 else { return text }
    var result = ""
    var used = 0
    for character in text {
      let characterWidth = of(String(character))
      if used + characterWidth > width - 1 { break }
      result.append(character)
      used += characterWidth
    }
    return result + "…"
  }
}
