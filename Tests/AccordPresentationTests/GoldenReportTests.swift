import AccordPresentation
import AccordSamples
import AccordStore
import Foundation
import Testing

/// The report on the worked example as of 2025-02-20, in Markdown and HTML, word for word; and the
/// shape of its JSON.
@Suite struct GoldenReportTests {
  @Test func markdownOfTheWorkedExample() throws {
    try expectGolden(MarkdownReport.render(try workedExampleReport()), "worked-example-2025-02-20.md")
  }

  @Test func htmlOfTheWorkedExample() throws {
    try expectGolden(HTMLReport.render(try workedExampleReport()), "worked-example-2025-02-20.html")
  }

  @Test func everyFormatIsTheSameFromAnotherLoadOfTheSameRecord() throws {
    // recorded_at and the in-memory databases differ; nothing of that may show.
    for format in ReportFormat.allCases {
      let first = try format.render(try workedExampleReport())
      let second = try format.render(try workedExampleReport())
      #expect(first == second, "\(format)")
    }
  }

  @Test func theMarkdownSaysWhatAnAnalystNeeds() throws {
    let text = MarkdownReport.render(try workedExampleReport())
    // The unsigned deal, the change of the period, the open condition as a sentence, a quote
    // verbatim with its speaker and date, and numbered sources cited where used.
    #expect(
      text.contains(
        "| US proposal for access to Ukraine's natural resources (500 billion USD) | US–Ukraine minerals-for-security deal | drafted | rejected by Ukraine 2025-02-15~ | 2025-02 | 19 |"
      ))
    #expect(text.contains("- 2025-02-14~ — Meeting at Munich Security Conference, Germany"))
    #expect(
      text.contains(
        "Ukraine sets as a precondition US security guarantees for Ukraine in exchange for US access to Ukraine's rare-earth minerals and other resources, since 2025-02-15~"
      ))
    #expect(text.contains("> “We’re still talking.”  \n> — Volodymyr Zelenskyy, 2025-02-15~"))
    #expect(
      text.contains(
        "interview with Christiane Amanpour; asked whether the $500 billion trade for resources is fair [2]"))
    #expect(text.contains("1. The Epoch Times, “Zelenskyy Demands Improved US Security Guarantee"))
    #expect(text.contains("2. “Christiane Amanpour's interview with Volodymyr Zelenskyy, Munich”"))
    #expect(
      text.contains(
        "As of 2025-02-20, negotiating: US proposal for access to Ukraine's natural resources rejected by Ukraine 2025-02-15~."
      ))
    // Hegseth's red line is dated February only: by the 20th it may not have been drawn yet.
    #expect(text.contains("since 2025-02~ (possibly not yet)"))
  }

  @Test func theHTMLIsOneSelfContainedPageWithATimelinePerNegotiation() throws {
    let html = HTMLReport.render(try workedExampleReport())
    #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">"))
    #expect(html.hasSuffix("</html>\n"))
    #expect(!html.contains("<script"))
    #expect(!html.contains("http://") || html.contains("xmlns=\"http://www.w3.org/2000/svg\""))
    #expect(!html.contains("https://"))
    #expect(!html.contains("@import") && !html.contains("url("))
    #expect(html.contains("Content-Security-Policy"))
    #expect(html.contains("@media print"))
    #expect(html.components(separatedBy: "<svg class=\"timeline\"").count == 2)
    // The proposal's steps: tabled in February (a month: a bar over its days), rejected by Ukraine
    // (one party's step: hollow, and approximate: a dashed ring), and the meeting in Munich.
    #expect(
      html.contains(
        "<title>2025-02 — US proposal for access to Ukraine&#39;s natural resources: tabled</title>"))
    #expect(html.contains("opacity=\"0.22\""))
    #expect(html.contains("r=\"5.5\" fill=\"#ffffff\" stroke=\"#c53030\" stroke-width=\"2\"/>"))
    #expect(
      html.contains(
        "r=\"9.5\" fill=\"none\" stroke=\"#c53030\" stroke-width=\"1.2\" stroke-dasharray=\"2 2\"/>"))
    #expect(html.contains("<title>2025-02-14~ — meeting at Munich Security Conference, Germany:"))
    #expect(html.contains("as of 20 February 2025</text>"))
  }

  @Test func theJSONHasTheDocumentedShape() throws {
    let text = try JSONReport.render(try workedExampleReport())
    let json = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    #expect(
      Set(json.keys) == [
        "as_of", "since", "stale_after_days", "unsigned_deals", "changes", "stale", "negotiations",
        "upcoming_days", "deadlines", "dormant",
      ])
    #expect(json["as_of"] as? String == "2025-02-20")
    #expect(json["since"] as? String == "2025-02-13")
    #expect(json["stale_after_days"] as? Int == 30)
    #expect((json["stale"] as? [Any])?.isEmpty == true)

    let deals = try #require(json["unsigned_deals"] as? [[String: Any]])
    try #require(deals.count == 1)
    #expect(
      Set(deals[0].keys) == [
        "id", "slug", "title", "negotiation", "negotiation_title", "parties", "tabled_by", "value", "status",
        "status_date", "signed", "live", "latest_step", "open_since", "days_open",
      ])
    #expect(deals[0]["days_open"] as? Int == 19)

    let changes = try #require(json["changes"] as? [[String: Any]])
    #expect(changes.count == 8)
    #expect(Set(changes[0].keys) == ["negotiation", "negotiation_title", "entry"])
    let entry = try #require(changes[0]["entry"] as? [String: Any])
    #expect(Set(entry.keys) == ["kind", "id", "date", "what", "who", "sources"])
    #expect(entry["kind"] as? String == "meeting")
    #expect((entry["date"] as? [String: Any])?["edtf"] as? String == "2025-02-14~")
    let step = try #require(changes[1]["entry"] as? [String: Any])
    #expect(Set(step.keys) == ["kind", "id", "date", "what", "who", "sources", "proposal", "step"])

    let negotiations = try #require(json["negotiations"] as? [[String: Any]])
    try #require(negotiations.count == 1)
    let n = negotiations[0]
    #expect(
      Set(n.keys) == [
        "id", "slug", "title", "summary", "tags", "status", "participants", "last_activity", "days_quiet",
        "proposals", "open_conditions", "resolved_conditions", "meetings", "developments", "quotes",
        "sources", "matrix",
      ])
    let status = try #require(n["status"] as? [String: Any])
    #expect(status["state"] as? String == "negotiating")
    #expect(status["step"] as? String == "rejected")
    #expect(status["party"] as? String == "Ukraine")
    #expect(n["last_activity"] as? String == "2025-02-15")
    #expect(n["days_quiet"] as? Int == 5)
    let sources = try #require(n["sources"] as? [[String: Any]])
    #expect(sources.map { $0["number"] as? Int } == [1, 2])
    #expect(sources.map { $0["id"] as? String } == ["epoch-times", "amanpour-interview"])
    #expect(Set(sources[0].keys) == ["number", "id", "outlet", "title", "published"])
    let conditions = try #require(n["open_conditions"] as? [[String: Any]])
    #expect(conditions.map { $0["stance"] as? String } == ["red_line", "precondition"])
    #expect((n["resolved_conditions"] as? [Any])?.isEmpty == true)
    let proposals = try #require(n["proposals"] as? [[String: Any]])
    #expect(
      (proposals.first?["steps"] as? [[String: Any]])?.map { $0["step"] as? String } == [
        "tabled", "rejected",
      ])
    #expect((n["quotes"] as? [Any])?.count == 5)
    // Every key is snake_case (party_status holds party names as keys).
    func keys(_ value: Any) -> [String] {
      if let object = value as? [String: Any] {
        return object.flatMap { key, value in [key] + (key == "party_status" ? [] : keys(value)) }
      }
      if let array = value as? [Any] { return array.flatMap(keys) }
      return []
    }
    for key in keys(json) {
      #expect(key.allSatisfy { $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "_") }, "\(key)")
    }
  }
}
