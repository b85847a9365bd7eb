/// The case figures of one kind (or of every kind) for a month. Definitions: Docs/reports.md.
public struct CaseFigures: Equatable, Sendable {
  /// Cases opened in the month.
  public var opened = 0
  /// Cases that entered a terminal state in the month.
  public var closed = 0
  /// Of those, the ones none of whose deadlines was missed.
  public var closedOnTime = 0
  /// Cases opened before the month's end and not closed by then.
  public var openAtEnd = 0
  /// Of those, the ones whose running deadline had passed at the month's end.
  public var overdueAtEnd = 0
  /// Working days from opening to closing of each case closed in the month.
  public var daysToClose: [Int] = []

  /// Creates empty figures.
  public init() {}

  /// Closed on time / closed, in percent with one decimal; nil when nothing closed.
  public var onTimeRate: String? { Percent.of(Int64(closedOnTime), Int64(closed)) }

  /// The median of `daysToClose`; nil when nothing closed.
  public var medianDaysToClose: Median? { Median(daysToClose) }

  /// The figures of two sets of cases together.
  public static func + (lhs: CaseFigures, rhs: CaseFigures) -> CaseFigures {
    var sum = lhs
    sum.opened += rhs.opened
    sum.closed += rhs.closed
    sum.closedOnTime += rhs.closedOnTime
    sum.openAtEnd += rhs.openAtEnd
    sum.overdueAtEnd += rhs.overdueAtEnd
    sum.daysToClose += rhs.daysToClose
    return sum
  }
}

/// Complaints, claims and recoveries from one type of debtor.
public struct DebtorTypeFigures: Equatable, Sendable {
  /// Complaints received.
  public var received = 0
  /// The amounts owed in the complaints received.
  public var amountClaimed = MoneyTotal.zero
  /// Payments recorded in the month.
  public var amountRecovered = MoneyTotal.zero

  /// Creates empty figures.
  public init() {}
}

/// The arrears figures of a month.
public struct ArrearsFigures: Equatable, Sendable {
  /// Complaints received (arrears cases opened).
  public var received = 0
  /// Complaints accepted.
  public var accepted = 0
  /// Complaints transferred to a handling department.
  public var transferred = 0
  /// Of those, transferred within the statutory 10 working days of acceptance.
  public var transferredOnTime = 0
  /// Complaints resolved, by outcome.
  public var outcomes: [ArrearsOutcome: Int] = [:]
  /// The amounts owed in the complaints received.
  public var amountClaimed = MoneyTotal.zero
  /// Payments recorded in the month.
  public var amountRecovered = MoneyTotal.zero
  /// The same, by type of debtor.
  public var byDebtorType: [DebtorType: DebtorTypeFigures] = [:]

  /// Creates empty figures.
  public init() {}

  /// Complaints resolved in the month, whatever the outcome.
  public var resolved: Int { outcomes.values.reduce(0, +) }
}

/// The tax and fee relief figures of a month.
public struct TaxRefundFigures: Equatable, Sendable {
  /// Applications opened.
  public var applications = 0
  /// The amounts claimed in them.
  public var amountClaimed = MoneyTotal.zero
  /// Approvals.
  public var approvals = 0
  /// The amounts approved.
  public var amountApproved = MoneyTotal.zero
  /// Disbursements.
  public var disbursements = 0
  /// The amounts disbursed.
  public var amountDisbursed = MoneyTotal.zero

  /// Creates empty figures.
  public init() {}
}

/// White-list figures of one category (or of all).
public struct WhitelistCategoryFigures: Equatable, Sendable {
  /// Enterprises listed for the first time (approvals).
  public var newlyListed = 0
  /// Enterprises removed.
  public var removed = 0
  /// Enterprises listed (not suspended) at the month's end.
  public var listedAtEnd = 0

  /// Creates empty figures.
  public init() {}
}

/// The white-list figures of a month.
public struct WhitelistFigures: Equatable, Sendable {
  /// By category.
  public var byCategory: [WhitelistCategory: WhitelistCategoryFigures] = [:]

  /// Creates empty figures.
  public init() {}

  /// Every category together.
  public var total: WhitelistCategoryFigures {
    byCategory.values.reduce(into: WhitelistCategoryFigures()) { sum, figures in
      sum.newlyListed += figures.newlyListed
      sum.removed += figures.removed
      sum.listedAtEnd += figures.listedAtEnd
    }
  }
}

/// Cultivation figures of one tier (or of all).
public struct TierFigures: Equatable, Sendable {
  /// Recognitions granted in the month.
  public var recognitions = 0
  /// Recognitions valid on the month's last day.
  public var validAtEnd = 0
  /// Of those, the ones whose validity ends within 90 days of the month's last day.
  public var expiringWithin90Days = 0

  /// Creates empty figures.
  public init() {}
}

/// The cultivation figures of a month.
public struct CultivationFigures: Equatable, Sendable {
  /// By tier.
  public var byTier: [Tier: TierFigures] = [:]

  /// Creates empty figures.
  public init() {}

  /// Every tier together.
  public var total: TierFigures {
    byTier.values.reduce(into: TierFigures()) { sum, figures in
      sum.recognitions += figures.recognitions
      sum.validAtEnd += figures.validAtEnd
      sum.expiringWithin90Days += figures.expiringWithin90Days
    }
  }
}

/// Service figures of one type (or of all).
public struct ServiceTypeFigures: Equatable, Sendable {
  /// Service activities delivered.
  public var activities = 0
  /// Enterprises served, summed over the activities.
  public var enterprisesServed = 0

  /// Creates empty figures.
  public init() {}
}

/// The service figures of a month.
public struct ServiceFigures: Equatable, Sendable {
  /// By type.
  public var byType: [ServiceType: ServiceTypeFigures] = [:]

  /// Creates empty figures.
  public init() {}

  /// Every type together.
  public var total: ServiceTypeFigures {
    byType.values.reduce(into: ServiceTypeFigures()) { sum, figures in
      sum.activities += figures.activities
      sum.enterprisesServed += figures.enterprisesServed
    }
  }
}

/// The figures a summary leads with, and compares with the previous month and the same month a
/// year before.
public struct HeadlineFigures: Equatable, Sendable {
  /// The headline figures, in the order reports show them.
  public enum Key: String, CaseIterable, Sendable {
    case complaintsReceived, amountRecovered, casesOpened, casesClosed, newlyListed,
      recognitions, serviceActivities, enterprisesServed

    /// True for an amount of money (in fen).
    public var isMoney: Bool { self == .amountRecovered }
  }

  /// The values by key; money in fen (128 bits: a sum of amounts never overflows).
  public var values: [Key: Int128]

  /// Creates figures; missing keys count as 0.
  public init(_ values: [Key: Int128] = [:]) {
    self.values = values
  }

  /// A figure; money in fen.
  public subscript(key: Key) -> Int128 {
    get { values[key] ?? 0 }
    set { values[key] = newValue }
  }

  /// Equal when every figure is, a missing one counting as 0.
  public static func == (lhs: HeadlineFigures, rhs: HeadlineFigures) -> Bool {
    Key.allCases.allSatisfy { lhs[$0] == rhs[$0] }
  }
}

/// The figures of one prefecture in a month.
public struct RegionFigures: Equatable, Sendable {
  /// Cases of every kind opened.
  public var casesOpened = 0
  /// Cases of every kind closed.
  public var casesClosed = 0
  /// Complaints received.
  public var complaintsReceived = 0
  /// Payments recorded on complaints.
  public var amountRecovered = MoneyTotal.zero
  /// Service activities.
  public var serviceActivities = 0
  /// Enterprises served.
  public var enterprisesServed = 0

  /// Creates empty figures.
  public init() {}
}

/// Every figure of one month, as the store computes them from events by effective time.
public struct MonthlyFigures: Equatable, Sendable {
  /// The month.
  public var period: ReportPeriod
  /// The region filter, nil for every region.
  public var region: RegionPrefix?
  /// Case figures by kind.
  public var cases: [CaseKind: CaseFigures] = [:]
  /// Arrears figures.
  public var arrears = ArrearsFigures()
  /// Tax and fee relief figures.
  public var taxRefund = TaxRefundFigures()
  /// White-list figures.
  public var whitelist = WhitelistFigures()
  /// Cultivation figures.
  public var cultivation = CultivationFigures()
  /// Service figures.
  public var services = ServiceFigures()

  /// Creates empty figures for a month.
  public init(period: ReportPeriod, region: RegionPrefix?) {
    self.period = period
    self.region = region
  }

  /// Every kind together.
  public var totalCases: CaseFigures {
    CaseKind.allCases.reduce(CaseFigures()) { $0 + (cases[$1] ?? CaseFigures()) }
  }

  /// The headline figures of the month.
  public var headline: HeadlineFigures {
    let total = totalCases
    return HeadlineFigures([
      .complaintsReceived: Int128(arrears.received),
      .amountRecovered: arrears.amountRecovered.fen,
      .casesOpened: Int128(total.opened),
      .casesClosed: Int128(total.closed),
      .newlyListed: Int128(whitelist.total.newlyListed),
      .recognitions: Int128(cultivation.total.recognitions),
      .serviceActivities: Int128(services.total.activities),
      .enterprisesServed: Int128(services.total.enterprisesServed),
    ])
  }
}

/// One month of the 13-month trend: complaints received and amounts recovered.
public struct TrendPoint: Equatable, Sendable {
  /// Complaints received.
  public var complaintsReceived: Int
  /// Payments recorded on complaints.
  public var amountRecovered: MoneyTotal

  /// Creates a point.
  public init(complaintsReceived: Int = 0, amountRecovered: MoneyTotal = .zero) {
    self.complaintsReceived = complaintsReceived
    self.amountRecovered = amountRecovered
  }
}

/// A monthly summary: the month's figures, the headline figures of the previous month and of the
/// same month a year before, the 13-month trend, and the month by prefecture.
public struct MonthlySummary: Equatable, Sendable {
  /// The month's figures.
  public var figures: MonthlyFigures
  /// The headline figures of the previous month and of the same month a year before.
  public var comparedHeadlines: [YearMonth: HeadlineFigures]
  /// Complaints and recoveries of the 13 months ending with the month.
  public var trend: [YearMonth: TrendPoint]
  /// The month's figures by prefecture (the first 4 digits of the region).
  public var byPrefecture: [String: RegionFigures]

  /// Creates a summary.
  public init(
    figures: MonthlyFigures, comparedHeadlines: [YearMonth: HeadlineFigures],
    trend: [YearMonth: TrendPoint], byPrefecture: [String: RegionFigures]
  ) {
    self.figures = figures
    self.comparedHeadlines = comparedHeadlines
    self.trend = trend
    self.byPrefecture = byPrefecture
  }

  /// The month.
  public var month: YearMonth { figures.period.month }

  /// The previous month.
  public var previousMonth: YearMonth { month.adding(months: -1) }

  /// The same month a year before.
  public var sameMonthLastYear: YearMonth { month.adding(months: -12) }

  /// The headline figures of the month, the previous month or the same month a year before.
  public func headline(of other: YearMonth) -> HeadlineFigures {
    other == month ? figures.headline : comparedHeadlines[other] ?? HeadlineFigures()
  }

  /// The 13 months of the trend, oldest first, ending with the month.
  public var trendMonths: [YearMonth] { (0...12).reversed().map { month.adding(months: -$0) } }
}
