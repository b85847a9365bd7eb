import Foundation
import Testing

/// `relief completion bash|zsh|fish` and what the scripts ask `relief` for: case ids, the events a
/// case allows now, and the states of a kind, from the database.
@Suite("Shell completion")
struct CompletionTests {
  /// Asks `relief` for completions as the generated scripts do: the command's path, the argument
  /// (`positional@0` or an option), then the index of the word being completed, the cursor's
  /// offset in it, and the shell words.
  static func complete(
    _ sandbox: Sandbox, _ command: [String], argument: String, words: [String]
  ) throws -> [String] {
    let current = words.count - 1
    let result = try sandbox.run(
      arguments: ["---completion"] + command + [
        "--", argument, String(current),
        String(words[current].count),
      ] + words)
    #expect(result.status == 0)
    #expect(result.stderr.isEmpty)
    return result.stdout.split(separator: "\n").map(String.init)
  }

  @Test("each shell's script is printed, naming the custom completions")
  func scripts() throws {
    let sandbox = try Sandbox()
    let bash = try sandbox.ok("completion", "bash")
    #expect(bash.contains("-F _relief relief"))
    #expect(bash.contains("---completion case act -- positional@0"))
    let zsh = try sandbox.ok("completion", "zsh")
    #expect(zsh.hasPrefix("#compdef relief"))
    let fish = try sandbox.ok("completion", "fish")
    #expect(fish.contains("complete -c 'relief'"))
    #expect(try sandbox.run("completion", "tcsh").status == 64)
  }

  @Test("case ids, then the events the case allows now, then the states of a kind")
  func fromTheDatabase() throws {
    let sandbox = try Sandbox.withFirm()
    try sandbox.ok(arguments: Sandbox.complaint())
    try sandbox.ok(arguments: Sandbox.complaint())
    try sandbox.ok("case", "act", "AR-2026-000002", "accept")
    let ids = try Self.complete(
      sandbox, ["case", "show"], argument: "positional@0", words: ["relief", "case", "show", "ar"])
    #expect(ids == ["AR-2026-000002", "AR-2026-000001"])
    #expect(
      try Self.complete(
        sandbox, ["case", "show"], argument: "positional@0",
        words: ["relief", "case", "show", "TR"]
      ).isEmpty)
    // After an id, the events its state allows (as `case show` lists them), then more ids.
    let next = try #require(
      try sandbox.run("case", "show", "AR-2026-000002", "--json").object()["nextEvents"]
        as? [String])
    let events = try Self.complete(
      sandbox, ["case", "act"], argument: "positional@0",
      words: ["relief", "case", "act", "AR-2026-000002", ""])
    #expect(events == next + ["AR-2026-000001"])
    #expect(events.contains("transfer") && !events.contains("accept"))
    // Two cases in different states: only the events both allow.
    let common = try Self.complete(
      sandbox, ["case", "act"], argument: "positional@0",
      words: ["relief", "case", "act", "AR-2026-000001", "AR-2026-000002", "w"])
    #expect(common == ["withdraw"])
    let states = try Self.complete(
      sandbox, ["case", "list"], argument: "--state",
      words: ["relief", "case", "list", "--kind", "whitelist", "--state", "re"])
    #expect(states == ["reviewing", "rejected", "removed"])
  }

  @Test("with no database, completion offers nothing and says nothing")
  func noDatabase() throws {
    let sandbox = try Sandbox(initialise: false)
    let ids = try Self.complete(
      sandbox, ["case", "show"], argument: "positional@0", words: ["relief", "case", "show", ""])
    #expect(ids.isEmpty)
    #expect(!FileManager.default.fileExists(atPath: sandbox.database))
  }
}
