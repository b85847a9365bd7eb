import Foundation

/// Why a file output (`--output`, `db backup`) or standard output was refused or failed.
public enum OutputError: Error, Equatable, Sendable {
  /// What stands at an output's path when it is not a regular file.
  public enum Kind: String, Sendable {
    case symlink, fifo, device, directory, socket, other
  }

  /// Why a write failed: the system's error number, or SQLite's words.
  public enum Reason: Equatable, Sendable {
    case system(Int32)
    case message(String)
  }

  /// The output is the database or one of its `-wal`, `-shm` or `-journal` files.
  case isDatabase(path: String)
  /// The output exists and is not a regular file: Relief never writes through a link, into a
  /// device or a FIFO, nor replaces one.
  case notAFile(path: String, kind: Kind)
  /// The output could not be written (a full disk): the old file, if any, stays as it was.
  case cannotWrite(path: String, reason: Reason)
  /// Standard output is closed or full.
  case standardOutput(Reason)
}

/// The checks every file output passes before anything is written, and the naming of the
/// temporary files outputs are written to.
public enum OutputTarget {
  /// Refuses `path` as an output when it is the database at `database` or one of its files (by
  /// path, `..`, symbolic link or hard link), or when something other than a regular file stands
  /// there (a symbolic link, FIFO, device, directory or socket).
  public static func check(_ path: String, database: String?) throws {
    var status = stat()
    if lstat(path, &status) == 0 {
      if let kind = kind(of: status.st_mode) { throw OutputError.notAFile(path: path, kind: kind) }
    }
    guard let database else { return }
    let files = databaseFiles(database)
    if files.contains(where: { sameFile($0, path) }) {
      throw OutputError.isDatabase(path: path)
    }
  }

  /// The database's own files, under the name given and under the name its links resolve to.
  static func databaseFiles(_ database: String) -> [String] {
    let names = Set([database, canonical(database)])
    return names.flatMap { name in ["", "-wal", "-shm", "-journal"].map { name + $0 } }
  }

  /// What a non-regular file is; nil for a regular file.
  static func kind(of mode: mode_t) -> OutputError.Kind? {
    switch mode & S_IFMT {
    case S_IFREG: return nil
    case S_IFLNK: return .symlink
    case S_IFIFO: return .fifo
    case S_IFCHR, S_IFBLK: return .device
    case S_IFDIR: return .directory
    case S_IFSOCK: return .socket
    default: return .other
    }
  }

  /// True when both paths name one file: the same place once `..` and links are resolved (also
  /// when neither exists yet), or the same device and inode (a hard link).
  public static func sameFile(_ first: String, _ second: String) -> Bool {
    if canonical(first) == canonical(second) { return true }
    var a = stat()
    var b = stat()
    guard stat(first, &a) == 0, stat(second, &b) == 0 else { return false }
    return a.st_dev == b.st_dev && a.st_ino == b.st_ino
  }

  /// The path with its folder's links and `..` resolved (the file's own links too when it
  /// exists), so that a file not yet written still compares by place.
  static func canonical(_ path: String) -> String {
    if let resolved = realpath(path, nil) {
      defer { free(resolved) }
      return String(cString: resolved)
    }
    let url = URL(fileURLWithPath: path)
    if let folder = realpath(url.deletingLastPathComponent().path, nil) {
      defer { free(folder) }
      return String(cString: folder) + "/" + url.lastPathComponent
    }
    return url.standardizedFileURL.path
  }

  /// The temporary an output named `name` is written to, beside it: `.NAME.relief-PID-RANDOM
  /// .partial`, hidden, and naming the process writing it so that a later run can tell a file
  /// left by a killed writer from one still being written.
  static func temporaryName(for name: String) -> String {
    let random = String(UInt32.random(in: .min ... .max), radix: 16)
    return ".\(name).relief-\(getpid())-\(random).partial"
  }

  /// Removes from `folder` the temporaries of our own naming (and the `-journal`, `-wal` and
  /// `-shm` files SQLite keeps beside a backup's) whose writer no longer runs: what a killed
  /// export, report or backup left.
  public static func removeStaleTemporaries(in folder: String) {
    removeStale(in: folder) { name in
      guard let match = name.wholeMatch(of: temporaryPattern) else { return nil }
      return pid_t(match.output.1)
    }
  }

  /// Removes from the folder of `path` what a killed `relief demo` building `path` left:
  /// `NAME.building-PID` and its `-wal`, `-shm` and `-journal` files, when that process no
  /// longer runs.
  public static func removeStaleBuilds(of path: String) {
    let url = URL(fileURLWithPath: path)
    let prefix = url.lastPathComponent + ".building-"
    removeStale(in: url.deletingLastPathComponent().path) { name in
      guard name.hasPrefix(prefix),
        let match = name.dropFirst(prefix.count).wholeMatch(of: buildingPattern)
      else { return nil }
      return pid_t(match.output.1)
    }
  }

  nonisolated(unsafe) private static let temporaryPattern =
    /\..+\.relief-([0-9]{1,10})-[0-9a-f]{1,8}\.partial(?:-journal|-wal|-shm)?/
  nonisolated(unsafe) private static let buildingPattern = /([0-9]{1,10})(?:-journal|-wal|-shm)?/

  private static func removeStale(in folder: String, writer: (String) -> pid_t?) {
    guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
    for name in names {
      guard let pid = writer(name), !isRunning(pid) else { continue }
      let path = URL(fileURLWithPath: folder).appendingPathComponent(name).path
      var status = stat()
      // Only files of ours: never a link, folder or device that happens to bear the name.
      guard lstat(path, &status) == 0, kind(of: status.st_mode) == nil else { continue }
      unlink(path)
    }
  }

  /// True when a process with this id runs (or runs under another user).
  static func isRunning(_ pid: pid_t) -> Bool {
    guard pid > 0 else { return false }
    if pid == getpid() { return true }
    return kill(pid, 0) == 0 || errno == EPERM
  }
}

/// A file output written whole or not at all: the target is checked, the bytes go to a
/// temporary beside it (readable by its owner only), which is synced and renamed over the target
/// once complete. Any failure removes the temporary and leaves the old file as it was.
public final class OutputFile {
  /// The file asked for.
  public let path: String
  /// Where the bytes go until `commit()`.
  public let temporary: String
  private var descriptor: Int32
  private var finished = false

  /// Checks the target (see `OutputTarget.check`), removes stale temporaries of killed writers
  /// beside it, and creates the temporary.
  public init(path: String, database: String?) throws {
    try OutputTarget.check(path, database: database)
    let url = URL(fileURLWithPath: path)
    let folder = url.deletingLastPathComponent()
    OutputTarget.removeStaleTemporaries(in: folder.path)
    temporary =
      folder.appendingPathComponent(OutputTarget.temporaryName(for: url.lastPathComponent)).path
    descriptor = Foundation.open(temporary, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0o600)
    guard descriptor >= 0 else {
      throw OutputError.cannotWrite(path: path, reason: .system(errno))
    }
    self.path = path
  }

  deinit {
    if !finished { discard() }
  }

  /// Appends bytes; a failure (a full disk) throws `OutputError.cannotWrite`.
  public func write(_ bytes: [UInt8]) throws {
    try bytes.withUnsafeBytes { buffer in
      var offset = 0
      while offset < buffer.count {
        let written = Foundation.write(
          descriptor, buffer.baseAddress! + offset, buffer.count - offset)
        if written < 0 {
          if errno == EINTR { continue }
          throw OutputError.cannotWrite(path: path, reason: .system(errno))
        }
        offset += written
      }
    }
  }

  /// Closes the temporary without putting it in place, for a writer that fills it by its path
  /// (SQLite's backup).
  public func handOver() throws {
    try closeDescriptor()
  }

  /// Syncs the temporary to the disk and renames it over the target.
  public func commit() throws {
    if descriptor >= 0 {
      if fsync(descriptor) != 0 {
        throw OutputError.cannotWrite(path: path, reason: .system(errno))
      }
      try closeDescriptor()
    }
    guard rename(temporary, path) == 0 else {
      throw OutputError.cannotWrite(path: path, reason: .system(errno))
    }
    finished = true
  }

  /// Removes the temporary (and any SQLite file beside it); the target stays as it was.
  public func discard() {
    if descriptor >= 0 {
      Foundation.close(descriptor)
      descriptor = -1
    }
    for suffix in ["", "-journal", "-wal", "-shm"] {
      unlink(temporary + suffix)
    }
    finished = true
  }

  private func closeDescriptor() throws {
    let result = Foundation.close(descriptor)
    descriptor = -1
    // A network file system may report a full disk only when the file is closed.
    if result != 0 && errno != EINTR {
      throw OutputError.cannotWrite(path: path, reason: .system(errno))
    }
  }
}
