import ReliefDomain

/// The languages output comes in. Identifiers on the command line and in JSON stay English.
package enum Language: String, CaseIterable, Sendable {
  case en, zh

  /// `--lang` when given, else Chinese when `LC_ALL`, `LC_MESSAGES` or `LANG` names it.
  package static func detect(flag: Language?, environment: [String: String]) -> Language {
    if let flag { return flag }
    for variable in ["LC_ALL", "LC_MESSAGES", "LANG"] {
      guard let value = environment[variable], !value.isEmpty else { continue }
      return value.lowercased().hasPrefix("zh") ? .zh : .en
    }
    return .en
  }

  /// The table of this language.
  package var table: [String: String] {
    switch self {
    case .en: return Strings.english
    case .zh: return Strings.chinese
    }
  }
}

/// Words for people, from the language tables: `{name}` placeholders are filled in.
package struct Localizer: Sendable {
  package let language: Language

  /// The text of a key, Chinese falling back to English, English to the key itself (a test
  /// holds every key the sources name to the tables, so the last never reaches a person).
  package func callAsFunction(_ key: String, _ arguments: [String: String] = [:]) -> String {
    let text = language.table[key] ?? Strings.english[key] ?? key
    return Self.fill(text, arguments)
  }

  /// Fills `{name}` placeholders in one pass over the template: a value that itself contains
  /// `{other}` is inserted as it is, never filled again. Unknown placeholders stay as written.
  package static func fill(_ template: String, _ arguments: [String: String]) -> String {
    guard !arguments.isEmpty, template.contains("{") else { return template }
    var result = ""
    var rest = Substring(template)
    while let open = rest.firstIndex(of: "{") {
      result += rest[..<open]
      let afterOpen = rest.index(after: open)
      if let close = rest[afterOpen...].firstIndex(of: "}"),
        let value = arguments[String(rest[afterOpen..<close])]
      {
        result += value
        rest = rest[rest.index(after: close)...]
      } else {
        result.append("{")
        rest = rest[afterOpen...]
      }
    }
    result += rest
    return result
  }

  /// True when the table has the key.
  package func has(_ key: String) -> Bool { Strings.english[key] != nil }

  package func kind(_ kind: CaseKind) -> String { self("kind.\(kind.rawValue)") }

  package func state(_ state: CaseState) -> String {
    has("state.\(state.rawValue)") ? self("state.\(state.rawValue)") : state.rawValue
  }

  /// The state's label followed by its identifier when they differ: `已受理 (accepted)`.
  package func stateWithIdentifier(_ state: CaseState) -> String {
    let label = self.state(state)
    return label == state.rawValue ? label : "\(label) (\(state.rawValue))"
  }

  package func event(_ event: EventName, kind: CaseKind? = nil) -> String {
    if let kind, has("event.\(kind.rawValue).\(event.rawValue)") {
      return self("event.\(kind.rawValue).\(event.rawValue)")
    }
    return has("event.\(event.rawValue)") ? self("event.\(event.rawValue)") : event.rawValue
  }

  /// The label of an enumerated value, such as `debtor-type.government`.
  package func value(_ group: String, _ raw: String) -> String {
    has("\(group).\(raw)") ? self("\(group).\(raw)") : raw
  }

  /// A list joined the way the language joins lists.
  package func list(_ items: [String]) -> String {
    items.joined(separator: language == .zh ? "、" : ", ")
  }

  package init(language: Language) {
    self.language = language
  }
}
