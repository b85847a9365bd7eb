import Foundation
import GRDB
import Testing

/// Officers writing at once, the name events are recorded under, and databases the officer may
/// only read (Docs/reliability.md).
@Suite("Writer safety, end to end", .serialized)
struct WriterSafetyTests {
  /// The history of a case as `case show --json` gives it.
  func history(_ sandbox: Sandbox, _ id: String) throws -> [[String: Any]] {
    let shown = try sandbox.run("case", "show", id, "--json").object()
    return try #require(shown["history"] as? [[String: Any]])
  }

  // MARK: - Concurrent writers

  @Test(
    "8 officers × 25 notes, payments and supervisions on one case with the real clock: all succeed, in order"
  )
  func concurrentWritersOnOneCase() throws {
    // The real clock: with a fixed RELIEF_NOW every event has the same time and the race that
    // made an event "earlier than the previous one" cannot show.
    let sandbox = try Sandbox.withFirm(now: nil)
    let id = try sandbox.ok(arguments: Sandbox.complaint(amount: "1000000")).trimmingCharacters(
      in: .whitespacesAndNewlines)
    try sandbox.ok("case", "act", id, "accept")
    try sandbox.ok("case", "act", id, "transfer", "--to", "区工业和信息化局")
    let before = try history(sandbox, id).count
    let binary = try Sandbox.binary().path
    var runs: [(Process, URL)] = []
    for writer in 0..<8 {
      var commands: [String] = []
      for step in 0..<25 {
        switch (writer + step) % 3 {
        case 0: commands.append("\"$RELIEF\" case note \(id) '第\(writer)-\(step)次回访'")
        case 1: commands.append("\"$RELIEF\" case act \(id) pay --amount 1")
        default: commands.append("\"$RELIEF\" case supervise \(id) --reason '督办\(writer)-\(step)'")
        }
      }
      // Every command runs; a failure is counted, not the end of the loop.
      let script =
        "failed=0\n"
        + commands.map { "\($0) >/dev/null || failed=$((failed + 1))" }
        .joined(separator: "\n") + "\nexit $failed\n"
      let errors = sandbox.folder.appendingPathComponent("writer-\(writer).err")
      _ = FileManager.default.createFile(atPath: errors.path, contents: nil)
      let process = Process()
      process.executableURL = URL(fileURLWithPath: "/bin/sh")
      process.arguments = ["-c", script]
      process.environment = sandbox.environment.merging(["RELIEF": binary]) { $1 }
      process.currentDirectoryURL = sandbox.folder
      process.standardOutput = FileHandle.nullDevice
      process.standardError = try FileHandle(forWritingTo: errors)
      runs.append((process, errors))
    }
    for (process, _) in runs { try process.run() }
    for (process, errors) in runs {
      process.waitUntilExit()
      let messages = try String(contentsOf: errors, encoding: .utf8)
      #expect(process.terminationStatus == 0, "\(process.terminationStatus) failed: \(messages)")
      #expect(!messages.contains("error:"), "\(messages)")
    }
    let events = try history(sandbox, id)
    #expect(events.count == before + 200)
    #expect(events.compactMap { $0["seq"] as? Int } == Array(1...events.count))
    let parser = ISO8601DateFormatter()
    let times = events.compactMap { ($0["at"] as? String).flatMap(parser.date(from:)) }
    #expect(times.count == events.count)
    #expect(zip(times, times.dropFirst()).allSatisfy { $0 <= $1 }, "events out of order")
    let payments = events.filter { $0["event"] as? String == "pay" }.count
    let shown = try sandbox.run("case", "show", id, "--json").object()
    let details = try #require(shown["details"] as? [String: Any])
    #expect(details["amountRecovered"] as? String == "\(payments).00")
    #expect(try sandbox.run("db", "check").status == 0)
    #expect(try sandbox.run("db", "verify").status == 0)
  }

  @Test("--at is held to the time taken inside the transaction, as before")
  func atStillRefusedInTheFuture() throws {
    let sandbox = try Sandbox.withFirm()
    let id = try sandbox.ok(arguments: Sandbox.complaint(amount: "1000000")).trimmingCharacters(
      in: .whitespacesAndNewlines)
    let before = try sandbox.snapshot()
    let future = try sandbox.run("case", "note", id, "回访", "--at", "2026-04-28T09:31")
    #expect(future.status == 1)
    #expect(future.stderr.hasPrefix("error: "), "\(future.stderr)")
    #expect(try sandbox.snapshot() == before)
    try sandbox.ok("case", "note", id, "回访", "--at", "2026-04-28T09:30")
  }

  // MARK: - The officer's name

  @Test("an invalid --officer is refused, never replaced by RELIEF_OFFICER or the login name")
  func invalidOfficerOptionRefused() throws {
    let sandbox = try Sandbox.withFirm()
    let id = try sandbox.ok(arguments: Sandbox.complaint(amount: "1000000")).trimmingCharacters(
      in: .whitespacesAndNewlines)
    let before = try sandbox.snapshot()
    let tooLong = String(repeating: "李", count: 61)
    for name in ["bob\u{07}", "", "   ", "li\u{1B}[31mwei", tooLong] {
      for arguments in [
        ["case", "note", id, "回访", "--officer", name],
        ["case", "act", id, "accept", "--officer", name],
        Sandbox.complaint(amount: "1000000") + ["--officer", name],
      ] {
        let result = try sandbox.run(arguments: arguments)
        #expect(result.status == 1, "\(arguments) was accepted")
        #expect(result.stderr.hasPrefix("error: --officer "), "\(result.stderr)")
        #expect(!result.stderr.contains("tester"))
      }
    }
    #expect(try sandbox.snapshot() == before)
    // The longest name allowed, and a name with spaces around it, are recorded as given.
    let longest = String(repeating: "李", count: 60)
    try sandbox.ok("case", "note", id, "回访", "--officer", longest)
    try sandbox.ok("case", "note", id, "回访", "--officer", "  wang.fang ")
    let officers = try history(sandbox, id).compactMap { $0["officer"] as? String }
    #expect(officers.suffix(2) == [longest, "wang.fang"])
  }

  @Test("an invalid RELIEF_OFFICER is refused; only an absent one falls through to the login name")
  func invalidOfficerEnvironmentRefused() throws {
    let sandbox = try Sandbox.withFirm()
    let id = try sandbox.ok(arguments: Sandbox.complaint(amount: "1000000")).trimmingCharacters(
      in: .whitespacesAndNewlines)
    sandbox.environment["USER"] = "li.wei"
    sandbox.environment["LOGNAME"] = "li.wei"
    let before = try sandbox.snapshot()
    for value in ["bob\u{07}", "   ", String(repeating: "x", count: 61)] {
      let result = try sandbox.run(
        "case", "note", id, "回访", environment: ["RELIEF_OFFICER": value])
      #expect(result.status == 1)
      #expect(result.stderr.hasPrefix("error: RELIEF_OFFICER "), "\(result.stderr)")
    }
    #expect(try sandbox.snapshot() == before)
    // --officer wins over a bad RELIEF_OFFICER: the variable is not consulted then.
    try sandbox.ok("case", "note", id, "回访", "--officer", "zhao.lei")
    sandbox.environment["RELIEF_OFFICER"] = "bob\u{07}"
    try sandbox.ok("case", "note", id, "回访", "--officer", "zhao.lei")
    // Absent (or empty): the login name.
    sandbox.environment["RELIEF_OFFICER"] = nil
    try sandbox.ok("case", "note", id, "回访")
    sandbox.environment["RELIEF_OFFICER"] = ""
    try sandbox.ok("case", "note", id, "回访")
    let officers = try history(sandbox, id).compactMap { $0["officer"] as? String }
    #expect(officers.suffix(4) == ["zhao.lei", "zhao.lei", "li.wei", "li.wei"])
  }

  // MARK: - Read-only databases

  /// Runs `relief` as an unprivileged user when the tests run as root (root ignores permission
  /// bits), else as the current user.
  struct Reader {
    let binary: String
    let environment: [String: String]
    let folder: URL

    func run(_ arguments: [String]) throws -> RunResult {
      if getuid() == 0 {
        return try Sandbox.execute(
          URL(fileURLWithPath: "/usr/bin/setpriv"),
          arguments: ["--reuid=65534", "--regid=65534", "--clear-groups", binary] + arguments,
          environment: environment, in: folder)
      }
      return try Sandbox.execute(
        URL(fileURLWithPath: binary), arguments: arguments, environment: environment, in: folder)
    }
  }

  /// A database with history, moved into `folder/name/relief.sqlite`, owned by the reader
  /// (nobody when root) with mode 0400, the folder given `folderMode`; and a copy of the
  /// binary the reader can run.
  func readOnlyDatabase(folderMode: mode_t) throws -> (Sandbox, Reader, String, URL) {
    let sandbox = try Sandbox.withFirm()
    let id = try sandbox.ok(arguments: Sandbox.complaint(amount: "1000000")).trimmingCharacters(
      in: .whitespacesAndNewlines)
    try sandbox.ok("case", "act", id, "accept")
    try sandbox.ok("case", "act", id, "pay", "--amount", "1000")
    try sandbox.ok("case", "note", id, "企业反映资金周转困难")
    let folder = sandbox.folder.appendingPathComponent("shared")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: false)
    let database = folder.appendingPathComponent("relief.sqlite").path
    for suffix in ["-wal", "-shm"] {
      #expect(!FileManager.default.fileExists(atPath: sandbox.database + suffix))
    }
    #expect(rename(sandbox.database, database) == 0)
    let binary = sandbox.folder.appendingPathComponent("relief").path
    try FileManager.default.copyItem(atPath: try Sandbox.binary().path, toPath: binary)
    chmod(binary, 0o755)
    chmod(sandbox.folder.path, 0o755)
    if getuid() == 0 {
      chown(database, 65534, 65534)
      chown(folder.path, 65534, 65534)
    }
    chmod(database, 0o400)
    chmod(folder.path, folderMode)
    var environment = sandbox.environment
    environment["RELIEF_DB"] = database
    environment["HOME"] = "/nonexistent"
    let reader = Reader(binary: binary, environment: environment, folder: folder)
    return (sandbox, reader, id, folder)
  }

  @Test("reading commands work on a 0400 database in a folder the officer may not write")
  func readOnlyFolder() throws {
    let (sandbox, reader, id, folder) = try readOnlyDatabase(folderMode: 0o555)
    defer { chmod(folder.path, 0o755) }
    let database = folder.appendingPathComponent("relief.sqlite").path
    // Read through a copy: the test runs as root, whose reading would leave SQLite's files in
    // the folder that the reader cannot create.
    func snapshot() throws -> String {
      let copy = sandbox.folder.appendingPathComponent("copy-\(UUID().uuidString).sqlite").path
      try FileManager.default.copyItem(atPath: database, toPath: copy)
      return try Sandbox.dump(copy)
    }
    let before = try snapshot()
    let reads: [[String]] = [
      ["case", "list"], ["case", "list", "--json"], ["case", "show", id], ["case", "history", id],
      ["enterprise", "list"], ["enterprise", "show", Codes.nanshan], ["report", "monthly"],
      ["report", "monthly", "--month", "2026-04", "--json"], ["report", "overdue"],
      ["export", "cases", "--format", "json"], ["export", "events", "--format", "csv"],
      ["search", "资金周转"], ["db", "verify"], ["service", "list"], ["settings", "list"],
      ["calendar", "show"],
    ]
    for arguments in reads {
      let result = try reader.run(arguments)
      #expect(result.status == 0, "relief \(arguments.joined(separator: " ")): \(result.stderr)")
    }
    let search = try reader.run(["search", "资金周转", "--json"])
    #expect(search.stdout.contains(id))
    let check = try reader.run(["db", "check"])
    #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
    #expect(!check.stdout.contains("✗"))
    #expect(!check.stderr.contains("error"))
    // A command that records is refused in words, not with SQLite's.
    for arguments in [
      ["case", "note", id, "回访"], Sandbox.complaint(amount: "1000000"),
      ["case", "act", id, "pay", "--amount", "1"],
    ] {
      let refused = try reader.run(arguments)
      #expect(refused.status == 1)
      #expect(refused.stderr.hasPrefix("error: "), "\(refused.stderr)")
      #expect(refused.stderr.contains("may not write"), "\(refused.stderr)")
      #expect(!refused.stderr.contains("readonly database"), "\(refused.stderr)")
    }
    // Nothing was written, and nothing was left beside the database.
    let files = try FileManager.default.contentsOfDirectory(atPath: folder.path)
    #expect(files == ["relief.sqlite"])
    #expect(try snapshot() == before)
  }

  @Test("db check on someone's 0400 database reports no false failure")
  func readOnlyFileCheck() throws {
    // The folder is the reader's own, so SQLite can keep its shared-memory index there; only
    // the database file is read-only.
    let (sandbox, reader, id, folder) = try readOnlyDatabase(folderMode: 0o700)
    let check = try reader.run(["db", "check"])
    #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
    #expect(!check.stdout.contains("readonly"))
    #expect(check.stderr.contains("search index"), "the left-out check is not mentioned")
    let json = try reader.run(["db", "check", "--json"])
    #expect(json.status == 0)
    #expect(try json.object()["ok"] as? Bool == true)
    #expect(try reader.run(["case", "show", id]).status == 0)
    let refused = try reader.run(["case", "note", id, "回访"])
    #expect(refused.status == 1)
    #expect(refused.stderr.hasPrefix("error: "), "\(refused.stderr)")
    #expect(!refused.stderr.contains("readonly database"), "\(refused.stderr)")
    _ = (sandbox, folder)
  }

  @Test("a read-only database with an older schema is refused with a way forward")
  func readOnlyOlderSchema() throws {
    let (sandbox, reader, _, folder) = try readOnlyDatabase(folderMode: 0o555)
    defer { chmod(folder.path, 0o755) }
    let database = folder.appendingPathComponent("relief.sqlite").path
    // As the owner would have it after an older relief: an earlier user_version.
    chmod(folder.path, 0o755)
    chmod(database, 0o600)
    let queue = try DatabaseQueue(path: database)
    let version = try queue.read { db in try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0 }
    try queue.writeWithoutTransaction { db in
      try db.execute(sql: "PRAGMA user_version = \(version - 1)")
      _ = try String.fetchOne(db, sql: "PRAGMA journal_mode = WAL")
    }
    try queue.close()
    chmod(database, 0o400)
    chmod(folder.path, 0o555)
    let result = try reader.run(["case", "list"])
    #expect(result.status == 1)
    #expect(result.stderr.hasPrefix("error: "), "\(result.stderr)")
    #expect(result.stderr.contains("relief init"), "\(result.stderr)")
    _ = sandbox
  }
}
