import ArgumentParser
import ReliefDomain
import ReliefPresentation

extension Relief.SettingsGroup {
  /// `relief settings list`.
  struct List: StoreCommand {
    static let configuration = CommandConfiguration(
      commandName: "list",
      abstract: "List every setting with its default.")

    @OptionGroup var global: GlobalOptions

    var readsOnly: Bool { true }

    func run(_ context: CommandContext) throws {
      let stored = context.agency.settings
      let t = context.t
      if context.json {
        context.print(
          json: .array(
            SettingsCatalog.entries.map { entry in
              .object([
                ("key", .string(entry.key)),
                ("value", .string(stored[entry.key] ?? entry.defaultValue)),
                ("default", .string(entry.defaultValue)),
              ])
            }))
        return
      }
      var table = Table(columns: [
        .init(header: t("settings.key")), .init(header: t("settings.value"), alignRight: true),
        .init(header: t("settings.default"), alignRight: true),
        .init(header: t("settings.meaning")),
      ])
      for entry in SettingsCatalog.entries {
        let value = stored[entry.key] ?? entry.defaultValue
        table.add([
          Table.Cell(entry.key),
          Table.Cell(value, style: value == entry.defaultValue ? .plain : .bold),
          Table.Cell(entry.defaultValue), Table.Cell(entry.meaning(t, context.agency.clocks)),
        ])
      }
      context.print(table.render(terminal: context.terminal))
    }
  }
}
