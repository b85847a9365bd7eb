import ReliefDomain
import ReliefStoreAPI

/// A figure whose value now differs from the one frozen.
package struct FigureDifference: Equatable {
  /// The figure's path in the JSON document, such as `cases.arrears.opened`.
  package var figure: String
  /// The value frozen (null when the figure did not exist then).
  package var frozen: JSONValue
  /// The value now (null when the figure no longer exists).
  package var now: JSONValue
}

/// What a run of a frozen month says about its freezes.
package struct FreezeComparison {
  /// Every freeze of the month and region filter, oldest first, this run's included.
  package var freezes: [FrozenReport]
  /// The freeze the figures are compared with: the latest one before this run.
  package var comparedWith: FrozenReport?
  /// The figures that differ from it.
  package var differences: [FigureDifference]
  /// True when this run froze the summary.
  package var frozeNow: Bool

  package init(
    freezes: [FrozenReport], comparedWith: FrozenReport? = nil, differences: [FigureDifference],
    frozeNow: Bool
  ) {
    self.freezes = freezes
    self.comparedWith = comparedWith
    self.differences = differences
    self.frozeNow = frozeNow
  }
}

/// The monthly summary as a document: the figures of Docs/reports.md under their JSON keys,
/// and the tables the text, Markdown and HTML renderings show.
package struct MonthlyReport {
  package let summary: MonthlySummary
  package let zone: AgencyZone
  package let generatedAt: Instant
  /// False while the month is still running.
  package let isComplete: Bool
  package var freeze: FreezeComparison?
  /// The history's anchor when the report was made (Docs/reliability.md), for the footer.
  package var anchor: HistoryAnchor?

  package var figures: MonthlyFigures { summary.figures }
  package var month: YearMonth { summary.month }
  package var previousMonth: YearMonth { summary.previousMonth }
  package var sameMonthLastYear: YearMonth { summary.sameMonthLastYear }
  package var headline: HeadlineFigures { figures.headline }

  /// The prefectures with figures, in code order.
  package var prefectures: [String] { summary.byPrefecture.keys.sorted() }

  // MARK: JSON

  /// The whole document. The anchor is not a figure: a freeze does not store it, so that a
  /// history grown since never makes a frozen month "differ".
  package func json() -> JSONValue {
    .object(
      figureMembers() + [("anchor", .string(anchor?.description)), ("frozen", freezeJSON())])
  }

  /// The footer's line naming the history's anchor; nil when the report carries none.
  package func anchorLine(_ t: Localizer) -> String? {
    anchor.map { t("report.anchor", ["anchor": $0.description]) }
  }

  /// The document as a freeze stores it: everything but what it says about freezes.
  package func figuresJSON() -> JSONValue {
    .object(figureMembers())
  }

  private func figureMembers() -> [(String, JSONValue)] {
    let arrears = figures.arrears
    let taxRefund = figures.taxRefund
    let whitelist = figures.whitelist
    let cultivation = figures.cultivation
    let services = figures.services
    return [
      ("month", .string(month.description)),
      ("region", .string(figures.region?.digits)),
      ("timezone", .string(zone.identifier)),
      ("generatedAt", .string(zone.iso8601(generatedAt))),
      ("complete", .bool(isComplete)),
      (
        "cases",
        .object(
          CaseKind.allCases.map { ($0.rawValue, Self.json(figures.cases[$0] ?? CaseFigures())) }
            + [("total", Self.json(figures.totalCases))])
      ),
      (
        "arrears",
        .object([
          ("received", .int(arrears.received)),
          ("accepted", .int(arrears.accepted)),
          ("transferred", .int(arrears.transferred)),
          ("transferredOnTime", .int(arrears.transferredOnTime)),
          ("resolved", .int(arrears.resolved)),
          (
            "outcomes",
            .object(ArrearsOutcome.allCases.map { ($0.rawValue, .int(arrears.outcomes[$0] ?? 0)) })
          ),
          ("amountClaimed", .string(arrears.amountClaimed.yuan)),
          ("amountRecovered", .string(arrears.amountRecovered.yuan)),
          (
            "byDebtorType",
            .object(
              DebtorType.allCases.map { type in
                let byType = arrears.byDebtorType[type] ?? DebtorTypeFigures()
                return (
                  type.rawValue,
                  .object([
                    ("received", .int(byType.received)),
                    ("amountClaimed", .string(byType.amountClaimed.yuan)),
                    ("amountRecovered", .string(byType.amountRecovered.yuan)),
                  ])
                )
              })
          ),
        ])
      ),
      (
        "taxRefund",
        .object([
          ("applications", .int(taxRefund.applications)),
          ("amountClaimed", .string(taxRefund.amountClaimed.yuan)),
          ("approvals", .int(taxRefund.approvals)),
          ("amountApproved", .string(taxRefund.amountApproved.yuan)),
          ("disbursements", .int(taxRefund.disbursements)),
          ("amountDisbursed", .string(taxRefund.amountDisbursed.yuan)),
        ])
      ),
      (
        "whitelist",
        .object(
          Self.json(whitelist.total)
            + [
              (
                "byCategory",
                .object(
                  WhitelistCategory.allCases.map {
                    ($0.rawValue, .object(Self.json(whitelist.byCategory[$0] ?? .init())))
                  })
              )
            ])
      ),
      (
        "cultivation",
        .object(
          Self.json(cultivation.total)
            + [
              (
                "byTier",
                .object(
                  Tier.allCases.map {
                    ($0.rawValue, .object(Self.json(cultivation.byTier[$0] ?? .init())))
                  })
              )
            ])
      ),
      (
        "services",
        .object(
          Self.json(services.total)
            + [
              (
                "byType",
                .object(
                  ServiceType.allCases.map {
                    ($0.rawValue, .object(Self.json(services.byType[$0] ?? .init())))
                  })
              )
            ])
      ),
      ("headline", Self.json(headline)),
      (
        "comparisons",
        .object([
          ("previousMonth", comparisonJSON(previousMonth)),
          ("sameMonthLastYear", comparisonJSON(sameMonthLastYear)),
        ])
      ),
      (
        "trend",
        .object(
          summary.trendMonths.map { month in
            let point = summary.trend[month] ?? TrendPoint()
            return (
              month.description,
              .object([
                ("complaintsReceived", .int(point.complaintsReceived)),
                ("amountRecovered", .string(point.amountRecovered.yuan)),
              ])
            )
          })
      ),
      (
        "byRegion",
        .object(
          prefectures.map { code in
            let byRegion = summary.byPrefecture[code] ?? RegionFigures()
            return (
              code,
              .object([
                ("casesOpened", .int(byRegion.casesOpened)),
                ("casesClosed", .int(byRegion.casesClosed)),
                ("complaintsReceived", .int(byRegion.complaintsReceived)),
                ("amountRecovered", .string(byRegion.amountRecovered.yuan)),
                ("serviceActivities", .int(byRegion.serviceActivities)),
                ("enterprisesServed", .int(byRegion.enterprisesServed)),
              ])
            )
          })
      ),
    ]
  }

  private func comparisonJSON(_ other: YearMonth) -> JSONValue {
    let then = summary.headline(of: other)
    return .object([
      ("month", .string(other.description)),
      ("figures", Self.json(then)),
      (
        "change",
        .object(
          HeadlineFigures.Key.allCases.map { key in
            (key.rawValue, .string(Percent.change(from: then[key], to: headline[key])))
          })
      ),
    ])
  }

  private func freezeJSON() -> JSONValue {
    guard let freeze else { return .null }
    return .object([
      (
        "freezes",
        .array(
          freeze.freezes.map { frozen in
            .object([
              ("frozenAt", .string(zone.iso8601(frozen.frozenAt))),
              ("officer", .string(frozen.officer)),
            ])
          })
      ),
      ("frozenNow", .bool(freeze.frozeNow)),
      ("comparedWith", .string(freeze.comparedWith.map { zone.iso8601($0.frozenAt) })),
      ("changed", .bool(!freeze.differences.isEmpty)),
      (
        "differences",
        .array(
          freeze.differences.map { difference in
            .object([
              ("figure", .string(difference.figure)), ("frozen", difference.frozen),
              ("now", difference.now),
            ])
          })
      ),
    ])
  }

  package static func json(_ figures: CaseFigures) -> JSONValue {
    .object([
      ("opened", .int(figures.opened)),
      ("closed", .int(figures.closed)),
      ("closedOnTime", .int(figures.closedOnTime)),
      ("openAtEnd", .int(figures.openAtEnd)),
      ("overdueAtEnd", .int(figures.overdueAtEnd)),
      ("onTimeRate", .string(figures.onTimeRate)),
      ("medianDaysToClose", json(figures.medianDaysToClose)),
    ])
  }

  /// A median as a JSON number: whole, or with `.5`.
  package static func json(_ median: Median?) -> JSONValue {
    guard let median else { return .null }
    return median.isWhole ? .int(median.whole) : .double(Double(median.doubled) / 2)
  }

  package static func json(_ figures: WhitelistCategoryFigures) -> [(String, JSONValue)] {
    [
      ("newlyListed", .int(figures.newlyListed)), ("removed", .int(figures.removed)),
      ("listedAtEnd", .int(figures.listedAtEnd)),
    ]
  }

  package static func json(_ figures: TierFigures) -> [(String, JSONValue)] {
    [
      ("recognitions", .int(figures.recognitions)), ("validAtEnd", .int(figures.validAtEnd)),
      ("expiringWithin90Days", .int(figures.expiringWithin90Days)),
    ]
  }

  package static func json(_ figures: ServiceTypeFigures) -> [(String, JSONValue)] {
    [
      ("activities", .int(figures.activities)),
      ("enterprisesServed", .int(figures.enterprisesServed)),
    ]
  }

  package static func json(_ headline: HeadlineFigures) -> JSONValue {
    .object(
      HeadlineFigures.Key.allCases.map { key in
        (
          key.rawValue,
          key.isMoney
            ? .string(MoneyTotal(fen: headline[key]).yuan) : .int(Int64(clamping: headline[key]))
        )
      })
  }

  // MARK: Freezes

  /// The figures of two documents that differ, by path; `generatedAt` aside.
  package static func differences(frozen: JSONValue, now: JSONValue) -> [FigureDifference] {
    let ignored: Set<String> = ["generatedAt", "frozen", "anchor"]
    let before = Dictionary(
      frozen.leaves().filter { !ignored.contains($0.path) }, uniquingKeysWith: { first, _ in first }
    )
    let after = now.leaves().filter { !ignored.contains($0.path) }
    var result: [FigureDifference] = []
    var seen = Set<String>()
    for (path, value) in after {
      seen.insert(path)
      let old = before[path] ?? .null
      if old != value { result.append(FigureDifference(figure: path, frozen: old, now: value)) }
    }
    for (path, value) in frozen.leaves() where !seen.contains(path) && !ignored.contains(path) {
      result.append(FigureDifference(figure: path, frozen: value, now: .null))
    }
    return result
  }

  package init(
    summary: MonthlySummary, zone: AgencyZone, generatedAt: Instant, isComplete: Bool,
    freeze: FreezeComparison? = nil, anchor: HistoryAnchor? = nil
  ) {
    self.summary = summary
    self.zone = zone
    self.generatedAt = generatedAt
    self.isComplete = isComplete
    self.freeze = freeze
    self.anchor = anchor
  }
}

extension JSONValue {
  /// Every scalar in the document with its dotted path (`cases.arrears.opened`); array elements
  /// are numbered from 0.
  package func leaves(prefix: String = "") -> [(path: String, value: JSONValue)] {
    func join(_ key: String) -> String { prefix.isEmpty ? key : prefix + "." + key }
    switch self {
    case .object(let members):
      return members.flatMap { $0.1.leaves(prefix: join($0.0)) }
    case .array(let values):
      return values.enumerated().flatMap { $0.element.leaves(prefix: join(String($0.offset))) }
    default:
      return [(prefix, self)]
    }
  }
}
