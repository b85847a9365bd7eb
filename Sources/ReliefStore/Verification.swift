import Foundation
import GRDB
import ReliefDomain

/// The result of walking the hash chain.
public struct ChainVerification: Equatable, Sendable {
  /// An event whose stored hash does not match its content and the previous hash.
  public struct Break: Equatable, Sendable {
    /// The event's row id (its position in the chain).
    public var eventID: Int64
    /// The case it belongs to, such as `AR-2026-000001`.
    public var caseCode: String
    /// Its number within the case.
    public var seq: Int
  }

  /// How many events were checked.
  public var checked: Int
  /// The first event that does not match, or nil when the whole chain holds.
  public var firstBreak: Break?
}

extension StoreSession {
  /// Walks every event in chain order, recomputing each hash from the stored columns and the
  /// previous event's stored hash; stops at the first that does not match. An altered column, a
  /// deleted or inserted event, or a case re-numbered under its events all break the chain there.
  public func verifyChain(progress: ((Int) -> Void)? = nil) throws -> ChainVerification {
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
    while let row = try cursor.next() {
      let code: String = row["code"] ?? ""
      let content = EventChain.Content(
        caseCode: code, seq: row["seq"], name: row["name"], from: row["from_state"],
        to: row["to_state"], at: row["at"], recordedAt: row["recorded_at"], officer: row["officer"],
        amount: row["amount"], data: row["data"])
      let stored: Data = row["hash"] ?? Data()
      if EventChain.hash(content, previous: previous) != stored {
        return ChainVerification(
          checked: checked,
          firstBreak: .init(eventID: row["id"], caseCode: code, seq: row["seq"]))
      }
      previous = stored
      checked += 1
      if checked % 10_000 == 0 { progress?(checked) }
    }
    return ChainVerification(checked: checked, firstBreak: nil)
  }
}
