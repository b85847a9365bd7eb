import ReliefDomain

/// Why an import, a backup or a check refused something. The command line words each case
/// through its language tables.
public enum DataError: Error, Equatable, Sendable {
  /// A restored case's id is already taken.
  case caseExists(CaseID)
  /// A restored case's number follows one that is neither stored nor imported, which would leave
  /// a gap in the ids of its kind and year.
  case caseNumberGap(CaseID, missing: CaseID)
  /// A restored history ends in another state than the file says.
  case stateDiffers(CaseID, file: CaseState, replayed: CaseState)
  /// A restored event leads to another state than the file says.
  case eventStateDiffers(CaseID, seq: Int, file: CaseState, replayed: CaseState)
  /// The backup would replace an existing file.
  case backupTargetExists(path: String)
}
