import Foundation
import Testing

/// Outputs (Docs/reliability.md): `--output` and `db backup` never write onto the database, a
/// link, a device or a FIFO; a write error (a full disk, a full or closed standard output) is a
/// clear `error:` with exit 1 that leaves the old file and no temporary; an empty file becomes a
/// database only at `relief init`. Run through the built `relief`.
@Suite("Outputs are safe, end to end", .serialized)
struct OutputSafetyTests {
  static let hasFullDevice = FileManager.default.fileExists(atPath: "/dev/full")

  /// A database with an enterprise (with a contact and a phone) and a case.
  func sandboxWithCase() throws -> Sandbox {
    let sandbox = try Sandbox()
    try sandbox.ok(arguments: [
      "enterprise", "add", "--uscc", Codes.nanshan, "--name", "深圳市星河科技有限公司",
      "--region", "440305", "--contact", "王经理", "--phone", "13800138000",
    ])
    try sandbox.ok(arguments: [
      "case", "open", "arrears", "--enterprise", Codes.nanshan, "--debtor", "深圳市某局",
      "--debtor-type", "government", "--amount", "5000", "--payment-due", "2026-03-31",
    ])
    return sandbox
  }

  /// Expects a clean refusal: exit 1 (not a signal), one `error: ` line on standard error, no
  /// stack trace, nothing on standard output.
  func expectRefused(
    _ result: RunResult, containing text: String, _ what: String,
    sourceLocation: SourceLocation = #_sourceLocation
  ) {
    #expect(result.status == 1, "\(what): exit \(result.status)", sourceLocation: sourceLocation)
    #expect(
      result.stderr.hasPrefix("error: ") && result.stderr.contains(text),
      "\(what): \(result.stderr)", sourceLocation: sourceLocation)
    #expect(
      result.stderr.split(separator: "\n").count == 1, "\(what): \(result.stderr)",
      sourceLocation: sourceLocation)
    #expect(result.stdout.isEmpty, "\(what): \(result.stdout)", sourceLocation: sourceLocation)
  }

  /// The names in a folder, hidden ones included.
  func names(in folder: String) throws -> Set<String> {
    Set(try FileManager.default.contentsOfDirectory(atPath: folder))
  }

  /// The hidden temporaries of Relief's naming in a folder.
  func temporaries(in folder: String) throws -> [String] {
    try names(in: folder).filter { $0.contains(".partial") || $0.contains(".building-") }.sorted()
  }

  func fileType(_ path: String) -> mode_t? {
    var status = stat()
    return lstat(path, &status) == 0 ? status.st_mode & S_IFMT : nil
  }

  @Test("--output and db backup refuse the database and its files, by any name, and leave it whole")
  func outputIsNeverTheDatabase() throws {
    let sandbox = try sandboxWithCase()
    let folder = sandbox.folder.path
    let database = sandbox.database
    let before = try sandbox.snapshot()
    try FileManager.default.createDirectory(
      atPath: folder + "/sub", withIntermediateDirectories: true)
    #expect(link(database, folder + "/hard.sqlite") == 0)
    let names = [
      "relief.sqlite", "./sub/../relief.sqlite", "\(database)", "hard.sqlite", "relief.sqlite-wal",
      "relief.sqlite-shm", "relief.sqlite-journal", "sub/../relief.sqlite-journal",
    ]
    let listing = try self.names(in: folder)
    for name in names {
      for arguments in [
        ["export", "enterprises", "--output", name],
        ["export", "cases", "--format", "json", "--output", name],
        ["report", "monthly", "--format", "html", "--output", name],
        ["db", "backup", name, "--force"],
      ] {
        let result = try sandbox.run(arguments: ["--db", database] + arguments)
        expectRefused(result, containing: "database itself", arguments.joined(separator: " "))
      }
    }
    #expect(try sandbox.snapshot() == before)
    #expect(try self.names(in: folder) == listing, "a file was created or removed")
    #expect(try sandbox.run("db", "check").status == 0)
  }

  @Test("--output and db backup never replace a symbolic link, FIFO, device or folder")
  func outputNeverReplacesSpecialFiles() throws {
    let sandbox = try sandboxWithCase()
    let folder = sandbox.folder.path
    let kept = folder + "/kept.csv"
    try Data("kept\n".utf8).write(to: URL(fileURLWithPath: kept))
    #expect(symlink(kept, folder + "/link.csv") == 0)
    #expect(symlink(folder + "/missing.csv", folder + "/dangling.csv") == 0)
    #expect(mkfifo(folder + "/fifo.csv", 0o644) == 0)
    try FileManager.default.createDirectory(
      atPath: folder + "/folder.csv", withIntermediateDirectories: true)
    // A character device like /dev/null, made in the sandbox (root may; otherwise left out).
    var special: [(String, mode_t, String)] = [
      ("link.csv", S_IFLNK, "symbolic link"), ("dangling.csv", S_IFLNK, "symbolic link"),
      ("fifo.csv", S_IFIFO, "FIFO"), ("folder.csv", S_IFDIR, "folder"),
    ]
    #if os(Linux)
      if mknod(folder + "/device.csv", S_IFCHR | 0o666, dev_t(1 << 8 | 3)) == 0 {
        special.append(("device.csv", S_IFCHR, "device"))
      }
    #endif
    for (name, type, word) in special {
      for arguments in [
        ["export", "enterprises", "--output", name],
        ["report", "monthly", "--format", "csv", "--output", name],
        ["db", "backup", name, "--force"],
      ] {
        let result = try sandbox.run(arguments: arguments)
        expectRefused(result, containing: word, arguments.joined(separator: " "))
        #expect(fileType(folder + "/" + name) == type, "\(name) was replaced")
      }
    }
    #expect(try String(contentsOfFile: kept, encoding: .utf8) == "kept\n")
    #expect(!FileManager.default.fileExists(atPath: folder + "/missing.csv"))
    #expect(try temporaries(in: folder).isEmpty)
    // A regular file is replaced as before, readable by its owner only.
    try sandbox.ok("export", "enterprises", "--output", "kept.csv")
    #expect(try String(contentsOfFile: kept, encoding: .utf8).contains(Codes.nanshan))
  }

  /// Runs `relief` with standard output on the given file (such as /dev/full).
  func run(
    _ sandbox: Sandbox, stdout path: String, _ arguments: [String],
    environment: [String: String] = [:]
  ) throws -> RunResult {
    let process = Process()
    process.executableURL = try Sandbox.binary()
    process.arguments = arguments
    process.environment = sandbox.environment.merging(environment) { $1 }
    process.currentDirectoryURL = sandbox.folder
    let output = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
    let errors = Pipe()
    process.standardOutput = output
    process.standardError = errors
    try process.run()
    let errData = errors.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    try output.close()
    #expect(process.terminationReason == .exit, "relief \(arguments) died of a signal")
    return RunResult(
      status: process.terminationStatus, stdout: "",
      stderr: String(decoding: errData, as: UTF8.self))
  }

  @Test(
    "a full standard output is an error, exit 1, not a crash or a silent success",
    .enabled(if: hasFullDevice))
  func fullStandardOutputIsAnError() throws {
    let sandbox = try sandboxWithCase()
    let before = try sandbox.snapshot()
    let commands: [[String]] = [
      ["export", "enterprises"], ["export", "cases", "--format", "json"], ["export", "events"],
      ["case", "list"], ["case", "list", "--json"], ["case", "show", "AR-2026-000001"],
      ["search", "星河科技"], ["enterprise", "list"], ["report", "monthly", "--month", "2026-03"],
      ["workflow", "show", "arrears"], ["db", "verify"], ["--help"], ["case", "list", "--help"],
    ]
    for arguments in commands {
      let result = try run(sandbox, stdout: "/dev/full", arguments)
      expectRefused(
        result, containing: "cannot write to standard output: No space left on device",
        arguments.joined(separator: " "))
    }
    // `sla check` finding red cases exits 3, but not when what it found could not be shown.
    let later = ["RELIEF_NOW": "2026-12-31T10:00:00+08:00"]
    #expect(try sandbox.run(arguments: ["sla", "check"], environment: later).status == 3)
    let red = try run(sandbox, stdout: "/dev/full", ["sla", "check"], environment: later)
    expectRefused(red, containing: "cannot write to standard output", "sla check")
    let chinese = try run(sandbox, stdout: "/dev/full", ["case", "list", "--lang", "zh"])
    expectRefused(chinese, containing: "无法写入标准输出：磁盘空间不足", "case list --lang zh")
    // Standard error on the full device loses the message, but the command neither crashes nor
    // pretends: a refusal still exits 1.
    let process = Process()
    process.executableURL = try Sandbox.binary()
    process.arguments = ["case", "show", "AR-2026-999999"]
    process.environment = sandbox.environment
    process.standardOutput = FileHandle.nullDevice
    process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: "/dev/full"))
    try process.run()
    process.waitUntilExit()
    #expect(process.terminationReason == .exit)
    #expect(process.terminationStatus == 1)
    #expect(try sandbox.snapshot() == before)
  }

  @Test("a closed standard output is an error too")
  func closedStandardOutputIsAnError() throws {
    let sandbox = try sandboxWithCase()
    for arguments in [
      "case list", "export enterprises", "search 星河科技", "enterprise show \(Codes.nanshan)",
    ] {
      let result = try sandbox.run(
        arguments: ["-c", "exec \"$RELIEF\" \(arguments) >&-"], through: "/bin/sh")
      expectRefused(result, containing: "cannot write to standard output", arguments)
    }
    // The database was not written through the closed descriptor.
    #expect(try sandbox.run("db", "check").status == 0)
  }

  @Test("a full file system: a clear error, the old file unchanged, no temporary left")
  func fullFileSystemLeavesOldFile() throws {
    let sandbox = try Sandbox(initialise: false)
    try sandbox.ok("demo")
    let database = sandbox.folder.appendingPathComponent("relief-demo.sqlite").path
    let full = try FullFolder(in: sandbox)
    defer { full.unmount() }
    let old = Array("old\n".utf8)
    for name in ["events.csv", "cases.json", "m.html", "backup.sqlite"] {
      try Data(old).write(to: URL(fileURLWithPath: full.path + "/" + name))
    }
    try full.fill()
    var commands: [[String]] = [
      ["export", "events", "--output", full.path + "/events.csv"],
      ["export", "cases", "--output", full.path + "/cases.json"],
      ["db", "backup", full.path + "/backup.sqlite", "--force"],
    ]
    // A file-size limit stops only outputs larger than it; the report is smaller.
    if full.isFileSystem {
      commands.append(
        ["report", "monthly", "--format", "html", "--output", full.path + "/m.html"])
    }
    let listing = try names(in: full.path)
    for arguments in commands {
      let result = try sandbox.run(
        arguments: full.wrap(["--db", database] + arguments), through: full.runner)
      expectRefused(
        result, containing: "cannot write \(full.path)/", arguments.joined(separator: " "))
      // SQLite words a write beyond the size limit as an I/O error, without the system's reason.
      let reason = !full.isFileSystem && arguments[0] == "db" ? "Input/output error" : full.reason
      #expect(result.stderr.contains(reason), "\(result.stderr)")
      #expect(!result.stderr.contains("not an error"))
    }
    for name in ["events.csv", "cases.json", "m.html", "backup.sqlite"] {
      #expect(try Array(Data(contentsOf: URL(fileURLWithPath: full.path + "/" + name))) == old)
    }
    #expect(try names(in: full.path) == listing, "a temporary was left behind")
  }

  @Test("a later run removes the temporaries a killed writer left, and only those")
  func staleTemporariesAreRemoved() throws {
    let sandbox = try sandboxWithCase()
    let folder = sandbox.folder.path
    // A process id that no longer runs: a child that has exited and been waited for.
    let gone = Process()
    gone.executableURL = URL(fileURLWithPath: "/bin/sh")
    gone.arguments = ["-c", "exit 0"]
    try gone.run()
    gone.waitUntilExit()
    let dead = gone.processIdentifier
    let alive = getpid()
    let stale = [
      ".out.csv.relief-\(dead)-1a2b3c.partial", ".backup.sqlite.relief-\(dead)-ff.partial",
      ".backup.sqlite.relief-\(dead)-ff.partial-journal", ".m.html.relief-\(dead)-0.partial",
    ]
    let kept = [
      ".out.csv.relief-\(alive)-1a2b3c.partial", ".out.csv.ABCDEF.partial", "notes.partial",
      "out.csv.relief-\(dead)-1.partial.txt",
    ]
    for name in stale + kept {
      try Data("联系人 王经理 13800138000\n".utf8).write(to: URL(fileURLWithPath: folder + "/" + name))
    }
    try sandbox.ok("export", "enterprises", "--output", "out.csv")
    let left = try names(in: folder)
    for name in stale { #expect(!left.contains(name), "\(name) was left") }
    for name in kept { #expect(left.contains(name), "\(name) was removed") }
    // The same for a report and a backup.
    for name in stale { try Data().write(to: URL(fileURLWithPath: folder + "/" + name)) }
    try sandbox.ok("report", "monthly", "--format", "html", "--output", "m.html")
    #expect(try names(in: folder).isDisjoint(with: stale))
    for name in stale { try Data().write(to: URL(fileURLWithPath: folder + "/" + name)) }
    try sandbox.ok("db", "backup", "backup.sqlite")
    #expect(try names(in: folder).isDisjoint(with: stale))
  }

  @Test("a demo killed while building leaves its file, which the next demo removes")
  func killedDemoIsCleanedUp() throws {
    let sandbox = try Sandbox(now: "2026-11-29T10:00:00+08:00", initialise: false)
    let folder = sandbox.folder.path
    let process = Process()
    process.executableURL = try Sandbox.binary()
    process.arguments = ["demo", "--enterprises", "4000"]
    process.environment = sandbox.environment
    process.currentDirectoryURL = sandbox.folder
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    // Killed while building (a machine that finishes first leaves nothing to clean).
    var building: [String] = []
    for _ in 0..<100 where building.isEmpty {
      usleep(20_000)
      building = try temporaries(in: folder)
    }
    usleep(300_000)
    kill(process.processIdentifier, SIGKILL)
    process.waitUntilExit()
    if process.terminationReason == .uncaughtSignal {
      #expect(try temporaries(in: folder).contains { $0.hasPrefix("relief-demo.sqlite.building-") })
    }
    try sandbox.ok("demo")
    #expect(try temporaries(in: folder).isEmpty)
    #expect(try names(in: folder).contains("relief-demo.sqlite"))
  }

  @Test("an empty file is not a database: refused by every command but init, which makes it 0600")
  func emptyFileIsNotADatabase() throws {
    let sandbox = try Sandbox(initialise: false)
    let path = sandbox.database
    #expect(FileManager.default.createFile(atPath: path, contents: nil))
    #expect(chmod(path, 0o644) == 0)
    func unchanged(sourceLocation: SourceLocation = #_sourceLocation) throws {
      let attributes = try FileManager.default.attributesOfItem(atPath: path)
      #expect(attributes[.size] as? Int == 0, sourceLocation: sourceLocation)
      #expect(attributes[.posixPermissions] as? Int == 0o644, sourceLocation: sourceLocation)
    }
    for arguments in [
      ["case", "list"], ["enterprise", "list", "--json"], ["db", "check"], ["export", "cases"],
      ["enterprise", "add", "--uscc", Codes.nanshan, "--name", "星河", "--region", "440305"],
    ] {
      let result = try sandbox.run(arguments: arguments)
      expectRefused(result, containing: "empty file", arguments.joined(separator: " "))
      try unchanged()
    }
    let demo = try sandbox.run("demo", "--db", path)
    #expect(demo.status == 1)
    #expect(demo.stderr.hasPrefix("error: "))
    try unchanged()
    #expect(try names(in: sandbox.folder.path) == ["relief.sqlite"])
    try sandbox.ok("init")
    let attributes = try FileManager.default.attributesOfItem(atPath: path)
    #expect(attributes[.posixPermissions] as? Int == 0o600)
    #expect(try sandbox.ok("case", "list", "--json").contains("\"items\""))
    #expect(try sandbox.run("db", "check").status == 0)
  }
}

extension Sandbox {
  /// Runs a program other than `relief` (a shell) with `RELIEF` naming the built binary.
  func run(arguments: [String], through program: String) throws -> RunResult {
    try Sandbox.execute(
      URL(fileURLWithPath: program), arguments: arguments,
      environment: environment.merging(["RELIEF": try Sandbox.binary().path]) { $1 }, in: folder)
  }
}

/// A folder where writes fail for want of space. Preferably a 64 KiB tmpfs mounted in the sandbox
/// and filled up (root in CI may mount), giving "No space left on device"; where mounting is not
/// permitted (or `RELIEF_TEST_NO_MOUNT` is set), a plain folder, with `relief` run under a file
/// size limit (`ulimit -f`, SIGXFSZ ignored), giving "File too large" to outputs above 64 KiB.
final class FullFolder {
  let path: String
  let isFileSystem: Bool
  private var mounted: Bool

  init(in sandbox: Sandbox) throws {
    path = sandbox.folder.appendingPathComponent("full").path
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    if ProcessInfo.processInfo.environment["RELIEF_TEST_NO_MOUNT"] == nil {
      #if os(Linux)
        mounted = mount("tmpfs", path, "tmpfs", 0, "size=64k") == 0
      #else
        mounted = false
      #endif
    } else {
      mounted = false
    }
    isFileSystem = mounted
  }

  deinit { unmount() }

  /// The words of the error expected.
  var reason: String { isFileSystem ? "No space left on device" : "File too large" }

  /// The program that runs `relief`: the shell, which sets the limit when there is no tmpfs.
  var runner: String { "/bin/sh" }

  /// The shell's arguments to run `relief` with these arguments.
  func wrap(_ arguments: [String]) -> [String] {
    let limit = isFileSystem ? "" : "trap '' XFSZ; ulimit -f 128; "
    return ["-c", limit + "exec \"$RELIEF\" \"$@\"", "relief"] + arguments
  }

  /// Fills the tmpfs to the last byte (nothing to do under a size limit).
  func fill() throws {
    guard isFileSystem else { return }
    let descriptor = open(path + "/filler", O_CREAT | O_WRONLY, 0o644)
    #expect(descriptor >= 0)
    defer { close(descriptor) }
    let block = [UInt8](repeating: 0, count: 4096)
    while block.withUnsafeBytes({ write(descriptor, $0.baseAddress!, $0.count) }) > 0 {}
    let single: [UInt8] = [0]
    while single.withUnsafeBytes({ write(descriptor, $0.baseAddress!, 1) }) > 0 {}
  }

  /// Unmounts the tmpfs (lazily, so that nothing is left mounted even while a file is open).
  func unmount() {
    #if os(Linux)
      if mounted { umount2(path, Int32(MNT_DETACH)) }
    #endif
    mounted = false
  }
}
