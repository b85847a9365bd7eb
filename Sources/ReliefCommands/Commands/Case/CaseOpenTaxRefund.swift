import ArgumentParser
import ReliefDomain
import ReliefPresentation

extension Relief.CaseGroup.Open {
  /// `relief case open tax-refund`: logs a request for tax or fee relief.
  struct TaxRefund: StoreCommand {
    static let configuration = CommandConfiguration(
      commandName: "tax-refund",
      abstract: "Open a tax or fee relief case: a VAT credit refund, a cut, or a deferral.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var options: OpenOptions

    @Option(help: "The kind of relief.")
    var reliefType: ReliefType

    @Option(parsing: .unconditional, help: "The amount claimed.")
    var amount: String

    @Option(help: "The tax period, such as 2026-Q2.")
    var taxPeriod: String?

    func run(_ context: CommandContext) throws {
      let details = TaxRefundDetails(
        reliefType: reliefType, amountClaimed: try Parse.money(amount), taxPeriod: taxPeriod)
      try options.open(
        .taxRefund(details),
        defaultTitle: { t in
          [t.value("relief-type", reliefType.rawValue), taxPeriod ?? ""]
            .filter { !$0.isEmpty }.joined(separator: " ")
        }, context: context)
    }
  }
}
