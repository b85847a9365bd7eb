import Foundation
import ReliefDomain

/// An error about one column of a record: worded as `column: what is wrong`.
package struct ColumnError: Error {
  package let column: String
  package let underlying: any Error

  package init(column: String, underlying: any Error) {
    self.column = column
    self.underlying = underlying
  }
}

/// One record of an import file, read the same way whether it came from CSV (every value text)
/// or JSON (text, numbers, booleans, lists, objects). Empty values count as absent.
package struct ImportRecord {
  /// The columns of a CSV file, by name.
  package final class Header {
    package let names: [String]
    package let index: [String: Int]
    /// True for `--excel` CSV, whose cells may carry what `ExcelText.safe` added; false for a
    /// workbook, whose text cells are the text.
    package let restoresExcelText: Bool

    package init(_ names: [String], restoresExcelText: Bool = true) {
      self.names = names
      self.index = Dictionary(names.enumerated().map { ($1, $0) }) { first, _ in first }
      self.restoresExcelText = restoresExcelText
    }
  }

  private enum Values {
    case csv(Header, [String])
    case json([String: Any])
  }

  /// The line of the file the record starts on.
  package let line: Int
  private let values: Values

  /// A CSV record.
  package init(line: Int, header: Header, fields: [String]) {
    self.line = line
    self.values = .csv(header, fields)
  }

  /// A JSON record.
  package init(line: Int, object: [String: Any]) {
    self.line = line
    self.values = .json(object)
  }

  /// The header of a CSV record; nil for JSON.
  package var header: Header? {
    if case .csv(let header, _) = values { return header }
    return nil
  }

  /// The keys that carry a value.
  package var keys: [String] {
    switch values {
    case .csv(let header, let fields):
      return header.names.enumerated().compactMap { index, name in
        index < fields.count && !Self.isBlank(fields[index]) ? name : nil
      }
    case .json(let object):
      return object.compactMap { key, value in value is NSNull ? nil : key }
    }
  }

  /// The raw value of a key, nil when absent, empty or null.
  package func raw(_ key: String) -> Any? {
    switch values {
    case .csv(let header, let fields):
      return Self.field(key, header, fields)
    case .json(let object):
      guard let value = object[key], !(value is NSNull) else { return nil }
      if let text = value as? String, Self.isBlank(text) { return nil }
      return value
    }
  }

  /// A CSV field by its column, nil when absent or blank.
  private static func field(_ key: String, _ header: Header, _ fields: [String]) -> String? {
    guard let index = header.index[key], index < fields.count, !isBlank(fields[index])
    else { return nil }
    return header.restoresExcelText ? ExcelText.restore(fields[index]) : fields[index]
  }

  /// The record with the members of a nested object (a case's `details`) lifted to the top, so
  /// that JSON reads like the flat CSV columns.
  package func lifting(_ key: String) throws -> ImportRecord {
    guard case .json(var object) = values, let nested = object[key] else { return self }
    if nested is NSNull { return self }
    guard let members = nested as? [String: Any] else {
      throw ColumnError(column: key, underlying: Refusal("import.error.not-object"))
    }
    object[key] = nil
    for (name, value) in members {
      if let existing = object[name], !(existing is NSNull) {
        throw ColumnError(column: name, underlying: Refusal("import.error.twice"))
      }
      object[name] = value
    }
    return ImportRecord(line: line, object: object)
  }

  /// Text, trimmed by the caller's own checks; numbers and booleans as written.
  package func text(_ key: String) throws -> String? {
    // A CSV field is text already: read without boxing it as `Any` and casting it back, which
    // an import does a dozen times a record.
    if case .csv(let header, let fields) = values { return Self.field(key, header, fields) }
    guard let value = raw(key) else { return nil }
    switch value {
    case let text as String: return text
    case let number as NSNumber where Self.isBoolean(value):
      return number.boolValue ? "true" : "false"
    case let number as NSNumber: return number.stringValue
    default: throw ColumnError(column: key, underlying: Refusal("import.error.not-text"))
    }
  }

  /// Text that must be present.
  package func required(_ key: String) throws -> String {
    guard let text = try text(key) else {
      throw ColumnError(column: key, underlying: Refusal("import.error.required"))
    }
    return text
  }

  /// A whole number.
  package func int(_ key: String) throws -> Int? {
    guard let value = raw(key) else { return nil }
    if let number = value as? NSNumber, !Self.isBoolean(value),
      let int = Int(exactly: number.doubleValue)
    {
      return int
    }
    if let text = value as? String, let int = Int(text.trimmedOfSpaces) {
      return int
    }
    throw ColumnError(
      column: key, underlying: Refusal("import.error.not-number", ["value": Self.written(value)]))
  }

  /// A value as the file wrote it: JSON's `true` and `false` as words, not as the numbers
  /// Foundation hands them over as.
  package static func written(_ value: Any) -> String {
    if isBoolean(value), let flag = value as? Bool { return flag ? "true" : "false" }
    return "\(value)"
  }

  /// `true` or `false` (also 1/0, yes/no).
  package func bool(_ key: String) throws -> Bool? {
    guard let value = raw(key) else { return nil }
    if Self.isBoolean(value), let flag = value as? Bool { return flag }
    let text = "\(value)".trimmedOfSpaces.lowercased()
    switch text {
    case "true", "1", "yes": return true
    case "false", "0", "no": return false
    case _ where text == Strings.chinese["xlsx.true"]: return true
    case _ where text == Strings.chinese["xlsx.false"]: return false
    default:
      throw ColumnError(
        column: key, underlying: Refusal("import.error.not-bool", ["value": Self.written(value)]))
    }
  }

  /// An amount of money in any form `Money(parsing:)` takes.
  package func money(_ key: String) throws -> Money? {
    guard let text = try text(key) else { return nil }
    return try Parse.money(text, field: key)
  }

  /// A value of an enumeration, by its identifier.
  package func value<T: RawRepresentable & CaseIterable>(_ key: String, _ type: T.Type) throws -> T?
  where T.RawValue == String {
    guard let text = try text(key) else { return nil }
    let trimmed = text.trimmedOfSpaces
    guard let value = T(rawValue: trimmed) ?? Self.labelled(trimmed, key, type) else {
      throw ColumnError(
        column: key,
        underlying: Refusal(
          "import.error.not-one-of",
          ["value": trimmed, "values": T.allCases.map(\.rawValue).joined(separator: ", ")]))
    }
    return value
  }

  /// The value of an enumeration whose label (in Chinese or English) a `--lang zh` export, or
  /// an officer, wrote instead of its identifier: `政府机关` for `government`.
  private static func labelled<T: RawRepresentable & CaseIterable>(
    _ text: String, _ key: String, _ type: T.Type
  ) -> T? where T.RawValue == String {
    guard case .enumeration(let group) = Columns.definition(key).type else { return nil }
    return T.allCases.first { value in
      Language.allCases.contains { Localizer(language: $0).value(group, value.rawValue) == text }
    }
  }

  /// A day, `YYYY-MM-DD` (or as a spreadsheet writes it: `2026/11/1`, `2026年11月1日`).
  package func date(_ key: String) throws -> LocalDate? {
    guard let text = try text(key) else { return nil }
    guard let date = LocalDate(SpreadsheetDates.normalized(text)) else {
      throw ColumnError(column: key, underlying: Refusal("import.error.not-date", ["value": text]))
    }
    return date
  }

  /// A time: a day, or a timestamp with or without offset.
  package func time(_ key: String) throws -> TimeInput? {
    guard let text = try text(key) else { return nil }
    guard let input = TimeInput(SpreadsheetDates.normalized(text)) else {
      throw ColumnError(column: key, underlying: Refusal("import.error.not-time", ["value": text]))
    }
    return input
  }

  /// A list: a JSON array, or in CSV values separated by `;` or spaces.
  package func list(_ key: String) throws -> [String] {
    guard let value = raw(key) else { return [] }
    if let array = value as? [Any] {
      return try array.map { element in
        guard let text = element as? String else {
          throw ColumnError(column: key, underlying: Refusal("import.error.not-text"))
        }
        return text
      }
    }
    guard let text = value as? String else {
      throw ColumnError(column: key, underlying: Refusal("import.error.not-text"))
    }
    return text.split(whereSeparator: { $0 == ";" || $0.isWhitespace }).map(String.init)
  }

  /// A nested list of objects (a case's `history`), or nil.
  package func objects(_ key: String) throws -> [[String: Any]]? {
    guard let value = raw(key) else { return nil }
    guard let array = value as? [Any] else {
      throw ColumnError(column: key, underlying: Refusal("import.error.not-list"))
    }
    return try array.map { element in
      guard let object = element as? [String: Any] else {
        throw ColumnError(column: key, underlying: Refusal("import.error.not-object"))
      }
      return object
    }
  }

  /// Runs a parse of one column, naming the column in any error that does not name it itself.
  package func parse<T>(_ key: String, _ body: (String) throws -> T) throws -> T? {
    guard let text = try text(key) else { return nil }
    do {
      return try body(text)
    } catch let error as ColumnError {
      throw error
    } catch {
      throw ColumnError(column: key, underlying: error)
    }
  }

  /// True for JSON's `true` and `false`: Foundation hands them over as numbers whose type is
  /// `char`, while 0 and 1 would also pass `as? Bool`.
  package static func isBoolean(_ value: Any) -> Bool {
    guard let number = value as? NSNumber else { return false }
    return String(cString: number.objCType) == "c"
  }

  package static func isBlank(_ text: String) -> Bool {
    // Most values start with a character that is not a space: decided on the first byte.
    guard let first = text.utf8.first else { return true }
    if first > 0x20, first < 0x80 { return false }
    return text.allSatisfy(\.isWhitespace)
  }
}

extension String {
  /// The text without leading and trailing spaces and tabs (fast: no `NSString` round trip).
  package var trimmedOfSpaces: String { Text.trimmed(self, newlines: false) }
}
