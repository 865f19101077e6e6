#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Unbuffered writes to standard output and standard error, without Foundation.
struct FileOutput {
  let descriptor: Int32

  static let standardOutput = FileOutput(descriptor: 1)
  static let standardError = FileOutput(descriptor: 2)

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
    if descriptor == 1, Self.held != nil {
      Self.held? += text
      return
    }
    var text = text
    text.withUTF8 { buffer in
      var offset = 0
      while offset < buffer.count {
        let written = Glibc.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
        if written <= 0 {
          if written < 0 && errno == EINTR { continue }
          return
        }
        offset += written
      }
    }
  }
}
