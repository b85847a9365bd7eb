import Foundation
import GRDB
import Testing

@testable import ReliefDomain
@testable import ReliefStore

/// Valid codes made on the fly: `91`, a region, an organization code and both checks.
func makeCode(_ number: Int, region: String = "440305") -> USCC {
  var body = Array("MA")
  var rest = number
  for _ in 0..<6 {
    body.append(USCC.alphabet[rest % 31])
    rest /= 31
  }
  let first17 = Array("91" + region) + body + [USCC.organizationCheckCharacter(for: body)]
  return USCC(trusted: String(first17 + [USCC.checkCharacter(for: first17)]))
}

@Suite("Search, import, export and checks in the store")
struct DataStoreTests {
  let now = StoreFixtures.now

  func note(_ store: ReliefStore, _ id: CaseID, _ text: String) throws {
    _ = try store.write {
      try $0.perform(
        "note", inputs: EventInputs(note: text), at: nil, officer: "t", on: id, now: now)
    }
  }

  @Test("search finds names, titles, debtors and notes by any fragment, ignoring Latin case")
  func search() throws {
    let store = try StoreFixtures.store()
    try store.write {
      try $0.addEnterprise(
        StoreFixtures.enterprise(makeCode(1), name: "Acme Robotics 深圳分公司"), now: now)
    }
    let opened = try store.write {
      try $0.openCase(StoreFixtures.complaint(), at: nil, officer: "t", now: now)
    }
    let id = opened.reliefCase.id
    try note(store, id, "欠款方承诺月底前支付首期款项")
    func ids(_ text: String) throws -> [String] {
      try store.read { try $0.search(text, limit: 20) }.hits.map { "\($0.kind.rawValue):\($0.id)" }
    }
    let nanshan = "enterprise:\(StoreFixtures.nanshan.rawValue)"
    #expect(try ids("科") == [nanshan])
    #expect(try ids("科技") == [nanshan])
    #expect(try ids("星河科") == [nanshan])
    #expect(try ids("星河科技有限公司") == [nanshan])
    #expect(try ids("司").count == 3)  // Both firms' names and nothing else.
    #expect(try ids("某局") == ["case:\(id)"])
    #expect(try ids("拖欠货款") == ["case:\(id)"])
    #expect(try ids("首期") == ["note:\(id)"])
    #expect(try ids("月底前支付") == ["note:\(id)"])
    #expect(try ids("ROBOT") == ["enterprise:\(makeCode(1).rawValue)"])
    #expect(try ids("acme 深圳") == ["enterprise:\(makeCode(1).rawValue)"])
    #expect(try ids("ac") == ["enterprise:\(makeCode(1).rawValue)"])
    #expect(try ids("星河 电子").isEmpty)
    #expect(try ids("不存在的词").isEmpty)
    let hit = try #require(try store.read { try $0.search("首期", limit: 1) }.hits.first)
    #expect(hit.seq == 2)
    #expect(hit.field == "note")
    #expect(hit.caseKind == .arrears)
    #expect(hit.enterpriseName == "深圳市星河科技有限公司")
  }

  @Test("names rank above titles and notes; more occurrences rank higher")
  func ranking() throws {
    let store = try StoreFixtures.store()
    let opened = try store.write { session in
      try session.openCase(
        CaseOpening(
          enterprise: StoreFixtures.tianhe, title: "华信电子退税", assignee: nil,
          details: .taxRefund(
            TaxRefundDetails(reliefType: .taxDeferral, amountClaimed: Money(yuan: 10)))),
        at: nil, officer: "t", now: now)
    }
    try note(store, opened.reliefCase.id, "华信 回访")
    for text in ["华信", "华信电子"] {
      let hits = try store.read { try $0.search(text, limit: 0) }.hits
      #expect(
        hits.map(\.kind) == [.enterprise, .case, .note].prefix(hits.count).map { $0 }, "\(text)")
      #expect(hits.first?.id == StoreFixtures.tianhe.rawValue)
    }
  }

  @Test("a search matching more than the ranking limit lists the newest, enterprises first")
  func broadSearch() throws {
    let store = try makeEmptyTestStore()
    let count = SearchResults.rankingLimit + 100
    try store.write { session in
      try session.deferringSearchIndex {
        for number in 1...count {
          try session.importEnterprise(
            StoreFixtures.enterprise(makeCode(number), name: "广州市第\(number)科技有限公司"),
            createdAt: nil, updatedAt: nil, replacing: false, now: now)
        }
      }
    }
    for text in ["科技有限", "科技", "科"] {
      let results = try store.read { try $0.search(text, limit: 5) }
      #expect(results.hits.count == 5, "\(text)")
      #expect(results.hits.allSatisfy { $0.text.contains(text) }, "\(text)")
      if text.count >= 3 {
        #expect(results.total == nil)
        #expect(results.ranking == .recency)
        #expect(results.hits.first?.text == "广州市第\(count)科技有限公司")
      } else {
        #expect(results.total == count)
      }
    }
    // A short term found too often to rank is listed newest first through its continuations,
    // or, with too many of those, by reading the texts; both find the same documents.
    for tuning in [
      SearchTuning(occurrenceCap: 100), SearchTuning(occurrenceCap: 100, continuations: 0),
    ] {
      for text in ["科", "科技", "第1 有限"] {
        let results = try store.read { try $0.search(text, limit: 3, tuning: tuning) }
        #expect(results.ranking == .recency, "\(text)")
        #expect(results.total == nil)
        let expected = text == "第1 有限" ? [1999, 1998, 1997] : [count, count - 1, count - 2]
        #expect(results.hits.map(\.text) == expected.map { "广州市第\($0)科技有限公司" }, "\(text)")
      }
      let none = try store.read { try $0.search("科 无", limit: 3, tuning: tuning) }
      #expect(none.hits.isEmpty)
    }
    let exact = try store.read { try $0.search("第2077科", limit: 5) }
    #expect(exact.hits.map(\.text) == ["广州市第2077科技有限公司"])
    #expect(exact.total == 1)
  }

  @Test("bulk insertion with the triggers set aside leaves the index and the schema as before")
  func deferredIndex() throws {
    let store = try StoreFixtures.store()
    let schema = {
      try store.queue.read { db in
        try String.fetchAll(
          db, sql: "SELECT sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY name")
      }
    }
    let before = try schema()
    try store.write { session in
      try session.deferringSearchIndex {
        try session.importEnterprise(
          StoreFixtures.enterprise(makeCode(9), name: "佛山市恒达食品有限公司"), createdAt: nil,
          updatedAt: nil, replacing: false, now: now)
        _ = try session.openCase(StoreFixtures.complaint(), at: nil, officer: "t", now: now)
      }
    }
    #expect(try schema() == before)
    #expect(try store.read { try $0.search("恒达食品", limit: 5) }.hits.count == 1)
    #expect(try store.read { try $0.search("某局", limit: 5) }.hits.count == 1)
    #expect(try store.checkIntegrity(now: now).isEmpty)
    // The triggers work again afterwards.
    try store.write {
      try $0.addEnterprise(StoreFixtures.enterprise(makeCode(10), name: "东莞市宏远物流有限公司"), now: now)
    }
    #expect(try store.read { try $0.search("宏远", limit: 5) }.hits.count == 1)
  }

  @Test("a restored case keeps its id and history; a taken id or a forged state is refused")
  func restore() throws {
    let store = try StoreFixtures.store()
    let opened = try store.write {
      try $0.openCase(StoreFixtures.complaint(), at: nil, officer: "li.wei", now: now)
    }
    let id = opened.reliefCase.id
    _ = try store.write {
      try $0.perform("accept", inputs: EventInputs(), at: nil, officer: "t", on: id, now: now)
    }
    try note(store, id, "已核实")
    let history = try store.read { try $0.history(of: id) }
    let record = try #require(try store.read { try $0.caseRecord(id) })

    let copy = try StoreFixtures.store()
    #expect(throws: DataError.stateDiffers(id, file: "closed", replayed: "accepted")) {
      try copy.write { try $0.restoreCase(history, id: id, expectedState: "closed", now: now) }
    }
    var wrongStep = history
    wrongStep[1].to = "rejected"
    #expect(
      throws: DataError.eventStateDiffers(id, seq: 2, file: "rejected", replayed: "accepted")
    ) {
      try copy.write { try $0.restoreCase(wrongStep, id: id, expectedState: nil, now: now) }
    }
    _ = try copy.write {
      try $0.restoreCase(history, id: id, expectedState: "accepted", now: now)
    }
    #expect(try copy.read { try $0.caseRecord(id) } == record)
    #expect(try copy.read { try $0.history(of: id) } == history)
    #expect(throws: DataError.caseExists(id)) {
      try copy.write { try $0.restoreCase(history, id: id, expectedState: nil, now: now) }
    }
    // The next case opened takes the next number.
    let next = try copy.write {
      try $0.openCase(StoreFixtures.complaint(), at: nil, officer: "t", now: now)
    }
    #expect(next.reliefCase.id.number == id.number + 1)
    #expect(try copy.checkIntegrity(now: now).isEmpty)
  }

  @Test("services export with the enterprises they list, in the order they were logged")
  func services() throws {
    let store = try StoreFixtures.store()
    let day = LocalDate("2026-04-20")!
    let listed = try store.write {
      try $0.logService(
        ServiceDraft(
          type: .training, date: day, enterprises: [StoreFixtures.tianhe, StoreFixtures.nanshan]),
        officer: "t", now: now)
    }
    #expect(listed.region?.rawValue == "440106")
    #expect(listed.served == 2)
    let counted = try store.write {
      try $0.logService(
        ServiceDraft(
          type: .policyBriefing, date: day, enterprises: [StoreFixtures.tianhe], count: 200,
          region: RegionCode(trusted: "440300")),
        officer: "t", now: now)
    }
    #expect(counted.region?.rawValue == "440300")
    #expect(counted.served == 200)
    var exported: [ServiceRecord] = []
    try store.read { try $0.forEachService { exported.append($0) } }
    #expect(exported.map(\.enterprises.count) == [2, 1])
    #expect(exported.first?.id == listed.id)
    #expect(
      Set(exported.first?.enterprises.map(\.uscc) ?? []) == [
        StoreFixtures.tianhe, StoreFixtures.nanshan,
      ])
    #expect(exported.last?.served == 200)

    // The counts per day, region and type follow every service, and db check holds them to it.
    let days = try store.queue.read { db in
      try Row.fetchAll(
        db, sql: "SELECT region, type, activities, served FROM service_days ORDER BY region")
    }
    #expect(days.map { $0["served"] as Int } == [2, 200])
    #expect(days.map { $0["activities"] as Int } == [1, 1])
    #expect(try store.checkIntegrity(now: now).isEmpty)
    try store.queue.write { db in
      try db.execute(sql: "UPDATE service_days SET served = served + 1 WHERE region = '440300'")
    }
    let problems = try store.checkIntegrity(now: now)
    #expect(problems.map(\.detail) == [.serviceDaysOutOfStep(count: 2)], "\(problems)")
  }

  @Test("every check passes on a sound database and names what was tampered with")
  func checks() throws {
    let store = try StoreFixtures.store()
    let opened = try store.write {
      try $0.openCase(StoreFixtures.complaint(), at: nil, officer: "t", now: now)
    }
    let id = opened.reliefCase.id
    for (event, inputs) in [
      ("accept", EventInputs()), ("pay", EventInputs(amount: Money(yuan: 1000))),
    ] as [(EventName, EventInputs)] {
      _ = try store.write {
        try $0.perform(event, inputs: inputs, at: nil, officer: "t", on: id, now: now)
      }
    }
    #expect(try store.checkIntegrity(now: now).isEmpty)

    try store.queue.write { db in
      try db.execute(sql: "UPDATE cases SET state = 'closed', assignee = 'mallory'")
      // The columns the reports read instead of the details must agree with them.
      try db.execute(sql: "UPDATE cases SET facet = 'other', claimed = 5")
      try db.execute(
        sql: "UPDATE cases SET details = json_set(details, '$.amountRecovered', 99900000000)")
      try db.execute(sql: "UPDATE case_sequences SET last = 3")
      try db.execute(sql: "DELETE FROM search WHERE rowid = (3 << 40) | 1")
    }
    let problems = try store.checkIntegrity(now: now)
    let checks = Set(problems.map(\.check))
    #expect(checks == [.replay, .amounts, .caseNumbers, .search])
    let fields = problems.compactMap { problem -> String? in
      if case .fieldDiffers(let field, _, _) = problem.detail { return field }
      return nil
    }
    #expect(Set(fields) == ["state", "assignee", "details", "facet", "claimed"])
    #expect(
      problems.contains {
        $0.detail == .fieldDiffers(field: "facet", stored: "other", replayed: "government")
      })
    #expect(problems.filter { $0.check == .replay }.allSatisfy { $0.subject == id.description })
    #expect(
      problems.contains {
        $0.detail == .numbersMissing(kind: .arrears, year: 2026, missing: [2, 3], count: 2)
      })
    #expect(problems.contains { $0.detail == .searchOutOfStep(missing: 1, stale: 0) })

    // Details that no longer decode are reported, and the other cases still checked.
    _ = try store.write {
      try $0.openCase(StoreFixtures.complaint(), at: nil, officer: "t", now: now)
    }
    try store.queue.write { db in
      try db.execute(sql: "UPDATE cases SET details = '{\"kind\": \"arrears\"}' WHERE id = 1")
    }
    let unreadable = try store.checkIntegrity(now: now).filter {
      if case .unreadable = $0.detail { return true }
      return false
    }
    #expect(unreadable.map(\.subject) == [id.description])
  }
}
