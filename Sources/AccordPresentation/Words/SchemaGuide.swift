/// What each table and view of an Accord database holds, and what the columns a person reads
/// mean: the one place that `accord datasette-metadata` reads. A test holds it to the schema:
/// every table and view is described, and every column named here exists.
public enum SchemaGuide {
  /// One table or view.
  public struct Entry: Sendable {
    public let name: String
    public let description: String
    /// Column descriptions, in the table's order.
    public let columns: [(name: String, description: String)]
    /// The columns Datasette offers counts of, first.
    public let facets: [String]
    /// The column Datasette sorts by, latest first.
    public let sortDescending: String?
    /// For a table that others reference: the column that names a row (Datasette shows it beside
    /// the number).
    public let labelColumn: String?

    init(
      _ name: String, _ description: String, columns: [(String, String)] = [], facets: [String] = [],
      sortDescending: String? = nil, labelColumn: String? = nil
    ) {
      self.name = name
      self.description = description
      self.columns = columns.map { (name: $0.0, description: $0.1) }
      self.facets = facets
      self.sortDescending = sortDescending
      self.labelColumn = labelColumn
    }
  }

  public static let title = "Accord"
  public static let description =
    "A record of diplomatic negotiations: who met whom, what was proposed, countered, signed or "
    + "rejected, who demands what in exchange for what, who said what, and where it was reported. "
    + "Start with the views named as the command line speaks: quote, condition, condition_answer, "
    + "step, negotiation_meeting, negotiation_development, and proposal_status or unsigned_deal for where "
    + "each deal stands today. "
    + "They and the current_* views leave out retracted records."

  // Columns that many views share, described once.
  static let negotiationID = ("negotiation_id", "The negotiation's number.")
  static let negotiation = ("negotiation", "The negotiation's short id, as the command line names it.")
  static let date = (
    "date", "When it happened, as typed: 2025, 2025-02, 2025-02-14, ending in ~ (about) or ? (uncertain)."
  )
  static let dateFirst = ("date_first", "The first day the date covers (YYYY-MM-DD): sort and filter by it.")
  static let dateLast = ("date_last", "The last day the date covers (YYYY-MM-DD).")
  static let sources = ("sources", "The short ids of the sources that report it, in the order cited.")
  static let recordedAt = ("recorded_at", "When it was entered (UTC), not when it happened.")
  static let dated = [date, dateFirst, dateLast]

  public static let entries: [Entry] = views + statusViews + currentViews + tables

  /// The views named in the analyst's words.
  static let views: [Entry] = [
    Entry(
      "quote",
      "Who said what, verbatim (accord quote add): the current record, without retracted quotes "
        + "or the quotes of a retracted negotiation.",
      columns: [("id", "The quote's number (accord retract quote N).")] + [negotiationID, negotiation] + dated
        + [
          ("speaker_id", "The speaker's number."), ("speaker", "Who said it."),
          ("text", "The words, verbatim."),
          ("context", "Where or to whom it was said."),
          ("language", "The language it was said in (ISO 639 code)."),
          sources,
        ], facets: ["negotiation", "speaker", "language"], sortDescending: "date_first"),
    Entry(
      "condition",
      "Conditions: an actor demands, offers, sets as a precondition or holds as a red line a term, "
        + "in exchange for or only if other terms (accord condition add). The current record, without "
        + "retracted conditions or those of a retracted negotiation; where each stands: condition_status.",
      columns: [("id", "The condition's number (accord condition show N).")] + [negotiationID, negotiation]
        + dated
        + [
          ("held_by_id", "The number of the actor who holds it."), ("held_by", "Who holds it."),
          ("stance", "demands, offers, precondition or red_line."), ("term_id", "The term's number."),
          ("term", "What is demanded or offered."),
          ("in_exchange_for", "The terms it is offered or demanded in exchange for."),
          ("conditional_on", "The terms it holds only if."),
          ("revises_id", "The earlier condition this one replaces (accord condition revise)."),
          ("note", "The analyst's note."), sources,
        ], facets: ["negotiation", "held_by", "stance"], sortDescending: "date_first"),
    Entry(
      "condition_answer",
      "Each counterpart's answer to a condition (accord condition update): accepted, "
        + "rejected, dropped, met or reneged. Named so because `answer` is the table; without retracted "
        + "answers, or those of a retracted condition or negotiation.",
      columns: [
        ("id", "The answer's number (accord retract answer N)."),
        ("condition_id", "The condition it answers."),
        negotiationID, negotiation,
      ] + dated + [
        ("answered_by_id", "The number of the actor who answers; none for a condition met."),
        ("answered_by", "Who answers."), ("outcome", "accepted, rejected, dropped, met or reneged."),
        ("term", "The term of the condition answered."), ("note", "The analyst's note."), sources,
      ], facets: ["negotiation", "outcome", "answered_by"], sortDescending: "date_first"),
    Entry(
      "step",
      "The dated steps of each proposal's life (accord proposal step): tabled, countered, signed, "
        + "ratified, in force, withdrawn and the rest, one row per party a step names. Without retracted "
        + "steps, or those of a retracted proposal or negotiation.",
      columns: [
        ("id", "The step's number (accord retract step N)."), ("proposal_id", "The proposal's number."),
        ("proposal", "The proposal's short id."), ("proposal_title", "The proposal's title."), negotiationID,
        negotiation,
      ] + dated + [
        ("step", "What happened to the proposal."), ("party_id", "The number of the party the step names."),
        ("party", "The party the step names; none for a step of the whole proposal."),
        ("label", "A milestone's name."), ("until", "An extension's new deadline."),
        ("effective", "When a notified withdrawal takes effect."), ("note", "The analyst's note."), sources,
      ], facets: ["negotiation", "step", "party"], sortDescending: "date_first"),
    Entry(
      "negotiation_meeting",
      "Who met whom, where and when (accord meeting add), each with a title as the "
        + "timeline writes it. Named so because `meeting` is the table; without retracted meetings or those "
        + "of a retracted negotiation.",
      columns: [("id", "The meeting's number (accord retract meeting N)."), negotiationID, negotiation] + [
        ("title", "The meeting as the timeline names it: Meeting at its place.")
      ] + dated + [
        ("place", "Where it was held."), ("participants", "Who met."), ("summary", "What was discussed."),
        sources,
      ], facets: ["negotiation", "place"], sortDescending: "date_first"),
    Entry(
      "negotiation_development",
      "What happened, as logged (accord log), with the negotiation's short id, the actors named and "
        + "the sources. Named so because `development` is the table; without retracted developments or "
        + "those of a retracted negotiation.",
      columns: [
        ("id", "The development's number (accord retract development N)."), negotiationID, negotiation,
      ]
        + dated + [
          ("text", "What happened."), ("actors", "The actors it names."), sources, recordedAt,
        ], facets: ["negotiation"], sortDescending: "date_first"),
  ]

  /// Where things stand today.
  static let statusViews: [Entry] = [
    Entry(
      "proposal_status",
      "Each proposal's state today, by the rule in the README (How status is derived); "
        + "accord deals answers the same as of any day.",
      columns: [
        ("proposal_id", "The proposal's number."), ("slug", "The proposal's short id."),
        ("title", "The proposal's title."), negotiationID, negotiation,
        (
          "status",
          "Its state today: drafted, agreed, adopted, signed, ratified, in_force, suspended, or what closed it."
        ),
        ("status_date", "The date of the step that gave it that state."),
        ("signed", "1 if it was ever signed, ratified or in force."),
        ("live", "1 unless something closed it."),
      ], facets: ["negotiation", "status"], sortDescending: "status_date"),
    Entry(
      "live_draft",
      "Live drafts today (drafted or agreed, not yet signed, adopted or in force), each with "
        + "the day it was last active and whether it is dormant.",
      columns: [
        ("proposal_id", "The proposal's number."), ("slug", "The proposal's short id."),
        ("title", "The proposal's title."), negotiationID, negotiation, ("status", "drafted or agreed."),
        ("status_date", "The date of the step that gave it that state."),
        ("last_active", "The day of its latest step, or its negotiation's latest meeting or development."),
        ("dormant", "1 if nothing happened for a year (or the negotiation's dormant_after days)."),
      ], facets: ["negotiation", "status", "dormant"], sortDescending: "last_active"),
    Entry(
      "unsigned_deal", "The live drafts that are not dormant: accord deals --unsigned, as of today.",
      columns: [
        ("proposal_id", "The proposal's number."), ("slug", "The proposal's short id."),
        ("title", "The proposal's title."), negotiationID, negotiation, ("status", "drafted or agreed."),
        ("last_active", "The day it was last active."),
      ], facets: ["negotiation", "status"], sortDescending: "last_active"),
    Entry(
      "dormant_draft", "The live drafts that are dormant: accord deals --dormant, as of today.",
      columns: [
        ("proposal_id", "The proposal's number."), ("slug", "The proposal's short id."), negotiationID,
        negotiation,
        ("last_active", "The day it was last active."),
      ], facets: ["negotiation"], sortDescending: "last_active"),
    Entry(
      "condition_status",
      "Each condition held today, with each counterpart's latest answer and the condition "
        + "that revised it (its state needs the parties of the day: accord condition list).",
      columns: [
        ("condition_id", "The condition's number."), negotiationID, negotiation,
        ("held_by_id", "The number of the actor who holds it."), ("held_by", "Who holds it."),
        ("stance", "demands, offers, precondition or red_line."), ("term", "What is demanded or offered."),
        ("in_exchange_for", "The terms it is held in exchange for."), ("since", "When it was stated."),
        ("answers", "Each counterpart's latest answer that has happened, with its date."),
        ("revised_by", "The condition that replaced it, if one has."),
      ], facets: ["negotiation", "held_by", "stance"]),
    Entry(
      "participant_today", "Who takes part in each negotiation today, as what, on which side, since when.",
      columns: [
        negotiationID, negotiation, ("actor_id", "The actor's number."), ("actor", "The actor's name."),
        ("role", "party, mediator, guarantor, observer or coordinator."),
        ("side", "The named side of the table."),
        ("since", "When it joined; none: from the start."),
      ], facets: ["negotiation", "role"]),
    Entry(
      "member_today", "Who belongs to each bloc today, since when.",
      columns: [
        ("bloc_id", "The bloc's number."), ("bloc", "The bloc's name."),
        ("member_id", "The member's number."),
        ("member", "The member's name."), ("since", "When it joined; none: from the start."),
      ], facets: ["bloc"]),
    Entry(
      "proposal_dataset",
      "Each imported proposal's dataset and id there, current stage, signatories and third parties.",
      columns: [
        ("proposal_id", "The proposal's number."), ("slug", "The proposal's short id."), negotiationID,
        negotiation,
        ("dataset", "pax or ucdp."), ("key", "The agreement's id in the dataset."),
        ("stage", "PA-X's stage code, the latest imported."),
      ], facets: ["dataset", "stage"]),
    Entry(
      "search_source",
      "The text of every fact the full-text index holds, by the index's rowid (the fact's id × 16 + its kind's number).",
      columns: [("kind", "What kind of fact."), ("ref", "The fact's number in its own table.")],
      facets: ["kind"]),
  ]

  /// The record without retracted rows: the tables' own columns.
  static let currentViews: [Entry] = [
    ("actor", "actors"), ("negotiation", "negotiations"), ("source", "sources"),
    ("proposal", "proposals, and those of a retracted negotiation"), ("proposal_step", "proposal steps"),
    ("position", "conditions, and those of a retracted negotiation"),
    ("answer", "answers, and those of a retracted condition or negotiation"),
    ("participant", "joinings and leavings of negotiations"),
    ("membership", "joinings and leavings of blocs"),
    ("deadline", "deadlines, and those of a retracted negotiation"),
    ("proposal_link", "links between proposals"),
    ("meeting", "meetings, and those of a retracted negotiation"),
    ("statement", "quotes, and those of a retracted negotiation"),
    ("development", "developments, and those of a retracted negotiation"),
  ].map { table, what in Entry("current_\(table)", "The table \(table) without retracted \(what).") }

  static let tables: [Entry] = [
    Entry(
      "actor", "States, organizations and blocs, companies, armed or political groups, persons.",
      columns: [
        ("slug", "The short id."), ("kind", "state, organization, company, group or person."),
        ("code", "ISO 3166-1 alpha-3, for a state."), ("wikidata", "A Wikidata item id."), recordedAt,
      ], facets: ["kind"], labelColumn: "name"),
    Entry(
      "actor_alias", "Every name an actor goes by, its own included, in any script.",
      columns: [("alias_key", "The name folded to lower case, for look-up.")], labelColumn: "alias"),
    Entry(
      "affiliation", "A person's offices: a role in an organization or state, with its dates.",
      columns: [("person_id", "The person."), ("organization_id", "The organization or state.")]),
    Entry(
      "membership", "Who belongs to which bloc: each joining and leaving a dated row.",
      columns: [("bloc_id", "The bloc."), ("member_id", "The member."), ("event", "joined or left.")] + dated),
    Entry(
      "negotiation", "Negotiation tracks.",
      columns: [
        ("slug", "The short id the command line uses."),
        ("title_key", "The title folded to lower case, for look-up."),
        ("dormant_after", "Days after which a draft of it is dormant, when not a year."), recordedAt,
      ], labelColumn: "slug"),
    Entry("negotiation_tag", "The tags of each negotiation.", facets: ["tag"]),
    Entry(
      "participant",
      "Who takes part in a negotiation, as what and on which side: each joining and leaving a "
        + "dated row (a joining without a date is from the start).",
      columns: [
        ("role", "party, mediator, guarantor, observer or coordinator."),
        ("side", "A named side of the table."),
        ("event", "joined or left."),
      ] + dated, facets: ["role", "event"]),
    Entry(
      "meeting", "Who met whom, where and when; negotiation_meeting reads it with names and a title.",
      columns: dated + [("place", "Where it was held."), ("summary", "What was discussed.")],
      sortDescending: "date_first", labelColumn: "place"),
    Entry("meeting_participant", "Who took part in each meeting."),
    Entry(
      "proposal", "Proposals, drafts and agreements, with their counter-offer and supersession chains.",
      columns: [
        ("slug", "The short id."), ("tabled_by", "The actor who tabled it."),
        ("value", "Its value as typed: 500 billion USD."), ("value_amount", "The value in whole units."),
        ("value_currency", "The value's currency (ISO 4217)."), ("counters_id", "The proposal it counters."),
        ("supersedes_id", "The proposal it supersedes."),
      ], labelColumn: "slug"),
    Entry(
      "proposal_step",
      "The dated steps of each proposal's life, one row per party a step names; step reads it "
        + "with names.",
      columns: dated + [
        ("label", "A milestone's name."), ("until", "An extension's new deadline."),
        ("effective", "When a notified withdrawal takes effect."),
      ], facets: ["step"], sortDescending: "date_first"),
    Entry(
      "proposal_link",
      "One proposal implements, builds on, endorses or replaces another, in any negotiation.",
      columns: [("other_id", "The proposal linked to.")], facets: ["link"]),
    Entry(
      "deadline",
      "Deadlines recorded with accord deadline add (those an extension sets are its step's until).",
      columns: dated, sortDescending: "date_first", labelColumn: "title"),
    Entry(
      "term", "The terms of conditions, per negotiation.",
      columns: [("text_key", "The text folded to lower case, for look-up.")], labelColumn: "text"),
    Entry(
      "position", "Conditions: an actor's dated stance on a term; condition reads it with names.",
      columns: [
        ("stance", "demands, offers, precondition or red_line."),
        ("revises_id", "The condition it replaces."),
      ]
        + dated, facets: ["stance"], sortDescending: "date_first"),
    Entry(
      "term_link", "in_exchange_for and conditional_on links between terms, per condition.",
      columns: [("position_id", "The condition that links them.")]),
    Entry(
      "answer", "Each counterpart's dated answer to a condition; condition_answer reads it with names.",
      columns: [
        ("condition_id", "The condition answered."),
        ("outcome", "accepted, rejected, dropped, met or reneged."),
      ]
        + dated, facets: ["outcome"], sortDescending: "date_first"),
    Entry(
      "statement", "Verbatim quotes; quote reads them with names.",
      columns: dated + [("text", "The words, verbatim.")],
      sortDescending: "date_first"),
    Entry(
      "source", "Where a fact was reported: a URL, or an outlet and title.",
      columns: [("slug", "The short id."), ("published", "When it was published, as typed.")],
      facets: ["outlet"],
      labelColumn: "slug"),
    Entry("citation", "Which fact each source reports: one of the fact columns is set."),
    Entry(
      "development",
      "Free log entries on a negotiation (accord log); negotiation_development reads it with names.",
      columns: dated + [("text", "What happened.")],
      sortDescending: "date_first"),
    Entry("development_actor", "The actors of each development."),
    Entry(
      "dataset_record", "Which negotiation, proposal or actor stands for a PA-X or UCDP record.",
      columns: [("key", "The record's id in its dataset.")], facets: ["dataset", "kind"]),
    Entry(
      "proposal_stage", "PA-X's stage of an agreement; the latest row is the current one.", facets: ["stage"]),
    Entry(
      "proposal_signatory",
      "Signatories and third parties as the dataset writes them; the latest row of each role "
        + "is the current one."),
    Entry(
      "command", "Every write transaction: who ran which command line, when.", facets: ["analyst"],
      sortDescending: "id"),
    Entry(
      "change_log", "Every row each command inserted, updated or deleted (before and after as JSON).",
      columns: [("row_key", "The row's key, or an import's id ranges.")],
      facets: ["table_name", "operation"],
      sortDescending: "id"),
    Entry(
      "retraction",
      "Records hidden from listings, status, search and reports, with the reason, analyst and time.",
      columns: [("record_table", "The table of the hidden record."), ("record_id", "Its number there.")],
      facets: ["record_table"], sortDescending: "retracted_at"),
    Entry("bulk_write", "Empty but during an import or accord generate."),
    Entry("search", "The full-text index (FTS5, contentless: search_source gives its text)."),
    Entry("schema_migration", "The schema's migrations applied to this file (Migrations/NNNN_name.sql)."),
  ]

  /// Tables that belong to another table and need no description: the full-text index's own.
  public static let internalTables: Set<String> = [
    "search_config", "search_data", "search_docsize", "search_idx",
  ]
}
