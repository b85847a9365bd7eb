import ReliefDomain
import ReliefStoreAPI

/// A table of a report, worded and formatted for people: the one source of the text, Markdown and
/// HTML renderings, so that they always show the same figures.
package struct ReportTable {
  /// A column: its header and whether it holds numbers (aligned right).
  package struct Column {
    package var header: String
    package var isNumeric = true

    package init(header: String, isNumeric: Bool = true) {
      self.header = header
      self.isNumeric = isNumeric
    }
  }

  /// A stable identifier (the section of the JSON document it shows).
  package var id: String
  /// The heading.
  package var title: String
  package var columns: [Column]
  package var rows: [[String]] = []
  /// True when the last row is a total.
  package var hasTotal = false
}

/// How figures read for people: counts grouped by thousands, money in yuan with two decimals,
/// percentages with their sign.
package enum FigureText {
  /// `12,345`.
  package static func count(_ value: Int) -> String {
    var digits = String(value.magnitude)
    var groups: [String] = []
    while digits.count > 3 {
      groups.insert(String(digits.suffix(3)), at: 0)
      digits.removeLast(3)
    }
    groups.insert(digits, at: 0)
    return (value < 0 ? "-" : "") + groups.joined(separator: ",")
  }

  /// `1,250,000.00`.
  package static func money(_ value: Money) -> String { value.grouped }

  /// A total, `1,250,000.00`, exact at any size.
  package static func money(_ value: MoneyTotal) -> String { value.grouped }

  /// An amount in a few characters, for charts and cards: `125.3万`, `1.2亿` in Chinese, `1.25M`,
  /// `3.4k` in English; rounded half up.
  package static func compactMoney(_ fen: Int128, _ t: Localizer) -> String {
    let units: [(fen: Int128, key: String)] =
      t.language == .zh
      ? [(10_000_000_000, "report.unit.hundred-million"), (1_000_000, "report.unit.ten-thousand")]
      : [
        (100_000_000_000, "report.unit.billion"), (100_000_000, "report.unit.million"),
        (100_000, "report.unit.thousand"),
      ]
    for unit in units where fen.magnitude >= unit.fen.magnitude {
      return t(unit.key, ["value": scaled(fen, by: unit.fen)])
    }
    return grouped((fen + 50) / 100)
  }

  /// A whole number of any size grouped as `count` groups it.
  private static func grouped(_ value: Int128) -> String {
    if let small = Int(exactly: value) { return count(small) }
    return MoneyTotal(fen: value * 100).grouped.dropLast(3).description
  }

  /// `fen / unit` with at most two decimals, rounded half up, trailing zeros dropped.
  package static func scaled(_ fen: Int128, by unit: Int128) -> String {
    let hundredths = (fen * 100 + unit / 2) / unit
    let whole = hundredths / 100
    let fraction = Int(hundredths % 100)
    if fraction == 0 { return grouped(whole) }
    let decimals =
      fraction % 10 == 0 ? String(fraction / 10) : (fraction < 10 ? "0" : "") + String(fraction)
    return grouped(whole) + "." + decimals
  }

  /// `87.5%`, or `—` when there is nothing to divide.
  package static func percent(_ value: String?) -> String { value.map { $0 + "%" } ?? "—" }

  /// `+3.4%`, `-2.0%`, or `—` when the month compared with had nothing.
  package static func change(_ value: String?) -> String {
    guard let value else { return "—" }
    return (value.hasPrefix("-") || value == "0.0" ? "" : "+") + value + "%"
  }

  /// `3` or `3.5`, or `—`.
  package static func median(_ value: Median?) -> String { value?.description ?? "—" }

  /// A headline figure.
  package static func headline(_ key: HeadlineFigures.Key, _ figures: HeadlineFigures) -> String {
    key.isMoney ? money(MoneyTotal(fen: figures[key])) : count(Int(figures[key]))
  }

  /// A prefecture's name as Relief knows it, with its code.
  package static func prefecture(_ code: String, _ t: Localizer) -> String {
    guard code.count == 4 else { return t("report.region-unknown") }
    let province = Regions.provinces[String(code.prefix(2))]
    if t.language == .zh {
      let name = Regions.chineseName(of: RegionCode(trusted: code + "00"))
      return name + " " + code
    }
    return (province?.en ?? code.prefix(2).description) + " " + code
  }
}

extension MonthlyReport {
  /// The report's title: `Monthly service summary, 2026-03`.
  package func title(_ t: Localizer) -> String {
    t("report.title", ["month": month.description])
  }

  /// The line under the title: region, time zone, when generated, whether the month is over.
  package func subtitle(_ t: Localizer) -> String {
    var parts = [
      figures.region.map { t("report.region", ["region": Self.regionName($0, t)]) }
        ?? t("report.all-regions"),
      t("report.timezone", ["zone": zone.identifier]),
      t("report.generated", ["at": zone.shortTimestamp(generatedAt)]),
    ]
    if !isComplete { parts.append(t("report.incomplete")) }
    return parts.joined(separator: " · ")
  }

  package static func regionName(_ region: RegionPrefix, _ t: Localizer) -> String {
    switch region.digits.count {
    case 2: return ErrorText.regionName(RegionCode(trusted: region.digits + "0000"), t)
    case 4: return FigureText.prefecture(region.digits, t)
    default:
      let code = RegionCode(trusted: region.digits)
      return t.language == .zh ? Regions.chineseName(of: code) + " " + region.digits : region.digits
    }
  }

  /// Every table, in the order the renderings show them.
  package func tables(_ t: Localizer) -> [ReportTable] {
    [
      headlineTable(t), casesTable(t), arrearsTable(t), outcomesTable(t), debtorTypeTable(t),
      taxRefundTable(t), whitelistTable(t), cultivationTable(t), servicesTable(t),
      regionTable(t), trendTable(t),
    ]
  }

  package func headlineTable(_ t: Localizer) -> ReportTable {
    let previous = summary.headline(of: previousMonth)
    let lastYear = summary.headline(of: sameMonthLastYear)
    var table = ReportTable(
      id: "comparisons", title: t("report.section.headline"),
      columns: [
        .init(header: t("report.col.figure"), isNumeric: false),
        .init(header: month.description), .init(header: previousMonth.description),
        .init(header: t("report.col.month-on-month")), .init(header: sameMonthLastYear.description),
        .init(header: t("report.col.year-on-year")),
      ])
    for key in HeadlineFigures.Key.allCases {
      table.rows.append([
        t("report.headline.\(key.rawValue)"), FigureText.headline(key, headline),
        FigureText.headline(key, previous),
        FigureText.change(Percent.change(from: previous[key], to: headline[key])),
        FigureText.headline(key, lastYear),
        FigureText.change(Percent.change(from: lastYear[key], to: headline[key])),
      ])
    }
    return table
  }

  package func casesTable(_ t: Localizer) -> ReportTable {
    var table = ReportTable(
      id: "cases", title: t("report.section.cases"),
      columns: [
        .init(header: t("report.col.kind"), isNumeric: false),
        .init(header: t("report.col.opened")), .init(header: t("report.col.closed")),
        .init(header: t("report.col.open-at-end")), .init(header: t("report.col.overdue-at-end")),
        .init(header: t("report.col.on-time-rate")), .init(header: t("report.col.median-days")),
      ], hasTotal: true)
    func row(_ label: String, _ figures: CaseFigures) -> [String] {
      [
        label, FigureText.count(figures.opened), FigureText.count(figures.closed),
        FigureText.count(figures.openAtEnd), FigureText.count(figures.overdueAtEnd),
        FigureText.percent(figures.onTimeRate), FigureText.median(figures.medianDaysToClose),
      ]
    }
    for kind in CaseKind.allCases {
      table.rows.append(row(t.kind(kind), figures.cases[kind] ?? CaseFigures()))
    }
    table.rows.append(row(t("report.total"), figures.totalCases))
    return table
  }

  package func arrearsTable(_ t: Localizer) -> ReportTable {
    let arrears = figures.arrears
    var table = ReportTable(
      id: "arrears", title: t("report.section.arrears"),
      columns: [
        .init(header: t("report.col.figure"), isNumeric: false),
        .init(header: t("report.col.value")),
      ])
    table.rows = [
      [t("report.arrears.received"), FigureText.count(arrears.received)],
      [t("report.arrears.accepted"), FigureText.count(arrears.accepted)],
      [t("report.arrears.transferred"), FigureText.count(arrears.transferred)],
      [t("report.arrears.transferred-on-time"), FigureText.count(arrears.transferredOnTime)],
      [t("report.arrears.resolved"), FigureText.count(arrears.resolved)],
      [t("report.arrears.amount-claimed"), FigureText.money(arrears.amountClaimed)],
      [t("report.arrears.amount-recovered"), FigureText.money(arrears.amountRecovered)],
    ]
    return table
  }

  package func outcomesTable(_ t: Localizer) -> ReportTable {
    var table = ReportTable(
      id: "arrears.outcomes", title: t("report.section.outcomes"),
      columns: [
        .init(header: t("report.col.outcome"), isNumeric: false),
        .init(header: t("report.col.complaints")),
      ], hasTotal: true)
    for outcome in ArrearsOutcome.allCases {
      table.rows.append([
        t.value("outcome", outcome.rawValue),
        FigureText.count(figures.arrears.outcomes[outcome] ?? 0),
      ])
    }
    table.rows.append([t("report.total"), FigureText.count(figures.arrears.resolved)])
    return table
  }

  package func debtorTypeTable(_ t: Localizer) -> ReportTable {
    var table = ReportTable(
      id: "arrears.byDebtorType", title: t("report.section.debtor-types"),
      columns: [
        .init(header: t("report.col.debtor-type"), isNumeric: false),
        .init(header: t("report.col.received")), .init(header: t("report.col.amount-claimed")),
        .init(header: t("report.col.amount-recovered")),
      ], hasTotal: true)
    for type in DebtorType.allCases {
      let byType = figures.arrears.byDebtorType[type] ?? DebtorTypeFigures()
      table.rows.append([
        t.value("debtor-type", type.rawValue), FigureText.count(byType.received),
        FigureText.money(byType.amountClaimed), FigureText.money(byType.amountRecovered),
      ])
    }
    table.rows.append([
      t("report.total"), FigureText.count(figures.arrears.received),
      FigureText.money(figures.arrears.amountClaimed),
      FigureText.money(figures.arrears.amountRecovered),
    ])
    return table
  }

  package func taxRefundTable(_ t: Localizer) -> ReportTable {
    let taxRefund = figures.taxRefund
    var table = ReportTable(
      id: "taxRefund", title: t("report.section.tax-refund"),
      columns: [
        .init(header: t("report.col.figure"), isNumeric: false),
        .init(header: t("report.col.cases")), .init(header: t("report.col.amount")),
      ])
    table.rows = [
      [
        t("report.tax-refund.claimed"), FigureText.count(taxRefund.applications),
        FigureText.money(taxRefund.amountClaimed),
      ],
      [
        t("report.tax-refund.approved"), FigureText.count(taxRefund.approvals),
        FigureText.money(taxRefund.amountApproved),
      ],
      [
        t("report.tax-refund.disbursed"), FigureText.count(taxRefund.disbursements),
        FigureText.money(taxRefund.amountDisbursed),
      ],
    ]
    return table
  }

  package func whitelistTable(_ t: Localizer) -> ReportTable {
    var table = ReportTable(
      id: "whitelist", title: t("report.section.whitelist"),
      columns: [
        .init(header: t("report.col.category"), isNumeric: false),
        .init(header: t("report.col.newly-listed")), .init(header: t("report.col.removed")),
        .init(header: t("report.col.listed-at-end")),
      ], hasTotal: true)
    func row(_ label: String, _ figures: WhitelistCategoryFigures) -> [String] {
      [
        label, FigureText.count(figures.newlyListed), FigureText.count(figures.removed),
        FigureText.count(figures.listedAtEnd),
      ]
    }
    for category in WhitelistCategory.allCases {
      table.rows.append(
        row(
          t.value("category", category.rawValue), figures.whitelist.byCategory[category] ?? .init())
      )
    }
    table.rows.append(row(t("report.total"), figures.whitelist.total))
    return table
  }

  package func cultivationTable(_ t: Localizer) -> ReportTable {
    var table = ReportTable(
      id: "cultivation", title: t("report.section.cultivation"),
      columns: [
        .init(header: t("report.col.tier"), isNumeric: false),
        .init(header: t("report.col.recognitions")), .init(header: t("report.col.valid-at-end")),
        .init(header: t("report.col.expiring")),
      ], hasTotal: true)
    func row(_ label: String, _ figures: TierFigures) -> [String] {
      [
        label, FigureText.count(figures.recognitions), FigureText.count(figures.validAtEnd),
        FigureText.count(figures.expiringWithin90Days),
      ]
    }
    for tier in Tier.allCases {
      table.rows.append(
        row(t.value("tier", tier.rawValue), figures.cultivation.byTier[tier] ?? .init()))
    }
    table.rows.append(row(t("report.total"), figures.cultivation.total))
    return table
  }

  package func servicesTable(_ t: Localizer) -> ReportTable {
    var table = ReportTable(
      id: "services", title: t("report.section.services"),
      columns: [
        .init(header: t("report.col.service-type"), isNumeric: false),
        .init(header: t("report.col.activities")),
        .init(header: t("report.col.enterprises-served")),
      ], hasTotal: true)
    func row(_ label: String, _ figures: ServiceTypeFigures) -> [String] {
      [label, FigureText.count(figures.activities), FigureText.count(figures.enterprisesServed)]
    }
    for type in ServiceType.allCases {
      table.rows.append(
        row(t.value("service-type", type.rawValue), figures.services.byType[type] ?? .init()))
    }
    table.rows.append(row(t("report.total"), figures.services.total))
    return table
  }

  package func regionTable(_ t: Localizer) -> ReportTable {
    var table = ReportTable(
      id: "byRegion", title: t("report.section.regions"),
      columns: [
        .init(header: t("report.col.prefecture"), isNumeric: false),
        .init(header: t("report.col.opened")), .init(header: t("report.col.closed")),
        .init(header: t("report.col.complaints")),
        .init(header: t("report.col.amount-recovered")),
        .init(header: t("report.col.activities")),
        .init(header: t("report.col.enterprises-served")),
      ], hasTotal: true)
    var total = RegionFigures()
    for code in prefectures {
      let byRegion = summary.byPrefecture[code] ?? RegionFigures()
      total.casesOpened += byRegion.casesOpened
      total.casesClosed += byRegion.casesClosed
      total.complaintsReceived += byRegion.complaintsReceived
      total.amountRecovered += byRegion.amountRecovered
      total.serviceActivities += byRegion.serviceActivities
      total.enterprisesServed += byRegion.enterprisesServed
      table.rows.append(Self.regionRow(FigureText.prefecture(code, t), byRegion))
    }
    table.rows.append(Self.regionRow(t("report.total"), total))
    return table
  }

  private static func regionRow(_ label: String, _ figures: RegionFigures) -> [String] {
    [
      label, FigureText.count(figures.casesOpened), FigureText.count(figures.casesClosed),
      FigureText.count(figures.complaintsReceived), FigureText.money(figures.amountRecovered),
      FigureText.count(figures.serviceActivities), FigureText.count(figures.enterprisesServed),
    ]
  }

  package func trendTable(_ t: Localizer) -> ReportTable {
    var table = ReportTable(
      id: "trend", title: t("report.section.trend"),
      columns: [
        .init(header: t("report.col.month"), isNumeric: false),
        .init(header: t("report.headline.complaintsReceived")),
        .init(header: t("report.headline.amountRecovered")),
      ])
    for other in summary.trendMonths {
      let point = summary.trend[other] ?? TrendPoint()
      table.rows.append([
        other.description, FigureText.count(point.complaintsReceived),
        FigureText.money(point.amountRecovered),
      ])
    }
    return table
  }

  /// What the run says about freezes, as lines; nil when the month was never frozen.
  package func freezeLines(_ t: Localizer) -> [String]? {
    guard let freeze else { return nil }
    var lines: [String] = []
    if let compared = freeze.comparedWith {
      let when = zone.shortTimestamp(compared.frozenAt)
      lines.append(
        freeze.differences.isEmpty
          ? t("report.frozen-unchanged", ["at": when, "officer": compared.officer])
          : t(
            "report.frozen-changed",
            ["at": when, "officer": compared.officer, "count": String(freeze.differences.count)]))
    }
    if freeze.frozeNow {
      lines.append(
        t(
          "report.frozen-now",
          ["at": zone.shortTimestamp(generatedAt), "count": String(freeze.freezes.count)]))
    }
    return lines
  }

  /// The figures that differ from the last freeze, as a table; nil when none do.
  package func differencesTable(_ t: Localizer) -> ReportTable? {
    guard let freeze, !freeze.differences.isEmpty else { return nil }
    var table = ReportTable(
      id: "frozen", title: t("report.section.differences"),
      columns: [
        .init(header: t("report.col.figure"), isNumeric: false),
        .init(header: t("report.col.frozen")), .init(header: t("report.col.now")),
      ])
    for difference in freeze.differences {
      table.rows.append([
        difference.figure, Self.display(difference.frozen), Self.display(difference.now),
      ])
    }
    return table
  }

  private static func display(_ value: JSONValue) -> String {
    switch value {
    case .null: return "—"
    case .string(let text): return text
    default: return value.render(pretty: false)
    }
  }
}
