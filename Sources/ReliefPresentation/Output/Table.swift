/// A table for people: columns aligned by display width, a header, optional colour per cell.
package struct Table {
  /// A column: its header and which side it aligns to.
  package struct Column {
    package var header: String
    package var alignRight: Bool = false
    /// The widest it may grow on a terminal before its cells are cut with `…`.
    package var maxWidth: Int?

    package init(header: String, alignRight: Bool = false, maxWidth: Int? = nil) {
      self.header = header
      self.alignRight = alignRight
      self.maxWidth = maxWidth
    }
  }

  /// A cell: its text and style.
  package struct Cell: ExpressibleByStringLiteral {
    package var text: String
    package var style: Style = .plain

    package init(_ text: String, style: Style = .plain) {
      self.text = text
      self.style = style
    }

    package init(stringLiteral value: String) {
      self.text = value
    }
  }

  package var columns: [Column]
  package var rows: [[Cell]] = []

  /// Adds a row.
  package mutating func add(_ cells: [Cell]) {
    rows.append(cells)
  }

  /// The table as text: two spaces between columns, no trailing spaces.
  package func render(terminal: Terminal) -> String {
    var widths: [Int]?
    return render(terminal: terminal, carrying: &widths)
  }

  /// The table as one piece of a longer listing printed piece by piece: `widths` carries the
  /// column widths from the pieces before (nil for the first, which alone has the header), and
  /// grows where this piece has a wider cell.
  package func render(terminal: Terminal, carrying carried: inout [Int]?) -> String {
    let isFirst = carried == nil
    var widths = carried ?? columns.map { DisplayWidth.of($0.header) }
    defer { carried = widths }
    let cut: (Int, String) -> String = { index, text in
      guard terminal.isInteractive, let maximum = columns[index].maxWidth else { return text }
      return DisplayWidth.truncate(text, to: maximum)
    }
    let texts = rows.map { row in row.enumerated().map { cut($0.offset, $0.element.text) } }
    for row in texts {
      for (index, text) in row.enumerated() where index < widths.count {
        widths[index] = max(widths[index], DisplayWidth.of(text))
      }
    }
    var lines: [String] = []
    if isFirst {
      let header = columns.enumerated().map { index, column in
        DisplayWidth.pad(column.header, to: widths[index], right: column.alignRight)
      }
      lines.append(
        trimmed(Style.bold.apply(header.joined(separator: "  "), colour: terminal.usesColour)))
    }
    for (rowIndex, row) in rows.enumerated() {
      var parts: [String] = []
      for (index, cell) in row.enumerated() where index < widths.count {
        let padded = DisplayWidth.pad(
          texts[rowIndex][index],
          to: index == row.count - 1 && !columns[index].alignRight
            ? 0 : widths[index], right: columns[index].alignRight)
        parts.append(cell.style.apply(padded, colour: terminal.usesColour))
      }
      lines.append(trimmed(parts.joined(separator: "  ")))
    }
    return lines.joined(separator: "\n")
  }

  private func trimmed(_ line: String) -> String {
    var line = line
    while line.last == " " { line.removeLast() }
    return line
  }

  package init(columns: [Column], rows: [[Cell]] = []) {
    self.columns = columns
    self.rows = rows
  }
}

/// Label-value lines for one record, labels padded to a common display width.
package struct Card {
  package var lines: [(label: String, value: String)] = []

  package mutating func add(_ label: String, _ value: String?) {
    guard let value, !value.isEmpty else { return }
    lines.append((label, value))
  }

  package func render(indent: String = "", terminal: Terminal) -> String {
    let width = lines.map { DisplayWidth.of($0.label) }.max() ?? 0
    return lines.map { line in
      indent + Style.dim.apply(DisplayWidth.pad(line.label, to: width), colour: terminal.usesColour)
        + "  " + line.value
    }.joined(separator: "\n")
  }

  package init(lines: [(label: String, value: String)] = []) {
    self.lines = lines
  }
}
