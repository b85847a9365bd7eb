import Foundation
import Testing

@testable import ReliefCommands
@testable import ReliefDomain

/// What `relief workflow show` and Docs/cli.md promise about the command line, held against the
/// commands themselves.
@Suite("Command-line contract")
struct CommandLineContractTests {
  @Test("every input an event lists is an option of `case act`")
  func eventInputsAreOptions() {
    let help = Relief.CaseGroup.Act.helpMessage(columns: 200)
    var fields: Set<InputField> = []
    for kind in CaseKind.allCases {
      for transition in kind.workflow.transitions {
        for input in transition.inputs { fields.insert(input.field) }
      }
    }
    #expect(fields.contains(.assignee))
    for field in fields {
      #expect(help.contains("--\(field.rawValue) "), "case act has no --\(field.rawValue)")
    }
  }

  @Test("`case act ID assign --assignee` does what `case assign ID OFFICER` does")
  func assignThroughAct() throws {
    let sandbox = try Sandbox()
    try sandbox.ok(
      "case", "open", "whitelist", "--enterprise", Codes.nanshan, "--enterprise-name", "星河科技",
      "--region", "440305", "--category", "medical-supplies", "--chain", "pharmaceuticals")
    try sandbox.ok("case", "act", "WL-2026-000001", "assign", "--assignee", "zhang.min")
    let shown = try sandbox.run("case", "show", "WL-2026-000001", "--json").object()
    #expect(shown["assignee"] as? String == "zhang.min")
  }

  @Test("exit codes are those Docs/cli.md gives: 64 when the parser refuses, 1 when Relief does")
  func exitCodes() throws {
    let cli = try String(
      contentsOf: DocsTests.root.appendingPathComponent("Docs/cli.md"), encoding: .utf8)
    #expect(cli.contains("`--month 2026-13` exits 1"))
    #expect(cli.contains("`--kind nope` exits 64"))
    let sandbox = try Sandbox()
    let month = try sandbox.run("report", "monthly", "--month", "2026-13")
    #expect(month.status == 1)
    #expect(month.stderr.hasPrefix("error: "))
    let kind = try sandbox.run("case", "list", "--kind", "nope")
    #expect(kind.status == 64)
    #expect(try sandbox.run("case", "list", "--bogus").status == 64)
    #expect(try sandbox.run("case", "lits").status == 64)
  }
}
