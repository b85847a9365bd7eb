import Foundation
import GRDB
import ReliefDomain

/// A case for the bulk loader: how it was opened, and the events that followed, in order.
package struct PlannedCase: Sendable {
  /// The id it is stored under.
  package var id: CaseID
  /// What the opening recorded.
  package var opening: CaseOpening
  /// When it was opened.
  package var openedAt: Instant
  /// Who opened it.
  package var officer: String
  /// Every later event, each with its time (`at`) set.
  package var events: [EventRequest]

  /// Creates a planned case.
  package init(
    id: CaseID, opening: CaseOpening, openedAt: Instant, officer: String,
    events: [EventRequest]
  ) {
    self.id = id
    self.opening = opening
    self.openedAt = openedAt
    self.officer = officer
    self.events = events
  }
}

/// A service for the bulk loader.
package struct PlannedService: Sendable {
  /// What was delivered; its enterprises must have been loaded.
  package var draft: ServiceDraft
  /// Who logged it.
  package var officer: String
  /// When it was logged.
  package var recordedAt: Instant

  /// Creates a planned service.
  package init(draft: ServiceDraft, officer: String, recordedAt: Instant) {
    self.draft = draft
    self.officer = officer
    self.recordedAt = recordedAt
  }
}

/// Loads generated data at the scale of a province, for benchmarks: enterprises, cases with their
/// whole histories, and services, many to a transaction.
///
/// Every case is decided by the workflow engine exactly as `relief case open` and `relief case
/// act` would decide it, event by event at the event's own time, so the data passes `relief db
/// check` and `relief db verify`; a planned event the engine refuses stops the load. Events are
/// written in the order of their times across cases, as an agency's would have been, so the
/// history of a case is spread over the table and the hash chain runs in time order. Cases must
/// therefore be added in the order they were opened; the events of a case wait in memory until
/// a later opening passes them.
///
/// Fast, not safe: the connection does not wait for the disk (`synchronous = OFF`), and the
/// search index is filled once per call rather than row by row. Never for an officer's database.
/// A call that throws rolls its transaction back, and leaves the loader unusable.
package final class BulkLoader {
  private let store: ReliefStore
  private var enterprises: [USCC: (rowID: Int64, region: RegionCode)] = [:]
  private var pending = EventQueue()
  private var previousHash: Data?
  private var lastOpening = Instant(seconds: Int64.min)
  private var lastNumbers: [CaseKind: [Int: Int]] = [:]

  /// Prepares `store` for loading: the disk is no longer waited for.
  package init(store: ReliefStore) throws {
    self.store = store
    try store.translatingErrors {
      try store.queue.writeWithoutTransaction { db in
        try db.execute(sql: "PRAGMA synchronous = OFF")
        // 64 MiB of page cache: a load touches many indexes at once.
        try db.execute(sql: "PRAGMA cache_size = -65536")
      }
    }
  }

  /// How many events wait for a later opening.
  package var pendingEvents: Int { pending.count }

  /// Registers enterprises in one transaction.
  package func addEnterprises(_ list: [(enterprise: Enterprise, createdAt: Instant)]) throws {
    try store.write { session in
      try session.deferringSearchIndex {
        for (enterprise, createdAt) in list {
          let rowID = try session.importEnterprise(
            enterprise, createdAt: createdAt, updatedAt: createdAt, replacing: false,
            now: createdAt)
          enterprises[enterprise.uscc] = (rowID, enterprise.region)
        }
      }
    }
  }

  /// Imports a year's working-day calendar, as `relief calendar import` would.
  package func addCalendar(_ year: WorkingCalendar.Year, officer: String, now: Instant) throws {
    _ = try store.write { session in
      try session.importCalendar(year, replace: false, officer: officer, now: now)
    }
  }

  /// Decides and stores cases in one transaction: each case's row and clocks as its events leave
  /// them, and the events up to the last opening among `cases`. Cases come in order of opening.
  package func addCases(_ cases: [PlannedCase]) throws {
    let agency = try store.read { $0.agency }
    try store.write { session in
      try session.deferringSearchIndex {
        for planned in cases {
          try add(planned, agency: agency, session: session)
        }
        try writePending(through: lastOpening, session: session)
      }
    }
  }

  /// Stores services in one transaction.
  package func addServices(_ services: [PlannedService]) throws {
    try store.write { session in
      for service in services {
        let draft = try service.draft.validated()
        var rowIDs: [Int64] = []
        var region = draft.region
        for uscc in draft.enterprises {
          guard let enterprise = try enterprise(uscc, session: session) else {
            throw StoreError.enterpriseNotFound(uscc)
          }
          rowIDs.append(enterprise.rowID)
          region = region ?? enterprise.region
        }
        guard let region else { throw StoreError.serviceNeedsRegion }
        try session.db.cachedStatement(
          sql: """
            INSERT INTO services (type, date, region, campaign, note, served, officer, recorded_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """
        ).execute(arguments: [
          draft.type.rawValue, draft.date.description, region.rawValue, draft.campaign,
          draft.note, draft.served, service.officer, service.recordedAt.seconds,
        ])
        let serviceID = session.db.lastInsertedRowID
        let link = try session.db.cachedStatement(
          sql: "INSERT INTO service_enterprises (service_id, enterprise_id) VALUES (?, ?)")
        for rowID in rowIDs {
          try link.execute(arguments: [serviceID, rowID])
        }
      }
    }
  }

  /// Writes the events still waiting and the case numbers taken, then checkpoints the database
  /// so that it stands alone in its file.
  package func finish() throws {
    try store.write { session in
      try session.deferringSearchIndex {
        try writePending(through: Instant(seconds: Int64.max), session: session)
      }
      for (kind, years) in lastNumbers {
        for (year, last) in years {
          try session.db.execute(
            sql: """
              INSERT INTO case_sequences (kind, year, last) VALUES (?, ?, ?)
              ON CONFLICT (kind, year) DO UPDATE SET last = max(last, excluded.last)
              """, arguments: [kind.rawValue, year, last])
        }
      }
    }
    try store.translatingErrors {
      try store.queue.writeWithoutTransaction { db in
        try db.execute(sql: "PRAGMA optimize")
        _ = try Row.fetchAll(db, sql: "PRAGMA wal_checkpoint(TRUNCATE)")
      }
    }
  }

  private func enterprise(_ uscc: USCC, session: StoreSession) throws
    -> (rowID: Int64, region: RegionCode)?
  {
    if let known = enterprises[uscc] { return known }
    guard
      let row = try Row.fetchOne(
        session.db.cachedStatement(sql: "SELECT id, region FROM enterprises WHERE uscc = ?"),
        arguments: [uscc.rawValue])
    else { return nil }
    let found = (rowID: row["id"] as Int64, region: RegionCode(trusted: row["region"]))
    enterprises[uscc] = found
    return found
  }

  private func add(_ planned: PlannedCase, agency: Agency, session: StoreSession) throws {
    guard planned.openedAt >= lastOpening else {
      throw StoreError.corruptRecord("\(planned.id) opens before the case loaded before it")
    }
    guard let enterprise = try enterprise(planned.opening.enterprise, session: session) else {
      throw StoreError.enterpriseNotFound(planned.opening.enterprise)
    }
    // Events up to this opening go first, so that rows and the chain follow time.
    try writePending(through: planned.openedAt, session: session)
    lastOpening = planned.openedAt
    let standing = EnterpriseStanding(region: enterprise.region)
    var decision = try ReliefCase.opening(
      planned.opening, id: planned.id, at: planned.openedAt, officer: planned.officer,
      context: agency.context(now: planned.openedAt))
    var decisions = [decision]
    for request in planned.events {
      let at = request.at ?? decision.reliefCase.updatedAt
      decision = try decision.reliefCase.applying(
        request, context: agency.context(now: at, standing: standing))
      decisions.append(decision)
    }
    let reliefCase = decision.reliefCase
    let rowID = try session.insertCase(reliefCase, enterpriseRowID: enterprise.rowID)
    var clocks = ClockRows()
    for decision in decisions {
      clocks.record(decision.clockChange, event: decision.event)
    }
    for period in clocks.rows {
      try session.insertClock(period, caseRowID: rowID)
    }
    for decision in decisions {
      pending.push(PendingEvent(event: decision.event, caseRowID: rowID, caseID: planned.id))
    }
    let id = planned.id
    lastNumbers[id.kind, default: [:]][id.year] = max(
      lastNumbers[id.kind]?[id.year] ?? 0, id.number)
  }

  private func writePending(through time: Instant, session: StoreSession) throws {
    while let next = pending.peek, next.event.at <= time {
      pending.pop()
      previousHash = try session.append(
        next.event, caseRowID: next.caseRowID, caseID: next.caseID, previous: previousHash)
    }
  }
}

/// An event decided and waiting to be written.
private struct PendingEvent {
  let event: CaseEvent
  let caseRowID: Int64
  let caseID: CaseID
  var order = 0
}

/// The waiting events, earliest first (a binary heap; equal times in the order they came).
private struct EventQueue {
  private var heap: [PendingEvent] = []
  private var counter = 0

  var count: Int { heap.count }
  var peek: PendingEvent? { heap.first }

  private func precedes(_ a: PendingEvent, _ b: PendingEvent) -> Bool {
    (a.event.at, a.order) < (b.event.at, b.order)
  }

  mutating func push(_ element: PendingEvent) {
    var element = element
    counter += 1
    element.order = counter
    heap.append(element)
    var child = heap.count - 1
    while child > 0 {
      let parent = (child - 1) / 2
      guard precedes(heap[child], heap[parent]) else { break }
      heap.swapAt(child, parent)
      child = parent
    }
  }

  mutating func pop() {
    heap.swapAt(0, heap.count - 1)
    heap.removeLast()
    var parent = 0
    while true {
      let left = 2 * parent + 1
      let right = left + 1
      var first = parent
      if left < heap.count, precedes(heap[left], heap[first]) { first = left }
      if right < heap.count, precedes(heap[right], heap[first]) { first = right }
      if first == parent { return }
      heap.swapAt(parent, first)
      parent = first
    }
  }
}

/// The clock periods a case's decisions leave, built in memory by the rule `recordClockChange`
/// writes to the table with (`ClockPeriodEdit`), so that they are written in one go.
struct ClockRows {
  var rows: [ClockPeriod] = []

  mutating func record(_ change: ClockChange, event: CaseEvent) {
    let edit = ClockPeriodEdit(change, event: event)
    if let running = rows.indices.last, rows[running].endedAt == nil {
      edit.apply(toRunning: &rows[running])
    }
    if let started = edit.starts { rows.append(started) }
  }
}
