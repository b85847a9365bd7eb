import ReliefDomain

/// The rules of `CaseClock.deadlineAlert(on:)` and `CaseClock.isReReviewDue(on:)` as SQL, for the
/// queries that filter or count deadlines by alert without reading each clock: the one definition
/// of "overdue" (red) and "due soon" (yellow), which never counts a re-review reminder. The
/// domain's rules are the source; a test evaluates these expressions in SQLite against them for a
/// grid of days, and the reminder expression against every state of every workflow.
///
/// `due`, `warn` and `today` are SQL expressions (columns or named arguments) holding
/// `YYYY-MM-DD` text, which orders as the days do; `reminder` is true for a re-review reminder.
struct AlertSQL {
  var due: String
  var warn: String
  var today: String
  var reminder: String

  /// The running clock of a case, as `cases c` carries it, on the day `:today`.
  static let cases = AlertSQL(
    due: "c.due_date", warn: "c.warn_date", today: ":today", reminder: reminderStates)
  /// A clock period of the view `clocks k`, on the day `:today`.
  static let clocks = clocks(on: ":today")

  /// A clock period of the view `clocks k`, on the day `today`.
  static func clocks(on today: String) -> AlertSQL {
    AlertSQL(due: "k.due_date", warn: "k.warn_date", today: today, reminder: "k.reminder = 1")
  }

  /// True for a case whose running clock is a reminder: the states whose clock counts to a
  /// validity date, from the workflow definitions (`cases` carries no reminder flag of its own).
  static let reminderStates: String = {
    let terms = CaseKind.allCases.compactMap { kind -> String? in
      let states = kind.workflow.states.filter { state in
        state.clocks.contains { $0.unit == .validity }
      }.map(\.name)
      return states.isEmpty ? nil : "(c.kind = \(kind.sql) AND c.state IN \(states.sql))"
    }
    return terms.isEmpty ? "0" : "(" + terms.joined(separator: " OR ") + ")"
  }()

  /// True when the clock is a deadline (not a reminder) at `alert`.
  func condition(_ alert: Alert) -> String {
    switch alert {
    case .red: return "(\(due) < \(today) AND NOT \(reminder))"
    case .yellow: return "(\(due) >= \(today) AND \(warn) <= \(today) AND NOT \(reminder))"
    // Written as "neither red nor yellow": a negated OR is no index range, so the planner keeps
    // reading cases in the order the query asks for.
    case .blue: return "(NOT (\(due) < \(today) OR \(warn) <= \(today)) AND NOT \(reminder))"
    }
  }

  /// True when the clock is a deadline at yellow or red: the deadlines that need attention.
  var needsAttention: String { "((\(due) < \(today) OR \(warn) <= \(today)) AND NOT \(reminder))" }

  /// True when the clock is a re-review reminder that is due (`CaseClock.isReReviewDue(on:)`).
  var reReviewDue: String { "(\(reminder) AND \(warn) <= \(today))" }

  /// How many rows are at `alert`, as a result column named `name`.
  func count(_ alert: Alert, as name: String) -> String {
    "coalesce(sum(\(condition(alert))), 0) AS \(name)"
  }
}
