/// A table for people: columns aligned by display width, a header, optional colour per cell.
package struct Table {
  /// A column: its header and which side it aligns to.
  package struct Column {
    package var header: String
    package var alignRight: Bool = false
    /// The widest it may grow on a terminal before its cells are cut with `…`.
    package var maxWidth: Int?
    /// When the table is wider than the terminal: 0 keeps the column always; otherwise the
    /// columns of the highest number go first.
    package var dropPriority: Int
    /// How narrow it may be cut to fit the terminal (a column with a `maxWidth` only).
    package var minWidth: Int

    package init(
      header: String, alignRight: Bool = false, maxWidth: Int? = nil, dropPriority: Int = 0,
      minWidth: Int = 8
    ) {
      self.header = header
      self.alignRight = alignRight
      self.maxWidth = maxWidth
      self.dropPriority = dropPriority
      self.minWidth = minWidth
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
  ///
  /// When the terminal's width is known (or `COLUMNS` says it), a table wider than it is made to
  /// fit, never wrapped: the columns that may be cut are cut (down to their `minWidth`), then the
  /// columns of the highest `dropPriority` are left out, until it fits or only the columns that
  /// are always kept remain. A dropped column stays dropped in the later pieces (width -1).
  package func render(terminal: Terminal, carrying carried: inout [Int]?) -> String {
    let isFirst = carried == nil
    var widths = carried ?? columns.map { DisplayWidth.of($0.header) }
    defer { carried = widths }
    let limits = isFirst ? fittedLimits(terminal: terminal) : carriedLimits(widths, terminal)
    let cut: (Int, String) -> String = { index, text in
      guard let maximum = limits[index] else { return text }
      return DisplayWidth.truncate(text, to: maximum)
    }
    let texts = rows.map { row in row.enumerated().map { cut($0.offset, $0.element.text) } }
    if isFirst {
      for (index, limit) in limits.enumerated() where limit == -1 { widths[index] = -1 }
    }
    for row in texts {
      for (index, text) in row.enumerated() where index < widths.count && widths[index] >= 0 {
        widths[index] = max(widths[index], DisplayWidth.of(text))
      }
    }
    let shown = widths.indices.filter { widths[$0] >= 0 }
    let last = shown.last
    var lines: [String] = []
    if isFirst {
      let header = shown.map { index in
        DisplayWidth.pad(
          cut(index, columns[index].header), to: widths[index], right: columns[index].alignRight)
      }
      lines.append(
        trimmed(Style.bold.apply(header.joined(separator: "  "), colour: terminal.usesColour)))
    }
    for (rowIndex, row) in rows.enumerated() {
      var parts: [String] = []
      for index in shown where index < row.count {
        let padded = DisplayWidth.pad(
          texts[rowIndex][index],
          to: index == last && !columns[index].alignRight ? 0 : widths[index],
          right: columns[index].alignRight)
        parts.append(row[index].style.apply(padded, colour: terminal.usesColour))
      }
      lines.append(trimmed(parts.joined(separator: "  ")))
    }
    return lines.joined(separator: "\n")
  }

  /// For each column: how wide its cells may be (nil: as wide as they are), or -1 when it is
  /// left out to fit the terminal.
  private func fittedLimits(terminal: Terminal) -> [Int?] {
    var limits: [Int?] = columns.map { terminal.isInteractive ? $0.maxWidth : nil }
    guard let available = terminal.columns else { return limits }
    var natural = columns.map { DisplayWidth.of($0.header) }
    for row in rows {
      for (index, cell) in row.enumerated() where index < natural.count {
        natural[index] = max(natural[index], DisplayWidth.of(cell.text))
      }
    }
    func width(_ index: Int) -> Int {
      guard let limit = limits[index] else { return natural[index] }
      return limit < 0 ? -2 : min(natural[index], limit)
    }
    func floor(_ index: Int) -> Int {
      max(columns[index].minWidth, DisplayWidth.of(columns[index].header))
    }
    func total(cutToFloors: Bool = false) -> Int {
      columns.indices.map { index in
        let shown = width(index)
        guard cutToFloors, shown >= 0, columns[index].maxWidth != nil else { return shown + 2 }
        return min(shown, floor(index)) + 2
      }.reduce(0, +) - 2
    }
    // Leave out columns, the highest drop priority first, while even cutting every column that
    // may be cut would not make the table fit.
    for index in columns.indices.filter({ columns[$0].dropPriority > 0 })
      .sorted(by: { columns[$0].dropPriority > columns[$1].dropPriority })
    where total(cutToFloors: true) > available {
      limits[index] = -1
    }
    // Then cut what may be cut, the widest first, only as much as the table is too wide.
    var excess = total() - available
    for index in columns.indices.sorted(by: { width($0) > width($1) })
    where excess > 0 && columns[index].maxWidth != nil && width(index) >= 0 {
      let cut = min(excess, max(0, width(index) - floor(index)))
      limits[index] = width(index) - cut
      excess -= cut
    }
    return limits
  }

  /// The limits of a later piece: the widths the first piece settled on.
  private func carriedLimits(_ widths: [Int], _ terminal: Terminal) -> [Int?] {
    widths.enumerated().map { index, width in
      if width < 0 { return -1 }
      if terminal.columns != nil, columns[index].maxWidth != nil { return width }
      return terminal.isInteractive ? columns[index].maxWidth : nil
    }
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
