import Foundation
import Testing

@testable import ReliefBench
@testable import ReliefStore

/// The benchmark at a thousand cases, so that it keeps building and working; no timing is
/// asserted (Benchmarks/README.md runs it at scale).
@Suite("Benchmark, small")
struct BenchmarkTests {
  /// The folder of the built executables: beside the test bundle.
  static func executable(_ name: String) throws -> String {
    let candidates = [
      URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent(),
      Bundle.main.bundleURL, Bundle.main.bundleURL.deletingLastPathComponent(),
    ]
    for folder in candidates {
      let url = folder.appendingPathComponent(name)
      if FileManager.default.isExecutableFile(atPath: url.path) { return url.path }
    }
    throw CocoaError(.fileNoSuchFile)
  }

  @Test("generates a data set, times every operation once, and its data passes db check and verify")
  func smallRun() throws {
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("relief-bench-\(UUID().uuidString)").path
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let relief = try Self.executable("relief")
    let options = BenchmarkOptions(
      scale: Scale(cases: 1000), folder: folder, relief: relief,
      sqlite3: ProcessTimer.find("sqlite3"), runs: 1, imports: true, sweep: false,
      trampoline: try Self.executable("relief-bench"))

    let generation = try #require(try Benchmark.prepare(options) { _ in })
    #expect(generation.cases == 1000)
    #expect(generation.enterprises == 200)
    #expect(generation.services == 5000)
    // Made once: a second preparation finds it.
    #expect(try Benchmark.prepare(options) { _ in } == nil)

    let result = try Benchmark.run(options, generation: generation) { _ in }
    #expect(result.counts.cases == 1000)
    #expect(result.counts.events > 3 * result.counts.cases)
    #expect(result.counts.services == 5000)
    #expect((500...20_000).contains(Int(result.bytesPerCase)))
    let names = result.measurements.map(\.name)
    for expected in ["case open", "case show", "case list --overdue", "report monthly", "search"] {
      #expect(names.contains { $0.hasPrefix(expected) }, "\(expected) was not timed")
    }
    #expect(names.filter { $0.hasPrefix("import ") }.count == 3)
    for measurement in result.measurements {
      #expect(measurement.seconds.count == 1)
      #expect(measurement.median > 0 && measurement.median < 60, "\(measurement.name)")
      #expect(measurement.peakKiB > 1024 && measurement.peakKiB < 4 << 20, "\(measurement.name)")
      if options.sqlite3 != nil {
        #expect((measurement.floorSeconds ?? 0) > 0, "\(measurement.name) has no floor")
      }
      if measurement.name.hasPrefix("import ") { #expect(measurement.rows == 1000) }
    }
    let markdown = result.markdown()
    #expect(markdown.contains("| case show ID | ≤ 20.0 ms |"))
    #expect(markdown.contains("| database size |"))

    // The loaded data (and what the timed commands added) is what Relief itself would write.
    for command in [["db", "check"], ["db", "verify"]] {
      let process = Process()
      process.executableURL = URL(fileURLWithPath: relief)
      process.arguments = ["--db", options.database] + command
      process.environment = ["RELIEF_NOW": Scale.nowText, "RELIEF_OFFICER": "bench", "LANG": "C"]
      process.standardOutput = FileHandle.nullDevice
      try process.run()
      process.waitUntilExit()
      #expect(process.terminationStatus == 0, "relief \(command.joined(separator: " ")) failed")
    }
  }
}
