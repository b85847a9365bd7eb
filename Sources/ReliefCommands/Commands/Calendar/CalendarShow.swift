import ArgumentParser
import ReliefDomain
import ReliefPresentation
import ReliefStoreAPI

extension Relief.CalendarGroup {
  /// `relief calendar show YYYY-MM`: a month with days off and make-up working days marked.
  struct Show: StoreCommand {
    static let configuration = CommandConfiguration(
      commandName: "show",
      abstract: "Draw a month: days off marked *, make-up working days +.")

    @OptionGroup var global: GlobalOptions

    var readsOnly: Bool { true }

    @Argument(help: "The month, YYYY-MM (default: this month).")
    var month: String?

    func run(_ context: CommandContext) throws {
      let month = try month.map(Parse.month) ?? YearMonth(context.today)
      let calendar = context.agency.calendar
      let source = try context.store.read { try $0.calendarSource(of: month.year) }
      let days = (0..<month.firstDay.days(until: month.lastDay) + 1).map {
        month.firstDay.adding(days: $0)
      }
      let year = calendar.years[month.year]
      let working = days.filter(calendar.isWorkingDay).count
      if context.json {
        context.print(
          json: .object([
            ("month", .string(month.description)),
            ("source", .string(source?.rawValue)),
            ("workingDays", .int(Int64(working))),
            (
              "days",
              .array(
                days.map { day in
                  .object([
                    ("date", .string(day.description)),
                    ("weekday", .int(Int64(day.weekday))),
                    ("working", .bool(calendar.isWorkingDay(day))),
                    ("dayOff", .bool(year?.daysOff.contains(day) == true)),
                    ("makeUpWorkday", .bool(year?.workdays.contains(day) == true)),
                  ])
                })
            ),
          ]))
        return
      }
      let t = context.t
      let sourceText =
        switch source {
        case .official?: t("calendar.official")
        case .imported?: t("calendar.imported")
        case nil: t("calendar.unknown", ["year": String(month.year)])
        }
      context.print(
        context.styled(
          t("calendar.title", ["month": month.description, "working": String(working)]), .bold)
          + "  (" + sourceText + ")")
      context.print(
        (1...7).map { DisplayWidth.pad(t("weekday.\($0)"), to: 4, right: true) }.joined())
      var line = String(repeating: " ", count: 4 * (month.firstDay.weekday - 1))
      for day in days {
        var mark = " "
        var style = Style.plain
        if year?.daysOff.contains(day) == true {
          mark = "*"
          style = .red
        } else if year?.workdays.contains(day) == true {
          mark = "+"
          style = .yellow
        } else if !calendar.isWorkingDay(day) {
          style = .dim
        }
        let cell = DisplayWidth.pad(String(day.day), to: 3, right: true) + mark
        line += context.styled(cell, style)
        if day.weekday == 7 {
          context.print(line.trimmingTrailingSpaces())
          line = ""
        }
      }
      if !line.isEmpty { context.print(line.trimmingTrailingSpaces()) }
      context.print(t("calendar.legend"))
    }
  }
}

extension String {
  func trimmingTrailingSpaces() -> String {
    var copy = self
    while copy.last == " " { copy.removeLast() }
    return copy
  }
}
