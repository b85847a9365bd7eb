import Foundation
import GRDB
import Testing

@testable import ReliefDomain
@testable import ReliefStore

@Suite("Reliability, end to end", .serialized)
struct ReliabilityEndToEndTests {
  /// Starts `relief` without waiting for it.
  func start(_ sandbox: Sandbox, _ arguments: [String]) throws -> (Process, Pipe) {
    let process = Process()
    process.executableURL = try Sandbox.binary()
    process.arguments = arguments
    process.environment = sandbox.environment
    process.currentDirectoryURL = sandbox.folder
    let errors = Pipe()
    process.standardOutput = FileHandle.nullDevice
    process.standardError = errors
    try process.run()
    return (process, errors)
  }

  @Test("officers logging complaints at once never fail for being busy; ids stay exact")
  func parallelOpenings() throws {
    let sandbox = try Sandbox.withFirm()
    let script = (0..<8).map { _ in Sandbox.complaint().map { "'\($0)'" }.joined(separator: " ") }
    let loop = "for i in 1 2 3 4 5 6; do \"$RELIEF\" \(script[0]) >/dev/null || exit 1; done"
    var runs: [Process] = []
    for _ in 0..<6 {
      let process = Process()
      process.executableURL = URL(fileURLWithPath: "/bin/sh")
      process.arguments = ["-c", loop]
      process.environment = sandbox.environment.merging(["RELIEF": try Sandbox.binary().path]) {
        $1
      }
      process.currentDirectoryURL = sandbox.folder
      try process.run()
      runs.append(process)
    }
    for process in runs {
      process.waitUntilExit()
      #expect(process.terminationStatus == 0)
    }
    let list = try sandbox.run("case", "list", "--json", "--limit", "0").object()
    let ids = try #require(list["items"] as? [[String: Any]]).compactMap { $0["id"] as? String }
    #expect(ids.count == 36)
    #expect(Set(ids) == Set((1...36).map { String(format: "AR-2026-%06d", $0) }))
  }

  @Test("two officers acting on one case with contradictory events: exactly one succeeds")
  func contradictoryEvents() throws {
    let sandbox = try Sandbox.withFirm()
    for round in 1...3 {
      try sandbox.ok(arguments: Sandbox.complaint())
      let id = String(format: "AR-2026-%06d", round)
      var started: [(Process, Pipe)] = []
      for index in 0..<8 {
        let arguments =
          index % 2 == 0
          ? ["case", "act", id, "accept"] : ["case", "act", id, "reject", "--reason", "不予受理"]
        started.append(try start(sandbox, arguments))
      }
      var successes = 0
      for (process, errors) in started {
        process.waitUntilExit()
        let message = String(
          decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        if process.terminationStatus == 0 {
          successes += 1
        } else {
          #expect(process.terminationStatus == 1)
          #expect(message.contains("is accepted") || message.contains("is rejected"), "\(message)")
        }
      }
      #expect(successes == 1)
      let history = try sandbox.run("case", "history", id, "--json").json() as? [Any]
      #expect(history?.count == 2)
    }
  }

  @Test("a process killed in the middle of writing leaves every case whole")
  func killedWriters() throws {
    let sandbox = try Sandbox.withFirm()
    try sandbox.ok(arguments: Sandbox.complaint())
    for round in 0..<24 {
      let (process, _) = try start(sandbox, ["case", "note", "AR-2026-000001", "第\(round)次回访"])
      usleep(UInt32(round % 8) * 4_000)
      kill(process.processIdentifier, SIGKILL)
      process.waitUntilExit()
    }
    let store = try ReliefStore.open(at: sandbox.database)
    let id = CaseID(kind: .arrears, year: 2026, number: 1)
    let (stored, history) = try store.read { session in
      (try session.caseRecord(id)!.reliefCase, try session.history(of: id))
    }
    #expect(history.map(\.seq) == Array(1...history.count))
    #expect(stored.lastSeq == history.count)
    let replayed = try ReliefCase.replaying(
      history, id: id, context: DecisionContext(now: stored.updatedAt))
    #expect(replayed.state == stored.state)
    #expect(replayed.lastSeq == stored.lastSeq)
    #expect(try store.read { try $0.verifyChain() }.firstBreak == nil)
    #expect(try sandbox.run("db", "check").status == 0)
  }

  @Test("an import killed half way imports nothing, and the database still checks")
  func killedImport() throws {
    let sandbox = try Sandbox.withFirm()
    var csv = "uscc,name,region\n"
    var random = SystemRandomNumberGenerator()
    let alphabet = Array("0123456789ABCDEFGHJKLMNPQRTUWXY")
    var seen = Set<String>()
    while seen.count < 60_000 {
      let body = Array("MA") + (0..<6).map { _ in alphabet[Int(random.next() % 31)] }
      let first17 = Array("91440305") + body + [USCC.organizationCheckCharacter(for: body)]
      let code = String(first17 + [USCC.checkCharacter(for: first17)])
      guard seen.insert(code).inserted else { continue }
      csv += "\(code),深圳市第\(seen.count)号科技有限公司,440305\n"
    }
    let file = sandbox.folder.appendingPathComponent("firms.csv")
    try Data(csv.utf8).write(to: file)
    let (process, _) = try start(sandbox, ["import", "enterprises", file.path])
    usleep(600_000)
    kill(process.processIdentifier, SIGKILL)
    process.waitUntilExit()
    let total =
      try sandbox.run("enterprise", "list", "--json", "--limit", "1").object()["total"] as? Int
    if process.terminationReason == .uncaughtSignal {
      #expect(total == 1)
    } else {
      #expect(total == 60_001)
    }
    #expect(try sandbox.run("db", "check").status == 0)
  }

  @Test("a demo killed half way leaves the earlier demo, or nothing")
  func killedDemo() throws {
    let sandbox = try Sandbox(now: "2026-11-29T10:00:00+08:00", initialise: false)
    let demo = sandbox.folder.appendingPathComponent("relief-demo.sqlite").path
    let (first, _) = try start(sandbox, ["demo", "--enterprises", "4000"])
    usleep(700_000)
    kill(first.processIdentifier, SIGKILL)
    first.waitUntilExit()
    // Killed half way (a machine fast enough to finish first proves nothing here).
    if first.terminationReason == .uncaughtSignal {
      #expect(!FileManager.default.fileExists(atPath: demo))
    }
    try sandbox.ok("demo")
    let before = try Sandbox.dump(demo)
    let (second, _) = try start(sandbox, ["demo", "--enterprises", "4000"])
    usleep(700_000)
    kill(second.processIdentifier, SIGKILL)
    second.waitUntilExit()
    if second.terminationReason == .uncaughtSignal {
      #expect(try Sandbox.dump(demo) == before)
    }
  }

  /// Runs raw SQL the way a curious hand with the sqlite3 shell would, triggers dropped first.
  /// Events are stored in `event_log` (the view `events` shows them), their officers as numbers
  /// into `officers`.
  func tamper(_ sandbox: Sandbox, _ sql: String) throws {
    let queue = try DatabaseQueue(path: sandbox.database)
    try queue.write { db in
      try db.execute(sql: "DROP TRIGGER events_refuse_update; DROP TRIGGER events_refuse_delete")
      try db.execute(sql: sql)
    }
  }

  func sandboxWithHistory() throws -> Sandbox {
    let sandbox = try Sandbox.withFirm()
    for _ in 1...3 { try sandbox.ok(arguments: Sandbox.complaint()) }
    try sandbox.ok("case", "act", "AR-2026-000002", "accept")
    try sandbox.ok("case", "act", "AR-2026-000002", "pay", "--amount", "1000")
    try sandbox.ok("case", "note", "AR-2026-000003", "回访")
    return sandbox
  }

  @Test("db verify holds on an untouched database and names the first altered event")
  func verifyNamesAlteredEvent() throws {
    let sandbox = try sandboxWithHistory()
    let clean = try sandbox.run("db", "verify", "--json")
    #expect(clean.status == 0)
    #expect(try clean.object()["checked"] as? Int == 6)
    // A payment made smaller with the shell: event 5 is AR-2026-000002's third.
    try tamper(sandbox, "UPDATE event_log SET amount = 100 WHERE id = 5")
    let altered = try sandbox.run("db", "verify", "--json")
    #expect(altered.status == 1)
    let broken = try #require(try altered.object()["firstBreak"] as? [String: Any])
    #expect(broken["event"] as? Int == 5)
    #expect(broken["case"] as? String == "AR-2026-000002")
    #expect(broken["seq"] as? Int == 3)
    let text = try sandbox.run("db", "verify")
    #expect(text.stdout.contains("event 5 (AR-2026-000002, #3)"))
  }

  @Test("db verify finds a deleted event, a renamed officer and a renumbered case")
  func verifyFindsOtherTampering() throws {
    let deleted = try sandboxWithHistory()
    try tamper(deleted, "DELETE FROM event_log WHERE id = 4")
    let afterDelete = try deleted.run("db", "verify", "--json").object()
    #expect((afterDelete["firstBreak"] as? [String: Any])?["event"] as? Int == 5)
    let officer = try sandboxWithHistory()
    try tamper(
      officer,
      """
      INSERT INTO officers (name) VALUES ('someone.else');
      UPDATE event_log SET officer = last_insert_rowid() WHERE id = 2
      """)
    #expect(
      (try officer.run("db", "verify", "--json").object()["firstBreak"] as? [String: Any])?["event"]
        as? Int == 2)
    let renumbered = try sandboxWithHistory()
    try tamper(renumbered, "UPDATE cases SET number = 9 WHERE number = 3")
    #expect(
      (try renumbered.run("db", "verify", "--json").object()["firstBreak"] as? [String: Any])?[
        "event"] as? Int == 3)
  }
}
