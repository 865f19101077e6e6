import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// A program started with `posix_spawn`, for what `Process` cannot do: arguments as raw bytes (not
/// UTF-8, say), several children at once each in its own process group, and a SIGKILL.
final class ChildProcess {
  /// How a child ended.
  enum Ending: Equatable, CustomStringConvertible {
    case exited(Int32)
    case signaled(Int32)

    var description: String {
      switch self {
      case .exited(let status): "exit \(status)"
      case .signaled(let signal): "signal \(signal)"
      }
    }
  }

  let pid: pid_t
  let arguments: [[UInt8]]
  let stdoutPath: String
  let stderrPath: String
  private(set) var ending: Ending?

  /// Starts `executable` with `arguments`, standard input from /dev/null, standard output and
  /// error to files in `folder`, in a process group of its own.
  init(
    _ executable: String, _ arguments: [[UInt8]], environment: [String: String], folder: String
  ) throws {
    let name = UUID().uuidString
    stdoutPath = folder + "/child-\(name).stdout"
    stderrPath = folder + "/child-\(name).stderr"
    self.arguments = arguments

    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, stdoutPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    posix_spawn_file_actions_addopen(&actions, 2, stderrPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)

    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    var defaults = sigset_t()
    sigemptyset(&defaults)
    sigaddset(&defaults, SIGPIPE)
    var unblocked = sigset_t()
    sigemptyset(&unblocked)
    posix_spawnattr_setsigdefault(&attributes, &defaults)
    posix_spawnattr_setsigmask(&attributes, &unblocked)
    posix_spawnattr_setpgroup(&attributes, 0)
    posix_spawnattr_setflags(
      &attributes, Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))

    let argv = Self.cStrings([Array(executable.utf8)] + arguments)
    let envp = Self.cStrings(
      environment.sorted { $0.key < $1.key }.map { Array("\($0.key)=\($0.value)".utf8) })
    defer {
      for pointer in argv { pointer?.deallocate() }
      for pointer in envp { pointer?.deallocate() }
    }
    var pid = pid_t()
    let code = posix_spawn(&pid, executable, &actions, &attributes, argv, envp)
    guard code == 0 else { throw SpawnFailed(executable: executable, code: code) }
    self.pid = pid
  }

  convenience init(
    _ executable: String, _ arguments: [String], environment: [String: String], folder: String
  ) throws {
    try self.init(executable, arguments.map { Array($0.utf8) }, environment: environment, folder: folder)
  }

  deinit {
    if ending == nil {
      kill(-pid, SIGKILL)
      _ = wait()
    }
  }

  /// Sends `signal` to the child alone.
  func signal(_ signal: Int32) { kill(pid, signal) }

  /// How the child ended, or nil while it runs.
  func poll() -> Ending? {
    if let ending { return ending }
    var status: Int32 = 0
    guard waitpid(pid, &status, WNOHANG) == pid else { return nil }
    ending = Self.ending(status)
    return ending
  }

  /// Waits until the child ends, however long that takes (a test bounds the work it gives a
  /// child, not the time: a slow machine is no failure).
  @discardableResult
  func wait() -> Ending {
    if let ending { return ending }
    var status: Int32 = 0
    while true {
      let result = waitpid(pid, &status, 0)
      if result == pid {
        let ending = Self.ending(status)
        self.ending = ending
        return ending
      }
      if result < 0 && errno != EINTR {
        ending = .exited(-1)
        return .exited(-1)
      }
    }
  }

  var stdout: String {
    String(decoding: FileManager.default.contents(atPath: stdoutPath) ?? Data(), as: UTF8.self)
  }
  var stderr: String {
    String(decoding: FileManager.default.contents(atPath: stderrPath) ?? Data(), as: UTF8.self)
  }

  /// Decodes a `waitpid` status (the W* macros are not visible from Swift).
  static func ending(_ status: Int32) -> Ending {
    let signal = status & 0x7f
    return signal == 0 ? .exited((status >> 8) & 0xff) : .signaled(signal)
  }

  static func cStrings(_ strings: [[UInt8]]) -> [UnsafeMutablePointer<CChar>?] {
    strings.map { bytes -> UnsafeMutablePointer<CChar>? in
      let pointer = UnsafeMutablePointer<CChar>.allocate(capacity: bytes.count + 1)
      for (index, byte) in bytes.enumerated() { pointer[index] = CChar(bitPattern: byte) }
      pointer[bytes.count] = 0
      return pointer
    } + [nil]
  }

  struct SpawnFailed: Error, CustomStringConvertible {
    let executable: String
    let code: Int32
    var description: String { "cannot start \(executable): \(String(cString: strerror(code)))" }
  }
}

extension Sandbox {
  /// The environment of ``run(_:environment:)``: `ACCORD_DB` the sandbox's database,
  /// `ACCORD_TODAY` fixed, `HOME` and `XDG_DATA_HOME` inside the sandbox.
  var environment: [String: String] {
    var env = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("ACCORD_") }
    env["ACCORD_DB"] = db
    env["ACCORD_TODAY"] = Self.today
    env["HOME"] = folder + "/home"
    env["XDG_DATA_HOME"] = folder + "/xdg"
    return env
  }

  /// Starts `accord` with raw-byte `arguments`, without waiting for it.
  func start(_ arguments: [[UInt8]], environment extra: [String: String] = [:]) throws -> ChildProcess {
    try ChildProcess(
      try AccordBinary.path(), arguments, environment: environment.merging(extra) { $1 }, folder: folder)
  }

  func start(_ arguments: [String], environment extra: [String: String] = [:]) throws -> ChildProcess {
    try start(arguments.map { Array($0.utf8) }, environment: extra)
  }

  /// Runs `accord` with raw-byte `arguments` to the end, as a ``RunResult`` whose arguments show
  /// the bytes decoded with replacement characters. A run that dies of a signal is recorded as an
  /// issue.
  func runBytes(_ arguments: [[UInt8]], sourceLocation: SourceLocation = #_sourceLocation) throws -> RunResult
  {
    let child = try start(arguments)
    let ending = child.wait()
    let shown = arguments.map { String(decoding: $0, as: UTF8.self) }
    let status: Int32
    switch ending {
    case .exited(let code): status = code
    case .signaled(let signal):
      Issue.record("accord died of signal \(signal)", sourceLocation: sourceLocation)
      status = 128 + signal
    }
    return RunResult(arguments: shown, status: status, stdout: child.stdout, stderr: child.stderr)
  }
}
