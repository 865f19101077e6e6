import AccordStore

/// Where each lane, tick and label of a timeline goes: the axis, and labels placed so that none
/// overlaps another (see ``TimelineSVG``).
extension TimelineSVG {
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
}
