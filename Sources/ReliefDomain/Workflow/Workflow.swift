/// One kind's workflow as data: states, events with their sources and targets, required inputs,
/// guards, effects and clocks. The engine, the command line, the docs and the diagrams all read it.
public struct Workflow: Sendable {
  /// The kind it governs.
  public let kind: CaseKind
  /// Every state, in the order the docs list them.
  public let states: [StateSpec]
  /// The state a new case starts in.
  public let initialState: CaseState
  /// The facts of a case of this kind (`details`): what sets each, its type, and its names as
  /// an option of `case open`, an import column, a JSON key, a stored key and a label.
  public let detailFields: [DetailField]
  /// Checks made when a case of this kind is opened.
  public let openingGuards: [OpeningGuard]
  /// Every event but `open`, in the order the docs list them.
  public let transitions: [Transition]

  /// Creates a workflow; the events common to every kind (note, assign, supervise) are added.
  public init(
    kind: CaseKind, states: [StateSpec], initialState: CaseState, detailFields: [DetailField],
    openingGuards: [OpeningGuard] = [], transitions: [Transition]
  ) {
    self.kind = kind
    self.detailFields = detailFields
    self.states = states
    self.initialState = initialState
    self.openingGuards = openingGuards
    let open = states.filter { !$0.isTerminal }.map(\.name)
    self.transitions =
      transitions + Transition.common(openStates: open, allStates: states.map(\.name))
  }

  /// The options `case open` requires for this kind, besides `--enterprise`: the option names of
  /// the details required at opening.
  public var openingInputs: [String] {
    detailFields.filter(\.requiredAtOpening).compactMap(\.optionName)
  }

  /// The definition of a state, if it belongs to this workflow.
  public func state(_ name: CaseState) -> StateSpec? {
    states.first { $0.name == name }
  }

  /// The definition of an event, if it belongs to this workflow.
  public func transition(_ event: EventName) -> Transition? {
    transitions.first { $0.event == event }
  }

  /// True for a state no event leaves (notes aside).
  public func isTerminal(_ state: CaseState) -> Bool {
    self.state(state)?.isTerminal ?? false
  }

  /// The events allowed in a state, workflow events first.
  public func allowedEvents(in state: CaseState) -> [EventName] {
    transitions.filter { $0.sources.contains(state) }.map(\.event)
  }

  /// The terminal states: a case there is finished (a note may still be added).
  public var terminalStates: [CaseState] { states.filter(\.isTerminal).map(\.name) }

  /// The shortest chain of workflow events (the common ones aside) from the initial state to
  /// `target`, found breadth-first in the order the events are listed; empty for the initial
  /// state and for a state no chain reaches. The demo and the tests drive cases along it.
  public func shortestPath(to target: CaseState) -> [Transition] {
    var paths: [CaseState: [Transition]] = [initialState: []]
    var queue = [initialState]
    var next = 0
    while next < queue.count {
      let state = queue[next]
      next += 1
      for transition in transitions where !transition.isCommon {
        guard transition.sources.contains(state), let reached = transition.target,
          paths[reached] == nil
        else { continue }
        paths[reached] = (paths[state] ?? []) + [transition]
        queue.append(reached)
      }
    }
    return paths[target] ?? []
  }
}

/// A state of a workflow.
public struct StateSpec: Sendable {
  /// Its identifier.
  public let name: CaseState
  /// True when the case is finished here.
  public let isTerminal: Bool
  /// The clocks that may run here: the first whose condition the case meets runs (most states
  /// have one clock, or none).
  public let clocks: [ClockSpec]
  /// True when waiting here stops the clock (awaiting documents). The engine needs no rule of
  /// its own for it: such a state runs no clock, and every event leaving it either ends the case
  /// or returns to a state whose clock then starts afresh from that day (a test holds every
  /// workflow to this). `workflow show` and the docs say "the clock stops" from it.
  public let pausesClock: Bool

  /// Creates a state.
  public init(
    _ name: CaseState, terminal: Bool = false, clock: ClockSpec? = nil, clocks: [ClockSpec] = [],
    pausesClock: Bool = false
  ) {
    self.name = name
    self.isTerminal = terminal
    self.clocks = (clock.map { [$0] } ?? []) + clocks
    self.pausesClock = pausesClock
  }

  /// The clock that runs here for a case with these details: the first whose condition holds.
  public func clock(for details: CaseDetails) -> ClockSpec? {
    clocks.first { $0.condition?.holds(in: details) ?? true }
  }
}

/// An input an event takes, named as its command-line option.
public enum InputField: String, CaseIterable, Sendable, Codable {
  case reason, to, amount, outcome, days, score, region, satisfaction, note
  case fastTrack = "fast-track"
  case assignee
  case banYears = "ban-years"
}

/// Whether an event needs an input.
public struct InputRequirement: Sendable {
  /// The input.
  public let field: InputField
  /// True when the event is refused without it.
  public let isRequired: Bool

  /// A required input.
  public static func required(_ field: InputField) -> InputRequirement {
    InputRequirement(field: field, isRequired: true)
  }

  /// An optional input.
  public static func optional(_ field: InputField) -> InputRequirement {
    InputRequirement(field: field, isRequired: false)
  }
}

/// What a guard or an effect sees.
public struct GuardContext: Sendable {
  /// The case before the event.
  public let reliefCase: ReliefCase
  /// The inputs, defaults filled in.
  public let inputs: EventInputs
  /// The local day the event takes effect.
  public let day: LocalDate
  /// The agency's clock settings.
  public let clocks: ClockSettings
  /// The enterprise's standing, when the store supplied it.
  public let standing: EnterpriseStanding?
}

/// A named condition an event must meet; the id keys its description in the language tables.
public struct Guard: Sendable {
  /// The identifier, such as `pay.within-outstanding`.
  public let id: String
  /// Returns the reason for refusal, or nil when the event may go ahead.
  public let check: @Sendable (GuardContext) -> DomainError?

  /// Creates a guard.
  public init(_ id: String, check: @escaping @Sendable (GuardContext) -> DomainError?) {
    self.id = id
    self.check = check
  }
}

/// A named change an event makes to the case; the id keys its description in the language tables.
public struct Effect: Sendable {
  /// The identifier, such as `pay.add-to-recovered`.
  public let id: String
  /// Fills in defaults and derived values of the inputs (a disbursement's amount, a supervision's
  /// level) before the guards run, so that the event records what was decided.
  public let prepare: @Sendable (ReliefCase, inout EventInputs, LocalDate) -> Void
  /// Changes the case.
  public let apply: @Sendable (inout ReliefCase, EventInputs) -> Void

  /// Creates an effect.
  public init(
    _ id: String,
    prepare: @escaping @Sendable (ReliefCase, inout EventInputs, LocalDate) -> Void = { _, _, _ in
    },
    apply: @escaping @Sendable (inout ReliefCase, EventInputs) -> Void
  ) {
    self.id = id
    self.prepare = prepare
    self.apply = apply
  }
}

/// An event of a workflow: where it may happen, where it leads, what it needs and does.
public struct Transition: Sendable {
  /// The event.
  public let event: EventName
  /// The states it may happen in.
  public let sources: [CaseState]
  /// The state it leads to, or nil when the case stays where it is.
  public let target: CaseState?
  /// Its inputs.
  public let inputs: [InputRequirement]
  /// Conditions it must meet.
  public let guards: [Guard]
  /// What it changes besides the state.
  public let effect: Effect?
  /// True for note, assign and supervise, which every kind has.
  public let isCommon: Bool

  /// Creates an event definition.
  public init(
    _ event: EventName, from sources: [CaseState], to target: CaseState?,
    inputs: [InputRequirement] = [], guards: [Guard] = [], effect: Effect? = nil,
    isCommon: Bool = false
  ) {
    self.event = event
    self.sources = sources
    self.target = target
    self.inputs = inputs
    self.guards = guards
    self.effect = effect
    self.isCommon = isCommon
  }

  /// The requirement for an input, or nil when the event does not take it.
  public func requirement(_ field: InputField) -> InputRequirement? {
    if let requirement = inputs.first(where: { $0.field == field }) { return requirement }
    return field == .note ? .optional(.note) : nil
  }

  static func common(openStates: [CaseState], allStates: [CaseState]) -> [Transition] {
    [
      Transition(
        .note, from: allStates, to: nil, inputs: [.required(.note)], isCommon: true),
      Transition(
        .assign, from: openStates, to: nil, inputs: [.required(.assignee)],
        effect: Effect("assign.set-assignee") { reliefCase, inputs in
          reliefCase.assignee = inputs.assignee
        }, isCommon: true),
      Transition(
        .supervise, from: openStates, to: nil, inputs: [.required(.reason)],
        effect: Effect(
          "supervise.raise-level",
          prepare: { reliefCase, inputs, _ in inputs.level = reliefCase.supervisionLevel + 1 },
          apply: { reliefCase, inputs in reliefCase.supervisionLevel = inputs.level ?? 0 }),
        isCommon: true),
    ]
  }
}

/// A named condition on opening a case, checked against the enterprise's standing.
public struct OpeningGuard: Sendable {
  /// The identifier, keying its description in the language tables.
  public let id: String
  /// Returns the reason for refusal, or nil.
  public let check: @Sendable (CaseDetails, EnterpriseStanding) -> DomainError?

  /// Creates an opening guard.
  public init(
    _ id: String, check: @escaping @Sendable (CaseDetails, EnterpriseStanding) -> DomainError?
  ) {
    self.id = id
    self.check = check
  }
}

/// What Relief knows of an enterprise that some guards need.
public struct EnterpriseStanding: Equatable, Sendable {
  /// Where it is registered.
  public var region: RegionCode
  /// The tiers it holds a valid recognition for, with the last day each is valid.
  public var validTiers: [Tier: LocalDate]
  /// Its non-terminal whitelist case, if it has one.
  public var openWhitelistCase: CaseID?
  /// Its recorded size, when known.
  public var size: EnterpriseSize?
  /// The latest end of a ban on new cultivation cases its revocations imposed, if any (past or
  /// not: the opening guard compares it with `day`).
  public var cultivationBanUntil: LocalDate?
  /// The local day the standing is taken on (the opening's day).
  public var day: LocalDate?

  /// Creates a standing.
  public init(
    region: RegionCode, validTiers: [Tier: LocalDate] = [:], openWhitelistCase: CaseID? = nil,
    size: EnterpriseSize? = nil, cultivationBanUntil: LocalDate? = nil, day: LocalDate? = nil
  ) {
    self.region = region
    self.validTiers = validTiers
    self.openWhitelistCase = openWhitelistCase
    self.size = size
    self.cultivationBanUntil = cultivationBanUntil
    self.day = day
  }

  /// The highest tier held, if any.
  public var tier: Tier? { validTiers.keys.max() }
}
