import ArgumentParser
import ReliefDomain
import ReliefPresentation
import ReliefStoreAPI

extension Relief.CaseGroup {
  /// `relief case history ID`: who did what, when.
  struct History: StoreCommand {
    static let configuration = CommandConfiguration(
      commandName: "history",
      abstract: "Show the full history of a case: every event, who recorded it and when.")

    @OptionGroup var global: GlobalOptions

    var readsOnly: Bool { true }

    @Argument(help: "The case id.", completion: Completions.caseIDs)
    var id: String

    func run(_ context: CommandContext) throws {
      let caseID = try Parse.caseID(id)
      let history = try context.store.read { try $0.history(of: caseID) }
      let rendering = CaseRendering(context)
      if context.json {
        context.print(json: .array(history.map(rendering.json)))
        return
      }
      context.print(rendering.historyTable(history, kind: caseID.kind))
    }
  }
}
