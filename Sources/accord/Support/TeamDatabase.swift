import AccordPostgres
import AccordStore
import AccordSystem

/// A team's database on a PostgreSQL server, as the command line names it: a libpq URL in `--db`
/// or `$ACCORD_DB` instead of a file's path.
enum TeamDatabase {
  /// True for a URL that names a PostgreSQL database (`postgresql://…`, `postgres://…`).
  static func isURL(_ text: String) -> Bool {
    text.hasPrefix("postgresql://") || text.hasPrefix("postgres://")
  }

  /// `pg_dump` of the database at `url` into `file` (its custom format, for pg_restore), written
  /// beside it under a name of its own and put in place only once complete; an existing file is
  /// replaced only with `replace`. Without pg_dump, says how to get it.
  static func backup(_ url: String, to file: String, replace: Bool) throws {
    if !replace, System.exists(file) {
      throw StoreError.conflict("\(file) exists: name a new file, or add --force to replace it")
    }
    // The server first: a wrong URL or password says so in one line, not in pg_dump's words.
    let connection = try PostgresConnection(url: url)
    let database = connection.database
    let partial = OutputFile.temporaryName(for: file)
    // Private to its owner (0600), as every backup: pg_dump writes into the file made here.
    System.close(try System.createPrivateFile(partial))
    do {
      let status = try dump(url, into: partial)
      guard status == 0 else {
        throw StoreError.conflict(
          "pg_dump could not back up \(database) (it said why above; exit status \(status))")
      }
      try place(partial, at: file, replace: replace)
    } catch {
      System.remove(partial)
      throw error
    }
    System.remove(partial)
  }

  /// Runs pg_dump of `url` into `file`, and returns its exit status.
  private static func dump(_ url: String, into file: String) throws -> Int32 {
    let arguments = ["pg_dump", "--format=custom", "--no-password", "--file=" + file, "--dbname=" + url]
    do {
      return try System.run(arguments)
    } catch {
      guard error == .noSuchFile else { throw error }
      throw StoreError.conflict(
        "pg_dump is not installed, and it makes a PostgreSQL backup: on Debian, apt-get install postgresql-client; then run accord backup again"
      )
    }
  }

  /// Gives the complete backup its name: replacing a file there only with `replace`.
  private static func place(_ partial: String, at file: String, replace: Bool) throws {
    if replace {
      try System.rename(partial, to: file)
      return
    }
    do {
      try System.link(partial, to: file)
    } catch {
      // (An exhaustive catch: Swift 6.3's compiler crashes on a `catch … where` of a typed throw.)
      guard error == .alreadyExists else { throw error }
      throw StoreError.conflict("\(file) exists: name a new file, or add --force to replace it")
    }
  }
}
