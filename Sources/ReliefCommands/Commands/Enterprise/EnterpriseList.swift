import ArgumentParser
import ReliefDomain
import ReliefStore

extension Relief.EnterpriseGroup {
  /// `relief enterprise list`: enterprises, most recently registered first.
  struct List: StoreCommand {
    static let configuration = CommandConfiguration(
      commandName: "list",
      abstract: "List enterprises, most recently registered first.")

    @OptionGroup var global: GlobalOptions

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
      let page = try context.store.read { session in
        try session.enterprises(matching: filter, today: context.today)
      }
      let rendering = EnterpriseRendering(context)
      if context.json {
        context.print(json: ListOutput.json(page, rendering.json))
        return
      }
      ListOutput.print(page, table: rendering.table(page.items), context: context)
    }
  }
}

/// How lists print: a table and a line saying what was left out; JSON with the counts.
enum ListOutput {
  static func json<Item>(_ page: Page<Item>, _ render: (Item) -> JSONValue) -> JSONValue {
    .object([
      ("total", .int(Int64(page.total))),
      ("shown", .int(Int64(page.items.count))),
      ("items", .array(page.items.map(render))),
    ])
  }

  static func print<Item>(_ page: Page<Item>, table: String, context: CommandContext) {
    if page.items.isEmpty {
      context.print(context.t("msg.nothing-found"))
      return
    }
    context.print(table)
    if page.leftOut > 0 {
      context.print(
        context.styled(
          context.t(
            "msg.left-out", ["shown": String(page.items.count), "total": String(page.total)]),
          .dim))
    }
  }
}
