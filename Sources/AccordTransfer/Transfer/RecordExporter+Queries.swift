import AccordStore

/// The statement that reads each type of record for export. A row becomes a record by its columns'
/// names, in their order (see ``ExportQuery``): each column is named as the export's field.
extension AccordStore {
  static let exportQueries: [String: ExportQuery] = [
    "actor": ExportQuery(
      type: "actor",
      lists: ["aliases"],
      sql: """
        SELECT a.id, a.slug, a.name, a.kind, a.code, a.wikidata,
          (SELECT group_concat(alias, '\u{1F}') FROM (SELECT x.alias FROM actor_alias x
            WHERE x.actor_id = a.id ORDER BY x.id) AS ordered) AS aliases,
          a.recorded_at
        FROM actor a ORDER BY a.id
        """),
    "affiliation": ExportQuery(
      type: "affiliation",
      sql: """
        SELECT f.id, p.slug AS person, o.slug AS organization, f.role, f.since, f.until, f.recorded_at
        FROM affiliation f JOIN actor p ON p.id = f.person_id JOIN actor o ON o.id = f.organization_id
        ORDER BY f.id
        """),
    "source": ExportQuery(
      type: "source",
      sql: """
        SELECT id, slug, url, outlet, title, published, recorded_at
        FROM source ORDER BY id
        """),
    "negotiation": ExportQuery(
      type: "negotiation",
      lists: ["tags"],
      sql: """
        SELECT n.id, n.slug, n.title, n.summary,
          (SELECT group_concat(tag, '\u{1F}') FROM (SELECT t.tag FROM negotiation_tag t
            WHERE t.negotiation_id = n.id ORDER BY t.tag) AS ordered) AS tags,
          n.dormant_after, n.recorded_at
        FROM negotiation n ORDER BY n.id
        """),
    "participant": ExportQuery(
      type: "participant",
      sql: """
        SELECT p.id, n.slug AS negotiation, a.slug AS actor, p.role, p.side,
          nullif(p.event, 'joined') AS event, p.date, p.recorded_at
        FROM participant p JOIN negotiation n ON n.id = p.negotiation_id JOIN actor a ON a.id = p.actor_id
        ORDER BY p.id
        """),
    "proposal": ExportQuery(
      type: "proposal",
      lists: ["sources"],
      sql: """
        SELECT p.id, p.slug, n.slug AS negotiation, p.title, a.slug AS tabled_by, p.terms, p.value,
          p.value_amount, p.value_currency, c.slug AS counters, s.slug AS supersedes,
          \(citedSQL("proposal_id", "p.id")) AS sources, p.recorded_at
        FROM proposal p JOIN negotiation n ON n.id = p.negotiation_id
        LEFT JOIN actor a ON a.id = p.tabled_by
        LEFT JOIN proposal c ON c.id = p.counters_id LEFT JOIN proposal s ON s.id = p.supersedes_id
        ORDER BY p.id
        """),
    "step": ExportQuery(
      type: "step",
      lists: ["sources"],
      sql: """
        SELECT s.id, p.slug AS proposal, s.step, a.slug AS party, s.date, s.label, s.until, s.effective,
          s.note, \(citedSQL("step_id", "s.id")) AS sources, s.recorded_at
        FROM proposal_step s JOIN proposal p ON p.id = s.proposal_id LEFT JOIN actor a ON a.id = s.party_id
        ORDER BY s.id
        """),
    "term": ExportQuery(
      type: "term",
      sql: """
        SELECT t.id, n.slug AS negotiation, t.text, t.recorded_at
        FROM term t JOIN negotiation n ON n.id = t.negotiation_id
        ORDER BY t.id
        """),
    "position": ExportQuery(
      type: "position",
      lists: ["sources"],
      sql: """
        SELECT o.id, n.slug AS negotiation, a.slug AS actor, o.term_id AS term, o.stance,
          o.revises_id AS revises, o.date, o.note, \(citedSQL("position_id", "o.id")) AS sources,
          o.recorded_at
        FROM position o JOIN negotiation n ON n.id = o.negotiation_id JOIN actor a ON a.id = o.actor_id
        ORDER BY o.id
        """),
    "answer": ExportQuery(
      type: "answer",
      lists: ["sources"],
      sql: """
        SELECT x.id, x.condition_id AS condition, a.slug AS actor, x.outcome, x.date, x.note,
          \(citedSQL("answer_id", "x.id")) AS sources, x.recorded_at
        FROM answer x LEFT JOIN actor a ON a.id = x.actor_id ORDER BY x.id
        """),
    "membership": ExportQuery(
      type: "membership",
      sql: """
        SELECT m.id, b.slug AS bloc, a.slug AS member, nullif(m.event, 'joined') AS event, m.date,
          m.recorded_at
        FROM membership m JOIN actor b ON b.id = m.bloc_id JOIN actor a ON a.id = m.member_id ORDER BY m.id
        """),
    "link": ExportQuery(
      type: "link",
      sql: """
        SELECT l.id, p.slug AS proposal, l.link, o.slug AS other, l.recorded_at
        FROM proposal_link l
        JOIN proposal p ON p.id = l.proposal_id JOIN proposal o ON o.id = l.other_id ORDER BY l.id
        """),
    "deadline": ExportQuery(
      type: "deadline",
      lists: ["sources"],
      sql: """
        SELECT d.id, n.slug AS negotiation, p.slug AS proposal, d.title, d.date,
          \(citedSQL("deadline_id", "d.id")) AS sources, d.recorded_at
        FROM deadline d JOIN negotiation n ON n.id = d.negotiation_id LEFT JOIN proposal p ON p.id = d.proposal_id
        ORDER BY d.id
        """),
    "term_link": ExportQuery(
      type: "term_link",
      sql: """
        SELECT id, term_id AS term, link, other_term_id AS other_term, position_id AS position
        FROM term_link ORDER BY id
        """),
    "meeting": ExportQuery(
      type: "meeting",
      lists: ["participants", "sources"],
      sql: """
        SELECT m.id, n.slug AS negotiation, m.date, m.place, m.summary,
          \(actorsSQL("meeting_participant", "meeting_id", "m.id")) AS participants,
          \(citedSQL("meeting_id", "m.id")) AS sources, m.recorded_at
        FROM meeting m JOIN negotiation n ON n.id = m.negotiation_id ORDER BY m.id
        """),
    "quote": ExportQuery(
      type: "quote",
      lists: ["sources"],
      sql: """
        SELECT q.id, a.slug AS speaker, n.slug AS negotiation, q.date, q.text, q.language, q.context,
          \(citedSQL("statement_id", "q.id")) AS sources, q.recorded_at
        FROM statement q JOIN actor a ON a.id = q.actor_id LEFT JOIN negotiation n ON n.id = q.negotiation_id
        ORDER BY q.id
        """),
    "development": ExportQuery(
      type: "development",
      lists: ["actors", "sources"],
      sql: """
        SELECT d.id, n.slug AS negotiation, d.date, d.text,
          \(actorsSQL("development_actor", "development_id", "d.id")) AS actors,
          \(citedSQL("development_id", "d.id")) AS sources, d.recorded_at
        FROM development d JOIN negotiation n ON n.id = d.negotiation_id ORDER BY d.id
        """),
    "dataset_record": ExportQuery(
      type: "dataset_record",
      sql: """
        SELECT r.id, r.dataset, r.kind, r.key, n.slug AS negotiation, p.slug AS proposal,
          a.slug AS actor, r.recorded_at
        FROM dataset_record r LEFT JOIN negotiation n ON n.id = r.negotiation_id
        LEFT JOIN proposal p ON p.id = r.proposal_id LEFT JOIN actor a ON a.id = r.actor_id
        ORDER BY r.id
        """),
    "stage": ExportQuery(
      type: "stage",
      sql: """
        SELECT s.id, p.slug AS proposal, s.stage, s.stage_sub, s.record_id AS record, s.recorded_at
        FROM proposal_stage s JOIN proposal p ON p.id = s.proposal_id ORDER BY s.id
        """),
    "signatory": ExportQuery(
      type: "signatory",
      sql: """
        SELECT g.id, p.slug AS proposal, g.role, g.text, g.record_id AS record, g.recorded_at
        FROM proposal_signatory g JOIN proposal p ON p.id = g.proposal_id ORDER BY g.id
        """),
    // A retracted record: its kind as the command line names it (actor, step, condition, …), and
    // its short id where it has one, else its number. (Two columns called `record`, one of them
    // NULL and so left out: a column of text or a number by row is SQLite's alone.)
    "retraction": ExportQuery(
      type: "retraction",
      sql: """
        SELECT id, kind, CASE WHEN slug IS NULL THEN record_id END AS record, slug AS record, reason,
          analyst, retracted_at
        FROM (
          SELECT r.id,
            CASE r.record_table WHEN 'proposal_step' THEN 'step' WHEN 'position' THEN 'condition'
              WHEN 'statement' THEN 'quote' WHEN 'proposal_link' THEN 'link' WHEN 'participant' THEN 'participation'
              ELSE r.record_table END AS kind,
            CASE r.record_table
              WHEN 'actor' THEN (SELECT slug FROM actor WHERE id = r.record_id)
              WHEN 'negotiation' THEN (SELECT slug FROM negotiation WHERE id = r.record_id)
              WHEN 'proposal' THEN (SELECT slug FROM proposal WHERE id = r.record_id)
              WHEN 'source' THEN (SELECT slug FROM source WHERE id = r.record_id) END AS slug,
            r.record_id, r.reason, r.analyst, r.retracted_at
          FROM retraction r) AS retracted
        ORDER BY id
        """),
  ]
}
