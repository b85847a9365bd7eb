import Testing

@testable import ReliefDomain

@Suite("Clocks and alerts")
struct ClockTests {
  func act(
    _ reliefCase: ReliefCase, _ event: EventName, _ inputs: EventInputs = EventInputs(),
    on day: String
  )
    throws -> ReliefCase
  {
    let at = Fixtures.zone.instant(LocalDate(day)!, secondsOfDay: 10 * 3600)
    return try reliefCase.applying(
      EventRequest(event, inputs: inputs, at: at, officer: "t"), context: Fixtures.context()
    ).reliefCase
  }

  @Test("a complaint must be accepted within 10 working days of registration")
  func registration() throws {
    let reliefCase = try Fixtures.opened(.arrears)  // Tuesday 2026-04-28
    let clock = try #require(reliefCase.clock)
    #expect(clock.dueDate.description == "2026-05-14")  // Labour Day and make-up Saturday 5/9
    #expect(clock.warnDate.description == "2026-05-12")
    #expect(clock.alert(on: LocalDate("2026-05-11")!) == .blue)  // 3 working days left
    #expect(clock.alert(on: LocalDate("2026-05-12")!) == .yellow)  // 2 left
    #expect(clock.alert(on: LocalDate("2026-05-14")!) == .yellow)
    #expect(clock.alert(on: LocalDate("2026-05-15")!) == .red)
  }

  @Test("the result period runs 30 days; yellow at 20% of it or 2 working days")
  func resultPeriod() throws {
    var reliefCase = try Fixtures.opened(.arrears)
    reliefCase = try act(reliefCase, "accept", on: "2026-04-28")
    reliefCase = try act(reliefCase, "transfer", EventInputs(to: "市工信局"), on: "2026-04-28")
    let clock = try #require(reliefCase.clock)
    #expect(clock.dueDate.description == "2026-05-28")
    #expect(clock.warnDate.description == "2026-05-22")
    #expect(clock.alert(on: LocalDate("2026-05-21")!) == .blue)
    #expect(clock.alert(on: LocalDate("2026-05-22")!) == .yellow)
    // Extensions move the deadline: 30 + 60 = 90 days from transfer.
    reliefCase = try act(
      reliefCase, "extend", EventInputs(reason: "复杂", days: 60), on: "2026-05-20")
    #expect(reliefCase.clock?.dueDate.description == "2026-07-27")
    #expect(reliefCase.clock?.startedOn.description == "2026-04-28")
  }

  @Test("awaiting documents stops the clock; receipt starts it again from that day")
  func documentsRestart() throws {
    var reliefCase = try Fixtures.opened(.arrears)
    reliefCase = try act(
      reliefCase, "request-documents", EventInputs(reason: "缺合同"), on: "2026-04-29")
    #expect(reliefCase.clock == nil)
    #expect(reliefCase.alert(on: LocalDate("2026-09-01")!) == nil)
    reliefCase = try act(reliefCase, "receive-documents", on: "2026-06-18")
    let clock = try #require(reliefCase.clock)
    #expect(clock.startedOn.description == "2026-06-18")
    // 6/19-6/21 Dragon Boat: 22, 23, 24, 25, 26, 29, 30, 7/1, 7/2, 7/3.
    #expect(clock.dueDate.description == "2026-07-03")
  }

  @Test("a white-list decision counts from opening through applied and reviewing")
  func whitelistClock() throws {
    var reliefCase = try Fixtures.opened(.whitelist)
    let due = try #require(reliefCase.clock?.dueDate)
    #expect(due.description == "2026-05-08")  // 4/29, 4/30, then Labour Day, 5/6, 5/7, 5/8
    reliefCase = try act(reliefCase, "review", on: "2026-05-06")
    #expect(reliefCase.clock?.dueDate == due)
    #expect(reliefCase.clock?.state == "reviewing")
  }

  @Test("an event that answers a clock after its deadline is late; reminders never are")
  func lateness() throws {
    let reliefCase = try Fixtures.opened(.arrears)
    let onTime = try reliefCase.applying(
      EventRequest(
        "accept", at: Fixtures.zone.instant(LocalDate("2026-05-14")!, secondsOfDay: 3600 * 23),
        officer: "t"),
      context: Fixtures.context())
    #expect(!onTime.clockChange.isLate)
    #expect(onTime.clockChange.ended?.setting == "clock.arrears.registered")
    #expect(onTime.clockChange.started?.setting == "clock.arrears.accepted")
    let late = try reliefCase.applying(
      EventRequest(
        "accept", at: Fixtures.zone.instant(LocalDate("2026-05-15")!, secondsOfDay: 60),
        officer: "t"),
      context: Fixtures.context())
    #expect(late.clockChange.isLate)
    // A note neither stops nor moves the clock.
    let note = try reliefCase.applying(
      EventRequest(
        "note", inputs: EventInputs(note: "x"),
        at: Fixtures.zone.instant(LocalDate("2026-06-01")!, secondsOfDay: 60), officer: "t"),
      context: Fixtures.context())
    #expect(note.clockChange == .none)
  }

  @Test("clock lengths follow the settings")
  func settings() throws {
    let context = DecisionContext(
      now: Fixtures.now, zone: Fixtures.zone,
      clocks: ClockSettings(overrides: ["clock.arrears.registered": 5]),
      standing: EnterpriseStanding(region: Fixtures.home))
    let reliefCase = try ReliefCase.opening(
      CaseOpening(
        enterprise: Fixtures.enterprise, title: "t", assignee: nil,
        details: Fixtures.details(.arrears)),
      id: CaseID(kind: .arrears, year: 2026, number: 1), at: Fixtures.openedAt, officer: "t",
      context: context
    ).reliefCase
    #expect(reliefCase.clock?.dueDate.description == "2026-05-08")
    #expect(reliefCase.clock?.length == 5)
  }
}
