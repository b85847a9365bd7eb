import ArgumentParser
import ReliefDomain
import ReliefPresentation
import ReliefStoreAPI

extension Relief {
  /// `relief search TEXT`: enterprises, cases and notes by any fragment of their words.
  struct Search: StoreCommand {
    static let configuration = CommandConfiguration(
      commandName: "search",
      abstract:
        "Find enterprises, cases and notes by any fragment of a name, title, debtor or note.",
      discussion: """
        Every word given must occur, ignoring case and the width of full-width letters and \
        digits (ＡＢＣ is abc); Chinese text of any length works (科技 finds \
        深圳市星河科技有限公司). Hits are ranked: names above titles and debtors above notes, \
        closer matches first. A search matching more than 2000 records shows the newest instead.
        """)

    @OptionGroup var global: GlobalOptions

    var readsOnly: Bool { true }

    @Argument(help: "The words to look for.")
    var words: [String]

    @Option(help: "How many hits to show (0 for all).")
    var limit = 20

    func run(_ context: CommandContext) throws {
      let text = words.joined(separator: " ")
      guard !text.allSatisfy(\.isWhitespace) else { throw Refusal("search.error.empty") }
      let limit = try Parse.limit(limit)
      let results = try context.store.read { try $0.search(text, limit: limit) }
      let t = context.t
      if context.json {
        context.print(
          json: .object([
            ("query", .string(text)),
            ("total", .int(results.total)),
            ("shown", .int(results.hits.count)),
            ("ranking", .string(results.ranking.rawValue)),
            ("hits", .array(results.hits.map { json($0, zone: context.zone) })),
          ]))
        return
      }
      if results.hits.isEmpty {
        context.print(t("msg.nothing-found"))
        return
      }
      var table = Table(columns: [
        .init(header: t("col.kind")), .init(header: t("col.id")), .init(header: t("col.field")),
        .init(header: t("col.text"), maxWidth: 48), .init(header: t("col.about"), maxWidth: 40),
      ])
      for hit in results.hits {
        var about: [String] = []
        if let caseKind = hit.caseKind { about.append(t.kind(caseKind)) }
        if let state = hit.state { about.append(t.state(state)) }
        if let name = hit.enterpriseName { about.append(name) }
        table.add([
          Table.Cell(t("search.kind.\(hit.kind.rawValue)")),
          Table.Cell(hit.seq.map { "\(hit.id) #\($0)" } ?? hit.id),
          Table.Cell(t("search.field.\(hit.field)")),
          Table.Cell(hit.text.replacingOccurrences(of: "\n", with: " ")),
          Table.Cell(about.joined(separator: " · ")),
        ])
      }
      context.print(table.render(terminal: context.terminal))
      let shown = String(results.hits.count)
      if let total = results.total {
        if total > results.hits.count {
          context.print(
            context.styled(t("msg.left-out", ["shown": shown, "total": String(total)]), .dim))
        }
      } else {
        context.print(
          context.styled(
            t("search.too-many", ["shown": shown, "limit": String(SearchResults.rankingLimit)]),
            .dim))
      }
    }

    private func json(_ hit: SearchHit, zone: AgencyZone) -> JSONValue {
      .object([
        ("kind", .string(hit.kind.rawValue)),
        ("id", .string(hit.id)),
        ("seq", .int(hit.seq)),
        ("field", .string(hit.field)),
        ("text", .string(hit.text)),
        ("caseKind", .string(hit.caseKind?.rawValue)),
        ("state", .string(hit.state?.rawValue)),
        ("enterpriseName", .string(hit.enterpriseName)),
        ("at", .string(hit.at.map(zone.iso8601))),
      ])
    }
  }
}
