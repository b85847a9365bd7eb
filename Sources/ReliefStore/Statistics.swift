import GRDB
import ReliefDomain

extension StoreSession {
  /// Rows per table.
  public func counts() throws -> StoreCounts {
    func count(_ table: String) throws -> Int {
      try Int.fetchOne(db, sql: "SELECT count(*) FROM \(table)") ?? 0
    }
    return StoreCounts(
      enterprises: try count("enterprises"), cases: try count("cases"),
      events: try count("events"), services: try count("services"))
  }

  /// How many cases are in each state, by kind.
  public func caseCountsByState() throws -> [CaseKind: [CaseState: Int]] {
    var result: [CaseKind: [CaseState: Int]] = [:]
    for row in try Row.fetchAll(
      db, sql: "SELECT kind, state, count(*) AS n FROM cases GROUP BY kind, state")
    {
      guard let kind = CaseKind(rawValue: row["kind"]) else { continue }
      result[kind, default: [:]][CaseState(rawValue: row["state"])] = row["n"]
    }
    return result
  }
}
