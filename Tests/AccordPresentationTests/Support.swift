import AccordPresentation
import AccordSamples
import AccordStore
import AccordTestEngine
import Foundation
import Testing

/// The worked example in a store of its own, whose today is the example's as-of day.
func workedExampleStore() throws -> AccordStore {
  let store = try TestEngine.store(today: WorkedExample.asOf)
  try WorkedExample.load(into: store)
  return store
}

/// The report on the worked example as of 2025-02-20, with the default options.
func workedExampleReport(_ store: AccordStore? = nil) throws -> Report {
  try (store ?? workedExampleStore()).report(options: ReportOptions(asOf: WorkedExample.asOf))
}

func date(_ text: String) throws -> AccordDate { try AccordDate.parse(text, today: WorkedExample.asOf) }

func day(_ text: String) throws -> Day { try AccordDate.parse(text).first }

/// Compares `actual` with the golden file `name` in Tests/AccordPresentationTests/Golden. On a
/// difference it says where, writes the actual text beside the golden one (NAME.actual, which git
/// ignores only if told; delete it) and how to look: `diff -u Golden/NAME Golden/NAME.actual`.
/// `ACCORD_UPDATE_GOLDEN=1 swift test --filter GoldenReportTests` rewrites the golden files.
func expectGolden(_ actual: String, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws
{
  let folder = URL(filePath: #filePath).deletingLastPathComponent().appending(path: "Golden")
  let golden = folder.appending(path: name)
  let actualFile = folder.appending(path: name + ".actual")
  if ProcessInfo.processInfo.environment["ACCORD_UPDATE_GOLDEN"] == "1" {
    try Data(actual.utf8).write(to: golden)
    try? FileManager.default.removeItem(at: actualFile)
    return
  }
  let expected = String(decoding: try Data(contentsOf: golden), as: UTF8.self)
  guard expected != actual else {
    try? FileManager.default.removeItem(at: actualFile)
    return
  }
  try Data(actual.utf8).write(to: actualFile)
  let want = expected.split(separator: "\n", omittingEmptySubsequences: false)
  let got = actual.split(separator: "\n", omittingEmptySubsequences: false)
  let line = (0..<min(want.count, got.count)).first { want[$0] != got[$0] } ?? min(want.count, got.count)
  func at(_ lines: [Substring], _ index: Int) -> String {
    index < lines.count ? String(lines[index]) : "(end of file)"
  }
  Issue.record(
    """
    \(name) differs from its golden file, first at line \(line + 1):
      golden: \(at(want, line))
      actual: \(at(got, line))
    (\(want.count) lines golden, \(got.count) actual.) See the whole difference with
      diff -u \(golden.path) \(actualFile.path)
    and if the change is meant, rewrite the golden files with
      ACCORD_UPDATE_GOLDEN=1 swift test --filter GoldenReportTests
    """, sourceLocation: sourceLocation)
}
