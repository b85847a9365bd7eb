import ReliefDomain

/// Text made safe for HTML.
package enum HTML {
  package static func escape(_ text: String) -> String {
    var result = ""
    for character in text {
      switch character {
      case "&": result += "&amp;"
      case "<": result += "&lt;"
      case ">": result += "&gt;"
      case "\"": result += "&quot;"
      case "'": result += "&#39;"
      default: result.append(character)
      }
    }
    return result
  }
}

/// The monthly summary as one self-contained HTML page: inline CSS and SVG, no scripts, no remote
/// assets, no web fonts; it reads on screen and prints on A4.
package enum MonthlyHTML {
  package static let blue = "#1f5f99"
  package static let teal = "#2a8c82"
  package static let red = "#b4232a"
  package static let amber = "#c7791a"

  package static func render(_ report: MonthlyReport, t: Localizer) -> String {
    let title = report.title(t)
    var body = ""
    body += "<header><h1>\(HTML.escape(title))</h1>"
    body += "<p class=\"meta\">\(HTML.escape(report.subtitle(t)))</p></header>"
    if let lines = report.freezeLines(t) {
      let changed = report.freeze?.differences.isEmpty == false
      body += "<aside class=\"notice\(changed ? " changed" : "")\">"
      body += lines.map { "<p>\(HTML.escape($0))</p>" }.joined()
      body += "</aside>"
    }
    body += cards(report, t)
    body += charts(report, t)
    var tables = report.tables(t)
    if let differences = report.differencesTable(t) { tables.insert(differences, at: 0) }
    for table in tables {
      body += section(table)
    }
    body += "<footer><p>\(HTML.escape(t("report.footer", ["zone": report.zone.identifier])))</p>"
    if let anchor = report.anchorLine(t) {
      body += "<p class=\"anchor\">\(HTML.escape(anchor))</p>"
    }
    body += "</footer>"
    return """
      <!DOCTYPE html>
      <html lang="\(t.language == .zh ? "zh-CN" : "en")">
      <head>
      <meta charset="utf-8">
      <meta name="viewport" content="width=device-width, initial-scale=1">
      <title>\(HTML.escape(title))</title>
      <style>
      \(style)
      </style>
      </head>
      <body>
      <main>
      \(body)
      </main>
      </body>
      </html>

      """
  }

  /// The headline figures as cards: the value, the change on a year ago and on the month before.
  package static func cards(_ report: MonthlyReport, _ t: Localizer) -> String {
    let lastYear = report.summary.headline(of: report.sameMonthLastYear)
    let previous = report.summary.headline(of: report.previousMonth)
    var html = "<section class=\"cards\">"
    for key in HeadlineFigures.Key.allCases {
      let value = report.headline[key]
      let yearOnYear = Percent.change(from: lastYear[key], to: value)
      let monthOnMonth = Percent.change(from: previous[key], to: value)
      html += "<div class=\"card\">"
      html += "<div class=\"label\">\(HTML.escape(t("report.headline.\(key.rawValue)")))</div>"
      if key.isMoney {
        html += "<div class=\"value\">\(HTML.escape(FigureText.compactMoney(value, t)))</div>"
        html +=
          "<div class=\"exact\">¥\(HTML.escape(FigureText.money(MoneyTotal(fen: value))))</div>"
      } else {
        html += "<div class=\"value\">\(HTML.escape(FigureText.count(Int(value))))</div>"
      }
      html += "<div class=\"change \(trend(yearOnYear))\">"
      html += HTML.escape(t("report.card.year-on-year", ["change": arrow(yearOnYear)])) + "</div>"
      html += "<div class=\"change mom\">"
      html += HTML.escape(t("report.card.month-on-month", ["change": arrow(monthOnMonth)]))
      html += "</div></div>"
    }
    return html + "</section>"
  }

  /// ▲ 3.4%, ▼ 2.0%, or — when there is nothing to compare with.
  package static func arrow(_ change: String?) -> String {
    guard let change else { return "—" }
    if change == "0.0" { return "0.0%" }
    return change.hasPrefix("-") ? "▼ " + change.dropFirst() + "%" : "▲ " + change + "%"
  }

  package static func trend(_ change: String?) -> String {
    guard let change, change != "0.0" else { return "flat" }
    return change.hasPrefix("-") ? "down" : "up"
  }

  /// The four charts: cases per kind, complaints and recoveries over 13 months, services by type.
  package static func charts(_ report: MonthlyReport, _ t: Localizer) -> String {
    let kinds = CaseKind.allCases
    let figures = report.figures
    let casesTitle = t("report.chart.cases")
    let cases = Charts.groupedBars(
      categories: kinds.map { t("report.kind-short.\($0.rawValue)") },
      series: [
        Charts.Series(
          label: t("report.col.opened"), colour: blue,
          values: kinds.map { Int128(figures.cases[$0]?.opened ?? 0) }),
        Charts.Series(
          label: t("report.col.closed"), colour: teal,
          values: kinds.map { Int128(figures.cases[$0]?.closed ?? 0) }),
      ], valueLabel: { FigureText.count(Int($0)) }, title: casesTitle)
    let months = report.summary.trendMonths
    let labels = months.enumerated().map { index, month in
      Charts.YearMonthLabel(
        month: t("report.chart.month", ["month": String(month.month)]),
        year: index == 0 || month.month == 1 ? String(month.year) : nil)
    }
    let points = months.map { report.summary.trend[$0] ?? TrendPoint() }
    let complaintsTitle = t("report.chart.complaints")
    let complaints = Charts.monthlyBars(
      months: labels, values: points.map { Int128($0.complaintsReceived) }, colour: red,
      valueLabel: { FigureText.count(Int($0)) }, axisLabel: { FigureText.count(Int($0)) },
      title: complaintsTitle)
    let recoveredTitle = t("report.chart.recovered")
    let recovered = Charts.monthlyLine(
      months: labels, values: points.map(\.amountRecovered.fen), colour: amber,
      axisLabel: { FigureText.compactMoney($0, t) }, valueLabel: { FigureText.compactMoney($0, t) },
      minimumStep: 100, title: recoveredTitle)
    let servicesTitle = t("report.chart.services")
    let services = Charts.horizontalBars(
      categories: ServiceType.allCases.map { t.value("service-type", $0.rawValue) },
      values: ServiceType.allCases.map { Int128(figures.services.byType[$0]?.activities ?? 0) },
      colour: teal, valueLabel: { FigureText.count(Int($0)) }, title: servicesTitle)
    return "<section class=\"charts\">"
      + figure(casesTitle, cases) + figure(complaintsTitle, complaints)
      + figure(recoveredTitle, recovered) + figure(servicesTitle, services) + "</section>"
  }

  package static func figure(_ caption: String, _ svg: String) -> String {
    "<figure><figcaption>\(HTML.escape(caption))</figcaption>\(svg)</figure>"
  }

  /// A table with its heading, kept on one page when printed.
  package static func section(_ table: ReportTable) -> String {
    var html = "<section class=\"table\" id=\"\(HTML.escape(table.id))\">"
    html += "<h2>\(HTML.escape(table.title))</h2><table><thead><tr>"
    for column in table.columns {
      html += "<th\(column.isNumeric ? " class=\"n\"" : "")>\(HTML.escape(column.header))</th>"
    }
    html += "</tr></thead><tbody>"
    for (index, row) in table.rows.enumerated() {
      let isTotal = table.hasTotal && index == table.rows.count - 1
      html += isTotal ? "<tr class=\"total\">" : "<tr>"
      for (position, cell) in row.enumerated() {
        let numeric = position < table.columns.count && table.columns[position].isNumeric
        html += "<td\(numeric ? " class=\"n\"" : "")>\(HTML.escape(cell))</td>"
      }
      html += "</tr>"
    }
    html += "</tbody></table>"
    return html + "</section>"
  }

  package static let style = """
    @page { size: A4; margin: 14mm 12mm; }
    * { box-sizing: border-box; }
    html { -webkit-text-size-adjust: 100%; }
    body { margin: 0; background: #eef1f4; color: #1f2933;
      font: 13px/1.5 "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Hiragino Sans GB",
        "Microsoft YaHei", "WenQuanYi Micro Hei", "Helvetica Neue", Arial, sans-serif; }
    main { max-width: 200mm; margin: 20px auto; background: #fff; padding: 26px 30px 18px;
      box-shadow: 0 1px 4px rgba(15, 30, 45, .12); }
    header { border-bottom: 3px solid #b4232a; padding-bottom: 10px; margin-bottom: 16px; }
    h1 { font-size: 22px; margin: 0 0 2px; letter-spacing: .02em; }
    .meta { margin: 0; color: #5f6c7b; font-size: 12px; }
    h2 { font-size: 14.5px; margin: 18px 0 6px; padding-left: 8px; border-left: 4px solid #b4232a;
      break-after: avoid; page-break-after: avoid; }
    .cards { display: grid; grid-template-columns: repeat(4, 1fr); gap: 8px; }
    .card { border: 1px solid #d9dee3; border-radius: 6px; padding: 8px 10px 7px;
      break-inside: avoid; }
    .card .label { font-size: 12px; color: #5f6c7b; }
    .card .value { font-size: 22px; font-weight: 700; line-height: 1.25;
      font-variant-numeric: tabular-nums; }
    .card .exact { font-size: 10.5px; color: #5f6c7b; font-variant-numeric: tabular-nums; }
    .card .change { font-size: 11.5px; margin-top: 2px; line-height: 1.35; }
    .card .change.mom { color: #5f6c7b; margin-top: 0; }
    .up { color: #1b7f3b; } .down { color: #b4232a; } .flat { color: #5f6c7b; }
    .charts { display: grid; grid-template-columns: 1fr 1fr; gap: 10px; margin-top: 14px; }
    figure { margin: 0; border: 1px solid #d9dee3; border-radius: 6px; padding: 8px 8px 4px;
      break-inside: avoid; page-break-inside: avoid; }
    figcaption { font-size: 12.5px; font-weight: 600; margin-bottom: 2px; }
    svg { display: block; width: 100%; height: auto; }
    svg text { font-size: 9.5px; fill: #1f2933; }
    svg text.t { fill: #5f6c7b; font-size: 9px; }
    svg text.v { font-size: 8.5px; fill: #3e4c59; }
    svg line.grid { stroke: #e4e8ec; stroke-width: 1; }
    svg line.axis { stroke: #9aa5b1; stroke-width: 1; }
    section.table { break-inside: avoid; page-break-inside: avoid; }
    table { width: 100%; border-collapse: collapse; font-size: 12px;
      font-variant-numeric: tabular-nums; }
    th, td { padding: 3px 8px; border-bottom: 1px solid #e4e8ec; text-align: left;
      vertical-align: top; }
    th { background: #f1f3f5; font-weight: 600; border-bottom: 1px solid #c5ccd3; }
    .n { text-align: right; white-space: nowrap; }
    tr.total td { font-weight: 700; border-top: 1.5px solid #9aa5b1; }
    .notice { border: 1px solid #9fc3a8; background: #f0f8f2; border-radius: 6px;
      padding: 6px 12px; margin-bottom: 14px; }
    .notice.changed { border-color: #e3a4a4; background: #fdf1f1; }
    .notice p { margin: 2px 0; }
    footer { margin-top: 18px; padding-top: 8px; border-top: 1px solid #d9dee3; font-size: 10.5px;
      color: #5f6c7b; }
    footer p { margin: 2px 0; }
    footer .anchor { font-family: ui-monospace, Menlo, Consolas, monospace; overflow-wrap: anywhere; }
    @media print {
      body { background: #fff; }
      main { max-width: none; margin: 0; padding: 0; box-shadow: none; }
      * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
      .charts { break-after: page; page-break-after: always; }
    }
    @media (max-width: 720px) {
      main { padding: 16px; }
      .cards { grid-template-columns: repeat(2, 1fr); }
      .charts { grid-template-columns: 1fr; }
    }
    """
}
