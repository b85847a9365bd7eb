import Foundation
import GRDB
import ReliefDomain

/// One transaction's view of the database; every intent method runs inside it.
public struct StoreSession: ReliefSession {
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
