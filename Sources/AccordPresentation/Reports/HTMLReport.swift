import AccordStore

/// The report as one self-contained HTML page: inline CSS, an inline SVG timeline per negotiation,
/// no scripts, nothing fetched (a Content-Security-Policy forbids it), and every piece of analyst
/// text escaped (``Escape/html(_:)``), so that a quote holding `<script>` shows as text.
public enum HTMLReport {
  public static func render(_ report: Report) -> String {
    let asOf = Day(iso: report.asOf)
    let longDate = ReportText.longDate(report.asOf)
    var out = """
      <!DOCTYPE html>
      <html lang="en">
      <head>
      <meta charset="utf-8">
      <meta name="viewport" content="width=device-width, initial-scale=1">
      <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
      <meta name="generator" content="Accord">
      <title>Negotiations brief, \(longDate)</title>
      <link rel="icon" href="data:,">
      <style>
      \(HTMLStyle.css)
      </style>
      </head>
      <body>
      <header class="masthead">
      <p class="kicker">Negotiations brief</p>
      <h1>\(longDate)</h1>
      <p class="meta">As of \(report.asOf) · changes since \(report.since) · \(count(report.negotiations.count, "negotiation")) · status follows from the dated steps</p>
      </header>
      <main>

      """
    out += summary(report)
    for n in report.negotiations {
      out += section(n, asOf: report.asOf, day: asOf)
    }
    out += """
      </main>
      <footer class="colophon">Written by Accord from its record as it stood on \(report.asOf): nothing dated \
      later, and no source published later, is in it. A proposal’s status follows from its dated steps by \
      the rule in Accord’s README (How status is derived); sources are numbered in each negotiation.</footer>
      </body>
      </html>

      """
    return out
  }

  static func summary(_ report: Report) -> String {
    var out = "<section class=\"summary\" aria-labelledby=\"summary\">\n<h2 id=\"summary\">Summary</h2>\n"
    out += "<div class=\"figures\">"
    out += figure(report.unsignedDeals.count, "unsigned deals", "unsigned deal")
    out += figure(
      report.changes.count, "facts recorded since \(report.since)", "fact recorded since \(report.since)")
    out += figure(report.stale.count, "stale negotiations", "stale negotiation")
    out += "</div>\n"

    out += "<h3>Deadlines</h3>\n"
    if report.deadlines.isEmpty {
      out +=
        "<p class=\"none\">None due in the next \(report.upcomingDays) days, and none missed since \(report.since).</p>\n"
    } else {
      out += "<table class=\"deadlines\">\n<thead><tr><th>Date</th><th>Deadline</th><th>Negotiation</th>"
      out += "<th>Proposal</th><th>State</th></tr></thead>\n<tbody>\n"
      for d in report.deadlines {
        out += "<tr class=\"deadline-\(d.state.rawValue)\"><td>\(time(d.date))</td><td>\(h(d.title))</td>"
        out += "<td><a href=\"#n-\(h(d.negotiation))\">\(h(d.negotiationTitle))</a></td>"
        out += "<td>\(h(d.proposalTitle ?? "—"))</td><td>\(h(ReportText.deadlineState(d)))</td></tr>\n"
      }
      out += "</tbody>\n</table>\n"
    }

    out += "<h3>Unsigned deals</h3>\n"
    if report.unsignedDeals.isEmpty {
      out += "<p class=\"none\">\(ReportText.noUnsignedDeal)</p>\n"
    } else {
      out +=
        "<table class=\"deals\">\n<thead><tr>"
        + ReportText.dealHeadings.map { "<th>\($0)</th>" }.joined() + "</tr></thead>\n<tbody>\n"
      for d in report.unsignedDeals {
        out += "<tr><td>\(h(d.title))" + (d.value.map { "<br><small>\(h($0))</small>" } ?? "") + "</td>"
        out += "<td><a href=\"#n-\(h(d.negotiation))\">\(h(d.negotiationTitle))</a></td>"
        out += "<td>\(badge(d.status))</td><td>\(h(ReportText.latestStep(d))) \(time(d.latestStep.date))</td>"
        out += "<td>\(time(d.openSince))</td><td class=\"number\">\(d.daysOpen)</td></tr>\n"
      }
      out += "</tbody>\n</table>\n"
    }
    if !report.dormant.isEmpty {
      out += "<p class=\"note\">\(ReportText.dormantNote)</p>\n"
      out += "<ul class=\"dormant\">"
      for d in report.dormant { out += "<li>\(h(ReportText.dormant(d)))</li>" }
      out += "</ul>\n"
    }

    out += "<h3>What changed since \(report.since)</h3>\n"
    if report.changes.isEmpty {
      out += "<p class=\"none\">Nothing was recorded from \(report.since) to \(report.asOf).</p>\n"
    } else {
      for group in ReportText.changeGroups(report) {
        out +=
          "<h4><a href=\"#n-\(h(group.negotiation))\">\(h(group.title))</a></h4>\n<ol class=\"changes\">\n"
        for e in group.entries {
          out += "<li>\(time(e.date)) <span class=\"kind\">\(e.kind.rawValue)</span>\(h(e.what))"
          out += cite(e.sources, group.numbers, group.negotiation) + "</li>\n"
        }
        out += "</ol>\n"
      }
    }

    out += "<h3>Stale negotiations</h3>\n"
    if report.stale.isEmpty {
      out +=
        "<p class=\"none\">None: something was recorded on each in the last \(report.staleAfterDays) days.</p>\n"
    } else {
      out += "<ul class=\"stale\">\n"
      for s in report.stale {
        let quiet =
          s.lastActivity.map { "nothing since \($0) (\(s.daysQuiet ?? 0) days)" } ?? "nothing recorded"
        out += "<li><a href=\"#n-\(h(s.negotiation))\">\(h(s.title))</a>: \(h(quiet))</li>\n"
      }
      out += "</ul>\n"
    }
    return out + "</section>\n"
  }

  static func section(_ n: Report.Negotiation, asOf: String, day: Day?) -> String {
    let numbers = ReportText.numbers(n)
    var out = "\n<article class=\"negotiation\" id=\"n-\(h(n.slug))\">\n<header>\n<h2>\(h(n.title))</h2>\n"
    out +=
      "<p class=\"status-line\">\(badge(n.status)) <code>\(h(n.slug))</code> · \(h(ReportText.activity(n)))</p>\n"
    let people = ReportText.participants(n)
    if !people.isEmpty { out += "<p class=\"participants\">\(h(people))</p>\n" }
    if let summary = n.summary { out += "<p>\(h(summary))</p>\n" }
    if !n.tags.isEmpty {
      out += "<p class=\"tags\">" + n.tags.map { "<span class=\"tag\">\(h($0))</span>" }.joined() + "</p>\n"
    }
    out += "</header>\n"

    if let day, !n.proposals.isEmpty || !n.meetings.isEmpty {
      // The drawing keeps its size (its text readable) and scrolls sideways where the page is
      // narrower.
      out +=
        "<figure class=\"timeline\">\n<div class=\"timeline-scroll\">\n" + TimelineSVG.render(n, asOf: day)
      out += "</div>\n<figcaption><ul class=\"legend\">"
      for category in TimelineSVG.Category.allCases {
        let meeting = category == .meeting ? " meeting" : ""
        out += "<li><span class=\"swatch cat-\(category.rawValue)\(meeting)\"></span>\(category.label)</li>"
      }
      out += "<li><span class=\"swatch hollow cat-proposed\"></span>one party’s step</li>"
      out += "<li>bar: the days an imprecise date covers; dashed ring: approximate or uncertain</li>"
      out += "</ul></figcaption>\n</figure>\n"
    }

    out += "<section><h3>Status</h3>\n<p>\(h(ReportText.statusReason(n, asOf: asOf)))</p></section>\n"
    out += matrix(n.matrix)

    let titles = Dictionary(n.proposals.map { ($0.slug, $0.title) }, uniquingKeysWith: { a, _ in a })
    for (heading, proposals) in ReportText.proposalGroups(n) {
      out += "<section><h3>\(heading)</h3>\n<ol class=\"proposals\">\n"
      for p in proposals {
        out += "<li class=\"proposal\"><div class=\"proposal-head\"><strong>\(h(p.title))</strong> "
        if let status = p.status { out += badge(status) + " " }
        out += h(ReportText.proposalStatus(p, withStatus: p.status == nil)) + cite(p.sources, numbers, n.slug)
        out += "</div>\n"
        let facts = ReportText.proposalFacts(p, titles: titles)
        if !facts.isEmpty { out += "<p class=\"facts\">\(h(facts))</p>\n" }
        if let terms = p.terms { out += "<p class=\"terms\">Terms: \(h(terms))</p>\n" }
        if !p.links.isEmpty { out += "<p class=\"links\">\(h(ReportText.links(p)))</p>\n" }
        out += "<ol class=\"steps\">\n"
        for s in p.steps {
          out += "<li>\(time(s.date)) <span class=\"step cat-\(TimelineSVG.Category(s.step).rawValue)\">"
          out += h(Phrase.step(s)) + "</span>"
          if let note = s.note { out += ": " + h(note) }
          out += cite(s.sources, numbers, n.slug) + "</li>\n"
        }
        out += "</ol></li>\n"
      }
      out += "</ol></section>\n"
    }

    out += "<section><h3>Open conditions</h3>\n"
    out +=
      n.openConditions.isEmpty
      ? "<p class=\"none\">None.</p>\n" : conditions(n.openConditions, numbers, n.slug)
    out += "</section>\n"
    if !n.resolvedConditions.isEmpty {
      out += "<section><h3>Conditions resolved in the period</h3>\n"
      out += conditions(n.resolvedConditions, numbers, n.slug) + "</section>\n"
    }

    if !n.meetings.isEmpty {
      out += "<section><h3>Meetings</h3>\n<ul class=\"meetings\">\n"
      for m in n.meetings {
        out += "<li>\(time(m.date)) " + (m.place.map { "<strong>\(h($0))</strong>: " } ?? "")
        out += h(m.participants.joined(separator: ", ")) + (m.summary.map { ". " + h($0) } ?? "")
        out += cite(m.sources, numbers, n.slug) + "</li>\n"
      }
      out += "</ul></section>\n"
    }

    if !n.developments.isEmpty {
      out += "<section><h3>Latest developments</h3>\n<ul class=\"developments\">\n"
      for d in n.developments {
        out += "<li>\(time(d.date)) \(h(d.text))"
        if !d.actors.isEmpty {
          out += " <span class=\"note\">(\(h(d.actors.joined(separator: ", "))))</span>"
        }
        out += cite(d.sources, numbers, n.slug) + "</li>\n"
      }
      out += "</ul></section>\n"
    }

    if !n.quotes.isEmpty {
      out += "<section><h3>Key quotes</h3>\n"
      for q in n.quotes {
        let language = q.language.map { " lang=\"\(h($0))\"" } ?? ""
        out += "<blockquote><p\(language)>“\(h(q.text))”</p>\n<footer>— \(h(q.speaker)), \(time(q.date))"
        if let context = q.context { out += ", " + h(context) }
        out += cite(q.sources, numbers, n.slug) + "</footer></blockquote>\n"
      }
      out += "</section>\n"
    }

    if !n.sources.isEmpty {
      out += "<section class=\"sources\"><h3>Sources</h3>\n<ol>\n"
      for s in n.sources {
        let text = h(ReportText.source(s))
        out += "<li id=\"s-\(h(n.slug))-\(s.number)\">"
        if let url = s.url, let safe = Escape.safeURL(url) {
          out += "<a href=\"\(h(safe))\">\(text)</a>"
        } else {
          out += text + (s.url.map { " <code>\(h($0))</code>" } ?? "")
        }
        out += "</li>\n"
      }
      out += "</ol></section>\n"
    }
    return out + "</article>\n"
  }

  static func conditions(_ list: [Condition], _ numbers: [String: Int], _ slug: String) -> String {
    var out = "<ul class=\"conditions\">\n"
    for c in list {
      out +=
        "<li>\(h(Phrase.condition(c))) <span class=\"state\">(#\(c.id), \(h(ReportText.conditionState(c))))</span>"
      if let note = c.note { out += " <span class=\"note\">\(h(note))</span>" }
      out += cite(c.sources, numbers, slug) + "</li>\n"
    }
    return out + "</ul>\n"
  }

  static func figure(_ value: Int, _ plural: String, _ singular: String) -> String {
    "<div class=\"figure\"><strong>\(value)</strong><span>\(h(value == 1 ? singular : plural))</span></div>"
  }

  /// The position matrix as a table, each cell coloured by what the stance does, with a legend.
  static func matrix(_ m: PositionMatrix) -> String {
    guard !m.rows.isEmpty else { return "" }
    var out =
      "<section><h3>Positions</h3>\n<div class=\"matrix-scroll\"><table class=\"matrix\">\n<thead><tr><th></th>"
    for party in m.parties { out += "<th scope=\"col\">\(h(party))</th>" }
    out += "</tr></thead>\n<tbody>\n"
    for row in m.rows {
      out += "<tr><th scope=\"row\">\(h(row.heading))</th>"
      for party in m.parties {
        let cell = m.cell(row, party)
        let kind = cell.map { stanceClass($0.stance) } ?? "none"
        let possible = cell.map { $0.certain ? "" : " possible" } ?? ""
        out += "<td class=\"stance-\(kind)\(possible)\">\(h(PositionMatrix.Cell.words(cell)))</td>"
      }
      out += "</tr>\n"
    }
    out += "</tbody>\n</table></div>\n<ul class=\"legend\">"
    for (kind, label) in [
      ("ask", "demands, offers, sets a precondition, drafted"), ("line", "draws a red line"),
      ("yes", "accepts, signed, in force"),
      ("no", "rejects, reneged, withdrawn"), ("gone", "drops, revised, closed"), ("none", "said nothing"),
    ] {
      out += "<li><span class=\"swatch stance-\(kind)\"></span>\(label)</li>"
    }
    return out + "</ul></section>\n"
  }

  /// The colour family of a matrix cell.
  static func stanceClass(_ stance: String) -> String {
    switch stance {
    case "demands", "offers", "precondition", "drafted": "ask"
    case "red_line": "line"
    case "accepts", "signed", "ratified", "in_force", "adopted", "agreed", "declared": "yes"
    case "rejects", "reneged", "withdrawn", "rejected", "suspended": "no"
    default: "gone"
    }
  }

  static func badge(_ step: ProposalStep.Kind) -> String {
    "<span class=\"badge cat-\(TimelineSVG.Category(step).rawValue)\">\(h(Phrase.step(step)))</span>"
  }

  static func badge(_ state: ProposalState) -> String {
    "<span class=\"badge cat-\(TimelineSVG.Category(state).rawValue)\">\(h(state.words))</span>"
  }

  static func badge(_ status: NegotiationStatus) -> String {
    let category: String =
      switch status.state {
      case .inForce, .signed, .agreed: "signed"
      case .suspended: "cat-suspended"
      case .ended: "cat-closed"
      case .negotiating: "cat-proposed"
      case .stalled, .notStarted: "quiet"
      }
    return "<span class=\"badge \(category)\">\(h(status.state.words))</span>"
  }

  static func time(_ date: AccordDate) -> String {
    "<time datetime=\"\(date.first)\">\(h(date.text))</time>"
  }

  static func cite(_ slugs: [String], _ numbers: [String: Int], _ negotiation: String) -> String {
    let cited = slugs.compactMap { numbers[$0] }
    guard !cited.isEmpty else { return "" }
    return " <sup class=\"cite\">["
      + cited.map { "<a href=\"#s-\(h(negotiation))-\($0)\">\($0)</a>" }.joined(separator: ", ") + "]</sup>"
  }

  static func h(_ text: String) -> String { Escape.html(text) }

  static func count(_ n: Int, _ noun: String) -> String { n == 1 ? "1 \(noun)" : "\(n) \(noun)s" }
}
