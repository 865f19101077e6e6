import AccordSystem
import AccordTransfer

/// A progress line on standard error (records, rate, share done, time left), redrawn at most four
/// times a second, and only when standard error is a terminal: quiet in scripts and logs.
final class ProgressLine {
  let total: Int?
  let noun: String
  let started: Double
  var shown = 0.0

  /// Nil when standard error is not a terminal.
  init?(total: Int?, noun: String) {
    guard System.isTerminal(System.standardError) else { return nil }
    self.total = total
    self.noun = noun
    started = Self.now()
  }

  static func now() -> Double { System.monotonicSeconds() }

  func update(_ progress: TransferProgress) {
    let now = Self.now()
    guard now - shown >= 0.25 else { return }
    shown = now
    let elapsed = max(now - started, 0.001)
    var line = "\r\u{1B}[K\(progress.records) \(noun), \(Int(Double(progress.records) / elapsed))/s"
    if let total = total ?? progress.totalBytes, total > 0, progress.bytes > 0 {
      let share = min(1, Double(progress.bytes) / Double(total))
      line += ", \(Int(share * 100))%"
      if share > 0.01 { line += ", about \(Int((elapsed / share - elapsed).rounded(.up))) s left" }
    }
    FileOutput.standardError.write(line)
  }

  func finish() {
    if shown > 0 { FileOutput.standardError.write("\r\u{1B}[K") }
  }
}
