import AccordSQLite

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

extension AccordStore {
  /// Copies the whole database to `destination` with SQLite's online backup: the record as it
  /// stood when the copy began, whole and consistent, while other processes go on writing.
  ///
  /// The copy is written to a new file beside `destination` (mode 0600) and moved into place only
  /// once complete, so a failed or interrupted backup leaves no half-made copy and never damages
  /// an earlier one. An existing `destination` is replaced only with `replace`; the database
  /// itself never is.
  public func backup(to destination: String, replace: Bool) throws(StoreError) {
    guard let file = connection as? Connection else {
      throw .conflict("a team's database is backed up by its server's pg_dump, not page by page")
    }
    var source = stat()
    var target = stat()
    let targetExists = stat(destination, &target) == 0
    if targetExists {
      if stat(file.path, &source) == 0, source.st_dev == target.st_dev, source.st_ino == target.st_ino {
        throw .conflict("\(destination) is the database itself: name another file for the backup")
      }
      guard (target.st_mode & S_IFMT) == S_IFREG else {
        throw .conflict("\(destination) is a folder or a device: name a file for the backup")
      }
      guard replace else {
        throw .taken(.file(destination))
      }
    }

    let folder = DatabaseAccess.folder(of: destination)
    let name = destination.split(separator: "/").last.map(String.init) ?? destination
    let partial = folder + "/." + name + ".partial-" + String(getpid())
    let fd = open(partial, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0o600)
    guard fd >= 0 else {
      throw .cannotOpen(
        path: destination, reason: "cannot make the backup file: " + DatabaseLocation.errorText())
    }
    close(fd)
    do {
      try copyPages(of: file, into: partial)
      // Files that an earlier database by that name left behind would be read as part of the copy.
      for suffix in ["-wal", "-shm", "-journal"] { unlink(destination + suffix) }
      try moveIntoPlace(partial, destination, replace: replace)
    } catch {
      unlink(partial)
      unlink(partial + "-journal")
      throw error
    }
    let folderFD = open(folder, O_RDONLY | O_CLOEXEC)
    if folderFD >= 0 {
      fsync(folderFD)
      close(folderFD)
    }
  }

  /// Copies every page of the database into the (empty) database file at `path`, in one step:
  /// the read transaction that it holds meanwhile is what makes the copy consistent.
  private func copyPages(of file: Connection, into path: String) throws(StoreError) {
    do {
      let copy = try Connection(path: path, create: false)
      copy.tracesSQL = file.tracesSQL
      try file.copyPages(into: copy)
    } catch {
      throw StoreError(error)
    }
  }

  /// Gives the finished copy its name: atomically, and without overwriting unless `replace`.
  private func moveIntoPlace(_ partial: String, _ destination: String, replace: Bool) throws(StoreError) {
    if replace {
      guard rename(partial, destination) == 0 else {
        throw .cannotOpen(
          path: destination, reason: "cannot write the backup: " + DatabaseLocation.errorText())
      }
      return
    }
    // A hard link fails if the name was taken meanwhile; rename would overwrite it.
    if link(partial, destination) == 0 {
      unlink(partial)
      return
    }
    if errno == EEXIST {
      throw .taken(.file(destination))
    }
    // A file system without hard links: check once more, then rename.
    guard access(destination, F_OK) != 0 else {
      throw .taken(.file(destination))
    }
    guard rename(partial, destination) == 0 else {
      throw .cannotOpen(path: destination, reason: "cannot write the backup: " + DatabaseLocation.errorText())
    }
  }
}
