/// The four kinds of case an agency handles.
public enum CaseKind: String, CaseIterable, Codable, Sendable {
  /// A complaint about an overdue payment (PRODUCT.md 3.1).
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
