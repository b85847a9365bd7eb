import ArgumentParser
import ReliefDomain
import ReliefPresentation

extension Relief.SettingsGroup {
  /// `relief settings set KEY VALUE`: changes a setting and recounts running deadlines.
  struct Set: StoreCommand {
    static let configuration = CommandConfiguration(
      commandName: "set",
      abstract: "Change a setting; every running deadline is recounted.")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The setting, such as clock.arrears.accepted or timezone.")
    var key: String

    @Argument(help: "The new value.")
    var value: String

    func run(_ context: CommandContext) throws {
      let stored = try SettingsCatalog.validated(
        key: key, value: value, current: context.agency.clocks)
      let recounted = try context.write { session, now in
        try session.setSetting(key, to: stored)
        return try session.recountRunningClocks(now: now)
      }
      if context.json {
        context.print(
          json: .object([
            ("key", .string(key)), ("value", .string(stored)),
            ("recountedDeadlines", .int(Int64(recounted))),
          ]))
      } else {
        context.print(
          context.t("settings.set", ["key": key, "value": stored, "clocks": String(recounted)]))
      }
    }
  }
}
