/// An amount of renminbi, held as an exact number of fen (0.01 yuan). Never floating point.
public struct Money: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
  /// The amount in fen.
  public let fen: Int64

  /// Zero yuan.
  public static let zero = Money(fen: 0)

  /// The largest amount accepted: 10^15 yuan.
  public static let maximum = Money(fen: 100_000_000_000_000_000)

  /// Creates an amount from fen.
  public init(fen: Int64) {
    self.fen = fen
  }

  /// Creates an amount from whole yuan.
  public init(yuan: Int64) {
    self.fen = yuan * 100
  }

  /// Parses what an officer types: `1250000`, `1250000.5`, `1,250,000.50`, `125万`, `1.25亿`,
  /// with an optional `¥` before and `元` after (`125万元`).
  public init(parsing text: String) throws(MoneyError) {
    if let fen = Self.plainFen(text) {
      self.fen = fen
      return
    }
    var rest = Substring(Text.trimmed(text, newlines: false))
    if rest.first == "¥" || rest.first == "￥" { rest = rest.dropFirst() }
    if rest.last == "元" { rest = rest.dropLast() }
    var multiplierDigits = 0
    if rest.last == "万" {
      multiplierDigits = 4
      rest = rest.dropLast()
    } else if rest.last == "亿" {
      multiplierDigits = 8
      rest = rest.dropLast()
    }
    guard !rest.isEmpty else { throw .malformed(text) }
    if rest.first == "-" { throw .negative(text) }
    let parts = rest.split(separator: ".", omittingEmptySubsequences: false)
    guard parts.count <= 2, let whole = parts.first, !whole.isEmpty else {
      throw .malformed(text)
    }
    let fraction = parts.count == 2 ? parts[1] : ""
    if parts.count == 2, fraction.isEmpty { throw .malformed(text) }
    guard fraction.allSatisfy(\.isASCIIDigit) else { throw .malformed(text) }
    let wholeDigits = try Self.wholeDigits(whole, original: text)
    // Value = digits × 10^multiplier / 10^fractionCount yuan; in fen, × 100.
    let scale = multiplierDigits + 2 - fraction.count
    if scale < 0 {
      // Fine only if the dropped digits are zeros.
      let significant = fraction.dropLast(-scale)
      guard fraction.suffix(-scale).allSatisfy({ $0 == "0" }) else {
        throw .tooManyDecimals(text)
      }
      self = try Self.make(digits: wholeDigits + significant, scale: 0, original: text)
    } else {
      self = try Self.make(digits: wholeDigits + fraction, scale: scale, original: text)
    }
  }

  /// The fen of a plain amount, `1250000` or `1250000.5` (at most 15 digits, at most two
  /// decimals), read straight from its bytes: what imports and spreadsheets mostly hold. Nil
  /// for anything else, which the full parse handles.
  private static func plainFen(_ text: String) -> Int64? {
    var whole: Int64 = 0
    var wholeDigits = 0
    var fraction: Int64 = 0
    var fractionDigits = -1
    for byte in text.utf8 {
      if byte == UInt8(ascii: "."), fractionDigits < 0 {
        fractionDigits = 0
      } else if byte >= 48, byte <= 57 {
        if fractionDigits < 0 {
          wholeDigits += 1
          guard wholeDigits <= 15 else { return nil }
          whole = whole * 10 + Int64(byte - 48)
        } else {
          fractionDigits += 1
          guard fractionDigits <= 2 else { return nil }
          fraction = fraction * 10 + Int64(byte - 48)
        }
      } else {
        return nil
      }
    }
    guard (1...15).contains(wholeDigits), fractionDigits == -1 || (1...2).contains(fractionDigits)
    else { return nil }
    return whole * 100 + (fractionDigits == 1 ? fraction * 10 : fraction)
  }

  private static func wholeDigits(_ whole: Substring, original: String) throws(MoneyError)
    -> Substring
  {
    guard whole.contains(",") else {
      guard whole.allSatisfy(\.isASCIIDigit) else { throw .malformed(original) }
      return whole
    }
    let groups = whole.split(separator: ",", omittingEmptySubsequences: false)
    guard let head = groups.first, (1...3).contains(head.count),
      groups.dropFirst().allSatisfy({ $0.count == 3 }),
      groups.allSatisfy({ $0.allSatisfy(\.isASCIIDigit) })
    else { throw .malformed(original) }
    return Substring(groups.joined())
  }

  private static func make(digits: Substring, scale: Int, original: String) throws(MoneyError)
    -> Money
  {
    let trimmed = digits.drop(while: { $0 == "0" })
    guard trimmed.count + scale <= 18 else { throw .tooLarge(original) }
    var value: Int64 = 0
    for character in trimmed {
      value = value * 10 + Int64(character.asciiValue! - 48)
    }
    for _ in 0..<scale { value *= 10 }
    guard value <= maximum.fen else { throw .tooLarge(original) }
    return Money(fen: value)
  }

  /// Yuan with exactly two decimals and no grouping: `1250000.00`, as in JSON and CSV.
  public var yuan: String {
    let sign = fen < 0 ? "-" : ""
    let magnitude = fen.magnitude
    let cents = magnitude % 100
    return sign + String(magnitude / 100) + "." + (cents < 10 ? "0" : "") + String(cents)
  }

  /// Yuan grouped by thousands for people: `1,250,000.00`.
  public var grouped: String {
    let sign = fen < 0 ? "-" : ""
    let magnitude = fen.magnitude
    let cents = magnitude % 100
    var whole = String(magnitude / 100)
    var groups: [Substring] = []
    while whole.count > 3 {
      groups.insert(Substring(whole.suffix(3)), at: 0)
      whole.removeLast(3)
    }
    groups.insert(Substring(whole), at: 0)
    return sign + groups.joined(separator: ",") + "." + (cents < 10 ? "0" : "") + String(cents)
  }

  public var description: String { yuan }

  public static func < (lhs: Money, rhs: Money) -> Bool { lhs.fen < rhs.fen }

  public static func + (lhs: Money, rhs: Money) -> Money { Money(fen: lhs.fen + rhs.fen) }

  public static func - (lhs: Money, rhs: Money) -> Money { Money(fen: lhs.fen - rhs.fen) }

  public static func += (lhs: inout Money, rhs: Money) { lhs = lhs + rhs }

  public init(from decoder: any Decoder) throws {
    fen = try decoder.singleValueContainer().decode(Int64.self)
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(fen)
  }
}

/// Why an amount was refused.
public enum MoneyError: Error, Equatable, Sendable {
  /// Not a number in any accepted form.
  case malformed(String)
  /// Below zero.
  case negative(String)
  /// More than two decimal places of yuan.
  case tooManyDecimals(String)
  /// Above 10^15 yuan.
  case tooLarge(String)
}

extension Character {
  var isASCIIDigit: Bool { asciiValue.map { $0 >= 48 && $0 <= 57 } ?? false }
}
