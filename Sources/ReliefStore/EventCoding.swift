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
    String(decoding: try encoder().encode(details), as: UTF8.self)
  }

  static func decodeDetails(_ text: String) throws -> CaseDetails {
    try JSONDecoder().decode(CaseDetails.self, from: Data(text.utf8))
  }

  private struct OpeningData: Codable {
    var opening: CaseOpening
  }

  /// The event's data column: its inputs, or for the opening the case as opened.
  static func data(of event: CaseEvent) throws -> String {
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

  /// The amount column of an event: what money it moved or recorded.
  static func amount(of event: CaseEvent) -> Int64? {
    if let details = event.opening?.details {
      switch details {
      case .arrears(let arrears): return arrears.amountOwed.fen
      case .taxRefund(let taxRefund): return taxRefund.amountClaimed.fen
      default: return nil
      }
    }
    return event.inputs.amount?.fen
  }
}
