import Foundation
import ReliefStoreAPI

extension ErrorText {
  /// Words a refused or failed output: a file (`--output`, `db backup`) or standard output.
  package static func describe(_ error: OutputError, _ t: Localizer) -> String {
    switch error {
    case .isDatabase(let path):
      return t("output.error.is-database", ["path": path])
    case .notAFile(let path, let kind):
      return t(
        "output.error.not-a-file", ["path": path, "kind": t("output.kind.\(kind.rawValue)")])
    case .cannotWrite(let path, let reason):
      return t("output.error.cannot-write", ["path": path, "reason": describe(reason, t)])
    case .standardOutput(let reason):
      return t("output.error.standard-output", ["reason": describe(reason, t)])
    }
  }

  /// A system error in the reader's language where the table has it, else as the system says it.
  package static func describe(_ reason: OutputError.Reason, _ t: Localizer) -> String {
    switch reason {
    case .message(let message):
      return message
    case .system(let number):
      guard let name = reasonNames[number] else { return String(cString: strerror(number)) }
      return t("output.reason.\(name)")
    }
  }

  /// The system errors a write commonly meets, by the names of their table keys.
  private static let reasonNames: [Int32: String] = [
    ENOSPC: "no-space", EDQUOT: "quota", EFBIG: "too-large", EIO: "io", EBADF: "closed",
    EPIPE: "pipe", EACCES: "access", EPERM: "access", EROFS: "read-only", ENOENT: "no-folder",
    ENOTDIR: "no-folder",
  ]
}
