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

/// A mistyped subcommand, kind, event or state gets "did you mean".
@Suite("Did you mean, end to end")
struct DidYouMeanTests {
  @Test("subcommands and kinds: the command line with the nearest word in its place")
  func subcommands() throws {
    let sandbox = try Sandbox()
    let cases = try sandbox.run("cas", "list")
    #expect(cases.status == 64)
    #expect(cases.stderr.contains("did you mean: relief case list"))
    let month = try sandbox.run("report", "montly", "--month", "2026-03")
    #expect(month.stderr.contains("did you mean: relief report monthly --month 2026-03"))
    let kind = try sandbox.run("case", "open", "arears")
    #expect(kind.stderr.contains("did you mean: relief case open arrears"))
    let chinese = try sandbox.run("--lang", "zh", "cas", "list")
    #expect(chinese.stderr.contains("是否要输入：relief --lang zh case list"))
    #expect(!(try sandbox.run("xyzzy").stderr.contains("did you mean")))
  }

  @Test("events and states: the nearest of the kind's own")
  func eventsAndStates() throws {
    let sandbox = try Sandbox()
    try sandbox.ok(
      "case", "open", "arrears", "--enterprise", Codes.nanshan, "--enterprise-name", "星河科技",
      "--region", "440305", "--debtor", "某区住房和建设局", "--debtor-type", "government",
      "--amount", "10万", "--payment-due", "2026-03-31")
    let event = try sandbox.run("case", "act", "AR-2026-000001", "acept")
    #expect(event.status == 1)
    #expect(event.stderr.contains("did you mean 'accept'?"))
    let state = try sandbox.run("case", "list", "--kind", "arrears", "--state", "acepted")
    #expect(state.status == 1)
    #expect(state.stderr.contains("did you mean 'accepted'?"))
  }
}
