/// The kinds of service activity an agency delivers (Docs/reports.md, services).
public enum ServiceType: String, CaseIterable, Codable, Sendable {
  case policyBriefing = "policy-briefing"
  case training
  case financingMatchmaking = "financing-matchmaking"
  case consultation
  case onSiteVisit = "on-site-visit"
  case legalAid = "legal-aid"
  case digitalTransformation = "digital-transformation"
  case other
}

/// A service activity as an officer logs it: the enterprises listed one by one, or a count of
/// those served (a briefing to 200 firms), or both when a few of many are named.
public struct ServiceDraft: Equatable, Sendable {
  /// What kind of service.
  public var type: ServiceType
  /// The local day it was delivered.
  public var date: LocalDate
  /// The enterprises named, in the order given.
  public var enterprises: [USCC]
  /// How many enterprises were served, when they are not all named.
  public var count: Int?
  /// Where it took place; else the region of the first enterprise named.
  public var region: RegionCode?
  /// The campaign it belongs to, such as 惠企政策进万企.
  public var campaign: String?
  /// A free-text note.
  public var note: String?

  /// Creates a draft.
  public init(
    type: ServiceType, date: LocalDate, enterprises: [USCC] = [], count: Int? = nil,
    region: RegionCode? = nil, campaign: String? = nil, note: String? = nil
  ) {
    self.type = type
    self.date = date
    self.enterprises = enterprises
    self.count = count
    self.region = region
    self.campaign = campaign
    self.note = note
  }

  /// How many enterprises the service counts as serving: the count when given, else each named
  /// enterprise once.
  public var served: Int { count ?? enterprises.count }

  /// The draft with its text cleaned and each enterprise named once; refuses a service that
  /// serves nobody, and a count below the number of enterprises named.
  public func validated() throws(DomainError) -> ServiceDraft {
    var copy = self
    do {
      copy.campaign = try Text.clean(campaign, field: "campaign", required: false, maxLength: 80)
      copy.note = try Text.clean(
        note, field: "note", required: false, maxLength: 4000, allowNewlines: true)
    } catch {
      throw .text(error)
    }
    var seen = Set<USCC>()
    copy.enterprises = enterprises.filter { seen.insert($0).inserted }
    if let count {
      guard count >= 1 else {
        throw .invalidValue(field: "count", value: String(count), expected: "1 or more")
      }
      guard count >= copy.enterprises.count else {
        throw .serviceCountBelowListed(count: count, listed: copy.enterprises.count)
      }
    } else if copy.enterprises.isEmpty {
      throw .serviceServesNobody
    }
    return copy
  }
}
