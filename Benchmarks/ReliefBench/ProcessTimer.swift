import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// One run of a whole process: how long it took from spawning to reaping, its peak resident
/// memory, and what it printed.
public struct ProcessRun: Sendable {
  public var seconds: Double
  /// Peak resident set size, in KiB (`ru_maxrss`).
  public var peakKiB: Int
  public var status: Int32
  public var stdout: String
  public var stderr: String
}

/// Runs processes the way a shell would, timing them whole.
///
/// The peak memory of a child (`ru_maxrss`) counts the memory of the process that spawned it:
/// Linux records the old address space's high-water mark when a process calls `exec`, and a
/// spawned child starts from its parent's. The benchmark holds a province's enterprises, so it
/// never spawns a timed process itself: a small copy of `relief-bench` (`--spawn-measured`)
/// does, and reports the child's time and memory (as GNU time does).
public enum ProcessTimer {
  /// The argument that makes `relief-bench` spawn one process and report on it.
  public static let trampolineFlag = "--spawn-measured"

  /// Runs `executable` with `arguments` and `environment`, standard input from `input` (a file)
  /// or nothing, through `trampoline` (a `relief-bench` executable) when given, and waits for it.
  static func run(
    _ executable: String, _ arguments: [String], environment: [String: String],
    input: String? = nil, scratch: String, trampoline: String? = nil
  ) throws -> ProcessRun {
    let out = scratch + "/stdout.txt"
    let err = scratch + "/stderr.txt"
    guard let trampoline else {
      let measured = try spawn(
        executable, arguments, environment: environment, input: input, output: out, errors: err)
      return ProcessRun(
        seconds: measured.seconds, peakKiB: measured.peakKiB, status: measured.status,
        stdout: (try? String(contentsOfFile: out, encoding: .utf8)) ?? "",
        stderr: (try? String(contentsOfFile: err, encoding: .utf8)) ?? "")
    }
    let report = scratch + "/measured.txt"
    try? FileManager.default.removeItem(atPath: report)
    let outer = try spawn(
      trampoline, [trampolineFlag, report, executable] + arguments, environment: environment,
      input: input, output: out, errors: err)
    let fields = ((try? String(contentsOfFile: report, encoding: .utf8)) ?? "")
      .split(separator: " ").map(String.init)
    guard fields.count == 3, let seconds = Double(fields[0]), let peak = Int(fields[1]),
      let status = Int32(fields[2])
    else {
      throw BenchError.commandFailed(
        "\(trampoline) \(trampolineFlag)", status: outer.status,
        stderr: (try? String(contentsOfFile: err, encoding: .utf8)) ?? "")
    }
    return ProcessRun(
      seconds: seconds, peakKiB: peak, status: status,
      stdout: (try? String(contentsOfFile: out, encoding: .utf8)) ?? "",
      stderr: (try? String(contentsOfFile: err, encoding: .utf8)) ?? "")
  }

  /// `relief-bench --spawn-measured REPORT EXECUTABLE ARGUMENTS...`: runs the executable with
  /// this process's standard input, output, error and environment, then writes "seconds
  /// peak-KiB status" to REPORT and exits with the child's status.
  public static func trampoline(_ arguments: [String]) -> Never {
    guard arguments.count >= 2 else { exit(64) }
    let environment = ProcessInfo.processInfo.environment
    let measured: (seconds: Double, peakKiB: Int, status: Int32)
    do {
      measured = try spawn(
        arguments[1], Array(arguments.dropFirst(2)), environment: environment, input: nil,
        output: nil, errors: nil)
    } catch {
      exit(127)
    }
    let line = "\(measured.seconds) \(measured.peakKiB) \(measured.status)"
    _ = FileManager.default.createFile(atPath: arguments[0], contents: Data(line.utf8))
    exit(measured.status)
  }

  /// Spawns a process, with its standard streams from files (nil: this process's own), and
  /// reaps it: the time from spawning to reaping, its peak memory and its exit status.
  private static func spawn(
    _ executable: String, _ arguments: [String], environment: [String: String],
    input: String?, output: String?, errors: String?
  ) throws -> (seconds: Double, peakKiB: Int, status: Int32) {
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    if let input {
      posix_spawn_file_actions_addopen(&actions, 0, input, O_RDONLY, 0)
    }
    if let output {
      posix_spawn_file_actions_addopen(&actions, 1, output, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    }
    if let errors {
      posix_spawn_file_actions_addopen(&actions, 2, errors, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    }
    let argv = ([executable] + arguments).map { strdup($0) } + [nil]
    let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
    defer {
      for pointer in argv + envp { free(pointer) }
    }
    var pid: pid_t = 0
    var start = timespec()
    var end = timespec()
    clock_gettime(CLOCK_MONOTONIC, &start)
    let spawned = posix_spawn(&pid, executable, &actions, nil, argv, envp)
    guard spawned == 0 else { throw BenchError.toolMissing(executable) }
    var status: Int32 = 0
    var usage = rusage()
    while wait4(pid, &status, 0, &usage) < 0 {
      guard errno == EINTR else { break }
    }
    clock_gettime(CLOCK_MONOTONIC, &end)
    let seconds =
      Double(end.tv_sec - start.tv_sec) + Double(end.tv_nsec - start.tv_nsec) / 1_000_000_000
    let exit = (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
    return (seconds, Int(usage.ru_maxrss), exit)
  }

  /// The full path of a tool on `PATH`, or nil.
  public static func find(_ tool: String) -> String? {
    if tool.contains("/") { return FileManager.default.isExecutableFile(atPath: tool) ? tool : nil }
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
    for folder in path.split(separator: ":") {
      let candidate = "\(folder)/\(tool)"
      if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
    }
    return nil
  }
}
