import ArgumentParser
import ReliefDomain
import ReliefPresentation
import ReliefStoreAPI

extension Relief.ReportGroup {
  /// `relief report debtors`: arrears by debtor, the largest outstanding first.
  struct Debtors: StoreCommand {
    static let configuration = CommandConfiguration(
      commandName: "debtors",
      abstract: "Arrears by debtor, the largest outstanding first; repeat debtors are marked.",
      discussion: """
        Complaints are grouped by the debtor's code when one was given, else by its name. \
        Outstanding is owed less recovered, over complaints not rejected or withdrawn and not \
        resolved as paid in full or as no debt found. A repeat debtor has more than one complaint.
        """)

    @OptionGroup var global: GlobalOptions

    var readsOnly: Bool { true }

    @Option(help: "Region prefix of the complaining enterprise: 2, 4 or 6 digits.")
    var region: String?

    @Option(help: "Only this type of debtor.")
    var debtorType: DebtorType?

    @Option(help: "How many to show (0 for all).")
    var limit = 100

    func run(_ context: CommandContext) throws {
      let filter = ReportFilter(
        region: try region.map(Parse.regionPrefix), debtorType: debtorType,
        limit: try Parse.limit(limit))
      let t = context.t
      try ListOutput.list(
        limit: filter.limit, context: context,
        table: { debtors in
          var table = Table(columns: [
            .init(header: t("col.debtor"), maxWidth: 30), .init(header: t("col.debtor-type")),
            .init(header: t("col.complaints"), alignRight: true),
            .init(header: t("col.open"), alignRight: true),
            .init(header: t("col.owed"), alignRight: true),
            .init(header: t("col.recovered"), alignRight: true),
            .init(header: t("col.outstanding"), alignRight: true), .init(header: t("col.repeat")),
          ])
          for debtor in debtors {
            table.add([
              Table.Cell(debtor.debtor),
              Table.Cell(debtor.debtorType.map { t.value("debtor-type", $0.rawValue) } ?? ""),
              Table.Cell(String(debtor.complaints)), Table.Cell(String(debtor.open)),
              Table.Cell(debtor.amountOwed.grouped), Table.Cell(debtor.amountRecovered.grouped),
              Table.Cell(debtor.outstanding.grouped, style: .bold),
              debtor.isRepeat ? Table.Cell("● " + t("msg.repeat-debtor"), style: .red) : "",
            ])
          }
          return table
        },
        json: { debtor in
          .object([
            ("debtor", .string(debtor.debtor)),
            ("debtorType", .string(debtor.debtorType?.rawValue)),
            ("debtorCode", .string(debtor.debtorCode)),
            ("complaints", .int(debtor.complaints)),
            ("open", .int(debtor.open)),
            ("amountOwed", .string(debtor.amountOwed.yuan)),
            ("amountRecovered", .string(debtor.amountRecovered.yuan)),
            ("outstanding", .string(debtor.outstanding.yuan)),
            ("repeat", .bool(debtor.isRepeat)),
          ])
        },
        page: { try $0.debtors(filter) },
        stream: { try $0.debtors(filter, into: $1) })
    }
  }
}
