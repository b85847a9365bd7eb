import Foundation
import GRDB
import Testing

/// What a run of the built `relief` printed and how it exited.
struct RunResult {
  var status: Int32
  var stdout: String
  var stderr: String

  /// The standard output parsed as JSON.
  func json() throws -> Any {
    try JSONSerialization.jsonObject(with: Data(stdout.utf8))
  }

  /// The standard output parsed as a JSON object.
  func object() throws -> [String: Any] {
    try #require(try json() as? [String: Any], "not a JSON object: \(stdout)")
  }
}

/// A temporary folder with a database, where the built `relief` runs with a fixed clock.
final class Sandbox {
  let folder: URL
  var environment: [String: String]

  /// The database path inside the folder.
  var database: String { folder.appendingPathComponent("relief.sqlite").path }

  init(now: String = "2026-04-28T09:30:00+08:00", initialise: Bool = true) throws {
    folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "relief-test-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    environment = [
      "RELIEF_NOW": now, "RELIEF_OFFICER": "tester", "HOME": folder.path, "LANG": "C",
      "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
    ]
    environment["RELIEF_DB"] = database
    if initialise {
      let result = try run("init")
      precondition(result.status == 0, "relief init failed: \(result.stderr)")
    }
  }

  deinit {
    try? FileManager.default.removeItem(at: folder)
  }

  /// Runs `relief` with the arguments and waits for it.
  @discardableResult
  func run(_ arguments: String..., environment extra: [String: String] = [:]) throws -> RunResult {
    try run(arguments: arguments, environment: extra)
  }

  func run(arguments: [String], environment extra: [String: String] = [:]) throws -> RunResult {
    try Sandbox.execute(
      try Sandbox.binary(), arguments: arguments,
      environment: environment.merging(extra) { _, new in new }, in: folder)
  }

  /// Runs a program in a folder and waits for it, collecting what it printed.
  static func execute(
    _ program: URL, arguments: [String], environment: [String: String], in folder: URL
  ) throws -> RunResult {
    let process = Process()
    process.executableURL = program
    process.arguments = arguments
    process.environment = environment
    process.currentDirectoryURL = folder
    let output = Pipe()
    let errors = Pipe()
    process.standardOutput = output
    process.standardError = errors
    try process.run()
    let outData = output.fileHandleForReading.readDataToEndOfFile()
    let errData = errors.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return RunResult(
      status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
      stderr: String(decoding: errData, as: UTF8.self))
  }

  /// Runs `relief`, expecting success, and returns its standard output.
  @discardableResult
  func ok(_ arguments: String..., sourceLocation: SourceLocation = #_sourceLocation) throws
    -> String
  {
    try ok(arguments: arguments, sourceLocation: sourceLocation)
  }

  /// Runs `relief` with an argument list, expecting success.
  @discardableResult
  func ok(arguments: [String], sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
    let result = try run(arguments: arguments)
    #expect(
      result.status == 0, "relief \(arguments.joined(separator: " ")) failed: \(result.stderr)",
      sourceLocation: sourceLocation)
    return result.stdout
  }

  /// Every row of every table, to show that a command changed nothing.
  func snapshot() throws -> String {
    try Sandbox.dump(database)
  }

  static func dump(_ path: String) throws -> String {
    var configuration = Configuration()
    configuration.readonly = true
    let queue = try DatabaseQueue(path: path, configuration: configuration)
    return try queue.read { db in
      var lines: [String] = []
      let tables = try String.fetchAll(
        db,
        sql:
          "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"
      )
      for table in tables {
        lines.append("table \(table)")
        // GRDB's `grdb_migrations` has a single column.
        let order = try db.columns(in: table).count > 1 ? "1, 2" : "1"
        for row in try Row.fetchAll(db, sql: "SELECT * FROM \"\(table)\" ORDER BY \(order)") {
          lines.append(row.description)
        }
      }
      lines.append("user_version \(try Int.fetchOne(db, sql: "PRAGMA user_version") ?? -1)")
      return lines.joined(separator: "\n")
    }
  }

  /// The built `relief` beside the test bundle.
  static func binary() throws -> URL {
    let candidates = [
      URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent(),
      Bundle.main.bundleURL, Bundle.main.bundleURL.deletingLastPathComponent(),
    ]
    for folder in candidates {
      let url = folder.appendingPathComponent("relief")
      if FileManager.default.isExecutableFile(atPath: url.path) { return url }
    }
    throw CocoaError(.fileNoSuchFile)
  }
}

extension Sandbox {
  /// A sandbox with 深圳市星河科技有限公司 (`Codes.nanshan`, 440305) registered; `now` nil runs
  /// on the real clock.
  static func withFirm(now: String? = "2026-04-28T09:30:00+08:00") throws -> Sandbox {
    let sandbox = try Sandbox()
    sandbox.environment["RELIEF_NOW"] = now
    try sandbox.ok(
      "enterprise", "add", "--uscc", Codes.nanshan, "--name", "深圳市星河科技有限公司", "--region", "440305")
    return sandbox
  }

  /// The arguments of `case open arrears` for a complaint against 深圳市某局, due 2026-03-31
  /// (or `due`: a complaint opened earlier needs an earlier due date, the scope of intake).
  static func complaint(
    _ firm: String = Codes.nanshan, amount: String = "5000", due: String = "2026-03-31"
  ) -> [String] {
    [
      "case", "open", "arrears", "--enterprise", firm, "--debtor", "深圳市某局", "--debtor-type",
      "government", "--amount", amount, "--payment-due", due,
    ]
  }
}

/// Valid enterprise codes for tests (checked by an independent implementation).
enum Codes {
  /// 深圳市南山区 (440305).
  static let nanshan = "91440305MA5FXHGE2A"
  /// 深圳市南山区 (440305), a second firm.
  static let nanshan2 = "91440305MA5FTK8N19"
  /// 深圳市福田区 (440304).
  static let futian = "91440304MA5G2K3L7P"
  /// 广州市天河区 (440106).
  static let tianhe = "91440106MA9W7B4C43"
  /// 杭州市西湖区 (330106).
  static let xihu = "91330106MA2H8U1D4U"
  /// Valid codes often quoted as examples of GB 32100-2015.
  static let examples = ["91310110666007217T", "91350200MA31E12PXF", "91350503MA31DKY80A"]
}
