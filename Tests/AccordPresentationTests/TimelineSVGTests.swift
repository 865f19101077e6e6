import AccordSamples
import AccordStore
import AccordTestEngine
import Foundation
import Testing

@testable import AccordPresentation

/// The HTML report's timeline as a reader looks at it: an axis that spans the story (a two-week
/// one and a ten-year one), the as-of day marked past a break when it is far, lane titles whole,
/// and a label for every step, none over another.
@Suite struct TimelineSVGTests {
  static let today = "2026-12-02"

  // MARK: The worked example, a story of two weeks in February 2025

  /// The worked example's timeline as of 2 December 2026, 21 months after its last step.
  func lateExample() throws -> (svg: String, layout: TimelineSVG.Layout) {
    let store = try TestEngine.store(today: try day(Self.today))
    try WorkedExample.load(into: store)
    let report = try store.report(options: ReportOptions(asOf: try day(Self.today)))
    let n = try #require(report.negotiations.first)
    return (
      TimelineSVG.render(n, asOf: try day(Self.today)),
      try #require(TimelineSVG.layout(n, asOf: try day(Self.today)))
    )
  }

  @Test func theAxisSpansTheEventsNotTheYearsSince() throws {
    let (svg, layout) = try lateExample()
    let ticks = ticks(svg)
    // Weekly ticks in February 2025, the first with its year; nothing of 2026 on the axis.
    #expect(ticks.map(\.label) == ["3 Feb 2025", "10 Feb", "17 Feb", "24 Feb"])
    // Where the axis line starts and ends, in days, by the ticks' positions: a few days before the
    // first event (tabled, February 2025: the 1st) and after the last (that month's end).
    let perDay = (ticks[3].x - ticks[0].x) / 21
    let axis = try #require(svg.firstMatch(of: #/<line x1="([\d.]+)" x2="([\d.]+)" [^>]*stroke="#718096"/>/#))
    let third = try day("2025-02-03").ordinal
    let start = third + Int(((Double(axis.1)! - ticks[0].x) / perDay).rounded())
    let end = third + Int(((Double(axis.2)! - ticks[0].x) / perDay).rounded())
    let (early, first) = (try day("2025-01-30").ordinal, try day("2025-02-01").ordinal)
    let (monthEnd, late) = (try day("2025-03-01").ordinal, try day("2025-03-06").ordinal)
    #expect((early...first).contains(start))
    #expect((monthEnd...late).contains(end))
    // The two weeks from the first step to the last take half the width, not its first 30 pixels.
    let xs = layout.lanes.flatMap(\.marks).map(\.x)
    #expect(xs.max()! - xs.min()! > TimelineSVG.width / 2 - 100)
  }

  @Test func aFarAsOfDayIsMarkedAtTheRightEdgePastABreak() throws {
    let (svg, layout) = try lateExample()
    #expect(layout.axis.broken)
    #expect(svg.contains("<path class=\"break\""))
    #expect(svg.contains("as of 2 December 2026</text>"))
    #expect(svg.contains(">21 months later</text>"))
    let today = try #require(svg.firstMatch(of: #/<line class="today" x1="([\d.]+)"/#))
    #expect(Double(today.1) == TimelineSVG.plotRight)
    // Every event is left of the break.
    #expect(layout.lanes.flatMap(\.marks).allSatisfy { $0.x < layout.axis.breakX })

    // As of 20 February 2025, five days after the last step, the axis runs to the day unbroken.
    let february = try #require(try workedExampleReport().negotiations.first)
    let near = try #require(TimelineSVG.layout(february, asOf: WorkedExample.asOf))
    let nearSVG = TimelineSVG.render(february, asOf: WorkedExample.asOf)
    #expect(!near.axis.broken)
    #expect(!nearSVG.contains("class=\"break\""))
    #expect(nearSVG.contains("as of 20 February 2025</text>"))
    #expect(near.axis.today < TimelineSVG.plotRight && near.axis.today > near.lanes[0].marks[1].x)
  }

  @Test func laneTitlesAreWholeAcrossTheirLines() throws {
    let (svg, _) = try lateExample()
    let lanes = svg.matches(of: #/<text class="lane"[^>]*><title>([^<]*)</title>(.*?)</text>/#)
    #expect(lanes.count == 2)
    for lane in lanes {
      let lines = String(lane.2).matches(of: #/<tspan[^>]*>([^<]*)</tspan>/#).map { String($0.1) }
      #expect(lines.joined(separator: " ") == String(lane.1))
      #expect(!lines.joined().contains("…"))
    }
    #expect(lanes[0].1 == "US proposal for access to Ukraine&#39;s natural resources")
    let lines = String(lanes[0].2).matches(of: #/<tspan[^>]*>([^<]*)</tspan>/#).map { String($0.1) }
    #expect(lines.count == 2)

    // A title too long for three lines ends the third after a whole word; the tooltip has it all.
    let long = Array(repeating: "negotiated settlement of outstanding claims", count: 6).joined(
      separator: " ")
    let wrapped = TimelineSVG.wrap(long, width: TimelineSVG.titleWidth, size: 12, bold: true)
    #expect(wrapped.count == 3)
    #expect(wrapped[2].hasSuffix(" …"))
    let kept = wrapped.joined(separator: " ").dropLast(2)
    #expect(long.hasPrefix(kept + " "))
    for line in wrapped {
      #expect(TimelineSVG.textWidth(line, size: 12, bold: true) <= TimelineSVG.titleWidth)
    }
  }

  @Test func everyStepOfTheExampleHasItsOwnLabel() throws {
    let (svg, layout) = try lateExample()
    try expectEveryMarkLabelledOnce(layout)
    let labels = layout.lanes.flatMap(\.flags).map(\.lines)
    #expect(
      labels == [
        ["tabled", "2025-02"], ["rejected by Ukraine", "2025-02-15~"],
        ["Munich Security Conference, Germany", "2025-02-14~"],
      ])
    for text in [
      "tabled", "2025-02", "rejected by Ukraine", "2025-02-15~", "Munich Security Conference, Germany",
    ] {
      #expect(svg.contains(">\(text)</tspan>"), "\(text)")
    }
    try expectNoLabelOverlaps(layout)
  }

  @Test func theTimelineScrollsInItsOwnBoxOnANarrowScreen() throws {
    let html = HTMLReport.render(try workedExampleReport())
    #expect(html.contains("<div class=\"timeline-scroll\">\n<svg class=\"timeline\""))
    #expect(html.contains(".timeline-scroll { overflow-x: auto; }"))
    #expect(html.contains("min-width: 760px"))
    // On paper it shrinks to the page instead.
    #expect(html.contains("svg.timeline { min-width: 0; }"))
  }

  // MARK: A story of ten years

  /// A framework agreement from 2015 to 2025: signed and ratified party by party (several on one
  /// day), in force, in force for one party, a withdrawal notified and a rejoining; a protocol;
  /// meetings.
  func decade() throws -> Report.Negotiation {
    let today = try day(Self.today)
    func on(_ text: String) throws -> AccordDate { try AccordDate.parse(text, today: today) }
    let store = try TestEngine.store(today: today)
    let parties = ["United States", "China", "European Union", "India", "Brazil", "Japan"]
    for name in parties {
      try store.addActor(NewActor(name: name, kind: name == "European Union" ? .organization : .state))
    }
    let id = try store.addNegotiation(
      NewNegotiation(
        title: "Framework agreement on rivers", slug: "rivers", participants: parties.map { ($0, .party) }))
    try store.addProposal(
      NewProposal(
        negotiation: "rivers",
        title:
          "Framework agreement on transboundary river pollution and shared water management, with annexes",
        by: "European Union", date: try on("2015-03-10"), slug: "text"))
    func step(
      _ proposal: String, _ kind: ProposalStep.Kind, _ date: String, _ parties: [String] = [],
      label: String? = nil, effective: String? = nil
    ) throws {
      try store.addStep(
        NewStep(
          proposal: proposal, kind, date: try on(date), parties: parties, label: label,
          effective: try effective.map { try on($0) }))
    }
    try step("text", .agreedInPrinciple, "2015-12-12")
    try step("text", .adopted, "2015-12-14")
    try step("text", .signed, "2016-04-22", ["United States", "China", "European Union", "India", "Brazil"])
    try step("text", .signed, "2016-05-03", ["Japan"])
    try step("text", .ratified, "2016-09-03", ["China", "United States"])
    try step("text", .ratified, "2016-10-05", ["European Union"])
    try step("text", .inForce, "2016-11-04")
    try step("text", .inForce, "2016-12-08", ["Japan"])
    try step("text", .milestone, "2018-12", label: "First review conference")
    try step("text", .withdrawalNotified, "2019-11-04", ["United States"], effective: "2020-11-04")
    try step("text", .rejoined, "2021-01-20", ["United States"])
    try step("text", .inForce, "2021-02-19", ["United States"])
    try step("text", .withdrawalNotified, "2025-01-27", ["United States"], effective: "2026-01-27")
    try store.addProposal(
      NewProposal(
        negotiation: "rivers", title: "Monitoring protocol", by: "China", date: try on("2019-06-01"),
        slug: "protocol"))
    try step("protocol", .signed, "2020-02-10", ["China", "India"])
    try step("protocol", .ratified, "2022", ["India"])
    try step("protocol", .inForce, "2023-07-01~")
    try step("protocol", .inForce, "2024-03-01", ["India"])
    for (date, place) in [
      ("2015-12-12", "Paris"), ("2016-04-22", "New York"), ("2018-12-10", "Katowice, Poland"),
    ] {
      try store.addMeeting(negotiation: "rivers", date: try on(date), place: place, with: ["China", "India"])
    }
    let report = try store.report(negotiations: [id], options: ReportOptions(asOf: today))
    return try #require(report.negotiations.first)
  }

  @Test func aDecadeHasYearTicksAndEveryStepLabelled() throws {
    let n = try decade()
    let today = try day(Self.today)
    let svg = TimelineSVG.render(n, asOf: today)
    let layout = try #require(TimelineSVG.layout(n, asOf: today))
    #expect(ticks(svg).map(\.label) == ["2016", "2018", "2020", "2022", "2024", "2026"])
    // 22 months after the last step of ten years, the as-of day is on the axis, unbroken; in
    // 2040 it would be past a break.
    #expect(!layout.axis.broken)
    #expect(layout.axis.today > layout.lanes.flatMap(\.marks).map(\.x).max()!)
    let later = TimelineSVG.axis(layout.lanes.flatMap(\.lane.marks), asOf: try day("2040-06-01"))
    #expect(later.broken && later.gap == "15 years later")
    try expectEveryMarkLabelledOnce(layout)
    try expectNoLabelOverlaps(layout)
    // In-force and one-party steps say so; steps on one day share a label that names the parties.
    let labels = layout.lanes.flatMap(\.flags).map { $0.lines[0] }
    for label in [
      "in force", "in force for India", "rejoined, in force (United States)",
      "withdrawal notified by United States",
      "ratified by India", "milestone First review conference", "signed ×6 (United States, China, …)",
      "signed ×2 (China, India)", "ratified ×3, in force ×2",
    ] {
      #expect(labels.contains(label), "\(label) in \(labels)")
      #expect(svg.contains(">\(Escape.html(label))</tspan>"), "\(label)")
    }
    // A shared label's tooltip lists every step in it.
    let signed = try #require(layout.lanes[0].flags.first { $0.lines[0].hasPrefix("signed ×6") })
    #expect(signed.marks.count == 6)
    #expect(svg.contains("2016-05-03 — Framework agreement on transboundary"))
  }

  @Test func closeMarksShareALabelOnlyWhenTheyMust() throws {
    // Steps on one day share a label; steps days apart on a two-week axis each have their own.
    let today = try day("2025-03-01")
    func on(_ text: String) throws -> AccordDate { try AccordDate.parse(text, today: today) }
    func mark(_ date: String, _ what: String, _ who: String?) throws -> TimelineSVG.Mark {
      let label = who.map { "\(what) by \($0)" } ?? what
      return TimelineSVG.Mark(
        date: try on(date), what: what, who: who, label: label, tooltip: "\(date) \(label)",
        category: .signed, hollow: who != nil)
    }
    let marks = [
      try mark("2025-02-10", "signed", "Ukraine"), try mark("2025-02-10", "signed", "United States"),
      try mark("2025-02-10", "signed", "Poland"), try mark("2025-02-12", "ratified", "Ukraine"),
      try mark("2025-02-14", "in force", nil), try mark("2025-02-20", "ratified", "United States"),
    ]
    let axis = TimelineSVG.axis(marks, asOf: today)
    let flags = TimelineSVG.flags(marks.map { (x: axis.x($0.date.first.ordinal), mark: $0) })
    #expect(
      flags.map(\.lines) == [
        ["signed ×3 (Ukraine, United States, Poland)", "2025-02-10"], ["ratified by Ukraine", "2025-02-12"],
        ["in force", "2025-02-14"], ["ratified by United States", "2025-02-20"],
      ])
  }

  // MARK: Checks

  /// The tick labels under the axis, with their x.
  func ticks(_ svg: String) -> [(x: Double, label: String)] {
    svg.matches(of: #/<text class="tick" x="([\d.]+)"[^>]*>([^<]*)</text>/#).map {
      (Double($0.1)!, String($0.2))
    }
  }

  /// Each mark is in exactly one label, which says what it is (or how many share it) and when.
  func expectEveryMarkLabelledOnce(_ layout: TimelineSVG.Layout) throws {
    for lane in layout.lanes {
      let labelled = lane.flags.flatMap(\.marks).map(\.tooltip)
      #expect(labelled.sorted() == lane.marks.map(\.mark.tooltip).sorted(), "\(lane.lane.label)")
      for flag in lane.flags {
        #expect(flag.lines.count == 2)
        if flag.marks.count == 1 {
          #expect(flag.lines == [flag.marks[0].label, flag.marks[0].date.text])
        } else {
          // Each kind of step in it, or how many steps and the first kind.
          let text = flag.lines[0]
          #expect(
            flag.marks.allSatisfy { text.contains($0.what) } || text.hasPrefix("\(flag.marks.count) steps"),
            "\(text)")
          #expect(flag.lines[1].hasPrefix(flag.marks.map(\.date).min { $0.first < $1.first }!.text))
        }
      }
    }
  }

  @Test func textIsEstimatedAtLeastAsWideAsTheWidestCommonFaceDrawsIt() {
    // Widths of labels as Chromium draws them in DejaVu Sans (the sans serif of a Linux machine
    // without others, wider than Arial, Helvetica, Segoe UI or Roboto), in px.
    let measured: [(String, Double, Bool, Double)] = [
      ("rejected by Ukraine", 11, false, 108.0), ("Munich Security Conference, Germany", 11, false, 212.1),
      ("2025-02-15~", 10, false, 66.5), ("signed ×6 (United States, China, …)", 11, false, 199.2),
      ("withdrawal notified by United States", 11, false, 200.6),
      ("2016-04-22 – 2016-05-03", 10, false, 127.6),
      ("US proposal for access to Ukraine's", 12, true, 239.7),
      ("ABCDEFGHIJKLMNOPQRSTUVWXYZ", 11, false, 192.2),
      ("abcdefghijklmnopqrstuvwxyz", 11, false, 161.1), ("WWWWWWWWWW", 11, false, 108.8),
      ("mmmmmmmmmm", 11, false, 107.2), ("0123456789", 11, false, 70.0),
    ]
    for (text, size, bold, width) in measured {
      let estimate = TimelineSVG.textWidth(text, size: size, bold: bold)
      #expect(estimate >= width && estimate <= width * 1.15, "\(text): \(estimate) for \(width)")
    }
  }

  /// No label's box touches another's, or crosses another's leader, or leaves its lane, or
  /// covers the lane's title.
  func expectNoLabelOverlaps(_ layout: TimelineSVG.Layout) throws {
    for lane in layout.lanes {
      let titleBottom = lane.top + 16 + Double(lane.titleLines.count - 1) * TimelineSVG.titleLineHeight + 4
      var boxes:
        [(x: Double, left: Double, right: Double, top: Double, bottom: Double, above: Bool, text: String)] =
          []
      for flag in lane.flags {
        let w = max(
          TimelineSVG.textWidth(flag.lines[0], size: 11), TimelineSVG.textWidth(flag.lines[1], size: 10))
        let (left, right) = flag.leftward ? (flag.x - 4 - w, flag.x) : (flag.x, flag.x + 4 + w)
        let top = lane.top(flag)
        boxes.append((flag.x, left, right, top, top + 25, flag.above, flag.lines[0]))
        #expect(left >= 0 && right <= TimelineSVG.width, "\(flag.lines[0]) leaves the drawing")
        #expect(top >= titleBottom && top + 25 <= lane.bottom, "\(flag.lines[0]) leaves its lane")
      }
      for (i, a) in boxes.enumerated() {
        for b in boxes[(i + 1)...] {
          let apart = a.right <= b.left || b.right <= a.left || a.bottom <= b.top || b.bottom <= a.top
          #expect(apart, "\(a.text) overlaps \(b.text)")
          // A leader runs from the lane's line to its label: it may not cross another label.
          for (leader, box) in [(a, b), (b, a)] where leader.above == box.above {
            let crosses =
              box.left < leader.x && leader.x < box.right
              && (leader.above ? box.bottom > leader.top : box.top < leader.bottom)
            #expect(!crosses, "the leader of \(leader.text) crosses \(box.text)")
          }
        }
      }
    }
  }
}
