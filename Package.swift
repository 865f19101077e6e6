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
    // libpq's header (Debian: libpq-dev), for its types only: Accord does not link libpq. No
    // pkgConfig: SwiftPM would add pkg-config's `-lpq` to every link (the header is found as
    // <postgresql/libpq-fe.h>, see shim.h).
    .systemLibrary(name: "CPostgres", providers: [.apt(["libpq-dev"]), .brew(["libpq"])]),
    // Turns Migrations/*.sql into Swift source at build time, so that the binary carries its schema
    // (and Migrations/postgres/*.sql with roles.sql, for AccordPostgres).
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
    // The typed PostgreSQL layer, the sibling of AccordSQLite (the same API, SQLValue arguments,
    // `?` placeholders): connection, rows, errors, the migrator of Migrations/postgres/. It loads
    // libpq.so.5 with dlopen the first time it connects, so that nothing else pays for it.
    .target(
      name: "AccordPostgres",
      dependencies: ["CPostgres", "AccordSQLite", "AccordSystem"],
      plugins: ["EmbedMigrations"]
    ),
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
    // Every answer of the store in words for a reader, and nothing else: how a fact is said
    // (Phrase), the lines of a timeline and of `accord changes`, the texts of `negotiation show` and
    // `proposal show`, tables cut to the terminal (TerminalText: display width), CSV, JSON, and
    // reports as Markdown, self-contained HTML with SVG timelines, or JSON. It queries nothing.
    .target(name: "AccordPresentation", dependencies: ["AccordStore"]),
    // The command line: one subcommand a file, thin: it asks AccordStore and prints what
    // AccordPresentation makes of the answer.
    .executableTarget(
      name: "accord",
      dependencies: [
        "AccordStore",
        "AccordSQLite",
        "AccordPostgres",
        "AccordTransfer",
        "AccordPresentation",
        "AccordSamples",
        "AccordSystem",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    // The engine the library's tests run on: SQLite in memory, or with ACCORD_TEST_ENGINE=postgresql
    // a database of its own on the test server for each store. For the test targets alone.
    .target(
      name: "AccordTestEngine", dependencies: ["AccordStore", "AccordPostgres", "AccordSQLite"],
      path: "Tests/AccordTestEngine"),
    .testTarget(
      name: "AccordStoreTests",
      dependencies: [
        // AccordPresentation: the store's answers in words (a timeline's lines, a status's reason).
        "AccordStore", "AccordSQLite", "AccordSamples", "AccordTransfer", "AccordPresentation",
        // The same tests on a team's server (ACCORD_TEST_ENGINE=postgresql).
        "AccordTestEngine", "AccordPostgres",
        .product(name: "PropertyBased", package: "swift-property-based"),
      ]),
    .testTarget(
      name: "AccordCommandTests",
      dependencies: [
        "accord", "AccordStore", "AccordSQLite", "AccordPostgres", "AccordSamples", "AccordTestEngine",
        .product(name: "PropertyBased", package: "swift-property-based"),
      ]),
    // Against the server in ACCORD_TEST_PG (scripts/pg-test-server), skipped when it is not set.
    .testTarget(name: "AccordPostgresTests", dependencies: ["AccordPostgres", "AccordSQLite"]),
    .testTarget(
      name: "AccordPresentationTests",
      dependencies: ["AccordPresentation", "AccordStore", "AccordSamples", "AccordTestEngine"],
      exclude: ["Golden"]),
    .testTarget(
      name: "AccordTransferTests",
      dependencies: ["AccordTransfer", "AccordStore", "AccordSamples", "AccordTestEngine"],
      exclude: ["Fixtures"]),
  ]
)
