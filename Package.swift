// swift-tools-version:6.1
import PackageDescription

let package = Package(
  name: "Accord",
  platforms: [.macOS(.v15)],
  products: [
    .executable(name: "accord", targets: ["accord"]),
    .library(name: "AccordStore", targets: ["AccordStore"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2")
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
    // The storage module: typed SQLite layer, migrations, the negotiation record. No CLI code.
    .target(
      name: "AccordStore",
      dependencies: ["CSQLite"],
      plugins: ["EmbedMigrations"]
    ),
    // The command line: one subcommand a file, thin over AccordStore.
    .executableTarget(
      name: "accord",
      dependencies: [
        "AccordStore",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    .testTarget(name: "AccordStoreTests", dependencies: ["AccordStore"]),
    .testTarget(name: "AccordCommandTests", dependencies: ["accord", "AccordStore"]),
  ]
)
