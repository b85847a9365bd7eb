import ArgumentParser
import ReliefDomain
import ReliefPresentation
import ReliefStoreAPI

extension Relief.DbGroup {
  /// `relief db anchor`: the line that pins the history, to keep outside the database.
  struct Anchor: StoreCommand {
    static let configuration = CommandConfiguration(
      commandName: "anchor",
      abstract: "Print the history's anchor: its number of events and the last one's hash.",
      discussion: """
        Keep the line outside the database (the monthly report prints it too). Later, \
        `relief db verify --anchor LINE` fails when the history no longer extends it: events \
        removed from its end, or any of them changed.
        """)

    @OptionGroup var global: GlobalOptions

    func run(_ context: CommandContext) throws {
      let anchor = try context.store.read { try $0.anchor() }
      if context.json {
        context.print(json: AnchorJSON.json(anchor))
      } else {
        context.print(anchor.description)
      }
    }
  }
}

/// An anchor in JSON: the line, and its parts.
enum AnchorJSON {
  static func json(_ anchor: HistoryAnchor) -> JSONValue {
    .object([
      ("anchor", .string(anchor.description)), ("events", .int(Int64(anchor.count))),
      ("head", .string(anchor.headHex)),
    ])
  }
}
