import AccordSQLite

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// `accord check`: is this database whole, consistent and one that this Accord can use?
///
/// It runs SQLite's integrity and foreign-key checks, checks every full-text index, and compares
/// the schema version with this Accord's. It never writes: the file is opened read-only and never
/// migrated. (A full-text index can only be checked through a connection that may write: there,
/// the check runs in a transaction that is always rolled back, and that connection does not
/// checkpoint when it closes.)
public enum DatabaseCheck {
  public struct Report: Sendable, Equatable {
    /// What is wrong, one line each: empty when all is well.
    public var problems: [String] = []
    /// What could not be checked, and why.
    public var notes: [String] = []

    public init(problems: [String] = [], notes: [String] = []) {
      self.problems = problems
      self.notes = notes
    }
  }

  /// At most this many foreign-key problems are listed one by one.
  static let listedForeignKeyProblems = 100

  /// Checks the database at `path`. Throws only when there is no file to check. Of the
  /// configuration, only ``StoreConfiguration/tracesSQL`` matters here.
  public static func run(path: String, configuration: StoreConfiguration = StoreConfiguration())
    throws(StoreError) -> Report
  {
    guard DatabaseAccess.isRegularFile(path) else {
      throw .cannotOpen(
        path: path,
        reason: access(path, F_OK) == 0
          ? "it is not a file but a folder or a device" : "there is no such file")
    }
    var report = Report()
    let connection: Connection
    do {
      connection = try DatabaseAccess.openForReading(path)
      connection.tracesSQL = configuration.tracesSQL
    } catch {
      report.problems.append("file: " + describe(error))
      return report
    }

    // Whose database is it, and at which schema version?
    do {
      let tables = try connection.integer("SELECT count(*) FROM sqlite_schema") ?? 0
      let application = try connection.integer("PRAGMA application_id") ?? 0
      let version = try Migrator.version(of: connection)
      let latest = Migrator().latestVersion
      if tables == 0 && version == 0 {
        report.problems.append("schema: the file holds no Accord record yet; 'accord init' makes one")
        return report
      }
      guard application == Migrator.applicationID else {
        report.problems.append("file: it is an SQLite database of another program, not Accord's")
        return report
      }
      if version > latest {
        report.problems.append(
          "schema: version \(version) was made by a newer Accord (this one knows up to \(latest)); upgrade Accord"
        )
      } else if version < latest {
        report.problems.append(
          "schema: version \(version) is behind this Accord's \(latest); the next command that writes brings it up to date"
        )
      }
    } catch {
      report.problems.append("file: " + describe(error))
      return report
    }

    do {
      let rows = try connection.all("PRAGMA integrity_check") { $0.text(0) }
      if rows != ["ok"] {
        // A row may hold several lines, under a heading that names the schema.
        report.problems += rows.flatMap { $0.split(separator: "\n") }
          .filter { !$0.hasPrefix("*** in database ") }.map { "integrity: " + $0 }
      }
    } catch {
      report.problems.append("integrity: " + describe(error))
    }

    do {
      let rows = try connection.all("PRAGMA foreign_key_check") { row throws(DatabaseError) in
        (table: try row.text("table"), row: try row.optionalInteger("rowid"), parent: try row.text("parent"))
      }
      for problem in rows.prefix(listedForeignKeyProblems) {
        let which = problem.row.map { "row \($0)" } ?? "a row"
        report.problems.append(
          "foreign key: \(problem.table) \(which) refers to a \(problem.parent) that does not exist")
      }
      if rows.count > listedForeignKeyProblems {
        report.problems.append(
          "foreign key: \(rows.count - listedForeignKeyProblems) more rows refer to records that do not exist"
        )
      }
    } catch {
      report.problems.append("foreign key: " + describe(error))
    }

    checkDates(connection: connection, into: &report)
    checkSourceURLs(connection: connection, into: &report)
    checkFullTextIndexes(path: path, connection: connection, into: &report)
    return report
  }

  /// Every date column Accord writes: the date as typed, and the columns of the first and last
  /// days it covers (nil where a table keeps only one of them).
  static let dateColumns: [(table: String, text: String, first: String?, last: String?)] = [
    ("affiliation", "since", "since_first", nil), ("affiliation", "until", nil, "until_last"),
    ("answer", "date", "date_first", "date_last"), ("deadline", "date", "date_first", "date_last"),
    ("development", "date", "date_first", "date_last"), ("meeting", "date", "date_first", "date_last"),
    ("membership", "date", "date_first", "date_last"), ("participant", "date", "date_first", "date_last"),
    ("position", "date", "date_first", "date_last"), ("proposal_step", "date", "date_first", "date_last"),
    ("proposal_step", "until", "until_first", "until_last"),
    ("proposal_step", "effective", "effective_first", "effective_last"),
    ("source", "published", "published_first", "published_last"),
    ("statement", "date", "date_first", "date_last"),
  ]

  /// Each source's URL one that Accord keeps (a web page, a DOI or a URN: see
  /// ``AccordStore/urlSchemes``).
  static func checkSourceURLs(connection: Connection, into report: inout Report) {
    do {
      let rows = try connection.all("SELECT id, url FROM source WHERE url IS NOT NULL ORDER BY id") {
        row throws(DatabaseError) in (id: try row.integer("id"), url: try row.text("url"))
      }
      for row in rows {
        if let problem = AccordStore.urlProblem(row.url) {
          report.problems.append("sources: source row \(row.id), url: '\(row.url)' \(problem)")
        }
      }
    } catch {
      report.problems.append("sources: " + describe(error))
    }
  }

  /// At most this many rows with dates that break Accord's rules are listed one by one.
  static let listedDateProblems = 100

  /// Each date read as Accord reads it: a text it can read, and stored first and last days that
  /// are the ones the text covers (a row typed in the sqlite3 shell may say otherwise, and an
  /// export of it would then not import).
  static func checkDates(connection: Connection, into report: inout Report) {
    var found = 0
    for column in dateColumns {
      // The columns as stored, not through Row.date: what is checked is whether they agree.
      let sql =
        "SELECT rowid AS id, \(column.text) AS text, \(column.first ?? "NULL") AS first, "
        + "\(column.last ?? "NULL") AS last FROM \(column.table) WHERE \(column.text) IS NOT NULL"
      do {
        _ = try connection.all(sql, []) { row throws(DatabaseError) in
          let id = try row.integer("id")
          let text = try row.text("text")
          var problem: String?
          if let date = try? AccordDate.parse(text, today: Day.epoch), date.text == text {
            let first = try row.optionalText("first")
            let last = try row.optionalText("last")
            if let first, first != date.first.description {
              problem = "\(column.first ?? "") is \(first), but '\(text)' begins on \(date.first)"
            } else if let last, last != date.last.description {
              problem = "\(column.last ?? "") is \(last), but '\(text)' ends on \(date.last)"
            }
          } else {
            problem =
              "'\(text)' is not a date Accord can read (2025, 2025-02 or 2025-02-14, a day that exists)"
          }
          guard let problem else { return }
          found += 1
          if found <= listedDateProblems {
            report.problems.append("dates: \(column.table) row \(id), \(column.text): \(problem)")
          }
        }
      } catch {
        report.problems.append("dates: \(column.table): " + describe(error))
      }
    }
    if found > listedDateProblems {
      report.problems.append(
        "dates: \(found - listedDateProblems) more rows have dates that break Accord's rules")
    }
  }

  /// FTS5's own check of each full-text index against the text it indexes.
  static func checkFullTextIndexes(path: String, connection: Connection, into report: inout Report) {
    let indexes: [String]
    do {
      indexes = try connection.all(
        """
        SELECT name FROM sqlite_schema
        WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL TABLE%USING fts5%' ORDER BY name
        """
      ) { $0.text(0) }
    } catch {
      report.problems.append("full-text index: " + describe(error))
      return
    }
    guard !indexes.isEmpty else { return }
    guard DatabaseAccess.canWrite(path) else {
      report.notes.append(
        "the full-text index was not checked: that needs a file this process may write, and this one is read-only"
      )
      return
    }
    let writer: Connection
    do {
      writer = try Connection(path: path, create: false)
      writer.tracesSQL = connection.tracesSQL
    } catch {
      report.problems.append("full-text index: " + describe(error))
      return
    }
    writer.skipCheckpointOnClose()
    for index in indexes {
      let name = "\"" + index.replacing("\"", with: "\"\"") + "\""
      do {
        try writer.execute("BEGIN IMMEDIATE")
        defer { try? writer.execute("ROLLBACK") }
        try writer.execute("INSERT INTO \(name) (\(name), rank) VALUES ('integrity-check', 1)")
      } catch {
        report.problems.append("full-text index \(index): " + describe(error))
      }
    }
  }

  /// An error in words that fit after "file: " or "integrity: ".
  static func describe(_ error: DatabaseError) -> String {
    switch StoreError(error) {
    case .cannotOpen(_, let reason): return reason
    case .unusableFile(_, let why): return why.description
    case .database(.sqlite(_, let extended, _, _))
    where extended == ExtendedCode.readOnlyRollback || extended == ExtendedCode.readOnlyRecovery:
      return "a write was interrupted and must be undone first, which check never does; "
        + "any command that writes (such as 'accord init') does it"
    case .database(.sqlite(let code, _, let message, _)):
      switch DatabaseError.Kind(code: code) {
      case .notADatabase: return "it is not an SQLite database"
      case .corrupt: return "the database file is damaged (\(message))"
      case .diskFull: return "the disk is full: reading the database needs room for SQLite's -shm file"
      case let kind: return StoreError.describe(kind, message: message)
      }
    case let error: return error.description
    }
  }
}
