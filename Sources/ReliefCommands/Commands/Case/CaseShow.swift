import ArgumentParser
import ReliefDomain
import ReliefPresentation
import ReliefStoreAPI

extension Relief.CaseGroup {
  /// `relief case show ID`: one case, its deadline and its history.
  struct Show: StoreCommand {
    static let configuration = CommandConfiguration(
      commandName: "show",
      abstract: "Show a case: its state, deadline, details, next events and history.")

    @OptionGroup var global: GlobalOptions

    var readsOnly: Bool { true }

    @Argument(help: "The case id, such as AR-2026-000001.", completion: Completions.caseIDs)
    var id: String

    func run(_ context: CommandContext) throws {
      let caseID = try Parse.caseID(id)
      let (record, history) = try context.store.read { session in
        guard let record = try session.caseRecord(caseID) else {
          throw StoreError.caseNotFound(caseID.description)
        }
        return (record, try session.history(of: caseID))
      }
      let rendering = CaseRendering(context)
      if context.json {
        context.print(json: rendering.json(record, history: history))
        return
      }
      context.print(rendering.card(record, history: history))
      context.print("")
      context.print(context.styled(context.t("label.history"), .bold))
      context.print(rendering.historyTable(history, kind: caseID.kind))
    }
  }
}
