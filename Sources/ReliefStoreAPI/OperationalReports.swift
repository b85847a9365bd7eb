import ReliefDomain

/// One officer's load: `relief report workload`.
public struct OfficerWorkload: Equatable, Sendable {
  /// The officer the cases are assigned to; nil for unassigned cases.
  public var officer: String?
  /// Open cases.
  public var open: Int
  /// Open cases past their deadline today (reminders aside).
  public var overdue: Int
  /// Open cases whose deadline is near (yellow alert) today.
  public var dueSoon: Int
  /// Cases closed in the month.
  public var closed: Int

  /// Creates a line of the report.
  public init(officer: String?, open: Int, overdue: Int, dueSoon: Int, closed: Int) {
    self.officer = officer
    self.open = open
    self.overdue = overdue
    self.dueSoon = dueSoon
    self.closed = closed
  }
}

/// Complaints against one debtor: `relief report debtors`.
public struct DebtorStanding: Equatable, Sendable {
  /// The debtor's name (as given in its latest complaint).
  public var debtor: String
  /// Its type (as given in its latest complaint).
  public var debtorType: DebtorType?
  /// Its code, when any complaint gave one; complaints are grouped by it, else by name.
  public var debtorCode: String?
  /// Complaints against it.
  public var complaints: Int
  /// Of those, the ones still open.
  public var open: Int
  /// The amounts owed in every complaint (a sum: 128 bits, exact however many).
  public var amountOwed: MoneyTotal
  /// The payments recorded.
  public var amountRecovered: MoneyTotal
  /// What is still owed: owed less recovered, over complaints not rejected or withdrawn and not
  /// resolved as paid in full or as no debt found.
  public var outstanding: MoneyTotal

  /// True for a debtor complained about more than once.
  public var isRepeat: Bool { complaints > 1 }

  /// Creates one (for the stores).
  package init(
    debtor: String, debtorType: DebtorType? = nil, debtorCode: String? = nil, complaints: Int,
    open: Int, amountOwed: MoneyTotal, amountRecovered: MoneyTotal, outstanding: MoneyTotal
  ) {
    self.debtor = debtor
    self.debtorType = debtorType
    self.debtorCode = debtorCode
    self.complaints = complaints
    self.open = open
    self.amountOwed = amountOwed
    self.amountRecovered = amountRecovered
    self.outstanding = outstanding
  }
}

/// Filters of the workload and debtor reports.
public struct ReportFilter: Sendable {
  public var region: RegionPrefix?
  public var kind: CaseKind?
  public var debtorType: DebtorType?
  public var limit: Int

  /// Creates a filter; a limit of 0 lists everything.
  public init(
    region: RegionPrefix? = nil, kind: CaseKind? = nil, debtorType: DebtorType? = nil,
    limit: Int = 100
  ) {
    self.region = region
    self.kind = kind
    self.debtorType = debtorType
    self.limit = limit
  }
}
