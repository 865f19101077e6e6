import AccordSQLite

/// The words of SQL that differ between the engines, each said once. The store's statements are
/// written in SQLite's words, with `?` placeholders, and run as written on both engines (the team
/// schema gives PostgreSQL SQLite's `group_concat`: Migrations/postgres/0015); where a statement
/// needs words that PostgreSQL says otherwise, it takes them from here.
public struct EngineWords: Sendable {
  public let engine: DatabaseEngine

  /// True when the database names who wrote by the login that signed in (a team's server: the
  /// `analyst` columns of `command` and `retraction` default to `session_user`), so that Accord
  /// leaves them to it; false when Accord names the analyst itself (a file: `$ACCORD_ANALYST`,
  /// else the login name).
  public var analystIsTheLogin: Bool { engine == .postgresql }

  /// The time now, as the tables' `recorded_at` default writes it: UTC to the millisecond, one
  /// value for the whole statement.
  public var now: String {
    switch engine {
    case .sqlite: "strftime('%Y-%m-%dT%H:%M:%fZ', 'now')"
    case .postgresql: "accord_utc_now()"
    }
  }

  /// A placeholder for the id of a new row of `table` that the database numbers when the value
  /// is NULL: SQLite numbers a NULL rowid itself; PostgreSQL's identity columns refuse a NULL, so
  /// there it is the identity's next value.
  public func newID(_ table: String) -> String {
    switch engine {
    case .sqlite: "?"
    case .postgresql: "coalesce(?, nextval(pg_get_serial_sequence('\(table)', 'id')))"
    }
  }

  /// The numbers in `parameter`, a JSON array (``AccordStore/jsonList(_:)``), as a subquery's
  /// rows: for `id IN (…)`. On PostgreSQL the array becomes an array literal (`[1,2]` → `{1,2}`)
  /// to unnest: the planner knows how many rows an array's `unnest` gives, and so looks each id up
  /// by its index, where a JSON function's rows, which it guesses at a hundred, made it scan.
  public func numbers(in parameter: String) -> String {
    switch engine {
    case .sqlite: "SELECT value FROM json_each(\(parameter))"
    case .postgresql: "SELECT unnest(CAST(translate(\(parameter), '[]', '{}') AS bigint[]))"
    }
  }

  /// The JSON array of a row's key `columns`, as the history triggers write `change_log.row_key`
  /// (`[3]`, `[1,"tag"]`).
  public func jsonKey(_ columns: [String]) -> String {
    switch engine {
    case .sqlite: "json_array(\(columns.joined(separator: ", ")))"
    case .postgresql:
      "'[' || concat_ws(',', \(columns.map { "to_jsonb(\($0))::text" }.joined(separator: ", "))) || ']'"
    }
  }

  /// The member `name` of the JSON object `json` (an SQL expression: a logged row's `before` or
  /// `after`), as text; NULL for a JSON null or no such member.
  public func jsonText(_ json: String, _ name: String) -> String {
    switch engine {
    case .sqlite: "CAST(json_extract(\(json), '$.\(name)') AS TEXT)"
    case .postgresql: "(CAST(\(json) AS json) ->> '\(name)')"
    }
  }

  /// True for the row whose key columns `key` (plain names) hold the values of the JSON array
  /// `parameter` (a `change_log.row_key`). On PostgreSQL an `id` is compared as a number, so that
  /// its index finds the row; another key column as text.
  public func keyMatch(_ key: [String], _ parameter: String) -> String {
    key.enumerated().map { index, column in
      switch engine {
      case .sqlite: "\"\(column)\" IS \(parameter) ->> '$[\(index)]'"
      case .postgresql:
        column == "id"
          ? "\"id\" = CAST(CAST(\(parameter) AS json) ->> \(index) AS bigint)"
          : "CAST(\"\(column)\" AS text) IS NOT DISTINCT FROM CAST(\(parameter) AS json) ->> \(index)"
      }
    }.joined(separator: " AND ")
  }

  /// The strings in `parameter`, a JSON array (``AccordStore/jsonStrings(_:)``), as a subquery's
  /// rows: for `x IN (…)`.
  public func texts(in parameter: String) -> String {
    switch engine {
    case .sqlite: "SELECT value FROM json_each(\(parameter))"
    case .postgresql: "SELECT json_array_elements_text(CAST(\(parameter) AS json))"
    }
  }

  /// The short ids in `parameter`, a JSON array of them (``AccordStore/jsonStrings(_:)``), as a
  /// subquery's rows: for `slug IN (…)`. A short id is made of a–z, 0–9 and hyphens (the schema's
  /// rule), so on PostgreSQL the array becomes an array literal (`["a","b"]` → `{a,b}`) whose
  /// `unnest` the planner counts, as ``numbers(in:)``'s; a JSON function's rows it guesses at a
  /// hundred, and scanned every source for a report's few.
  public func slugs(in parameter: String) -> String {
    switch engine {
    case .sqlite: "SELECT value FROM json_each(\(parameter))"
    case .postgresql: "SELECT unnest(CAST(translate(\(parameter), '[]\"', '{}') AS text[]))"
    }
  }

  /// The greatest of `expressions`, none of which is NULL (SQLite's `max` of several values).
  public func greatest(_ expressions: [String]) -> String {
    let list = expressions.joined(separator: ",\n  ")
    return switch engine {
    case .sqlite: "max(\n  \(list))"
    case .postgresql: "greatest(\n  \(list))"
    }
  }

  /// `expression` to order by as SQLite orders text: by its bytes (PostgreSQL's `C` collation,
  /// whatever the database's).
  public func binary(_ expression: String) -> String {
    switch engine {
    case .sqlite: expression
    case .postgresql: "\(expression) COLLATE \"C\""
    }
  }

  /// `expression` to order by without regard to case, as SQLite's NOCASE compares: ASCII letters
  /// folded, everything else by its code (PostgreSQL's `C` collation, whatever the database's).
  public func caseless(_ expression: String) -> String {
    switch engine {
    case .sqlite: "\(expression) COLLATE NOCASE"
    case .postgresql:
      "translate(\(expression), 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz') COLLATE \"C\""
    }
  }
}

extension AccordStore {
  /// The words of SQL of this store's engine.
  public var words: EngineWords { EngineWords(engine: connection.engine) }
}
