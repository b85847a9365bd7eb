import Foundation
import GRDB
import Testing

@testable import ReliefDomain
@testable import ReliefMigrations
@testable import ReliefStore

@Suite("Migration 0004 on databases with data")
struct ProvinceMigrationTests {
  let now = StoreFixtures.now

  /// A store with complaints in several states, a note, a recognition and a service.
  func source() throws -> ReliefStore {
    let store = try StoreFixtures.store()
    try store.write { session in
      let first = try session.openCase(
        StoreFixtures.complaint(), at: nil, officer: "li.wei", now: now)
      let id = first.reliefCase.id
      let steps: [(EventName, EventInputs)] = [
        ("accept", EventInputs()), ("transfer", EventInputs(to: "市工业和信息化局")),
        ("pay", EventInputs(amount: Money(yuan: 1000), note: "先付一部分")),
      ]
      for (event, inputs) in steps {
        _ = try session.perform(
          event, inputs: inputs, at: nil, officer: "wang.fang", on: id, now: now)
      }
      _ = try session.openCase(
        StoreFixtures.complaint(StoreFixtures.tianhe), at: nil, officer: "li.wei", now: now)
      let candidate = try session.openCase(
        CaseOpening(
          enterprise: StoreFixtures.tianhe, title: "创新型中小企业", assignee: "li.wei",
          details: .cultivation(CultivationDetails(tier: .innovative))), at: nil,
        officer: "li.wei", now: now)
      for (event, inputs) in [
        ("apply", EventInputs()), ("evaluate", EventInputs(score: 80)),
        ("recognize", EventInputs()),
      ] as [(EventName, EventInputs)] {
        _ = try session.perform(
          event, inputs: inputs, at: nil, officer: "li.wei", on: candidate.reliefCase.id, now: now)
      }
      _ = try session.logService(
        ServiceDraft(
          type: .onSiteVisit, date: LocalDate("2026-04-27")!, enterprises: [StoreFixtures.nanshan]),
        officer: "li.wei", now: now)
    }
    return store
  }

  /// The same data in a database of schema version 3, as Relief before migration 0004 wrote it.
  func version3(copying store: ReliefStore, at path: String) throws {
    let queue = try DatabaseQueue(path: path)
    try queue.write { db in
      for migration in ReliefMigrations.sqlite where migration.version <= 3 {
        try db.execute(sql: migration.sql)
      }
      try db.execute(sql: "PRAGMA user_version = 3")
    }
    try store.queue.read { source in
      try queue.write { db in
        for table in ["enterprises", "case_sequences", "services", "service_enterprises"] {
          // The columns the older schema has (0006 added the enterprises' `assets`).
          let known = Set(try db.columns(in: table).map(\.name))
          for row in try Row.fetchAll(source, sql: "SELECT * FROM \(table)") {
            let columns = row.columnNames.filter(known.contains)
            try db.execute(
              sql: """
                INSERT INTO \(table) (\(columns.joined(separator: ", ")))
                VALUES (\(columns.map { _ in "?" }.joined(separator: ", ")))
                """, arguments: StatementArguments(columns.map { row[$0] as DatabaseValue }))
          }
        }
        for row in try Row.fetchAll(
          source,
          sql: """
            SELECT id, kind, year, number, enterprise_id, state, title, assignee, opened_at,
              updated_at, closed_at, due_date, warn_date, supervision_level, last_seq, details
            FROM cases
            """)
        {
          try db.execute(
            sql: "INSERT INTO cases VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            arguments: StatementArguments(row.databaseValues))
        }
        for row in try Row.fetchAll(
          source,
          sql: """
            SELECT id, case_id, seq, name, from_state, to_state, at, recorded_at, officer, amount,
              data, hash
            FROM events ORDER BY id
            """)
        {
          try db.execute(
            sql: "INSERT INTO events VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            arguments: StatementArguments(row.databaseValues))
        }
        for row in try Row.fetchAll(source, sql: "SELECT * FROM clocks") {
          try db.execute(
            sql: "INSERT INTO clocks VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            arguments: StatementArguments(row.databaseValues))
        }
      }
    }
    try queue.close()
  }

  @Test("0004 moves the events and clocks of a version 3 database, which then checks and verifies")
  func compactsExistingData() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString)
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("relief.sqlite").path
    let original = try source()
    try version3(copying: original, at: path)

    let migrated = try ReliefStore.open(at: path)
    #expect(try migrated.currentSchemaVersion() == ReliefStore.schemaVersion)
    #expect(try migrated.checkIntegrity(now: now).isEmpty)
    let chain = try migrated.read { try $0.verifyChain() }
    #expect(chain.firstBreak == nil)
    #expect(chain.checked == (try original.read { try $0.counts() }.events))
    for number in [1, 2] {
      let id = CaseID(kind: .arrears, year: 2026, number: number)
      #expect(
        try migrated.read { try $0.history(of: id) } == original.read { try $0.history(of: id) })
      #expect(
        try migrated.read { try $0.caseRecord(id) } == original.read { try $0.caseRecord(id) })
    }
    let month = YearMonth(year: 2026, month: 4)!
    #expect(
      try migrated.read { try $0.monthlySummary(month, region: nil) }
        == original.read { try $0.monthlySummary(month, region: nil) })
    #expect(try migrated.read { try $0.search("一部分", limit: 5) }.hits.count == 1)
    // The migrated database goes on as a new one would.
    _ = try migrated.write {
      try $0.perform(
        "resolve", inputs: EventInputs(outcome: .partiallyPaid), at: nil, officer: "zhao.lei",
        on: CaseID(kind: .arrears, year: 2026, number: 1), now: now)
    }
    #expect(try migrated.read { try $0.verifyChain() }.firstBreak == nil)
    #expect(try migrated.checkIntegrity(now: now).isEmpty)
  }
}
