import ArgumentParser
import Foundation
import ReliefDomain
import ReliefStore

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
      CalendarGroup.self, SettingsGroup.self, SlaGroup.self, Interest.self,
      Search.self, ImportGroup.self, ExportGroup.self, DbGroup.self,
      ServiceGroup.self, ReportGroup.self,
    ])

  /// The global options may also come before the subcommand (`relief --db x case list`):
  /// argument-parser hands what it reads here to the subcommand's own `global`, which says the
  /// same options in its help.
  @OptionGroup(visibility: .hidden) var global: GlobalOptions

  public init() {}

  /// Runs the command line and exits: 0 success, 1 refused or failed, 64 usage.
  public static func run(arguments: [String] = Array(CommandLine.arguments.dropFirst())) -> Never {
    let t = Localizer(
      language: Language.detect(flag: languageFlag(in: arguments), environment: Environment.values))
    do {
      var command = try parseAsRoot(arguments)
      try command.run()
      Foundation.exit(0)
    } catch let exit as ExitCode {
      Foundation.exit(exit.rawValue)
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
      if code == .success {
        Self.exit(withError: error)
      }
      var message = fullMessage(for: error)
      if message.hasPrefix("Error: ") { message = "error: " + message.dropFirst(7) }
      StandardError.write(message + "\n")
      Foundation.exit(code.rawValue)
    }
  }

  static func fail(_ message: String) -> Never {
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
