import ReliefDomain

/// The agency's settings as stored: time zone, working-day calendar, clock lengths.
public struct Agency: Sendable {
  /// The time zone months and days are cut in.
  public var zone: AgencyZone
  /// The official calendars plus imported years.
  public var calendar: WorkingCalendar
  /// The clock lengths.
  public var clocks: ClockSettings
  /// Every stored setting, raw.
  public var settings: [String: String]

  /// True for a database built by `relief demo`.
  public var isDemo: Bool { settings[Settings.demo] == "1" }

  /// The context a decision needs.
  public func context(now: Instant, standing: EnterpriseStanding? = nil) -> DecisionContext {
    DecisionContext(now: now, zone: zone, calendar: calendar, clocks: clocks, standing: standing)
  }

  /// Creates one (for the stores).
  package init(
    zone: AgencyZone, calendar: WorkingCalendar, clocks: ClockSettings, settings: [String: String]
  ) {
    self.zone = zone
    self.calendar = calendar
    self.clocks = clocks
    self.settings = settings
  }
}

/// Settings keys.
public enum Settings {
  /// The agency's IANA time zone.
  public static let timezone = "timezone"
  /// Set to 1 in databases `relief demo` built.
  public static let demo = "demo"
}
