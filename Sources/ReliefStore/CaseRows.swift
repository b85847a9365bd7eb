import GRDB
import ReliefDomain

extension StoreSession {
  static let caseColumns = """
    c.id AS row_id, c.kind, c.year, c.number, c.state, c.title, c.assignee, c.opened_at,
    c.updated_at, c.closed_at, c.supervision_level, c.last_seq, c.details,
    e.uscc, e.name AS enterprise_name, e.region AS enterprise_region,
    e.checksum_warning AS enterprise_warning,
    ks.state AS clock_state, ks.setting AS clock_setting, ks.unit AS clock_unit,
    k.length AS clock_length, k.started_on AS clock_started_on, k.due_date AS clock_due,
    k.warn_date AS clock_warn, k.reminder AS clock_reminder, k.fallback AS clock_fallback
    """

  // The clock's tables, not the view `clocks`: SQLite does not flatten a view that is itself a
  // join on the right of a LEFT JOIN, and would build every clock period of the database first.
  static let caseJoins = """
    cases c JOIN enterprises e ON e.id = c.enterprise_id
    LEFT JOIN clock_periods k ON k.case_id = c.id AND k.ended_at IS NULL
    LEFT JOIN clock_specs ks ON ks.id = k.spec
    """

  /// The stored case with this id, or nil.
  public func caseRecord(_ id: CaseID) throws -> CaseRecord? {
    try loadCase(id)?.record
  }

  func loadCase(_ id: CaseID) throws -> (rowID: Int64, record: CaseRecord)? {
    guard
      let row = try Row.fetchOne(
        db,
        sql: """
          SELECT \(Self.caseColumns) FROM \(Self.caseJoins)
          WHERE c.kind = ? AND c.year = ? AND c.number = ?
          """, arguments: [id.kind.rawValue, id.year, id.number])
    else { return nil }
    return (row["row_id"], try Self.caseRecord(from: row))
  }

  static func caseRecord(from row: Row) throws -> CaseRecord {
    guard let kind = CaseKind(rawValue: row["kind"]) else {
      throw StoreError.corruptRecord("case kind \(row["kind"] as String? ?? "?")")
    }
    let id = CaseID(kind: kind, year: row["year"], number: row["number"])
    var clock: CaseClock?
    if let setting: String = row["clock_setting"],
      let unit = ClockUnit(rawValue: row["clock_unit"]),
      let started = LocalDate(row["clock_started_on"] as String),
      let due = LocalDate(row["clock_due"] as String),
      let warn = LocalDate(row["clock_warn"] as String)
    {
      clock = CaseClock(
        state: CaseState(rawValue: row["clock_state"]), setting: setting, unit: unit,
        length: row["clock_length"], startedOn: started, dueDate: due, warnDate: warn,
        isReminder: (row["clock_reminder"] as Int) == 1,
        usesFallbackCalendar: (row["clock_fallback"] as Int) == 1)
    }
    let details: CaseDetails
    do {
      details = try StoredJSON.decodeDetails(row["details"])
    } catch {
      throw StoreError.corruptRecord("details of \(id)")
    }
    let reliefCase = ReliefCase(
      id: id, state: CaseState(rawValue: row["state"]), enterprise: USCC(trusted: row["uscc"]),
      title: row["title"], assignee: row["assignee"], openedAt: Instant(seconds: row["opened_at"]),
      updatedAt: Instant(seconds: row["updated_at"]),
      closedAt: (row["closed_at"] as Int64?).map(Instant.init(seconds:)), details: details,
      supervisionLevel: row["supervision_level"], clock: clock, lastSeq: row["last_seq"])
    return CaseRecord(
      reliefCase: reliefCase, enterpriseName: row["enterprise_name"],
      enterpriseRegion: RegionCode(trusted: row["enterprise_region"]),
      enterpriseHasChecksumWarning: (row["enterprise_warning"] as Int?) == 1)
  }
}
