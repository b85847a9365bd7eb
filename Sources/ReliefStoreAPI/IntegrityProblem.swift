import ReliefDomain

/// A problem `relief db check` found.
public struct IntegrityProblem: Equatable, Sendable {
  /// The checks, in the order they run.
  public enum Check: String, Sendable, CaseIterable {
    /// SQLite's `PRAGMA integrity_check`.
    case integrity
    /// SQLite's `PRAGMA foreign_key_check`.
    case foreignKeys = "foreign-keys"
    /// The triggers that refuse UPDATE and DELETE on events and what they point to are all there.
    case appendOnly = "append-only"
    /// Each case's events numbered 1...n without gaps, and `last_seq` = n.
    case eventNumbers = "event-numbers"
    /// Each case's stored state, details, assignee and times equal the replay of its events.
    case replay
    /// Payments within amounts owed, approvals within claims, disbursements within approvals.
    case amounts
    /// Case ids per kind and year numbered 1...last of `case_sequences` without gaps.
    case caseNumbers = "case-numbers"
    /// The search index holds exactly the searchable texts.
    case search
    /// The services counted per day, region and type are the services.
    case serviceDays = "service-days"
  }

  /// What exactly is wrong.
  public enum Detail: Equatable, Sendable {
    /// SQLite's own words.
    case sqlite(String)
    /// A row points to a parent that does not exist.
    case danglingReference(table: String, rowID: Int64, parent: String)
    /// An append-only trigger is missing (`present` false) or no longer refuses its operation.
    case appendOnlyTriggerMissing(trigger: String, operation: String, present: Bool)
    /// A case's events are not numbered 1...n, or its `last_seq` disagrees.
    case eventsMisnumbered(count: Int, first: Int?, last: Int?, lastSeq: Int)
    /// The replay refused the history.
    case replayFailed(DomainError)
    /// The case or one of its events could not be read back.
    case unreadable(String)
    /// A stored field differs from the replay.
    case fieldDiffers(field: String, stored: String, replayed: String)
    /// More recovered than owed.
    case recoveredAboveOwed(recovered: Money, owed: Money)
    /// More approved than claimed.
    case approvedAboveClaimed(approved: Money, claimed: Money)
    /// More disbursed than approved.
    case disbursedAboveApproved(disbursed: Money, approved: Money?)
    /// Numbers missing below the sequence's last number.
    case numbersMissing(kind: CaseKind, year: Int, missing: [Int], count: Int)
    /// A case numbered above its sequence's last number (or without a sequence).
    case numberBeyondSequence(last: Int?)
    /// Searchable texts missing from the index, or index rows without a record.
    case searchOutOfStep(missing: Int, stale: Int)
    /// Days, regions and types whose counted services differ from the services logged.
    case serviceDaysOutOfStep(count: Int)
  }

  /// Which check found it.
  public var check: Check
  /// What it is about: a case id, a table, or nil for the whole database.
  public var subject: String?
  /// What is wrong.
  public var detail: Detail

  /// Creates one (for the stores).
  package init(check: Check, subject: String? = nil, detail: Detail) {
    self.check = check
    self.subject = subject
    self.detail = detail
  }
}
