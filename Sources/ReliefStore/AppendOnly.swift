import GRDB

/// The triggers that keep the history append-only (Docs/reliability.md): one place, which a
/// test holds to the migrations' text and to a newly made database, and which `relief db check`
/// holds the database to.
public enum AppendOnly {
  /// A trigger that refuses an UPDATE or a DELETE on a table.
  public struct Trigger: Equatable, Hashable, Sendable {
    /// Its name, such as `events_refuse_delete`.
    public var name: String
    /// The table it guards, such as `event_log`.
    public var table: String
    /// `UPDATE` or `DELETE`.
    public var operation: String
  }

  /// Every append-only trigger of the current schema: events (in `event_log` since migration
  /// 0004), and the steps, officers and clock specs that events and clock periods point to.
  public static let triggers: [Trigger] = [
    Trigger(name: "events_refuse_update", table: "event_log", operation: "UPDATE"),
    Trigger(name: "events_refuse_delete", table: "event_log", operation: "DELETE"),
    Trigger(name: "steps_refuse_change", table: "steps", operation: "UPDATE"),
    Trigger(name: "steps_refuse_delete", table: "steps", operation: "DELETE"),
    Trigger(name: "officers_refuse_change", table: "officers", operation: "UPDATE"),
    Trigger(name: "officers_refuse_delete", table: "officers", operation: "DELETE"),
    Trigger(name: "clock_specs_refuse_change", table: "clock_specs", operation: "UPDATE"),
  ]
}

extension StoreSession {
  /// The append-only triggers missing from the database, or present but no longer refusing
  /// what they refuse (on another table, for another operation, or without the refusal).
  func checkAppendOnly() throws -> [IntegrityProblem] {
    var stored: [String: (table: String, sql: String)] = [:]
    for row in try Row.fetchAll(
      db, sql: "SELECT name, tbl_name, sql FROM sqlite_master WHERE type = 'trigger'")
    {
      stored[row["name"]] = (row["tbl_name"], row["sql"] ?? "")
    }
    return AppendOnly.triggers.compactMap { trigger in
      let found = stored[trigger.name]
      let words = (found?.sql ?? "").uppercased().split(whereSeparator: \.isWhitespace)
        .joined(separator: " ")
      let refuses =
        found?.table == trigger.table && words.contains("BEFORE \(trigger.operation) ON")
        && words.contains("RAISE(ABORT")
      guard !refuses else { return nil }
      return IntegrityProblem(
        check: .appendOnly, subject: trigger.table,
        detail: .appendOnlyTriggerMissing(
          trigger: trigger.name, operation: trigger.operation, present: found != nil))
    }
  }
}
