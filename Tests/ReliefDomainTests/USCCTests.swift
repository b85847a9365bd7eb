import Testing

@testable import ReliefDomain

@Suite("Unified Social Credit Code")
struct USCCTests {
  @Test(
    "valid codes pass both check characters",
    arguments: [
      "91310110666007217T", "91350200MA31E12PXF", "91350503MA31DKY80A",
      // Computed by an independent implementation: check 0, organization checks X and 0.
      "91440305MA1010QW10", "91440305MA1005QWX3", "91440305MA1009QW06",
    ])
  func valid(code: String) throws {
    let uscc = try USCC(parsing: code)
    #expect(uscc.rawValue == code)
    #expect(USCC.checksumProblem(of: uscc) == nil)
  }

  @Test("input is trimmed and upper-cased")
  func normalised() throws {
    #expect(try USCC(parsing: "  91350200ma31e12pxf ").rawValue == "91350200MA31E12PXF")
  }

  @Test("the 18th character follows the weights 3^(i-1) mod 31")
  func checkCharacter() {
    #expect(USCC.checkCharacter(for: Array("91310110666007217")) == "T")
    #expect(USCC.checkCharacter(for: Array("91440305MA1010QW1")) == "0")
    #expect(USCC.organizationCheckCharacter(for: Array("MA31E12P")) == "X")
    #expect(USCC.organizationCheckCharacter(for: Array("66600721")) == "7")
  }

  @Test(
    "wrong lengths are refused",
    arguments: ["9131011066600721", "91310110666007217", "91310110666007217TX", "1"])
  func wrongLength(code: String) {
    #expect(throws: USCCError.wrongLength(code, code.count)) { try USCC(parsing: code) }
  }

  @Test("an empty code is refused")
  func empty() {
    #expect(throws: USCCError.empty) { try USCC(parsing: "   ") }
  }

  @Test(
    "forbidden letters are refused with their position", arguments: ["I", "O", "S", "V", "Z", "-"])
  func forbidden(letter: String) {
    let code = "9131011066600721" + letter + "T"
    #expect(throws: USCCError.forbiddenCharacter(code, Character(letter), position: 17)) {
      try USCC(parsing: code)
    }
  }

  @Test("a wrong 18th character is refused, naming the right one")
  func wrongCheck() {
    #expect(
      throws: USCCError.badCheckCharacter("91310110666007217U", expected: "T", found: "U")
    ) { try USCC(parsing: "91310110666007217U") }
  }

  @Test("a wrong organization check character is refused")
  func wrongOrganizationCheck() {
    #expect(
      throws: USCCError.badOrganizationCheck("91310110666007218T", expected: "7", found: "8")
    ) { try USCC(parsing: "91310110666007218T") }
  }

  @Test("--allow-bad-checksum lets a failed check through and the problem stays visible")
  func allowBadChecksum() throws {
    let code = try USCC(parsing: "91310110666007217U", allowBadChecksum: true)
    #expect(USCC.checksumProblem(of: code)?.isChecksumError == true)
    #expect(throws: USCCError.self) {
      try USCC(parsing: "9131011066600721", allowBadChecksum: true)
    }
  }
}
