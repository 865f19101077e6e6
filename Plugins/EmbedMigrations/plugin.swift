import Foundation
import PackagePlugin

/// Embeds the package's migrations into the target as Swift source, so that an installed binary
/// carries its schema and needs no resource bundle: `Migrations/NNNN_name.sql` (SQLite's) into
/// every target that uses the plugin but AccordPostgres, and `Migrations/postgres/NNNN_name.sql`
/// with `Migrations/postgres/roles.sql` into AccordPostgres.
@main
struct EmbedMigrations: BuildToolPlugin {
  func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
    let postgres = target.name == "AccordPostgres"
    var folder = context.package.directoryURL.appending(path: "Migrations")
    if postgres { folder = folder.appending(path: "postgres") }
    let files = try FileManager.default
      .contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
      .filter { $0.pathExtension == "sql" && $0.lastPathComponent != "roles.sql" }
      .sorted { $0.lastPathComponent < $1.lastPathComponent }
    let roles = folder.appending(path: "roles.sql")
    let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedMigrations.swift")
    return [
      .buildCommand(
        displayName: "Embedding \(files.count) \(postgres ? "PostgreSQL " : "")migrations",
        executable: try context.tool(named: "accord-embed-migrations").url,
        arguments: (postgres ? ["--postgres", roles.path] : []) + [output.path] + files.map(\.path),
        inputFiles: files + (postgres ? [roles] : []),
        outputFiles: [output]
      )
    ]
  }
}
