import ReliefDomain

/// One transaction's view of a Relief database: the intents (each reads the case as it is inside
/// the transaction, decides in the domain, and writes), the queries of the lists and reports, and
/// what import, export and maintenance need. Each engine implements it with its own SQL.
public protocol ReliefSession {
  /// The agency's settings, read at the start of the transaction.
  var agency: Agency { get }
  /// Stores a setting.
  func setSetting(_ key: String, to value: String) throws

  // MARK: Cases

  /// Opens a case: numbers it within its kind and year, records the opening event, starts its
  /// clock. `at` nil means now.
  func openCase(_ opening: CaseOpening, at input: TimeInput?, officer: String, now: Instant)
    throws -> CaseRecord
  /// Performs an event on a case, decided against the case as it is inside this transaction.
  func perform(
    _ event: EventName, inputs: EventInputs, at input: TimeInput?, officer: String, on id: CaseID,
    now: Instant
  ) throws -> CaseRecord
  /// The stored case with this id, or nil.
  func caseRecord(_ id: CaseID) throws -> CaseRecord?
  /// A case's events, oldest first.
  func history(of id: CaseID) throws -> [CaseEvent]
  /// A page of the cases a filter selects.
  func cases(matching filter: CaseFilter, today: LocalDate) throws -> Page<CaseRecord>
  /// Every case a filter selects, a batch at a time.
  func cases(matching filter: CaseFilter, today: LocalDate, into sink: ListSink<CaseRecord>)
    throws

  // MARK: Deadlines

  /// Where a year's calendar comes from, or nil when Relief counts it by weekdays alone.
  func calendarSource(of year: Int) throws -> CalendarSource?
  /// Adds (or with `replace`, replaces) a year's official arrangement, then recounts every
  /// running deadline. Returns how many deadlines changed.
  func importCalendar(
    _ year: WorkingCalendar.Year, replace: Bool, officer: String, now: Instant
  ) throws -> Int
  /// Recounts every running deadline with the calendar and settings as stored now (after a
  /// calendar import or a settings change). Start days stay; only the counting changes.
  func recountRunningClocks(now: Instant) throws -> Int
  /// How many running deadlines are at each alert level on a day.
  func alertCounts(today: LocalDate, region: RegionPrefix?) throws -> AlertCounts

  // MARK: Enterprises

  /// Registers an enterprise.
  func addEnterprise(_ enterprise: Enterprise, now: Instant) throws
  /// Changes a registered enterprise.
  func updateEnterprise(_ enterprise: Enterprise, now: Instant) throws
  /// An enterprise, or nil.
  func enterprise(_ uscc: USCC) throws -> Enterprise?
  /// An enterprise with what Relief derives about it, or nil.
  func enterpriseView(_ uscc: USCC, today: LocalDate) throws -> EnterpriseView?
  /// A page of the enterprises a filter selects.
  func enterprises(matching filter: EnterpriseFilter, today: LocalDate) throws -> Page<
    EnterpriseView
  >
  /// Every enterprise a filter selects, a batch at a time.
  func enterprises(
    matching filter: EnterpriseFilter, today: LocalDate, into sink: ListSink<EnterpriseView>
  ) throws
  /// What guards need to know of an enterprise: its region, tiers and open whitelist case.
  func standing(of uscc: USCC, today: LocalDate) throws -> EnterpriseStanding?

  // MARK: Services

  /// Logs a service activity.
  func logService(_ draft: ServiceDraft, officer: String, now: Instant) throws -> ServiceRecord
  /// A page of the services a filter selects.
  func services(matching filter: ServiceFilter) throws -> Page<ServiceRecord>
  /// Every service a filter selects, a batch at a time.
  func services(matching filter: ServiceFilter, into sink: ListSink<ServiceRecord>) throws

  // MARK: Reports

  /// The monthly summary of a month.
  func monthlySummary(_ month: YearMonth, region: RegionPrefix?) throws -> MonthlySummary
  /// Complaints received and amounts recovered in a period, by the definitions of the summary.
  func trendPoint(_ period: ReportPeriod, region: RegionPrefix?) throws -> TrendPoint
  /// Every figure of one month.
  func monthlyFigures(_ period: ReportPeriod, region: RegionPrefix?) throws -> MonthlyFigures
  /// The month by prefecture (the first 4 digits of the enterprise's or the service's region).
  func prefectureFigures(_ period: ReportPeriod, region: RegionPrefix?) throws -> [String:
    RegionFigures]
  /// The headline figures of a month, by the same definitions as `monthlyFigures` but without
  /// the standing at the month's end, so that they are cheap.
  func headlineFigures(_ period: ReportPeriod, region: RegionPrefix?) throws -> HeadlineFigures
  /// Freezes a monthly summary as submitted.
  func freezeReport(
    month: YearMonth, region: RegionPrefix?, figures: String, officer: String, now: Instant
  ) throws -> FrozenReport
  /// The frozen summaries of a month and region.
  func frozenReports(month: YearMonth, region: RegionPrefix?) throws -> [FrozenReport]
  /// Per officer: open cases, overdue and due soon today, and closed in the month; the most
  /// overdue officers first.
  func workload(_ filter: ReportFilter, today: LocalDate, month: ReportPeriod) throws
    -> [OfficerWorkload]
  /// A page of the debtors complained about.
  func debtors(_ filter: ReportFilter) throws -> Page<DebtorStanding>
  /// Every debtor complained about, a batch at a time.
  func debtors(_ filter: ReportFilter, into sink: ListSink<DebtorStanding>) throws

  // MARK: Search, statistics, history

  /// Finds enterprises, cases and notes by words in names, titles, debtors and notes: every
  /// whitespace-separated term must occur, ignoring case and the width of letters and digits.
  func search(_ text: String, limit: Int) throws -> SearchResults
  /// How much is stored.
  func counts() throws -> StoreCounts
  /// Cases per kind and state.
  func caseCountsByState() throws -> [CaseKind: [CaseState: Int]]
  /// The anchor of the history as it stands.
  func anchor() throws -> HistoryAnchor
  /// Walks the hash chain of the history.
  func verifyChain(position wanted: Int?, progress: ((Int) -> Void)?) throws -> ChainVerification

  // MARK: Export and import

  /// Every enterprise with its tier and white-list status on a day, in the order they were
  /// registered. Streams: memory stays flat however many there are.
  func forEachEnterprise(today: LocalDate, _ body: (EnterpriseView) throws -> Void) throws
  /// Every case (of a kind, when given) with its history, in the order they were stored; memory
  /// holds one case at a time.
  func forEachCase(kind: CaseKind?, _ body: (CaseRecord, [CaseEvent]) throws -> Void) throws
  /// Every service.
  func forEachService(_ body: (ServiceRecord) throws -> Void) throws
  /// How many services are stored.
  func serviceCount() throws -> Int
  /// Registers an enterprise from an import file, or with `replacing` replaces the one registered
  /// under its code. Returns the row id of the enterprise inserted or replaced.
  func importEnterprise(
    _ enterprise: Enterprise, createdAt: Instant?, updatedAt: Instant?, replacing: Bool,
    now: Instant
  ) throws -> Int64
  /// Restores a case with its whole history, as exported: its id is kept, every event is decided
  /// again with its own times and officer, and the events, the hash chain and the clocks are
  /// written anew. With `expectedState`, a history that ends elsewhere is refused.
  func restoreCase(
    _ events: [CaseEvent], id: CaseID, expectedState: CaseState?, now: Instant
  ) throws -> CaseRecord
  /// The row id of the enterprise registered under a code, or nil.
  func enterpriseRowID(of uscc: USCC) throws -> Int64?
  /// The highest enterprise row id, 0 when there is none: rows an import inserts come above it.
  func lastEnterpriseRowID() throws -> Int64
  /// True when a case with this id exists.
  func caseExists(_ id: CaseID) throws -> Bool
  /// Readies this transaction for a large import (SQLite: a larger page cache).
  func enlargeCache() throws
  /// Runs a bulk insertion with the search index brought up to date once at the end instead of
  /// per row, all inside the caller's transaction.
  func deferringSearchIndex<T>(_ body: () throws -> T) throws -> T
}

extension ReliefSession {
  /// How many running deadlines are at each alert level on a day, in every region.
  public func alertCounts(today: LocalDate) throws -> AlertCounts {
    try alertCounts(today: today, region: nil)
  }

  /// Walks the whole hash chain.
  public func verifyChain() throws -> ChainVerification {
    try verifyChain(position: nil, progress: nil)
  }

  /// Every case with its history.
  public func forEachCase(_ body: (CaseRecord, [CaseEvent]) throws -> Void) throws {
    try forEachCase(kind: nil, body)
  }
}
