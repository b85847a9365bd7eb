import ArgumentParser
import ReliefDomain
import ReliefPresentation
import ReliefStoreAPI

extension Relief.ReportGroup {
  /// `relief report workload`: per officer, open, overdue and closed cases.
  struct Workload: StoreCommand {
    static let configuration = CommandConfiguration(
      commandName: "workload",
      abstract: "Per officer: open cases, overdue and due soon today, and cases closed this month.")

    @OptionGroup var global: GlobalOptions

    var readsOnly: Bool { true }

    @Option(help: "Only this kind.")
    var kind: CaseKind?

    @Option(help: "Region prefix of the enterprise: 2, 4 or 6 digits.")
    var region: String?

    @Option(help: "The month whose closed cases count, YYYY-MM (default: this month).")
    var month: String?

    func run(_ context: CommandContext) throws {
      let month = try self.month.map { try Parse.month($0) } ?? YearMonth(context.today)
      let filter = ReportFilter(region: try region.map(Parse.regionPrefix), kind: kind, limit: 0)
      let period = ReportPeriod(month, zone: context.zone)
      let officers = try context.store.read { session in
        try session.workload(filter, today: context.today, month: period)
      }
      var total = OfficerWorkload(officer: nil, open: 0, overdue: 0, dueSoon: 0, closed: 0)
      for entry in officers {
        total.open += entry.open
        total.overdue += entry.overdue
        total.dueSoon += entry.dueSoon
        total.closed += entry.closed
      }
      func json(_ entry: OfficerWorkload) -> [(String, JSONValue)] {
        [
          ("open", .int(entry.open)), ("overdue", .int(entry.overdue)),
          ("dueSoon", .int(entry.dueSoon)), ("closed", .int(entry.closed)),
        ]
      }
      if context.json {
        context.print(
          json: .object([
            ("month", .string(month.description)),
            ("today", .string(context.today.description)),
            (
              "officers",
              .array(officers.map { .object([("officer", .string($0.officer))] + json($0)) })
            ),
            ("total", .object(json(total))),
          ]))
        return
      }
      let t = context.t
      guard !officers.isEmpty else {
        context.print(t("msg.nothing-found"))
        return
      }
      var table = Table(columns: [
        .init(header: t("col.officer")), .init(header: t("col.open"), alignRight: true),
        .init(header: t("col.overdue"), alignRight: true),
        .init(header: t("col.due-soon"), alignRight: true),
        .init(header: t("col.closed-in", ["month": month.description]), alignRight: true),
      ])
      for entry in officers + [total] {
        let isTotal = entry.officer == nil && entry == total
        let name = isTotal ? t("report.total") : entry.officer ?? t("report.unassigned")
        let style: Style = isTotal ? .bold : .plain
        table.add([
          Table.Cell(name, style: style), Table.Cell(String(entry.open), style: style),
          Table.Cell(String(entry.overdue), style: entry.overdue > 0 && !isTotal ? .red : style),
          Table.Cell(String(entry.dueSoon), style: entry.dueSoon > 0 && !isTotal ? .yellow : style),
          Table.Cell(String(entry.closed), style: style),
        ])
      }
      context.print(table.render(terminal: context.terminal))
    }
  }
}
