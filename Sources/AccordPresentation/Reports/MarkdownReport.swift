import AccordStore

/// The report as Markdown, ready to paste into a brief. Analyst text is escaped so that it shows
/// as typed (``Escape/markdown(_:)``); sources are numbered per negotiation and cited as [n].
public enum MarkdownReport {
  public static func render(_ report: Report) -> String {
    var out = "# Negotiations brief, \(ReportText.longDate(report.asOf))\n\n"
    out += "As of \(report.asOf), with the changes since \(report.since). "
    out += "\(count(report.negotiations.count, "negotiation")); status follows from the dated steps.\n"

    out += "\n## Deadlines\n\n"
    if report.deadlines.isEmpty {
      out += "None due in the next \(report.upcomingDays) days, and none missed since \(report.since).\n"
    } else {
      out += "| Date | Deadline | Negotiation | Proposal | State |\n|---|---|---|---|---|\n"
      for d in report.deadlines {
        out += "| \(d.date) | \(md(d.title)) | \(md(d.negotiationTitle)) | \(md(d.proposalTitle ?? "—")) | "
        out += md(ReportText.deadlineState(d)) + " |\n"
      }
    }

    out += "\n## Unsigned deals\n\n"
    if report.unsignedDeals.isEmpty {
      out += ReportText.noUnsignedDeal + "\n"
    } else {
      out += "| " + ReportText.dealHeadings.joined(separator: " | ") + " |\n"
      out += "|" + String(repeating: "---|", count: ReportText.dealHeadings.count) + "\n"
      for d in report.unsignedDeals {
        let title = md(d.title) + (d.value.map { " (\(md($0)))" } ?? "")
        out +=
          "| \(title) | \(md(d.negotiationTitle)) | \(d.status.words) | "
          + "\(md(ReportText.latestStep(d) + " \(d.latestStep.date)")) | \(d.openSince) | \(d.daysOpen) |\n"
      }
    }
    if !report.dormant.isEmpty {
      out += "\n\(ReportText.dormantNote)\n\n"
      for d in report.dormant { out += "- " + md(ReportText.dormant(d)) + "\n" }
    }

    out += "\n## What changed since \(report.since)\n"
    if report.changes.isEmpty {
      out += "\nNothing was recorded from \(report.since) to \(report.asOf).\n"
    } else {
      for group in ReportText.changeGroups(report) {
        out += "\n**\(md(group.title))**\n\n"
        for e in group.entries {
          out += "- \(e.date) — \(md(e.what))" + cite(e.sources, group.numbers) + "\n"
        }
      }
    }

    out += "\n## Stale negotiations\n\n"
    if report.stale.isEmpty {
      out += "None: something was recorded on each in the last \(report.staleAfterDays) days.\n"
    } else {
      for s in report.stale {
        let quiet =
          s.lastActivity.map { "nothing since \($0) (\(s.daysQuiet ?? 0) days)" } ?? "nothing recorded"
        out += "- \(md(s.title)) (`\(s.negotiation)`): \(quiet)\n"
      }
    }

    for n in report.negotiations { out += section(n, asOf: report.asOf) }
    return out
  }

  static func section(_ n: Report.Negotiation, asOf: String) -> String {
    let numbers = ReportText.numbers(n)
    var out = "\n---\n\n## \(md(n.title))\n\n"
    out += "`\(n.slug)` · **\(n.status.state.words)** as of \(asOf) · \(ReportText.activity(n))\n\n"
    let people = ReportText.participants(n)
    if !people.isEmpty { out += md(people) + "\n\n" }
    if let summary = n.summary { out += md(summary) + "\n\n" }
    if !n.tags.isEmpty { out += "Tags: " + n.tags.map(md).joined(separator: ", ") + "\n\n" }
    out += "### Status\n\n" + md(ReportText.statusReason(n, asOf: asOf)) + "\n"

    if !n.matrix.rows.isEmpty {
      out += "\n### Positions\n\n| | " + n.matrix.parties.map(md).joined(separator: " | ") + " |\n"
      out += "|---|" + String(repeating: "---|", count: n.matrix.parties.count) + "\n"
      for row in n.matrix.rows {
        out += "| " + md(row.heading) + " | "
        out += n.matrix.parties.map { md(PositionMatrix.Cell.words(n.matrix.cell(row, $0))) }.joined(
          separator: " | ")
        out += " |\n"
      }
    }

    let titles = Dictionary(n.proposals.map { ($0.slug, $0.title) }, uniquingKeysWith: { a, _ in a })
    for (heading, proposals) in ReportText.proposalGroups(n) {
      out += "\n### \(heading)\n\n"
      for p in proposals {
        var lines = ["- **\(md(p.title))**: \(md(ReportText.proposalStatus(p)))" + cite(p.sources, numbers)]
        let facts = ReportText.proposalFacts(p, titles: titles)
        if !facts.isEmpty { lines.append(md(facts)) }
        if let terms = p.terms { lines.append("Terms: " + md(terms)) }
        if !p.links.isEmpty { lines.append(md(ReportText.links(p))) }
        out += lines.joined(separator: "  \n  ") + "\n"
        for s in p.steps {
          out += "  - \(s.date) — " + md(Phrase.step(s))
          if let note = s.note { out += ": " + md(note) }
          out += cite(s.sources, numbers) + "\n"
        }
      }
    }

    out += "\n### Open conditions\n\n"
    if n.openConditions.isEmpty { out += "None.\n" }
    for c in n.openConditions { out += condition(c, numbers) }
    if !n.resolvedConditions.isEmpty {
      out += "\n### Conditions resolved in the period\n\n"
      for c in n.resolvedConditions { out += condition(c, numbers) }
    }

    if !n.meetings.isEmpty {
      out += "\n### Meetings\n\n"
      for m in n.meetings {
        out +=
          "- \(m.date)" + (m.place.map { " — " + md($0) } ?? "") + ": "
          + md(m.participants.joined(separator: ", "))
        if let summary = m.summary { out += ". " + md(summary) }
        out += cite(m.sources, numbers) + "\n"
      }
    }

    if !n.developments.isEmpty {
      out += "\n### Latest developments\n\n"
      for d in n.developments {
        out += "- \(d.date) — " + md(d.text)
        if !d.actors.isEmpty { out += " (" + md(d.actors.joined(separator: ", ")) + ")" }
        out += cite(d.sources, numbers) + "\n"
      }
    }

    if !n.quotes.isEmpty {
      out += "\n### Key quotes\n"
      for q in n.quotes {
        out += "\n> “\(md(q.text))”  \n> — \(md(q.speaker)), \(q.date)"
        if let context = q.context { out += ", " + md(context) }
        out += cite(q.sources, numbers) + "\n"
      }
    }

    if !n.sources.isEmpty {
      out += "\n### Sources\n\n"
      for s in n.sources {
        out += "\(s.number). " + md(ReportText.source(s))
        if let url = s.url, let safe = Escape.safeURL(url) { out += " <\(safe.replacing(">", with: "%3E"))>" }
        out += "\n"
      }
    }
    return out
  }

  static func condition(_ c: Condition, _ numbers: [String: Int]) -> String {
    var line = "- #\(c.id) " + md(Phrase.condition(c)) + ", " + md(ReportText.conditionState(c))
    if let note = c.note { line += " (" + md(note) + ")" }
    return line + cite(c.sources, numbers) + "\n"
  }

  static func cite(_ slugs: [String], _ numbers: [String: Int]) -> String {
    let marks = ReportText.marks(slugs, numbers)
    return marks.isEmpty ? "" : " " + marks
  }

  static func md(_ text: String) -> String { Escape.markdown(text) }

  static func count(_ n: Int, _ noun: String) -> String { n == 1 ? "1 \(noun)" : "\(n) \(noun)s" }
}
