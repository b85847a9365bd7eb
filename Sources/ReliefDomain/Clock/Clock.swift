/// How a clock counts its length.
public enum ClockUnit: String, Sendable, Codable, CaseIterable {
  /// Working days of the official calendar.
  case workingDays = "working-days"
  /// Calendar days, the end moved to the next working day when it falls on a day off.
  case days
  /// Until the case's `validUntil` date, with reminders before it.
  case validity
}

/// Where a clock starts counting from.
public enum ClockAnchor: String, Sendable, Codable {
  /// The day the case entered the state (again, after documents arrive).
  case stateEntry = "state-entry"
  /// The day the case was opened.
  case caseOpening = "case-opening"
}

/// When a clock applies: a fact of the case (a detail, by its key) holds one of some values. A
/// state with several clocks runs the first whose condition holds (tax relief: the decision
/// clock by relief type).
public struct ClockCondition: Sendable, Equatable {
  /// The detail's key, such as `reliefType`.
  public let detail: String
  /// The values it applies to.
  public let values: [String]

  /// Creates a condition.
  public init(detail: String, values: [String]) {
    self.detail = detail
    self.values = values
  }

  /// A condition on a detail holding one of some values of an enumeration of the domain.
  public static func detail<T: RawRepresentable>(_ key: String, in values: [T]) -> ClockCondition
  where T.RawValue == String {
    ClockCondition(detail: key, values: values.map(\.rawValue))
  }

  /// True when the case's details meet it.
  public func holds(in details: CaseDetails) -> Bool {
    guard let field = details.kind.detailFields.first(where: { $0.key == detail }),
      case .text(let value?) = field.value(in: details)
    else { return false }
    return values.contains(value)
  }
}

/// A deadline that runs while a case sits in a state: part of a workflow definition.
public struct ClockSpec: Sendable, Equatable {
  /// The settings key of the length, such as `clock.arrears.accepted`.
  public let setting: String
  /// How the length counts.
  public let unit: ClockUnit
  /// The length when no setting overrides it (days, working days, or reminder days).
  public let defaultLength: Int
  /// Where counting starts.
  public let anchor: ClockAnchor
  /// For extendable clocks, the settings key and default of the longest total period.
  public let limit: (setting: String, defaultValue: Int)?
  /// True when the law sets the period.
  public let isStatutory: Bool
  /// The rule in words, for the docs: what must happen by when, and on what basis.
  public let rule: String
  /// When it applies, for a state with several clocks; nil for always.
  public let condition: ClockCondition?

  /// Creates a clock.
  public init(
    setting: String, unit: ClockUnit, defaultLength: Int, anchor: ClockAnchor = .stateEntry,
    limit: (setting: String, defaultValue: Int)? = nil, isStatutory: Bool = false,
    when condition: ClockCondition? = nil, rule: String
  ) {
    self.condition = condition
    self.setting = setting
    self.unit = unit
    self.defaultLength = defaultLength
    self.anchor = anchor
    self.limit = limit
    self.isStatutory = isStatutory
    self.rule = rule
  }

  public static func == (lhs: ClockSpec, rhs: ClockSpec) -> Bool {
    lhs.setting == rhs.setting && lhs.unit == rhs.unit && lhs.defaultLength == rhs.defaultLength
      && lhs.anchor == rhs.anchor && lhs.limit?.setting == rhs.limit?.setting
      && lhs.limit?.defaultValue == rhs.limit?.defaultValue && lhs.condition == rhs.condition
  }
}

/// The agency's clock lengths: the defaults of the workflows unless a setting changes one.
public struct ClockSettings: Sendable, Equatable {
  /// Lengths by settings key.
  public var overrides: [String: Int]

  /// Settings with every default.
  public static let defaults = ClockSettings(overrides: [:])

  /// Creates settings from overrides.
  public init(overrides: [String: Int]) {
    self.overrides = overrides
  }

  /// The length of a clock.
  public func length(of spec: ClockSpec) -> Int {
    overrides[spec.setting] ?? spec.defaultLength
  }

  /// The longest total period of an extendable clock.
  public func limit(of spec: ClockSpec) -> Int? {
    guard let limit = spec.limit else { return nil }
    return overrides[limit.setting] ?? limit.defaultValue
  }

  /// Every clock setting of every workflow with its default, in workflow order.
  public static var keys: [(key: String, defaultValue: Int, spec: ClockSpec)] {
    var result: [(String, Int, ClockSpec)] = []
    var seen = Set<String>()
    for kind in CaseKind.allCases {
      for state in kind.workflow.states {
        for clock in state.clocks where seen.insert(clock.setting).inserted {
          result.append((clock.setting, clock.defaultLength, clock))
          if let limit = clock.limit, seen.insert(limit.setting).inserted {
            result.append((limit.setting, limit.defaultValue, clock))
          }
        }
      }
    }
    return result
  }
}

/// The red-yellow-blue early warning of a running clock.
public enum Alert: String, Sendable, Codable, CaseIterable, Comparable {
  /// Time is running.
  case blue
  /// At most 20% of the clock's time, or at most 2 working days, remains.
  case yellow
  /// The deadline has passed.
  case red

  private var rank: Int { Self.allCases.firstIndex(of: self)! }

  public static func < (lhs: Alert, rhs: Alert) -> Bool { lhs.rank < rhs.rank }
}

/// The clock running on a case now: when it started and when it is due.
public struct CaseClock: Equatable, Sendable, Codable {
  /// The state it runs in.
  public var state: CaseState
  /// The settings key of its length.
  public var setting: String
  /// How its length counts.
  public var unit: ClockUnit
  /// Its length, extensions included (reminder days for a validity clock).
  public var length: Int
  /// The start day (not counted).
  public var startedOn: LocalDate
  /// The last day: the deadline is the end of this local day.
  public var dueDate: LocalDate
  /// The first day of the yellow alert.
  public var warnDate: LocalDate
  /// True for a reminder (re-review due): passing it does not make a case late.
  public var isReminder: Bool
  /// True when the count reached a year the calendar does not know.
  public var usesFallbackCalendar: Bool

  /// Creates a clock.
  public init(
    state: CaseState, setting: String, unit: ClockUnit, length: Int, startedOn: LocalDate,
    dueDate: LocalDate, warnDate: LocalDate, isReminder: Bool, usesFallbackCalendar: Bool
  ) {
    self.state = state
    self.setting = setting
    self.unit = unit
    self.length = length
    self.startedOn = startedOn
    self.dueDate = dueDate
    self.warnDate = warnDate
    self.isReminder = isReminder
    self.usesFallbackCalendar = usesFallbackCalendar
  }

  /// The level of the clock on a local day, reminder or deadline alike. What a level *means*
  /// is `deadlineAlert(on:)` and `isReReviewDue(on:)`.
  public func alert(on day: LocalDate) -> Alert {
    if day > dueDate { return .red }
    if day >= warnDate { return .yellow }
    return .blue
  }

  /// The one definition every list, check and report uses: a deadline is *overdue* when its
  /// alert is red and *due soon* when it is yellow. A re-review reminder is no deadline: nil, so
  /// that it is never counted as overdue or due soon (see `isReReviewDue(on:)`).
  public func deadlineAlert(on day: LocalDate) -> Alert? {
    isReminder ? nil : alert(on: day)
  }

  /// True when a re-review reminder is due on a day: from its first reminder day (90 days before
  /// `validUntil` by default) on, including after `validUntil` until the recognition is renewed,
  /// revoked or expired. Shown apart from the deadlines, as "re-review due".
  public func isReReviewDue(on day: LocalDate) -> Bool {
    isReminder && day >= warnDate
  }

  /// Computes the clock of a spec started on `start` (for a validity clock, due at `validUntil`).
  public static func compute(
    _ spec: ClockSpec, state: CaseState, start: LocalDate, extraDays: Int = 0,
    validUntil: LocalDate? = nil, settings: ClockSettings, calendar: WorkingCalendar
  ) -> CaseClock {
    let length = settings.length(of: spec)
    switch spec.unit {
    case .workingDays:
      let due = calendar.adding(workingDays: length, after: start)
      let threshold = max(2, length / 5)
      let warn = max(start, calendar.workingDay(countingBack: threshold + 1, from: due.date))
      return CaseClock(
        state: state, setting: spec.setting, unit: .workingDays, length: length,
        startedOn: start, dueDate: due.date, warnDate: warn, isReminder: false,
        usesFallbackCalendar: due.usedFallback)
    case .days:
      let total = length + extraDays
      let due = calendar.deadline(days: total, after: start)
      let span = start.days(until: due.date)
      let byShare = due.date.adding(days: -(span / 5))
      let byWorkingDays = calendar.workingDay(countingBack: 3, from: due.date)
      let warn = max(start, min(byShare, byWorkingDays))
      return CaseClock(
        state: state, setting: spec.setting, unit: .days, length: total, startedOn: start,
        dueDate: due.date, warnDate: warn, isReminder: false, usesFallbackCalendar: due.usedFallback
      )
    case .validity:
      let due = validUntil ?? start
      return CaseClock(
        state: state, setting: spec.setting, unit: .validity, length: length, startedOn: start,
        dueDate: due, warnDate: max(start, due.adding(days: -length)), isReminder: true,
        usesFallbackCalendar: false)
    }
  }
}
