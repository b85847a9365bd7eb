import Foundation
import Testing

/// The README's walkthrough is a promise to a new officer: every command in it runs, in order, and
/// prints what its comments show.
@Suite("README walkthrough")
struct ReadmeWalkthroughTests {
  /// One step of the walkthrough: a command, or an `export` of the environment.
  enum Step {
    case command(arguments: [String], expected: [String], line: Int)
    case export(name: String, value: String)
  }

  /// The steps of the `sh` blocks between `## Walkthrough` and the next section.
  static func steps(of readme: String) throws -> [Step] {
    let lines = readme.components(separatedBy: "\n")
    let start = try #require(lines.firstIndex { $0.hasPrefix("## Walkthrough") })
    let end = lines[(start + 1)...].firstIndex { $0.hasPrefix("## ") } ?? lines.count
    var steps: [Step] = []
    var inBlock = false
    var index = start
    while index < end {
      let line = lines[index]
      index += 1
      if line.hasPrefix("```") {
        inBlock = line == "```sh" && !inBlock
        continue
      }
      guard inBlock else { continue }
      if line.hasPrefix("export ") {
        let assignment = line.dropFirst("export ".count).split(separator: "=", maxSplits: 1)
        steps.append(.export(name: String(assignment[0]), value: String(assignment[1])))
      } else if line.hasPrefix("relief ") {
        let number = index
        var text = line
        while text.hasSuffix("\\"), index < end {
          text = String(text.dropLast()) + " " + lines[index]
          index += 1
        }
        // A comment after the command (two spaces or more, then `#`) explains it.
        if let comment = text.range(of: #"\s{2,}#"#, options: .regularExpression) {
          text = String(text[..<comment.lowerBound])
        }
        #expect(
          !text.contains("\"") && !text.contains("'"),
          "README line \(number): keep walkthrough commands free of quotes")
        let words = text.split(whereSeparator: \.isWhitespace).map(String.init)
        var expected: [String] = []
        while index < end, lines[index].hasPrefix("#") {
          expected.append(lines[index].dropFirst().trimmingCharacters(in: .whitespaces))
          index += 1
        }
        steps.append(
          .command(arguments: Array(words.dropFirst()), expected: expected, line: number))
      }
    }
    return steps
  }

  @Test("every command of the README walkthrough runs and prints what it shows")
  func walkthrough() throws {
    let readme = try String(
      contentsOf: DocsTests.root.appendingPathComponent("README.md"), encoding: .utf8)
    let steps = try Self.steps(of: readme)
    let sandbox = try Sandbox(initialise: false)
    // The walkthrough uses the default database under the officer's home folder.
    sandbox.environment["RELIEF_DB"] = nil
    var commands = 0
    for step in steps {
      switch step {
      case .export(let name, let value):
        sandbox.environment[name] = value
      case .command(let arguments, let expected, let line):
        commands += 1
        let result = try sandbox.run(arguments: arguments)
        // `sla check` exits 3 when a case is red, as the walkthrough says.
        let allowed: Set<Int32> = arguments.starts(with: ["sla", "check"]) ? [0, 3] : [0]
        #expect(
          allowed.contains(result.status),
          "README line \(line): relief \(arguments.joined(separator: " ")) exited \(result.status): \(result.stderr)"
        )
        for text in expected {
          #expect(
            result.stdout.contains(text),
            "README line \(line): expected “\(text)” in:\n\(result.stdout)")
        }
      }
    }
    #expect(commands >= 15, "the walkthrough lost its commands")
    let defaultDatabase = sandbox.folder.appendingPathComponent(".local/share/relief/relief.sqlite")
    #expect(FileManager.default.fileExists(atPath: defaultDatabase.path))
  }
}
