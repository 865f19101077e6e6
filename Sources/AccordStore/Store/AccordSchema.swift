import AccordSQLite

/// Accord's schema: the migrations of Migrations/, embedded at build time, and the mark that they
/// give every Accord database.
extension Migrator {
  /// 'ACCD': the `PRAGMA application_id` of every Accord database (set by the first migration).
  public static let applicationID: Int64 = 1_094_927_172

  /// Brings a database to Accord's schema: `migrations` (by default, every one that this Accord
  /// embeds), under Accord's application id.
  public init(migrations: [Migration] = Migration.embedded) {
    self.init(migrations: migrations, applicationID: Self.applicationID)
  }

  /// Refuses a database that Accord cannot read as it is without migrating it: one made by a
  /// newer Accord, one of another program, or one whose schema is behind (which only writing
  /// could bring up to date).
  func checkReadable(_ connection: Connection) throws(StoreError) {
    let current = try StoreError.catching(Self.version(of: connection))
    if current > latestVersion {
      throw StoreError(.newerSchema(path: connection.path, version: current, latest: latestVersion))
    }
    if current == 0 {
      try StoreError.catching(checkIsOwnOrEmpty(connection))
    }
    if current < latestVersion {
      throw StoreError.cannotOpen(
        path: connection.path,
        reason:
          "it is read-only, and its schema (version \(current)) must be brought up to version \(latestVersion) by writing to it; make it writable and run 'accord init'"
      )
    }
  }
}
