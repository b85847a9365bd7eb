import Foundation
import GRDB
import ReliefDomain

extension StoreSession {
  /// Appends an event to the chain and returns its hash. `previous` is the hash of the last
  /// event, when the caller knows it; else it is read.
  @discardableResult
  func append(_ event: CaseEvent, caseRowID: Int64, caseID: CaseID, previous known: Data? = nil)
    throws -> Data
  {
    let data = try StoredJSON.data(of: event)
    let amount = StoredJSON.amount(of: event)
    let previous =
      try known
      ?? Data.fetchOne(
        db.cachedStatement(sql: "SELECT hash FROM event_log ORDER BY id DESC LIMIT 1"))
      ?? EventChain.genesis
    let hash = EventChain.hash(
      EventChain.Content(
        caseCode: caseID.description, seq: event.seq, name: event.name.rawValue,
        from: event.from?.rawValue, to: event.to.rawValue, at: event.at.seconds,
        recordedAt: event.recordedAt.seconds, officer: event.officer, amount: amount, data: data),
      previous: previous)
    let step = try vocabulary.step(
      kind: caseID.kind, name: event.name, from: event.from, to: event.to, in: db)
    try db.cachedStatement(
      sql: """
        INSERT INTO event_log (case_id, seq, step, at, delay, officer, amount, data, hash)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
        """
    ).execute(arguments: [
      caseRowID, event.seq, step, event.at.seconds, event.recordedAt.seconds - event.at.seconds,
      try vocabulary.officer(event.officer, in: db), amount, data, hash,
    ])
    return hash
  }

  /// A case's events, oldest first.
  public func history(of id: CaseID) throws -> [CaseEvent] {
    guard let (rowID, _) = try loadCase(id) else { throw StoreError.caseNotFound(id.description) }
    return try events(ofCaseRow: rowID)
  }

  func events(ofCaseRow rowID: Int64) throws -> [CaseEvent] {
    try Row.fetchAll(
      db,
      sql: """
        SELECT seq, name, from_state, to_state, at, recorded_at, officer, data
        FROM events WHERE case_id = ? ORDER BY seq
        """, arguments: [rowID]
    ).map(Self.event(from:))
  }

  static func event(from row: Row) throws -> CaseEvent {
    let name = EventName(rawValue: row["name"])
    let (inputs, opening) = try StoredJSON.decodeData(row["data"], name: name)
    let from: String? = row["from_state"]
    let at: Int64 = row["at"]
    let recordedAt: Int64 = row["recorded_at"]
    return CaseEvent(
      seq: row["seq"], name: name, from: from.map(CaseState.init(rawValue:)),
      to: CaseState(rawValue: row["to_state"]), at: Instant(seconds: at),
      recordedAt: Instant(seconds: recordedAt), officer: row["officer"], inputs: inputs,
      opening: opening)
  }
}
