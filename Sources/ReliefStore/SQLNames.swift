import ReliefDomain

/// A name of the domain (a kind, a state, an event, a tier, an outcome, a clock unit) that the store's SQL
/// compares a column with. The SQL names it through the domain's constant (`EventName.pay.sql`),
/// never by a string literal of its own, so that a renamed event or state fails to compile
/// instead of silently matching nothing. It is written into the SQL as a quoted literal, not
/// bound as a parameter, so that SQLite still matches the partial indexes whose `WHERE` names a
/// kind (migrations 0003 and 0004) and plans each query as before.
protocol SQLName: RawRepresentable where RawValue == String {}

extension SQLName {
  /// The name as an SQL string literal: `'pay'`.
  var sql: String { "'" + rawValue.replacingOccurrences(of: "'", with: "''") + "'" }
}

extension Array where Element: SQLName {
  /// The names as an SQL list: `('approve', 'reinstate')`.
  var sql: String { "(" + map(\.sql).joined(separator: ", ") + ")" }
}

extension CaseKind: SQLName {}
extension CaseState: SQLName {}
extension EventName: SQLName {}
extension Tier: SQLName {}
extension ArrearsOutcome: SQLName {}
extension ClockUnit: SQLName {}
