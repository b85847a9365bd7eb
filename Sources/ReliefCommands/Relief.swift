import ArgumentParser
import Foundation
import ReliefDomain
import ReliefPresentation
import ReliefStoreAPI

/// `relief`: the case tracker of an SME service agency.
public struct Relief: ParsableCommand {
  public static let configuration = CommandConfiguration(
    commandName: "relief",
    abstract:
      "Track SME service cases: overdue-payment complaints, tax relief, white list, cultivation.",
    discussion: """
      Start with `relief demo`, then try `relief --db relief-demo.sqlite case list`.
      Every command takes --db, --officer, --json and --lang.
      """,
    version: "0.1.0",
    subcommands: [
      Init.self, Demo.self, EnterpriseGroup.self, CaseGroup.self, WorkflowGroup.self,
      CalendarGroup.self, SettingsGroup.self, SlaGroup.self, Interest.self, LprGroup.self,
      Search.self, ImportGroup.self, ExportGroup.self, DbGroup.self,
      ServiceGroup.self, ReportGroup.self, Completion.self,
    ])

  /// The global options may also come before the subcommand (`relief --db x case list`):
  /// argument-parser hands what it reads here to the subcommand's own `global`, which says the
  /// same options in its help.
  @OptionGroup(visibility: .hidden) var global: GlobalOptions

  public init() {}

  /// Runs the command line and exits: 0 success, 1 refused or failed, 64 usage.
  public static func run(arguments: [String] = Array(CommandLine.arguments.dropFirst())) -> Never {
    StandardOutput.guardDescriptors()
    StandardOutput.failWriting = { Relief.failWriting($0) }
    let t = localizer(arguments)
    do {
      var command = try parseAsRoot(arguments)
      try command.run()
      finish(0, t)
    } catch let exit as ExitCode {
      finish(exit.rawValue, t)
    } catch let error as OutputError {
      fail(ErrorText.describe(error, t))
    } catch let error as Refusal {
      fail(ErrorText.describe(error, t))
    } catch let error as DomainError {
      fail(ErrorText.describe(error, t))
    } catch let error as TextError {
      fail(ErrorText.describe(DomainError.text(error), t))
    } catch let error as StoreError {
      fail(ErrorText.describe(error, t))
    } catch let error as DataError {
      fail(ErrorText.describe(error, t))
    } catch let error as ReliefFailure {
      fail(error.message)
    } catch {
      let code = exitCode(for: error)
      var message = fullMessage(for: error)
      if code == .success {
        // Help and version: printed like any output, so that a full output is an error too.
        if !message.isEmpty { StandardOutput.print(message) }
        finish(0, t)
      }
      if message.hasPrefix("Error: ") { message = "error: " + message.dropFirst(7) }
      if let (typed, suggested) = subcommandSuggestion(arguments) {
        message += "\n" + t("msg.did-you-mean-command", ["typed": typed, "command": suggested])
      }
      try? StandardOutput.flush()
      StandardError.write(message + "\n")
      Foundation.exit(code.rawValue)
    }
  }

  /// A mistyped subcommand (`relief cas list`, `report montly`, `case open arears`) and the
  /// command line with the nearest subcommand in its place, when one is near.
  static func subcommandSuggestion(_ arguments: [String]) -> (typed: String, command: String)? {
    var command: any ParsableCommand.Type = Relief.self
    var words = arguments
    var index = 0
    while index < words.count {
      let word = words[index]
      if ["--db", "--officer", "--lang"].contains(word) {
        index += 2
        continue
      }
      if word.hasPrefix("-") {
        index += 1
        continue
      }
      let subcommands = command.configuration.subcommands
      if subcommands.isEmpty { return nil }
      if let next = subcommands.first(where: { $0._commandName == word }) {
        command = next
        index += 1
        continue
      }
      guard
        let suggested = Suggestion.nearest(
          to: word, among: subcommands.map { $0._commandName })
      else { return nil }
      words[index] = suggested
      return (word, (["relief"] + words).joined(separator: " "))
    }
    return nil
  }

  /// The language of messages, from `--lang` or the environment.
  static func localizer(_ arguments: [String]) -> Localizer {
    Localizer(
      language: Language.detect(flag: languageFlag(in: arguments), environment: Environment.values))
  }

  /// Writes what is left of standard output and exits with `code`; when standard output cannot
  /// take it, says so and exits 1 (also for `sla check`'s 3: what it found was not shown).
  static func finish(_ code: Int32, _ t: Localizer) -> Never {
    do {
      try StandardOutput.flush()
    } catch {
      StandardError.write("error: " + ErrorText.describe(error, t) + "\n")
      Foundation.exit(1)
    }
    Foundation.exit(code)
  }

  /// Ends the command when standard output failed (closed, or a full disk) in the middle of it.
  static func failWriting(_ error: any Error) -> Never {
    let t = localizer(Array(CommandLine.arguments.dropFirst()))
    fail(ErrorText.describe(error, t))
  }

  static func fail(_ message: String) -> Never {
    try? StandardOutput.flush()
    StandardError.write("error: " + message + "\n")
    Foundation.exit(1)
  }

  static func languageFlag(in arguments: [String]) -> Language? {
    for (index, argument) in arguments.enumerated() {
      if argument.hasPrefix("--lang=") { return Language(rawValue: String(argument.dropFirst(7))) }
      if argument == "--lang", index + 1 < arguments.count {
        return Language(rawValue: arguments[index + 1])
      }
    }
    return nil
  }
}

/// A failure already worded for the person (used where the message is built from several parts).
struct ReliefFailure: Error {
  let message: String
}
