import GRDB
import ReliefDomain

/// Sums of amounts that never overflow. SQLite's `sum()` over integers fails with "integer
/// overflow" past 2^63 fen (93 complaints at the largest amount accepted); summing the high and
/// the low 32 bits of each amount apart keeps each partial sum far inside 64 bits (the low
/// halves for 2^31 rows, the high ones for more), and Swift adds them up in 128 bits. The
/// columns come from the same indexes as a plain sum.
enum ExactSum {
  /// The two result columns summing `expression` (an integer, or NULL to skip), named
  /// `NAME_high` and `NAME_low`.
  static func columns(_ expression: String, as name: String) -> String {
    """
    coalesce(sum((\(expression)) >> 32), 0) AS \(name)_high, \
    coalesce(sum((\(expression)) & 4294967295), 0) AS \(name)_low
    """
  }

  /// The total the two columns of `columns(_:as:)` add up to.
  static func total(_ row: Row, _ name: String) -> MoneyTotal {
    let high: Int64 = row["\(name)_high"] ?? 0
    let low: Int64 = row["\(name)_low"] ?? 0
    return MoneyTotal(fen: Int128(high) << 32 + Int128(low))
  }

  /// For an ORDER BY: the two columns carried so that comparing (`NAME_carried_high`,
  /// `NAME_carried_low`) compares the totals. To select over a query that has the columns.
  static func ordering(_ name: String) -> String {
    """
    \(name)_high + (\(name)_low >> 32) AS \(name)_carried_high, \
    \(name)_low & 4294967295 AS \(name)_carried_low
    """
  }
}
