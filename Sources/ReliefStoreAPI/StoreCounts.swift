import ReliefDomain

/// How much is stored.
public struct StoreCounts: Equatable, Sendable {
  public var enterprises: Int
  public var cases: Int
  public var events: Int
  public var services: Int

  /// Creates one (for the stores).
  package init(enterprises: Int, cases: Int, events: Int, services: Int) {
    self.enterprises = enterprises
    self.cases = cases
    self.events = events
    self.services = services
  }
}
