import AccordStore

/// A negotiation's timeline drawn as inline SVG: one lane per proposal with its steps, coloured by
/// what each step does to the status, and one lane of meetings, on a date axis that ends on the
/// as-of day. A date known only to the month or year is a marker on its first day with a faint bar
/// over the days it covers; an approximate or uncertain one has a dashed ring; a step that
/// concerns one party only is hollow. Every mark has a tooltip with its date as typed.
enum TimelineSVG {
  static let width = 760.0
  static let plotLeft = 200.0
  static let plotRight = 740.0
  static let top = 26.0
  static let laneHeight = 44.0
  static let axisHeight = 26.0

  enum Category: String, CaseIterable {
    case proposed, progressing, signed, suspended, closed, meeting

    var colour: String {
      switch self {
      case .proposed: "#2b6cb0"
      case .progressing: "#6b46c1"
      case .signed: "#2f855a"
      case .suspended: "#b7791f"
      case .closed: "#c53030"
      case .meeting: "#4a5568"
      }
    }

    /// What the legend says.
    var label: String {
      switch self {
      case .proposed: "floated, tabled, countered"
      case .progressing: "agreed in principle, initialled, extended, milestone, resumed, rejoined"
      case .signed: "adopted, signed, ratified, in force, declared"
      case .suspended: "suspended, withdrawal notified"
      case .closed: "rejected, withdrawn, superseded, lapsed, terminated, expired"
      case .meeting: "meeting"
      }
    }

    init(_ step: ProposalStep.Kind) {
      switch step {
      case .floated, .tabled, .countered: self = .proposed
      case .agreedInPrinciple, .initialled, .extended, .milestone, .resumed, .rejoined, .unclear:
        self = .progressing
      case .adopted, .signed, .ratified, .inForce, .declared: self = .signed
      case .suspended, .withdrawalNotified: self = .suspended
      case .rejected, .withdrawn, .superseded, .lapsed, .terminated, .expired: self = .closed
      }
    }

    /// The category of a state: where a proposal or a negotiation stands.
    init(_ state: ProposalState) {
      switch state {
      case .drafted: self = .proposed
      case .agreed, .unclear: self = .progressing
      case .adopted, .signed, .ratified, .inForce, .declared: self = .signed
      case .suspended: self = .suspended
      case .countered, .rejected, .withdrawn, .superseded, .lapsed, .terminated, .expired: self = .closed
      }
    }
  }

  struct Mark {
    let date: AccordDate
    let label: String
    let tooltip: String
    let category: Category
    let hollow: Bool
  }

  struct Lane {
    let label: String
    let marks: [Mark]
  }

  static func lanes(_ n: Report.Negotiation) -> [Lane] {
    var lanes = n.proposals.map { p in
      Lane(
        label: p.title,
        marks: p.steps.map { s in
          let words = Phrase.step(s.step, party: s.party)
          return Mark(
            date: s.date, label: s.party.map { "\(Phrase.step(s.step)) (\($0))" } ?? words,
            tooltip: "\(s.date) — \(p.title): \(words)" + (s.note.map { ": \($0)" } ?? ""),
            category: Category(s.step), hollow: s.party != nil)
        })
    }
    if !n.meetings.isEmpty {
      lanes.append(
        Lane(
          label: "Meetings",
          marks: n.meetings.map { m in
            Mark(
              date: m.date, label: m.place.map { shorten($0, 30) } ?? "meeting",
              tooltip: "\(m.date) — meeting" + (m.place.map { " at \($0)" } ?? "") + ": "
                + m.participants.joined(separator: ", "),
              category: .meeting, hollow: false)
          }))
    }
    return lanes
  }

  static func render(_ n: Report.Negotiation, asOf: Day) -> String {
    let lanes = lanes(n)
    guard !lanes.isEmpty else { return "" }
    let days = lanes.flatMap(\.marks).map(\.date.first.ordinal)
    var first = min(days.min() ?? asOf.ordinal, asOf.ordinal)
    let last = asOf.ordinal + 1
    if last - first < 14 { first = last - 14 }
    let pad = Double(last - first) * 0.04
    let domain = (Double(first) - pad, Double(last) + pad)
    func x(_ ordinal: Int) -> Double {
      plotLeft + (Double(ordinal) - domain.0) / (domain.1 - domain.0) * (plotRight - plotLeft)
    }
    let height = top + Double(lanes.count) * laneHeight + axisHeight
    let bottom = top + Double(lanes.count) * laneHeight
    let title = "Timeline of \(n.title) to \(asOf)"

    var svg = "<svg class=\"timeline\" viewBox=\"0 0 \(f(width)) \(f(height))\" role=\"img\" "
    svg += "aria-label=\"\(Escape.html(title))\" xmlns=\"http://www.w3.org/2000/svg\">\n"
    svg += "<title>\(Escape.html(title))</title>\n"
    for (index, lane) in lanes.enumerated() {
      let y = top + Double(index) * laneHeight
      if index % 2 == 0 {
        svg +=
          "<rect x=\"0\" y=\"\(f(y))\" width=\"\(f(width))\" height=\"\(f(laneHeight))\" fill=\"#f6f5f1\"/>\n"
      }
      svg +=
        "<text class=\"lane\" x=\"8\" y=\"\(f(y + laneHeight / 2 + 4))\" font-size=\"12\" fill=\"#2d3748\">"
      svg += "<title>\(Escape.html(lane.label))</title>\(Escape.html(shorten(lane.label, 28)))</text>\n"
      svg += "<line x1=\"\(f(plotLeft))\" x2=\"\(f(plotRight))\" y1=\"\(f(y + laneHeight / 2))\" "
      svg += "y2=\"\(f(y + laneHeight / 2))\" stroke=\"#cbd5e0\"/>\n"
    }
    // The axis, its ticks, and the as-of day.
    svg +=
      "<line x1=\"\(f(plotLeft))\" x2=\"\(f(plotRight))\" y1=\"\(f(bottom))\" y2=\"\(f(bottom))\" stroke=\"#718096\"/>\n"
    for (ordinal, label) in ticks(from: Int(domain.0.rounded(.up)), to: Int(domain.1.rounded(.down))) {
      let tx = x(ordinal)
      svg +=
        "<line x1=\"\(f(tx))\" x2=\"\(f(tx))\" y1=\"\(f(bottom))\" y2=\"\(f(bottom + 4))\" stroke=\"#718096\"/>"
      svg +=
        "<text x=\"\(f(tx))\" y=\"\(f(bottom + 16))\" font-size=\"11\" fill=\"#4a5568\" text-anchor=\"middle\">"
      svg += "\(label)</text>\n"
    }
    let asOfX = x(asOf.ordinal + 1)  // the end of the as-of day, which counts
    svg += "<line x1=\"\(f(asOfX))\" x2=\"\(f(asOfX))\" y1=\"\(f(top - 6))\" y2=\"\(f(bottom))\" "
    svg += "stroke=\"#1a202c\" stroke-dasharray=\"3 3\"/>\n"
    svg +=
      "<text x=\"\(f(asOfX))\" y=\"\(f(top - 10))\" font-size=\"11\" fill=\"#1a202c\" text-anchor=\"end\">"
    svg += "as of \(ReportText.longDate(asOf))</text>\n"

    for (index, lane) in lanes.enumerated() {
      let y = top + Double(index) * laneHeight + laneHeight / 2
      var aboveEnd = -Double.infinity
      var belowEnd = -Double.infinity
      for mark in lane.marks {
        let mx = x(mark.date.first.ordinal)
        let colour = mark.category.colour
        svg += "<g><title>\(Escape.html(mark.tooltip))</title>"
        if mark.date.last > mark.date.first {
          let end = x(min(mark.date.last.ordinal, asOf.ordinal) + 1)
          svg += "<rect x=\"\(f(mx))\" y=\"\(f(y - 3))\" width=\"\(f(max(1, end - mx)))\" height=\"6\" "
          svg += "rx=\"3\" fill=\"\(colour)\" opacity=\"0.22\"/>"
        }
        let fill = mark.hollow ? "#ffffff" : colour
        // An approximate or uncertain date gets a dashed ring around its mark.
        let ring = mark.date.qualifier != nil
        if mark.category == .meeting {
          svg += diamond(mx, y, 5, "fill=\"\(fill)\" stroke=\"\(colour)\" stroke-width=\"2\"")
          if ring {
            svg += diamond(
              mx, y, 9, "fill=\"none\" stroke=\"\(colour)\" stroke-width=\"1.2\" stroke-dasharray=\"2 2\"")
          }
        } else {
          svg += "<circle cx=\"\(f(mx))\" cy=\"\(f(y))\" r=\"5.5\" fill=\"\(fill)\" stroke=\"\(colour)\" "
          svg += "stroke-width=\"2\"/>"
          if ring {
            svg += "<circle cx=\"\(f(mx))\" cy=\"\(f(y))\" r=\"9.5\" fill=\"none\" stroke=\"\(colour)\" "
            svg += "stroke-width=\"1.2\" stroke-dasharray=\"2 2\"/>"
          }
        }
        // A label above the mark, else below, else none (the tooltip still has it).
        let text = mark.label
        let half = Double(text.count) * 3.2 + 2
        let centre = min(max(mx, plotLeft + half), width - half)
        var labelY: Double?
        if centre - half > aboveEnd {
          labelY = y - 11
          aboveEnd = centre + half
        } else if centre - half > belowEnd {
          labelY = y + 20
          belowEnd = centre + half
        }
        if let labelY {
          svg += "<text x=\"\(f(centre))\" y=\"\(f(labelY))\" font-size=\"11\" fill=\"\(colour)\" "
          svg += "text-anchor=\"middle\">\(Escape.html(text))</text>"
        }
        svg += "</g>\n"
      }
    }
    svg += "</svg>\n"
    return svg
  }

  /// Ticks at a step that gives at most eight: days, weeks, months, quarters, years.
  static func ticks(from start: Int, to end: Int) -> [(Int, String)] {
    guard start <= end, let first = Day(ordinal: start) else { return [] }
    let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    let span = Double(end - start)
    // Days and weeks (from Mondays: 1970-01-05 is ordinal 4).
    for (size, offset) in [(1, 0), (2, 0), (7, 4), (14, 4)] where span / Double(size) < 8 {
      let firstTick = start + ((offset - start) % size + size) % size
      return stride(from: firstTick, through: end, by: size).compactMap { ordinal in
        Day(ordinal: ordinal).map { (ordinal, "\($0.day) \(months[$0.month - 1])") }
      }
    }
    // Months, from the first of a month whose number is a multiple of the step.
    for size in [1, 2, 3, 6] where span / (30.4 * Double(size)) < 8 {
      var ticks: [(Int, String)] = []
      var (year, month) = (first.year, first.month)
      while let day = Day(year: year, month: month, day: 1), day.ordinal <= end {
        if day.ordinal >= start && (month - 1) % size == 0 {
          let label = month == 1 || size >= 3 ? "\(months[month - 1]) \(year)" : months[month - 1]
          ticks.append((day.ordinal, label))
        }
        (year, month) = month == 12 ? (year + 1, 1) : (year, month + 1)
      }
      return ticks
    }
    // Years.
    for size in [1, 2, 5, 10, 25, 50, 100, 250, 500, 1000] where span / (365.25 * Double(size)) < 8 {
      var ticks: [(Int, String)] = []
      var year = first.year
      while let day = Day(year: year, month: 1, day: 1), day.ordinal <= end {
        if day.ordinal >= start && year % size == 0 { ticks.append((day.ordinal, String(year))) }
        year += 1
      }
      return ticks
    }
    return []
  }

  /// A square turned on its corner, centred on (x, y), `r` from centre to corner.
  static func diamond(_ x: Double, _ y: Double, _ r: Double, _ style: String) -> String {
    "<path d=\"M\(f(x)) \(f(y - r))L\(f(x + r)) \(f(y))L\(f(x)) \(f(y + r))L\(f(x - r)) \(f(y))Z\" \(style)/>"
  }

  static func shorten(_ text: String, _ length: Int) -> String {
    text.count <= length ? text : String(text.prefix(length - 1)) + "…"
  }

  /// A coordinate with at most one decimal.
  static func f(_ value: Double) -> String {
    let rounded = (value * 10).rounded() / 10
    let whole = rounded.rounded(.towardZero)
    return rounded == whole ? String(Int(whole)) : String(rounded)
  }
}
