/// A Unified Social Credit Code (GB 32100-2015): the 18-character identity of an enterprise.
public struct USCC: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
  /// The 18 characters, upper-case.
  public let rawValue: String

  /// The 31 characters a code may use, in value order 0...30 (no I, O, S, V, Z).
  public static let alphabet: [Character] = Array("0123456789ABCDEFGHJKLMNPQRTUWXY")

  /// Weights of characters 1...17 for the check character: 3^(i-1) mod 31.
  static let weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]

  /// Weights of characters 9...16 for the organization code's check character (GB 11714).
  static let organizationWeights = [3, 7, 9, 10, 5, 8, 4, 2]

  private static let values: [Character: Int] = Dictionary(
    uniqueKeysWithValues: alphabet.enumerated().map { ($1, $0) })

  /// A code known to be well formed, without re-checking it (values read back from the database).
  public init(trusted rawValue: String) {
    self.rawValue = rawValue
  }

  /// Parses a code: trims, upper-cases, and checks length, alphabet and both check characters.
  /// With `allowBadChecksum`, a failed check character is accepted and reported by
  /// `checksumProblem(of:)` instead.
  public init(parsing text: String, allowBadChecksum: Bool = false) throws(USCCError) {
    let code = Text.trimmed(text, newlines: false).uppercased()
    guard !code.isEmpty else { throw .empty }
    if let valid = Self.checkedQuickly(code), valid || allowBadChecksum {
      self.rawValue = code
      return
    }
    let characters = Array(code)
    guard characters.count == 18 else { throw .wrongLength(code, characters.count) }
    for (index, character) in characters.enumerated() where Self.values[character] == nil {
      throw .forbiddenCharacter(code, character, position: index + 1)
    }
    if !allowBadChecksum, let problem = Self.checksumProblem(of: characters) {
      throw problem
    }
    self.rawValue = code
  }

  /// The value of each ASCII byte in the alphabet, or -1.
  private static let byteValues: [Int8] = {
    var table = [Int8](repeating: -1, count: 128)
    for (value, character) in alphabet.enumerated() {
      table[Int(character.asciiValue!)] = Int8(value)
    }
    return table
  }()

  /// For 18 characters of the alphabet: whether both check characters are right, computed on
  /// bytes (an import checks hundreds of thousands of codes). Nil for anything else, which the
  /// full parse then words precisely.
  private static func checkedQuickly(_ code: String) -> Bool? {
    var values: [Int] = []
    values.reserveCapacity(18)
    for byte in code.utf8 {
      guard byte < 128, values.count < 18 else { return nil }
      let value = byteValues[Int(byte)]
      guard value >= 0 else { return nil }
      values.append(Int(value))
    }
    guard values.count == 18 else { return nil }
    var organizationSum = 0
    for (index, weight) in organizationWeights.enumerated() {
      // GB 11714 counts letters A=10 ... Z=35, not by their place in the USCC alphabet.
      let byte = code.utf8[code.utf8.index(code.utf8.startIndex, offsetBy: 8 + index)]
      let face = byte <= UInt8(ascii: "9") ? Int(byte) - 48 : Int(byte) - 55
      organizationSum += face * weight
    }
    let organizationCheck: Int
    switch 11 - organizationSum % 11 {
    case 10: organizationCheck = Int(UInt8(ascii: "X"))
    case 11: organizationCheck = Int(UInt8(ascii: "0"))
    case let digit: organizationCheck = 48 + digit
    }
    let character17 = Int(code.utf8[code.utf8.index(code.utf8.startIndex, offsetBy: 16)])
    guard character17 == organizationCheck else { return false }
    var sum = 0
    for index in 0..<17 { sum += values[index] * weights[index] }
    return values[17] == (31 - sum % 31) % 31
  }

  /// The check-character error of a well-formed code, or nil when both check characters are right.
  public static func checksumProblem(of code: USCC) -> USCCError? {
    if checkedQuickly(code.rawValue) == true { return nil }
    return checksumProblem(of: Array(code.rawValue))
  }

  static func checksumProblem(of characters: [Character]) -> USCCError? {
    let code = String(characters)
    let organizationCheck = organizationCheckCharacter(for: Array(characters[8..<16]))
    if characters[16] != organizationCheck {
      return .badOrganizationCheck(code, expected: organizationCheck, found: characters[16])
    }
    let check = checkCharacter(for: Array(characters[0..<17]))
    if characters[17] != check {
      return .badCheckCharacter(code, expected: check, found: characters[17])
    }
    return nil
  }

  /// The 18th character for the first 17: `31 - (Σ value × weight mod 31)`, 31 becoming 0.
  public static func checkCharacter(for first17: [Character]) -> Character {
    precondition(first17.count == 17)
    var sum = 0
    for (character, weight) in zip(first17, weights) {
      sum += (values[character] ?? 0) * weight
    }
    let value = (31 - sum % 31) % 31
    return alphabet[value]
  }

  /// The organization code's check character for its 8 body characters (GB 11714):
  /// `11 - (Σ value × weight mod 11)`, 10 being `X` and 11 being `0`; letters count A=10 ... Z=35.
  public static func organizationCheckCharacter(for body: [Character]) -> Character {
    precondition(body.count == 8)
    var sum = 0
    for (character, weight) in zip(body, organizationWeights) {
      let value: Int
      if let digit = character.wholeNumberValue, character.isASCII {
        value = digit
      } else {
        value = Int(character.asciiValue ?? 65) - 55
      }
      sum += value * weight
    }
    switch 11 - sum % 11 {
    case 10: return "X"
    case 11: return "0"
    case let digit: return Character(String(digit))
    }
  }

  /// The 6-digit administrative division code embedded in characters 3...8.
  public var regionDigits: String { String(rawValue.dropFirst(2).prefix(6)) }

  public var description: String { rawValue }

  public static func < (lhs: USCC, rhs: USCC) -> Bool { lhs.rawValue < rhs.rawValue }

  public init(from decoder: any Decoder) throws {
    rawValue = try decoder.singleValueContainer().decode(String.self)
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(rawValue)
  }
}

/// Why a Unified Social Credit Code was refused.
public enum USCCError: Error, Equatable, Sendable {
  /// Nothing was given.
  case empty
  /// Not 18 characters.
  case wrongLength(String, Int)
  /// A character outside `0-9 A-H J-N P-R T U W-Y`.
  case forbiddenCharacter(String, Character, position: Int)
  /// Character 18 does not match characters 1...17.
  case badCheckCharacter(String, expected: Character, found: Character)
  /// Character 17 does not match the organization code in characters 9...16.
  case badOrganizationCheck(String, expected: Character, found: Character)

  /// True for the two check-character errors that `--allow-bad-checksum` lets through.
  public var isChecksumError: Bool {
    switch self {
    case .badCheckCharacter, .badOrganizationCheck: return true
    default: return false
    }
  }
}
