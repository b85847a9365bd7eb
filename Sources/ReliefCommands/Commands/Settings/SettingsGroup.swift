import ArgumentParser
import ReliefDomain
import ReliefPresentation

extension Relief {
  /// `relief settings`: the agency's time zone and clock lengths.
  struct SettingsGroup: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "settings",
      abstract: "List or change the agency's settings: time zone and deadline lengths.",
      subcommands: [List.self, Set.self])
  }
}

/// Every setting, its default and how to check a value.
enum SettingsCatalog {
  struct Entry {
    var key: String
    var defaultValue: String
    var meaning: (Localizer, ClockSettings) -> String
  }

  static var entries: [Entry] {
    var entries = [
      Entry(key: "timezone", defaultValue: "Asia/Shanghai") { t, _ in t("settings.timezone") }
    ]
    for (key, defaultValue, spec) in ClockSettings.keys {
      entries.append(
        Entry(key: key, defaultValue: String(defaultValue)) { t, clocks in
          if spec.limit?.setting == key { return t("settings.limit") }
          return t(
            "clock.\(spec.setting)",
            [
              "length": String(clocks.length(of: spec)),
              "limit": String(clocks.limit(of: spec) ?? 0),
            ])
        })
    }
    return entries
  }

  /// Checks a value for a key; returns it as stored.
  static func validated(key: String, value: String, current: ClockSettings) throws -> String {
    let trimmed = value.trimmingCharacters(in: .whitespaces)
    if key == "timezone" {
      guard AgencyZone(identifier: trimmed) != nil else {
        throw Refusal("error.bad-timezone", ["value": value])
      }
      return trimmed
    }
    guard let entry = ClockSettings.keys.first(where: { $0.key == key }) else {
      throw Refusal(
        "error.unknown-setting", ["key": key, "keys": entries.map(\.key).joined(separator: ", ")])
    }
    let maximum = 366
    guard let number = Int(trimmed), (1...maximum).contains(number) else {
      throw Refusal("error.bad-length", ["key": key, "value": value, "maximum": String(maximum)])
    }
    let spec = entry.spec
    if let limit = spec.limit {
      var overrides = current.overrides
      overrides[key] = number
      let settings = ClockSettings(overrides: overrides)
      let length = settings.length(of: spec)
      let longest = settings.limit(of: spec) ?? limit.defaultValue
      if longest < length {
        throw Refusal(
          "error.limit-below-length", ["limit": String(longest), "length": String(length)])
      }
    }
    return String(number)
  }
}
