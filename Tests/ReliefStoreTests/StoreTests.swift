import Foundation
import GRDB
import Testing

@testable import ReliefDomain
@testable import ReliefStore

/// A fresh, migrated database in memory.
func makeEmptyTestStore() throws -> ReliefStore {
  try ReliefStore.inMemory()
}

enum StoreFixtures {
  static let zone = AgencyZone.shanghai
  static let now = zone.instant(LocalDate("2026-04-28")!, secondsOfDay: 9 * 3600 + 1800)
  static let nanshan = try! USCC(parsing: "91440305MA5FXHGE2A")
  static let tianhe = try! USCC(parsing: "91440106MA9W7B4C43")

  static func enterprise(_ uscc: USCC = nanshan, name: String = "深圳市星河科技有限公司") -> Enterprise {
    Enterprise(uscc: uscc, name: name, region: RegionCode(trusted: uscc.regionDigits))
  }

  static func complaint(_ uscc: USCC = nanshan, owed: Int64 = 1_000_000) -> CaseOpening {
    CaseOpening(
      enterprise: uscc, title: "深圳市某局拖欠货款", assignee: "li.wei",
      details: .arrears(
        ArrearsDetails(
          debtor: "深圳市某局", debtorType: .government, amountOwed: Money(yuan: owed),
          // Overdue before every opening the tests make (the scope of intake, ArrearsScope).
          paymentDueDate: LocalDate("2025-11-30")!)))
  }

  /// A store with two enterprises registered.
  static func store() throws -> ReliefStore {
    let store = try makeEmptyTestStore()
    try store.write { session in
      try session.addEnterprise(enterprise(), now: now)
      try session.addEnterprise(enterprise(tianhe, name: "广州市华信电子有限公司"), now: now)
    }
    return store
  }
}

@Suite("Store")
struct StoreTests {
  @Test("migrating an empty database creates the schema at the latest version")
  func migration() throws {
    let store = try makeEmptyTestStore()
    #expect(try store.currentSchemaVersion() == ReliefStore.schemaVersion)
    let tables = try store.queue.read { db in
      try String.fetchAll(
        db,
        sql: "SELECT name FROM sqlite_master WHERE type IN ('table', 'view') ORDER BY name")
    }
    for table in [
      "cases", "clocks", "enterprises", "events", "services", "settings", "event_log", "steps",
      "officers", "clock_periods", "clock_specs",
    ] {
      #expect(tables.contains(table))
    }
  }

  @Test("a database a newer relief migrated is refused; so is a foreign one")
  func refusesForeignAndNewer() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString)
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let newer = folder.appendingPathComponent("newer.sqlite").path
    _ = try ReliefStore.create(at: newer)
    try DatabaseQueue(path: newer).writeWithoutTransaction { db in
      try db.execute(sql: "PRAGMA user_version = 999")
    }
    #expect(throws: StoreError.newerSchema(found: 999, supported: ReliefStore.schemaVersion)) {
      try ReliefStore.open(at: newer)
    }
    let foreign = folder.appendingPathComponent("foreign.sqlite").path
    try DatabaseQueue(path: foreign).write { db in try db.execute(sql: "CREATE TABLE t (x)") }
    #expect(throws: StoreError.notAReliefDatabase(path: foreign)) {
      try ReliefStore.open(at: foreign)
    }
    let text = folder.appendingPathComponent("notes.txt").path
    try Data("not a database at all, just some text".utf8).write(to: URL(fileURLWithPath: text))
    #expect(throws: StoreError.self) { try ReliefStore.open(at: text) }
    #expect(throws: StoreError.databaseMissing(path: folder.appendingPathComponent("none").path)) {
      try ReliefStore.open(at: folder.appendingPathComponent("none").path)
    }
  }

  @Test("the database file is created readable by its owner only")
  func permissions() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString)
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("deep/relief.sqlite").path
    let (_, created) = try ReliefStore.create(at: path)
    #expect(created)
    let attributes = try FileManager.default.attributesOfItem(atPath: path)
    #expect((attributes[.posixPermissions] as? Int) == 0o600)
    let journal = try DatabaseQueue(path: path).read { db in
      try String.fetchOne(db, sql: "PRAGMA journal_mode")
    }
    #expect(journal == "wal")
  }

  @Test("ids count per kind and year without gaps, and a refused opening takes no number")
  func ids() throws {
    let store = try StoreFixtures.store()
    let now = StoreFixtures.now
    let first = try store.write {
      try $0.openCase(StoreFixtures.complaint(), at: nil, officer: "t", now: now)
    }
    #expect(first.reliefCase.id.description == "AR-2026-000001")
    // Refused: an amount of zero.
    #expect(throws: DomainError.amountNotPositive(field: "amount")) {
      try store.write {
        try $0.openCase(StoreFixtures.complaint(owed: 0), at: nil, officer: "t", now: now)
      }
    }
    // Refused: an unknown enterprise.
    let stranger = try USCC(parsing: "91330106MA2H8U1D4U")
    #expect(throws: StoreError.enterpriseNotFound(stranger)) {
      try store.write {
        try $0.openCase(StoreFixtures.complaint(stranger), at: nil, officer: "t", now: now)
      }
    }
    let second = try store.write {
      try $0.openCase(StoreFixtures.complaint(), at: nil, officer: "t", now: now)
    }
    #expect(second.reliefCase.id.description == "AR-2026-000002")
    let tax = try store.write { session in
      try session.openCase(
        CaseOpening(
          enterprise: StoreFixtures.nanshan, title: "退税", assignee: nil,
          details: .taxRefund(
            TaxRefundDetails(reliefType: .taxDeferral, amountClaimed: Money(yuan: 5)))),
        at: nil, officer: "t", now: now)
    }
    #expect(tax.reliefCase.id.description == "TR-2026-000001")
    // A complaint backdated into the previous year takes that year's sequence.
    let backdated = try store.write {
      try $0.openCase(
        StoreFixtures.complaint(), at: TimeInput("2025-12-31T10:00:00+08:00"), officer: "t",
        now: now)
    }
    #expect(backdated.reliefCase.id.description == "AR-2025-000001")
  }

  @Test("performing an event appends to the history and updates the case")
  func perform() throws {
    let store = try StoreFixtures.store()
    let now = StoreFixtures.now
    let opened = try store.write {
      try $0.openCase(StoreFixtures.complaint(), at: nil, officer: "t", now: now)
    }
    let id = opened.reliefCase.id
    let accepted = try store.write {
      try $0.perform("accept", inputs: EventInputs(), at: nil, officer: "li.wei", on: id, now: now)
    }
    #expect(accepted.reliefCase.state == "accepted")
    let reread = try store.read { try $0.caseRecord(id) }
    #expect(reread == accepted)
    let history = try store.read { try $0.history(of: id) }
    #expect(history.map(\.name) == ["open", "accept"])
    #expect(history.last?.officer == "li.wei")
    // Refused: not allowed now. Nothing changes.
    #expect(throws: DomainError.self) {
      try store.write {
        try $0.perform("close", inputs: EventInputs(), at: nil, officer: "t", on: id, now: now)
      }
    }
    #expect(try store.read { try $0.history(of: id) }.count == 2)
    #expect(throws: StoreError.caseNotFound("AR-2026-000009")) {
      try store.write {
        try $0.perform(
          "accept", inputs: EventInputs(), at: nil, officer: "t",
          on: CaseID(kind: .arrears, year: 2026, number: 9), now: now)
      }
    }
  }

  @Test("the database refuses UPDATE and DELETE on events")
  func appendOnly() throws {
    let store = try StoreFixtures.store()
    _ = try store.write {
      try $0.openCase(StoreFixtures.complaint(), at: nil, officer: "t", now: StoreFixtures.now)
    }
    // The view `events` cannot be written at all; the tables under it refuse by their triggers,
    // and so do the steps and officers an event points to (renaming one would rewrite history).
    #expect(throws: DatabaseError.self) {
      try store.queue.write { db in try db.execute(sql: "UPDATE events SET officer = 'mallory'") }
    }
    for statement in [
      "UPDATE event_log SET amount = 1", "DELETE FROM event_log", "UPDATE steps SET name = 'pay'",
      "DELETE FROM steps", "UPDATE officers SET name = 'mallory'", "DELETE FROM officers",
      "UPDATE clock_specs SET setting = 'x'",
    ] {
      let error = #expect(throws: DatabaseError.self, "\(statement)") {
        try store.queue.write { db in try db.execute(sql: statement) }
      }
      #expect(error?.message?.contains("append-only") == true, "\(statement)")
    }
    #expect(
      try store.queue.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM events") } == 1)
  }

  @Test("each event's hash covers its content and the previous hash")
  func hashChain() throws {
    let store = try StoreFixtures.store()
    let now = StoreFixtures.now
    let id = try store.write {
      try $0.openCase(StoreFixtures.complaint(), at: nil, officer: "t", now: now)
    }
    .reliefCase.id
    _ = try store.write {
      try $0.perform("accept", inputs: EventInputs(), at: nil, officer: "t", on: id, now: now)
    }
    let rows = try store.queue.read { db in
      try Row.fetchAll(db, sql: "SELECT * FROM events ORDER BY id")
    }
    var previous = EventChain.genesis
    for row in rows {
      let content = EventChain.Content(
        caseCode: id.description, seq: row["seq"], name: row["name"], from: row["from_state"],
        to: row["to_state"], at: row["at"], recordedAt: row["recorded_at"], officer: row["officer"],
        amount: row["amount"], data: row["data"])
      let hash = EventChain.hash(content, previous: previous)
      #expect(hash == row["hash"] as Data)
      previous = hash
    }
  }

  @Test("the stored state always equals the replay of the events")
  func replayEqualsStored() throws {
    let store = try StoreFixtures.store()
    let now = StoreFixtures.now
    let id = try store.write {
      try $0.openCase(StoreFixtures.complaint(), at: nil, officer: "t", now: now)
    }
    .reliefCase.id
    let script: [(EventName, EventInputs)] = [
      ("request-documents", EventInputs(reason: "缺合同")), ("receive-documents", EventInputs()),
      ("accept", EventInputs()), ("pay", EventInputs(amount: Money(yuan: 1000))),
      ("transfer", EventInputs(to: "市工信局")), ("extend", EventInputs(reason: "复杂", days: 20)),
      ("supervise", EventInputs(reason: "督办")), ("resolve", EventInputs(outcome: .partiallyPaid)),
      ("close", EventInputs(satisfaction: .unsatisfied)), ("note", EventInputs(note: "回访")),
    ]
    for (event, inputs) in script {
      _ = try store.write {
        try $0.perform(event, inputs: inputs, at: nil, officer: "t", on: id, now: now)
      }
    }
    let stored = try #require(try store.read { try $0.caseRecord(id) }).reliefCase
    let replayed = try ReliefCase.replaying(
      try store.read { try $0.history(of: id) }, id: id, context: DecisionContext(now: now))
    #expect(replayed == stored)
    #expect(stored.state == "closed")
    #expect(stored.closedAt == now)
    #expect(stored.supervisionLevel == 1)
  }

  @Test("lists filter by kind, state, openness, assignee, region and enterprise")
  func lists() throws {
    let store = try StoreFixtures.store()
    let now = StoreFixtures.now
    let today = StoreFixtures.zone.date(of: now)
    for uscc in [StoreFixtures.nanshan, StoreFixtures.nanshan, StoreFixtures.tianhe] {
      _ = try store.write {
        try $0.openCase(StoreFixtures.complaint(uscc), at: nil, officer: "t", now: now)
      }
    }
    _ = try store.write {
      try $0.perform(
        "withdraw", inputs: EventInputs(reason: "撤回"), at: nil, officer: "t",
        on: CaseID(kind: .arrears, year: 2026, number: 2), now: now)
    }
    func count(_ filter: CaseFilter) throws -> Int {
      try store.read { try $0.cases(matching: filter, today: today) }.total
    }
    #expect(try count(CaseFilter()) == 3)
    #expect(try count(CaseFilter(openness: .open)) == 2)
    #expect(try count(CaseFilter(openness: .closed)) == 1)
    #expect(try count(CaseFilter(kind: .arrears, state: "withdrawn")) == 1)
    #expect(try count(CaseFilter(region: try RegionPrefix(parsing: "4403"))) == 2)
    #expect(try count(CaseFilter(region: try RegionPrefix(parsing: "44"))) == 3)
    #expect(try count(CaseFilter(region: try RegionPrefix(parsing: "440106"))) == 1)
    #expect(try count(CaseFilter(enterprise: StoreFixtures.tianhe)) == 1)
    #expect(try count(CaseFilter(assignee: "li.wei")) == 3)
    #expect(try count(CaseFilter(assignee: "nobody")) == 0)
    let page = try store.read { try $0.cases(matching: CaseFilter(limit: 2), today: today) }
    #expect(page.items.count == 2)
    #expect(page.total == 3)
    #expect(page.leftOut == 1)
  }

  @Test("an enterprise's code is registered once; the size must agree with the figures")
  func enterprises() throws {
    let store = try StoreFixtures.store()
    #expect(throws: StoreError.enterpriseExists(StoreFixtures.nanshan)) {
      try store.write { try $0.addEnterprise(StoreFixtures.enterprise(), now: StoreFixtures.now) }
    }
    var firm = StoreFixtures.enterprise(try USCC(parsing: "91330106MA2H8U1D4U"), name: "杭州市某软件有限公司")
    firm.sector = .softwareAndIT
    firm.employees = 120
    firm.revenue = Money(yuan: 12_000_000)
    firm.size = .small
    #expect(throws: DomainError.sizeContradictsFigures(given: .small, derived: .medium)) {
      try store.write { try $0.addEnterprise(firm, now: StoreFixtures.now) }
    }
    firm.size = nil
    try store.write { try $0.addEnterprise(firm, now: StoreFixtures.now) }
    #expect(try store.read { try $0.enterprise(firm.uscc) }?.size == .medium)
  }
}

@Suite("Whole listings, in batches")
struct ListStreamTests {
  @Test("every match comes in batches, in the page's order, after its count")
  func casesInBatches() throws {
    let store = try StoreFixtures.store()
    let now = StoreFixtures.now
    let today = StoreFixtures.zone.date(of: now)
    for (index, uscc) in [StoreFixtures.nanshan, StoreFixtures.tianhe].enumerated() {
      for _ in 0..<(index == 0 ? 3 : 2) {
        _ = try store.write {
          try $0.openCase(StoreFixtures.complaint(uscc), at: nil, officer: "t", now: now)
        }
      }
    }
    for filter in [CaseFilter(), CaseFilter(enterprise: StoreFixtures.nanshan)] {
      let page = try store.read { try $0.cases(matching: filter, today: today) }
      var counted: [Int] = []
      var batches: [[CaseRecord]] = []
      try store.read { session in
        try session.cases(
          matching: filter, today: today,
          into: ListSink(
            batchSize: 2, start: { counted.append($0) }, batch: { batches.append($0) }))
      }
      #expect(counted == [page.total])
      #expect(batches.allSatisfy { (1...2).contains($0.count) })
      #expect(batches.flatMap { $0 } == page.items)
    }
    // The count is skipped when nobody asks for it; nothing matching hands over no batch.
    var batches = 0
    try store.read { session in
      try session.cases(
        matching: CaseFilter(assignee: "nobody"), today: today,
        into: ListSink(batch: { _ in batches += 1 }))
    }
    #expect(batches == 0)
  }

  @Test("services come with their enterprises in every batch")
  func servicesInBatches() throws {
    let store = try StoreFixtures.store()
    for day in 1...5 {
      _ = try store.write {
        try $0.logService(
          ServiceDraft(
            type: .onSiteVisit, date: LocalDate(year: 2026, month: 4, day: day)!,
            enterprises: day.isMultiple(of: 2)
              ? [StoreFixtures.nanshan, StoreFixtures.tianhe] : [StoreFixtures.tianhe]),
          officer: "t", now: StoreFixtures.now)
      }
    }
    let page = try store.read { try $0.services(matching: ServiceFilter()) }
    var streamed: [ServiceRecord] = []
    try store.read { session in
      try session.services(
        matching: ServiceFilter(), into: ListSink(batchSize: 2) { streamed += $0 })
    }
    #expect(streamed.count == 5)
    #expect(streamed == page.items)
    #expect(streamed.map(\.enterprises.count) == [1, 2, 1, 2, 1])
  }
}
