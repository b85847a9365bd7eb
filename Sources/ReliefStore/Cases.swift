import Foundation
import GRDB
import ReliefDomain

extension StoreSession {
  /// Opens a case: numbers it within its kind and year, records the opening event, starts its
  /// clock. `at` nil means now.
  public func openCase(_ opening: CaseOpening, at input: TimeInput?, officer: String, now: Instant)
    throws -> CaseRecord
  {
    let kind = opening.details.kind
    guard
      let enterprise = try Row.fetchOne(
        db.cachedStatement(sql: "SELECT id, name, region FROM enterprises WHERE uscc = ?"),
        arguments: [opening.enterprise.rawValue])
    else { throw StoreError.enterpriseNotFound(opening.enterprise) }
    let at = input.map { agency.zone.resolve($0, notBefore: nil) } ?? now
    let year = agency.zone.date(of: at).year
    let standing =
      kind.workflow.openingGuards.isEmpty
      ? nil : try standing(of: opening.enterprise, today: agency.zone.date(of: at))
    // Decide before taking a number, so that a refusal leaves no trace.
    let probe = CaseID(kind: kind, year: year, number: 1)
    _ = try ReliefCase.opening(
      opening, id: probe, at: at, officer: officer,
      context: agency.context(now: now, standing: standing))
    let number = try nextNumber(kind: kind, year: year)
    let id = CaseID(kind: kind, year: year, number: number)
    let decision = try ReliefCase.opening(
      opening, id: id, at: at, officer: officer,
      context: agency.context(now: now, standing: standing))
    let reliefCase = decision.reliefCase
    let rowID = try insertCase(reliefCase, enterpriseRowID: enterprise["id"])
    try append(decision.event, caseRowID: rowID, caseID: id)
    try recordClockChange(decision.clockChange, caseRowID: rowID, event: decision.event)
    return CaseRecord(
      reliefCase: reliefCase, enterpriseName: enterprise["name"],
      enterpriseRegion: RegionCode(trusted: enterprise["region"]))
  }

  private func nextNumber(kind: CaseKind, year: Int) throws -> Int {
    let number =
      try Int.fetchOne(
        db.cachedStatement(
          sql: """
            INSERT INTO case_sequences (kind, year, last) VALUES (?, ?, 1)
            ON CONFLICT (kind, year) DO UPDATE SET last = last + 1
            RETURNING last
            """), arguments: [kind.rawValue, year]) ?? 1
    guard number <= 999_999 else { throw StoreError.sequenceExhausted(kind: kind, year: year) }
    return number
  }

  /// Performs an event on a case, decided against the case as it is inside this transaction.
  public func perform(
    _ event: EventName, inputs: EventInputs, at input: TimeInput?, officer: String, on id: CaseID,
    now: Instant
  ) throws -> CaseRecord {
    guard let (rowID, stored) = try loadCase(id) else {
      throw StoreError.caseNotFound(id.description)
    }
    let at = input.map { agency.zone.resolve($0, notBefore: stored.reliefCase.updatedAt) }
    let standing = EnterpriseStanding(region: stored.enterpriseRegion)
    let decision = try stored.reliefCase.applying(
      EventRequest(event, inputs: inputs, at: at, officer: officer),
      context: agency.context(now: now, standing: standing))
    let reliefCase = decision.reliefCase
    try db.cachedStatement(
      sql: """
        UPDATE cases SET state = ?, assignee = ?, updated_at = ?, closed_at = ?, due_date = ?,
          warn_date = ?, supervision_level = ?, last_seq = ?, details = ?, valid_until = ?
        WHERE id = ?
        """
    ).execute(
      arguments: [
        reliefCase.state.rawValue, reliefCase.assignee, reliefCase.updatedAt.seconds,
        reliefCase.closedAt?.seconds, reliefCase.clock?.dueDate.description,
        reliefCase.clock?.warnDate.description, reliefCase.supervisionLevel, reliefCase.lastSeq,
        try StoredJSON.encode(reliefCase.details),
        reliefCase.details.cultivation?.validUntil?.description, rowID,
      ])
    try append(decision.event, caseRowID: rowID, caseID: id)
    try recordClockChange(decision.clockChange, caseRowID: rowID, event: decision.event)
    var updated = stored
    updated.reliefCase = reliefCase
    return updated
  }

  /// Appends an event to the chain and returns its hash. `previous` is the hash of the last
  /// event, when the caller knows it; else it is read.
  @discardableResult
  func append(_ event: CaseEvent, caseRowID: Int64, caseID: CaseID, previous known: Data? = nil)
    throws -> Data
  {
    let data = try StoredJSON.data(of: event)
    let amount = StoredJSON.amount(of: event)
    let previous =
      try known
      ?? Data.fetchOne(
        db.cachedStatement(sql: "SELECT hash FROM event_log ORDER BY id DESC LIMIT 1"))
      ?? EventChain.genesis
    let hash = EventChain.hash(
      EventChain.Content(
        caseCode: caseID.description, seq: event.seq, name: event.name.rawValue,
        from: event.from?.rawValue, to: event.to.rawValue, at: event.at.seconds,
        recordedAt: event.recordedAt.seconds, officer: event.officer, amount: amount, data: data),
      previous: previous)
    let step = try vocabulary.step(
      kind: caseID.kind, name: event.name, from: event.from, to: event.to, in: db)
    try db.cachedStatement(
      sql: """
        INSERT INTO event_log (case_id, seq, step, at, delay, officer, amount, data, hash)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
        """
    ).execute(arguments: [
      caseRowID, event.seq, step, event.at.seconds, event.recordedAt.seconds - event.at.seconds,
      try vocabulary.officer(event.officer, in: db), amount, data, hash,
    ])
    return hash
  }

  /// Keeps the clock periods in step with a decision.
  func recordClockChange(_ change: ClockChange, caseRowID: Int64, event: CaseEvent) throws {
    if change.ended != nil {
      try db.cachedStatement(
        sql: """
          UPDATE clock_periods SET ended_at = ?, late = max(late, ?)
          WHERE case_id = ? AND ended_at IS NULL
          """
      ).execute(arguments: [event.at.seconds, change.isLate ? 1 : 0, caseRowID])
    }
    if let updated = change.updated {
      try db.cachedStatement(
        sql: """
          UPDATE clock_periods SET spec = ?, length = ?, due_date = ?, warn_date = ?,
            fallback = ?, late = max(late, ?)
          WHERE case_id = ? AND ended_at IS NULL
          """
      ).execute(
        arguments: [
          try vocabulary.spec(of: updated, in: db), updated.length, updated.dueDate.description,
          updated.warnDate.description, updated.usesFallbackCalendar ? 1 : 0,
          change.isLate ? 1 : 0, caseRowID,
        ])
    }
    if let started = change.started {
      try insertClock(
        started, caseRowID: caseRowID, startedSeq: event.seq, startedAt: event.at, endedAt: nil,
        late: false)
    }
  }

  /// Inserts a clock period.
  func insertClock(
    _ clock: CaseClock, caseRowID: Int64, startedSeq: Int, startedAt: Instant, endedAt: Instant?,
    late: Bool
  ) throws {
    try db.cachedStatement(
      sql: """
        INSERT INTO clock_periods (case_id, started_seq, spec, length, started_on, due_date,
          warn_date, reminder, fallback, started_at, ended_at, late)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """
    ).execute(arguments: [
      caseRowID, startedSeq, try vocabulary.spec(of: clock, in: db), clock.length,
      clock.startedOn.description, clock.dueDate.description, clock.warnDate.description,
      clock.isReminder ? 1 : 0, clock.usesFallbackCalendar ? 1 : 0, startedAt.seconds,
      endedAt?.seconds, late ? 1 : 0,
    ])
  }

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

  /// A case's events, oldest first.
  public func history(of id: CaseID) throws -> [CaseEvent] {
    guard let (rowID, _) = try loadCase(id) else { throw StoreError.caseNotFound(id.description) }
    return try events(ofCaseRow: rowID)
  }

  func events(ofCaseRow rowID: Int64) throws -> [CaseEvent] {
    try Row.fetchAll(
      db,
      sql: """
        SELECT seq, name, from_state, to_state, at, recorded_at, officer, data
        FROM events WHERE case_id = ? ORDER BY seq
        """, arguments: [rowID]
    ).map(Self.event(from:))
  }

  static func event(from row: Row) throws -> CaseEvent {
    let name = EventName(rawValue: row["name"])
    let (inputs, opening) = try StoredJSON.decodeData(row["data"], name: name)
    let from: String? = row["from_state"]
    let at: Int64 = row["at"]
    let recordedAt: Int64 = row["recorded_at"]
    return CaseEvent(
      seq: row["seq"], name: name, from: from.map(CaseState.init(rawValue:)),
      to: CaseState(rawValue: row["to_state"]), at: Instant(seconds: at),
      recordedAt: Instant(seconds: recordedAt), officer: row["officer"], inputs: inputs,
      opening: opening)
  }

  /// Cases matching a filter: most recently opened first, or most urgent first when the filter is
  /// about deadlines.
  public func cases(matching filter: CaseFilter, today: LocalDate) throws -> Page<CaseRecord> {
    try page(caseQuery(filter, today: today), limit: filter.limit, map: Self.caseRecord(from:))
  }

  /// Every case matching a filter (its limit aside), in the order of `cases(matching:today:)`,
  /// handed to `sink` a batch at a time.
  public func cases(matching filter: CaseFilter, today: LocalDate, into sink: ListSink<CaseRecord>)
    throws
  {
    try stream(caseQuery(filter, today: today), into: sink, map: Self.caseRecord(from:))
  }

  private func caseQuery(_ filter: CaseFilter, today: LocalDate) -> ListQuery {
    var conditions: [String] = []
    var arguments: [String: (any DatabaseValueConvertible)?] = ["today": today.description]
    if let kind = filter.kind {
      conditions.append("c.kind = :kind")
      arguments["kind"] = kind.rawValue
    }
    if let state = filter.state {
      conditions.append("c.state = :state")
      arguments["state"] = state.rawValue
    }
    switch filter.openness {
    case .open?: conditions.append("c.closed_at IS NULL")
    case .closed?: conditions.append("c.closed_at IS NOT NULL")
    case nil: break
    }
    if let assignee = filter.assignee {
      conditions.append("c.assignee = :assignee")
      arguments["assignee"] = assignee
    }
    if let region = filter.region {
      conditions.append("e.region >= :regionLow AND e.region < :regionHigh")
      arguments["regionLow"] = region.digits
      arguments["regionHigh"] = region.upperBound
    }
    if let enterprise = filter.enterprise {
      conditions.append("e.uscc = :uscc")
      arguments["uscc"] = enterprise.rawValue
    }
    if filter.overdue {
      conditions.append("c.due_date < :today")
    }
    if let dueBy = filter.dueBy {
      conditions.append("c.due_date >= :today AND c.due_date <= :dueBy")
      arguments["dueBy"] = dueBy.description
    }
    switch filter.alert {
    case .red?: conditions.append("c.due_date < :today")
    case .yellow?: conditions.append("c.due_date >= :today AND c.warn_date <= :today")
    case .blue?: conditions.append("c.warn_date > :today")
    case nil: break
    }
    if filter.excludesReminders {
      conditions.append("k.reminder = 0")
    }
    let order =
      filter.isAboutDeadlines
      ? "c.due_date ASC, c.opened_at ASC, c.id ASC" : "c.opened_at DESC, c.id DESC"
    // The count joins only what the conditions read: a case has one enterprise and at most one
    // running clock, so the joins never change how many match.
    var countFrom = "cases c"
    if filter.region != nil || filter.enterprise != nil {
      countFrom += " JOIN enterprises e ON e.id = c.enterprise_id"
    }
    if filter.excludesReminders {
      countFrom += " LEFT JOIN clock_periods k ON k.case_id = c.id AND k.ended_at IS NULL"
    }
    return ListQuery(
      select: Self.caseColumns, from: Self.caseJoins, countFrom: countFrom, conditions: conditions,
      arguments: StatementArguments(arguments), orderBy: order)
  }
}
