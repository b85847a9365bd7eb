import ReliefDomain

/// The red-yellow-blue rule of `CaseClock.alert(on:)` as SQL, for the queries that filter or
/// count deadlines by alert without reading each clock. The domain's rule is the source; a test
/// evaluates these expressions in SQLite against it for a grid of days.
///
/// `due`, `warn` and `today` are SQL expressions (columns or named arguments) holding
/// `YYYY-MM-DD` text, which orders as the days do.
struct AlertSQL {
  var due: String
  var warn: String
  var today: String

  /// The running clock of a case, as `cases c` carries it, on the day `:today`.
  static let cases = AlertSQL(due: "c.due_date", warn: "c.warn_date", today: ":today")
  /// A clock period of the view `clocks k`, on the day `:today`.
  static let clocks = AlertSQL(due: "k.due_date", warn: "k.warn_date", today: ":today")

  /// True when the clock is at `alert`.
  func condition(_ alert: Alert) -> String {
    switch alert {
    case .red: return "\(due) < \(today)"
    case .yellow: return "\(due) >= \(today) AND \(warn) <= \(today)"
    // Written as "neither red nor yellow": a negated OR is no index range, so the planner keeps
    // reading cases in the order the query asks for.
    case .blue: return "NOT \(needsAttention)"
    }
  }

  /// True when the clock is yellow or red: the deadlines that need attention.
  var needsAttention: String { "(\(due) < \(today) OR \(warn) <= \(today))" }

  /// How many rows are at `alert`, as a result column named `name`.
  func count(_ alert: Alert, as name: String) -> String {
    "coalesce(sum(\(condition(alert))), 0) AS \(name)"
  }
}
