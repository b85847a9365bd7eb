import Crypto
import Foundation
import ReliefMigrations
import Testing

/// A shipped migration is never modified: databases in the field recorded it as applied and will
/// never run it again, so a change would reach only new databases. Each file's SHA-256 is pinned
/// here when it ships; a schema change is a new file with the next number.
@Suite("Shipped migrations are pinned")
struct MigrationPinTests {
  /// `Migrations/sqlite/` file name → SHA-256 of its bytes (`sha256sum Migrations/sqlite/*.sql`).
  /// Add a line when a migration is added; never change one.
  static let pinned: KeyValuePairs<String, String> = [
    "0001_initial.sql": "28c09ce919ea64e6be207e02f1a5111bb111b649d241900a1a8d15c772069a67",
    "0002_search.sql": "2a53814f79e8b1315f47ab10113524cf3e13089692f44d0c648df81e99271fae",
    "0003_reports.sql": "425ce864f03016fe48819b81c97e57d1df47fe97ca659dac9db0cdf7fb052fc7",
    "0004_province.sql": "e837d46f89f4c94b5c7be5a2844b4d68436cb372cf97c0f3fa79fd39b36bb7ad",
    "0005_search_fold.sql": "6e76673cb9f4f97d756502f527df66406dfaee48b8aebb4dd9e3f2bedd79dc41",
    "0006_law.sql": "385aef31b6f2f6b829e53f8303b83244a2575729e8c7b4e6acafcdbea6d030a6",
  ]

  /// The repository's `Migrations/sqlite/`, found from this file's place in it.
  static let folder = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Migrations").appendingPathComponent("sqlite")

  static func sha256<Bytes: Sequence<UInt8>>(_ bytes: Bytes) -> String {
    SHA256.hash(data: Array(bytes)).map { String(format: "%02x", $0) }.joined()
  }

  /// The `.sql` files in the folder, sorted by name.
  static func sqlFiles() throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: folder.path)
      .filter { $0.hasSuffix(".sql") }.sorted()
  }

  @Test("the SQL embedded in the binary is, byte for byte, the pinned file")
  func embedded() throws {
    let pins = Dictionary(uniqueKeysWithValues: Self.pinned.map { ($0.key, $0.value) })
    #expect(ReliefMigrations.sqlite.map { "\($0.identifier).sql" } == Self.pinned.map(\.key))
    for migration in ReliefMigrations.sqlite {
      let pin = try #require(pins["\(migration.identifier).sql"], "\(migration.identifier)")
      #expect(Self.sha256(migration.sql.utf8) == pin, "\(migration.identifier) changed")
    }
  }

  @Test("every file of Migrations/sqlite is pinned, embedded, and unchanged")
  func files() throws {
    let files = try Self.sqlFiles()
    // A new migration must be pinned (and embedded) when it is added; none may disappear.
    #expect(files == Self.pinned.map(\.key))
    #expect(files == ReliefMigrations.sqlite.map { "\($0.identifier).sql" })
    for (file, pin) in Self.pinned {
      let bytes = try Data(contentsOf: Self.folder.appendingPathComponent(file))
      #expect(Self.sha256(bytes) == pin, "\(file) changed: a shipped migration is never edited")
    }
  }

  @Test("identifiers are numbered in the order they apply, one file per number")
  func numbering() {
    let versions = ReliefMigrations.sqlite.map { ReliefMigration.version(of: $0.identifier) }
    #expect(!versions.contains(nil))
    let numbers = versions.compactMap { $0 }
    // `user_version` holds the highest number applied, and the bridge from it reads 1 to N as
    // the files up to N: numbers rise strictly, from 1.
    #expect(numbers.first == 1)
    #expect(zip(numbers, numbers.dropFirst()).allSatisfy { $0 < $1 })
  }
}
