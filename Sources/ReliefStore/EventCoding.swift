import Foundation
import ReliefDomain

/// How events and details are written into JSON columns: compact, keys sorted, money in fen, so
/// that the same content always gives the same bytes (the hash chain relies on it).
enum StoredJSON {
  static func encoder() -> JSONEncoder {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    return encoder
  }

  static func encode(_ details: CaseDetails) throws -> String {
    var json = CompactJSON()
    json.write(details)
    return json.text
  }

  static func decodeDetails(_ text: String) throws -> CaseDetails {
    try JSONDecoder().decode(CaseDetails.self, from: Data(text.utf8))
  }

  private struct OpeningData: Codable {
    var opening: CaseOpening
  }

  /// The event's data column: its inputs, or for the opening the case as opened.
  static func data(of event: CaseEvent) throws -> String {
    var json = CompactJSON()
    if let opening = event.opening {
      json.object { json in
        json.key("opening")
        json.write(opening)
      }
    } else {
      json.write(event.inputs)
    }
    return json.text
  }

  /// The same columns through Foundation's `JSONEncoder`, which `CompactJSON` reproduces byte
  /// for byte (a test holds them to it).
  static func foundationEncoded(_ details: CaseDetails) throws -> String {
    String(decoding: try encoder().encode(details), as: UTF8.self)
  }

  static func foundationData(of event: CaseEvent) throws -> String {
    let bytes: Data
    if let opening = event.opening {
      bytes = try encoder().encode(OpeningData(opening: opening))
    } else {
      bytes = try encoder().encode(event.inputs)
    }
    return String(decoding: bytes, as: UTF8.self)
  }

  /// Reads an event's data column back.
  static func decodeData(_ text: String, name: EventName) throws -> (EventInputs, CaseOpening?) {
    if name == .open {
      return (
        EventInputs(), try JSONDecoder().decode(OpeningData.self, from: Data(text.utf8)).opening
      )
    }
    return (try JSONDecoder().decode(EventInputs.self, from: Data(text.utf8)), nil)
  }

  /// The detail the reports split a kind by (the `facet` column of cases): the debtor type, the
  /// relief type, the category or the tier. Fixed at opening.
  static func facet(of details: CaseDetails) -> String {
    switch details {
    case .arrears(let arrears): return arrears.debtorType.rawValue
    case .taxRefund(let taxRefund): return taxRefund.reliefType.rawValue
    case .whitelist(let whitelist): return whitelist.category.rawValue
    case .cultivation(let cultivation): return cultivation.tier.rawValue
    }
  }

  /// The key in a case's stored details of the detail its kind is split by: `facet(of:)` for the
  /// SQL that reads the details (a test holds the two together, and migration 0004's copy to them).
  static func facetKey(of kind: CaseKind) -> String {
    switch kind {
    case .arrears: return "debtorType"
    case .taxRefund: return "reliefType"
    case .whitelist: return "category"
    case .cultivation: return "tier"
    }
  }

  /// `facet(of:)` as SQL over a case row's `kind` and `details` columns: what `relief db check`
  /// compares the `facet` column with.
  static func facetSQL(kind: String, details: String) -> String {
    let kinds = CaseKind.allCases
    let value = { (kind: CaseKind) in "json_extract(\(details), '$.\(facetKey(of: kind))')" }
    let branches = kinds.dropLast().map { "WHEN \($0.sql) THEN \(value($0))" }
    return
      "CASE \(kind) \(branches.joined(separator: " ")) ELSE \(value(kinds[kinds.count - 1])) END"
  }

  /// The amount a case claims (the `claimed` column): owed, or claimed for relief.
  static func claimed(of details: CaseDetails) -> Money? {
    switch details {
    case .arrears(let arrears): return arrears.amountOwed
    case .taxRefund(let taxRefund): return taxRefund.amountClaimed
    case .whitelist, .cultivation: return nil
    }
  }

  /// The key in a case's stored details of the amount it claims, nil for a kind that claims none:
  /// `claimed(of:)` for the SQL that reads the details (held together by a test, as the facet).
  static func claimedKey(of kind: CaseKind) -> String? {
    switch kind {
    case .arrears: return "amountOwed"
    case .taxRefund: return "amountClaimed"
    case .whitelist, .cultivation: return nil
    }
  }

  /// `claimed(of:)` as SQL over a case row's `kind` and `details` columns, in fen.
  static func claimedSQL(kind: String, details: String) -> String {
    let branches = CaseKind.allCases.compactMap { kind in
      claimedKey(of: kind).map { "WHEN \(kind.sql) THEN json_extract(\(details), '$.\($0)')" }
    }
    return "CASE \(kind) \(branches.joined(separator: " ")) END"
  }

  /// The amount column of an event: what money it moved or recorded (an opening: the claim).
  static func amount(of event: CaseEvent) -> Int64? {
    if let details = event.opening?.details { return claimed(of: details)?.fen }
    return event.inputs.amount?.fen
  }
}

/// The stored JSON written by hand: what `JSONEncoder` with sorted keys and unescaped slashes
/// writes for details, openings and inputs, without its generic machinery (a third of the time
/// of opening a case). Keys are written in sorted order; absent values are left out.
struct CompactJSON {
  private(set) var bytes: [UInt8] = []
  private var needsComma = false

  init() {
    bytes.reserveCapacity(256)
  }

  var text: String { String(decoding: bytes, as: UTF8.self) }

  mutating func object(_ body: (inout CompactJSON) -> Void) {
    bytes.append(UInt8(ascii: "{"))
    needsComma = false
    body(&self)
    bytes.append(UInt8(ascii: "}"))
    needsComma = true
  }

  mutating func key(_ name: StaticString) {
    if needsComma { bytes.append(UInt8(ascii: ",")) }
    bytes.append(UInt8(ascii: "\""))
    name.withUTF8Buffer { bytes.append(contentsOf: $0) }
    bytes.append(UInt8(ascii: "\""))
    bytes.append(UInt8(ascii: ":"))
    needsComma = false
  }

  mutating func field(_ name: StaticString, _ value: String?) {
    guard let value else { return }
    key(name)
    string(value)
  }

  mutating func field(_ name: StaticString, _ value: Int64?) {
    guard let value else { return }
    key(name)
    bytes.append(contentsOf: String(value).utf8)
    needsComma = true
  }

  mutating func field(_ name: StaticString, _ value: Int?) {
    field(name, value.map(Int64.init))
  }

  mutating func string(_ value: String) {
    bytes.append(UInt8(ascii: "\""))
    for byte in value.utf8 {
      switch byte {
      case UInt8(ascii: "\""): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\"")])
      case UInt8(ascii: "\\"): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\\")])
      case 0x08: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "b")])
      case 0x0C: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "f")])
      case 0x0A: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
      case 0x0D: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "r")])
      case 0x09: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "t")])
      case 0..<0x20:
        let hex = Array("0123456789abcdef".utf8)
        bytes.append(contentsOf: Array("\\u00".utf8))
        bytes.append(hex[Int(byte >> 4)])
        bytes.append(hex[Int(byte & 0xF)])
      default: bytes.append(byte)
      }
    }
    bytes.append(UInt8(ascii: "\""))
    needsComma = true
  }

  mutating func write(_ details: CaseDetails) {
    object { json in
      switch details {
      case .arrears(let d):
        json.field("agreedAnnualRate", d.agreedAnnualRate?.tenThousandthsOfPercent)
        json.field("amountOwed", d.amountOwed.fen)
        json.field("amountRecovered", d.amountRecovered.fen)
        json.field("contract", d.contract)
        json.field("contractDate", d.contractDate?.description)
        json.field("debtor", d.debtor)
        json.field("debtorCode", d.debtorCode?.rawValue)
        json.field("debtorType", d.debtorType.rawValue)
        json.field("deliveredOn", d.deliveredOn?.description)
        json.field("extensionDays", d.extensionDays)
        json.field("handlingDepartment", d.handlingDepartment)
        json.field("kind", details.kind.rawValue)
        json.field("outOfScope", d.outOfScope)
        json.field("outcome", d.outcome?.rawValue)
        json.field("paymentDueDate", d.paymentDueDate.description)
        json.field("satisfaction", d.satisfaction?.rawValue)
      case .taxRefund(let d):
        json.field("amountApproved", d.amountApproved?.fen)
        json.field("amountClaimed", d.amountClaimed.fen)
        json.field("amountDisbursed", d.amountDisbursed?.fen)
        json.field("kind", details.kind.rawValue)
        json.field("reliefType", d.reliefType.rawValue)
        json.field("taxAuthority", d.taxAuthority)
        json.field("taxPeriod", d.taxPeriod)
      case .whitelist(let d):
        json.field("category", d.category.rawValue)
        json.field("chain", d.chain.rawValue)
        json.field("kind", details.kind.rawValue)
        json.key("recognizedRegions")
        json.bytes.append(UInt8(ascii: "["))
        json.needsComma = false
        for region in d.recognizedRegions {
          if json.needsComma { json.bytes.append(UInt8(ascii: ",")) }
          json.string(region.rawValue)
        }
        json.bytes.append(UInt8(ascii: "]"))
        json.needsComma = true
      case .cultivation(let d):
        json.field("banUntil", d.banUntil?.description)
        json.field("fastTrack", d.fastTrack)
        json.field("kind", details.kind.rawValue)
        json.field("priorTierEvidence", d.priorTierEvidence)
        json.field("score", d.score)
        json.field("tier", d.tier.rawValue)
        json.field("validUntil", d.validUntil?.description)
      }
    }
  }

  mutating func write(_ opening: CaseOpening) {
    object { json in
      json.field("assignee", opening.assignee)
      json.key("details")
      json.write(opening.details)
      json.field("enterprise", opening.enterprise.rawValue)
      json.field("title", opening.title)
    }
  }

  mutating func write(_ inputs: EventInputs) {
    object { json in
      json.field("amount", inputs.amount?.fen)
      json.field("assignee", inputs.assignee)
      json.field("banUntil", inputs.banUntil?.description)
      json.field("banYears", inputs.banYears)
      json.field("days", inputs.days)
      json.field("fastTrack", inputs.fastTrack)
      json.field("level", inputs.level)
      json.field("note", inputs.note)
      json.field("outcome", inputs.outcome?.rawValue)
      json.field("reason", inputs.reason)
      json.field("region", inputs.region?.rawValue)
      json.field("satisfaction", inputs.satisfaction?.rawValue)
      json.field("score", inputs.score)
      json.field("to", inputs.to)
      json.field("validUntil", inputs.validUntil?.description)
    }
  }
}
