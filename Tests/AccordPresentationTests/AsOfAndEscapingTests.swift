import AccordPresentation
import AccordSamples
import AccordStore
import AccordTestEngine
import Foundation
import Testing

/// A report is the record as it stood on its as-of day, and analyst text in it is only ever text.
@Suite struct AsOfAndEscapingTests {
  /// The worked example, and facts dated after 2025-02-20 on top.
  func storeWithLaterFacts() throws -> AccordStore {
    let store = try workedExampleStore()
    let n = WorkedExample.negotiation
    try store.log(negotiation: n, text: "LATER development in Riyadh", date: try date("2025-02-21"))
    try store.addQuote(by: "Zelenskyy", date: try date("2025-03-01"), text: "LATER quote", negotiation: n)
    try store.addSource(
      url: nil, outlet: "Later Outlet", title: "Reported later", published: try date("2025-03-01"),
      slug: "later-source")
    try store.log(
      negotiation: n, text: "Early fact, reported later", date: try date("2025-02-16"),
      sources: ["later-source"])
    try store.updateCondition("1", .accepted, date: try date("2025-03-05"), by: "United States")
    try store.addStep(proposal: "us-resources-proposal", .signed, date: try date("2025-04-30"))
    try store.addProposal(
      NewProposal(
        negotiation: n, title: "Ukraine counter-draft", by: "Ukraine", date: try date("2025-02-24"),
        slug: "counter-draft", counters: "us-resources-proposal"))
    try store.addMeeting(
      negotiation: n, date: try date("2025-02-28"), place: "Washington LATER", with: ["Zelenskyy"])
    return store
  }

  @Test func nothingDatedLaterLeaksIntoAnEarlierReport() throws {
    let store = try storeWithLaterFacts()
    let report = try workedExampleReport(store)
    for format in ReportFormat.allCases {
      let text = try format.render(report)
      for later in [
        "LATER", "later-source", "Later Outlet", "counter-draft", "counter-draft", "2025-02-24", "2025-03",
        "2025-04",
      ] {
        #expect(!text.contains(later), "\(format) report shows \(later)")
      }
      // The early fact is there, without the source published after the as-of day.
      #expect(text.contains("Early fact, reported later"), "\(format)")
    }
    #expect(report.unsignedDeals.map(\.slug) == ["us-resources-proposal"])
    #expect(report.negotiations[0].status.state == .negotiating)
    #expect(report.negotiations[0].openConditions.map(\.state) == ["open", "open"])
    #expect(report.negotiations[0].sources.map(\.id) == ["epoch-times", "amanpour-interview"])
    let early = try #require(report.negotiations[0].developments.first { $0.text.hasPrefix("Early") })
    #expect(early.sources.isEmpty)
    // The same record as of May shows them all: the facts are really there.
    let may = try store.report(options: ReportOptions(asOf: try day("2025-05-01")))
    let mayText = MarkdownReport.render(may)
    for later in ["LATER quote", "Later Outlet", "Ukraine counter-draft", "2025-04-30"] {
      #expect(mayText.contains(later), "the May report lacks \(later)")
    }
    #expect(may.negotiations[0].openConditions.map(\.id) == [2])
    #expect(may.negotiations[0].status.state == .signed)
  }

  @Test func theChangesOfThePeriodFollowSince() throws {
    let store = try workedExampleStore()
    let options = ReportOptions(asOf: WorkedExample.asOf, since: try day("2025-02-15"))
    let report = try store.report(options: options)
    #expect(report.changes.allSatisfy { $0.entry.date.first >= options.since })
    #expect(report.changes.count == 7)
    let everything = try store.report(
      options: ReportOptions(asOf: WorkedExample.asOf, since: try day("2025-01-01")))
    #expect(everything.changes.count == 11)
    #expect(throws: StoreError.self) {
      try store.report(options: ReportOptions(asOf: WorkedExample.asOf, since: try day("2025-02-21")))
    }
  }

  @Test func aQuoteHoldingAScriptShowsAsText() throws {
    let store = try TestEngine.store(today: WorkedExample.asOf)
    try store.addActor(NewActor(name: "Ukraine", kind: .state, code: "UKR"))
    try store.addActor(NewActor(name: "Mallory <i>", kind: .person, slug: "mallory"))
    try store.addNegotiation(
      NewNegotiation(
        title: "Talks <b>bold</b> & \"quoted\" 'too'", slug: "talks", summary: "<img src=x onerror=alert(1)>",
        tags: ["<tag>"], participants: [("Ukraine", .party)]))
    // Accord refuses such a URL; one typed in the sqlite3 shell must still come out inert.
    _ = try store.connection.insert(
      "INSERT INTO source (slug, url, outlet, title) VALUES ('evil', 'javascript:alert(1)', ?, ?)",
      [.text("Evil <Outlet>"), .text("</title><script>x</script>")])
    try store.addSource(url: "https://example.org/a?b=1&c=\"2\"", outlet: "Fine", slug: "fine")
    try store.addQuote(
      by: "mallory", date: try date("2025-02-18"), text: "<script>alert(1)</script>", negotiation: "talks",
      context: "said <u>loudly</u>", sources: ["evil", "fine"])
    try store.addProposal(
      NewProposal(
        negotiation: "talks", title: "Draft <script>alert(2)</script>", by: "Ukraine",
        date: try date("2025-02-10"),
        slug: "draft", terms: "[link](javascript:alert(3)) *bold* `code` | pipe"))
    try store.log(negotiation: "talks", text: "Line one\nline two", date: try date("2025-02-19"))
    let report = try store.report(options: ReportOptions(asOf: WorkedExample.asOf))

    let html = HTMLReport.render(report)
    #expect(html.contains("“&lt;script&gt;alert(1)&lt;/script&gt;”"))
    #expect(!html.contains("<script"))
    #expect(!html.contains("<img"))
    #expect(
      !html.contains("<b>") && !html.contains("<u>") && !html.contains("<i>") && !html.contains("<tag>"))
    #expect(html.contains("Talks &lt;b&gt;bold&lt;/b&gt; &amp; &quot;quoted&quot; &#39;too&#39;"))
    #expect(html.contains("<title>Draft &lt;script&gt;alert(2)&lt;/script&gt;</title>"))  // the SVG lane
    #expect(!html.contains("href=\"javascript:"))
    #expect(html.contains("<code>javascript:alert(1)</code>"))
    #expect(html.contains("<a href=\"https://example.org/a?b=1&amp;c=&quot;2&quot;\">"))

    let markdown = MarkdownReport.render(report)
    #expect(markdown.contains("“\\<script\\>alert(1)\\</script\\>”"))
    #expect(!markdown.replacing("\\<", with: "").contains("<script"))
    #expect(markdown.contains("\\[link\\](javascript:alert(3)) \\*bold\\* \\`code\\` \\| pipe"))
    #expect(!markdown.contains("<javascript:"))
    #expect(markdown.contains("<https://example.org/a?b=1&c=\"2\">"))
    #expect(markdown.contains("Line one line two"))

    let json = try JSONReport.render(report)
    #expect(json.contains("\"text\" : \"<script>alert(1)</script>\""))  // JSON keeps text as typed
  }

  @Test func noNegotiationsIsAShortReport() throws {
    let store = try TestEngine.store(today: WorkedExample.asOf)
    let report = try store.report(options: ReportOptions(asOf: WorkedExample.asOf))
    #expect(report.negotiations.isEmpty)
    let markdown = MarkdownReport.render(report)
    #expect(markdown.contains("None: no live draft awaits signature."))
    #expect(markdown.contains("Nothing was recorded from 2025-02-13 to 2025-02-20."))
    #expect(HTMLReport.render(report).hasSuffix("</html>\n"))
  }
}
