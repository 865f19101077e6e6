import AccordSQLite
import AccordStore

/// The records with short ids (actors, sources, negotiations, proposals): see ``RecordImporter``.
extension RecordImporter {
  // MARK: Records with short ids

  func actor(_ f: TransferFields) throws {
    try f.onlyFields(["id", "slug", "name", "kind", "code", "wikidata", "aliases", "recorded_at"])
    let id = try f.id()
    let slug = try f.slug("slug")
    let name = try f.text("name")
    let kind = try f.choice("kind", ActorKind.allCases.map(\.rawValue))
    let code = try f.nonEmptyText("code")
    if let code, code.utf8.count != 3 || !code.utf8.allSatisfy({ (65...90).contains($0) }) {
      throw StoreError.invalid(
        "field 'code': expected an ISO 3166-1 alpha-3 code such as UKR, found \"\(code)\"")
    }
    let wikidata = try f.nonEmptyText("wikidata")
    if let wikidata,
      wikidata.first != "Q" || wikidata.count < 2 || !wikidata.dropFirst().allSatisfy(\.isASCIIDigit)
    {
      throw StoreError.invalid("field 'wikidata': expected a Wikidata id such as Q212, found \"\(wikidata)\"")
    }
    let aliases = try f.texts("aliases")
    let recordedAt = try f.recordedAt()
    let actor: Int64
    if let existing = try connection.first(
      "SELECT id, name, kind, code, wikidata FROM actor WHERE slug = ?", [.text(slug)],
      { row throws(DatabaseError) in
        (
          try row.integer("id"), try row.text("name"), try row.text("kind"), try row.optionalText("code"),
          try row.optionalText("wikidata")
        )
      })
    {
      try compare(
        "actor", slug,
        [
          ("name", .text(existing.1), .text(name)), ("kind", .text(existing.2), .text(kind)),
          ("code", .optional(existing.3), .optional(code)),
          ("wikidata", .optional(existing.4), .optional(wikidata)),
        ])
      actor = existing.0
      count("actor", added: false)
    } else {
      for (field, value) in [("code", code), ("wikidata", wikidata)] {
        if let value,
          let other = try connection.first(
            "SELECT slug FROM actor WHERE \(field) = ?", [.text(value)], { $0.text(0) })
        {
          throw StoreError.conflict(
            "actor '\(slug)': field '\(field)': \(value) belongs to actor '\(other)' in the database already")
        }
      }
      actor = try insert(
        "INSERT INTO actor (id, slug, name, kind, code, wikidata, recorded_at) VALUES (\(words.newID("actor")), ?, ?, ?, ?, ?, coalesce(?, \(words.now)))",
        [
          newID(id, "actor"), .text(slug), .text(name), .text(kind), .optional(code), .optional(wikidata),
          .optional(recordedAt),
        ])
      count("actor", added: true)
    }
    slugs["actor", default: [:]][slug] = actor
    for alias in aliases.isEmpty ? [name] : aliases {
      try run(
        "INSERT INTO actor_alias (actor_id, alias, alias_key) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
        [.integer(actor), .text(alias), .text(Names.key(alias))])
    }
  }

  func source(_ f: TransferFields) throws {
    try f.onlyFields(["id", "slug", "url", "outlet", "title", "published", "recorded_at"])
    let id = try f.id()
    let slug = try f.slug("slug")
    let url = try f.nonEmptyText("url")
    let outlet = try f.nonEmptyText("outlet")
    let title = try f.nonEmptyText("title")
    guard url != nil || title != nil else {
      throw StoreError.invalid("field 'url' is missing: a source needs a url or a title")
    }
    let published = try optionalDate(f, "published")
    let recordedAt = try f.recordedAt()
    if let existing = try connection.first(
      "SELECT id, url, outlet, title, published FROM source WHERE slug = ?", [.text(slug)],
      { row throws(DatabaseError) in
        (
          try row.integer("id"), try row.optionalText("url"), try row.optionalText("outlet"),
          try row.optionalText("title"), try row.optionalText("published")
        )
      })
    {
      try compare(
        "source", slug,
        [
          ("url", .optional(existing.1), .optional(url)),
          ("outlet", .optional(existing.2), .optional(outlet)),
          ("title", .optional(existing.3), .optional(title)),
          ("published", .optional(existing.4), .optional(published?.text)),
        ])
      slugs["source", default: [:]][slug] = existing.0
      count("source", added: false)
      return
    }
    if let url, let problem = AccordStore.urlProblem(url) {
      throw StoreError.invalid("source '\(slug)': field 'url': '\(url)' \(problem)")
    }
    if let url,
      let other = try connection.first("SELECT slug FROM source WHERE url = ?", [.text(url)], { $0.text(0) })
    {
      throw StoreError.conflict(
        "source '\(slug)': field 'url': that URL is source '\(other)' in the database already")
    }
    let source = try insert(
      """
      INSERT INTO source (id, slug, url, outlet, title, published, published_first, published_last, recorded_at)
      VALUES (\(words.newID("source")), ?, ?, ?, ?, ?, ?, ?, coalesce(?, \(words.now)))
      """,
      [
        newID(id, "source"), .text(slug), .optional(url), .optional(outlet), .optional(title),
        .optional(published?.text), .optional(published?.first.description),
        .optional(published?.last.description),
        .optional(recordedAt),
      ])
    slugs["source", default: [:]][slug] = source
    count("source", added: true)
  }

  func negotiation(_ f: TransferFields) throws {
    try f.onlyFields([
      "id", "slug", "title", "summary", "tags", "dormant_after", "participants", "recorded_at",
    ])
    let id = try f.id()
    let slug = try f.slug("slug")
    let title = try f.text("title")
    let summary = try f.nonEmptyText("summary")
    let dormantAfter = try f.optionalInteger("dormant_after")
    if let dormantAfter, dormantAfter <= 0 {
      throw StoreError.invalid(
        "field 'dormant_after': expected a number of days above 0, found \(dormantAfter)")
    }
    let tags = try f.texts("tags")
    // Files of versions 1 and 2 list the participants here, undated.
    let participants = try f.objects("participants").map { entry throws -> (Int64, String) in
      let p = TransferFields(record: entry)
      try p.onlyFields(["actor", "role"])
      return (
        try reference(p, "actor", "actor"), try p.choice("role", ParticipantRole.allCases.map(\.rawValue))
      )
    }
    let recordedAt = try f.recordedAt()
    let negotiation: Int64
    if let existing = try connection.first(
      "SELECT id, title, summary, dormant_after FROM negotiation WHERE slug = ?", [.text(slug)],
      { row throws(DatabaseError) in
        (
          try row.integer("id"), try row.text("title"), try row.optionalText("summary"),
          try row.optionalInteger("dormant_after")
        )
      })
    {
      try compare(
        "negotiation", slug,
        [
          ("title", .text(existing.1), .text(title)), ("summary", .optional(existing.2), .optional(summary)),
          ("dormant_after", .optional(existing.3), .optional(dormantAfter)),
        ])
      negotiation = existing.0
      count("negotiation", added: false)
    } else {
      negotiation = try insert(
        "INSERT INTO negotiation (id, slug, title, title_key, summary, dormant_after, recorded_at) VALUES (\(words.newID("negotiation")), ?, ?, ?, ?, ?, coalesce(?, \(words.now)))",
        [
          newID(id, "negotiation"), .text(slug), .text(title), .text(Names.key(title)), .optional(summary),
          .optional(dormantAfter), .optional(recordedAt),
        ])
      count("negotiation", added: true)
    }
    slugs["negotiation", default: [:]][slug] = negotiation
    for tag in tags {
      try run(
        "INSERT INTO negotiation_tag (negotiation_id, tag) VALUES (?, ?) ON CONFLICT DO NOTHING",
        [.integer(negotiation), .text(tag)])
    }
    for (actor, role) in participants {
      try run(
        """
        INSERT INTO participant (negotiation_id, actor_id, role) SELECT ?1, ?2, ?3
        WHERE NOT EXISTS (
          SELECT 1 FROM participant WHERE negotiation_id = ?1 AND actor_id = ?2 AND role = ?3 AND event = 'joined'
            AND date IS NULL)
        ON CONFLICT DO NOTHING
        """,
        [.integer(negotiation), .integer(actor), .text(role)])
    }
  }

  /// A joining or leaving of a negotiation (version 3).
  func participant(_ f: TransferFields) throws {
    try f.onlyFields(["id", "negotiation", "actor", "role", "side", "event", "date", "recorded_at"])
    let id = try f.id()
    let negotiation = try reference(f, "negotiation", "negotiation")
    let actor = try reference(f, "actor", "actor")
    let role = try f.choice("role", ParticipantRole.allCases.map(\.rawValue))
    let side = try f.nonEmptyText("side")
    let event = try f.optionalText("event") == nil ? "joined" : try f.choice("event", ["joined", "left"])
    let date = try optionalDate(f, "date")
    if event == "left" && date == nil { throw f.missing("date") }
    let recordedAt = try f.recordedAt()
    if try connection.integer(
      """
      SELECT id FROM participant WHERE negotiation_id = ? AND actor_id = ? AND role = ? AND event = ?
        AND coalesce(date, '') = ?
      """, [.integer(negotiation), .integer(actor), .text(role), .text(event), .text(date?.text ?? "")])
      != nil
    {
      return count("participant", added: false)
    }
    try run(
      """
      INSERT INTO participant (id, negotiation_id, actor_id, role, side, event, date, date_first, date_last, recorded_at)
      VALUES (\(words.newID("participant")), ?, ?, ?, ?, ?, ?, ?, ?, coalesce(?, \(words.now)))
      """,
      [
        newID(id, "participant"), .integer(negotiation), .integer(actor), .text(role), .optional(side),
        .text(event),
      ]
        + AccordDate.optionalColumns(date) + [.optional(recordedAt)])
    count("participant", added: true)
  }

  func proposal(_ f: TransferFields) throws {
    try f.onlyFields([
      "id", "slug", "negotiation", "title", "tabled_by", "terms", "value", "value_amount", "value_currency",
      "counters", "supersedes", "sources", "recorded_at",
    ])
    let id = try f.id()
    let slug = try f.slug("slug")
    let negotiation = try reference(f, "negotiation", "negotiation")
    let title = try f.text("title")
    let tabledBy = try optionalReference(f, "tabled_by", "actor")
    let terms = try f.nonEmptyText("terms")
    let value = try f.nonEmptyText("value")
    var amount = try f.optionalInteger("value_amount")
    var currency = try f.nonEmptyText("value_currency")
    if let value, amount == nil, currency == nil {
      do {
        let money = try Money.parse(value)
        (amount, currency) = (money.amount, money.currency)
      } catch {
        throw StoreError.invalid("field 'value': \(error.description)")
      }
    }
    guard (amount == nil) == (currency == nil) else {
      throw StoreError.invalid("field 'value_currency': value_amount and value_currency go together")
    }
    if let amount, amount < 0 {
      throw StoreError.invalid("field 'value_amount': expected an amount of 0 or more")
    }
    if let code = currency, code.utf8.count != 3 || !code.utf8.allSatisfy({ (65...90).contains($0) }) {
      throw StoreError.invalid(
        "field 'value_currency': expected an ISO 4217 code such as USD, found \"\(code)\"")
    }
    let counters = try optionalReference(f, "counters", "proposal")
    let supersedes = try optionalReference(f, "supersedes", "proposal")
    let recordedAt = try f.recordedAt()
    let values: [(String, SQLValue)] = [
      ("negotiation", .integer(negotiation)), ("title", .text(title)), ("tabled_by", .optional(tabledBy)),
      ("terms", .optional(terms)), ("value", .optional(value)), ("value_amount", .optional(amount)),
      ("value_currency", .optional(currency)), ("counters", .optional(counters)),
      ("supersedes", .optional(supersedes)),
    ]
    if let existing = try connection.first(
      """
      SELECT id, negotiation_id, title, tabled_by, terms, value, value_amount, value_currency, counters_id,
        supersedes_id FROM proposal WHERE slug = ?
      """, [.text(slug)],
      { row throws(DatabaseError) in
        (
          try row.integer("id"),
          [
            SQLValue.integer(try row.integer("negotiation_id")), .text(try row.text("title")),
            .optional(try row.optionalInteger("tabled_by")), .optional(try row.optionalText("terms")),
            .optional(try row.optionalText("value")), .optional(try row.optionalInteger("value_amount")),
            .optional(try row.optionalText("value_currency")),
            .optional(try row.optionalInteger("counters_id")),
            .optional(try row.optionalInteger("supersedes_id")),
          ]
        )
      })
    {
      try compare("proposal", slug, zip(values, existing.1).map { ($0.0.0, $0.1, $0.0.1) })
      slugs["proposal", default: [:]][slug] = existing.0
      count("proposal", added: false)
      return
    }
    let proposal = try insert(
      """
      INSERT INTO proposal (id, slug, negotiation_id, title, title_key, tabled_by, terms, value, value_amount,
        value_currency, counters_id, supersedes_id, recorded_at)
      VALUES (\(words.newID("proposal")), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, coalesce(?, \(words.now)))
      """,
      [
        newID(id, "proposal"), .text(slug), .integer(negotiation), .text(title), .text(Names.key(title)),
        .optional(tabledBy), .optional(terms), .optional(value), .optional(amount), .optional(currency),
        .optional(counters), .optional(supersedes), .optional(recordedAt),
      ])
    slugs["proposal", default: [:]][slug] = proposal
    try cite(f, .proposal, proposal)
    count("proposal", added: true)
  }
}
