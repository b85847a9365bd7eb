import Foundation
import Testing

@testable import ReliefCommands
@testable import ReliefDomain

@Suite("Docs")
struct DocsTests {
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()

  @Test("Docs/workflows.md holds the diagrams the definitions generate today")
  func workflowDiagrams() throws {
    let document = try String(
      contentsOf: Self.root.appendingPathComponent("Docs/workflows.md"), encoding: .utf8)
    for kind in CaseKind.allCases {
      let diagram = WorkflowRendering.mermaid(kind.workflow)
      #expect(
        document.contains("```mermaid\n" + diagram + "\n```"),
        "Docs/workflows.md is stale for \(kind.rawValue): run Docs/generate-workflows.sh")
    }
  }

  @Test("the README's Quick start is the two commands of a fresh machine")
  func quickStart() throws {
    let readme = try String(
      contentsOf: Self.root.appendingPathComponent("README.md"), encoding: .utf8)
    #expect(readme.contains("swift run relief demo"))
    #expect(readme.contains("swift test"))
    let ci = try String(contentsOf: Self.root.appendingPathComponent(".ci/run"), encoding: .utf8)
    #expect(ci.contains("set -euo pipefail"))
    #expect(ci.contains("swift test"))
  }
}
