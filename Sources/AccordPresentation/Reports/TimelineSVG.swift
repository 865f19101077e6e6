import AccordStore

/// A negotiation's timeline drawn as inline SVG: one lane per proposal with its steps, coloured by
/// what each step does to the status, and one lane of meetings.
///
/// The date axis spans the events, with a small margin. The as-of day is on it when it is near;
/// when it is far beyond the last event, the axis breaks and the as-of day is marked at its right
/// edge, with the time between. Each lane's title is written whole above it, on up to three
/// lines. Every mark has a label in a row under the lane's line or over it (what happened, with
/// the party, and the date as typed), in as many rows as keep the labels and their leaders apart
/// (at most ``maxRows`` each side); marks too close to be labelled apart share one label
/// ("signed ×3 (Ukraine, United States, …)"), with a bracket joining them. A date known only to
/// the month or year is a marker on its first day with a faint bar over the days it covers; an
/// approximate or uncertain one has a dashed ring; a step that concerns one party only is hollow.
/// Every mark has a tooltip with its date as typed; a shared label's lists them all.
///
/// The drawing is 760 units wide and meant to be shown at that size or a little larger: narrower
/// (a phone), the page scrolls it sideways in its own box rather than shrink its text.
enum TimelineSVG {
  static let width = 760.0
  static let plotLeft = 16.0
  static let plotRight = 744.0
  /// The room at the right for a broken axis: the break, the time between, the as-of day.
  static let breakWidth = 100.0
  static let top = 24.0
  static let titleLineHeight = 15.0
  static let titleWidth = 300.0
  static let rowHeight = 28.0
  static let maxRows = 3
  /// The longest label line, in characters, before it is cut at a word.
  static let labelLength = 60
  /// The longest label of marks that share one, before the rest is left to its tooltip.
  static let groupLength = 44

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
    /// What happened, without who: what marks are grouped by ("signed", "meeting").
    let what: String
    /// The party of a one-party step, or a meeting's place.
    let who: String?
    /// The label of this mark alone: "rejected by Ukraine", "Munich Security Conference".
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
            date: s.date, what: Phrase.step(s.step), who: s.party,
            label: words + (s.label.map { " " + $0 } ?? ""),
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
              date: m.date, what: "meeting", who: m.place, label: m.place ?? "meeting",
              tooltip: "\(m.date) — meeting" + (m.place.map { " at \($0)" } ?? "") + ": "
                + m.participants.joined(separator: ", "),
              category: .meeting, hollow: false)
          }))
    }
    return lanes
  }

  // MARK: Drawing

  static func render(_ n: Report.Negotiation, asOf: Day) -> String {
    guard let layout = layout(n, asOf: asOf) else { return "" }
    let axis = layout.axis
    let (axisY, height) = (layout.axisY, layout.height)
    var svg = "<svg class=\"timeline\" viewBox=\"0 0 \(f(width)) \(f(height))\" role=\"img\" "
    svg += "aria-label=\"\(Escape.html(layout.title))\" xmlns=\"http://www.w3.org/2000/svg\">\n"
    svg += "<title>\(Escape.html(layout.title))</title>\n"
    // The lanes: a band, the title, the line (broken with the axis).
    for (index, lane) in layout.lanes.enumerated() {
      if index % 2 == 0 {
        svg +=
          "<rect x=\"0\" y=\"\(f(lane.top))\" width=\"\(f(width))\" height=\"\(f(lane.bottom - lane.top))\" "
        svg += "fill=\"#f6f5f1\"/>\n"
      }
      svg += "<text class=\"lane\" x=\"8\" y=\"\(f(lane.top + 16))\" font-size=\"12\" font-weight=\"600\" "
      svg += "fill=\"#2d3748\"><title>\(Escape.html(lane.lane.label))</title>"
      for (line, text) in lane.titleLines.enumerated() {
        svg +=
          "<tspan x=\"8\" y=\"\(f(lane.top + 16 + Double(line) * titleLineHeight))\">\(Escape.html(text))</tspan>"
      }
      svg += "</text>\n"
      svg += line(axis.left, axis.broken ? axis.breakX - 4 : axis.right, lane.track, "stroke=\"#cbd5e0\"")
      if axis.broken {
        svg += line(axis.breakX + 4, axis.today, lane.track, "stroke=\"#cbd5e0\" stroke-dasharray=\"2 4\"")
        svg += breakMark(axis.breakX, lane.track, "#a0aec0")
      }
    }
    // The axis, its ticks, the break, and the as-of day.
    svg += line(axis.left, axis.broken ? axis.breakX - 4 : axis.right, axisY, "stroke=\"#718096\"")
    for tick in axis.ticks {
      svg +=
        "<line x1=\"\(f(tick.x))\" x2=\"\(f(tick.x))\" y1=\"\(f(axisY))\" y2=\"\(f(axisY + 4))\" stroke=\"#718096\"/>"
      svg +=
        "<text class=\"tick\" x=\"\(f(tick.x))\" y=\"\(f(axisY + 16))\" font-size=\"11\" fill=\"#4a5568\" text-anchor=\"middle\">"
      svg += "\(tick.label)</text>\n"
    }
    if axis.broken {
      svg += line(axis.breakX + 4, axis.today, axisY, "stroke=\"#718096\"")
      svg += breakMark(axis.breakX, axisY, "#4a5568")
      if let gap = axis.gap {
        svg += "<text class=\"gap\" x=\"\(f((axis.breakX + axis.today) / 2))\" y=\"\(f(axisY + 16))\" "
        svg +=
          "font-size=\"10\" font-style=\"italic\" fill=\"#4a5568\" text-anchor=\"middle\">\(gap)</text>\n"
      }
    }
    svg += "<line class=\"today\" x1=\"\(f(axis.today))\" x2=\"\(f(axis.today))\" y1=\"\(f(top - 6))\" "
    svg += "y2=\"\(f(axisY + (axis.broken ? 5 : 0)))\" stroke=\"#1a202c\" stroke-dasharray=\"3 3\"/>\n"
    svg +=
      "<text x=\"\(f(axis.today))\" y=\"\(f(top - 10))\" font-size=\"11\" fill=\"#1a202c\" text-anchor=\"end\">"
    svg += "as of \(ReportText.longDate(layout.asOf))</text>\n"

    // The marks, then their labels on top.
    for (index, lane) in layout.lanes.enumerated() {
      let halo = index % 2 == 0 ? "#f6f5f1" : "#ffffff"
      let y = lane.track
      for (mx, mark) in lane.marks {
        svg += "<g><title>\(Escape.html(mark.tooltip))</title>"
        svg += markShape(mark, mx, y, asOf: layout.asOf, axis: axis)
        svg += "</g>\n"
      }
      for flag in lane.flags {
        let colour = flag.colour
        let rowTop = lane.top(flag)
        // A bracket under (or over) the marks it joins, and the leader from it to the text.
        let side = flag.above ? -1.0 : 1.0
        svg +=
          "<g class=\"flag\"><title>\(Escape.html(flag.marks.map(\.tooltip).joined(separator: "\n")))</title>"
        if flag.to > flag.from {
          svg += "<path d=\"M\(f(flag.from)) \(f(y + side * 8))V\(f(y + side * 10))H\(f(flag.to))"
          svg += "V\(f(y + side * 8))\" fill=\"none\" stroke=\"\(colour)\" stroke-width=\"1\"/>"
        }
        let start = y + side * (flag.to > flag.from ? 10 : 8)
        svg += "<line x1=\"\(f(flag.x))\" x2=\"\(f(flag.x))\" y1=\"\(f(start))\" "
        svg += "y2=\"\(f(flag.above ? rowTop + 1 : rowTop + 24))\" stroke=\"\(colour)\" stroke-width=\"1\" "
        svg += "opacity=\"0.6\"/>"
        let tx = flag.leftward ? flag.x - 4 : flag.x + 4
        svg += "<text x=\"\(f(tx))\" y=\"\(f(rowTop + 10))\" font-size=\"11\" fill=\"\(colour)\" "
        svg += "text-anchor=\"\(flag.leftward ? "end" : "start")\" stroke=\"\(halo)\" stroke-width=\"3\" "
        svg += "stroke-linejoin=\"round\" paint-order=\"stroke\">"
        svg += "<tspan x=\"\(f(tx))\">\(Escape.html(flag.lines[0]))</tspan>"
        svg +=
          "<tspan x=\"\(f(tx))\" dy=\"12\" font-size=\"10\" fill=\"#4a5568\">\(Escape.html(flag.lines[1]))</tspan>"
        svg += "</text></g>\n"
      }
    }
    svg += "</svg>\n"
    return svg
  }

  /// A mark: its bar if its date covers days, its dot (a diamond for a meeting), and a dashed
  /// ring if it is approximate or uncertain.
  static func markShape(_ mark: Mark, _ mx: Double, _ y: Double, asOf: Day, axis: Axis) -> String {
    var svg = ""
    let colour = mark.category.colour
    if mark.date.last > mark.date.first {
      let end = axis.x(min(mark.date.last.ordinal, asOf.ordinal) + 1)
      svg += "<rect x=\"\(f(mx))\" y=\"\(f(y - 3))\" width=\"\(f(max(1, end - mx)))\" height=\"6\" "
      svg += "rx=\"3\" fill=\"\(colour)\" opacity=\"0.22\"/>"
    }
    let fill = mark.hollow ? "#ffffff" : colour
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
    return svg
  }

  static func line(_ x1: Double, _ x2: Double, _ y: Double, _ style: String) -> String {
    "<line x1=\"\(f(x1))\" x2=\"\(f(x2))\" y1=\"\(f(y))\" y2=\"\(f(y))\" \(style)/>\n"
  }

  /// Two slanted strokes across a line: the axis is broken here.
  static func breakMark(_ x: Double, _ y: Double, _ colour: String) -> String {
    var svg = "<path class=\"break\" d=\""
    for dx in [-4.0, 4.0] { svg += "M\(f(x + dx - 3)) \(f(y + 6))L\(f(x + dx + 3)) \(f(y - 6))" }
    return svg + "\" stroke=\"\(colour)\" stroke-width=\"1.5\"/>\n"
  }

  /// Ticks at a step that gives at most eight: days, weeks, months, quarters, years; each with a
  /// short label, and a long one that says the year.
  static func ticks(from start: Int, to end: Int) -> [(ordinal: Int, year: Int, short: String, long: String)]
  {
    guard start <= end, let first = Day(ordinal: start) else { return [] }
    let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    let span = Double(end - start)
    // Days and weeks (from Mondays: 1970-01-05 is ordinal 4).
    for (size, offset) in [(1, 0), (2, 0), (7, 4), (14, 4)] where span / Double(size) < 8 {
      let firstTick = start + ((offset - start) % size + size) % size
      return stride(from: firstTick, through: end, by: size).compactMap { ordinal in
        Day(ordinal: ordinal).map {
          let short = "\($0.day) \(months[$0.month - 1])"
          return (ordinal, $0.year, short, "\(short) \($0.year)")
        }
      }
    }
    // Months, from the first of a month whose number is a multiple of the step.
    for size in [1, 2, 3, 6] where span / (30.4 * Double(size)) < 8 {
      var ticks: [(ordinal: Int, year: Int, short: String, long: String)] = []
      var (year, month) = (first.year, first.month)
      while let day = Day(year: year, month: month, day: 1), day.ordinal <= end {
        if day.ordinal >= start && (month - 1) % size == 0 {
          ticks.append((day.ordinal, year, months[month - 1], "\(months[month - 1]) \(year)"))
        }
        (year, month) = month == 12 ? (year + 1, 1) : (year, month + 1)
      }
      return ticks
    }
    // Years.
    for size in [1, 2, 5, 10, 25, 50, 100, 250, 500, 1000] where span / (365.25 * Double(size)) < 8 {
      var ticks: [(ordinal: Int, year: Int, short: String, long: String)] = []
      var year = first.year
      while let day = Day(year: year, month: 1, day: 1), day.ordinal <= end {
        if day.ordinal >= start && year % size == 0 {
          ticks.append((day.ordinal, year, String(year), String(year)))
        }
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
}
