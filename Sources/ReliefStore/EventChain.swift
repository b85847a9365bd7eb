import Crypto
import Foundation

/// The tamper-evident chain over events: each hash is SHA-256 of the previous event's hash and
/// the event's canonical content.
public enum EventChain {
  /// The "previous hash" of the first event.
  public static let genesis = Data(repeating: 0, count: 32)

  /// The content of an event as hashed: every stored column but the hash, each as a netstring
  /// (`length:bytes,`), so that no two different events share an encoding.
  public struct Content: Sendable {
    public var caseCode: String
    public var seq: Int
    public var name: String
    public var from: String?
    public var to: String
    public var at: Int64
    public var recordedAt: Int64
    public var officer: String
    public var amount: Int64?
    public var data: String

    public init(
      caseCode: String, seq: Int, name: String, from: String?, to: String, at: Int64,
      recordedAt: Int64, officer: String, amount: Int64?, data: String
    ) {
      self.caseCode = caseCode
      self.seq = seq
      self.name = name
      self.from = from
      self.to = to
      self.at = at
      self.recordedAt = recordedAt
      self.officer = officer
      self.amount = amount
      self.data = data
    }

    var canonical: Data {
      var bytes = Data()
      for field in [
        caseCode, String(seq), name, from ?? "-", to, String(at), String(recordedAt), officer,
        amount.map(String.init) ?? "-", data,
      ] {
        let utf8 = Data(field.utf8)
        bytes.append(contentsOf: Array(String(utf8.count).utf8))
        bytes.append(UInt8(ascii: ":"))
        bytes.append(utf8)
        bytes.append(UInt8(ascii: ","))
      }
      return bytes
    }
  }

  /// The hash of an event given the previous one.
  public static func hash(_ content: Content, previous: Data) -> Data {
    var hasher = SHA256()
    hasher.update(data: previous)
    hasher.update(data: content.canonical)
    return Data(hasher.finalize())
  }
}
