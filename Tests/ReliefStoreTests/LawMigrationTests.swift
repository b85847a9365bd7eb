import Foundation
import GRDB
import ReliefMigrations
import Testing

@testable import ReliefDomain
@testable import ReliefStore

/// Migration 0006 (issue 15): the sixteen sectors of the 2011 size standard and total assets.
@Suite("Migration 0006: sixteen sectors and total assets")
struct LawMigrationTests {
  @Test("a version 5 database keeps its enterprises' sectors and takes the new ones with assets")
  func sectorsKept() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString)
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("v5.sqlite").path
    let old = ["industry", "wholesale", "retail", "transport", "software-and-it"]
    let codes = [
      "91440305MA5FXHGE2A", "91440305MA5FTK8N19", "91440304MA5G2K3L7P", "91440106MA9W7B4C43",
      "91330106MA2H8U1D4U",
    ]
    let queue = try DatabaseQueue(path: path)
    try queue.write { db in
      for migration in ReliefMigrations.sqlite.prefix(5) { try db.execute(sql: migration.sql) }
      try db.execute(sql: "PRAGMA user_version = 5")
      for (code, sector) in zip(codes, old) {
        try db.execute(
          sql: """
            INSERT INTO enterprises (uscc, name, region, size, sector, employees, revenue,
              created_at, updated_at)
            VALUES (?, ?, '440305', 'small', ?, 25, 400000000, 0, 0)
            """, arguments: [code, "企业\(sector)", sector])
      }
    }
    try queue.close()
    let store = try ReliefStore.open(at: path)
    for (code, sector) in zip(codes, old) {
      let enterprise = try store.read { try $0.enterprise(USCC(trusted: code)) }
      #expect(enterprise?.sector?.rawValue == sector)
      #expect(enterprise?.size == .small)
      #expect(enterprise?.assets == nil)
    }
    // A sector of the sixteen, sized by revenue and assets, is stored with them.
    let uscc = USCC(trusted: "91310110666007217T")
    try store.write { session in
      try session.addEnterprise(
        Enterprise(
          uscc: uscc, name: "某建设", region: RegionCode(trusted: "310110"), sector: .construction,
          revenue: Money(yuan: 800_000_000), assets: Money(yuan: 800_000_000)),
        now: Instant(seconds: 1_780_000_000))
    }
    let stored = try store.read { try $0.enterprise(uscc) }
    #expect(stored?.sector == .construction)
    #expect(stored?.assets == Money(yuan: 800_000_000))
    #expect(stored?.size == .large)
    // The column still refuses a name outside the standard, and the table is sound.
    #expect(throws: (any Error).self) {
      try store.queue.write { try $0.execute(sql: "UPDATE enterprises SET sector = 'mining'") }
    }
    #expect(try store.checkIntegrity(now: Instant(seconds: 1_780_000_000)).isEmpty)
  }

  @Test("the sectors the migration allows are exactly the domain's")
  func sectorsTiedToDomain() throws {
    let sql = try #require(ReliefMigrations.sqlite.first { $0.identifier == "0006_law" }?.sql)
    // The list of the CHECK: from "IN (" to the next ")".
    let start = try #require(sql.range(of: "IN ("))
    let end = try #require(sql[start.upperBound...].firstIndex(of: ")"))
    let listed = sql[start.upperBound..<end].split(separator: "'").enumerated()
      .filter { $0.offset % 2 == 1 }.map { String($0.element) }
    #expect(listed == Sector.allCases.map(\.rawValue))
  }
}
