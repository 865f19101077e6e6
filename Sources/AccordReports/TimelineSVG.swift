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

  // MARK: Layout

  struct Tick {
    let x: Double
    let label: String
  }

  /// The date axis: where each day is, its ticks, and the as-of day.
  struct Axis {
    /// The part of the width the events are drawn on, and the days (ordinals, fractional) at
    /// its two ends.
    let left: Double
    let right: Double
    let first: Double
    let last: Double
    let ticks: [Tick]
    /// Where the as-of day ends: on the axis, or at the right edge past a break.
    let today: Double
    /// The axis is broken between the events and the as-of day.
    let broken: Bool
    /// The time from the last event to the as-of day, when the axis is broken: "21 months later".
    let gap: String?

    func x(_ ordinal: Double) -> Double {
      left + (ordinal - first) / (last - first) * (right - left)
    }
    func x(_ ordinal: Int) -> Double { x(Double(ordinal)) }
    /// Where the break is drawn.
    var breakX: Double { right + 12 }
  }

  /// A label in a row under a lane's line or over it, for one mark or a group of marks close
  /// together: a leader line from the first mark, the text beside it (to its right, or to its
  /// left near the right edge).
  struct Flag {
    let marks: [Mark]
    /// The leader's x: the first mark's.
    let x: Double
    /// The marks' x, first to last (a bracket joins them when they differ).
    let from: Double
    let to: Double
    /// What happened, then the date or dates.
    let lines: [String]
    let textWidth: Double
    let leftward: Bool
    /// Over the line (else under it), and how many rows away from it (0 the nearest).
    var above: Bool
    var row: Int

    var left: Double { leftward ? x - 4 - textWidth : x - 1 }
    var right: Double { leftward ? x + 1 : x + 4 + textWidth }
    var colour: String {
      let categories = Set(marks.map(\.category))
      return categories.count == 1 ? categories.first!.colour : "#2d3748"
    }
  }

  struct PlacedLane {
    let lane: Lane
    let titleLines: [String]
    let top: Double
    /// The y of the lane's line, where its marks are.
    let track: Double
    let bottom: Double
    let marks: [(x: Double, mark: Mark)]
    let flags: [Flag]

    /// The top of a label's two lines.
    func top(_ flag: Flag) -> Double {
      flag.above
        ? track - 11 - Double(flag.row) * TimelineSVG.rowHeight - 25
        : track + 11 + Double(flag.row) * TimelineSVG.rowHeight
    }
  }

  struct Layout {
    let title: String
    let asOf: Day
    let height: Double
    let axis: Axis
    /// The y of the axis line, under the last lane.
    let axisY: Double
    let lanes: [PlacedLane]
  }

  static func layout(_ n: Report.Negotiation, asOf: Day) -> Layout? {
    let lanes = lanes(n)
    guard !lanes.isEmpty else { return nil }
    let axis = axis(lanes.flatMap(\.marks), asOf: asOf)
    var y = top
    var placed: [PlacedLane] = []
    for lane in lanes {
      let titleLines = wrap(lane.label, width: titleWidth, size: 12, bold: true)
      let titleBottom = y + 16 + Double(titleLines.count - 1) * titleLineHeight + 4
      let marks = lane.marks.map { (x: axis.x($0.date.first.ordinal), mark: $0) }
      let flags = flags(marks)
      let (over, under) = rows(flags)
      let track = titleBottom + (over > 0 ? 2 + Double(over) * rowHeight + 14 : 16)
      let bottom = track + (under > 0 ? 11 + Double(under) * rowHeight + 2 : 14)
      placed.append(
        PlacedLane(
          lane: lane, titleLines: titleLines, top: y, track: track, bottom: bottom, marks: marks, flags: flags
        ))
      y = bottom
    }
    return Layout(
      title: "Timeline of \(n.title) to \(asOf)", asOf: asOf, height: y + 26, axis: axis, axisY: y,
      lanes: placed)
  }

  /// The axis from the first event to the last (the as-of day included if it is near), a margin
  /// on each side, at least two weeks.
  static func axis(_ marks: [Mark], asOf: Day) -> Axis {
    let end = asOf.ordinal + 1  // the end of the as-of day, which counts
    var lo = marks.map(\.date.first.ordinal).min() ?? asOf.ordinal
    var hi = (marks.map { min($0.date.last.ordinal, asOf.ordinal) }.max() ?? asOf.ordinal) + 1
    let lastEvent = hi - 1
    if hi - lo < 14 {
      let extra = 14 - (hi - lo)
      lo -= extra / 2
      hi += extra - extra / 2
      if hi > end { (lo, hi) = (lo - (hi - end), end) }
    }
    // The as-of day is on the axis unless it would squeeze the events into two thirds of it.
    let broken = Double(end - hi) > Double(hi - lo) / 2
    if !broken { hi = max(hi, end) }
    let pad = Double(hi - lo) * 0.04
    let (first, last) = (Double(lo) - pad, Double(hi) + pad)
    let right = broken ? plotRight - breakWidth : plotRight
    let scale = (right - plotLeft) / (last - first)
    func x(_ ordinal: Int) -> Double { plotLeft + (Double(ordinal) - first) * scale }
    // Ticks whose labels fit on the axis, the first of each year with the year.
    var kept: [Tick] = []
    var year: Int?
    for tick in ticks(from: Int(first.rounded(.up)), to: Int(last.rounded(.down))) {
      let tx = x(tick.ordinal)
      let label = tick.year == year ? tick.short : tick.long
      let half = textWidth(label, size: 11) / 2
      guard tx - half >= 2, tx + half <= right + 6 else { continue }
      if let previous = kept.last, previous.x + textWidth(previous.label, size: 11) / 2 + 8 > tx - half {
        continue
      }
      kept.append(Tick(x: tx, label: label))
      year = tick.year
    }
    return Axis(
      left: plotLeft, right: right, first: first, last: last, ticks: kept,
      today: broken ? plotRight : x(end), broken: broken,
      gap: broken ? later(from: Day(ordinal: lastEvent), to: asOf) : nil)
  }

  /// "12 days later", "21 months later", "9 years later".
  static func later(from start: Day?, to end: Day) -> String {
    guard let start else { return "later" }
    let days = end.ordinal - start.ordinal
    if days < 60 { return "\(days) days later" }
    let months = (end.year - start.year) * 12 + end.month - start.month - (end.day < start.day ? 1 : 0)
    if months < 24 { return "\(months) months later" }
    return "\(months / 12) years later"
  }

  /// The labels of a lane's marks, in rows under its line and over it: none touches another, and
  /// no leader crosses a label. Marks that overlap on the lane share a label; when a mark finds no
  /// place within ``maxRows`` rows on either side, the two closest neighbours near it share one,
  /// and all are placed again.
  static func flags(_ marks: [(x: Double, mark: Mark)]) -> [Flag] {
    let marks = marks.enumerated().sorted { ($0.element.x, $0.offset) < ($1.element.x, $1.offset) }.map(
      \.element)
    var groups: [[(x: Double, mark: Mark)]] = []
    for mark in marks {
      if let last = groups.last?.last, mark.x - last.x < 12 {
        groups[groups.count - 1].append(mark)
      } else {
        groups.append([mark])
      }
    }
    while true {
      var best: [Flag]?
      var failed: Int?
      let labels = groups.map { group in
        let lines = flagLines(group.map(\.mark))
        return (lines: lines, width: max(textWidth(lines[0], size: 11), textWidth(lines[1], size: 10)))
      }
      for strategy in Placement.allCases {
        switch place(groups, labels, strategy) {
        case .success(let flags):
          if best == nil || rows(flags).over + rows(flags).under < rows(best!).over + rows(best!).under {
            best = flags
          }
        case .failure(let index): failed = failed ?? index.index
        }
        if let best, rows(best).over + rows(best).under <= 1 { break }  // none does better
      }
      if let best { return best }
      guard let failed, groups.count > 1 else { return [] }
      // Join the two closest neighbours near the mark that found no place.
      let near = groups.indices.dropLast().filter { abs(groups[$0][0].x - groups[failed][0].x) < 250 }
      let a =
        near.min { groups[$0 + 1][0].x - groups[$0].last!.x < groups[$1 + 1][0].x - groups[$1].last!.x }
        ?? min(failed, groups.count - 2)
      groups[a] += groups[a + 1]
      groups.remove(at: a + 1)
    }
  }

  /// How many rows of labels are over a lane's line and under it.
  static func rows(_ flags: [Flag]) -> (over: Int, under: Int) {
    (
      flags.filter(\.above).map { $0.row + 1 }.max() ?? 0,
      flags.filter { !$0.above }.map { $0.row + 1 }.max() ?? 0
    )
  }

  /// Ways to try placing labels, from the right, each in the first of the rows (under the line,
  /// over it, the next under it, …) where it fits. A run of close marks whose labels go right of
  /// them steps away from the line to the left, each leader passing left of the labels nearer the
  /// line; labels that must go left of their mark (near the right edge) do best in the farthest
  /// row.
  enum Placement: CaseIterable {
    /// To the right of its mark if it can, else to its left if that covers none of the marks
    /// still to place (whose leaders it would bar).
    case clearing
    /// To the right of its mark if it can, else to its left, row by row.
    case rowFirst
    /// To the right of its mark in any row if it can, else to its left.
    case rightFirst
    /// Like those, but a label that cannot go right of its mark tries the farthest row first.
    case rowFirstLow, rightFirstLow
  }

  struct Unplaced: Error { let index: Int }

  static func place(
    _ groups: [[(x: Double, mark: Mark)]], _ labels: [(lines: [String], width: Double)], _ strategy: Placement
  ) -> Result<[Flag], Unplaced> {
    var flags: [Flag] = []
    for (index, group) in groups.enumerated().reversed() {
      let (lines, w) = labels[index]
      let x = group[0].x
      func flag(_ level: (above: Bool, row: Int), _ leftward: Bool) -> Flag {
        Flag(
          marks: group.map(\.mark), x: x, from: x, to: group[group.count - 1].x, lines: lines, textWidth: w,
          leftward: leftward, above: level.above, row: level.row)
      }
      let rows = (0..<maxRows).flatMap { [(above: false, row: $0), (above: true, row: $0)] }
      let rightFits = flag(rows[0], false).right <= width - 2
      var tries: [((above: Bool, row: Int), Bool)]
      switch strategy {
      case .clearing:
        let pending = groups[..<index].map { $0[0].x }
        let clear = flag(rows[0], true)
        let covers = pending.contains { clear.left - 3 <= $0 }
        tries = rows.flatMap { covers ? [($0, false)] : [($0, false), ($0, true)] }
        if covers { tries += rows.map { ($0, true) } }
      case .rowFirst, .rowFirstLow: tries = rows.flatMap { [($0, false), ($0, true)] }
      case .rightFirst, .rightFirstLow: tries = rows.map { ($0, false) } + rows.map { ($0, true) }
      }
      if !rightFits && (strategy == .rowFirstLow || strategy == .rightFirstLow) {
        tries = rows.reversed().map { ($0, true) }
      }
      let found = tries.lazy.map { flag($0.0, $0.1) }.first {
        $0.left >= 2 && $0.right <= width - 2 && fits($0, among: flags)
      }
      if let found {
        flags.append(found)
      } else if groups.count == 1 {
        // One label too wide for either side: it still goes under its mark.
        flags.append(flag(rows[0], x > width / 2))
      } else {
        return .failure(Unplaced(index: index))
      }
    }
    // Rows left empty are closed up: which label is nearer the line stays the same.
    for above in [false, true] {
      let used = Set(flags.filter { $0.above == above }.map(\.row)).sorted()
      for index in flags.indices where flags[index].above == above {
        flags[index].row = used.firstIndex(of: flags[index].row)!
      }
    }
    return .success(flags.reversed())
  }

  /// A label touches no other in its row, its leader crosses no label nearer the line, and no
  /// leader from farther crosses it. Labels over the line and under it are apart.
  static func fits(_ flag: Flag, among flags: [Flag]) -> Bool {
    flags.allSatisfy { other in
      if other.above != flag.above { return true }
      if other.row == flag.row {
        return flag.right + 8 <= other.left || other.right + 8 <= flag.left
      }
      let (upper, lower) = other.row < flag.row ? (other, flag) : (flag, other)
      return lower.x < upper.left - 3 || lower.x > upper.right + 3
    }
  }

  /// What a label says: what happened ("rejected by Ukraine"; "signed ×3 (Ukraine, United
  /// States, …)"; "tabled, countered ×2"), then the date or the first and last dates.
  static func flagLines(_ marks: [Mark]) -> [String] {
    var text: String
    if marks.count == 1 {
      text = marks[0].label
    } else {
      var whats: [(String, Int)] = []
      for mark in marks {
        if let index = whats.firstIndex(where: { $0.0 == mark.what }) {
          whats[index].1 += 1
        } else {
          whats.append((mark.what, 1))
        }
      }
      let counted = whats.map { $1 > 1 ? "\($0) ×\($1)" : $0 }
      if whats.count == 1 {
        var who: [String] = []
        for mark in marks { if let name = mark.who, !who.contains(name) { who.append(name) } }
        text = counted[0]
        if !who.isEmpty {
          let separator = who.contains { $0.contains(",") } ? "; " : ", "
          var listed = who[0]
          for (index, name) in who.enumerated().dropFirst() {
            let more = index == who.count - 1 ? ")" : ", …)"
            if (text + " (" + listed + separator + name + more).count > groupLength {
              listed += separator + "…"
              break
            }
            listed += separator + name
          }
          text += " (\(listed))"
        }
      } else {
        // Kept short, so that close labels find room; the tooltip lists every step.
        text = counted.joined(separator: ", ")
        if text.count > groupLength {
          let steps = "\(marks.count) steps"
          text =
            [
              "\(steps): \(whats[0].0), …, \(whats[whats.count - 1].0)", "\(steps): \(whats[0].0), …",
            ].first { $0.count <= groupLength } ?? steps
        }
        // Steps of one party say which ("rejoined, in force (United States)").
        if let who = marks[0].who, marks.allSatisfy({ $0.who == who }),
          text.count + who.count + 3 <= groupLength
        {
          text += " (\(who))"
        }
      }
    }
    let dates = marks.map(\.date).sorted { ($0.first, $0.last) < ($1.first, $1.last) }
    let (first, last) = (dates[0], dates.max { $0.first < $1.first }!)
    let when = first.text == last.text ? first.text : "\(first.text) – \(last.text)"
    return [cut(text, labelLength), when]
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

  // MARK: Text

  /// Words on lines no wider than `width`, at most `lines` of them; what does not fit ends the
  /// last line with "…" after a whole word.
  static func wrap(_ text: String, width: Double, size: Double, bold: Bool = false, lines: Int = 3)
    -> [String]
  {
    let words = text.split(separator: " ").map(String.init)
    var out: [String] = []
    for word in words {
      if let last = out.last, textWidth(last + " " + word, size: size, bold: bold) <= width {
        out[out.count - 1] = last + " " + word
      } else {
        out.append(word)
      }
    }
    guard out.count > lines else { return out.isEmpty ? [text] : out }
    var last = out[lines - 1].split(separator: " ").map(String.init)
    out.removeLast(out.count - lines)
    while last.count > 1 && textWidth(last.joined(separator: " ") + " …", size: size, bold: bold) > width {
      last.removeLast()
    }
    out[lines - 1] = last.joined(separator: " ") + " …"
    return out
  }

  /// `text` cut after a whole word, with "…", if it is longer than `length` characters.
  static func cut(_ text: String, _ length: Int) -> String {
    guard text.count > length else { return text }
    let head = text.prefix(length - 1)
    guard let space = head.lastIndex(of: " "), head.distance(from: head.startIndex, to: space) > length / 2
    else { return String(head) + "…" }
    return String(head[..<space]).trimmingSuffix(",;:") + "…"
  }

  /// How wide `text` is at `size` px, by the widths of DejaVu Sans (used where no other sans
  /// serif is installed, and wider than Helvetica, Arial, Segoe UI or Roboto): an estimate on the
  /// generous side, so that labels laid out apart stay apart.
  static func textWidth(_ text: String, size: Double, bold: Bool = false) -> Double {
    var em = 0.0
    if text.utf8.allSatisfy({ $0 < 0x80 }) {
      // ASCII, byte by byte from a table: most labels, and the hot path of a long report.
      for byte in text.utf8 { em += asciiWidths[Int(byte)] }
    } else {
      for character in text { em += characterWidth(character) }
    }
    return em * size * (bold ? 1.12 : 1)
  }

  /// ``characterWidth(_:)`` of each ASCII character, by its code.
  static let asciiWidths: [Double] = (0..<128).map { characterWidth(Character(Unicode.Scalar(UInt8($0)))) }

  static func characterWidth(_ c: Character) -> Double {
    switch c {
    case "i", "j", "l", "I", "J", "'", "|", "!", ".", ",", ":", ";", " ", "’", "‘": 0.32
    case "f", "t", "r", "(", ")", "[", "]", "-", "/", "\"": 0.42
    case "m": 0.98
    case "w", "M": 0.87
    case "W": 1.0
    case "…", "×", "~", "–", "—", "%", "&", "@": 0.9
    case "a"..."z", "0"..."9": 0.64
    case "A"..."Z": 0.76
    default:
      if let scalar = c.unicodeScalars.first, scalar.value >= 0x2E80 { 1.0 } else { 0.75 }
    }
  }

  /// A coordinate with at most one decimal.
  static func f(_ value: Double) -> String {
    let rounded = (value * 10).rounded() / 10
    let whole = rounded.rounded(.towardZero)
    return rounded == whole ? String(Int(whole)) : String(rounded)
  }
}

extension String {
  fileprivate func trimmingSuffix(_ characters: String) -> String {
    var text = self
    while let last = text.last, characters.contains(last) { text.removeLast() }
    return text
  }
}
