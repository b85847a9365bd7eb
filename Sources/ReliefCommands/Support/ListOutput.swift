import ReliefPresentation
import ReliefStoreAPI

/// How lists print: a table and a line saying what was left out; JSON with the counts.
enum ListOutput {
  static func json<Item>(_ page: Page<Item>, _ render: (Item) -> JSONValue) -> JSONValue {
    document(total: page.total, items: page.items.map(render))
  }

  /// The JSON of a list: how many matched, how many are shown, and the entries shown.
  private static func document(total: Int, items: [JSONValue]) -> JSONValue {
    .object([
      ("total", .int(Int64(total))), ("shown", .int(Int64(items.count))), ("items", .array(items)),
    ])
  }

  static func print<Item>(_ page: Page<Item>, table: Table, context: CommandContext) {
    if page.items.isEmpty {
      context.print(context.t("msg.nothing-found"))
      return
    }
    context.print(table.render(terminal: context.terminal))
    if page.leftOut > 0 {
      context.print(
        context.styled(
          context.t(
            "msg.left-out", ["shown": String(page.items.count), "total": String(page.total)]),
          .dim))
    }
  }

  /// Prints a list whole or a page of it: with `limit` 0 (everything), entries are printed as
  /// the store reads them, a batch at a time, so that listing a province's million cases holds
  /// one batch in memory instead of all of them. The output is the same either way: JSON with
  /// its counts first, or a table whose columns carry their widths from batch to batch (a later
  /// batch widens a column only for a cell wider than any before it).
  static func list<Item>(
    limit: Int, context: CommandContext, table: @escaping ([Item]) -> Table,
    json: @escaping (Item) -> JSONValue,
    page: (any ReliefSession) throws -> Page<Item>,
    stream: (any ReliefSession, ListSink<Item>) throws -> Void
  ) throws {
    guard limit == 0 else {
      let page = try context.store.read(page)
      if context.json {
        context.print(json: Self.json(page, json))
      } else {
        print(page, table: table(page.items), context: context)
      }
      return
    }
    // `RELIEF_LIST_BATCH` sets the entries a batch holds, so that tests cross batches with a few.
    let batchSize = Environment.values["RELIEF_LIST_BATCH"].flatMap { Int($0) } ?? 1000
    if context.json {
      var first = true
      let sink = ListSink<Item>(
        batchSize: batchSize,
        start: { total in
          if total == 0 {
            context.print(json: document(total: 0, items: []))
            return
          }
          context.print("{\n  \"total\": \(total),\n  \"shown\": \(total),\n  \"items\": [")
        },
        batch: { items in
          var text = ""
          for item in items {
            text += first ? "    " : ",\n    "
            first = false
            text += json(item).render(indent: 4)
          }
          context.write(text)
        })
      try context.store.read { session in try stream(session, sink) }
      if !first { context.print("\n  ]\n}") }
      return
    }
    var widths: [Int]?
    let sink = ListSink<Item>(batchSize: batchSize) { items in
      context.print(table(items).render(terminal: context.terminal, carrying: &widths))
    }
    try context.store.read { session in try stream(session, sink) }
    if widths == nil { context.print(context.t("msg.nothing-found")) }
  }
}
