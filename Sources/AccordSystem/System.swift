#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#else
  #error("Accord's system calls are written for Glibc (Linux) and Darwin (macOS)")
#endif

/// The system calls of the command line, export and import, in one place: the only file outside
/// AccordStore that names the C library (Glibc or Darwin), so that the rest builds the same on
/// Linux and macOS. A call that fails throws its `errno` as a ``SystemError``, which words it.
public enum System {
  public static let standardInput: Int32 = 0
  public static let standardOutput: Int32 = 1
  public static let standardError: Int32 = 2

  // MARK: Writing

  /// Writes all of `bytes` to `descriptor`, however many calls it takes.
  public static func writeAll(_ descriptor: Int32, _ bytes: UnsafeRawBufferPointer) throws(SystemError) {
    guard let base = bytes.baseAddress else { return }
    var offset = 0
    while offset < bytes.count {
      let written = write(descriptor, base + offset, bytes.count - offset)
      if written < 0 {
        if errno == EINTR { continue }
        throw SystemError(errno)
      }
      // A write of nothing would never end: call it out of room.
      if written == 0 { throw SystemError(ENOSPC) }
      offset += written
    }
  }

  /// Writes all of `text` (UTF-8) to `descriptor`.
  public static func writeAll(_ descriptor: Int32, _ text: String) throws(SystemError) {
    var text = text
    var failure: SystemError?
    text.withUTF8 { buffer in
      do throws(SystemError) { try writeAll(descriptor, UnsafeRawBufferPointer(buffer)) } catch {
        failure = error
      }
    }
    if let failure { throw failure }
  }

  /// Ends the process with `code`, without running anything more.
  public static func exit(_ code: Int32) -> Never {
    cExit(code)
  }

  /// Ends the process as a power cut would: SIGKILL (for the crash tests).
  public static func killSelf() {
    raise(SIGKILL)
  }

  // MARK: Reading

  /// Opens `path` to read, and says what it is: its descriptor, and its size when it is a file
  /// (not a pipe or a device). A folder is refused (``SystemError/isAFolder``).
  public static func openForReading(_ path: String) throws(SystemError) -> (descriptor: Int32, size: Int?) {
    let descriptor = open(path, O_RDONLY | O_CLOEXEC)
    guard descriptor >= 0 else { throw SystemError(errno) }
    var info = stat()
    guard fstat(descriptor, &info) == 0 else {
      let error = errno
      close(descriptor)
      throw SystemError(error)
    }
    if (info.st_mode & S_IFMT) == S_IFDIR {
      close(descriptor)
      throw SystemError.isAFolder
    }
    return (descriptor, (info.st_mode & S_IFMT) == S_IFREG ? Int(info.st_size) : nil)
  }

  /// Reads what there is, up to `buffer.count` bytes, into `buffer`: how many; 0 at the end.
  public static func read(_ descriptor: Int32, into buffer: UnsafeMutableRawBufferPointer) throws(SystemError)
    -> Int
  {
    guard let base = buffer.baseAddress, buffer.count > 0 else { return 0 }
    while true {
      let got = cRead(descriptor, base, buffer.count)
      if got >= 0 { return got }
      if errno != EINTR { throw SystemError(errno) }
    }
  }

  // MARK: Files

  /// Whether something exists at `path`.
  public static func exists(_ path: String) -> Bool { access(path, F_OK) == 0 }

  /// Removes the file at `path`, if there is one.
  public static func remove(_ path: String) { unlink(path) }

  /// Removes the folder at `path`, if it is empty.
  public static func removeFolder(_ path: String) { rmdir(path) }

  /// Gives the file at `from` the further name `to`, which must not exist (else
  /// ``SystemError/alreadyExists``).
  public static func link(_ from: String, to: String) throws(SystemError) {
    if cLink(from, to) != 0 { throw SystemError(errno) }
  }

  /// Renames `from` to `to` in one step, replacing what `to` was.
  public static func rename(_ from: String, to: String) throws(SystemError) {
    if cRename(from, to) != 0 { throw SystemError(errno) }
  }

  /// Makes a new file at `path` for writing, readable and writable by its owner alone (mode 0600,
  /// whatever the umask), and gives its descriptor. Fails with ``SystemError/alreadyExists`` when
  /// something is there already: nothing is followed or replaced.
  public static func createPrivateFile(_ path: String) throws(SystemError) -> Int32 {
    let descriptor = open(path, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0o600)
    guard descriptor >= 0 else { throw SystemError(errno) }
    if fchmod(descriptor, 0o600) != 0 {
      let error = errno
      close(descriptor)
      unlink(path)
      throw SystemError(error)
    }
    return descriptor
  }

  /// Puts what was written to `descriptor` on the disk, then closes it. The descriptor is closed
  /// either way.
  public static func syncAndClose(_ descriptor: Int32) throws(SystemError) {
    let synced = fsync(descriptor) == 0 ? 0 : errno
    let closed = closeDescriptor(descriptor) == 0 ? 0 : errno
    if synced != 0 { throw SystemError(synced) }
    if closed != 0 { throw SystemError(closed) }
  }

  /// Runs the program `arguments[0]` (looked up on `$PATH`) with the rest as its arguments, its
  /// standard input, output and error those of this process, its environment this process's with
  /// `environment` added (a secret passed so is not on its command line, which anyone may read),
  /// and waits for it. Returns its exit status (128 + the signal's number when a signal ended it);
  /// throws `ENOENT` when there is no such program.
  public static func run(_ arguments: [String], environment: [String: String] = [:]) throws(SystemError)
    -> Int32
  {
    guard let program = arguments.first else { throw SystemError(EINVAL) }
    var words: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) }
    words.append(nil)
    var variables: [UnsafeMutablePointer<CChar>?] = []
    var inherited = environ
    while let variable = inherited.pointee {
      let text = String(cString: variable)
      let name = text.split(separator: "=", maxSplits: 1).first.map(String.init) ?? text
      if environment[name] == nil { variables.append(strdup(variable)) }
      inherited += 1
    }
    for (name, value) in environment { variables.append(strdup(name + "=" + value)) }
    variables.append(nil)
    defer { for pointer in words + variables { free(pointer) } }
    var child = pid_t()
    let started = posix_spawnp(&child, program, nil, nil, words, variables)
    guard started == 0 else { throw SystemError(started) }
    var status: Int32 = 0
    while waitpid(child, &status, 0) == -1 {
      guard errno == EINTR else { throw SystemError(errno) }
    }
    // WIFEXITED / WEXITSTATUS / WTERMSIG, which Swift does not import as functions.
    let signal = status & 0x7f
    return signal == 0 ? (status >> 8) & 0xff : 128 + signal
  }

  /// Closes `descriptor`, whatever became of it.
  public static func close(_ descriptor: Int32) { _ = closeDescriptor(descriptor) }

  private static func closeDescriptor(_ descriptor: Int32) -> Int32 {
    cClose(descriptor)
  }

  /// Puts the names in `folder` on the disk (after a rename into it), as far as it can.
  public static func syncFolder(_ folder: String) {
    let descriptor = open(folder, O_RDONLY | O_CLOEXEC)
    guard descriptor >= 0 else { return }
    fsync(descriptor)
    close(descriptor)
  }

  // MARK: The process and its terminal

  /// This process's id.
  public static var processID: Int32 { getpid() }

  /// The environment variable `name`, if set.
  public static func environment(_ name: String) -> String? {
    getenv(name).map { String(cString: $0) }
  }

  /// Whether `descriptor` is a terminal.
  public static func isTerminal(_ descriptor: Int32) -> Bool { isatty(descriptor) == 1 }

  /// How many columns the terminal on `descriptor` reports (TIOCGWINSZ), if any.
  public static func terminalColumns(_ descriptor: Int32) -> Int? {
    var size = winsize()
    #if canImport(Glibc)
      let answer = ioctl(descriptor, UInt(TIOCGWINSZ), &size)
    #else
      let answer = ioctl(descriptor, TIOCGWINSZ, &size)
    #endif
    return answer == 0 && size.ws_col > 0 ? Int(size.ws_col) : nil
  }

  /// Seconds on a clock that only goes forward, for measuring how long something took.
  public static func monotonicSeconds() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_MONOTONIC, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
  }

  /// Seconds since 1970-01-01 00:00 UTC, now.
  public static func secondsSince1970() -> Int { Int(time(nil)) }

  /// The UTC calendar time `seconds` after 1970-01-01 00:00 UTC.
  public static func utc(_ seconds: Int) -> UTCTime {
    var moment = time_t(seconds)
    var parts = tm()
    gmtime_r(&moment, &parts)
    return UTCTime(
      year: Int(parts.tm_year) + 1900, month: Int(parts.tm_mon) + 1, day: Int(parts.tm_mday),
      hour: Int(parts.tm_hour), minute: Int(parts.tm_min), second: Int(parts.tm_sec))
  }
}

/// A calendar time in UTC, as ``System/utc(_:)`` gives it.
public struct UTCTime: Sendable, Equatable {
  public let year: Int
  public let month: Int
  public let day: Int
  public let hour: Int
  public let minute: Int
  public let second: Int
}

/// A failed system call: its error number (`errno`).
public struct SystemError: Error, Sendable, Equatable, CustomStringConvertible {
  public let number: Int32
  public init(_ number: Int32) { self.number = number }

  /// The error of a name that is taken (``System/link(_:to:)`` onto a file that exists).
  public static let alreadyExists = SystemError(EEXIST)

  /// The error of a folder opened to read as a file.
  public static let isAFolder = SystemError(EISDIR)

  /// The error of a name that names nothing: no such file, or no such program on `$PATH`.
  public static let noSuchFile = SystemError(ENOENT)

  /// The error in words: "No such file or directory"; for ``isAFolder``, "it is a folder".
  public var description: String { self == .isAFolder ? "it is a folder" : String(cString: strerror(number)) }
}

// The C library's calls whose names ``System`` gives its own methods: inside it, `link` would be
// ``System/link(_:to:)``; out here it is the C function, the same on Glibc and Darwin.
private func cLink(_ from: String, _ to: String) -> Int32 { link(from, to) }
private func cRename(_ from: String, _ to: String) -> Int32 { rename(from, to) }
private func cRead(_ descriptor: Int32, _ base: UnsafeMutableRawPointer, _ count: Int) -> Int {
  read(descriptor, base, count)
}
private func cClose(_ descriptor: Int32) -> Int32 { close(descriptor) }
private func cExit(_ code: Int32) -> Never { exit(code) }
