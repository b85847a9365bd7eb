import ArgumentParser
import ReliefPresentation
import ReliefStoreAPI
import ReliefStores

extension Relief {
  /// `relief init`: creates the database, readable by its owner only.
  struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "init",
      abstract: "Create the database (mode 0600) and its folder, or migrate an existing one.")

    @OptionGroup var global: GlobalOptions

    func run() throws {
      let path = global.databasePath
      let (store, created) = try Databases.create(at: path)
      let version = try store.currentSchemaVersion()
      let t = global.localizer
      if global.json {
        StandardOutput.print(
          JSONValue.object([
            ("path", .string(path)), ("created", .bool(created)),
            ("schemaVersion", .int(Int64(version))),
          ]).render())
      } else if created {
        StandardOutput.print(t("msg.db-created", ["path": path]))
      } else {
        StandardOutput.print(t("msg.db-current", ["path": path, "version": String(version)]))
      }
    }
  }
}
