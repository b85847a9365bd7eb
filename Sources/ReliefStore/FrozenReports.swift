import GRDB
import ReliefDomain

extension StoreSession {
  /// Stores a summary as submitted; every freeze is kept.
  @discardableResult
  public func freezeReport(
    month: YearMonth, region: RegionPrefix?, figures: String, officer: String, now: Instant
  ) throws -> FrozenReport {
    let key = region?.digits ?? ""
    if try Int.fetchOne(
      db, sql: "SELECT 1 FROM frozen_reports WHERE month = ? AND region = ? AND frozen_at = ?",
      arguments: [month.description, key, now.seconds]) != nil
    {
      throw StoreError.reportAlreadyFrozen(month: month.description)
    }
    try db.execute(
      sql: """
        INSERT INTO frozen_reports (month, region, frozen_at, officer, figures)
        VALUES (?, ?, ?, ?, ?)
        """, arguments: [month.description, key, now.seconds, officer, figures])
    return FrozenReport(
      month: month, region: region, frozenAt: now, officer: officer, figures: figures)
  }

  /// Every freeze of a month's summary for a region filter, oldest first.
  public func frozenReports(month: YearMonth, region: RegionPrefix?) throws -> [FrozenReport] {
    try Row.fetchAll(
      db,
      sql: """
        SELECT frozen_at, officer, figures FROM frozen_reports
        WHERE month = ? AND region = ? ORDER BY frozen_at
        """, arguments: [month.description, region?.digits ?? ""]
    ).map { row in
      FrozenReport(
        month: month, region: region, frozenAt: Instant(seconds: row["frozen_at"]),
        officer: row["officer"], figures: row["figures"])
    }
  }
}
