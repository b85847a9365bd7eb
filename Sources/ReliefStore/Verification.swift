import Foundation
import GRDB
import ReliefDomain

extension StoreSession {
  /// The anchor of the history as it stands: the number of events and the last one's hash. Read
  /// from the last event alone: events are numbered 1, 2, 3… in the order they are recorded and
  /// never deleted, so the last one's number is the count (`verifyChain` holds every event to
  /// its position).
  public func anchor() throws -> HistoryAnchor {
    guard
      let row = try Row.fetchOne(
        db, sql: "SELECT id, hash FROM event_log ORDER BY id DESC LIMIT 1")
    else { return HistoryAnchor(count: 0, head: EventChain.genesis) }
    return HistoryAnchor(count: Int(row["id"] as Int64), head: row["hash"] ?? Data())
  }

  /// Walks every event in chain order, recomputing each hash from the stored columns and the
  /// previous event's stored hash; stops at the first that does not match, or whose number is not
  /// its position in the chain. An altered column, a deleted or inserted event, or a case
  /// re-numbered under its events all break the chain there. `position` asks for the event at
  /// that position (an anchor's count) to be kept in the result.
  public func verifyChain(position wanted: Int? = nil, progress: ((Int) -> Void)? = nil) throws
    -> ChainVerification
  {
    let cursor = try Row.fetchCursor(
      db,
      sql: """
        SELECT e.id, c.code, e.seq, e.name, e.from_state, e.to_state, e.at, e.recorded_at,
          e.officer, e.amount, e.data, e.hash
        FROM events e LEFT JOIN cases c ON c.id = e.case_id
        ORDER BY e.id
        """)
    var previous = EventChain.genesis
    var checked = 0
    var atPosition: ChainVerification.Position?
    while let row = try cursor.next() {
      let code: String = row["code"] ?? ""
      let id: Int64 = row["id"]
      let content = EventChain.Content(
        caseCode: code, seq: row["seq"], name: row["name"], from: row["from_state"],
        to: row["to_state"], at: row["at"], recordedAt: row["recorded_at"], officer: row["officer"],
        amount: row["amount"], data: row["data"])
      let stored: Data = row["hash"] ?? Data()
      if id != Int64(checked + 1) || EventChain.hash(content, previous: previous) != stored {
        return ChainVerification(
          checked: checked, firstBreak: .init(eventID: id, caseCode: code, seq: row["seq"]),
          head: previous, atPosition: atPosition)
      }
      previous = stored
      checked += 1
      if checked == wanted {
        atPosition = .init(hash: stored, caseCode: code, seq: row["seq"])
      }
      if checked % 10_000 == 0 { progress?(checked) }
    }
    return ChainVerification(
      checked: checked, firstBreak: nil, head: previous, atPosition: atPosition)
  }
}
