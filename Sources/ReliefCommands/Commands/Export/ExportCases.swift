import ArgumentParser
import ReliefDomain
import ReliefPresentation
import ReliefStoreAPI

extension Relief.ExportGroup {
  /// `relief export cases`.
  struct Cases: StoreCommand {
    static let configuration = CommandConfiguration(
      commandName: "cases",
      abstract: "Export every case (in JSON with its whole history), in the order they were opened."
    )

    @OptionGroup var global: GlobalOptions

    var readsOnly: Bool { true }
    @OptionGroup var options: ExportOptions

    @Option(help: "Only cases of this kind (CSV then has only that kind's detail columns).")
    var kind: CaseKind?

    func run(_ context: CommandContext) throws {
      let rendering = CaseRendering(context)
      let withHistory = try options.resolvedFormat(json: context.json) == .json
      try ExportRunner.run(
        noun: "cases", columns: Columns.caseExport(kind: kind?.rawValue),
        total: { try $0.counts().cases }, options: options, context: context,
        sheet: ExportRunner.sheetPerKind(context) { Columns.caseExport(kind: $0.rawValue) }
      ) { session, emit in
        try session.forEachCase(kind: kind) { record, history in
          try emit(rendering.json(record, history: withHistory ? history : nil))
        }
      }
    }
  }
}
