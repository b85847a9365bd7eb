import ReliefDomain

/// Why the store refused or failed. The command line words each case through its language tables.
public enum StoreError: Error, Equatable, Sendable {
  /// No database at the path; `relief init` creates one.
  case databaseMissing(path: String)
  /// The file is not a Relief database.
  case notAReliefDatabase(path: String)
  /// The file is empty: only `relief init` makes it a database.
  case emptyDatabaseFile(path: String)
  /// A newer Relief migrated this database; this one cannot read it.
  case newerSchema(found: Int, supported: Int)
  /// The database has an older schema, and a read-only open does not migrate it.
  case olderSchema(path: String, found: Int, supported: Int)
  /// The process may not write the database (the file, its folder or the mount is read-only):
  /// only reading commands work.
  case databaseReadOnly(path: String)
  /// The database cannot even be read without write access: it is in WAL mode, its
  /// shared-memory index cannot be created beside it, and it may be changing.
  case databaseUnreadable(path: String)
  /// No enterprise with this code.
  case enterpriseNotFound(USCC)
  /// An enterprise with this code is already registered.
  case enterpriseExists(USCC)
  /// No case with this id.
  case caseNotFound(String)
  /// Every number of a kind and year is taken.
  case sequenceExhausted(kind: CaseKind, year: Int)
  /// The demo refuses to replace a database that is not a demo.
  case notADemoDatabase(path: String)
  /// A stored value could not be read back.
  case corruptRecord(String)
  /// The year's calendar is already known; replacing it must be asked for.
  case calendarYearKnown(Int)
  /// A file or folder could not be created or read.
  case io(path: String, reason: String)
  /// A service names no enterprise and gives no region.
  case serviceNeedsRegion
  /// A monthly summary was already frozen for this month and region at this very second.
  case reportAlreadyFrozen(month: String)
  /// SQLite refused or failed.
  case database(String)
  /// A value broke a CHECK constraint of the schema (SQLite's message names the constraint in
  /// SQL, which is not for an officer).
  case constraintFailed
  /// A setting that does not exist or a value it does not take.
  case invalidSetting(key: String, value: String)
}

/// An engine's own error (SQLite's, PostgreSQL's) that the store words as a `StoreError`: the
/// engine declares the conformance, so that no caller needs the engine's library.
public protocol StoreErrorTranslatable: Error {
  /// The error in the store's words.
  var storeError: StoreError { get }
}

extension StoreError {
  /// An engine's error as a `StoreError`, or nil for any other error: for the errors a caller
  /// catches inside a transaction (an import's refusal of one record), before `write` would
  /// translate them.
  public init?(translating error: any Error) {
    guard let error = error as? any StoreErrorTranslatable else { return nil }
    self = error.storeError
  }
}
