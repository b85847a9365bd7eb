import Foundation
import GRDB
import ReliefMigrations
import Testing

@testable import ReliefDomain
@testable import ReliefStore

@Suite("Migrations")
struct MigrationTests {
  /// A database left at schema version 1, with an enterprise registered, as a first release of
  /// Relief would have left it.
  func versionOneDatabase() throws -> (path: String, folder: URL) {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString)
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let path = folder.appendingPathComponent("old.sqlite").path
    let queue = try DatabaseQueue(path: path)
    try queue.write { db in
      try db.execute(sql: ReliefMigrations.sqlite[0].sql)
      try db.execute(sql: "PRAGMA user_version = 1")
      try db.execute(
        sql: """
          INSERT INTO enterprises (uscc, name, region, created_at, updated_at)
          VALUES ('91440305MA5FXHGE2A', '深圳市星河科技有限公司', '440305', 0, 0)
          """)
    }
    return (path, folder)
  }

  @Test("an older database is migrated forward on open, its rows kept and indexed")
  func forward() throws {
    let (path, folder) = try versionOneDatabase()
    defer { try? FileManager.default.removeItem(at: folder) }
    let store = try ReliefStore.open(at: path)
    #expect(try store.currentSchemaVersion() == ReliefStore.schemaVersion)
    // Version 1 was recorded as applied (the bridge), the others ran: GRDB's migrator agrees.
    let migrator = SchemaMigrator.relief.migrator
    #expect(
      try store.queue.read(migrator.appliedMigrations) == ReliefMigrations.sqlite.map(\.identifier))
    #expect(try store.queue.read(migrator.hasCompletedMigrations))
    let uscc = try USCC(parsing: "91440305MA5FXHGE2A")
    #expect(try store.read { try $0.enterprise(uscc) }?.name == "深圳市星河科技有限公司")
    // The search index added by a later version covers rows written before it.
    let found = try store.read { try $0.search("星河科技", limit: 10) }
    #expect(found.hits.map(\.id) == [uscc.rawValue])
    let short = try store.read { try $0.search("星河", limit: 10) }
    #expect(short.hits.map(\.id) == [uscc.rawValue])
    // And it works as a current database from then on.
    let opened = try store.write { session in
      try session.openCase(
        CaseOpening(
          enterprise: uscc, title: "测试", assignee: nil,
          details: .whitelist(WhitelistDetails(category: .other, chain: .food))),
        at: nil, officer: "t", now: Instant(seconds: 1_780_000_000))
    }
    #expect(opened.reliefCase.id.description.hasPrefix("WL-"))
  }

  @Test("a migration that fails leaves the database at its old version, untouched")
  func allOrNothing() throws {
    let (path, folder) = try versionOneDatabase()
    defer { try? FileManager.default.removeItem(at: folder) }
    // Something in the way of a later migration: a table it will want to create.
    try DatabaseQueue(path: path).write { db in
      try db.execute(sql: "CREATE TABLE search (x)")
    }
    #expect(throws: StoreError.self) { try ReliefStore.open(at: path) }
    let version = try DatabaseQueue(path: path).read { db in
      try Int.fetchOne(db, sql: "PRAGMA user_version")
    }
    #expect(version == 1)
    let leftovers = try DatabaseQueue(path: path).read { db in
      try Int.fetchOne(
        db,
        sql:
          "SELECT count(*) FROM sqlite_master WHERE name LIKE 'search_%' OR name LIKE 'cases_kind_%'"
      )
    }
    #expect(leftovers == 0)
    // Nor is version 1 recorded: the bridge rolled back with the rest.
    #expect(try !DatabaseQueue(path: path).read { try $0.tableExists("grdb_migrations") })
  }

  /// A database file in a new temporary folder, given `setUp`.
  func database(_ setUp: (Database) throws -> Void) throws -> (path: String, folder: URL) {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString)
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let path = folder.appendingPathComponent("relief.sqlite").path
    let queue = try DatabaseQueue(path: path)
    try queue.writeWithoutTransaction(setUp)
    try queue.close()
    return (path, folder)
  }

  /// Every schema object's SQL, GRDB's table of migrations left out, and `user_version`.
  func schema(_ path: String) throws -> (objects: [String], version: Int) {
    try DatabaseQueue(path: path).read { db in
      let objects = try String.fetchAll(
        db,
        sql: """
          SELECT type || ' ' || name || ': ' || coalesce(sql, '') FROM sqlite_master
          WHERE tbl_name <> 'grdb_migrations' ORDER BY type, name
          """)
      return (objects, try Int.fetchOne(db, sql: "PRAGMA user_version") ?? -1)
    }
  }

  func applied(_ path: String) throws -> [String] {
    try DatabaseQueue(path: path).read { db in
      try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations ORDER BY identifier")
    }
  }

  /// Three small migrations for the tests of planning, each making a table.
  static let synthetic = [
    ReliefMigration("0001_a", sql: "CREATE TABLE a (x);"),
    ReliefMigration("0002_b", sql: "CREATE TABLE b (x); INSERT INTO a VALUES (2);"),
    ReliefMigration("0003_c", sql: "CREATE TABLE c (x); INSERT INTO a VALUES (3);"),
  ]

  @Test("a database missing a migration in the middle (a branch skipped a number) receives it")
  func missingInTheMiddle() throws {
    let migrator = SchemaMigrator(Self.synthetic)
    let (path, folder) = try database { db in
      try db.execute(
        sql: """
          CREATE TABLE grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY);
          CREATE TABLE a (x); CREATE TABLE c (x); INSERT INTO a VALUES (3);
          INSERT INTO grdb_migrations VALUES ('0001_a'), ('0003_c');
          PRAGMA user_version = 3;
          """)
    }
    defer { try? FileManager.default.removeItem(at: folder) }
    let queue = try DatabaseQueue(path: path)
    try migrator.migrate(queue, path: path)
    #expect(try queue.read { try $0.tableExists("b") })
    // 0002 ran (once), 0003 did not run again.
    #expect(try queue.read { try Int.fetchAll($0, sql: "SELECT x FROM a ORDER BY x") } == [2, 3])
    #expect(try queue.read(migrator.migrator.hasCompletedMigrations))
    #expect(try queue.read { try Int.fetchOne($0, sql: "PRAGMA user_version") } == 3)
    try queue.close()

    // The same planning over Relief's files: a current database that lacks 0003 is given 0003
    // alone (planned only: 0003 indexes tables that 0004 made views, so it cannot run after it).
    let current = try ReliefStore.inMemory()
    try current.queue.write { db in
      try db.execute(sql: "DELETE FROM grdb_migrations WHERE identifier = '0003_reports'")
      let plan = try SchemaMigrator.relief.plan(db, path: ":memory:")
      #expect(plan.pending.map(\.identifier) == ["0003_reports"])
      #expect(plan.bridged.isEmpty)
    }
  }

  @Test("a later migration that fails leaves the database with only what it had")
  func allOrNothingWithTheMigrator() throws {
    let failing =
      Self.synthetic.dropLast() + [ReliefMigration("0003_c", sql: "CREATE TABLE a (x);")]
    let (path, folder) = try database { db in
      try db.execute(
        sql: """
          CREATE TABLE grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY);
          CREATE TABLE a (x); INSERT INTO grdb_migrations VALUES ('0001_a');
          PRAGMA user_version = 1;
          """)
    }
    defer { try? FileManager.default.removeItem(at: folder) }
    let before = try schema(path)
    let queue = try DatabaseQueue(path: path)
    #expect(throws: DatabaseError.self) {
      try SchemaMigrator(Array(failing)).migrate(queue, path: path)
    }
    try queue.close()
    #expect(try schema(path) == before)
    #expect(try applied(path) == ["0001_a"])
  }

  @Test("GRDB's own migrator commits each migration apart, hence Relief's single transaction")
  func grdbCommitsEachMigration() throws {
    // Should GRDB ever apply them together, `SchemaMigrator.migrate` could call it directly.
    let failing =
      Self.synthetic.dropLast() + [ReliefMigration("0003_c", sql: "CREATE TABLE a (x);")]
    let queue = try DatabaseQueue()
    #expect(throws: DatabaseError.self) {
      try SchemaMigrator(Array(failing)).migrator.migrate(queue)
    }
    #expect(try queue.read { try SchemaMigrator.relief.migrator.appliedIdentifiers($0) }.count == 2)
  }

  /// A database the hand-written runner brought to the latest version: every migration applied,
  /// `user_version` set, no `grdb_migrations`.
  func preMigratorDatabase() throws -> (path: String, folder: URL) {
    try database { db in
      try db.inTransaction {
        for migration in ReliefMigrations.sqlite { try db.execute(sql: migration.sql) }
        try db.execute(sql: "PRAGMA user_version = \(ReliefStore.schemaVersion)")
        return .commit
      }
    }
  }

  @Test("a database from before the migrator, at the latest version, is bridged and not changed")
  func bridgeAtLatest() throws {
    let (path, folder) = try preMigratorDatabase()
    defer { try? FileManager.default.removeItem(at: folder) }
    let before = try schema(path)
    #expect(try !DatabaseQueue(path: path).read { try $0.tableExists("grdb_migrations") })
    let store = try ReliefStore.open(at: path)
    try store.close()
    #expect(try schema(path) == before)
    #expect(try applied(path) == ReliefMigrations.sqlite.map(\.identifier))
    // Opening again writes nothing.
    let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
    try ReliefStore.open(at: path).close()
    #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == bytes)
  }

  @Test("read-only, a database lacking a migration is older, one from before the migrator reads")
  func readOnly() throws {
    let (path, folder) = try preMigratorDatabase()
    defer { try? FileManager.default.removeItem(at: folder) }
    // From before the migrator, at the latest version: read as it is, nothing written.
    let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
    try ReliefStore.open(at: path, readOnly: true).close()
    #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == bytes)
    // Lacking 0003 (recorded without it): complete up to 2 only, and only a writer migrates.
    try ReliefStore.open(at: path).close()
    try DatabaseQueue(path: path).write { db in
      try db.execute(sql: "DELETE FROM grdb_migrations WHERE identifier = '0003_reports'")
    }
    #expect(
      throws: StoreError.olderSchema(path: path, found: 2, supported: ReliefStore.schemaVersion)
    ) { try ReliefStore.open(at: path, readOnly: true) }
    // A migration this build does not know is refused read-only too.
    try DatabaseQueue(path: path).write { db in
      try db.execute(sql: "INSERT INTO grdb_migrations VALUES ('0003_reports'), ('0042_future')")
    }
    #expect(throws: StoreError.newerSchema(found: 42, supported: ReliefStore.schemaVersion)) {
      try ReliefStore.open(at: path, readOnly: true)
    }
  }

  @Test("a database GRDB's migrator alone migrated opens as Relief's, with the same schema")
  func grdbMigratedDatabase() throws {
    let (path, folder) = try database { _ in }
    defer { try? FileManager.default.removeItem(at: folder) }
    let queue = try DatabaseQueue(
      path: path, configuration: ReliefStore.configuration(tracingTo: nil))
    try SchemaMigrator.relief.migrator.migrate(queue)
    try queue.close()
    let reference = folder.appendingPathComponent("reference.sqlite").path
    try ReliefStore.create(at: reference).store.close()
    try ReliefStore.open(at: path).close()
    #expect(try schema(path) == schema(reference))
    #expect(try applied(path) == applied(reference))
  }

  @Test("a database with a migration this build does not know is refused, untouched")
  func unknownMigrationRefused() throws {
    let (path, folder) = try database { _ in }
    defer { try? FileManager.default.removeItem(at: folder) }
    try ReliefStore.create(at: path).store.close()
    try DatabaseQueue(path: path).write { db in
      try db.execute(sql: "INSERT INTO grdb_migrations VALUES ('0009_future')")
    }
    let before = try schema(path)
    #expect(throws: StoreError.newerSchema(found: 9, supported: ReliefStore.schemaVersion)) {
      try ReliefStore.open(at: path)
    }
    #expect(try schema(path) == before)
    // Someone else's migrations: not a Relief database at all.
    let foreign = folder.appendingPathComponent("foreign.sqlite").path
    try DatabaseQueue(path: foreign).write { db in
      try db.execute(
        sql: """
          CREATE TABLE grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY);
          INSERT INTO grdb_migrations VALUES ('createAuthors');
          CREATE TABLE author (id INTEGER PRIMARY KEY);
          """)
    }
    #expect(throws: StoreError.notAReliefDatabase(path: foreign)) {
      try ReliefStore.open(at: foreign)
    }
  }
}
