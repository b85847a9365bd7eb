import ReliefDomain

/// An enterprise a service names.
public struct ServedEnterprise: Equatable, Sendable {
  /// Its code.
  public var uscc: USCC
  /// Its registered name.
  public var name: String

  /// Creates one (for the stores).
  package init(uscc: USCC, name: String) {
    self.uscc = uscc
    self.name = name
  }
}

/// A service activity as stored.
public struct ServiceRecord: Equatable, Sendable {
  /// The service's number.
  public var id: Int64
  /// What kind of service.
  public var type: ServiceType
  /// The local day it was delivered.
  public var date: LocalDate
  /// Where it took place.
  public var region: RegionCode?
  /// The campaign it belongs to.
  public var campaign: String?
  /// A free-text note.
  public var note: String?
  /// How many enterprises it served.
  public var served: Int
  /// The enterprises it names, in order of registration.
  public var enterprises: [ServedEnterprise]
  /// Who logged it.
  public var officer: String
  /// When it was logged.
  public var recordedAt: Instant

  /// Creates one (for the stores).
  package init(
    id: Int64, type: ServiceType, date: LocalDate, region: RegionCode? = nil,
    campaign: String? = nil, note: String? = nil, served: Int, enterprises: [ServedEnterprise],
    officer: String, recordedAt: Instant
  ) {
    self.id = id
    self.type = type
    self.date = date
    self.region = region
    self.campaign = campaign
    self.note = note
    self.served = served
    self.enterprises = enterprises
    self.officer = officer
    self.recordedAt = recordedAt
  }
}

/// Filters of `relief service list`.
public struct ServiceFilter: Sendable {
  public var type: ServiceType?
  public var region: RegionPrefix?
  /// The first day, inclusive.
  public var from: LocalDate?
  /// The last day, inclusive.
  public var to: LocalDate?
  /// Services whose campaign contains this text.
  public var campaign: String?
  /// Services naming this enterprise.
  public var enterprise: USCC?
  public var limit: Int

  /// Creates a filter; a limit of 0 lists everything.
  public init(
    type: ServiceType? = nil, region: RegionPrefix? = nil, from: LocalDate? = nil,
    to: LocalDate? = nil, campaign: String? = nil, enterprise: USCC? = nil, limit: Int = 100
  ) {
    self.type = type
    self.region = region
    self.from = from
    self.to = to
    self.campaign = campaign
    self.enterprise = enterprise
    self.limit = limit
  }
}
