import GRDB
import ReliefMigrations

/// Brings a database's schema up to date on open: GRDB's `DatabaseMigrator` with one migration
/// per file of `Migrations/sqlite/`, identified by the file's name (`0001_initial`) and recorded
/// in GRDB's table `grdb_migrations` once applied. Whichever migrations a database lacks are
/// applied, in the order of the files, even one in the middle (a database made on a branch that
/// skipped a number still receives it).
///
/// All the pending migrations apply in ONE transaction: a failure leaves the database as it was.
/// GRDB's `migrate(_:)` cannot give that (each migration commits its own transaction, and it
/// cannot run inside one of ours), so the migrator here says what is registered and what is
/// applied, and `migrate(_:path:)` runs the missing files and records their identifiers in the
/// migrator's own table within a single write transaction. A database migrated so is complete
/// in the migrator's eyes (`hasCompletedMigrations`), and one the migrator alone migrated opens
/// with nothing to run (only its `user_version` is set).
///
/// A database from before the migrator has `PRAGMA user_version = N` and no `grdb_migrations`:
/// the runner of then applied 1 to N in order, so their identifiers are recorded as applied, in
/// the same transaction as the migrations still missing (the bridge). `user_version` keeps the
/// highest number applied, so that an older Relief still refuses a database this one migrated.
struct SchemaMigrator {
  /// The migrations, in the order they apply.
  let migrations: [ReliefMigration]
  /// GRDB's migrator with one migration per file.
  let migrator: DatabaseMigrator

  /// Relief's SQLite schema.
  static let relief = SchemaMigrator(ReliefMigrations.sqlite)

  init(_ migrations: [ReliefMigration]) {
    self.migrations = migrations
    var migrator = DatabaseMigrator()
    // Never wipe an officer's database because a schema looks different.
    migrator.eraseDatabaseOnSchemaChange = false
    for migration in migrations {
      let sql = migration.sql
      // Foreign keys stay on, as they are for every other write: no table is recreated.
      migrator.registerMigration(migration.identifier, foreignKeyChecks: .immediate) { db in
        try db.execute(sql: sql)
      }
    }
    self.migrator = migrator
  }

  /// The newest schema version (the highest migration number) this build knows.
  var latest: Int { migrations.map(\.version).max() ?? 0 }

  /// What bringing a database up to date takes.
  struct Plan {
    /// Whether GRDB's table of applied migrations exists.
    var hasTable: Bool
    /// Identifiers to record as applied without running them: the bridge from `user_version`.
    var bridged: [String]
    /// Migrations to run, in order.
    var pending: [ReliefMigration]
    /// `PRAGMA user_version` as found.
    var version: Int

    /// Whether there is nothing to write.
    func isCurrent(latest: Int) -> Bool {
      hasTable && bridged.isEmpty && pending.isEmpty && version == latest
    }

    /// The schema version the database is complete up to: below the first migration it lacks.
    var completeVersion: Int {
      pending.first.map { min(version, $0.version - 1) } ?? version
    }
  }

  /// What `db` lacks; refuses a database a newer Relief migrated, and one that is not Relief's.
  func plan(_ db: Database, path: String) throws -> Plan {
    let version = try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0
    if version > latest { throw StoreError.newerSchema(found: version, supported: latest) }
    let hasTable = try db.tableExists("grdb_migrations")
    var applied: Set<String> = []
    var bridged: [String] = []
    if hasTable {
      applied = try migrator.appliedIdentifiers(db)
      let unknown = applied.subtracting(migrator.migrations)
      if !unknown.isEmpty {
        let numbers = unknown.compactMap(ReliefMigration.version(of:))
        // Someone else's migrations: not a Relief database.
        guard numbers.count == unknown.count, let newest = numbers.max() else {
          throw StoreError.notAReliefDatabase(path: path)
        }
        // A migration this build does not have: a newer Relief (or another branch) made it.
        throw StoreError.newerSchema(found: max(version, newest), supported: latest)
      }
    } else if version > 0 {
      bridged = migrations.filter { $0.version <= version }.map(\.identifier)
      applied = Set(bridged)
    }
    if applied.isEmpty {
      // A new, empty file is given the schema; any other database without it is not Relief's.
      let tables =
        try Int.fetchOne(
          db,
          sql: """
            SELECT count(*) FROM sqlite_master
            WHERE name NOT LIKE 'sqlite_%' AND name <> 'grdb_migrations'
            """) ?? 0
      if tables > 0 { throw StoreError.notAReliefDatabase(path: path) }
    }
    let pending = migrations.filter { !applied.contains($0.identifier) }
    return Plan(hasTable: hasTable, bridged: bridged, pending: pending, version: version)
  }

  /// What the database behind `queue` lacks, read without writing (a read-only connection may
  /// ask); refuses as `plan(_:path:)` does.
  func plan(_ queue: DatabaseQueue, path: String) throws -> Plan {
    do {
      return try queue.read { db in try plan(db, path: path) }
    } catch let error as DatabaseError where error.resultCode == .SQLITE_NOTADB {
      throw StoreError.notAReliefDatabase(path: path)
    }
  }

  /// Applies what the database lacks, all in one transaction; writes nothing to a current one.
  func migrate(_ queue: DatabaseQueue, path: String) throws {
    guard try !plan(queue, path: path).isCurrent(latest: latest) else { return }
    try queue.write { db in
      // Planned again inside the transaction: another process may have migrated meanwhile.
      let plan = try plan(db, path: path)
      // The table as GRDB's migrator creates it.
      try db.execute(
        sql: "CREATE TABLE IF NOT EXISTS grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY)")
      for identifier in plan.bridged {
        try record(identifier, in: db)
      }
      for migration in plan.pending {
        try db.execute(sql: migration.sql)
        try record(migration.identifier, in: db)
      }
      try db.execute(sql: "PRAGMA user_version = \(latest)")
    }
  }

  private func record(_ identifier: String, in db: Database) throws {
    try db.execute(
      sql: "INSERT INTO grdb_migrations (identifier) VALUES (?)", arguments: [identifier])
  }
}
