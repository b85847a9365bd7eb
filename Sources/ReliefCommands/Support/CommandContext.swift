import ArgumentParser
import Foundation
import ReliefDomain
import ReliefStore

/// What a running command has: the store, the time, the officer, and how to print.
struct CommandContext {
  let store: ReliefStore
  let agency: Agency
  let now: Instant
  let officerName: String?
  let global: GlobalOptions
  let t: Localizer
  let terminal: Terminal

  /// The agency's time zone.
  var zone: AgencyZone { agency.zone }

  /// Today in the agency's time zone.
  var today: LocalDate { zone.date(of: now) }

  /// True with `--json`.
  var json: Bool { global.json }

  /// The officer recording events.
  func officer() throws -> String {
    if let officerName { return officerName }
    return try global.officerName()
  }

  /// Opens the database the options name.
  /// `RELIEF_TRACE_SQL=FILE` appends every statement run to FILE, with its time (see
  /// Docs/performance.md).
  static func open(_ global: GlobalOptions) throws -> CommandContext {
    let store = try ReliefStore.open(
      at: global.databasePath, tracingSQLTo: Environment.values["RELIEF_TRACE_SQL"])
    return try CommandContext(store: store, global: global)
  }

  init(store: ReliefStore, global: GlobalOptions) throws {
    self.store = store
    self.global = global
    self.t = global.localizer
    self.terminal = Terminal.current(environment: Environment.values)
    let agency = try store.read { $0.agency }
    self.agency = agency
    self.now = try Clock.now(zone: agency.zone)
    self.officerName = nil
  }

  /// Prints a line to standard output.
  func print(_ text: String) {
    Swift.print(text)
  }

  /// Prints text as it is, without ending the line.
  func write(_ text: String) {
    Swift.print(text, terminator: "")
  }

  /// Prints a JSON document.
  func print(json value: JSONValue) {
    Swift.print(value.render())
  }

  /// Prints a warning to standard error.
  func warn(_ message: String) {
    StandardError.write(
      Style.yellow.apply(
        t("msg.warning", ["message": message]), colour: Terminal.errorIsInteractive)
        + "\n")
  }

  /// A style, when colour is on.
  func styled(_ text: String, _ style: Style) -> String {
    style.apply(text, colour: terminal.usesColour)
  }
}

/// The time now: `RELIEF_NOW` when set, else the system clock.
enum Clock {
  static func now(zone: AgencyZone) throws -> Instant {
    if let text = Environment.values["RELIEF_NOW"], !text.isEmpty {
      guard let input = TimeInput(text) else { throw Refusal("error.bad-now", ["value": text]) }
      return zone.instant(of: input)
    }
    return Instant(Date())
  }
}

/// A command that works on the database: `run()` opens it (and migrates it), then calls
/// `run(_:)`, so every command stays small and the opening logic lives here.
protocol StoreCommand: ParsableCommand {
  var global: GlobalOptions { get }
  func run(_ context: CommandContext) throws
}

extension StoreCommand {
  func run() throws {
    try run(CommandContext.open(global))
  }
}
