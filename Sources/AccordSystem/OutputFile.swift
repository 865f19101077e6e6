/// A file the user named for Accord to write (`export -o`, `report -o`): written whole or not at
/// all, and private to its owner. The bytes go to a new file beside it (`.NAME.partial-PID`, mode
/// 0600 whatever the umask, as a backup's copy), which is put on the disk and only then renamed to
/// the name given, in one step. A write that fails, or a command that fails while writing, removes
/// the new file and leaves the one that was there before as it was.
public enum OutputFile {
  /// Why a file could not be written, in one line: `cannot write PATH: REASON`.
  public struct Failure: Error, Sendable, CustomStringConvertible {
    public let path: String
    public let reason: String

    public var description: String { "cannot write \(path): \(reason)" }
  }

  /// Writes `text` (UTF-8) to `path`.
  public static func write(_ text: String, to path: String) throws {
    try write(to: path) { descriptor in
      do {
        try System.writeAll(descriptor, text)
      } catch {
        throw Failure(path: path, reason: "\(error)")
      }
    }
  }

  /// Runs `body` with the descriptor of a new file beside `path` to write to; when it returns,
  /// gives that file the name `path`. Whatever `body` throws is thrown on, after the new file is
  /// removed; failures of the file itself are ``Failure``s.
  public static func write(to path: String, _ body: (Int32) throws -> Void) throws {
    let temporary = temporaryName(for: path)
    let descriptor: Int32
    do {
      descriptor = try createBeside(temporary)
    } catch {
      throw Failure(path: path, reason: "\(error)")
    }
    do {
      try body(descriptor)
    } catch {
      System.close(descriptor)
      System.remove(temporary)
      throw error
    }
    do {
      try System.syncAndClose(descriptor)
      try System.rename(temporary, to: path)
    } catch {
      System.remove(temporary)
      throw Failure(path: path, reason: "\(error)")
    }
    System.syncFolder(folder(of: path))
  }

  /// The name a file is written under until it is complete: `.NAME.partial-PID` in its folder.
  public static func temporaryName(for path: String) -> String {
    let name = path.split(separator: "/", omittingEmptySubsequences: false).last.map(String.init) ?? path
    return folder(of: path) + "/." + name + ".partial-" + String(System.processID)
  }

  /// The folder `path` is in: `.` for a bare name, `/` for a name at the root.
  static func folder(of path: String) -> String {
    guard let slash = path.lastIndex(of: "/") else { return "." }
    return slash == path.startIndex ? "/" : String(path[..<slash])
  }

  /// A new private file at `temporary`. One left there by an earlier process of the same id, which
  /// was killed before it could remove it, is removed first.
  private static func createBeside(_ temporary: String) throws(SystemError) -> Int32 {
    do throws(SystemError) {
      return try System.createPrivateFile(temporary)
    } catch let error where error == .alreadyExists {
      System.remove(temporary)
      return try System.createPrivateFile(temporary)
    }
  }
}
