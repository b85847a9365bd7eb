import Foundation
import ReliefDomain

/// The result of walking the hash chain.
public struct ChainVerification: Equatable, Sendable {
  /// An event whose stored hash does not match its content and the previous hash.
  public struct Break: Equatable, Sendable {
    /// The event's row id (its position in the chain).
    public var eventID: Int64
    /// The case it belongs to, such as `AR-2026-000001`.
    public var caseCode: String
    /// Its number within the case.
    public var seq: Int

    /// Creates one (for the stores).
    package init(eventID: Int64, caseCode: String, seq: Int) {
      self.eventID = eventID
      self.caseCode = caseCode
      self.seq = seq
    }
  }

  /// The event at an anchor's position, as the walk found it.
  public struct Position: Equatable, Sendable {
    /// Its stored hash.
    public var hash: Data
    /// The case it belongs to.
    public var caseCode: String
    /// Its number within the case.
    public var seq: Int

    /// Creates one (for the stores).
    package init(hash: Data, caseCode: String, seq: Int) {
      self.hash = hash
      self.caseCode = caseCode
      self.seq = seq
    }
  }

  /// How many events were checked.
  public var checked: Int
  /// The first event that does not match, or nil when the whole chain holds.
  public var firstBreak: Break?
  /// The stored hash of the last event checked (the genesis hash when there is none).
  public var head: Data
  /// The event at the position asked for (an anchor's count), when the walk reached it.
  public var atPosition: Position?

  /// The anchor of the history walked, when the whole chain holds.
  public var anchor: HistoryAnchor? {
    firstBreak == nil ? HistoryAnchor(count: checked, head: head) : nil
  }

  /// What the history says about an anchor taken earlier; nil when the chain itself is broken
  /// (that break is the finding).
  public func verdict(on anchor: HistoryAnchor) -> HistoryAnchor.Verdict? {
    guard firstBreak == nil else { return nil }
    if anchor.count == 0 { return .extended }
    guard let found = atPosition, checked >= anchor.count else {
      return .eventsRemoved(events: checked)
    }
    return found.hash == anchor.head ? .extended : .rewritten(position: anchor.count, at: found)
  }

  /// Creates one (for the stores).
  package init(checked: Int, firstBreak: Break? = nil, head: Data, atPosition: Position? = nil) {
    self.checked = checked
    self.firstBreak = firstBreak
    self.head = head
    self.atPosition = atPosition
  }
}

/// A short line that pins the history: how many events it held and the hash of the last one,
/// `relief-anchor 1234 <64 hexadecimal digits>`. Kept outside the database (printed on the
/// monthly report, noted by the officer), it lets `relief db verify --anchor` tell whether the
/// history still extends it: since every hash covers all the events before it, the event at that
/// position still carrying that hash means none of them was removed or changed.
public struct HistoryAnchor: Equatable, Sendable, CustomStringConvertible {
  /// What the history says about an anchor.
  public enum Verdict: Equatable, Sendable {
    /// The history still holds the anchor's events, unchanged (and maybe more after them).
    case extended
    /// The history holds fewer events than the anchor names: events were removed.
    case eventsRemoved(events: Int)
    /// The event at the anchor's position has another hash: the history was rewritten.
    case rewritten(position: Int, at: ChainVerification.Position)
  }

  /// The word every anchor starts with.
  public static let tag = "relief-anchor"

  /// The number of events in the chain.
  public var count: Int
  /// The hash of the last of them (32 bytes; the genesis hash when there are none).
  public var head: Data

  /// Creates an anchor.
  public init(count: Int, head: Data) {
    self.count = count
    self.head = head
  }

  /// Reads an anchor line strictly: `relief-anchor`, the count in decimal digits (no sign, no
  /// leading zero), the head as 64 lowercase hexadecimal digits, separated by single spaces;
  /// spaces and a line end around the line are ignored. Nil for anything else.
  public init?(line: String) {
    let trimmed = line.trimmingCharacters(in: .whitespacesAndNewlines)
    let parts = trimmed.split(separator: " ", omittingEmptySubsequences: false)
    guard parts.count == 3, parts[0] == Self.tag else { return nil }
    let digits = parts[1]
    guard (1...18).contains(digits.count), digits.allSatisfy({ ("0"..."9").contains($0) }),
      digits == "0" || digits.first != "0", let count = Int(digits)
    else { return nil }
    let hex = Array(parts[2].utf8)
    guard hex.count == 64 else { return nil }
    var bytes = [UInt8]()
    bytes.reserveCapacity(32)
    for index in stride(from: 0, to: 64, by: 2) {
      guard let high = Self.nibble(hex[index]), let low = Self.nibble(hex[index + 1]) else {
        return nil
      }
      bytes.append(high << 4 | low)
    }
    // An empty history's anchor can only carry the genesis hash.
    guard count > 0 || bytes.allSatisfy({ $0 == 0 }) else { return nil }
    self.init(count: count, head: Data(bytes))
  }

  /// The head as 64 lowercase hexadecimal digits.
  public var headHex: String {
    head.map { byte in
      let text = String(byte, radix: 16)
      return byte < 16 ? "0" + text : text
    }.joined()
  }

  /// `relief-anchor 1234 9f86d0…`.
  public var description: String { "\(Self.tag) \(count) \(headHex)" }

  private static func nibble(_ byte: UInt8) -> UInt8? {
    switch byte {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
    case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
    default: return nil
    }
  }
}
