import ArgumentParser
import ReliefDomain
import ReliefPresentation
import ReliefStoreAPI

extension Relief.ExportGroup {
  /// `relief export enterprises`.
  struct Enterprises: StoreCommand {
    static let configuration = CommandConfiguration(
      commandName: "enterprises",
      abstract: "Export every enterprise, in the order they were registered.")

    @OptionGroup var global: GlobalOptions

    var readsOnly: Bool { true }
    @OptionGroup var options: ExportOptions

    func run(_ context: CommandContext) throws {
      let rendering = EnterpriseRendering(context)
      try ExportRunner.run(
        noun: "enterprises", columns: Columns.enterpriseExport,
        total: { try $0.counts().enterprises }, options: options, context: context
      ) { session, emit in
        try session.forEachEnterprise(today: context.today) { view in
          guard case .object(let members) = rendering.json(view) else { return }
          try emit(
            .object(
              members + [
                ("createdAt", .string(context.zone.iso8601(view.createdAt))),
                ("updatedAt", .string(context.zone.iso8601(view.updatedAt))),
              ]))
        }
      }
    }
  }
}
