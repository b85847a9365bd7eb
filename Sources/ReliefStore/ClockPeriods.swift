import GRDB
import ReliefDomain

/// One period of a case's clock, as a row of `clock_periods` holds it.
struct ClockPeriod: Equatable {
  var startedSeq: Int
  var clock: CaseClock
  var startedAt: Instant
  var endedAt: Instant?
  var late: Bool
}

/// What one decision does to a case's clock periods: the one rule behind both the live write
/// (`StoreSession.recordClockChange`, in the table) and the bulk loader (`ClockRows`, in memory).
struct ClockPeriodEdit: Equatable {
  /// When set, the running period ends at this time.
  var endsRunningAt: Instant?
  /// When set (and the running period does not end), it counts anew with this clock: an
  /// extension, a renewal. Its start, and whether it is a reminder, stay.
  var recountsRunning: CaseClock?
  /// Whether the running period ended or recounted becomes late (it never becomes on time again).
  var marksLate: Bool
  /// When set, a new period starts.
  var starts: ClockPeriod?

  init(_ change: ClockChange, event: CaseEvent) {
    endsRunningAt = change.ended == nil ? nil : event.at
    recountsRunning = endsRunningAt == nil ? change.updated : nil
    marksLate = change.isLate
    starts = change.started.map {
      ClockPeriod(startedSeq: event.seq, clock: $0, startedAt: event.at, endedAt: nil, late: false)
    }
  }

  /// The edit applied to the running period in memory: what the UPDATEs of `recordClockChange`
  /// do to its row.
  func apply(toRunning period: inout ClockPeriod) {
    if let endsRunningAt {
      period.endedAt = endsRunningAt
    } else if let clock = recountsRunning {
      period.clock.state = clock.state
      period.clock.setting = clock.setting
      period.clock.unit = clock.unit
      period.clock.length = clock.length
      period.clock.dueDate = clock.dueDate
      period.clock.warnDate = clock.warnDate
      period.clock.usesFallbackCalendar = clock.usesFallbackCalendar
    } else {
      return
    }
    period.late = period.late || marksLate
  }
}

extension StoreSession {
  /// Keeps the clock periods in step with a decision.
  func recordClockChange(_ change: ClockChange, caseRowID: Int64, event: CaseEvent) throws {
    let edit = ClockPeriodEdit(change, event: event)
    if let endedAt = edit.endsRunningAt {
      try db.cachedStatement(
        sql: """
          UPDATE clock_periods SET ended_at = ?, late = max(late, ?)
          WHERE case_id = ? AND ended_at IS NULL
          """
      ).execute(arguments: [endedAt.seconds, edit.marksLate ? 1 : 0, caseRowID])
    } else if let updated = edit.recountsRunning {
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
          edit.marksLate ? 1 : 0, caseRowID,
        ])
    }
    if let started = edit.starts {
      try insertClock(started, caseRowID: caseRowID)
    }
  }

  /// Inserts a clock period.
  func insertClock(_ period: ClockPeriod, caseRowID: Int64) throws {
    let clock = period.clock
    try db.cachedStatement(
      sql: """
        INSERT INTO clock_periods (case_id, started_seq, spec, length, started_on, due_date,
          warn_date, reminder, fallback, started_at, ended_at, late)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """
    ).execute(arguments: [
      caseRowID, period.startedSeq, try vocabulary.spec(of: clock, in: db), clock.length,
      clock.startedOn.description, clock.dueDate.description, clock.warnDate.description,
      clock.isReminder ? 1 : 0, clock.usesFallbackCalendar ? 1 : 0, period.startedAt.seconds,
      period.endedAt?.seconds, period.late ? 1 : 0,
    ])
  }
}
