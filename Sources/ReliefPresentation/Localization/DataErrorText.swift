import ReliefDomain
import ReliefStoreAPI

extension ErrorText {
  /// Words a refusal of an import, a backup or a check.
  package static func describe(_ error: DataError, _ t: Localizer) -> String {
    switch error {
    case .caseExists(let id):
      return t("data.error.case-exists", ["id": id.description])
    case .caseNumberGap(let id, let missing):
      return t("data.error.number-gap", ["id": id.description, "missing": missing.description])
    case .stateDiffers(let id, let file, let replayed):
      return t(
        "data.error.state-differs",
        ["id": id.description, "file": file.rawValue, "replayed": replayed.rawValue])
    case .eventStateDiffers(let id, let seq, let file, let replayed):
      return t(
        "data.error.event-state-differs",
        [
          "id": id.description, "seq": String(seq), "file": file.rawValue,
          "replayed": replayed.rawValue,
        ])
    case .backupTargetExists(let path):
      return t("data.error.backup-exists", ["path": path])
    }
  }
}
