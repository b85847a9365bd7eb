import Foundation
import GRDB
import ReliefDomain

extension StoreSession {
  /// Registers an enterprise from an import file, or with `replacing` replaces the one registered
  /// under its code. The import's hot path: every statement is prepared once per transaction.
  /// Returns the row id of the enterprise inserted or replaced.
  @discardableResult
  public func importEnterprise(
    _ enterprise: Enterprise, createdAt: Instant?, updatedAt: Instant?, replacing: Bool,
    now: Instant
  ) throws -> Int64 {
    let enterprise = try enterprise.validated()
    let fields: [(any DatabaseValueConvertible)?] = [
      enterprise.name, enterprise.region.rawValue, enterprise.size?.rawValue,
      enterprise.sector?.rawValue, enterprise.employees, enterprise.revenue?.fen,
      enterprise.industry, enterprise.contact, enterprise.phone,
      enterprise.hasChecksumWarning ? 1 : 0, enterprise.assets?.fen,
    ]
    // Without `replacing`, the unique index answers whether the code is taken: one statement a
    // record instead of two.
    if replacing, let rowID = try enterpriseRowID(enterprise.uscc) {
      try db.cachedStatement(
        sql: """
          UPDATE enterprises SET name = ?, region = ?, size = ?, sector = ?, employees = ?,
            revenue = ?, industry = ?, contact = ?, phone = ?, checksum_warning = ?, assets = ?,
            created_at = coalesce(?, created_at), updated_at = ?
          WHERE id = ?
          """
      ).execute(
        arguments: StatementArguments(
          fields + [createdAt?.seconds, (updatedAt ?? now).seconds, rowID]))
      return rowID
    }
    do {
      try db.cachedStatement(
        sql: """
          INSERT INTO enterprises (uscc, name, region, size, sector, employees, revenue, industry,
            contact, phone, checksum_warning, assets, created_at, updated_at)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
          """
      ).execute(
        arguments: StatementArguments(
          [enterprise.uscc.rawValue] + fields + [
            (createdAt ?? now).seconds, (updatedAt ?? createdAt ?? now).seconds,
          ]))
    } catch let error as DatabaseError where error.extendedResultCode == .SQLITE_CONSTRAINT_UNIQUE {
      throw StoreError.enterpriseExists(enterprise.uscc)
    }
    return db.lastInsertedRowID
  }

  /// Restores a case with its whole history, as exported: its id is kept, every event is decided
  /// again with its own times and officer (`ReliefCase.restoring`), and the events, the hash
  /// chain and the clocks are written anew. With `expectedState`, a history that ends elsewhere
  /// is refused.
  @discardableResult
  public func restoreCase(
    _ events: [CaseEvent], id: CaseID, expectedState: CaseState?, now: Instant
  ) throws -> CaseRecord {
    guard let opening = events.first?.opening else {
      throw DomainError.brokenHistory(caseID: id, seq: events.first?.seq ?? 1)
    }
    guard
      let enterprise = try Row.fetchOne(
        db.cachedStatement(sql: "SELECT id, name, region FROM enterprises WHERE uscc = ?"),
        arguments: [opening.enterprise.rawValue])
    else { throw StoreError.enterpriseNotFound(opening.enterprise) }
    if try caseRowID(id) != nil { throw DataError.caseExists(id) }
    let region = RegionCode(trusted: enterprise["region"])
    let decisions = try ReliefCase.restoring(
      events, id: id,
      context: agency.context(now: now, standing: EnterpriseStanding(region: region)))
    for (event, decision) in zip(events, decisions) where event.to != decision.event.to {
      throw DataError.eventStateDiffers(
        id, seq: event.seq, file: event.to, replayed: decision.event.to)
    }
    let reliefCase = decisions[decisions.count - 1].reliefCase
    if let expectedState, expectedState != reliefCase.state {
      throw DataError.stateDiffers(id, file: expectedState, replayed: reliefCase.state)
    }
    let rowID = try insertCase(reliefCase, enterpriseRowID: enterprise["id"])
    for decision in decisions {
      try append(decision.event, caseRowID: rowID, caseID: id)
      try recordClockChange(decision.clockChange, caseRowID: rowID, event: decision.event)
    }
    try db.cachedStatement(
      sql: """
        INSERT INTO case_sequences (kind, year, last) VALUES (?, ?, ?)
        ON CONFLICT (kind, year) DO UPDATE SET last = max(last, excluded.last)
        """
    ).execute(arguments: [id.kind.rawValue, id.year, id.number])
    return CaseRecord(
      reliefCase: reliefCase, enterpriseName: enterprise["name"], enterpriseRegion: region)
  }

  /// The row id of the enterprise registered under a code, or nil.
  public func enterpriseRowID(of uscc: USCC) throws -> Int64? {
    try enterpriseRowID(uscc)
  }

  /// The highest enterprise row id, 0 when there is none: rows an import inserts come above it.
  public func lastEnterpriseRowID() throws -> Int64 {
    try Int64.fetchOne(db, sql: "SELECT coalesce(max(id), 0) FROM enterprises") ?? 0
  }

  /// True when a case has this id.
  public func caseExists(_ id: CaseID) throws -> Bool {
    try caseRowID(id) != nil
  }

  func caseRowID(_ id: CaseID) throws -> Int64? {
    try Int64.fetchOne(
      db.cachedStatement(sql: "SELECT id FROM cases WHERE kind = ? AND year = ? AND number = ?"),
      arguments: [id.kind.rawValue, id.year, id.number])
  }

  func insertCase(_ reliefCase: ReliefCase, enterpriseRowID: Int64) throws -> Int64 {
    let id = reliefCase.id
    let details = reliefCase.details
    try db.cachedStatement(
      sql: """
        INSERT INTO cases (kind, year, number, enterprise_id, state, title, assignee, opened_at,
          updated_at, closed_at, due_date, warn_date, supervision_level, last_seq, details,
          facet, claimed, valid_until)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """
    ).execute(arguments: [
      id.kind.rawValue, id.year, id.number, enterpriseRowID, reliefCase.state.rawValue,
      reliefCase.title, reliefCase.assignee, reliefCase.openedAt.seconds,
      reliefCase.updatedAt.seconds, reliefCase.closedAt?.seconds,
      reliefCase.clock?.dueDate.description, reliefCase.clock?.warnDate.description,
      reliefCase.supervisionLevel, reliefCase.lastSeq, try StoredJSON.encode(details),
      StoredJSON.facet(of: details), StoredJSON.claimed(of: details)?.fen,
      details.cultivation?.validUntil?.description,
    ])
    return db.lastInsertedRowID
  }
}

extension StoreSession {
  /// Gives this connection 16 MiB of page cache instead of SQLite's 2 MiB, for an import: the
  /// indexes it inserts into are read again and again, and a small cache also writes changed
  /// pages out to the log more than once before the commit. (32 MiB was no faster at a million
  /// cases, and took the import of a province's export to 99 MiB of the 100 MiB allowed.)
  public func enlargeCache() throws {
    try db.execute(sql: "PRAGMA cache_size = -16384")
  }

  /// Runs a bulk insertion with the search index's insertion triggers set aside, then indexes
  /// the new rows with one statement per table. FTS5 flushes its pending index at every
  /// statement savepoint, and the triggers cause one per inserted row: an enterprise then costs
  /// 40 µs instead of 10. All of it happens inside the caller's transaction, so that no other
  /// connection ever sees the index out of step; if `body` throws, the transaction's rollback
  /// restores the triggers.
  public func deferringSearchIndex<T>(_ body: () throws -> T) throws -> T {
    let triggers = try Row.fetchAll(
      db,
      sql: """
        SELECT name, sql FROM sqlite_master WHERE type = 'trigger'
          AND name IN ('search_enterprise_insert', 'search_case_insert', 'search_note_insert')
        ORDER BY name
        """
    ).map { (name: $0["name"] as String, sql: $0["sql"] as String) }
    var last: [(tag: Int, id: Int64)] = []
    for (tag, table) in [(3, "enterprises"), (2, "cases"), (1, "event_log")] {
      let id = try Int64.fetchOne(db, sql: "SELECT coalesce(max(id), 0) FROM \(table)") ?? 0
      last.append((tag, id))
    }
    for trigger in triggers {
      try db.execute(sql: "DROP TRIGGER \(trigger.name)")
    }
    let result = try body()
    for trigger in triggers {
      try db.execute(sql: trigger.sql)
    }
    // The tag is written into the statement, not bound: the view is a UNION ALL of the three
    // tables, and only a constant lets SQLite skip the branches of the other two instead of
    // reading every row above `id` in each of them.
    for (tag, id) in last {
      try db.execute(
        sql: """
          INSERT INTO search (rowid, name, title, debtor, note)
          SELECT (tag << 40) | source, name, title, debtor, note FROM search_source
          WHERE tag = \(tag) AND source > ?
          """, arguments: [id])
    }
    return result
  }
}

extension ReliefStore {
  /// Runs `body` in one write transaction and then rolls it back: a dry run that sees exactly
  /// what a real run would, and leaves nothing behind.
  public func rehearse<T>(_ body: (StoreSession) throws -> T) throws -> T {
    try translatingErrors {
      try queue.writeWithoutTransaction { db in
        var result: T?
        try db.inTransaction {
          result = try body(try StoreSession(db))
          return .rollback
        }
        return result!
      }
    }
  }
}
