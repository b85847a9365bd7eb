import Foundation
import ReliefDomain
import ReliefStore

/// How to run the benchmark.
public struct BenchmarkOptions: Sendable {
  /// The size of the data set.
  public var scale: Scale
  /// Where the database, the import files and scratch copies go.
  public var folder: String
  /// The `relief` executable timed.
  public var relief: String
  /// The `sqlite3` shell for the floors, if there is one.
  public var sqlite3: String?
  /// Timed runs of each operation (their median counts); imports run at most 3 times.
  public var runs: Int
  /// Time the imports too.
  public var imports: Bool
  /// Run the other commands once each, for their peak memory.
  public var sweep: Bool
  /// The `relief-bench` executable that spawns each timed process (`ProcessTimer`).
  public var trampoline: String

  /// Creates options.
  public init(
    scale: Scale, folder: String, relief: String, sqlite3: String?, runs: Int, imports: Bool,
    sweep: Bool, trampoline: String
  ) {
    self.trampoline = trampoline
    self.scale = scale
    self.folder = folder
    self.relief = relief
    self.sqlite3 = sqlite3
    self.runs = runs
    self.imports = imports
    self.sweep = sweep
  }

  /// The database of the scale, in the folder.
  public var database: String { "\(folder)/relief-\(scale.cases).sqlite" }
}

/// The timings of one operation.
public struct Measurement: Sendable {
  /// What was run.
  public var name: String
  /// What it must reach.
  public var target: Target
  /// Each timed run, in seconds.
  public var seconds: [Double]
  /// The highest peak resident memory of the runs, in KiB.
  public var peakKiB: Int
  /// The median of the `sqlite3` shell's runs of the same SQL, if measured.
  public var floorSeconds: Double?
  /// For an import: the records imported each run.
  public var rows: Int?

  /// The median run.
  public var median: Double { Self.median(of: seconds) }

  /// How many times the floor the median is.
  public var ratio: Double? { floorSeconds.map { median / $0 } }

  /// Whether the target is met, nil when there is none.
  public var isMet: Bool? {
    switch target {
    case .atMost(let limit): return median <= limit
    case .atLeast(let rate): return Double(rows ?? 0) / median >= rate
    case .none: return nil
    }
  }

  static func median(of values: [Double]) -> Double {
    let sorted = values.sorted()
    guard !sorted.isEmpty else { return 0 }
    let middle = sorted.count / 2
    return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
  }
}

/// What the benchmark found.
public struct BenchmarkResult: Sendable {
  /// The scale.
  public var scale: Scale
  /// Rows in the database when the timings began.
  public var counts: StoreCounts
  /// The database file's size, in bytes.
  public var databaseBytes: Int
  /// Bytes of each table and index (from SQLite's `dbstat`), largest first.
  public var objects: [(name: String, bytes: Int)]
  /// The generation, when this run made the data set.
  public var generation: GenerationSummary?
  /// The operations of Docs/performance.md.
  public var measurements: [Measurement]
  /// The other commands, run once each.
  public var sweep: [Measurement]
  /// The machine.
  public var machine: String

  /// The database's bytes per case.
  public var bytesPerCase: Double { Double(databaseBytes) / Double(max(1, counts.cases)) }

  /// The highest peak memory of any command run.
  public var peakKiB: Int { (measurements + sweep).map(\.peakKiB).max() ?? 0 }
}

/// Generates the data set of a scale when it is missing, then times every operation of
/// Docs/performance.md as a whole process, each beside the `sqlite3` shell running the same SQL.
public enum Benchmark {
  /// Makes the data set unless the folder holds it already; returns what was generated.
  public static func prepare(_ options: BenchmarkOptions, progress: (String) -> Void) throws
    -> GenerationSummary?
  {
    let marker = options.database + ".generated"
    if FileManager.default.fileExists(atPath: marker) { return nil }
    try FileManager.default.createDirectory(
      atPath: options.folder, withIntermediateDirectories: true)
    for suffix in ["", "-wal", "-shm"] {
      try? FileManager.default.removeItem(atPath: options.database + suffix)
    }
    let summary = try Generator.generate(options.scale, at: options.database, progress: progress)
    // Wait for the disk to take the data set: the kernel writing gigabytes of it back in the
    // background slowed the first timings after a generation by a quarter.
    progress("writing the data set to disk")
    sync()
    _ = FileManager.default.createFile(atPath: marker, contents: Data())
    return summary
  }

  /// Runs the timings on the prepared data set.
  public static func run(
    _ options: BenchmarkOptions, generation: GenerationSummary?, progress: (String) -> Void
  ) throws -> BenchmarkResult {
    let scratch = options.folder + "/scratch"
    try FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true)
    let store = try ReliefStore.open(at: options.database)
    let counts = try store.read { try $0.counts() }
    let caseID = try typicalCase(in: store)
    try store.close()
    let databaseBytes = fileSize(options.database) + fileSize(options.database + "-wal")
    var objects: [(String, Int)] = []
    if let sqlite3 = options.sqlite3 {
      let run = try ProcessTimer.run(
        sqlite3,
        [
          "-batch", "-separator", "\t", options.database,
          "SELECT name, sum(pgsize) FROM dbstat GROUP BY name ORDER BY 2 DESC",
        ], environment: [:], scratch: scratch)
      for line in run.stdout.split(separator: "\n") {
        let parts = line.split(separator: "\t")
        if parts.count == 2, let bytes = Int(parts[1]) { objects.append((String(parts[0]), bytes)) }
      }
    }
    let enterprise = Generator.enterprises(options.scale)[0].enterprise.uscc.rawValue
    var measurements: [Measurement] = []
    for operation in Operation.timed(
      caseID: caseID, enterprise: enterprise, imports: options.imports, scale: options.scale)
    {
      progress("timing \(operation.name)")
      measurements.append(try measure(operation, options: options, scratch: scratch))
    }
    var sweep: [Measurement] = []
    if options.sweep {
      for operation in Operation.sweep(month: Scale.reportMonth.description, scratch: scratch) {
        progress("running \(operation.name)")
        var once = options
        once.runs = 1
        once.sqlite3 = nil
        sweep.append(try measure(operation, options: once, scratch: scratch, warmUp: false))
      }
    }
    try? FileManager.default.removeItem(atPath: scratch)
    return BenchmarkResult(
      scale: options.scale, counts: counts, databaseBytes: databaseBytes, objects: objects,
      generation: generation, measurements: measurements, sweep: sweep,
      machine: machineDescription(sqlite3: options.sqlite3, scratch: options.folder))
  }

  /// An arrears complaint in the middle of 2025, with a history of several events.
  static func typicalCase(in store: ReliefStore) throws -> String {
    for number in [20_000, 2000, 200, 20, 2, 1] {
      let id = CaseID(kind: .arrears, year: 2025, number: number)
      if try store.read({ try $0.caseRecord(id) }) != nil { return id.description }
    }
    return CaseID(kind: .arrears, year: 2026, number: 1).description
  }

  private static func measure(
    _ operation: Operation, options: BenchmarkOptions, scratch: String, warmUp: Bool = true
  ) throws -> Measurement {
    var environment = [
      "RELIEF_DB": options.database, "RELIEF_NOW": Scale.nowText, "RELIEF_OFFICER": "bench",
      "LANG": "C", "HOME": scratch,
      "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
    ]
    var arguments = operation.arguments
    var database = options.database
    var runs = options.runs
    var importFile: String?
    if let importing = operation.importing {
      let file = try ImportFiles.write(importing.kind, scale: options.scale, folder: options.folder)
      importFile = file
      arguments.append(file)
      database = scratch + "/import.sqlite"
      environment["RELIEF_DB"] = database
      runs = min(runs, 3)
    }
    func fresh() throws {
      guard operation.importing != nil else { return }
      for suffix in ["", "-wal", "-shm"] {
        try? FileManager.default.removeItem(atPath: database + suffix)
      }
      try FileManager.default.copyItem(atPath: options.database, toPath: database)
    }
    func relief(_ extra: [String: String] = [:]) throws -> ProcessRun {
      let run = try ProcessTimer.run(
        options.relief, arguments, environment: environment.merging(extra) { $1 }, scratch: scratch,
        trampoline: options.trampoline)
      // `sla check` exits 3 when some deadline has passed: that is its answer, not a failure.
      guard run.status == 0 || (operation.arguments.first == "sla" && run.status == 3) else {
        throw BenchError.commandFailed(
          "relief " + arguments.joined(separator: " "), status: run.status, stderr: run.stderr)
      }
      return run
    }
    // The first run warms the caches; for a traced floor it records the SQL run.
    let trace = scratch + "/trace.sql"
    try? FileManager.default.removeItem(atPath: trace)
    if warmUp {
      try fresh()
      _ = try relief(options.sqlite3 != nil ? ["RELIEF_TRACE_SQL": trace] : [:])
    }
    var seconds: [Double] = []
    var peak = 0
    for _ in 0..<runs {
      try fresh()
      let run = try relief()
      seconds.append(run.seconds)
      peak = max(peak, run.peakKiB)
    }
    var floor: Double?
    if let sqlite3 = options.sqlite3 {
      let script: String
      switch operation.floor {
      case .traced: script = (try? String(contentsOfFile: trace, encoding: .utf8)) ?? ""
      case .script(let text): script = text
      case .importScript:
        script = ImportFiles.floorScript(
          operation.importing!.kind, file: importFile!, scratch: scratch)
      }
      let file = scratch + "/floor.sql"
      try (".bail on\n" + script + "\n").write(toFile: file, atomically: true, encoding: .utf8)
      var floorDatabase = database
      if case .script = operation.floor {
        floorDatabase = scratch + "/floor.sqlite"
        for suffix in ["", "-wal", "-shm"] {
          try? FileManager.default.removeItem(atPath: floorDatabase + suffix)
        }
        try FileManager.default.copyItem(atPath: options.database, toPath: floorDatabase)
      }
      defer {
        if floorDatabase != database {
          for suffix in ["", "-wal", "-shm"] {
            try? FileManager.default.removeItem(atPath: floorDatabase + suffix)
          }
        }
      }
      var floors: [Double] = []
      for index in 0..<(runs + 1) {
        try fresh()
        let run = try ProcessTimer.run(
          sqlite3, ["-batch", floorDatabase], environment: environment, input: file,
          scratch: scratch, trampoline: options.trampoline)
        guard run.status == 0, run.stderr.isEmpty else {
          throw BenchError.commandFailed(
            "sqlite3 (floor of \(operation.name))", status: run.status, stderr: run.stderr)
        }
        if index > 0 || operation.importing != nil { floors.append(run.seconds) }
      }
      floor = Measurement.median(of: floors)
    }
    if operation.importing != nil {
      for suffix in ["", "-wal", "-shm"] {
        try? FileManager.default.removeItem(atPath: database + suffix)
      }
    }
    return Measurement(
      name: operation.name, target: operation.target, seconds: seconds, peakKiB: peak,
      floorSeconds: floor, rows: operation.importing?.rows)
  }

  private static func fileSize(_ path: String) -> Int {
    ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber)?.intValue ?? 0
  }

  /// The processor, cores, memory and SQLite version.
  static func machineDescription(sqlite3: String?, scratch: String) -> String {
    let cpuinfo = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)) ?? ""
    let model =
      cpuinfo.split(separator: "\n").first { $0.hasPrefix("model name") }
      .map {
        $0.split(separator: ":", maxSplits: 1).last.map { $0.trimmingCharacters(in: .whitespaces) }
          ?? ""
      }
      ?? "unknown processor"
    let memory = ProcessInfo.processInfo.physicalMemory / 1_073_741_824
    var sqlite = "sqlite3 shell not found"
    if let sqlite3,
      let run = try? ProcessTimer.run(sqlite3, ["-version"], environment: [:], scratch: scratch)
    {
      sqlite = "SQLite " + (run.stdout.split(separator: " ").first.map(String.init) ?? "?")
    }
    return
      "\(model), \(ProcessInfo.processInfo.activeProcessorCount) cores, \(memory) GiB; \(sqlite)"
  }
}
