/// The four kinds of case an agency handles.
public enum CaseKind: String, CaseIterable, Codable, Sendable {
  /// A complaint about an overdue payment (Docs/workflows.md).
  case arrears
  /// Tax and fee relief assistance (3.2).
  case taxRefund = "tax-refund"
  /// White-list enrolment (3.3).
  case whitelist
  /// Tiered cultivation up to little giant (3.4).
  case cultivation

  /// The case id prefix: `AR`, `TR`, `WL`, `CG`.
  public var idPrefix: String {
    switch self {
    case .arrears: return "AR"
    case .taxRefund: return "TR"
    case .whitelist: return "WL"
    case .cultivation: return "CG"
    }
  }

  /// The kind of an id prefix.
  public init?(idPrefix: String) {
    guard let kind = Self.allCases.first(where: { $0.idPrefix == idPrefix }) else { return nil }
    self = kind
  }

  /// The kind's workflow definition.
  public var workflow: Workflow {
    switch self {
    case .arrears: return Workflows.arrears
    case .taxRefund: return Workflows.taxRefund
    case .whitelist: return Workflows.whitelist
    case .cultivation: return Workflows.cultivation
    }
  }
}

/// A state of a workflow, such as `registered`.
public struct CaseState: RawRepresentable, Hashable, Sendable, Codable, Comparable,
  ExpressibleByStringLiteral, CustomStringConvertible
{
  /// The identifier used on the command line and in JSON.
  public let rawValue: String

  public init(rawValue: String) { self.rawValue = rawValue }
  public init(stringLiteral value: String) { self.rawValue = value }
  public var description: String { rawValue }
  public static func < (lhs: CaseState, rhs: CaseState) -> Bool { lhs.rawValue < rhs.rawValue }

  // The states of the workflows (Workflows.swift defines them with these constants; the
  // store's SQL names them through them too).
  public static let registered: CaseState = "registered"
  public static let awaitingDocuments: CaseState = "awaiting-documents"
  public static let accepted: CaseState = "accepted"
  public static let transferred: CaseState = "transferred"
  public static let resolved: CaseState = "resolved"
  public static let rejected: CaseState = "rejected"
  public static let closed: CaseState = "closed"
  public static let withdrawn: CaseState = "withdrawn"
  public static let applied: CaseState = "applied"
  public static let underReview: CaseState = "under-review"
  public static let approved: CaseState = "approved"
  public static let disbursed: CaseState = "disbursed"
  public static let reviewing: CaseState = "reviewing"
  public static let listed: CaseState = "listed"
  public static let suspended: CaseState = "suspended"
  public static let removed: CaseState = "removed"
  public static let candidate: CaseState = "candidate"
  public static let evaluating: CaseState = "evaluating"
  public static let recognized: CaseState = "recognized"
  public static let notRecognized: CaseState = "not-recognized"
  public static let revoked: CaseState = "revoked"
  public static let expired: CaseState = "expired"
}

/// An event of a workflow, such as `accept`.
public struct EventName: RawRepresentable, Hashable, Sendable, Codable, Comparable,
  ExpressibleByStringLiteral, CustomStringConvertible
{
  /// The identifier used on the command line and in JSON.
  public let rawValue: String

  public init(rawValue: String) { self.rawValue = rawValue }
  public init(stringLiteral value: String) { self.rawValue = value }
  public var description: String { rawValue }
  public static func < (lhs: EventName, rhs: EventName) -> Bool { lhs.rawValue < rhs.rawValue }

  /// Opening a case.
  public static let open: EventName = "open"
  /// A free-text note.
  public static let note: EventName = "note"
  /// Handing the case to an officer.
  public static let assign: EventName = "assign"
  /// Supervision (督办).
  public static let supervise: EventName = "supervise"

  // The events of the workflows (Workflows.swift defines them with these constants; the store's
  // SQL names them through them too).
  public static let requestDocuments: EventName = "request-documents"
  public static let receiveDocuments: EventName = "receive-documents"
  public static let accept: EventName = "accept"
  public static let reject: EventName = "reject"
  public static let transfer: EventName = "transfer"
  public static let extend: EventName = "extend"
  public static let resolve: EventName = "resolve"
  public static let reopen: EventName = "reopen"
  public static let close: EventName = "close"
  public static let withdraw: EventName = "withdraw"
  public static let pay: EventName = "pay"
  public static let review: EventName = "review"
  public static let approve: EventName = "approve"
  public static let disburse: EventName = "disburse"
  public static let recognize: EventName = "recognize"
  public static let suspend: EventName = "suspend"
  public static let reinstate: EventName = "reinstate"
  public static let remove: EventName = "remove"
  public static let apply: EventName = "apply"
  public static let evaluate: EventName = "evaluate"
  public static let decline: EventName = "decline"
  public static let renew: EventName = "renew"
  public static let revoke: EventName = "revoke"
  public static let expire: EventName = "expire"
  public static let failReview: EventName = "fail-review"
}

/// A case id: `AR-2026-000001`, prefix per kind, year of opening, sequence per kind and year.
public struct CaseID: Hashable, Comparable, Sendable, CustomStringConvertible {
  /// The kind.
  public let kind: CaseKind
  /// The local year of opening.
  public let year: Int
  /// The sequence number within kind and year, from 1.
  public let number: Int

  /// Creates an id.
  public init(kind: CaseKind, year: Int, number: Int) {
    self.kind = kind
    self.year = year
    self.number = number
  }

  /// Parses `AR-2026-000001` (the prefix in any case); nil for anything else.
  public init?(_ text: String) {
    let parts = text.trimmingCharacters(in: .whitespaces).uppercased().split(
      separator: "-", omittingEmptySubsequences: false)
    guard parts.count == 3, let kind = CaseKind(idPrefix: String(parts[0])),
      parts[1].count == 4, parts[2].count == 6,
      parts[1].allSatisfy(\.isASCIIDigit), parts[2].allSatisfy(\.isASCIIDigit),
      let year = Int(parts[1]), let number = Int(parts[2]), number > 0,
      LocalDate.supportedYears.contains(year)
    else { return nil }
    self.init(kind: kind, year: year, number: number)
  }

  public var description: String {
    kind.idPrefix + "-" + LocalDate.pad(year, 4) + "-" + LocalDate.pad(number, 6)
  }

  public static func < (lhs: CaseID, rhs: CaseID) -> Bool {
    (lhs.kind.idPrefix, lhs.year, lhs.number) < (rhs.kind.idPrefix, rhs.year, rhs.number)
  }
}
