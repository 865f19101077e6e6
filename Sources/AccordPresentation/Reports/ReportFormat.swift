import AccordStore

/// The forms a report takes.
public enum ReportFormat: String, Sendable, CaseIterable {
  case markdown, html, json

  /// The report in this form.
  public func render(_ report: Report) throws -> String {
    switch self {
    case .markdown: MarkdownReport.render(report)
    case .html: HTMLReport.render(report)
    case .json: try JSONReport.render(report)
    }
  }
}

/// The report as JSON: stable, pretty-printed, sorted snake_case keys; the shape is in the README.
public enum JSONReport {
  public static func render(_ report: Report) throws -> String {
    try Render.jsonText(ReportJSON(report)) + "\n"
  }
}
