import ReliefDomain

/// The cells of an export's record: as CSV text, or as typed spreadsheet cells; in Chinese
/// (`--lang zh`) the values of enumerations, states, events and booleans are their labels.
package struct ExportCells {
  /// The language of headers and values.
  package let t: Localizer

  package init(t: Localizer) {
    self.t = t
  }

  private var labelled: Bool { t.language == .zh }

  /// The header row.
  package func header(_ columns: [String]) -> [String] {
    columns.map { Columns.header($0, t.language) }
  }

  /// The members of a record as JSON, with those of a nested `details` object lifted beside
  /// them.
  package static func flattened(_ value: JSONValue) -> [String: JSONValue] {
    guard case .object(let members) = value else { return [:] }
    var result: [String: JSONValue] = [:]
    for (key, member) in members {
      if key == "details", case .object(let details) = member {
        for (detailKey, detail) in details where result[detailKey] == nil {
          result[detailKey] = detail
        }
      } else {
        result[key] = member
      }
    }
    return result
  }

  /// A value as CSV text: null empty, lists joined by `;`, labels in Chinese.
  package func text(_ key: String, in row: [String: JSONValue]) -> String {
    let value = row[key]
    if labelled, let label = label(key, value, row) { return label }
    return Self.plain(value)
  }

  /// A value as written without labels: null empty, lists joined by `;`.
  package static func plain(_ value: JSONValue?) -> String {
    switch value {
    case nil, .null?: return ""
    case .bool(let flag)?: return flag ? "true" : "false"
    case .int(let number)?: return String(number)
    case .double(let number)?: return String(number)
    case .string(let text)?: return text
    case .array(let elements)?: return elements.map { plain($0) }.joined(separator: ";")
    case .object?: return value!.render(pretty: false)
    }
  }

  /// A value as a typed spreadsheet cell, as its column's type says.
  package func cell(_ key: String, in row: [String: JSONValue]) -> SpreadsheetCell {
    let value = row[key]
    switch value {
    case nil, .null?: return .empty
    default: break
    }
    if labelled, let label = label(key, value, row) { return .text(label) }
    let type = Columns.definition(key).type
    switch (type, value) {
    case (.code, _), (.list, _):
      return .text(Self.plain(value))
    case (_, .int(let number)?):
      return .number(String(number), format: .general)
    case (_, .bool(let flag)?):
      return .boolean(flag)
    case (.money, .string(let text)?):
      return Self.isDecimal(text) ? .number(text, format: .money) : .text(text)
    case (.integer, .string(let text)?):
      return Int64(text) != nil ? .number(text, format: .general) : .text(text)
    case (.date, .string(let text)?):
      return LocalDate(text).map { .date($0) } ?? .text(text)
    case (.time, .string(let text)?):
      // A time as the export writes it, in the agency's zone: kept as that zone's day and time
      // of day (Excel has no offsets); an import reads it back in the same zone.
      if case .timestamp(let date, let seconds, _)? = TimeInput(text) {
        return .dateTime(date, secondsOfDay: seconds)
      }
      return LocalDate(text).map { .date($0) } ?? .text(text)
    default:
      return .text(Self.plain(value))
    }
  }

  /// The Chinese label of a value whose column is labelled, or nil.
  private func label(_ key: String, _ value: JSONValue?, _ row: [String: JSONValue]) -> String? {
    let kind: CaseKind? = {
      if case .string(let raw)? = row["kind"] { return CaseKind(rawValue: raw) }
      return nil
    }()
    func each(_ name: (String) -> String) -> String? {
      switch value {
      case .string(let raw)?: return name(raw)
      case .array(let elements)?:
        return elements.map { element in
          if case .string(let raw) = element { return name(raw) }
          return Self.plain(element)
        }.joined(separator: ";")
      default: return nil
      }
    }
    switch Columns.definition(key).type {
    case .enumeration(let group): return each { t.value(group, $0) }
    case .state: return each { t.state(CaseState(rawValue: $0)) }
    case .event: return each { t.event(EventName(rawValue: $0), kind: kind) }
    case .boolean:
      if case .bool(let flag)? = value { return t(flag ? "xlsx.true" : "xlsx.false") }
      return nil
    default: return nil
    }
  }

  /// True for a plain decimal such as `1250000.00` or `-3.5`.
  static func isDecimal(_ text: String) -> Bool {
    var digits = 0
    var dots = 0
    for (index, character) in text.enumerated() {
      if character == "-", index == 0 { continue }
      if character == "." {
        dots += 1
      } else if character.isASCII, character.isNumber {
        digits += 1
      } else {
        return false
      }
    }
    return digits > 0 && dots <= 1
  }
}
