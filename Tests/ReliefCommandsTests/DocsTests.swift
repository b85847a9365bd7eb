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

  /// The README, the benchmark's README and every document in Docs/.
  static func documents() throws -> [String] {
    var documents = ["README.md", "Benchmarks/README.md"]
    let docs = root.appendingPathComponent("Docs")
    for name in try FileManager.default.contentsOfDirectory(atPath: docs.path)
    where name.hasSuffix(".md") {
      documents.append("Docs/" + name)
    }
    return documents
  }

  @Test("the documents stand on their own: none sends the reader to a file outside the repository")
  func selfStanding() throws {
    let documents = try Self.documents()
    for document in documents {
      let text = try String(
        contentsOf: Self.root.appendingPathComponent(document), encoding: .utf8)
      #expect(!text.contains("PRODUCT.md"), "\(document) cites PRODUCT.md, which is not shipped")
    }
  }

  @Test("every link between the documents points to a file that exists")
  func links() throws {
    let documents = try Self.documents()
    var checked = 0
    for document in documents {
      let url = Self.root.appendingPathComponent(document)
      let text = try String(contentsOf: url, encoding: .utf8)
      // Markdown links `](target)` that are not web addresses or anchors.
      var rest = Substring(text)
      while let start = rest.range(of: "](") {
        rest = rest[start.upperBound...]
        guard let end = rest.firstIndex(of: ")") else { break }
        let link = String(rest[..<end])
        rest = rest[end...]
        if link.hasPrefix("#") || link.contains("://") || link.hasPrefix("mailto:") { continue }
        let target = String(link.prefix { $0 != "#" })
        let linked = url.deletingLastPathComponent().appendingPathComponent(target).standardized
        #expect(
          FileManager.default.fileExists(atPath: linked.path), "\(document) links to \(target)")
        checked += 1
      }
    }
    #expect(checked > 10)
  }
}
