import AccordSystem

/// Unbuffered writes to standard output and standard error, without Foundation.
struct FileOutput {
  let descriptor: Int32

  static let standardOutput = FileOutput(descriptor: System.standardOutput)
  static let standardError = FileOutput(descriptor: System.standardError)

  /// Standard output held back while a new record is made (see ``NewDatabase``).
  nonisolated(unsafe) private static var held: String?

  static func hold() { held = held ?? "" }

  static func release() {
    guard let text = held else { return }
    held = nil
    standardOutput.write(text)
  }

  static func discard() { held = nil }

  func write(_ text: String) {
    if descriptor == System.standardOutput, Self.held != nil {
      Self.held? += text
      return
    }
    // Nothing to tell of a failure: this is where failures are told.
    try? System.writeAll(descriptor, text)
  }
}
