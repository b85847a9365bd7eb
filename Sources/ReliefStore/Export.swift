import Foundation
import GRDB
import ReliefDomain

extension StoreSession {
  /// Every enterprise with its tier and white-list status on a day, in the order they were
  /// registered. Streams: memory stays flat however many there are.
  public func forEachEnterprise(today: LocalDate, _ body: (EnterpriseView) throws -> Void)
    throws
  {
    let rows = try Row.fetchCursor(
      db, sql: "SELECT e.*, \(Self.derivedColumns) FROM enterprises e ORDER BY e.id",
      arguments: ["today": today.description])
    while let row = try rows.next() {
      try body(Self.view(from: row))
    }
  }

  /// Every case with its history, in the order they were stored. Two cursors walk cases and
  /// events side by side, so memory holds one case at a time.
  public func forEachCase(
    kind: CaseKind? = nil, _ body: (CaseRecord, [CaseEvent]) throws -> Void
  ) throws {
    try forEachCase(kind: kind, unreadable: nil, body)
  }

  /// `forEachCase`, handing a case whose row or events cannot be read to `unreadable` (with what
  /// names it) instead of stopping: what `db check` needs to report them all.
  func forEachCase(
    kind: CaseKind?, unreadable: ((String, any Error) -> Void)?,
    _ body: (CaseRecord, [CaseEvent]) throws -> Void
  ) throws {
    let filter = kind == nil ? "" : " WHERE c.kind = :kind"
    let kindFilter =
      kind == nil ? "" : " WHERE case_id IN (SELECT id FROM cases WHERE kind = :kind)"
    let arguments: StatementArguments = kind.map { ["kind": $0.rawValue] } ?? [:]
    let cases = try Row.fetchCursor(
      db, sql: "SELECT \(Self.caseColumns) FROM \(Self.caseJoins)\(filter) ORDER BY c.id",
      arguments: arguments)
    let events = try Row.fetchCursor(
      db,
      sql: """
        SELECT case_id, seq, name, from_state, to_state, at, recorded_at, officer, data
        FROM events\(kindFilter) ORDER BY case_id, seq
        """, arguments: arguments)
    var pending: (caseRowID: Int64, event: Result<CaseEvent, any Error>)?
    while let row = try cases.next() {
      let rowID: Int64 = row["row_id"]
      let name =
        CaseKind(rawValue: row["kind"] ?? "").map {
          CaseID(kind: $0, year: row["year"], number: row["number"]).description
        } ?? "case row \(rowID)"
      let record = Result { try Self.caseRecord(from: row) }
      var history: [CaseEvent] = []
      var failure = record.failure
      while true {
        if pending == nil {
          guard let eventRow = try events.next() else { break }
          pending = (eventRow["case_id"], Result { try Self.event(from: eventRow) })
        }
        guard let next = pending, next.caseRowID <= rowID else { break }
        // Events of a case that does not exist are skipped here; `db check` reports them.
        if next.caseRowID == rowID {
          switch next.event {
          case .success(let event): history.append(event)
          case .failure(let error): failure = failure ?? error
          }
        }
        pending = nil
      }
      if let failure {
        guard let unreadable else { throw failure }
        unreadable(name, failure)
        continue
      }
      try body(try record.get(), history)
    }
  }

  /// Every service activity with the enterprises it lists, in the order they were recorded.
  public func forEachService(_ body: (ServiceRecord) throws -> Void) throws {
    let services = try Row.fetchCursor(
      db,
      sql: """
        SELECT id, type, date, region, campaign, note, served, officer, recorded_at
        FROM services ORDER BY id
        """)
    let listed = try Row.fetchCursor(
      db,
      sql: """
        SELECT l.service_id, e.uscc, e.name FROM service_enterprises l
        JOIN enterprises e ON e.id = l.enterprise_id
        ORDER BY l.service_id, l.enterprise_id
        """)
    var pending: (serviceID: Int64, enterprise: ServedEnterprise)?
    while let row = try services.next() {
      let id: Int64 = row["id"]
      guard let date = LocalDate(row["date"] as String) else {
        throw StoreError.corruptRecord("date of service \(id)")
      }
      guard let type = ServiceType(rawValue: row["type"]) else {
        throw StoreError.corruptRecord("type of service \(id)")
      }
      var service = ServiceRecord(
        id: id, type: type, date: date,
        region: (row["region"] as String?).map(RegionCode.init(trusted:)),
        campaign: row["campaign"], note: row["note"], served: row["served"], enterprises: [],
        officer: row["officer"], recordedAt: Instant(seconds: row["recorded_at"]))
      while true {
        if pending == nil {
          guard let listRow = try listed.next() else { break }
          pending = (
            listRow["service_id"],
            ServedEnterprise(uscc: USCC(trusted: listRow["uscc"]), name: listRow["name"])
          )
        }
        guard let next = pending, next.serviceID <= id else { break }
        if next.serviceID == id { service.enterprises.append(next.enterprise) }
        pending = nil
      }
      try body(service)
    }
  }

  /// How many services are stored.
  public func serviceCount() throws -> Int {
    try Int.fetchOne(db, sql: "SELECT count(*) FROM services") ?? 0
  }
}

extension Result {
  /// The error, when this is one.
  fileprivate var failure: Failure? {
    if case .failure(let error) = self { return error }
    return nil
  }
}
