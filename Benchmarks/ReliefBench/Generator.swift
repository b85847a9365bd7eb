import Foundation
import ReliefDomain
import ReliefStore

/// What a generation made, and how long it took.
public struct GenerationSummary: Sendable {
  public var enterprises: Int
  public var cases: Int
  public var events: Int
  public var services: Int
  public var seconds: Double
}

/// Builds the data set of a scale through the store's bulk loader, deterministically: the same
/// scale gives the same database on every machine.
public enum Generator {
  /// The official calendars of the years before Relief's own (2025 and 2026 are built in), as
  /// an agency would have imported them.
  static let earlierYears: [WorkingCalendar.Year] = [
    year(
      2022,
      off: [
        "01-01...01-03", "01-31...02-06", "04-03...04-05", "04-30...05-04", "06-03...06-05",
        "09-10...09-12", "10-01...10-07",
      ],
      work: ["01-29", "01-30", "04-02", "04-24", "05-07", "10-08", "10-09"]),
    year(
      2023,
      off: [
        "01-01...01-02", "01-21...01-27", "04-05", "04-29...05-03", "06-22...06-24",
        "09-29...10-06",
      ],
      work: ["01-28", "01-29", "04-23", "05-06", "06-25", "10-07", "10-08"]),
    year(
      2024,
      off: [
        "01-01", "02-10...02-17", "04-04...04-06", "05-01...05-05", "06-10", "09-15...09-17",
        "10-01...10-07",
      ],
      work: ["02-04", "02-18", "04-07", "04-28", "05-11", "09-14", "09-29", "10-12"]),
  ]

  private static func year(_ year: Int, off: [String], work: [String]) -> WorkingCalendar.Year {
    func days(_ spans: [String]) -> Set<LocalDate> {
      var result = Set<LocalDate>()
      for span in spans {
        let ends = span.components(separatedBy: "...").map { LocalDate("\(year)-\($0)")! }
        var day = ends[0]
        while day <= ends[ends.count - 1] {
          result.insert(day)
          day = day.adding(days: 1)
        }
      }
      return result
    }
    return WorkingCalendar.Year(year: year, daysOff: days(off), workdays: days(work))
  }

  /// The calendar the data set is planned with: the official one and the earlier years.
  static var calendar: WorkingCalendar {
    earlierYears.reduce(WorkingCalendar.official) { $0.adding($1) }
  }

  /// The enterprises of a scale, as generated.
  static func enterprises(_ scale: Scale) -> [BenchEnterprise] {
    var planner = EnterprisePlanner(random: SeededRandom(seed: 20_221_101))
    return planner.enterprises(count: scale.enterprises)
  }

  /// Creates the database at `path` (which must not exist) and fills it. `progress` hears what
  /// is being done.
  public static func generate(
    _ scale: Scale, at path: String, progress: (String) -> Void = { _ in }
  ) throws -> GenerationSummary {
    let started = Date()
    let (store, created) = try ReliefStore.create(at: path)
    guard created else { throw BenchError.databaseExists(path) }
    let loader = try BulkLoader(store: store)
    let calendar = Self.calendar
    for year in earlierYears {
      try loader.addCalendar(
        year, officer: "admin", now: Scale.zone.instant(Scale.firstDay, secondsOfDay: 0))
    }
    let enterprises = Self.enterprises(scale)
    progress("enterprises: \(enterprises.count)")
    let registered = Scale.zone.instant(Scale.firstDay.adding(days: -30), secondsOfDay: 9 * 3600)
    for start in stride(from: 0, to: enterprises.count, by: 50_000) {
      let slice = enterprises[start..<min(start + 50_000, enterprises.count)]
      try loader.addEnterprises(slice.map { ($0.enterprise, registered) })
    }
    var planner = CasePlanner(enterprises: enterprises, calendar: calendar, seed: 20_220_103)
    var batch: [PlannedCase] = []
    var loaded = 0
    var events = 0
    for (day, count) in CasePlanner.openings(total: scale.cases, calendar: calendar) {
      batch += planner.cases(on: day, count: count)
      if batch.count >= 20_000 || day == Scale.lastDay {
        events += batch.reduce(0) { $0 + 1 + $1.events.count }
        try loader.addCases(batch)
        loaded += batch.count
        batch.removeAll(keepingCapacity: true)
        progress("cases: \(loaded) of \(scale.cases), up to \(day)")
      }
    }
    var services = ServicePlanner(enterprises: enterprises, random: SeededRandom(seed: 20_220_104))
    var pending: [PlannedService] = []
    var logged = 0
    for (day, count) in CasePlanner.openings(total: scale.services, calendar: calendar) {
      pending += services.services(on: day, count: count)
      if pending.count >= 100_000 || day == Scale.lastDay {
        try loader.addServices(pending)
        logged += pending.count
        pending.removeAll(keepingCapacity: true)
        progress("services: \(logged) of \(scale.services), up to \(day)")
      }
    }
    progress("events still waiting: \(loader.pendingEvents); writing them")
    try loader.finish()
    try store.close()
    return GenerationSummary(
      enterprises: enterprises.count, cases: loaded, events: events, services: logged,
      seconds: Date().timeIntervalSince(started))
  }
}

/// Why the benchmark stopped.
public enum BenchError: Error, CustomStringConvertible {
  case databaseExists(String)
  case commandFailed(String, status: Int32, stderr: String)
  case toolMissing(String)

  public var description: String {
    switch self {
    case .databaseExists(let path): return "\(path) exists already"
    case .commandFailed(let command, let status, let stderr):
      return "\(command) exited with \(status): \(stderr)"
    case .toolMissing(let tool): return "\(tool) not found"
    }
  }
}
