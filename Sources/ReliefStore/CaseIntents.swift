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
        db.cachedStatement(sql: "SELECT id, name, region, size FROM enterprises WHERE uscc = ?"),
        arguments: [opening.enterprise.rawValue])
    else { throw StoreError.enterpriseNotFound(opening.enterprise) }
    let at = input.map { agency.zone.resolve($0, notBefore: nil) } ?? now
    let year = agency.zone.date(of: at).year
    let standing =
      kind.workflow.openingGuards.isEmpty
      ? nil : try standing(of: opening.enterprise, today: agency.zone.date(of: at))
    var context = agency.context(now: now, standing: standing)
    // A large enterprise may not complain of arrears (ArrearsScope).
    context.complainantSize = (enterprise["size"] as String?).flatMap(EnterpriseSize.init)
    // Decide before taking a number, so that a refusal leaves no trace.
    let probe = CaseID(kind: kind, year: year, number: 1)
    _ = try ReliefCase.opening(opening, id: probe, at: at, officer: officer, context: context)
    let number = try nextNumber(kind: kind, year: year)
    let id = CaseID(kind: kind, year: year, number: number)
    let decision = try ReliefCase.opening(
      opening, id: id, at: at, officer: officer, context: context)
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
}
