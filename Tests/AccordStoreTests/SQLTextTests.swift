import Foundation
import Testing

/// No SQL text is ever built from what a user typed: every value goes to a `?` parameter. This
/// reads every Swift file in Sources/, finds the string literals that hold SQL, and lets through
/// only interpolations that were reviewed as Accord's own constants (a table or column name from
/// a fixed list, a fragment of the status rule). A new interpolation fails here until someone has
/// looked at it and added it below, with what it is.
@Suite struct SQLTextTests {
  static let sources = URL(filePath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appending(path: "Sources", directoryHint: .isDirectory)

  /// Reviewed interpolations: the file (under Sources/), or a folder ending in /, and the
  /// interpolated expressions.
  static let reviewed: [String: Set<String>] = [
    // The copy to PostgreSQL: table and column names read from the server's own catalog
    // (pg_class, information_schema), quoted; placeholders and an ORDER BY made of them.
    "AccordPostgres/PostgresCopy.swift": [
      "quote(table)", #"columns.map(quote).joined(separator: ", ")"#, "order", "list",
    ],
    // The retraction test of the listings: table and column names written in their calls.
    "AccordStore/Store/Listings.swift": ["table", "column", "negotiationColumn", "hidden"],
    // A correction's columns, from the fixed list in Correction's switch; the table of a kind.
    "AccordStore/Store/Edits.swift": ["table", "assignments", "changed", "$0.0"],
    // The search index's tokenizer, a constant; the search statement's parts by engine, each a
    // literal chosen in searchSQL (`from`, `match`, `windows`, `order`) or a constant (the hit's
    // first and last day); a list of ids.
    "AccordStore/Store/Search.swift": ["Self.searchTokenizer", #"words.numbers(in: "?1")"#],
    "AccordStore/Store/Search+Statements.swift": [
      "hitFirst", "hitLast", "from", "match", "windows", "order",
    ],
    // Table names of the resolver's own calls: "actor", "negotiation", "proposal", "source".
    "AccordStore/Store/Resolver.swift": ["table"],
    // Literal conditions and table names chosen in the code, and the step columns (a constant).
    "AccordStore/Store/Deals.swift": [
      #"negotiation == nil ? "?1 IS NULL" : "p.negotiation_id = ?1""#, "Self.stepColumns", "scope",
      #"includeRetracted ? "proposal_step" : "current_proposal_step""#, #"words.numbers(in: "?1")"#,
    ],
    "AccordStore/Store/NegotiationDetail.swift": [
      "Self.stepColumns", "condition", #"includeRetracted ? "proposal" : "current_proposal""#,
      #"words.numbers(in: "?1")"#,
      // Whether a proposal has a link: its id column, written as a literal by the callers.
      #"Self.hasLinks("p.id")"#, "proposal",
    ],
    "AccordStore/Store/Participation.swift": [
      #"negotiation == nil ? "?1 IS NULL" : "p.negotiation_id = ?1""#, "scope",
    ],
    "AccordStore/Store/Negotiations.swift": [
      #"lastActivitySQL(of: "n.id", asOf: "?1")"#, #"words.caseless("n.title")"#,
    ],
    // The last-activity rule's expression, with a column or a placeholder written in the call.
    "AccordStore/Store/Staleness.swift": [
      "negotiation", "day", #"lastActivitySQL(of: "?1", asOf: "?2")"#,
    ],
    // The engines' words (EngineWords), each for a column or a placeholder written in the call.
    "AccordStore/Store/EngineWords.swift": ["parameter", "column", "index"],
    "AccordStore/Store/Actors.swift": [#"words.binary("x.alias_key")"#, #"words.caseless("a.name")"#],
    "AccordStore/Store/Dormancy.swift": [#"words.numbers(in: "?2")"#],
    "AccordStore/Store/RecordedChanges.swift": [#"words.numbers(in: "?")"#],
    // The sources a report cites, a list of short ids bound as one parameter.
    "AccordStore/Store/ReportData.swift": [#"words.slugs(in: "?1")"#],
    // The writers' advisory lock, a constant number.
    "AccordPostgres/PostgresConnection.swift": ["Self.writersLock"],
    // An INSERT's own statement, in the message of an internal error.
    "AccordPostgres/PostgresDatabase.swift": ["sql.prefix(80)"],
    // The citation column of a kind of fact (an enum), and the id column of the statement that
    // reads the fact, which its callers write as literals (isCitedSources holds them so).
    "AccordStore/Store/Sources.swift": ["fact.rawValue", "id"],
    // One of two literal conditions.
    "AccordStore/Store/Conditions.swift": [
      #"negotiation == nil ? "?2 IS NULL" : "c.negotiation_id = ?2""#,
      #"negotiation == nil ? "?2 IS NULL" : "negotiation_id = ?2""#, "scope",
    ],
    "AccordStore/Store/Deadlines.swift": [
      #"negotiation == nil ? "?1 IS NULL" : "d.negotiation_id = ?1""#,
      #"negotiation == nil ? "?2 IS NULL" : "p.negotiation_id = ?2""#,
    ],
    // The timeline's date window for a table alias written in the call.
    "AccordStore/Store/Timeline.swift": [
      #"AccordStore.within("m")"#, #"AccordStore.within("s")"#, #"AccordStore.within("c")"#,
      #"AccordStore.within("q")"#, #"AccordStore.within("d")"#, #"AccordStore.within("x")"#,
      "AccordStore.stepColumns", #"AccordStore.hasLinks("p.id")"#,
      // A first-step subquery for a column alias written in the call.
      "proposal", #"AccordStore.firstStep("p.id")"#, #"AccordStore.firstStep("o.id")"#,
    ],
    // History, undo and merge: table and column names read from the schema
    // (sqlite_schema, pragma_table_info, pragma_foreign_key_list), checked to be plain names
    // (isPlainName: a-z, 0-9, _) and double-quoted; `value` writes json_extract of a ?N
    // parameter for such a column; `match` and the lists are joined from those.
    "AccordStore/Store/History.swift": historyNames,
    "AccordStore/Store/Undo.swift": historyNames,
    "AccordStore/Store/Merge.swift": historyNames,
    "AccordStore/Store/BulkWrite.swift": historyNames,
    // An embedded migration's number.
    "AccordSQLite/Migrator.swift": ["migration.version"],
    // A full-text table's name from sqlite_schema, quoted as an identifier ("" doubled), and
    // the tables and columns of the constant DatabaseCheck.dateColumns.
    "AccordStore/Store/DatabaseCheck.swift": [
      "name", "column.table", "column.text", #"column.first ?? "NULL""#, #"column.last ?? "NULL""#,
    ],
    // Import and export (the whole folder): table and column names from their own fixed lists;
    // `sql` is a matching condition written in the importer's source; citedSQL's and
    // actorsSQL's arguments are literals; the page cache's size is a constant.
    "AccordTransfer/Transfer/": [
      "table", "sql", "field", "fact.rawValue", "column", "kind.column", "id", "Self.cacheKiB",
      "kind.table",  // a retraction's table, from RecordKind's fixed list
      #"citedSQL("step_id", "s.id")"#, #"citedSQL("proposal_id", "p.id")"#,
      #"citedSQL("meeting_id", "m.id")"#,
      #"citedSQL("position_id", "o.id")"#, #"citedSQL("statement_id", "q.id")"#,
      #"citedSQL("development_id", "d.id")"#, #"citedSQL("answer_id", "x.id")"#,
      #"citedSQL("deadline_id", "d.id")"#,
      #"actorsSQL("meeting_participant", "meeting_id", "m.id")"#,
      #"actorsSQL("development_actor", "development_id", "d.id")"#,
      // Who retracted, when the file does not say: the login on a team's server (migration 0016).
      #"words.analystIsTheLogin ? "coalesce(?, session_user)" : "?""#,
    ],
    // The retraction rule's cases, each made of its callers' literals (see isRetractionRule).
    "AccordStore/Store/Retractions.swift": [
      #"cases.joined(separator: " OR ")"#, "table", "$0.table", "$0.ids",
    ],
    // A kind of record's table (RecordKind's fixed list).
    "AccordStore/Store/RecordKinds.swift": ["kind.table"],
    // A dataset record's column for its kind of record (DatasetRecordKind's fixed list).
    "AccordStore/Store/DatasetRecords.swift": ["kind.column"],
    // A record's contents: its tables' names and columns, read from its schema, quoted.
    "AccordStore/Store/Contents.swift": ["quote(table)", #"columns.joined(separator: " || '|' || ")"#],
  ]

  static let historyNames: Set<String> = [
    "quote(table)", "quote(column)", "match", "names", "values", "assignments", "argument", "column",
    "byKey", "quote(key[0])", "object", #"key.map(quote).joined(separator: ", ")"#,
    // The engines' words for them (EngineWords): a key's JSON, a logged row's member, a row by
    // its key, a list of ids; and on PostgreSQL the row made from a logged one (`record`), with
    // those names and ?N placeholders written in the calls.
    #"words.jsonKey(["id"])"#, #"words.jsonText("l.after", "record_table")"#,
    #"words.jsonText("l.before", "record_table")"#, #"words.jsonText("l.after", "record_id")"#,
    #"words.jsonText("l.before", "record_id")"#, "words.jsonKey(key.map(quote))",
    #"words.jsonText("l.before", column)"#, #"words.jsonText("l.after", column)"#,
    #"words.keyMatch(keyColumns, "?1")"#, #"words.numbers(in: "?2")"#, #"words.numbers(in: "?")"#,
    "words.jsonKey([quote(key[0])])", #"values(of: columns, table: table, in: "?1")"#, "quote($0)",
    #"record(table, "?2")"#, #"words.texts(in: "?")"#, "held",
    "try rowObject(table)",
    // Bulk writes: a table or trigger name (plain, checked as above) in a trigger's name and
    // values and in the statements that find the new rows; those rows' key columns (`columns`,
    // from pragma_table_info or literal), the rowid mark (an Int64, `$0`), and `selection` and
    // `rows`, joined from those.
    "table", "rows", "quote(name)", "quote(table.name)", "$0", "table.name", "columns[0]", "columns[1]",
    "selection",
  ]

  /// The retraction rule (Store/Retractions.swift) asked with string literals only: table names
  /// and the caller's own columns, nothing else between them but brackets, commas and labels.
  static func isRetractionRule(_ expression: String) -> Bool {
    expression.wholeMatch(of: #/AccordStore\.retracted\((?:anyOf:)?(?:[\s\[\](),]|"[^"\\]*")*\)/#) != nil
  }

  /// The sources a fact cites (Store/Sources.swift), asked with a kind of fact and a literal: the
  /// statement's own id column (`citedSources` interpolates it as `id`).
  static func isCitedSources(_ expression: String) -> Bool {
    expression.wholeMatch(of: #/(?:Self|AccordStore)\.citedSources\(\.[a-z]+, of: "[a-z_]+\.[a-z_]+"\)/#)
      != nil
  }

  @Test func citedSourcesAreReviewedOnlyWithLiterals() {
    #expect(Self.isCitedSources(#"Self.citedSources(.meeting, of: "m.id")"#))
    #expect(!Self.isCitedSources(#"Self.citedSources(.meeting, of: column)"#))
    #expect(!Self.isCitedSources(#"Self.citedSources(.meeting, of: "\(name).id")"#))
  }

  /// The engine's words for the time now and for a new row's id in a table named by a literal
  /// (EngineWords): constants of each engine.
  static func isEngineWord(_ expression: String) -> Bool {
    expression == "words.now" || expression.wholeMatch(of: #/words\.newID\("[a-z_]+"\)/#) != nil
  }

  @Test func theEngineWordsAreReviewedOnlyWithLiterals() {
    #expect(Self.isEngineWord("words.now"))
    #expect(Self.isEngineWord(#"words.newID("proposal_step")"#))
    #expect(!Self.isEngineWord("words.newID(table)"))
    #expect(!Self.isEngineWord(#"words.newID("x\(name)")"#))
  }

  @Test func theRetractionRuleIsReviewedOnlyWithLiterals() {
    #expect(Self.isRetractionRule(#"AccordStore.retracted("actor", "a.id")"#))
    #expect(
      Self.isRetractionRule(#"AccordStore.retracted(anyOf: [("'proposal'", "p.id"), ("f.rt", "f.ref")])"#))
    #expect(!Self.isRetractionRule(#"AccordStore.retracted("actor", name)"#))
    #expect(!Self.isRetractionRule(#"AccordStore.retracted("actor", "\(name)")"#))
    #expect(!Self.isRetractionRule(#"AccordStore.retracted(anyOf: [(table, "p.id")])"#))
  }

  @Test func sqlIsNeverBuiltFromUserInput() throws {
    let sqlWords =
      #/\b(SELECT|INSERT|UPDATE|DELETE|REPLACE|PRAGMA|CREATE|DROP|ALTER|ATTACH|BEGIN|VALUES|FROM|WHERE|JOIN)\b/#
    let files = try #require(
      FileManager.default.enumerator(at: Self.sources, includingPropertiesForKeys: nil))
    var checked = 0
    var unreviewed: [String] = []
    for case let url as URL in files where url.pathExtension == "swift" {
      let name = String(url.path.dropFirst(Self.sources.path.count + 1))
      let source = try String(contentsOf: url, encoding: .utf8)
      for literal in Self.stringLiterals(in: source) where literal.text.contains(sqlWords) {
        checked += 1
        let allowed = Self.reviewed.filter {
          name == $0.key || ($0.key.hasSuffix("/") && name.hasPrefix($0.key))
        }
        .values.reduce(into: Set<String>()) { $0.formUnion($1) }
        for expression in literal.interpolations
        where !allowed.contains(expression) && !Self.isRetractionRule(expression)
          && !Self.isEngineWord(expression) && !Self.isCitedSources(expression)
        {
          unreviewed.append("\(name): \\(\(expression)) in \"\(literal.text.prefix(80))…\"")
        }
      }
    }
    #expect(checked > 50, "found only \(checked) SQL literals: is the scanner broken?")
    #expect(
      unreviewed.isEmpty,
      "interpolations into SQL that nobody reviewed:\n\(unreviewed.joined(separator: "\n"))")
  }

  /// The scanner finds the interpolations of a known literal, nested parentheses and strings too.
  @Test func theScannerSeesInterpolations() {
    let source = #"""
      // "SELECT \(commented)"
      let a = "SELECT x FROM \(table) WHERE y = ?"
      let b = """
        INSERT INTO t VALUES (\(f(g("a)"), 2)))
        """
      let c = "no sql \(here)"
      """#
    let literals = Self.stringLiterals(in: source)
    #expect(literals.map(\.interpolations) == [["table"], [#"f(g("a)"), 2)"#], ["here"]])
  }

  struct Literal {
    var text = ""
    var interpolations: [String] = []
  }

  /// The string literals of Swift source (single-line and multi-line; comments skipped), each
  /// with its text (interpolations left out) and its interpolated expressions.
  static func stringLiterals(in source: String) -> [Literal] {
    let characters = Array(source.unicodeScalars)
    var literals: [Literal] = []
    var index = 0
    func starts(with text: String, at position: Int) -> Bool {
      let scalars = Array(text.unicodeScalars)
      return position + scalars.count <= characters.count
        && Array(characters[position..<position + scalars.count]) == scalars
    }
    /// Skips a string literal inside an interpolation, from its opening quote.
    func skipNestedString(from start: Int) -> Int {
      var position = start + 1
      while position < characters.count && characters[position] != "\"" {
        position += characters[position] == "\\" ? 2 : 1
      }
      return position + 1
    }
    while index < characters.count {
      if starts(with: "//", at: index) {
        while index < characters.count && characters[index] != "\n" { index += 1 }
        continue
      }
      if starts(with: "/*", at: index) {
        while index < characters.count && !starts(with: "*/", at: index) { index += 1 }
        index += 2
        continue
      }
      guard characters[index] == "\"" else {
        index += 1
        continue
      }
      let multiline = starts(with: "\"\"\"", at: index)
      index += multiline ? 3 : 1
      var literal = Literal()
      while index < characters.count {
        if starts(with: "\\(", at: index) {
          var depth = 1
          var position = index + 2
          let start = position
          while position < characters.count && depth > 0 {
            switch characters[position] {
            case "(": depth += 1
            case ")": depth -= 1
            case "\"":
              position = skipNestedString(from: position) - 1
            default: break
            }
            position += 1
          }
          literal.interpolations.append(String(String.UnicodeScalarView(characters[start..<position - 1])))
          index = position
          continue
        }
        if characters[index] == "\\" {
          literal.text.unicodeScalars.append(contentsOf: characters[index..<min(index + 2, characters.count)])
          index += 2
          continue
        }
        if multiline ? starts(with: "\"\"\"", at: index) : characters[index] == "\"" {
          index += multiline ? 3 : 1
          break
        }
        literal.text.unicodeScalars.append(characters[index])
        index += 1
      }
      literals.append(literal)
    }
    return literals
  }
}
