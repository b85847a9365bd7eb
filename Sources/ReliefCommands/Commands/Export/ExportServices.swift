import ArgumentParser
import ReliefDomain
import ReliefPresentation
import ReliefStoreAPI

extension Relief.ExportGroup {
  /// `relief export services`.
  struct Services: StoreCommand {
    static let configuration = CommandConfiguration(
      commandName: "services",
      abstract: "Export every service activity with the enterprises it lists.")

    @OptionGroup var global: GlobalOptions

    var readsOnly: Bool { true }
    @OptionGroup var options: ExportOptions

    func run(_ context: CommandContext) throws {
      let zone = context.zone
      try ExportRunner.run(
        noun: "services", columns: Columns.serviceExport, total: { try $0.serviceCount() },
        options: options, context: context
      ) { session, emit in
        try session.forEachService { service in
          try emit(
            .object([
              ("id", .int(service.id)),
              ("type", .string(service.type.rawValue)),
              ("date", .string(service.date.description)),
              ("region", .string(service.region?.rawValue)),
              ("campaign", .string(service.campaign)),
              ("note", .string(service.note)),
              ("served", .int(service.served)),
              ("enterprises", .array(service.enterprises.map { .string($0.uscc.rawValue) })),
              ("officer", .string(service.officer)),
              ("recordedAt", .string(zone.iso8601(service.recordedAt))),
            ]))
        }
      }
    }
  }
}
