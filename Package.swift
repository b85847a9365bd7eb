// swift-tools-version: 6.1
import PackageDescription

let package = Package(
  name: "Relief",
  platforms: [.macOS(.v15)],
  products: [
    .executable(name: "relief", targets: ["relief"]),
    .executable(name: "relief-bench", targets: ["relief-bench"]),
  ],
  dependencies: [
    .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
    .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
    .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
  ],
  targets: [
    // Values, cases, workflows, calendars, clocks, interest: no SQLite, no I/O.
    .target(name: "ReliefDomain"),
    // The SQL schema, embedded in the binary so that `relief` runs from anywhere.
    .target(
      name: "ReliefMigrations",
      // One folder per engine: `sqlite/` now, `postgresql/` for the next one (not built yet).
      // A file is identified by its name (`0001_initial`) and never changes once shipped.
      path: "Migrations",
      exclude: ["postgresql"],
      resources: [
        .embedInCode("sqlite/0001_initial.sql"),
        .embedInCode("sqlite/0002_search.sql"),
        .embedInCode("sqlite/0003_reports.sql"),
        .embedInCode("sqlite/0004_province.sql"),
        .embedInCode("sqlite/0005_search_fold.sql"),
        .embedInCode("sqlite/0006_law.sql"),
      ]
    ),
    // The store seam: the operations the commands need (`ReliefDatabase`, `ReliefSession`) and
    // the values they exchange; no engine, no SQL. Each store implements it.
    .target(name: "ReliefStoreAPI", dependencies: ["ReliefDomain"]),
    // SQLite: the only module that talks to SQLite (GRDB), behind the seam.
    .target(
      name: "ReliefStore",
      dependencies: [
        "ReliefDomain",
        "ReliefStoreAPI",
        "ReliefMigrations",
        .product(name: "GRDB", package: "GRDB.swift"),
        .product(name: "Crypto", package: "swift-crypto"),
      ]
    ),
    // Opening a database: the one place that chooses the engine from `--db`.
    .target(name: "ReliefStores", dependencies: ["ReliefStoreAPI", "ReliefStore"]),
    // What people and files see: rendering, data in and out, the language tables.
    .target(name: "ReliefPresentation", dependencies: ["ReliefDomain", "ReliefStoreAPI"]),
    // The command line: one file per subcommand, thin: parse, one store transaction, render. It
    // sees the store through the seam only.
    .target(
      name: "ReliefCommands",
      dependencies: [
        "ReliefDomain",
        "ReliefPresentation",
        "ReliefStoreAPI",
        "ReliefStores",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
        // `.xlsx` workbooks are zip archives.
        .product(name: "ZIPFoundation", package: "ZIPFoundation"),
      ]
    ),
    .executableTarget(name: "relief", dependencies: ["ReliefCommands"]),
    // The province-scale benchmark (Docs/performance.md): a data set through the store's bulk
    // loader, then every operation timed as a whole process beside the sqlite3 shell.
    .target(
      name: "ReliefBench", dependencies: ["ReliefDomain", "ReliefStore"],
      path: "Benchmarks/ReliefBench"),
    .executableTarget(
      name: "relief-bench",
      dependencies: [
        "ReliefBench", .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ],
      path: "Benchmarks/relief-bench"),
    .testTarget(
      name: "ReliefDomainTests",
      dependencies: [
        "ReliefDomain", .product(name: "PropertyBased", package: "swift-property-based"),
      ]
    ),
    .testTarget(
      name: "ReliefStoreTests",
      dependencies: [
        "ReliefStore", "ReliefDomain", "ReliefMigrations",
        .product(name: "GRDB", package: "GRDB.swift"),
        .product(name: "Crypto", package: "swift-crypto"),
      ]
    ),
    .testTarget(
      name: "ReliefBenchTests",
      dependencies: ["ReliefBench", "ReliefStore", "relief", "relief-bench"]
    ),
    .testTarget(
      name: "ReliefCommandsTests",
      dependencies: [
        "ReliefCommands", "ReliefPresentation", "ReliefStore", "ReliefDomain", "relief",
        .product(name: "GRDB", package: "GRDB.swift"),
      ]
    ),
  ]
)
