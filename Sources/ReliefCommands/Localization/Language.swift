import ReliefDomain

/// The languages output comes in. Identifiers on the command line and in JSON stay English.
enum Language: String, CaseIterable, Sendable {
  case en, zh

  /// `--lang` when given, else Chinese when `LC_ALL`, `LC_MESSAGES` or `LANG` names it.
  static func detect(flag: Language?, environment: [String: String]) -> Language {
    if let flag { return flag }
    for variable in ["LC_ALL", "LC_MESSAGES", "LANG"] {
      guard let value = environment[variable], !value.isEmpty else { continue }
      return value.lowercased().hasPrefix("zh") ? .zh : .en
    }
    return .en
  }

  /// The table of this language.
  var table: [String: String] {
    switch self {
    case .en: return Strings.english
    case .zh: return Strings.chinese
    }
  }
}

/// Words for people, from the language tables: `{name}` placeholders are filled in.
struct Localizer: Sendable {
  let language: Language

  /// The text of a key, Chinese falling back to English, English to the key itself.
  func callAsFunction(_ key: String, _ arguments: [String: String] = [:]) -> String {
    var text = language.table[key] ?? Strings.english[key] ?? key
    for (name, value) in arguments {
      text = text.replacingOccurrences(of: "{\(name)}", with: value)
    }
    return text
  }

  /// True when the table has the key.
  func has(_ key: String) -> Bool { Strings.english[key] != nil }

  func kind(_ kind: CaseKind) -> String { self("kind.\(kind.rawValue)") }

  func state(_ state: CaseState) -> String {
    has("state.\(state.rawValue)") ? self("state.\(state.rawValue)") : state.rawValue
  }

  /// The state's label followed by its identifier when they differ: `已受理 (accepted)`.
  func stateWithIdentifier(_ state: CaseState) -> String {
    let label = self.state(state)
    return label == state.rawValue ? label : "\(label) (\(state.rawValue))"
  }

  func event(_ event: EventName, kind: CaseKind? = nil) -> String {
    if let kind, has("event.\(kind.rawValue).\(event.rawValue)") {
      return self("event.\(kind.rawValue).\(event.rawValue)")
    }
    return has("event.\(event.rawValue)") ? self("event.\(event.rawValue)") : event.rawValue
  }

  /// The label of an enumerated value, such as `debtor-type.government`.
  func value(_ group: String, _ raw: String) -> String {
    has("\(group).\(raw)") ? self("\(group).\(raw)") : raw
  }

  /// A list joined the way the language joins lists.
  func list(_ items: [String]) -> String {
    items.joined(separator: language == .zh ? "、" : ", ")
  }
}
