import ArgumentParser
import Foundation
import ReliefBench

/// `relief-bench`: the province-scale benchmark of Docs/performance.md (see Benchmarks/README.md).
struct ReliefBenchCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "relief-bench",
    abstract:
      "Generate a province-scale data set and time every operation of Docs/performance.md.",
    discussion: """
      The data set is made once per scale in the folder (it takes minutes at 1,000,000 cases) and
      kept for later runs; delete the folder to make it again.
      """)

  @Option(help: "Cases in the data set; enterprises are a fifth, services five times as many.")
  var cases = 1_000_000

  @Option(help: "Where the data set, the import files and scratch copies go.")
  var folder = "/tmp/relief-bench"

  @Option(help: "Timed runs of each operation; the median counts.")
  var runs = 7

  @Option(help: "The relief executable timed (default: the one beside relief-bench).")
  var relief: String?

  @Option(help: "The sqlite3 shell for the floors (default: sqlite3 on PATH).")
  var sqlite3 = "sqlite3"

  @Flag(help: "Leave out the imports.")
  var noImports = false

  @Flag(help: "Also run the other commands once each, for their peak memory.")
  var sweep = false

  @Option(help: "Also write the results as Markdown to this file.")
  var output: String?

  func run() throws {
    let own = (Bundle.main.executableURL ?? URL(fileURLWithPath: CommandLine.arguments[0]))
      .resolvingSymlinksInPath()
    let beside = own.deletingLastPathComponent().appendingPathComponent("relief").path
    let options = BenchmarkOptions(
      scale: Scale(cases: cases), folder: folder, relief: relief ?? beside,
      sqlite3: ProcessTimer.find(sqlite3),
      runs: runs, imports: !noImports, sweep: sweep, trampoline: own.path)
    let log = { (message: String) in
      FileHandle.standardError.write(Data("[\(Self.clock())] \(message)\n".utf8))
    }
    let generation = try Benchmark.prepare(options, progress: log)
    let result = try Benchmark.run(options, generation: generation, progress: log)
    let text = result.markdown()
    print(text, terminator: "")
    if let output { try text.write(toFile: output, atomically: true, encoding: .utf8) }
  }

  private static func clock() -> String {
    let seconds = Int(Date().timeIntervalSince1970) % 86_400
    return String(format: "%02d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60)
  }
}

if CommandLine.arguments.dropFirst().first == ProcessTimer.trampolineFlag {
  ProcessTimer.trampoline(Array(CommandLine.arguments.dropFirst(2)))
}
ReliefBenchCommand.main()
