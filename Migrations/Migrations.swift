/// The schema migrations, in the order they apply.
public enum ReliefMigrations {
  /// Every migration: its version number, its name and its SQL.
  public static let all: [(version: Int, name: String, sql: String)] = [
    (1, "initial", String(decoding: PackageResources._001_initial_sql, as: UTF8.self)),
    (2, "search", String(decoding: PackageResources._002_search_sql, as: UTF8.self)),
    (3, "reports", String(decoding: PackageResources._003_reports_sql, as: UTF8.self)),
    (4, "province", String(decoding: PackageResources._004_province_sql, as: UTF8.self)),
    (5, "search_fold", String(decoding: PackageResources._005_search_fold_sql, as: UTF8.self)),
  ]
}
