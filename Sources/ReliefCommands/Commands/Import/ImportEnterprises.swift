import ArgumentParser
import ReliefDomain
import ReliefPresentation

extension Relief.ImportGroup {
  /// `relief import enterprises FILE`.
  struct Enterprises: StoreCommand {
    static let configuration = CommandConfiguration(
      commandName: "enterprises",
      abstract: "Register the enterprises of a CSV or JSON file; the size follows the figures.",
      discussion: Columns.enterprises.help
        + " The size is derived from sector, employees and revenue by the 2011 standard when all"
        + " three are given; a size that contradicts them refuses the record.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var options: ImportOptions

    @Flag(help: "Accept codes whose check characters fail; they are marked checksumWarning.")
    var allowBadChecksum = false

    @Flag(help: "Replace enterprises already registered instead of refusing them.")
    var update = false

    func run(_ context: CommandContext) throws {
      let settings = try ImportSettings(
        context, allowBadChecksum: allowBadChecksum, replacing: update)
      try ImportRunner.run(
        EnterpriseImporter(settings: settings), noun: "enterprises", options: options,
        context: context)
    }
  }
}
