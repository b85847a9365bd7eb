import ArgumentParser
import ReliefDomain
import ReliefPresentation

extension Relief.CaseGroup.Open {
  /// `relief case open cultivation`: a candidacy for a cultivation tier.
  struct Cultivation: StoreCommand {
    static let configuration = CommandConfiguration(
      commandName: "cultivation",
      abstract: "Open a cultivation case for a tier: innovative, specialized, little-giant.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var options: OpenOptions

    @Option(help: "The tier sought.")
    var tier: Tier

    @Option(help: "Evidence of the tier below, when it was granted outside Relief.")
    var priorTierEvidence: String?

    func run(_ context: CommandContext) throws {
      try options.open(
        .cultivation(CultivationDetails(tier: tier, priorTierEvidence: priorTierEvidence)),
        defaultTitle: { t in t.value("tier", tier.rawValue) }, context: context)
    }
  }
}
