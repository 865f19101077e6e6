import CSQLite

/// Whole copies of a database: page by page into another connection's (SQLite's online backup),
/// and as an image in memory.
extension Connection {
  /// Copies every page of this connection's main database into `copy`'s, in one step: the read
  /// transaction that it holds meanwhile is what makes the copy consistent. Another connection's
  /// lock is waited out, up to the busy timeout.
  package func copyPages(into copy: Connection) throws(DatabaseError) {
    guard let backup = sqlite3_backup_init(copy.handle, "main", handle, "main") else {
      throw copy.error(code: sqlite3_errcode(copy.handle), sql: nil)
    }
    var code: Int32
    var waited: Int32 = 0
    repeat {
      code = sqlite3_backup_step(backup, -1)
      if code & 0xff == SQLITE_BUSY || code & 0xff == SQLITE_LOCKED {
        guard waited < Connection.busyTimeoutMilliseconds else { break }
        sqlite3_sleep(20)
        waited += 20
      }
    } while code != SQLITE_DONE
      && (code & 0xff == SQLITE_BUSY || code & 0xff == SQLITE_LOCKED || code == SQLITE_OK)
    sqlite3_backup_finish(backup)
    guard code == SQLITE_DONE else { throw copy.error(code: code, sql: nil) }
  }

  /// The main database as bytes, as its file would hold them; nil if SQLite cannot make them.
  package func image() -> [UInt8]? {
    var size: sqlite3_int64 = 0
    guard let data = sqlite3_serialize(handle, "main", &size, 0) else { return nil }
    defer { sqlite3_free(data) }
    return Array(UnsafeBufferPointer(start: data, count: Int(size)))
  }

  /// Makes `image` (bytes of ``image()``) the main database, held in memory and free to grow.
  /// False if SQLite cannot: the database is then as it was.
  @discardableResult
  package func load(image: [UInt8]) -> Bool {
    guard let buffer = sqlite3_malloc64(UInt64(image.count)) else { return false }
    image.withUnsafeBytes { bytes in
      if let base = bytes.baseAddress { buffer.copyMemory(from: base, byteCount: image.count) }
    }
    let flags = UInt32(SQLITE_DESERIALIZE_FREEONCLOSE | SQLITE_DESERIALIZE_RESIZEABLE)
    let size = Int64(image.count)
    // On failure SQLite frees the buffer.
    return sqlite3_deserialize(handle, "main", buffer.assumingMemoryBound(to: UInt8.self), size, size, flags)
      == SQLITE_OK
  }

  /// Leaves the write-ahead log as it is when this connection closes, without the checkpoint that
  /// the last connection to a database makes: for a connection that must change nothing.
  package func skipCheckpointOnClose() {
    csqlite_db_config_flag(handle, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1)
  }
}
