import CSQLite

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// What this process can do with a database file before it opens it, and how it opens one that it
/// may only read.
///
/// SQLite in WAL mode makes two files beside the database, `-wal` and `-shm`, even to read it, with
/// the database file's permissions. Were a read-only file read that way, it would leave a
/// read-only `-shm` behind, and the file would stay unwritable even after its owner made it writable
/// again. So a file that this process cannot write (or whose folder it cannot write) is opened
/// *immutable* while no `-wal` file says that someone is writing it: read without locks and
/// without any file beside it.
public enum DatabaseAccess {
  /// True when this process can change the file and make files in its folder. Special names
  /// (`:memory:`, `file:` URIs) are left to SQLite.
  public static func canWrite(_ path: String) -> Bool {
    if isSpecial(path) { return true }
    return access(path, W_OK) == 0 && access(folder(of: path), W_OK) == 0
  }

  /// True when `path` names an existing file (or a link to one) that is not a folder or a device.
  public static func isRegularFile(_ path: String) -> Bool {
    var info = stat()
    return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG
  }

  /// Opens an existing database for reading only: immutable when this process cannot write it
  /// and nobody has it open for writing (no `-wal` file), else read-only through SQLite's locks.
  public static func openForReading(_ path: String) throws(DatabaseError) -> Connection {
    if !isSpecial(path) && !canWrite(path) && access(path + "-wal", F_OK) != 0 {
      return try Connection(path: path, create: false, immutable: true)
    }
    return try Connection(path: path, create: false, readOnly: true)
  }

  static func isSpecial(_ path: String) -> Bool { path == ":memory:" || path.hasPrefix("file:") }

  /// The folder that holds `path`.
  package static func folder(of path: String) -> String {
    guard let slash = path.lastIndex(of: "/") else { return "." }
    return slash == path.startIndex ? "/" : String(path[..<slash])
  }

  /// `path` as an SQLite URI that opens it immutable: `file:///data/accord.sqlite?immutable=1`.
  static func immutableURI(_ path: String) -> String {
    var bytes = Array("file:".utf8)
    if path.hasPrefix("/") { bytes += Array("//".utf8) }  // an empty authority before the path
    let hex = Array("0123456789ABCDEF".utf8)
    for byte in path.utf8 {
      switch byte {
      case UInt8(ascii: "%"), UInt8(ascii: "?"), UInt8(ascii: "#"):
        bytes += [UInt8(ascii: "%"), hex[Int(byte >> 4)], hex[Int(byte & 0xF)]]
      default: bytes.append(byte)
      }
    }
    return String(decoding: bytes, as: UTF8.self) + "?immutable=1"
  }

  /// True when SQLite's I/O error `code` came from a full disk (or an exhausted quota), which
  /// SQLite reports as a failed write rather than as `SQLITE_FULL` when it happens outside the
  /// database file (making the `-shm` file, say).
  static func diskFull(code: Int32, connection: OpaquePointer) -> Bool {
    guard code & 0xff == SQLITE_IOERR || code & 0xff == SQLITE_CANTOPEN else { return false }
    let cause = sqlite3_system_errno(connection)
    return cause == ENOSPC || cause == EDQUOT
  }
}
