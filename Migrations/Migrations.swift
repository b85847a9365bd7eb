/// One schema migration: a file `Migrations/<engine>/NNNN_name.sql`, shipped once and never
/// changed afterwards (a test pins the SHA-256 of each file).
public struct ReliefMigration: Sendable {
  /// The file name without its extension, e.g. `0001_initial`: the identifier GRDB's
  /// `DatabaseMigrator` records in `grdb_migrations` once the migration is applied.
  public let identifier: String
  /// The SQL the migration runs, as embedded in the binary.
  public let sql: String

  /// The number the file name starts with (`0001_initial` is 1). `PRAGMA user_version` holds the
  /// highest number applied, as it did before the migrator, so that an older Relief still
  /// refuses a database a newer one migrated.
  public var version: Int { Self.version(of: identifier) ?? 0 }

  /// The name after the number (`initial`).
  public var name: String {
    identifier.firstIndex(of: "_").map { String(identifier[identifier.index(after: $0)...]) }
      ?? identifier
  }

  /// Creates a migration from its identifier and the bytes of its file.
  public init(_ identifier: String, _ bytes: [UInt8]) {
    self.init(identifier, sql: String(decoding: bytes, as: UTF8.self))
  }

  /// Creates a migration from its identifier and its SQL (tests build synthetic ones).
  public init(_ identifier: String, sql: String) {
    self.identifier = identifier
    self.sql = sql
  }

  /// The number an identifier starts with (`0004_province` is 4), or nil for one that does not
  /// start with four digits and an underscore: not a Relief migration.
  public static func version(of identifier: String) -> Int? {
    let digits = identifier.prefix(4)
    guard digits.count == 4, digits.allSatisfy({ ("0"..."9").contains($0) }),
      identifier.dropFirst(4).first == "_"
    else { return nil }
    return Int(digits)
  }
}

/// The schema migrations, in the order they apply: one folder per database engine.
public enum ReliefMigrations {
  /// `Migrations/sqlite/`: every migration of the SQLite schema. Add a file there, embed it in
  /// Package.swift, append it here and pin its SHA-256 in MigrationPinTests.
  public static let sqlite: [ReliefMigration] = [
    ReliefMigration("0001_initial", PackageResources._001_initial_sql),
    ReliefMigration("0002_search", PackageResources._002_search_sql),
    ReliefMigration("0003_reports", PackageResources._003_reports_sql),
    ReliefMigration("0004_province", PackageResources._004_province_sql),
    ReliefMigration("0005_search_fold", PackageResources._005_search_fold_sql),
    ReliefMigration("0006_law", PackageResources._006_law_sql),
  ]

  /// The migrations of the engine Relief runs on (SQLite).
  public static var all: [ReliefMigration] { sqlite }
}
