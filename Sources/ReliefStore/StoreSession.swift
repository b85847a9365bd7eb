import Foundation
import GRDB
import ReliefDomain

/// The agency's settings as stored: time zone, working-day calendar, clock lengths.
public struct Agency: Sendable {
  /// The time zone months and days are cut in.
  public var zone: AgencyZone
  /// The official calendars plus imported years.
  public var calendar: WorkingCalendar
  /// The clock lengths.
  public var clocks: ClockSettings
  /// Every stored setting, raw.
  public var settings: [String: String]

  /// True for a database built by `relief demo`.
  public var isDemo: Bool { settings[Settings.demo] == "1" }

  /// The context a decision needs.
  public func context(now: Instant, standing: EnterpriseStanding? = nil) -> DecisionContext {
    DecisionContext(now: now, zone: zone, calendar: calendar, clocks: clocks, standing: standing)
  }
}

/// Settings keys.
public enum Settings {
  /// The agency's IANA time zone.
  public static let timezone = "timezone"
  /// Set to 1 in databases `relief demo` built.
  public static let demo = "demo"
}

/// One transaction's view of the database; every intent method runs inside it.
public struct StoreSession {
  let db: Database
  /// The agency's settings, read at the start of the transaction.
  public let agency: Agency
  /// The numbers of steps, officers and clock specs looked up in this transaction.
  let vocabulary = Vocabulary()

  init(_ db: Database) throws {
    self.db = db
    self.agency = try Self.loadAgency(db)
  }

  static func loadAgency(_ db: Database) throws -> Agency {
    var settings: [String: String] = [:]
    for row in try Row.fetchAll(db, sql: "SELECT key, value FROM settings") {
      settings[row["key"]] = row["value"]
    }
    var clocks: [String: Int] = [:]
    for (key, value) in settings where key.hasPrefix("clock.") {
      if let number = Int(value) { clocks[key] = number }
    }
    var calendar = WorkingCalendar.official
    var years: [Int: WorkingCalendar.Year] = [:]
    for row in try Row.fetchAll(db, sql: "SELECT date, year, day_off FROM calendar_days") {
      let year: Int = row["year"]
      guard let date = LocalDate(row["date"] as String) else { continue }
      var entry = years[year] ?? WorkingCalendar.Year(year: year, daysOff: [], workdays: [])
      if (row["day_off"] as Int) == 1 {
        entry.daysOff.insert(date)
      } else {
        entry.workdays.insert(date)
      }
      years[year] = entry
    }
    for year in try Int.fetchAll(db, sql: "SELECT year FROM calendar_years") {
      calendar = calendar.adding(
        years[year] ?? WorkingCalendar.Year(year: year, daysOff: [], workdays: []))
    }
    let zone = settings[Settings.timezone].flatMap(AgencyZone.init(identifier:)) ?? .shanghai
    return Agency(
      zone: zone, calendar: calendar, clocks: ClockSettings(overrides: clocks), settings: settings)
  }

  /// Stores a setting.
  public func setSetting(_ key: String, to value: String) throws {
    try db.execute(
      sql:
        "INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
      arguments: [key, value])
  }
}

/// A page of a list: the entries shown, and how many matched in all.
public struct Page<Item: Sendable>: Sendable {
  /// The entries shown.
  public var items: [Item]
  /// How many entries matched.
  public var total: Int
  /// The limit asked for (0 for all).
  public var limit: Int

  /// How many matching entries were left out.
  public var leftOut: Int { max(0, total - items.count) }
}

extension StoreSession {
  /// Runs a list query with a limit (0 for all) and counts every match when the page is full.
  /// `countFrom` is the FROM clause the count needs, when it needs fewer joins than the page
  /// (tens of thousands of overdue cases are counted from an index alone).
  func page<Item>(
    select: String, from: String, countFrom: String? = nil, where conditions: [String],
    arguments: StatementArguments, orderBy: String, limit: Int, map: (Row) throws -> Item
  ) throws -> Page<Item> {
    let whereClause = conditions.isEmpty ? "" : " WHERE " + conditions.joined(separator: " AND ")
    var sql = "SELECT \(select) FROM \(from)\(whereClause) ORDER BY \(orderBy)"
    if limit > 0 { sql += " LIMIT \(limit + 1)" }
    var items = try Row.fetchAll(db, sql: sql, arguments: arguments).map(map)
    var total = items.count
    if limit > 0, items.count > limit {
      items.removeLast()
      total =
        try Int.fetchOne(
          db, sql: "SELECT count(*) FROM \(countFrom ?? from)\(whereClause)",
          arguments: arguments) ?? total
    }
    return Page(items: items, total: total, limit: limit)
  }
}
