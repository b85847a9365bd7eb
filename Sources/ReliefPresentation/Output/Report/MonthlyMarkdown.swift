/// The monthly summary as Markdown: a heading per section and a pipe table each, every row with
/// as many cells as the header.
package enum MonthlyMarkdown {
  package static func render(_ report: MonthlyReport, t: Localizer) -> String {
    var lines = ["# " + escape(report.title(t)), "", escape(report.subtitle(t))]
    var tables = report.tables(t)
    if let differences = report.differencesTable(t) { tables.append(differences) }
    for table in tables {
      lines += ["", "## " + escape(table.title), ""]
      lines.append("| " + table.columns.map { escape($0.header) }.joined(separator: " | ") + " |")
      lines.append(
        "|" + table.columns.map { $0.isNumeric ? " ---: " : " --- " }.joined(separator: "|") + "|")
      for (index, row) in table.rows.enumerated() {
        let isTotal = table.hasTotal && index == table.rows.count - 1
        let cells = row.map { cell in
          isTotal && !cell.isEmpty && cell != "—" ? "**" + escape(cell) + "**" : escape(cell)
        }
        lines.append("| " + cells.joined(separator: " | ") + " |")
      }
    }
    if let freeze = report.freezeLines(t) {
      lines.append("")
      lines += freeze.map { "> " + escape($0) }
    }
    if let anchor = report.anchorLine(t) {
      lines += ["", "---", "", escape(anchor)]
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// Text safe in a table cell: pipes and the characters Markdown would read as markup escaped.
  package static func escape(_ text: String) -> String {
    var result = ""
    for character in text {
      if "|\\*_`[]<>#".contains(character) { result.append("\\") }
      result.append(character == "\n" ? " " : character)
    }
    return result
  }
}
