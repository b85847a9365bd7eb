import ArgumentParser
import Foundation
import ReliefDomain
import ReliefPresentation

/// Options every command takes.
struct GlobalOptions: ParsableArguments {
  @Option(
    name: .long,
    help: ArgumentHelp(
      "The database file (env RELIEF_DB; default $XDG_DATA_HOME/relief/relief.sqlite).",
      valueName: "path"))
  var db: String?

  @Option(
    name: .long,
    help: ArgumentHelp(
      "Who records the events (env RELIEF_OFFICER; default the login name).", valueName: "name"))
  var officer: String?

  @Flag(name: .long, help: "Print one JSON document instead of text.")
  var json = false

  @Option(name: .long, help: "Language of the text output: en or zh (default from LANG).")
  var lang: Language?
}

extension Language: ExpressibleByArgument {}

extension GlobalOptions {
  /// The database path: `--db`, `RELIEF_DB`, or the default under the XDG data folder.
  var databasePath: String { Self.databasePath(db: db) }

  /// The database path for a `--db` value (nil when not given): it, `RELIEF_DB`, or the default.
  static func databasePath(db: String?) -> String {
    if let db, !db.isEmpty { return expand(db) }
    let environment = Environment.values
    if let path = environment["RELIEF_DB"], !path.isEmpty { return expand(path) }
    return defaultDatabasePath(environment: environment)
  }

  static func defaultDatabasePath(environment: [String: String]) -> String {
    let dataHome: String
    if let xdg = environment["XDG_DATA_HOME"], xdg.hasPrefix("/") {
      dataHome = xdg
    } else {
      let home = environment["HOME"] ?? NSHomeDirectory()
      dataHome = home + "/.local/share"
    }
    return dataHome + "/relief/relief.sqlite"
  }

  static func expand(_ path: String) -> String {
    (path as NSString).expandingTildeInPath
  }

  /// The officer: `--officer`, `RELIEF_OFFICER`, or the login name. A name given is checked like
  /// any input and refused when it is blank, too long or holds a control character, never
  /// replaced by the next candidate; only an absent (or empty) `RELIEF_OFFICER` falls through to
  /// the login name.
  func officerName() throws -> String {
    if let officer {
      do {
        return try Text.required(officer, field: "officer", maxLength: Self.officerMaxLength)
      } catch {
        throw DomainError.text(error)
      }
    }
    let environment = Environment.values
    if let value = environment["RELIEF_OFFICER"], !value.isEmpty {
      do {
        return try Text.required(value, field: "officer", maxLength: Self.officerMaxLength)
      } catch {
        throw Refusal(
          "error.officer-env", ["reason": ErrorText.describe(error, localizer, optionPrefix: "")])
      }
    }
    for candidate in [environment["USER"], environment["LOGNAME"]] {
      if let name = try? Text.clean(
        candidate, field: "officer", required: true, maxLength: Self.officerMaxLength)
      {
        return name
      }
    }
    if let entry = getpwuid(getuid()),
      let name = entry.pointee.pw_name.map({ String(cString: $0) }),
      !name.isEmpty
    {
      return name
    }
    throw Refusal("error.bad-officer")
  }

  /// The longest officer name.
  static let officerMaxLength = 60

  /// The localizer for `--lang` or the environment.
  var localizer: Localizer {
    Localizer(language: Language.detect(flag: lang, environment: Environment.values))
  }
}
