import Foundation
import Testing

@testable import ReliefDomain

/// The byte-level fast paths imports rely on must agree with the full parses they shortcut.
@Suite("Fast paths agree with the full parses")
struct FastPathTests {
  @Test("Text.trimmed trims what Foundation trims, and nothing else")
  func trimming() {
    let samples = [
      "", " ", "abc", "  abc  ", "\tabc\n", "\u{3000}深圳\u{3000}", "\u{00A0}x\u{00A0}",
      "\r\n星河科技\r\n", "a b", " \u{2028}x\u{2029} ", "\u{85}x\u{85}", "\u{200B}x\u{200B}",
      "\u{FEFF}x", "x\u{1680}", "é ", " \u{301}x",
    ]
    for sample in samples {
      #expect(
        Text.trimmed(sample) == sample.trimmingCharacters(in: .whitespacesAndNewlines),
        "\(sample.unicodeScalars.map { String($0.value, radix: 16) })")
      #expect(
        Text.trimmed(sample, newlines: false) == sample.trimmingCharacters(in: .whitespaces),
        "\(sample.unicodeScalars.map { String($0.value, radix: 16) })")
    }
  }

  @Test("the quick USCC check accepts exactly the codes whose check characters are right")
  func uscc() throws {
    var generator = SystemRandomNumberGenerator()
    var accepted = 0
    for _ in 0..<5000 {
      var body = Array("91440305")
      for _ in 0..<8 { body.append(USCC.alphabet.randomElement(using: &generator)!) }
      // Half the codes get a right organization check, so that both checks are exercised.
      let organization =
        Bool.random(using: &generator)
        ? USCC.organizationCheckCharacter(for: Array(body[8..<16]))
        : USCC.alphabet.randomElement(using: &generator)!
      let first17 = body + [organization]
      let last =
        Bool.random(using: &generator)
        ? USCC.checkCharacter(for: first17) : USCC.alphabet.randomElement(using: &generator)!
      let code = String(first17 + [last])
      let slow = USCC.checksumProblem(of: Array(code))
      let parsed = try? USCC(parsing: code)
      #expect((parsed != nil) == (slow == nil), "\(code)")
      if parsed != nil { accepted += 1 }
      #expect(try USCC(parsing: code.lowercased(), allowBadChecksum: true).rawValue == code)
    }
    #expect(accepted > 100)
  }

  @Test(
    "plain amounts read from bytes give the full parse's fen",
    arguments: [
      ("0", 0), ("7", 700), ("007", 700), ("1250000", 125_000_000), ("1250000.5", 125_000_050),
      ("1250000.50", 125_000_050), ("0.01", 1), ("999999999999999", 99_999_999_999_999_900),
      ("1.500", 150), ("1,250,000.50", 125_000_050), ("125万", 125_000_000),
      (" 12 ", 1200),
    ] as [(String, Int64)])
  func money(text: String, fen: Int64) throws {
    #expect(try Money(parsing: text).fen == fen)
  }

  @Test(
    "malformed or oversized amounts are still refused",
    arguments: ["", ".", "1.", ".5", "1.2.3", "1.005", "12a", "-1", "1e5", "1000000000000000.01"]
  )
  func moneyRefused(text: String) {
    #expect(throws: MoneyError.self) { try Money(parsing: text) }
  }
}
