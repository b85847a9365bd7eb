import Foundation
import GRDB
import ReliefDomain

extension ReliefStore {
  /// Runs every check of `relief db check` and returns the problems found, none when all pass.
  /// `progress` hears how many cases were replayed, out of how many. The checks read one
  /// consistent snapshot; only FTS5's own index check needs a (rolled back) write transaction,
  /// kept to the end and short. A process that may not write the database cannot run that one:
  /// it is left out and `skipped` hears of it, rather than reported as a problem.
  public func checkIntegrity(
    now: Instant, skipped: (IntegrityProblem.Check) -> Void = { _ in },
    progress: (Int, Int) -> Void = { _, _ in }
  ) throws -> [IntegrityProblem] {
    var problems = try read { try $0.checkIntegrity(now: now, progress: progress) }
    if let structure = try searchStructureProblems() {
      problems += structure
    } else {
      skipped(.search)
    }
    return problems
  }

  /// FTS5's structure check, in a write transaction rolled back: on a connection that may
  /// write, or else on a second, writable one when the process may write the file; nil when it
  /// may not.
  private func searchStructureProblems() throws -> [IntegrityProblem]? {
    do {
      if !isReadOnly { return try rehearse { try $0.checkSearchStructure() } }
      guard let path, Self.canWrite(path) else { return nil }
      let writable = try Self.open(at: path)
      defer { try? writable.close() }
      return try writable.rehearse { try $0.checkSearchStructure() }
    } catch StoreError.databaseReadOnly {
      return nil
    }
  }
}

extension StoreSession {
  /// The checks of `relief db check` that only read.
  func checkIntegrity(now: Instant, progress: (Int, Int) -> Void) throws -> [IntegrityProblem] {
    var problems: [IntegrityProblem] = []
    problems += try checkSQLite()
    problems += try checkAppendOnly()
    problems += try checkEventNumbers()
    problems += try checkReplay(now: now, progress: progress)
    problems += try checkReportColumns()
    problems += try checkAmounts()
    problems += try checkCaseNumbers()
    problems += try checkSearchIndex()
    problems += try checkServiceDays()
    return problems
  }

  private func checkServiceDays() throws -> [IntegrityProblem] {
    let differing =
      try Int.fetchOne(
        db,
        sql: """
          WITH counted (date, region, type, activities, served) AS (
            SELECT date, coalesce(region, ''), type, count(*), sum(served) FROM services
            GROUP BY date, coalesce(region, ''), type)
          SELECT (SELECT count(*) FROM (SELECT * FROM counted EXCEPT SELECT * FROM service_days))
            + (SELECT count(*) FROM (SELECT * FROM service_days EXCEPT SELECT * FROM counted))
          """) ?? 0
    guard differing > 0 else { return [] }
    return [
      IntegrityProblem(
        check: .serviceDays, subject: "service_days",
        detail: .serviceDaysOutOfStep(count: differing))
    ]
  }

  private func checkSQLite() throws -> [IntegrityProblem] {
    var problems: [IntegrityProblem] = []
    for message in try String.fetchAll(db, sql: "PRAGMA integrity_check") where message != "ok" {
      problems.append(IntegrityProblem(check: .integrity, subject: nil, detail: .sqlite(message)))
    }
    for row in try Row.fetchAll(db, sql: "PRAGMA foreign_key_check") {
      let table: String = row[0]
      problems.append(
        IntegrityProblem(
          check: .foreignKeys, subject: table,
          detail: .danglingReference(table: table, rowID: row[1] ?? 0, parent: row[2])))
    }
    return problems
  }

  private func checkEventNumbers() throws -> [IntegrityProblem] {
    try Row.fetchAll(
      db,
      sql: """
        SELECT c.code, c.last_seq, count(v.id) AS n, min(v.seq) AS first, max(v.seq) AS last
        FROM cases c LEFT JOIN event_log v ON v.case_id = c.id
        GROUP BY c.id
        HAVING n = 0 OR first != 1 OR last != n OR c.last_seq != last
        ORDER BY c.id
        """
    ).map { row in
      IntegrityProblem(
        check: .eventNumbers, subject: row["code"],
        detail: .eventsMisnumbered(
          count: row["n"], first: row["first"], last: row["last"], lastSeq: row["last_seq"]))
    }
  }

  private func checkReplay(now: Instant, progress: (Int, Int) -> Void) throws
    -> [IntegrityProblem]
  {
    var problems: [IntegrityProblem] = []
    let total = try Int.fetchOne(db, sql: "SELECT count(*) FROM cases") ?? 0
    var done = 0
    let context = agency.context(now: now)
    let unreadable = { (name: String, error: any Error) in
      done += 1
      problems.append(
        IntegrityProblem(check: .replay, subject: name, detail: .unreadable("\(error)")))
    }
    try forEachCase(kind: nil, unreadable: unreadable) { record, history in
      defer {
        done += 1
        progress(done, total)
      }
      let stored = record.reliefCase
      let replayed: ReliefCase
      do {
        replayed = try ReliefCase.replaying(history, id: stored.id, context: context)
      } catch let error as DomainError {
        // A misnumbered history is the event-numbers check's to report.
        if case .brokenHistory = error { return }
        problems.append(
          IntegrityProblem(
            check: .replay, subject: stored.id.description, detail: .replayFailed(error)))
        return
      }
      for (field, storedValue, replayedValue) in Self.differences(stored, replayed) {
        problems.append(
          IntegrityProblem(
            check: .replay, subject: stored.id.description,
            detail: .fieldDiffers(field: field, stored: storedValue, replayed: replayedValue)))
      }
    }
    return problems
  }

  /// The columns the reports read instead of the details (migration 0004) must say what the
  /// details say; the replay holds the details to the events.
  private func checkReportColumns() throws -> [IntegrityProblem] {
    var problems: [IntegrityProblem] = []
    let cursor = try Row.fetchCursor(
      db,
      sql: """
        SELECT code, facet, claimed, valid_until, expected_facet, expected_claimed,
          expected_valid_until
        FROM (
          SELECT c.code, c.facet, c.claimed, c.valid_until,
            \(StoredJSON.facetSQL(kind: "c.kind", details: "c.details")) AS expected_facet,
            \(StoredJSON.claimedSQL(kind: "c.kind", details: "c.details")) AS expected_claimed,
            json_extract(c.details, '$.validUntil') AS expected_valid_until
          FROM cases c)
        WHERE facet IS NOT expected_facet OR claimed IS NOT expected_claimed
          OR valid_until IS NOT expected_valid_until
        ORDER BY code
        """)
    func text(_ value: DatabaseValue) -> String {
      switch value.storage {
      case .null: return "null"
      case .int64(let number): return String(number)
      case .string(let string): return string
      case .double(let number): return String(number)
      case .blob: return "?"
      }
    }
    while let row = try cursor.next() {
      for (field, stored, expected) in [
        ("facet", 1, 4), ("claimed", 2, 5), ("validUntil", 3, 6),
      ] where row[stored] as DatabaseValue != row[expected] as DatabaseValue {
        problems.append(
          IntegrityProblem(
            check: .replay, subject: row[0],
            detail: .fieldDiffers(
              field: field, stored: text(row[stored]), replayed: text(row[expected]))))
      }
    }
    return problems
  }

  /// The fields in which a stored case differs from its replay. Clocks are left out: they also
  /// depend on calendars and settings that may have changed since.
  static func differences(_ stored: ReliefCase, _ replayed: ReliefCase) -> [(
    String, String, String
  )] {
    func text(_ instant: Instant?) -> String { instant.map { String($0.seconds) } ?? "null" }
    var result: [(String, String, String)] = []
    func compare(_ field: String, _ a: String, _ b: String) {
      if a != b { result.append((field, a, b)) }
    }
    compare("state", stored.state.rawValue, replayed.state.rawValue)
    compare("enterprise", stored.enterprise.rawValue, replayed.enterprise.rawValue)
    compare("title", stored.title, replayed.title)
    compare("assignee", stored.assignee ?? "null", replayed.assignee ?? "null")
    compare("openedAt", text(stored.openedAt), text(replayed.openedAt))
    compare("updatedAt", text(stored.updatedAt), text(replayed.updatedAt))
    compare("closedAt", text(stored.closedAt), text(replayed.closedAt))
    compare("supervisionLevel", String(stored.supervisionLevel), String(replayed.supervisionLevel))
    compare("lastSeq", String(stored.lastSeq), String(replayed.lastSeq))
    if stored.details != replayed.details {
      compare(
        "details", (try? StoredJSON.encode(stored.details)) ?? "?",
        (try? StoredJSON.encode(replayed.details)) ?? "?")
    }
    return result
  }

  private func checkAmounts() throws -> [IntegrityProblem] {
    var problems: [IntegrityProblem] = []
    for row in try Row.fetchAll(
      db,
      sql: """
        SELECT code, owed, max(recovered, paid) AS recovered FROM (
          SELECT c.code, json_extract(c.details, '$.amountOwed') AS owed,
            json_extract(c.details, '$.amountRecovered') AS recovered,
            (SELECT coalesce(sum(v.amount), 0) FROM events v
              WHERE v.case_id = c.id AND v.name = \(EventName.pay.sql)) AS paid
          FROM cases c WHERE c.kind = \(CaseKind.arrears.sql))
        WHERE max(recovered, paid) > owed
        """)
    {
      problems.append(
        IntegrityProblem(
          check: .amounts, subject: row["code"],
          detail: .recoveredAboveOwed(
            recovered: Money(fen: row["recovered"]), owed: Money(fen: row["owed"]))))
    }
    for row in try Row.fetchAll(
      db,
      sql: """
        SELECT c.code, json_extract(c.details, '$.amountClaimed') AS claimed,
          json_extract(c.details, '$.amountApproved') AS approved,
          json_extract(c.details, '$.amountDisbursed') AS disbursed
        FROM cases c WHERE c.kind = \(CaseKind.taxRefund.sql)
          AND (approved > claimed OR (disbursed IS NOT NULL AND (approved IS NULL
            OR disbursed > approved)))
        """)
    {
      let claimed = Money(fen: row["claimed"])
      let approved = (row["approved"] as Int64?).map(Money.init(fen:))
      let disbursed = (row["disbursed"] as Int64?).map(Money.init(fen:))
      if let approved, approved > claimed {
        problems.append(
          IntegrityProblem(
            check: .amounts, subject: row["code"],
            detail: .approvedAboveClaimed(approved: approved, claimed: claimed)))
      }
      if let disbursed, approved == nil || disbursed > approved! {
        problems.append(
          IntegrityProblem(
            check: .amounts, subject: row["code"],
            detail: .disbursedAboveApproved(disbursed: disbursed, approved: approved)))
      }
    }
    return problems
  }

  private func checkCaseNumbers() throws -> [IntegrityProblem] {
    var problems: [IntegrityProblem] = []
    for row in try Row.fetchAll(
      db,
      sql: """
        SELECT s.kind, s.year, s.last, count(c.id) AS n FROM case_sequences s
        LEFT JOIN cases c ON c.kind = s.kind AND c.year = s.year AND c.number <= s.last
        GROUP BY s.kind, s.year HAVING n != s.last ORDER BY s.kind, s.year
        """)
    {
      guard let kind = CaseKind(rawValue: row["kind"]) else { continue }
      let year: Int = row["year"]
      let last: Int = row["last"]
      let missing = try Int.fetchAll(
        db,
        sql: """
          WITH RECURSIVE numbers(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM numbers WHERE n < ?)
          SELECT n FROM numbers
          WHERE n NOT IN (SELECT number FROM cases WHERE kind = ? AND year = ?)
          LIMIT 20
          """, arguments: [last, kind.rawValue, year])
      problems.append(
        IntegrityProblem(
          check: .caseNumbers, subject: "\(kind.idPrefix)-\(year)",
          detail: .numbersMissing(
            kind: kind, year: year, missing: missing, count: last - (row["n"] as Int))))
    }
    for row in try Row.fetchAll(
      db,
      sql: """
        SELECT c.code, s.last FROM cases c
        LEFT JOIN case_sequences s ON s.kind = c.kind AND s.year = c.year
        WHERE s.last IS NULL OR c.number > s.last ORDER BY c.id
        """)
    {
      problems.append(
        IntegrityProblem(
          check: .caseNumbers, subject: row["code"],
          detail: .numberBeyondSequence(last: row["last"])))
    }
    return problems
  }

  /// FTS5's own check that the index matches the texts it stores.
  func checkSearchStructure() throws -> [IntegrityProblem] {
    do {
      try db.execute(sql: "INSERT INTO search (search) VALUES ('integrity-check')")
      return []
    } catch let error as DatabaseError where error.resultCode != .SQLITE_READONLY {
      return [
        IntegrityProblem(
          check: .search, subject: "search", detail: .sqlite(error.message ?? error.description))
      ]
    }
  }

  private func checkSearchIndex() throws -> [IntegrityProblem] {
    var problems: [IntegrityProblem] = []
    // What the triggers would write (the view `search_source`) against what the index holds.
    let missing =
      try Int.fetchOne(
        db,
        sql: """
          SELECT count(*) FROM search_source v WHERE NOT EXISTS (
            SELECT 1 FROM search s WHERE s.rowid = (v.tag << 40) | v.source
              AND s.name IS v.name AND s.title IS v.title AND s.debtor IS v.debtor
              AND s.note IS v.note)
          """) ?? 0
    let stale =
      try Int.fetchOne(
        db,
        sql: """
          SELECT count(*) FROM search s WHERE NOT EXISTS (
            SELECT 1 FROM search_source v
            WHERE v.tag = s.rowid >> 40 AND v.source = s.rowid & 1099511627775)
          """) ?? 0
    if missing > 0 || stale > 0 {
      problems.append(
        IntegrityProblem(
          check: .search, subject: "search",
          detail: .searchOutOfStep(missing: missing, stale: stale)))
    }
    return problems
  }
}
