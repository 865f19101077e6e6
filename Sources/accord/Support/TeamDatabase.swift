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

  /// The store on the team's database at `url`, for a command that works there: its schema must be
  /// this Accord's, neither missing, behind nor newer.
  static func store(_ url: String, configuration: StoreConfiguration) throws -> AccordStore {
    let server = try PostgresConnection(url: url)
    let version = try PostgresMigrator.version(of: server)
    let latest = PostgresMigrator.embedded.latestVersion
    if version > latest {
      throw PostgresError.newerSchema(database: server.database, version: version, latest: latest)
    }
    if version == 0 {
      throw StoreError.conflict(
        "\(server.database) holds no Accord record yet: its owner makes one with 'accord team init URL'")
    }
    if version < latest {
      throw StoreError.conflict(
        "\(server.database)'s schema is version \(version), behind this Accord's (\(latest)): its owner brings it up to date with 'accord team init URL'"
      )
    }
    return AccordStore(database: PostgresDatabase(server), configuration: configuration)
  }

  /// `text` as an error may show it: what might hold a user's password (anything with an `@`)
  /// cut after its scheme.
  static func shown(_ text: String) -> String {
    guard text.contains("@") else { return text }
    return (text.firstRange(of: "://").map { String(text[..<$0.upperBound]) } ?? "") + "…"
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
    do {
      System.close(try System.createPrivateFile(partial))
    } catch {
      throw StoreError.conflict("cannot write the backup beside \(file): \(error): check the folder")
    }
    do {
      let status = try dump(url, into: partial)
      guard status == 0 else {
        throw StoreError.conflict(
          "pg_dump could not back up \(database) (it said why above; exit status \(status))")
      }
      try place(partial, at: file, replace: replace)
    } catch let error as SystemError {
      System.remove(partial)
      throw StoreError.conflict("cannot put the backup in place as \(file): \(error)")
    } catch {
      System.remove(partial)
      throw error
    }
    System.remove(partial)
  }

  /// Runs pg_dump of `url` into `file`, and returns its exit status. A password in the URL goes to
  /// pg_dump in its environment (PGPASSWORD), not on its command line, which anyone may read.
  private static func dump(_ url: String, into file: String) throws -> Int32 {
    let (bare, password) = withoutPassword(url)
    let arguments = ["pg_dump", "--format=custom", "--no-password", "--file=" + file, "--dbname=" + bare]
    do {
      return try System.run(arguments, environment: password.map { ["PGPASSWORD": $0] } ?? [:])
    } catch {
      guard error == .noSuchFile else { throw StoreError.conflict("pg_dump could not be started: \(error)") }
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

  /// `url` without the password of its user (`postgresql://user:secret@host/db`), and that
  /// password, percent-decoded as libpq decodes it.
  static func withoutPassword(_ url: String) -> (url: String, password: String?) {
    guard let scheme = url.firstRange(of: "://") else { return (url, nil) }
    let rest = url[scheme.upperBound...]
    let authority = rest.prefix { $0 != "/" && $0 != "?" }
    guard let at = authority.lastIndex(of: "@"), let colon = authority[..<at].firstIndex(of: ":") else {
      return (url, nil)
    }
    let secret = String(authority[authority.index(after: colon)..<at])
    return (String(url[..<colon]) + String(url[at...]), percentDecoded(secret))
  }

  /// `%XX` sequences as the bytes they stand for.
  static func percentDecoded(_ text: String) -> String {
    var bytes: [UInt8] = []
    var utf8 = Array(text.utf8)[...]
    while let byte = utf8.popFirst() {
      if byte == UInt8(ascii: "%"), utf8.count >= 2,
        let value = UInt8(String(decoding: utf8.prefix(2), as: UTF8.self), radix: 16)
      {
        bytes.append(value)
        utf8 = utf8.dropFirst(2)
      } else {
        bytes.append(byte)
      }
    }
    return String(decoding: bytes, as: UTF8.self)
  }
}
