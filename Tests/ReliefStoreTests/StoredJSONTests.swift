import Foundation
import Testing

@testable import ReliefDomain
@testable import ReliefStore

/// The JSON written into events and case rows feeds the hash chain, so it must be the same bytes
/// every time; `CompactJSON` writes it by hand and must match what `JSONEncoder` (sorted keys,
/// unescaped slashes) wrote before it.
@Suite("Stored JSON")
struct StoredJSONTests {
  /// A small deterministic generator for the cases below.
  struct Random {
    var state: UInt64
    mutating func next() -> UInt64 {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return state >> 11
    }
    mutating func int(_ range: ClosedRange<Int>) -> Int {
      range.lowerBound + Int(next() % UInt64(range.count))
    }
    mutating func maybe<T>(_ make: (inout Random) -> T) -> T? {
      int(0...2) == 0 ? nil : make(&self)
    }
    mutating func text() -> String {
      let pieces = [
        "深圳市某局", "\"", "\\", "/", "\n", "\t", "\r", "\u{8}", "\u{C}", "\u{1}", "\u{1F}", "a", "Z",
        "é", "😀", " ", "\u{7F}", "\u{2028}", "<", "&",
      ]
      return (0..<int(0...6)).map { _ in pieces[int(0...pieces.count - 1)] }.joined()
    }
    mutating func pick<T: CaseIterable>(_: T.Type) -> T where T.AllCases: RandomAccessCollection {
      let all = Array(T.allCases)
      return all[int(0...all.count - 1)]
    }
    mutating func date() -> LocalDate { LocalDate(dayNumber: int(18_000...22_000)) }
    mutating func money() -> Money { Money(fen: Int64(int(0...2_000_000_000))) }
  }

  static func details(_ random: inout Random) -> CaseDetails {
    switch random.int(0...3) {
    case 0:
      var d = ArrearsDetails(
        debtor: random.text(), debtorType: random.pick(DebtorType.self),
        debtorCode: random.maybe { _ in USCC(trusted: "91440305MA5FXHGE2A") },
        contract: random.maybe { $0.text() },
        amountOwed: random.money(), paymentDueDate: random.date(),
        agreedAnnualRate: random.maybe { Rate(tenThousandthsOfPercent: Int64($0.int(1...999_999))) }
      )
      d.amountRecovered = random.money()
      d.handlingDepartment = random.maybe { $0.text() }
      d.outcome = random.maybe { $0.pick(ArrearsOutcome.self) }
      d.extensionDays = random.int(0...60)
      d.satisfaction = random.maybe { $0.pick(Satisfaction.self) }
      return .arrears(d)
    case 1:
      var d = TaxRefundDetails(
        reliefType: random.pick(ReliefType.self), amountClaimed: random.money(),
        taxPeriod: random.maybe { $0.text() })
      d.amountApproved = random.maybe { $0.money() }
      d.amountDisbursed = random.maybe { $0.money() }
      return .taxRefund(d)
    case 2:
      var d = WhitelistDetails(
        category: random.pick(WhitelistCategory.self), chain: random.pick(SupplyChain.self))
      d.recognizedRegions = (0..<random.int(0...3)).map { _ in
        RegionCode(trusted: String(random.int(11...82)) + "0000")
      }
      return .whitelist(d)
    default:
      var d = CultivationDetails(
        tier: random.pick(Tier.self), priorTierEvidence: random.maybe { $0.text() })
      d.score = random.maybe { $0.int(0...100) }
      d.validUntil = random.maybe { $0.date() }
      d.fastTrack = random.maybe { $0.text() }
      return .cultivation(d)
    }
  }

  static func inputs(_ random: inout Random) -> EventInputs {
    var inputs = EventInputs(
      reason: random.maybe { $0.text() }, to: random.maybe { $0.text() },
      amount: random.maybe { $0.money() }, outcome: random.maybe { $0.pick(ArrearsOutcome.self) },
      days: random.maybe { $0.int(1...90) }, score: random.maybe { $0.int(0...100) },
      region: random.maybe { _ in RegionCode(trusted: "440305") },
      satisfaction: random.maybe { $0.pick(Satisfaction.self) }, note: random.maybe { $0.text() },
      fastTrack: random.maybe { $0.text() }, assignee: random.maybe { $0.text() })
    inputs.level = random.maybe { $0.int(1...9) }
    inputs.validUntil = random.maybe { $0.date() }
    return inputs
  }

  @Test("details, openings and inputs are the bytes JSONEncoder wrote, for every field and escape")
  func matchesJSONEncoder() throws {
    var random = Random(state: 20_261_102)
    for _ in 0..<3000 {
      let details = Self.details(&random)
      #expect(try StoredJSON.encode(details) == StoredJSON.foundationEncoded(details))
      let opening = CaseOpening(
        enterprise: USCC(trusted: "91440305MA5FXHGE2A"), title: random.text(),
        assignee: random.maybe { $0.text() }, details: details)
      let open = CaseEvent(
        seq: 1, name: .open, from: nil, to: "registered", at: Instant(seconds: 0),
        recordedAt: Instant(seconds: 0), officer: "li.wei", opening: opening)
      #expect(try StoredJSON.data(of: open) == StoredJSON.foundationData(of: open))
      let event = CaseEvent(
        seq: 2, name: "pay", from: "accepted", to: "accepted", at: Instant(seconds: 0),
        recordedAt: Instant(seconds: 0), officer: "li.wei", inputs: Self.inputs(&random))
      #expect(try StoredJSON.data(of: event) == StoredJSON.foundationData(of: event))
    }
  }

  @Test("what is written reads back as it was")
  func roundTrip() throws {
    var random = Random(state: 7)
    for _ in 0..<500 {
      let details = Self.details(&random)
      #expect(try StoredJSON.decodeDetails(StoredJSON.encode(details)) == details)
    }
  }
}
