import ArgumentParser
import Foundation
import ReliefDomain
import ReliefPresentation
import ReliefStoreAPI

extension Relief.ReportGroup {
  /// `relief report monthly`: the monthly service summary.
  struct Monthly: StoreCommand {
    static let configuration = CommandConfiguration(
      commandName: "monthly",
      abstract: "The monthly service summary, with month-on-month and year-on-year comparisons.",
      discussion: """
        Months are cut in the agency's time zone and every figure comes from events by their \
        effective time, so a past month gives the same figures whenever it is run, unless events \
        were later backdated into it. --freeze stores the summary as submitted; a later run of a \
        frozen month says which figures now differ. Definitions: Docs/reports.md.
        """)

    @OptionGroup var global: GlobalOptions

    /// Only reads, unless it freezes the summary.
    var readsOnly: Bool { !freeze }

    @Option(help: "The month, YYYY-MM (default: the last complete month).")
    var month: String?

    @Option(help: "Region prefix: 2, 4 or 6 digits (44 is all of Guangdong).")
    var region: String?

    @Option(
      help: "text, markdown, csv, json or html (default: from --output's extension, or text).")
    var format: ReportFormat?

    @Option(help: "Write the summary to this file instead of standard output.")
    var output: String?

    @Flag(help: "Store the summary as submitted; later runs say whether its figures changed.")
    var freeze = false

    func validate() throws {
      if global.json, let format, format != .json {
        throw ValidationError("--json and --format \(format.rawValue) exclude each other")
      }
    }

    func run(_ context: CommandContext) throws {
      let currentMonth = YearMonth(context.today)
      let month = try self.month.map { try Parse.month($0) } ?? currentMonth.adding(months: -1)
      guard month.year > LocalDate.supportedYears.lowerBound else {
        throw Refusal("error.bad-month", ["field": "--month", "value": month.description])
      }
      guard month <= currentMonth else {
        throw Refusal(
          "error.month-future", ["month": month.description, "current": currentMonth.description])
      }
      if freeze, month == currentMonth {
        throw Refusal(
          "error.freeze-running-month",
          ["month": month.description, "next": month.adding(months: 1).firstDay.description])
      }
      let region = try self.region.map(Parse.regionPrefix)
      let format =
        global.json ? .json : self.format ?? output.flatMap(ReportFormat.init(fileName:)) ?? .text
      let report = try build(
        month: month, region: region, isComplete: month < currentMonth, context)
      let text: String
      switch format {
      case .text:
        let terminal =
          output == nil
          ? context.terminal : Terminal(isInteractive: false, usesColour: false, columns: nil)
        text = MonthlyText.render(report, t: context.t, terminal: terminal) + "\n"
      case .markdown: text = MonthlyMarkdown.render(report, t: context.t)
      case .csv: text = MonthlyCSV.render(report)
      case .json: text = report.json().render() + "\n"
      case .html: text = MonthlyHTML.render(report, t: context.t)
      }
      guard let output else {
        context.write(text)
        return
      }
      let path = GlobalOptions.expand(output)
      let file = try OutputFile(path: path, database: context.store.path)
      do {
        try file.write(Array(text.utf8))
        try file.commit()
      } catch {
        file.discard()
        throw error
      }
      StandardError.write(
        context.t(
          "msg.report-written",
          ["month": month.description, "path": path, "format": format.rawValue]) + "\n")
    }

    /// Computes the summary and compares it with the month's last freeze; with --freeze, stores
    /// it in the same transaction, so that what is stored is what was shown.
    private func build(
      month: YearMonth, region: RegionPrefix?, isComplete: Bool, _ context: CommandContext
    ) throws -> MonthlyReport {
      let officer = freeze ? try context.officer() : ""
      let body: (any ReliefSession, Instant) throws -> MonthlyReport = { session, now in
        var report = MonthlyReport(
          summary: try session.monthlySummary(month, region: region), zone: context.zone,
          generatedAt: now, isComplete: isComplete, anchor: try session.anchor())
        var freezes = try session.frozenReports(month: month, region: region)
        let latest = freezes.last
        var differences: [FigureDifference] = []
        if let latest {
          let frozen: JSONValue
          do {
            frozen = try JSONValue.parse(latest.figures)
          } catch {
            throw StoreError.corruptRecord("frozen report of \(month)")
          }
          differences = MonthlyReport.differences(frozen: frozen, now: report.figuresJSON())
        }
        if freeze {
          let figures = report.figuresJSON().render(pretty: false)
          freezes.append(
            try session.freezeReport(
              month: month, region: region, figures: figures, officer: officer, now: now))
        }
        if !freezes.isEmpty {
          report.freeze = FreezeComparison(
            freezes: freezes, comparedWith: latest, differences: differences, frozeNow: freeze)
        }
        return report
      }
      return freeze
        ? try context.write(body) : try context.store.read { try body($0, context.now) }
    }
  }
}
