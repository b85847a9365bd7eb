import GRDB
import ReliefDomain

extension StoreSession {
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
}
