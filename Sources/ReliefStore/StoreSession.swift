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

/// Where the entries of a whole listing go as they are read, a batch at a time: a listing of a
/// province (`relief case list --limit 0`) would not fit in memory as one page.
public struct ListSink<Item> {
  /// Entries handed over at once.
  public var batchSize: Int
  /// Called before the first batch with how many entries match; nil when the caller does not
  /// need the count (it costs a pass over the matches).
  public var start: ((Int) throws -> Void)?
  /// Called with each batch, in order.
  public var batch: ([Item]) throws -> Void

  public init(
    batchSize: Int = 1000, start: ((Int) throws -> Void)? = nil,
    batch: @escaping ([Item]) throws -> Void
  ) {
    self.batchSize = max(1, batchSize)
    self.start = start
    self.batch = batch
  }
}

/// A list query: what to select, from where, under which conditions, in which order.
struct ListQuery {
  var select: String
  var from: String
  /// The FROM clause the count needs, when it needs fewer joins than the page (tens of thousands
  /// of overdue cases are counted from an index alone).
  var countFrom: String?
  var conditions: [String]
  var arguments: StatementArguments
  var orderBy: String

  var whereClause: String {
    conditions.isEmpty ? "" : " WHERE " + conditions.joined(separator: " AND ")
  }

  var sql: String { "SELECT \(select) FROM \(from)\(whereClause) ORDER BY \(orderBy)" }

  var countSQL: String { "SELECT count(*) FROM \(countFrom ?? from)\(whereClause)" }
}

extension StoreSession {
  /// Runs a list query with a limit (0 for all) and counts every match when the page is full.
  func page<Item>(_ query: ListQuery, limit: Int, map: (Row) throws -> Item) throws -> Page<Item> {
    var sql = query.sql
    if limit > 0 { sql += " LIMIT \(limit + 1)" }
    var items = try Row.fetchAll(db, sql: sql, arguments: query.arguments).map(map)
    var total = items.count
    if limit > 0, items.count > limit {
      items.removeLast()
      total = try Int.fetchOne(db, sql: query.countSQL, arguments: query.arguments) ?? total
    }
    return Page(items: items, total: total, limit: limit)
  }

  /// Hands every match of a list query to `sink`, a batch at a time, reading them with a cursor:
  /// memory holds one batch, whatever the number of matches. `finish` completes each batch
  /// (attaching what a second query reads) before it is handed over.
  func stream<Item>(
    _ query: ListQuery, into sink: ListSink<Item>, map: (Row) throws -> Item,
    finish: (inout [Item]) throws -> Void = { _ in }
  ) throws {
    if let start = sink.start {
      try start(try Int.fetchOne(db, sql: query.countSQL, arguments: query.arguments) ?? 0)
    }
    var batch: [Item] = []
    batch.reserveCapacity(sink.batchSize)
    let rows = try Row.fetchCursor(db, sql: query.sql, arguments: query.arguments)
    while let row = try rows.next() {
      batch.append(try map(row))
      if batch.count == sink.batchSize {
        try finish(&batch)
        try sink.batch(batch)
        batch.removeAll(keepingCapacity: true)
      }
    }
    if !batch.isEmpty {
      try finish(&batch)
      try sink.batch(batch)
    }
  }
}
