import ArgumentParser
import Foundation
import ReliefDomain
import ReliefPresentation
import ReliefStoreAPI
import ReliefStores

/// What a running command has: the store, the time, the officer, and how to print.
struct CommandContext {
  let store: any ReliefDatabase
  let agency: Agency
  /// The time the command started. What a command records takes its time inside the writing
  /// transaction instead (`write(_:)`).
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

  /// Opens the database the options name, read-only for a command that only reads.
  /// `RELIEF_TRACE_SQL=FILE` appends every statement run to FILE, with its time (see
  /// Docs/performance.md).
  static func open(_ global: GlobalOptions, readOnly: Bool = false) throws -> CommandContext {
    let path = global.databasePath
    let trace = Environment.values["RELIEF_TRACE_SQL"]
    let store: any ReliefDatabase
    do {
      store = try Databases.open(at: path, readOnly: readOnly, tracingSQLTo: trace)
    } catch StoreError.olderSchema where readOnly && Databases.canWrite(path) {
      // An officer who may write upgrades the schema on the way, as any command did before.
      store = try Databases.open(at: path, tracingSQLTo: trace)
    }
    return try CommandContext(store: store, global: global)
  }

  /// Runs `body` in one write transaction, with the time now read once the transaction holds
  /// the write lock (`RELIEF_NOW` when set): an officer who waited for another never records
  /// an event "before" the one recorded meanwhile, and `--at` is held to the same time.
  func write<T>(_ body: (any ReliefSession, Instant) throws -> T) throws -> T {
    try store.write(at: { try Clock.now(zone: $0.zone) }, body)
  }

  init(store: any ReliefDatabase, global: GlobalOptions) throws {
    self.store = store
    self.global = global
    self.t = global.localizer
    self.terminal = Terminal.current(environment: Environment.values)
    let agency = try store.read { $0.agency }
    self.agency = agency
    self.now = try Clock.now(zone: agency.zone)
    self.officerName = nil
  }

  /// Prints a line to standard output (a closed or full output ends the command with an error).
  func print(_ text: String) {
    StandardOutput.print(text)
  }

  /// Prints text as it is, without ending the line.
  func write(_ text: String) {
    StandardOutput.print(text, terminator: "")
  }

  /// Prints a JSON document.
  func print(json value: JSONValue) {
    StandardOutput.print(value.render())
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

extension CommandContext: RenderingContext {}

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
  /// True for a command that only reads: it opens the database read-only, so that it works on
  /// a file, folder or mount the officer may not write. Default false.
  var readsOnly: Bool { get }
  func run(_ context: CommandContext) throws
}

extension StoreCommand {
  var readsOnly: Bool { false }

  func run() throws {
    try run(CommandContext.open(global, readOnly: readsOnly))
  }
}
