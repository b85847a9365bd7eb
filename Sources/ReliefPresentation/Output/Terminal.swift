import Foundation

/// Where output goes and how it may look: colour only on a terminal, never with `NO_COLOR`.
package struct Terminal: Sendable {
  /// True when standard output is a terminal.
  package let isInteractive: Bool
  /// True when colour may be used.
  package let usesColour: Bool
  /// The width of the terminal, when known.
  package let columns: Int?

  /// The terminal of this process.
  package static func current(environment: [String: String]) -> Terminal {
    let interactive = isatty(STDOUT_FILENO) == 1
    let colour =
      interactive && environment["NO_COLOR"] == nil && environment["TERM"] != "dumb"
    // `COLUMNS` when set says the width, on a terminal or not; else the terminal's own.
    var columns = environment["COLUMNS"].flatMap(Int.init).flatMap { $0 > 0 ? $0 : nil }
    if columns == nil, interactive {
      var size = winsize()
      if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 {
        columns = Int(size.ws_col)
      }
    }
    return Terminal(isInteractive: interactive, usesColour: colour, columns: columns)
  }

  /// True when standard error is a terminal (progress bars go there).
  package static var errorIsInteractive: Bool { isatty(STDERR_FILENO) == 1 }

  package init(isInteractive: Bool, usesColour: Bool, columns: Int?) {
    self.isInteractive = isInteractive
    self.usesColour = usesColour
    self.columns = columns
  }
}

/// ANSI styles, applied only when the terminal takes colour.
package enum Style: Sendable {
  case plain, bold, dim, red, yellow, blue, green

  package var code: String {
    switch self {
    case .plain: return ""
    case .bold: return "\u{1B}[1m"
    case .dim: return "\u{1B}[2m"
    case .red: return "\u{1B}[31m"
    case .yellow: return "\u{1B}[33m"
    case .blue: return "\u{1B}[34m"
    case .green: return "\u{1B}[32m"
    }
  }

  /// The text in this style, or unchanged without colour.
  package func apply(_ text: String, colour: Bool) -> String {
    guard colour, self != .plain, !text.isEmpty else { return text }
    return code + text + "\u{1B}[0m"
  }
}

/// Writes to standard error, for messages and progress.
package enum StandardError {
  /// Writes the text; a closed or full standard error loses it rather than stopping the command.
  package static func write(_ text: String) {
    var bytes = Array(text.utf8)[...]
    while !bytes.isEmpty {
      let written = bytes.withUnsafeBytes {
        Foundation.write(STDERR_FILENO, $0.baseAddress!, $0.count)
      }
      if written < 0, errno == EINTR { continue }
      guard written > 0 else { return }
      bytes = bytes.dropFirst(written)
    }
  }
}
