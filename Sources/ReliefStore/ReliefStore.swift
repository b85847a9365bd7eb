import Foundation
import GRDB
import ReliefDomain
// The seam this store implements. Exported: the whole module and its clients (its tests, the
// benchmark) see the seam's values as the store's own, with no second import.
@_exported import ReliefStoreAPI

/// The database: the only type that talks to SQLite. Every `write` is one transaction.
public final class ReliefStore: ReliefDatabase {
  /// The database file, or nil in memory.
  public let path: String?
  let queue: DatabaseQueue
  /// True when the connection was opened read-only (`open(at:readOnly:)`): it never writes.
  public let isReadOnly: Bool

  private init(path: String?, queue: DatabaseQueue, isReadOnly: Bool = false) {
    self.path = path
    self.queue = queue
    self.isReadOnly = isReadOnly
  }

  /// The newest schema version this build knows: the highest number of its migrations.
  public static var schemaVersion: Int { SchemaMigrator.relief.latest }

  /// Creates the database (and its folder) readable by its owner only, or opens and migrates it
  /// when it exists. Returns the store and whether the file was created.
  public static func create(at path: String) throws -> (store: ReliefStore, created: Bool) {
    let url = URL(fileURLWithPath: path)
    let folder = url.deletingLastPathComponent().path
    if !FileManager.default.fileExists(atPath: folder) {
      do {
        try FileManager.default.createDirectory(
          atPath: folder, withIntermediateDirectories: true,
          attributes: [.posixPermissions: 0o700])
      } catch {
        throw StoreError.io(path: folder, reason: String(cString: strerror(EACCES)))
      }
    }
    var created = false
    if !FileManager.default.fileExists(atPath: path) {
      let descriptor = Foundation.open(path, O_CREAT | O_EXCL | O_WRONLY, 0o600)
      guard descriptor >= 0 else {
        throw StoreError.io(path: path, reason: String(cString: strerror(errno)))
      }
      Foundation.close(descriptor)
      created = true
    } else if isEmptyFile(path) {
      // An empty file someone made (often readable by all) becomes the database only here, and
      // readable by its owner only, like a file `init` creates.
      guard chmod(path, 0o600) == 0 else {
        throw StoreError.io(path: path, reason: String(cString: strerror(errno)))
      }
      created = true
    }
    let store = try translatingOpenErrors(path: path) {
      try openExisting(at: path, fresh: created)
    }
    return (store, created)
  }

  /// Opens an existing database and migrates it forward; fails when there is none. With
  /// `tracingSQLTo`, every statement run is appended to that file with the values bound and the
  /// time it took, as SQL the `sqlite3` shell can run again (the benchmark's floor).
  ///
  /// `readOnly` opens it for reading only, as the commands that only read do, so that they work
  /// on a file or a folder the officer may not write: nothing is migrated (an older schema is
  /// `StoreError.olderSchema`), and every write is refused by SQLite itself.
  public static func open(
    at path: String, readOnly: Bool = false, tracingSQLTo trace: String? = nil
  )
    throws -> ReliefStore
  {
    guard FileManager.default.fileExists(atPath: path) else {
      throw StoreError.databaseMissing(path: path)
    }
    // SQLite would make an empty file a database, with whatever mode it has: only `init` may.
    guard !isEmptyFile(path) else { throw StoreError.emptyDatabaseFile(path: path) }
    let trace = trace.flatMap(SQLTrace.init(path:))
    return try translatingOpenErrors(path: path) {
      readOnly
        ? try openReadOnly(at: path, trace: trace)
        : try openExisting(at: path, fresh: false, trace: trace)
    }
  }

  /// True for an empty regular file without a write-ahead log holding pages beside it: not yet a
  /// database.
  static func isEmptyFile(_ path: String) -> Bool {
    var status = stat()
    guard stat(path, &status) == 0, status.st_mode & S_IFMT == S_IFREG, status.st_size == 0
    else { return false }
    var log = stat()
    return stat(path + "-wal", &log) != 0 || log.st_size == 0
  }

  private static func translatingOpenErrors<T>(path: String, _ body: () throws -> T) throws -> T {
    do {
      return try body()
    } catch let error as DatabaseError {
      throw storeError(error, path: path)
    }
  }

  /// SQLite's error in the store's words: a database the process may not write (a read-only
  /// file, folder or mount) says so instead of SQLite's "attempt to write a readonly database".
  static func storeError(_ error: DatabaseError, path: String?) -> StoreError {
    if let path, error.resultCode == .SQLITE_READONLY {
      return .databaseReadOnly(path: path)
    }
    if let path, error.resultCode == .SQLITE_CANTOPEN, !canWrite(path) {
      return .databaseReadOnly(path: path)
    }
    return StoreError(error)
  }

  /// True when this process may write the database file and create files beside it (the
  /// write-ahead log and its index).
  public static func canWrite(_ path: String) -> Bool {
    let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
    return access(path, W_OK) == 0 && access(folder, W_OK) == 0
  }

  private static func openExisting(at path: String, fresh: Bool, trace: SQLTrace? = nil) throws
    -> ReliefStore
  {
    // SQLite would open a file it may not write read-only without a word, and fail later with
    // "attempt to write a readonly database".
    if access(path, W_OK) != 0 { throw StoreError.databaseReadOnly(path: path) }
    let queue: DatabaseQueue
    let configuration = configuration(tracingTo: trace)
    do {
      queue = try DatabaseQueue(path: path, configuration: configuration)
    } catch let error as DatabaseError where error.resultCode == .SQLITE_NOTADB {
      throw StoreError.notAReliefDatabase(path: path)
    }
    if fresh {
      try queue.writeWithoutTransaction { db in
        _ = try String.fetchOne(db, sql: "PRAGMA journal_mode = WAL")
      }
    }
    try migrate(queue, path: path)
    return ReliefStore(path: path, queue: queue)
  }

  /// Opens the database for reading only, without migrating it.
  ///
  /// A database in WAL mode needs its shared-memory index (`-shm`) beside it, which SQLite 3.40
  /// cannot create in a folder the process may not write (or on a read-only mount), and then
  /// refuses even to read. When no write-ahead log exists (every committed change is in the
  /// file) and nobody can be writing (a read-only mount, or a file or folder that grants no one
  /// write permission), the file is read as immutable instead, which needs no index.
  private static func openReadOnly(at path: String, trace: SQLTrace?) throws -> ReliefStore {
    var configuration = configuration(tracingTo: trace)
    configuration.readonly = true
    // What the migrator would do: it refuses a newer or foreign database here too.
    func opening(_ location: String) throws -> (DatabaseQueue, SchemaMigrator.Plan) {
      let queue = try DatabaseQueue(path: location, configuration: configuration)
      return (queue, try SchemaMigrator.relief.plan(queue, path: path))
    }
    let (queue, plan): (DatabaseQueue, SchemaMigrator.Plan)
    do {
      (queue, plan) = try opening(path)
    } catch let error as DatabaseError
      where [.SQLITE_READONLY, .SQLITE_CANTOPEN].contains(error.resultCode)
    {
      guard nobodyCanWrite(path), !FileManager.default.fileExists(atPath: path + "-wal") else {
        throw StoreError.databaseUnreadable(path: path)
      }
      (queue, plan) = try opening(immutableURI(path))
    }
    // A migration to run, or a `user_version` below the latest, needs a writer. Identifiers
    // still to record (a database from before the migrator, at the latest version) change no
    // schema: it reads as it is.
    if !plan.pending.isEmpty || plan.version < schemaVersion {
      throw StoreError.olderSchema(
        path: path, found: plan.completeVersion, supported: schemaVersion)
    }
    return ReliefStore(path: path, queue: queue, isReadOnly: true)
  }

  /// True when no process (root aside) can be changing the file: it is on a read-only mount, or
  /// the file or its folder grants no one write permission.
  static func nobodyCanWrite(_ path: String) -> Bool {
    let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
    var volume = statvfs()
    if statvfs(path, &volume) == 0, volume.f_flag & UInt(ST_RDONLY) != 0 { return true }
    let writable = mode_t(S_IWUSR | S_IWGRP | S_IWOTH)
    var file = stat()
    var parent = stat()
    guard stat(path, &file) == 0, stat(folder, &parent) == 0 else { return false }
    return file.st_mode & writable == 0 || parent.st_mode & writable == 0
  }

  /// The file as an SQLite URI, read-only and immutable.
  static func immutableURI(_ path: String) -> String {
    let url = URL(fileURLWithPath: path).standardizedFileURL
    return url.absoluteString + "?mode=ro&immutable=1"
  }

  /// A fresh database in memory, for tests.
  public static func inMemory() throws -> ReliefStore {
    let queue = try DatabaseQueue(configuration: configuration(tracingTo: nil))
    try migrate(queue, path: ":memory:")
    return ReliefStore(path: nil, queue: queue)
  }

  static func configuration(tracingTo trace: SQLTrace?) -> Configuration {
    var configuration = Configuration()
    // Officers share a database: a writer waits for another rather than failing.
    configuration.busyMode = .timeout(30)
    configuration.foreignKeysEnabled = true
    configuration.prepareDatabase { db in
      // A logged complaint must survive a power cut, not only a crash.
      try db.execute(sql: "PRAGMA synchronous = FULL")
    }
    if let trace {
      configuration.prepareDatabase { db in
        db.trace(options: .profile) { event in
          if case .profile(let statement, let duration) = event {
            trace.write(statement.expandedSQL, seconds: duration)
          }
        }
      }
    }
    return configuration
  }

  /// Applies the migrations the database lacks in one transaction; refuses a database a newer
  /// Relief migrated (see `SchemaMigrator`).
  static func migrate(_ queue: DatabaseQueue, path: String) throws {
    try SchemaMigrator.relief.migrate(queue, path: path)
  }

  /// Runs `body` in one write transaction: all of it happens, or none of it.
  public func write<T>(_ body: (StoreSession) throws -> T) throws -> T {
    try translatingErrors { try queue.write { db in try body(try StoreSession(db)) } }
  }

  /// Runs `body` in one write transaction with the time read once the transaction holds the
  /// write lock: a writer that waited for another never records an event "before" the one the
  /// other wrote meanwhile. `clock` is read exactly once, inside the transaction.
  public func write<T>(
    at clock: (Agency) throws -> Instant, _ body: (StoreSession, Instant) throws -> T
  ) throws -> T {
    try write { session in try body(session, try clock(session.agency)) }
  }

  /// Runs `body` in one read transaction: a consistent view.
  public func read<T>(_ body: (StoreSession) throws -> T) throws -> T {
    try translatingErrors { try queue.read { db in try body(try StoreSession(db)) } }
  }

  /// SQLite's errors become `StoreError`s, so that no caller needs GRDB.
  func translatingErrors<T>(_ body: () throws -> T) throws -> T {
    do {
      return try body()
    } catch let error as DatabaseError {
      throw Self.storeError(error, path: path)
    }
  }

  /// Closes the connection, checkpointing the write-ahead log into the database file.
  public func close() throws {
    try queue.close()
  }

  /// The schema version of the open database: the highest number of its applied migrations,
  /// kept in `PRAGMA user_version`.
  public func currentSchemaVersion() throws -> Int {
    try queue.read { db in try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0 }
  }
}

/// Where `ReliefStore.open(at:tracingSQLTo:)` appends the statements it runs: each as one SQL
/// statement for the `sqlite3` shell, after a comment with the milliseconds it took. Trigger
/// programs are left out: the statement that fired them runs them again.
final class SQLTrace: @unchecked Sendable {
  private let handle: FileHandle

  init?(path: String) {
    if !FileManager.default.fileExists(atPath: path) {
      _ = FileManager.default.createFile(atPath: path, contents: nil)
    }
    guard let handle = FileHandle(forWritingAtPath: path) else { return nil }
    handle.seekToEndOfFile()
    self.handle = handle
  }

  func write(_ sql: String, seconds: Double) {
    guard !sql.hasPrefix("--") else { return }
    let milliseconds = (seconds * 1_000_000).rounded() / 1000
    // A trace is a developer's aid: a full disk loses lines, it does not stop the command.
    try? handle.write(contentsOf: Data("-- \(milliseconds) ms\n\(sql);\n".utf8))
  }
}

extension DatabaseError: StoreErrorTranslatable {
  /// SQLite's error in the store's words (`StoreError(translating:)`).
  public var storeError: StoreError { StoreError(self) }
}

extension StoreError {

  /// SQLite's message alone: GRDB's description of an error also prints the statement and its
  /// arguments, which no officer should see. A CHECK constraint's message is SQL too.
  init(_ error: DatabaseError) {
    if error.extendedResultCode == .SQLITE_CONSTRAINT_CHECK {
      self = .constraintFailed
    } else {
      self = .database(error.message ?? "SQLite error \(error.resultCode.rawValue)")
    }
  }
}
