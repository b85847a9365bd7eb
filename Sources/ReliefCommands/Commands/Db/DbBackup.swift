import ArgumentParser
import Foundation
import ReliefPresentation
import ReliefStoreAPI

extension Relief.DbGroup {
  /// `relief db backup FILE`: an online backup, safe while others write.
  struct Backup: StoreCommand {
    static let configuration = CommandConfiguration(
      commandName: "backup",
      abstract: "Copy the database to a file with SQLite's online backup, safe while others write.",
      discussion: """
        The copy is a consistent snapshot in one self-contained file, readable by its owner \
        only. It is written beside FILE and renamed into place when complete. Check it with \
        `relief --db FILE db check`.
        """)

    @OptionGroup var global: GlobalOptions

    var readsOnly: Bool { true }

    @Argument(help: "The backup file to write.")
    var file: String

    @Flag(help: "Replace FILE if it exists (never the database itself).")
    var force = false

    func run(_ context: CommandContext) throws {
      let path = GlobalOptions.expand(file)
      try context.store.backup(to: path, replacing: force)
      let size =
        (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int).flatMap { $0 }
        ?? 0
      if context.json {
        context.print(json: .object([("backup", .string(path)), ("bytes", .int(size))]))
      } else {
        context.print(context.t("db.backup.done", ["path": path, "bytes": String(size)]))
      }
    }
  }
}
