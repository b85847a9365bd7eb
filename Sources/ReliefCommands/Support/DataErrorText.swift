import ReliefDomain
import ReliefStore

extension ErrorText {
  /// Words a refusal of an import, a backup or a check.
  static func describe(_ error: DataError, _ t: Localizer) -> String {
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
    case .unknownServiceType(let value):
      return t(
        "data.error.service-type",
        ["value": value, "values": ServiceRecord.types.joined(separator: ", ")])
    case .enterpriseListedTwice(let uscc):
      return t("data.error.listed-twice", ["uscc": uscc.rawValue])
    case .servedBelowListed(let served, let listed):
      return t("data.error.served-below", ["served": String(served), "listed": String(listed)])
    case .servedOutOfRange(let served):
      return t("data.error.served-range", ["served": String(served)])
    case .backupTargetExists(let path):
      return t("data.error.backup-exists", ["path": path])
    case .backupTargetIsDatabase(let path):
      return t("data.error.backup-is-database", ["path": path])
    case .backupFailed(let path, let reason):
      return t("data.error.backup-failed", ["path": path, "reason": reason])
    }
  }
}
