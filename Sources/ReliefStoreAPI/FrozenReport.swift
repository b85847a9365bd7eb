import ReliefDomain

/// A monthly summary as frozen by `report monthly --freeze`: the document as submitted.
public struct FrozenReport: Equatable, Sendable {
  /// The month.
  public var month: YearMonth
  /// The region filter it was made with, nil for every region.
  public var region: RegionPrefix?
  /// When it was frozen.
  public var frozenAt: Instant
  /// Who froze it.
  public var officer: String
  /// The report's figures as JSON text, exactly as submitted.
  public var figures: String

  /// Creates one (for the stores).
  package init(
    month: YearMonth, region: RegionPrefix? = nil, frozenAt: Instant, officer: String,
    figures: String
  ) {
    self.month = month
    self.region = region
    self.frozenAt = frozenAt
    self.officer = officer
    self.figures = figures
  }
}
