// swift-tools-version:6.1
import PackageDescription

let package = Package(
  name: "Accord",
  platforms: [.macOS(.v15)],
  products: [
    .executable(name: "accord", targets: ["accord"]),
    .library(name: "AccordStore", targets: ["AccordStore"]),
    // For the fuzz targets (fuzz/), which build against the readers and importers.
    .library(name: "AccordSQLite", targets: ["AccordSQLite"]),
    .library(name: "AccordTransfer", targets: ["AccordTransfer"]),
    .library(name: "AccordSamples", targets: ["AccordSamples"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
    // Property-based tests (Swift Testing): dates, names, the resolver, the import decoder.
    .package(url: "https://github.com/x-sheep/swift-property-based", exact: "2.0.1"),
  ],
  targets: [
    // The system libsqlite3 (Debian: libsqlite3-dev).
    .systemLibrary(
      name: "CSQLite",
      pkgConfig: "sqlite3",
      providers: [.apt(["libsqlite3-dev"]), .brew(["sqlite"])]
    ),
    // Turns Migrations/*.sql into Swift source at build time, so that the binary carries its schema.
    .executableTarget(name: "accord-embed-migrations"),
    .plugin(
      name: "EmbedMigrations",
      capability: .buildTool(),
      dependencies: ["accord-embed-migrations"]
    ),
    // The system calls of Accord (Linux or macOS), and the one way Accord
    // writes a file the user named (OutputFile: whole or not at all, mode 0600).
    .target(name: "AccordSystem"),
    // The typed SQLite layer (connection, statements, migrator, errors); nothing of negotiations.
    .target(name: "AccordSQLite", dependencies: ["CSQLite", "AccordSystem"]),
    // The storage module: the negotiation record, its schema (Migrations/), its errors. No CLI code.
    .target(
      name: "AccordStore",
      dependencies: ["AccordSQLite", "AccordSystem"],
      plugins: ["EmbedMigrations"]
    ),
    // Sample records: the worked example (the 2025 US-Ukraine minerals talks) and the synthetic
    // corpus that `accord generate` writes for benchmarks. Written through AccordStore's public API.
    .target(name: "AccordSamples", dependencies: ["AccordStore"]),
    // Every import and export: Accord's own format (JSON, NDJSON) both ways, and the field's
    // datasets (PA-X, UCDP, treaty status tables) in; the readers, the mappings and the importer.
    .target(name: "AccordTransfer", dependencies: ["AccordStore", "AccordSQLite", "AccordSystem"]),
    // Reports: Markdown, self-contained HTML with SVG timelines, JSON. Rendering only; the data
    // comes from AccordStore. Also text as a terminal shows it (TerminalText: display width, cuts).
    .target(name: "AccordReports", dependencies: ["AccordStore"]),
    // The command line: one subcommand a file, thin over AccordStore.
    .executableTarget(
      name: "accord",
      dependencies: [
        "AccordStore",
        "AccordSQLite",
        "AccordTransfer",
        "AccordReports",
        "AccordSamples",
        "AccordSystem",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    .testTarget(
      name: "AccordStoreTests",
      dependencies: [
        "AccordStore", "AccordSQLite", "AccordSamples", "AccordTransfer",
        .product(name: "PropertyBased", package: "swift-property-based"),
      ]),
    .testTarget(
      name: "AccordCommandTests",
      dependencies: [
        "accord", "AccordStore", "AccordSQLite", "AccordSamples",
        .product(name: "PropertyBased", package: "swift-property-based"),
      ]),
    .testTarget(
      name: "AccordReportsTests", dependencies: ["AccordReports", "AccordStore", "AccordSamples"],
      exclude: ["Golden"]),
    .testTarget(
      name: "AccordTransferTests", dependencies: ["AccordTransfer", "AccordStore", "AccordSamples"],
      exclude: ["Fixtures"]),
  ]
)
