import ReliefDomain

/// An enterprise with what Relief derives about it from its cases.
public struct EnterpriseView: Equatable, Sendable {
  /// The enterprise as registered.
  public var enterprise: Enterprise
  /// The highest tier it holds a valid recognition for.
  public var tier: Tier?
  /// True while one of its whitelist cases is `listed`.
  public var isWhitelisted: Bool
  /// When it was registered in Relief.
  public var createdAt: Instant
  /// When it was last changed.
  public var updatedAt: Instant

  /// Creates one (for the stores).
  package init(
    enterprise: Enterprise, tier: Tier? = nil, isWhitelisted: Bool, createdAt: Instant,
    updatedAt: Instant
  ) {
    self.enterprise = enterprise
    self.tier = tier
    self.isWhitelisted = isWhitelisted
    self.createdAt = createdAt
    self.updatedAt = updatedAt
  }
}

/// Filters of `relief enterprise list`.
public struct EnterpriseFilter: Sendable {
  public var region: RegionPrefix?
  public var size: EnterpriseSize?
  public var tier: Tier?
  public var whitelisted: Bool
  public var limit: Int

  /// Creates a filter; a limit of 0 lists everything.
  public init(
    region: RegionPrefix? = nil, size: EnterpriseSize? = nil, tier: Tier? = nil,
    whitelisted: Bool = false, limit: Int = 100
  ) {
    self.region = region
    self.size = size
    self.tier = tier
    self.whitelisted = whitelisted
    self.limit = limit
  }
}
