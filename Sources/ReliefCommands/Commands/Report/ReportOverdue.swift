import ArgumentParser
import ReliefDomain
import ReliefPresentation
import ReliefStoreAPI

extension Relief.ReportGroup {
  /// `relief report overdue`: open cases past their deadline, most overdue first.
  struct Overdue: StoreCommand {
    static let configuration = CommandConfiguration(
      commandName: "overdue",
      abstract: "Open cases past their deadline, most overdue first, with their supervision level.",
      discussion: """
        A deadline has passed when its last day is before today. Re-review reminders of \
        recognitions are not deadlines and are left out, as in the monthly summary.
        """)

    @OptionGroup var global: GlobalOptions

    var readsOnly: Bool { true }

    @Option(help: "Only this kind.")
    var kind: CaseKind?

    @Option(help: "Region prefix of the enterprise: 2, 4 or 6 digits.")
    var region: String?

    @Option(help: "Only cases handled by this officer.")
    var assignee: String?

    @Option(help: "How many to show (0 for all).")
    var limit = 100

    func run(_ context: CommandContext) throws {
      let filter = CaseFilter(
        kind: kind, openness: .open, assignee: assignee,
        region: try region.map(Parse.regionPrefix), overdue: true,
        limit: try Parse.limit(limit))
      let page = try context.store.read { session in
        try session.cases(matching: filter, today: context.today)
      }
      let t = context.t
      let today = context.today
      func daysOverdue(_ record: CaseRecord) -> Int {
        record.reliefCase.clock.map { $0.dueDate.days(until: today) } ?? 0
      }
      if context.json {
        context.print(
          json: ListOutput.json(page) { record in
            let reliefCase = record.reliefCase
            return .object(
              CaseRendering.identity(record) + [
                ("assignee", .string(reliefCase.assignee)),
                ("dueDate", .string(reliefCase.clock?.dueDate.description)),
                ("daysOverdue", .int(daysOverdue(record))),
                ("supervisionLevel", .int(reliefCase.supervisionLevel)),
              ])
          })
        return
      }
      var table = Table(columns: [
        .init(header: t("col.id")), .init(header: t("col.kind"), dropPriority: 3),
        .init(header: t("col.state")), .init(header: t("col.enterprise"), maxWidth: 24),
        .init(header: t("col.assignee"), dropPriority: 1), .init(header: t("col.due")),
        .init(header: t("col.days-overdue"), alignRight: true),
        .init(header: t("col.supervision"), alignRight: true, dropPriority: 2),
      ])
      for record in page.items {
        let reliefCase = record.reliefCase
        table.add([
          Table.Cell(reliefCase.id.description),
          Table.Cell(t("report.kind-short.\(reliefCase.kind.rawValue)")),
          Table.Cell(t.state(reliefCase.state)), Table.Cell(record.enterpriseName),
          Table.Cell(reliefCase.assignee ?? ""),
          Table.Cell(reliefCase.clock?.dueDate.description ?? ""),
          Table.Cell(String(daysOverdue(record)), style: .red),
          Table.Cell(reliefCase.supervisionLevel > 0 ? String(reliefCase.supervisionLevel) : ""),
        ])
      }
      ListOutput.print(page, table: table, context: context)
    }
  }
}
