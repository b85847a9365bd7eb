import ArgumentParser
import ReliefDomain
import ReliefPresentation

extension Relief.CaseGroup.Open {
  /// `relief case open whitelist`: an application to the white list.
  struct Whitelist: StoreCommand {
    static let configuration = CommandConfiguration(
      commandName: "whitelist",
      abstract: "Open a white-list enrolment for a key industrial or supply-chain enterprise.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var options: OpenOptions

    @Option(help: "The white-list category.")
    var category: WhitelistCategory

    @Option(help: "The industrial chain.")
    var chain: SupplyChain

    func run(_ context: CommandContext) throws {
      try options.open(
        .whitelist(WhitelistDetails(category: category, chain: chain)),
        defaultTitle: { t in
          t.value("category", category.rawValue) + " / " + t.value("chain", chain.rawValue)
        }, context: context)
    }
  }
}
