import ArgumentParser
import ReliefDomain
import ReliefPresentation
import ReliefStoreAPI

extension Relief.ServiceGroup {
  /// `relief service list`: service activities, latest first.
  struct List: StoreCommand {
    static let configuration = CommandConfiguration(
      commandName: "list",
      abstract: "List service activities, latest first.")

    @OptionGroup var global: GlobalOptions

    var readsOnly: Bool { true }

    @Option(help: "Only this type.")
    var type: ServiceType?

    @Option(help: "Region prefix: 2, 4 or 6 digits (44 is all of Guangdong).")
    var region: String?

    @Option(help: "Only services on or after this day (YYYY-MM-DD).")
    var from: String?

    @Option(help: "Only services on or before this day (YYYY-MM-DD).")
    var to: String?

    @Option(help: "Only services in this month (YYYY-MM).")
    var month: String?

    @Option(help: "Only services whose campaign contains this text.")
    var campaign: String?

    @Option(help: "Only services naming this enterprise (USCC).")
    var enterprise: String?

    @Option(help: "How many to show (0 for all).")
    var limit = 100

    func validate() throws {
      if month != nil, from != nil || to != nil {
        throw ValidationError("--month excludes --from and --to")
      }
    }

    func run(_ context: CommandContext) throws {
      var filter = ServiceFilter(
        type: type, region: try region.map(Parse.regionPrefix),
        from: try from.map { try Parse.date($0, field: "from") },
        to: try to.map { try Parse.date($0, field: "to") }, campaign: campaign,
        enterprise: try enterprise.map { try Parse.uscc($0, allowBadChecksum: true) },
        limit: try Parse.limit(limit))
      if let month {
        let parsed = try Parse.month(month)
        filter.from = parsed.firstDay
        filter.to = parsed.lastDay
      }
      let rendering = ServiceRendering(context)
      try ListOutput.list(
        limit: filter.limit, context: context, table: rendering.table, json: rendering.json,
        page: { try $0.services(matching: filter) },
        stream: { try $0.services(matching: filter, into: $1) })
    }
  }
}
