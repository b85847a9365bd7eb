import Foundation
import GRDB
import ReliefMigrations
import Testing

@testable import ReliefDomain
@testable import ReliefStore

/// Each rule lives in one place; where SQL must repeat it (a query that filters in SQLite, a
/// shipped migration that cannot change), these tests evaluate the SQL in SQLite and compare it
/// with the Swift rule.
@Suite("One rule, one place")
struct OneRuleTests {
  /// Evaluates an SQL expression with named arguments in a bare in-memory database.
  static func evaluate(_ expression: String, _ arguments: [String: (any DatabaseValueConvertible)?])
    throws -> DatabaseValue
  {
    try DatabaseQueue().read { db in
      try DatabaseValue.fetchOne(
        db, sql: "SELECT \(expression)", arguments: StatementArguments(arguments)) ?? .null
    }
  }

  /// The `CASE kind ... END` expression that follows `prefix` in a shipped migration.
  static func caseExpression(after prefix: String, in migration: String) throws -> String {
    let sql = try #require(ReliefMigrations.sqlite.first { $0.identifier == migration }).sql
    let start = try #require(sql.range(of: prefix)).upperBound
    let end = try #require(sql.range(of: " END", range: start..<sql.endIndex)).upperBound
    return String(sql[start..<end])
  }

  @Test(
    "the alert SQL says what CaseClock.deadlineAlert(on:) and isReReviewDue(on:) say, for every order of due, warn and today, deadline or reminder"
  )
  func alertSQLMatchesDomain() throws {
    let base = LocalDate("2026-03-10")!
    let days = (0..<5).map { base.adding(days: $0) }
    let sql = AlertSQL(due: ":due", warn: ":warn", today: ":today", reminder: "(:reminder = 1)")
    var compared = 0
    for isReminder in [false, true] {
      for due in days {
        for warn in days {
          for today in days {
            let clock = CaseClock(
              state: "accepted", setting: "clock.arrears.accepted", unit: .days, length: 10,
              startedOn: base, dueDate: due, warnDate: warn, isReminder: isReminder,
              usesFallbackCalendar: false)
            let expected = clock.deadlineAlert(on: today)
            let arguments: [String: (any DatabaseValueConvertible)?] = [
              "due": due.description, "warn": warn.description, "today": today.description,
              "reminder": isReminder ? 1 : 0,
            ]
            for alert in Alert.allCases {
              let holds = try Self.evaluate(sql.condition(alert), arguments)
              #expect(
                holds == (alert == expected).databaseValue,
                "\(alert) due \(due) warn \(warn) today \(today) reminder \(isReminder)")
            }
            let attention = try Self.evaluate(sql.needsAttention, arguments)
            #expect(attention == (expected == .red || expected == .yellow).databaseValue)
            let reReview = try Self.evaluate(sql.reReviewDue, arguments)
            #expect(reReview == clock.isReReviewDue(on: today).databaseValue)
            compared += 1
          }
        }
      }
    }
    #expect(compared == 250)
    // A case with no running clock is at no alert.
    for alert in Alert.allCases {
      let holds = try Self.evaluate(
        sql.condition(alert), ["due": nil, "warn": nil, "today": "2026-03-10", "reminder": 0])
      #expect(holds != true.databaseValue)
    }
  }

  @Test("the cases' reminder SQL is true exactly in the states whose clock is a re-review reminder")
  func reminderStatesMatchWorkflows() throws {
    var reminders = 0
    for kind in CaseKind.allCases {
      for state in kind.workflow.states {
        let holds = try Self.evaluate(
          "\(AlertSQL.reminderStates) FROM (SELECT :kind AS kind, :state AS state) c",
          ["kind": kind.rawValue, "state": state.name.rawValue])
        let clock = state.clocks.first.map {
          CaseClock.compute(
            $0, state: state.name, start: LocalDate("2026-03-10")!,
            validUntil: LocalDate("2029-03-10")!, settings: .defaults, calendar: .official)
        }
        #expect(holds == (clock?.isReminder == true).databaseValue, "\(kind) \(state.name)")
        if clock?.isReminder == true { reminders += 1 }
      }
    }
    #expect(reminders >= 1)
  }

  @Test("migration 0001's case code prefixes are CaseKind.idPrefix")
  func idPrefixesMatchMigration0001() throws {
    let expression = try Self.caseExpression(
      after: "code TEXT GENERATED ALWAYS AS (\n    ", in: "0001_initial")
    #expect(expression.hasPrefix("CASE kind"))
    for kind in CaseKind.allCases {
      let prefix = try Self.evaluate(
        "\(expression) FROM (SELECT :kind AS kind)", ["kind": kind.rawValue])
      #expect(prefix == kind.idPrefix.databaseValue, "\(kind)")
    }
    // The stored code of a real row follows it too.
    let store = try StoreFixtures.store()
    let record = try store.write {
      try $0.openCase(StoreFixtures.complaint(), at: nil, officer: "t", now: StoreFixtures.now)
    }
    let code = try store.read {
      try String.fetchOne($0.db, sql: "SELECT code FROM cases")
    }
    #expect(code == record.reliefCase.id.description)
  }

  /// One case of each kind for every value of the detail its kind is split by.
  static var everyFacet: [CaseDetails] {
    DebtorType.allCases.map {
      // Overdue before the openings, and `other` opened anyway (--allow-out-of-scope).
      .arrears(
        ArrearsDetails(
          debtor: "某局", debtorType: $0, amountOwed: Money(yuan: 1),
          paymentDueDate: LocalDate("2025-11-30")!,
          outOfScope: $0 == .other ? "recorded before the scope of intake was checked" : nil))
    }
      + ReliefType.allCases.map {
        .taxRefund(TaxRefundDetails(reliefType: $0, amountClaimed: Money(yuan: 2), taxPeriod: nil))
      }
      + WhitelistCategory.allCases.map {
        .whitelist(WhitelistDetails(category: $0, chain: SupplyChain.allCases[0]))
      }
      + Tier.allCases.map { .cultivation(CultivationDetails(tier: $0, priorTierEvidence: nil)) }
  }

  @Test("the facet and claimed rules: Swift, the SQL db check reads, and migration 0004 agree")
  func facetRuleMatchesCheckAndMigration0004() throws {
    let migration = try Self.caseExpression(after: "facet = ", in: "0004_province")
    #expect(migration.hasPrefix("CASE kind"))
    let check = StoredJSON.facetSQL(kind: "kind", details: "details")
    let migrationClaimed = try Self.caseExpression(after: "claimed = ", in: "0004_province")
    let checkClaimed = StoredJSON.claimedSQL(kind: "kind", details: "details")
    var kinds = Set<CaseKind>()
    for details in Self.everyFacet {
      kinds.insert(details.kind)
      let expected = StoredJSON.facet(of: details).databaseValue
      let arguments: [String: (any DatabaseValueConvertible)?] = [
        "kind": details.kind.rawValue, "details": try StoredJSON.encode(details),
      ]
      let row = "FROM (SELECT :kind AS kind, :details AS details)"
      #expect(try Self.evaluate("\(migration) \(row)", arguments) == expected, "\(details)")
      #expect(try Self.evaluate("\(check) \(row)", arguments) == expected, "\(details)")
      let claimed = StoredJSON.claimed(of: details)?.fen.databaseValue ?? .null
      #expect(try Self.evaluate("\(migrationClaimed) \(row)", arguments) == claimed)
      #expect(try Self.evaluate("\(checkClaimed) \(row)", arguments) == claimed)
    }
    #expect(kinds == Set(CaseKind.allCases))
  }

  @Test("the bulk loader leaves the clock periods that opening and performing one by one leave")
  func bulkClockPeriodsMatchLiveOnes() throws {
    let zone = StoreFixtures.zone
    func at(_ day: String) -> Instant { zone.instant(LocalDate(day)!, secondsOfDay: 10 * 3600) }
    let opened = at("2026-03-02")
    // Late documents, an extension after the deadline (a recount marked late), a transfer.
    let script: [(EventName, EventInputs, Instant)] = [
      ("request-documents", EventInputs(reason: "缺合同"), at("2026-03-03")),
      ("receive-documents", EventInputs(), at("2026-03-06")),
      ("accept", EventInputs(), at("2026-03-09")),
      ("transfer", EventInputs(to: "市工信局"), at("2026-03-10")),
      ("extend", EventInputs(reason: "复杂", days: 20), at("2026-05-20")),
      ("resolve", EventInputs(outcome: .partiallyPaid), at("2026-08-03")),
    ]
    let id = CaseID(kind: .arrears, year: 2026, number: 1)
    let query = """
      SELECT started_seq, state, setting, unit, length, started_on, due_date, warn_date, reminder,
        fallback, started_at, ended_at, late
      FROM clocks ORDER BY started_seq
      """

    let live = try StoreFixtures.store()
    _ = try live.write {
      try $0.openCase(StoreFixtures.complaint(), at: nil, officer: "t", now: opened)
    }
    for (event, inputs, time) in script {
      _ = try live.write {
        try $0.perform(event, inputs: inputs, at: nil, officer: "t", on: id, now: time)
      }
    }
    let liveRows = try live.read { try Row.fetchAll($0.db, sql: query) }

    let bulk = try makeEmptyTestStore()
    let loader = try BulkLoader(store: bulk)
    try loader.addEnterprises([(StoreFixtures.enterprise(), StoreFixtures.now)])
    try loader.addCases([
      PlannedCase(
        id: id, opening: StoreFixtures.complaint(), openedAt: opened, officer: "t",
        events: script.map { EventRequest($0.0, inputs: $0.1, at: $0.2, officer: "t") })
    ])
    try loader.finish()
    let bulkRows = try bulk.read { try Row.fetchAll($0.db, sql: query) }

    #expect(liveRows.count >= 3)
    #expect(liveRows.contains { $0["late"] == 1 })
    #expect(bulkRows == liveRows)
  }
}
