import ReliefDomain

/// Turns option text into domain values with the command line's own error messages
/// (exit 1, worded from the tables), rather than argument-parser's usage errors.
package enum Parse {
  package static func uscc(_ text: String, allowBadChecksum: Bool = false) throws -> USCC {
    do {
      return try USCC(parsing: text, allowBadChecksum: allowBadChecksum)
    } catch {
      throw DomainError.uscc(error)
    }
  }

  package static func money(_ text: String, field: String = "amount") throws -> Money {
    do {
      return try Money(parsing: text)
    } catch {
      throw DomainError.money(error, field: field)
    }
  }

  package static func region(_ text: String) throws -> RegionCode {
    do {
      return try RegionCode(parsing: text)
    } catch {
      throw DomainError.region(error)
    }
  }

  /// A province: two digits (`44`) or a 6-digit code whose province is taken.
  package static func province(_ text: String) throws -> RegionCode {
    let trimmed = text.trimmedOfSpaces
    return try region(trimmed.count == 2 ? trimmed + "0000" : trimmed)
  }

  package static func regionPrefix(_ text: String) throws -> RegionPrefix {
    do {
      return try RegionPrefix(parsing: text)
    } catch {
      throw DomainError.region(error)
    }
  }

  package static func date(_ text: String, field: String) throws -> LocalDate {
    guard let date = LocalDate(text.trimmedOfSpaces) else {
      throw Refusal("error.bad-date", ["field": "--" + field, "value": text])
    }
    return date
  }

  package static func month(_ text: String, field: String = "month") throws -> YearMonth {
    guard let month = YearMonth(text.trimmingCharacters(in: .whitespaces)) else {
      throw Refusal("error.bad-month", ["field": "--" + field, "value": text])
    }
    return month
  }

  package static func time(_ text: String, field: String = "at") throws -> TimeInput {
    guard let input = TimeInput(text) else {
      throw Refusal("error.bad-time", ["field": "--" + field, "value": text])
    }
    return input
  }

  package static func month(_ text: String) throws -> YearMonth {
    guard let month = YearMonth(text.trimmingCharacters(in: .whitespaces)) else {
      throw Refusal("error.bad-month", ["value": text])
    }
    return month
  }

  package static func caseID(_ text: String) throws -> CaseID {
    guard let id = CaseID(text) else { throw Refusal("error.bad-case-id", ["value": text]) }
    return id
  }

  package static func rate(_ text: String) throws -> Rate {
    guard let rate = Rate(parsing: text) else { throw Refusal("error.bad-rate", ["value": text]) }
    return rate
  }

  package static func limit(_ value: Int) throws -> Int {
    guard value >= 0 else { throw Refusal("error.bad-limit") }
    return value
  }
}
