import ArgumentParser
import ReliefDomain
import ReliefPresentation

extension Relief.ImportGroup {
  /// `relief import services FILE`.
  struct Services: StoreCommand {
    static let configuration = CommandConfiguration(
      commandName: "services",
      abstract: "Record the service activities of a CSV or JSON file.",
      discussion: Columns.services.help
        + " enterprises lists codes separated by ; or spaces (a JSON array in JSON); served is"
        + " the count given, else the number listed; region is the one given, else the first"
        + " enterprise's.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var options: ImportOptions

    func run(_ context: CommandContext) throws {
      try ImportRunner.run(
        ServiceImporter(settings: try ImportSettings(context)), noun: "services",
        options: options, context: context)
    }
  }
}
