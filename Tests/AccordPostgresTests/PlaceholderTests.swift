import AccordPostgres
import Testing

/// SQLite's `?` and `?NNN` as PostgreSQL's `$n`: pure, run always.
@Suite struct PlaceholderTests {
  private func translate(_ sql: String) -> (String, Int) {
    let translated = Placeholders(sqlite: sql)
    return (translated.sql, translated.count)
  }

  @Test func bareQuestionMarksAreNumberedInOrder() {
    #expect(
      translate("SELECT * FROM t WHERE a = ? AND b = ? OR c IN (?, ?)")
        == ("SELECT * FROM t WHERE a = $1 AND b = $2 OR c IN ($3, $4)", 4))
  }

  @Test func numberedOnesKeepTheirNumberAndBareOnesFollowTheLargest() {
    // SQLite: a bare ? is one more than the largest number so far.
    #expect(translate("VALUES (?2, ?, ?1)") == ("VALUES ($2, $3, $1)", 3))
    #expect(translate("SELECT ?1, ?1, ?12") == ("SELECT $1, $1, $12", 12))
    #expect(translate("SELECT 1") == ("SELECT 1", 0))
  }

  @Test func stringsAndIdentifiersAreLeftAlone() {
    #expect(translate("SELECT 'a?b', ? FROM t") == ("SELECT 'a?b', $1 FROM t", 1))
    #expect(translate("SELECT 'it''s ?', ?") == ("SELECT 'it''s ?', $1", 1))
    #expect(translate(#"SELECT E'\'?', ?"#) == (#"SELECT E'\'?', $1"#, 1))
    // Outside E'…' a backslash escapes nothing: the string ends at the second quote.
    #expect(translate(#"SELECT '\', ?"#) == (#"SELECT '\', $1"#, 1))
    #expect(translate(#"SELECT "what?" FROM t WHERE x = ?"#) == (#"SELECT "what?" FROM t WHERE x = $1"#, 1))
    #expect(translate("SELECT 'Łódź ? ✓', ?") == ("SELECT 'Łódź ? ✓', $1", 1))
  }

  /// A trace (`ACCORD_TRACE_SQL`) fills each placeholder in with its value as a literal, as
  /// SQLite's expanded SQL does: a statement psql can run as it is.
  @Test func aTraceFillsInTheValues() {
    let filled = Placeholders(
      sqlite: "INSERT INTO t (a, b, c, d) VALUES (?2, ?, ?1, ?4) -- why?",
      filling: [.text("it's ?"), .integer(-7), .null, .real(0.5)])
    #expect(filled.sql == "INSERT INTO t (a, b, c, d) VALUES (-7, NULL, 'it''s ?', 0.5) -- why?")
    #expect(
      Placeholders(sqlite: "SELECT 'a?', ?", filling: [.text(#"back\slash"#)]).sql
        == #"SELECT 'a?', 'back\slash'"#)
    #expect(Placeholders(sqlite: "SELECT ?", filling: [.real(.infinity)]).sql == "SELECT 'Infinity'")
  }

  @Test func commentsAreLeftAlone() {
    #expect(translate("SELECT ? -- why?\n, ?") == ("SELECT $1 -- why?\n, $2", 2))
    #expect(translate("SELECT /* a? /* b? */ c? */ ?") == ("SELECT /* a? /* b? */ c? */ $1", 1))
    #expect(translate("SELECT 1 - ?, 4 / ?") == ("SELECT 1 - $1, 4 / $2", 2))
  }

  @Test func dollarQuotesAreLeftAlone() {
    #expect(translate("SELECT $$ ? $$, ?") == ("SELECT $$ ? $$, $1", 1))
    #expect(translate("SELECT $fn$ it's ? $x$ $fn$, ?") == ("SELECT $fn$ it's ? $x$ $fn$, $1", 1))
    // $1 is a parameter, not a quote; a$b is an identifier.
    #expect(translate("SELECT $1, a$b, ?") == ("SELECT $1, a$b, $1", 1))
  }

  /// A parameter only tested for NULL, or never named, gives the server nothing to infer its
  /// type from: it is sent as text.
  @Test func parametersWithoutATypeToInferAreMarked() {
    #expect(Placeholders(sqlite: "SELECT 1 WHERE ?1 IS NULL OR a = ?2").onlyTestedForNull == [1])
    #expect(Placeholders(sqlite: "SELECT 1 WHERE ?1 IS NULL OR a = ?1").onlyTestedForNull == [])
    // The importer's matches number their columns from ?3, and ?1 goes unnamed.
    #expect(Placeholders(sqlite: "SELECT id FROM t WHERE a = ?3 AND id <= ?2").onlyTestedForNull == [1])
    #expect(Placeholders(sqlite: "SELECT 1").onlyTestedForNull == [])
  }

  @Test func anUnterminatedStringIsCopiedAsItIs() {
    #expect(translate("SELECT 'open ?") == ("SELECT 'open ?", 0))
  }
}
