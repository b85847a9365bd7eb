import ArgumentParser
import ReliefDomain
import ReliefPresentation

extension Relief {
  /// `relief service`: service activities delivered to enterprises.
  struct ServiceGroup: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "service",
      abstract: "Log service activities (briefings, trainings, visits...) and list them.",
      subcommands: [Log.self, List.self])
  }
}

extension ServiceType: ExpressibleByArgument {}
