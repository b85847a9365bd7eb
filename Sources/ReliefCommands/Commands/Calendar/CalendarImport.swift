import ArgumentParser
import Foundation
import ReliefDomain
import ReliefPresentation
import ReliefStoreAPI

extension Relief.CalendarGroup {
  /// `relief calendar import FILE`: adds a year the State Council has published.
  struct Import: StoreCommand {
    static let configuration = CommandConfiguration(
      commandName: "import",
      abstract: "Import a year's official days off and make-up working days from a JSON file.",
      discussion: """
        The file: {"year": 2027, "days": [{"date": "2027-01-01", "dayOff": true}, \
        {"date": "2027-02-07", "dayOff": false}, ...]}. Days off may include weekend days inside a \
        holiday; dayOff false marks a Saturday or Sunday made a working day. Every running \
        deadline is recounted.
        """)

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The JSON file.")
    var file: String

    @Flag(help: "Replace a year that is already known.")
    var replace = false

    private struct FileContent: Decodable {
      struct Day: Decodable {
        var date: String
        var dayOff: Bool
      }
      var year: Int
      var days: [Day]
    }

    func run(_ context: CommandContext) throws {
      let data: Data
      do {
        data = try Data(contentsOf: URL(fileURLWithPath: GlobalOptions.expand(file)))
      } catch {
        throw Refusal("error.file", ["path": file, "reason": error.localizedDescription])
      }
      let content: FileContent
      do {
        content = try JSONDecoder().decode(FileContent.self, from: data)
      } catch {
        throw Refusal("error.calendar-file", ["path": file, "reason": Self.reason(error)])
      }
      var days: [WorkingCalendar.Year.Day] = []
      for day in content.days {
        days.append(.init(date: try Parse.date(day.date, field: "date"), isDayOff: day.dayOff))
      }
      let year = try WorkingCalendar.Year.from(year: content.year, days: days)
      let officer = try context.officer()
      let recounted = try context.write { session, now in
        try session.importCalendar(year, replace: replace, officer: officer, now: now)
      }
      if context.json {
        context.print(
          json: .object([
            ("year", .int(Int64(year.year))), ("daysOff", .int(Int64(year.daysOff.count))),
            ("makeUpWorkdays", .int(Int64(year.workdays.count))),
            ("recountedDeadlines", .int(Int64(recounted))),
          ]))
        return
      }
      context.print(
        context.t(
          "calendar.imported-year",
          [
            "year": String(year.year), "off": String(year.daysOff.count),
            "work": String(year.workdays.count), "clocks": String(recounted),
          ]))
    }

    static func reason(_ error: any Error) -> String {
      switch error {
      case DecodingError.keyNotFound(let key, _): return "missing \"\(key.stringValue)\""
      case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context):
        return context.codingPath.map(\.stringValue).joined(separator: ".") + ": "
          + context.debugDescription
      case DecodingError.dataCorrupted: return "not JSON"
      default: return String(describing: error)
      }
    }
  }
}
