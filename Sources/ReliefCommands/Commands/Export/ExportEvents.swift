import ArgumentParser
import ReliefDomain
import ReliefPresentation
import ReliefStoreAPI

extension Relief.ExportGroup {
  /// `relief export events`.
  struct Events: StoreCommand {
    static let configuration = CommandConfiguration(
      commandName: "events",
      abstract: "Export every event of every case, case by case in order.")

    @OptionGroup var global: GlobalOptions

    var readsOnly: Bool { true }
    @OptionGroup var options: ExportOptions

    @Option(help: "Only events of cases of this kind.")
    var kind: CaseKind?

    func run(_ context: CommandContext) throws {
      let rendering = CaseRendering(context)
      try ExportRunner.run(
        noun: "events", columns: Columns.eventExport, total: { try $0.counts().events },
        options: options, context: context,
        sheet: ExportRunner.sheetPerKind(context) { _ in Columns.eventExport }
      ) { session, emit in
        try session.forEachCase(kind: kind) { record, history in
          let id = record.reliefCase.id
          for event in history {
            guard case .object(let members) = rendering.json(event) else { continue }
            try emit(
              .object(
                [("case", .string(id.description)), ("kind", .string(id.kind.rawValue))]
                  + members))
          }
        }
      }
    }
  }
}
