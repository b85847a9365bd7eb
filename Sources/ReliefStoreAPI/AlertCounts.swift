import ReliefDomain

/// Where the working-day arrangement of a year comes from.
public enum CalendarSource: String, Sendable {
  /// Shipped with Relief.
  case official
  /// Imported by an officer.
  case imported
}

/// How many running deadlines are at each alert level on a day, and how many re-reviews are due
/// (counted apart: a reminder is no deadline).
public struct AlertCounts: Equatable, Sendable {
  public var red: Int
  public var yellow: Int
  public var blue: Int
  /// Re-review reminders that are due (`CaseClock.isReReviewDue(on:)`).
  public var reReviewDue: Int

  /// Every running deadline.
  public var running: Int { red + yellow + blue }

  /// Creates one (for the stores).
  package init(red: Int, yellow: Int, blue: Int, reReviewDue: Int) {
    self.red = red
    self.yellow = yellow
    self.blue = blue
    self.reReviewDue = reReviewDue
  }
}
