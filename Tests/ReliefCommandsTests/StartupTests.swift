import ArgumentParser
import Testing

@testable import ReliefCommands

/// Start-up is most of a short command's time (Docs/performance.md: 20 ms for `case show`).
@Suite("Start-up")
struct StartupTests {
  /// Every command in the tree, depth first.
  static func commands(under root: any ParsableCommand.Type) -> [any ParsableCommand.Type] {
    [root] + root.configuration.subcommands.flatMap { commands(under: $0) }
  }

  @Test("every command names itself, so that parsing never derives a name from its type")
  func explicitNames() {
    // Without a name argument-parser calls String(describing:) on the type, and the first such
    // call in a process searches every protocol conformance of the binary: about 4 ms.
    let unnamed = Self.commands(under: Relief.self).filter { $0.configuration.commandName == nil }
    #expect(unnamed.map { "\($0)" } == [])
    #expect(Self.commands(under: Relief.self).count > 40)
  }
}
