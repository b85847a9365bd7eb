/// A sum of amounts, held as an exact number of fen in 128 bits: a province's totals (a hundred
/// complaints at the largest amount accepted already pass what 64 bits hold) never overflow.
/// Shown like `Money`, as exact yuan: `1250000.00`, `1,250,000.00`.
public struct MoneyTotal: Hashable, Comparable, Sendable, CustomStringConvertible {
  /// The sum in fen.
  public let fen: Int128

  /// Nothing.
  public static let zero = MoneyTotal(fen: 0)

  /// Creates a total from fen.
  public init(fen: Int128) {
    self.fen = fen
  }

  /// The total of one amount.
  public init(_ money: Money) {
    self.fen = Int128(money.fen)
  }

  /// Yuan with exactly two decimals and no grouping: `1250000.00`, as in JSON and CSV.
  public var yuan: String {
    let (sign, whole, cents) = parts
    return sign + whole + "." + cents
  }

  /// Yuan grouped by thousands for people: `1,250,000.00`.
  public var grouped: String {
    let (sign, whole, cents) = parts
    var rest = Substring(whole)
    var groups: [Substring] = []
    while rest.count > 3 {
      groups.insert(rest.suffix(3), at: 0)
      rest = rest.dropLast(3)
    }
    groups.insert(rest, at: 0)
    return sign + groups.joined(separator: ",") + "." + cents
  }

  private var parts: (sign: String, whole: String, cents: String) {
    let magnitude = fen.magnitude
    let cents = magnitude % 100
    return (fen < 0 ? "-" : "", String(magnitude / 100), (cents < 10 ? "0" : "") + String(cents))
  }

  public var description: String { yuan }

  public static func < (lhs: MoneyTotal, rhs: MoneyTotal) -> Bool { lhs.fen < rhs.fen }

  public static func + (lhs: MoneyTotal, rhs: MoneyTotal) -> MoneyTotal {
    MoneyTotal(fen: lhs.fen + rhs.fen)
  }

  public static func - (lhs: MoneyTotal, rhs: MoneyTotal) -> MoneyTotal {
    MoneyTotal(fen: lhs.fen - rhs.fen)
  }

  public static func += (lhs: inout MoneyTotal, rhs: MoneyTotal) { lhs = lhs + rhs }

  public static func += (lhs: inout MoneyTotal, rhs: Money) { lhs = lhs + MoneyTotal(rhs) }
}
