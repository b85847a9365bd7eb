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
      try db.execute(sql: ReliefMigrations.all[0].sql)
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
  }
}
