import GRDB
import ReliefDomain

/// The small numbers events and clock periods are stored with (migration 0004): what an event
/// did (`steps`), who recorded it (`officers`), and which clock ran (`clock_specs`). Each is
/// written the first time it is needed and never changed; the numbers a transaction looked up
/// are kept for the rest of it, so a bulk import looks each up once.
final class Vocabulary {
  private var steps: [String: Int64] = [:]
  private var officers: [String: Int64] = [:]
  private var specs: [String: Int64] = [:]

  /// The number of a step: an event of a kind's case, from a state (nil for the opening) to one.
  func step(
    kind: CaseKind, name: EventName, from: CaseState?, to: CaseState, in db: Database
  ) throws -> Int64 {
    let from = from?.rawValue ?? ""
    let key = "\(kind.rawValue)\u{1}\(name.rawValue)\u{1}\(from)\u{1}\(to.rawValue)"
    if let known = steps[key] { return known }
    let id = try Self.number(
      select:
        "SELECT id FROM steps WHERE kind = ? AND name = ? AND from_state = ? AND to_state = ?",
      insert: "INSERT INTO steps (kind, name, from_state, to_state) VALUES (?, ?, ?, ?)",
      arguments: [kind.rawValue, name.rawValue, from, to.rawValue], in: db)
    steps[key] = id
    return id
  }

  /// The number of an officer's name.
  func officer(_ name: String, in db: Database) throws -> Int64 {
    if let known = officers[name] { return known }
    let id = try Self.number(
      select: "SELECT id FROM officers WHERE name = ?",
      insert: "INSERT INTO officers (name) VALUES (?)", arguments: [name], in: db)
    officers[name] = id
    return id
  }

  /// The number of the state, setting and unit a clock runs with.
  func spec(of clock: CaseClock, in db: Database) throws -> Int64 {
    let key = "\(clock.state.rawValue)\u{1}\(clock.setting)\u{1}\(clock.unit.rawValue)"
    if let known = specs[key] { return known }
    let id = try Self.number(
      select: "SELECT id FROM clock_specs WHERE state = ? AND setting = ? AND unit = ?",
      insert: "INSERT INTO clock_specs (state, setting, unit) VALUES (?, ?, ?)",
      arguments: [clock.state.rawValue, clock.setting, clock.unit.rawValue], in: db)
    specs[key] = id
    return id
  }

  private static func number(
    select: String, insert: String, arguments: StatementArguments, in db: Database
  ) throws -> Int64 {
    if let id = try Int64.fetchOne(db.cachedStatement(sql: select), arguments: arguments) {
      return id
    }
    try db.cachedStatement(sql: insert).execute(arguments: arguments)
    return db.lastInsertedRowID
  }
}
