/// The statement that reads each type of record for export, and how a row becomes a record.
extension AccordStore {
  static let exportQueries: [String: ExportQuery] = [
    "actor": ExportQuery(
      sql: """
        SELECT a.id, a.slug, a.name, a.kind, a.code, a.wikidata,
          (SELECT group_concat(alias, char(31)) FROM (SELECT x.alias FROM actor_alias x
            WHERE x.actor_id = a.id ORDER BY x.id)),
          a.recorded_at
        FROM actor a ORDER BY a.id
        """,
      decode: { row in
        var r = TransferRecord(type: "actor")
        r.add("id", row.integer(0))
        r.add("slug", row.text(1))
        r.add("name", row.text(2))
        r.add("kind", row.text(3))
        r.add("code", row.optionalText(4))
        r.add("wikidata", row.optionalText(5))
        r.add("aliases", list(row.optionalText(6)))
        r.add("recorded_at", row.text(7))
        return r
      }),
    "affiliation": ExportQuery(
      sql: """
        SELECT f.id, p.slug, o.slug, f.role, f.since, f.until, f.recorded_at
        FROM affiliation f JOIN actor p ON p.id = f.person_id JOIN actor o ON o.id = f.organization_id
        ORDER BY f.id
        """,
      decode: { row in
        var r = TransferRecord(type: "affiliation")
        r.add("id", row.integer(0))
        r.add("person", row.text(1))
        r.add("organization", row.text(2))
        r.add("role", row.optionalText(3))
        r.add("since", row.optionalText(4))
        r.add("until", row.optionalText(5))
        r.add("recorded_at", row.text(6))
        return r
      }),
    "source": ExportQuery(
      sql: "SELECT id, slug, url, outlet, title, published, recorded_at FROM source ORDER BY id",
      decode: { row in
        var r = TransferRecord(type: "source")
        r.add("id", row.integer(0))
        r.add("slug", row.text(1))
        r.add("url", row.optionalText(2))
        r.add("outlet", row.optionalText(3))
        r.add("title", row.optionalText(4))
        r.add("published", row.optionalText(5))
        r.add("recorded_at", row.text(6))
        return r
      }),
    "negotiation": ExportQuery(
      sql: """
        SELECT n.id, n.slug, n.title, n.summary,
          (SELECT group_concat(tag, char(31)) FROM (SELECT t.tag FROM negotiation_tag t
            WHERE t.negotiation_id = n.id ORDER BY t.tag)),
          n.recorded_at, n.dormant_after
        FROM negotiation n ORDER BY n.id
        """,
      decode: { row in
        var r = TransferRecord(type: "negotiation")
        r.add("id", row.integer(0))
        r.add("slug", row.text(1))
        r.add("title", row.text(2))
        r.add("summary", row.optionalText(3))
        r.add("tags", list(row.optionalText(4)))
        r.add("dormant_after", row.optionalInteger(6))
        r.add("recorded_at", row.text(5))
        return r
      }),
    "participant": ExportQuery(
      sql: """
        SELECT p.id, n.slug, a.slug, p.role, p.side, p.event, p.date, p.recorded_at
        FROM participant p JOIN negotiation n ON n.id = p.negotiation_id JOIN actor a ON a.id = p.actor_id
        ORDER BY p.id
        """,
      decode: { row in
        var r = TransferRecord(type: "participant")
        r.add("id", row.integer(0))
        r.add("negotiation", row.text(1))
        r.add("actor", row.text(2))
        r.add("role", row.text(3))
        r.add("side", row.optionalText(4))
        if row.text(5) != "joined" { r.add("event", row.text(5)) }
        r.add("date", row.optionalText(6))
        r.add("recorded_at", row.text(7))
        return r
      }),
    "proposal": ExportQuery(
      sql: """
        SELECT p.id, p.slug, n.slug, p.title, a.slug, p.terms, p.value, p.value_amount, p.value_currency,
          c.slug, s.slug, \(citedSQL("proposal_id", "p.id")), p.recorded_at
        FROM proposal p JOIN negotiation n ON n.id = p.negotiation_id
        LEFT JOIN actor a ON a.id = p.tabled_by
        LEFT JOIN proposal c ON c.id = p.counters_id LEFT JOIN proposal s ON s.id = p.supersedes_id
        ORDER BY p.id
        """,
      decode: { row in
        var r = TransferRecord(type: "proposal")
        r.add("id", row.integer(0))
        r.add("slug", row.text(1))
        r.add("negotiation", row.text(2))
        r.add("title", row.text(3))
        r.add("tabled_by", row.optionalText(4))
        r.add("terms", row.optionalText(5))
        r.add("value", row.optionalText(6))
        r.add("value_amount", row.optionalInteger(7))
        r.add("value_currency", row.optionalText(8))
        r.add("counters", row.optionalText(9))
        r.add("supersedes", row.optionalText(10))
        r.add("sources", list(row.optionalText(11)))
        r.add("recorded_at", row.text(12))
        return r
      }),
    "step": ExportQuery(
      sql: """
        SELECT s.id, p.slug, s.step, a.slug, s.date, s.note, \(citedSQL("step_id", "s.id")), s.recorded_at,
          s.label, s.until, s.effective
        FROM proposal_step s JOIN proposal p ON p.id = s.proposal_id LEFT JOIN actor a ON a.id = s.party_id
        ORDER BY s.id
        """,
      decode: { row in
        var r = TransferRecord(type: "step")
        r.add("id", row.integer(0))
        r.add("proposal", row.text(1))
        r.add("step", row.text(2))
        r.add("party", row.optionalText(3))
        r.add("date", row.text(4))
        r.add("label", row.optionalText(8))
        r.add("until", row.optionalText(9))
        r.add("effective", row.optionalText(10))
        r.add("note", row.optionalText(5))
        r.add("sources", list(row.optionalText(6)))
        r.add("recorded_at", row.text(7))
        return r
      }),
    "term": ExportQuery(
      sql: """
        SELECT t.id, n.slug, t.text, t.recorded_at FROM term t JOIN negotiation n ON n.id = t.negotiation_id
        ORDER BY t.id
        """,
      decode: { row in
        var r = TransferRecord(type: "term")
        r.add("id", row.integer(0))
        r.add("negotiation", row.text(1))
        r.add("text", row.text(2))
        r.add("recorded_at", row.text(3))
        return r
      }),
    "position": ExportQuery(
      sql: """
        SELECT o.id, n.slug, a.slug, o.term_id, o.stance, o.revises_id, o.date, o.note,
          \(citedSQL("position_id", "o.id")), o.recorded_at
        FROM position o JOIN negotiation n ON n.id = o.negotiation_id JOIN actor a ON a.id = o.actor_id
        ORDER BY o.id
        """,
      decode: { row in
        var r = TransferRecord(type: "position")
        r.add("id", row.integer(0))
        r.add("negotiation", row.text(1))
        r.add("actor", row.text(2))
        r.add("term", row.integer(3))
        r.add("stance", row.text(4))
        r.add("revises", row.optionalInteger(5))
        r.add("date", row.text(6))
        r.add("note", row.optionalText(7))
        r.add("sources", list(row.optionalText(8)))
        r.add("recorded_at", row.text(9))
        return r
      }),
    "answer": ExportQuery(
      sql: """
        SELECT x.id, x.condition_id, a.slug, x.outcome, x.date, x.note, \(citedSQL("answer_id", "x.id")),
          x.recorded_at
        FROM answer x LEFT JOIN actor a ON a.id = x.actor_id ORDER BY x.id
        """,
      decode: { row in
        var r = TransferRecord(type: "answer")
        r.add("id", row.integer(0))
        r.add("condition", row.integer(1))
        r.add("actor", row.optionalText(2))
        r.add("outcome", row.text(3))
        r.add("date", row.text(4))
        r.add("note", row.optionalText(5))
        r.add("sources", list(row.optionalText(6)))
        r.add("recorded_at", row.text(7))
        return r
      }),
    "membership": ExportQuery(
      sql: """
        SELECT m.id, b.slug, a.slug, m.event, m.date, m.recorded_at
        FROM membership m JOIN actor b ON b.id = m.bloc_id JOIN actor a ON a.id = m.member_id ORDER BY m.id
        """,
      decode: { row in
        var r = TransferRecord(type: "membership")
        r.add("id", row.integer(0))
        r.add("bloc", row.text(1))
        r.add("member", row.text(2))
        if row.text(3) != "joined" { r.add("event", row.text(3)) }
        r.add("date", row.optionalText(4))
        r.add("recorded_at", row.text(5))
        return r
      }),
    "link": ExportQuery(
      sql: """
        SELECT l.id, p.slug, l.link, o.slug, l.recorded_at FROM proposal_link l
        JOIN proposal p ON p.id = l.proposal_id JOIN proposal o ON o.id = l.other_id ORDER BY l.id
        """,
      decode: { row in
        var r = TransferRecord(type: "link")
        r.add("id", row.integer(0))
        r.add("proposal", row.text(1))
        r.add("link", row.text(2))
        r.add("other", row.text(3))
        r.add("recorded_at", row.text(4))
        return r
      }),
    "deadline": ExportQuery(
      sql: """
        SELECT d.id, n.slug, p.slug, d.title, d.date, \(citedSQL("deadline_id", "d.id")), d.recorded_at
        FROM deadline d JOIN negotiation n ON n.id = d.negotiation_id LEFT JOIN proposal p ON p.id = d.proposal_id
        ORDER BY d.id
        """,
      decode: { row in
        var r = TransferRecord(type: "deadline")
        r.add("id", row.integer(0))
        r.add("negotiation", row.text(1))
        r.add("proposal", row.optionalText(2))
        r.add("title", row.text(3))
        r.add("date", row.text(4))
        r.add("sources", list(row.optionalText(5)))
        r.add("recorded_at", row.text(6))
        return r
      }),
    "term_link": ExportQuery(
      sql: "SELECT id, term_id, link, other_term_id, position_id FROM term_link ORDER BY id",
      decode: { row in
        var r = TransferRecord(type: "term_link")
        r.add("id", row.integer(0))
        r.add("term", row.integer(1))
        r.add("link", row.text(2))
        r.add("other_term", row.integer(3))
        r.add("position", row.optionalInteger(4))
        return r
      }),
    "meeting": ExportQuery(
      sql: """
        SELECT m.id, n.slug, m.date, m.place, m.summary,
          (SELECT group_concat(slug, char(31)) FROM (SELECT a.slug FROM meeting_participant x
            JOIN actor a ON a.id = x.actor_id WHERE x.meeting_id = m.id ORDER BY x.actor_id)),
          \(citedSQL("meeting_id", "m.id")), m.recorded_at
        FROM meeting m JOIN negotiation n ON n.id = m.negotiation_id ORDER BY m.id
        """,
      decode: { row in
        var r = TransferRecord(type: "meeting")
        r.add("id", row.integer(0))
        r.add("negotiation", row.text(1))
        r.add("date", row.text(2))
        r.add("place", row.optionalText(3))
        r.add("summary", row.optionalText(4))
        r.add("participants", list(row.optionalText(5)))
        r.add("sources", list(row.optionalText(6)))
        r.add("recorded_at", row.text(7))
        return r
      }),
    "quote": ExportQuery(
      sql: """
        SELECT q.id, a.slug, n.slug, q.date, q.text, q.language, q.context,
          \(citedSQL("statement_id", "q.id")), q.recorded_at
        FROM statement q JOIN actor a ON a.id = q.actor_id LEFT JOIN negotiation n ON n.id = q.negotiation_id
        ORDER BY q.id
        """,
      decode: { row in
        var r = TransferRecord(type: "quote")
        r.add("id", row.integer(0))
        r.add("speaker", row.text(1))
        r.add("negotiation", row.optionalText(2))
        r.add("date", row.text(3))
        r.add("text", row.text(4))
        r.add("language", row.optionalText(5))
        r.add("context", row.optionalText(6))
        r.add("sources", list(row.optionalText(7)))
        r.add("recorded_at", row.text(8))
        return r
      }),
    "development": ExportQuery(
      sql: """
        SELECT d.id, n.slug, d.date, d.text,
          (SELECT group_concat(slug, char(31)) FROM (SELECT a.slug FROM development_actor x
            JOIN actor a ON a.id = x.actor_id WHERE x.development_id = d.id ORDER BY x.actor_id)),
          \(citedSQL("development_id", "d.id")), d.recorded_at
        FROM development d JOIN negotiation n ON n.id = d.negotiation_id ORDER BY d.id
        """,
      decode: { row in
        var r = TransferRecord(type: "development")
        r.fields.reserveCapacity(7)
        r.add("id", row.integer(0))
        r.add("negotiation", row.text(1))
        r.add("date", row.text(2))
        r.add("text", row.text(3))
        r.add("actors", list(row.optionalText(4)))
        r.add("sources", list(row.optionalText(5)))
        r.add("recorded_at", row.text(6))
        return r
      }),
    "dataset_record": ExportQuery(
      sql: """
        SELECT r.id, r.dataset, r.kind, r.key, n.slug, p.slug, a.slug, r.recorded_at
        FROM dataset_record r LEFT JOIN negotiation n ON n.id = r.negotiation_id
        LEFT JOIN proposal p ON p.id = r.proposal_id LEFT JOIN actor a ON a.id = r.actor_id
        ORDER BY r.id
        """,
      decode: { row in
        var r = TransferRecord(type: "dataset_record")
        r.add("id", row.integer(0))
        r.add("dataset", row.text(1))
        r.add("kind", row.text(2))
        r.add("key", row.text(3))
        r.add("negotiation", row.optionalText(4))
        r.add("proposal", row.optionalText(5))
        r.add("actor", row.optionalText(6))
        r.add("recorded_at", row.text(7))
        return r
      }),
    "stage": ExportQuery(
      sql: """
        SELECT s.id, p.slug, s.stage, s.stage_sub, s.record_id, s.recorded_at
        FROM proposal_stage s JOIN proposal p ON p.id = s.proposal_id ORDER BY s.id
        """,
      decode: { row in
        var r = TransferRecord(type: "stage")
        r.add("id", row.integer(0))
        r.add("proposal", row.text(1))
        r.add("stage", row.text(2))
        r.add("stage_sub", row.optionalText(3))
        r.add("record", row.optionalInteger(4))
        r.add("recorded_at", row.text(5))
        return r
      }),
    "signatory": ExportQuery(
      sql: """
        SELECT g.id, p.slug, g.role, g.text, g.record_id, g.recorded_at
        FROM proposal_signatory g JOIN proposal p ON p.id = g.proposal_id ORDER BY g.id
        """,
      decode: { row in
        var r = TransferRecord(type: "signatory")
        r.add("id", row.integer(0))
        r.add("proposal", row.text(1))
        r.add("role", row.text(2))
        r.add("text", row.text(3))
        r.add("record", row.optionalInteger(4))
        r.add("recorded_at", row.text(5))
        return r
      }),
    // A retracted record: its kind as the command line names it (actor, step, condition, …), and
    // its short id where it has one, else its number.
    "retraction": ExportQuery(
      sql: """
        SELECT r.id,
          CASE r.record_table WHEN 'proposal_step' THEN 'step' WHEN 'position' THEN 'condition'
            WHEN 'statement' THEN 'quote' WHEN 'proposal_link' THEN 'link' WHEN 'participant' THEN 'participation'
            ELSE r.record_table END,
          CASE r.record_table
            WHEN 'actor' THEN (SELECT slug FROM actor WHERE id = r.record_id)
            WHEN 'negotiation' THEN (SELECT slug FROM negotiation WHERE id = r.record_id)
            WHEN 'proposal' THEN (SELECT slug FROM proposal WHERE id = r.record_id)
            WHEN 'source' THEN (SELECT slug FROM source WHERE id = r.record_id) END,
          r.record_id, r.reason, r.analyst, r.retracted_at
        FROM retraction r ORDER BY r.id
        """,
      decode: { row in
        var r = TransferRecord(type: "retraction")
        r.add("id", row.integer(0))
        r.add("kind", row.text(1))
        if let slug = row.optionalText(2) {
          r.add("record", slug)
        } else {
          r.add("record", row.integer(3))
        }
        r.add("reason", row.text(4))
        r.add("analyst", row.text(5))
        r.add("retracted_at", row.text(6))
        return r
      }),
  ]
}
