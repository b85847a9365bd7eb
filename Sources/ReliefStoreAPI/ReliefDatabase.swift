import ReliefDomain

/// A Relief database, whatever the engine: what the commands open, read and write through. The
/// SQLite store (`ReliefStore`) implements it; a PostgreSQL store will be a second
/// implementation. The engine's language (SQL, its errors) stays inside the implementation.
public protocol ReliefDatabase: AnyObject, Sendable {
  /// One transaction's view of this database.
  associatedtype Session: ReliefSession

  /// Where the database is (a file's path for SQLite), or nil in memory.
  var path: String? { get }
  /// True when it was opened for reading only: it never writes.
  var isReadOnly: Bool { get }

  /// Runs `body` in one read transaction: a consistent view.
  func read<T>(_ body: (Session) throws -> T) throws -> T
  /// Runs `body` in one write transaction: all of it happens, or none of it.
  func write<T>(_ body: (Session) throws -> T) throws -> T
  /// Runs `body` in one write transaction and then rolls it back: a dry run that sees exactly
  /// what a real run would, and leaves nothing behind.
  func rehearse<T>(_ body: (Session) throws -> T) throws -> T

  /// Copies the database, consistent as of one moment, to a new file (`relief db backup`).
  func backup(to path: String, replacing: Bool) throws
  /// Runs every check of `relief db check` and returns the problems found, none when all pass.
  /// `skipped` hears of a check this process cannot run; `progress` of the cases replayed.
  func checkIntegrity(
    now: Instant, skipped: (IntegrityProblem.Check) -> Void, progress: (Int, Int) -> Void
  ) throws -> [IntegrityProblem]
  /// The schema version of the open database.
  func currentSchemaVersion() throws -> Int
  /// Closes the connection.
  func close() throws
}

extension ReliefDatabase {
  /// Runs `body` in one write transaction with the time read once the transaction holds the
  /// write lock: a writer that waited for another never records an event "before" the one the
  /// other wrote meanwhile. `clock` is read exactly once, inside the transaction.
  public func write<T>(
    at clock: (Agency) throws -> Instant, _ body: (Session, Instant) throws -> T
  ) throws -> T {
    try write { session in try body(session, try clock(session.agency)) }
  }

  /// Runs every check of `relief db check`, hearing of nothing but the result.
  public func checkIntegrity(now: Instant) throws -> [IntegrityProblem] {
    try checkIntegrity(now: now, skipped: { _ in }, progress: { _, _ in })
  }
}
