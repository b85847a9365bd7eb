import Foundation
import GRDB

extension ReliefStore {
  /// Copies the database to `path` with SQLite's online backup API: a consistent snapshot taken
  /// in one step inside a read transaction, so officers writing meanwhile neither wait nor
  /// disturb it. The copy is written beside the target, readable by its owner only, and renamed
  /// into place when complete, so that no half-written backup ever carries the target's name.
  public func backup(to path: String, replacing: Bool) throws {
    try OutputTarget.check(path, database: self.path)
    if FileManager.default.fileExists(atPath: path), !replacing {
      throw DataError.backupTargetExists(path: path)
    }
    let output = try OutputFile(path: path, database: self.path)
    do {
      try output.handOver()
      var configuration = Configuration()
      configuration.busyMode = .timeout(30)
      let destination = try DatabaseQueue(path: output.temporary, configuration: configuration)
      try queue.backup(to: destination)
      // A backup is one self-contained file: no write-ahead log beside it.
      try destination.writeWithoutTransaction { db in
        _ = try String.fetchOne(db, sql: "PRAGMA journal_mode = DELETE")
      }
      try destination.close()
      try output.commit()
    } catch let error as DatabaseError {
      output.discard()
      throw OutputError.cannotWrite(path: path, reason: Self.reason(error))
    } catch {
      output.discard()
      throw error
    }
  }

  /// What SQLite's error says about a write: a full disk as the system words it. SQLite's backup
  /// leaves its connection's message at "not an error", so the result code is what tells.
  private static func reason(_ error: DatabaseError) -> OutputError.Reason {
    switch error.resultCode {
    case .SQLITE_FULL: return .system(ENOSPC)
    case .SQLITE_IOERR: return .system(EIO)
    default:
      if let message = error.message, message != "not an error" { return .message(message) }
      return .message("SQLite error \(error.resultCode.rawValue)")
    }
  }
}
