#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The terminal standard output goes to, if it goes to one.
enum Terminal {
  /// How many columns a table may take on standard output: `$COLUMNS` when it is a positive
  /// number, else the width the terminal reports, else 80. Nil when standard output is not a
  /// terminal (piped or redirected): there nothing is cut, whatever `$COLUMNS` says.
  static let tableWidth: Int? = {
    let reported: Int?
    if let forced = TestHooks.terminalWidth {
      reported = forced > 0 ? forced : nil
    } else {
      guard isatty(1) == 1 else { return nil }
      reported = reportedWidth()
    }
    if let columns = getenv("COLUMNS").flatMap({ Int(String(cString: $0)) }), columns > 0 {
      return columns
    }
    return reported ?? 80
  }()

  /// The width the terminal on standard output reports (TIOCGWINSZ), if any.
  private static func reportedWidth() -> Int? {
    var size = winsize()
    #if canImport(Glibc)
      let answer = ioctl(1, UInt(TIOCGWINSZ), &size)
    #else
      let answer = ioctl(1, TIOCGWINSZ, &size)
    #endif
    return answer == 0 && size.ws_col > 0 ? Int(size.ws_col) : nil
  }
}
