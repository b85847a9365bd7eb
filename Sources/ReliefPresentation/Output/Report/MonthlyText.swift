/// The monthly summary as aligned tables for a terminal or a plain text file.
package enum MonthlyText {
  package static func render(_ report: MonthlyReport, t: Localizer, terminal: Terminal) -> String {
    var lines = [
      Style.bold.apply(report.title(t), colour: terminal.usesColour), report.subtitle(t),
    ]
    var tables = report.tables(t)
    if let differences = report.differencesTable(t) { tables.append(differences) }
    for table in tables {
      lines.append("")
      lines.append(Style.bold.apply(table.title, colour: terminal.usesColour))
      var rendered = Table(
        columns: table.columns.map { Table.Column(header: $0.header, alignRight: $0.isNumeric) })
      for (index, row) in table.rows.enumerated() {
        let isTotal = table.hasTotal && index == table.rows.count - 1
        rendered.add(row.map { Table.Cell($0, style: isTotal ? .bold : .plain) })
      }
      lines.append(rendered.render(terminal: terminal))
    }
    if let freeze = report.freezeLines(t) {
      lines.append("")
      lines += freeze
    }
    if let anchor = report.anchorLine(t) {
      lines += ["", anchor]
    }
    return lines.joined(separator: "\n")
  }
}
