import ArgumentParser
import ReliefDomain
import ReliefPresentation
import ReliefStoreAPI

extension Relief.EnterpriseGroup {
  /// `relief enterprise list`: enterprises, most recently registered first.
  struct List: StoreCommand {
    static let configuration = CommandConfiguration(
      commandName: "list",
      abstract: "List enterprises, most recently registered first.")

    @OptionGroup var global: GlobalOptions

    var readsOnly: Bool { true }

    @Option(help: "Region prefix: 2, 4 or 6 digits (44 is all of Guangdong).")
    var region: String?

    @Option(help: "Only this size.")
    var size: EnterpriseSize?

    @Option(help: "Only enterprises whose highest valid tier is this.")
    var tier: Tier?

    @Flag(help: "Only enterprises on the white list.")
    var whitelisted = false

    @Option(help: "How many to show (0 for all).")
    var limit = 100

    func run(_ context: CommandContext) throws {
      let filter = EnterpriseFilter(
        region: try region.map(Parse.regionPrefix), size: size, tier: tier,
        whitelisted: whitelisted, limit: try Parse.limit(limit))
      let rendering = EnterpriseRendering(context)
      try ListOutput.list(
        limit: filter.limit, context: context, table: rendering.table, json: rendering.json,
        page: { try $0.enterprises(matching: filter, today: context.today) },
        stream: { try $0.enterprises(matching: filter, today: context.today, into: $1) })
    }
  }
}
