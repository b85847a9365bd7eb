import GRDB
import ReliefDomain

extension StoreSession {
  /// Where a year's calendar comes from, or nil when Relief counts it by weekdays alone.
  public func calendarSource(of year: Int) throws -> CalendarSource? {
    if try Int.fetchOne(db, sql: "SELECT 1 FROM calendar_years WHERE year = ?", arguments: [year])
      != nil
    {
      return .imported
    }
    return WorkingCalendar.official.knows(year: year) ? .official : nil
  }

  /// Adds (or with `replace`, replaces) a year's official arrangement, then recounts every running
  /// deadline. Returns how many deadlines changed.
  public func importCalendar(
    _ year: WorkingCalendar.Year, replace: Bool, officer: String, now: Instant
  ) throws -> Int {
    if !replace, try calendarSource(of: year.year) != nil {
      throw StoreError.calendarYearKnown(year.year)
    }
    try db.execute(sql: "DELETE FROM calendar_days WHERE year = ?", arguments: [year.year])
    try db.execute(sql: "DELETE FROM calendar_years WHERE year = ?", arguments: [year.year])
    try db.execute(
      sql: "INSERT INTO calendar_years (year, imported_at, officer) VALUES (?, ?, ?)",
      arguments: [year.year, now.seconds, officer])
    let insert = try db.cachedStatement(
      sql: "INSERT INTO calendar_days (date, year, day_off) VALUES (?, ?, ?)")
    for day in year.days {
      try insert.execute(arguments: [day.date.description, year.year, day.isDayOff ? 1 : 0])
    }
    return try recountRunningClocks(now: now)
  }

  /// Recounts every running deadline with the calendar and settings as stored now (after a
  /// calendar import or a settings change). Start days stay; only the counting changes.
  public func recountRunningClocks(now: Instant) throws -> Int {
    let agency = try Self.loadAgency(db)
    let rows = try Row.fetchAll(
      db,
      sql: "SELECT \(Self.caseColumns) FROM \(Self.caseJoins) WHERE k.case_id IS NOT NULL")
    var changed = 0
    for row in rows {
      let record = try Self.caseRecord(from: row)
      let rowID: Int64 = row["row_id"]
      let old = record.reliefCase.clock
      let new = record.reliefCase.recountedClock(context: agency.context(now: now))
      guard new != old, let new else { continue }
      // The clock itself may change too: a tax-relief decision clock recorded before the clocks
      // by relief type existed is recounted as its relief type's clock.
      try db.execute(
        sql: """
          UPDATE clock_periods SET spec = ?, length = ?, due_date = ?, warn_date = ?, fallback = ?
          WHERE case_id = ? AND ended_at IS NULL
          """,
        arguments: [
          try vocabulary.spec(of: new, in: db), new.length, new.dueDate.description,
          new.warnDate.description,
          new.usesFallbackCalendar ? 1 : 0, rowID,
        ])
      try db.execute(
        sql: "UPDATE cases SET due_date = ?, warn_date = ? WHERE id = ?",
        arguments: [new.dueDate.description, new.warnDate.description, rowID])
      changed += 1
    }
    return changed
  }

  /// The running deadlines at each alert level on a day, of the cases whose enterprise is in
  /// `region` (every case when nil).
  public func alertCounts(today: LocalDate, region: RegionPrefix? = nil) throws -> AlertCounts {
    var arguments: [String: (any DatabaseValueConvertible)?] = ["today": today.description]
    var from = "cases c"
    var condition = ""
    if let region {
      from += " JOIN enterprises e ON e.id = c.enterprise_id"
      condition = " AND e.region >= :regionLow AND e.region < :regionHigh"
      arguments["regionLow"] = region.digits
      arguments["regionHigh"] = region.upperBound
    }
    let counts =
      Alert.allCases.map { AlertSQL.cases.count($0, as: $0.rawValue) }
      + ["coalesce(sum(\(AlertSQL.cases.reReviewDue)), 0) AS re_review"]
    let row = try Row.fetchOne(
      db,
      sql: """
        SELECT \(counts.joined(separator: ", "))
        FROM \(from) WHERE c.due_date IS NOT NULL\(condition)
        """, arguments: StatementArguments(arguments))
    return AlertCounts(
      red: row?["red"] ?? 0, yellow: row?["yellow"] ?? 0, blue: row?["blue"] ?? 0,
      reReviewDue: row?["re_review"] ?? 0)
  }
}
