import ArgumentParser
import ReliefDomain
import ReliefPresentation
import ReliefStoreAPI

extension Relief.EnterpriseGroup {
  /// `relief enterprise show`: one enterprise and its cases.
  struct Show: StoreCommand {
    static let configuration = CommandConfiguration(
      commandName: "show",
      abstract: "Show an enterprise, its tier, white-list status and cases.")

    @OptionGroup var global: GlobalOptions

    var readsOnly: Bool { true }

    @Argument(help: "The enterprise's Unified Social Credit Code.")
    var code: String

    func run(_ context: CommandContext) throws {
      let uscc = try Parse.uscc(code, allowBadChecksum: true)
      let (view, cases) = try context.store.read { session in
        guard let view = try session.enterpriseView(uscc, today: context.today) else {
          throw StoreError.enterpriseNotFound(uscc)
        }
        let cases = try session.cases(
          matching: CaseFilter(enterprise: uscc, limit: 0), today: context.today)
        return (view, cases.items)
      }
      let rendering = EnterpriseRendering(context)
      let caseRendering = CaseRendering(context)
      if context.json {
        guard case .object(var members) = rendering.json(view) else { return }
        members.append(("cases", .array(cases.map { caseRendering.json($0) })))
        context.print(json: .object(members))
        return
      }
      context.print(rendering.card(view))
      if !cases.isEmpty {
        context.print("")
        context.print(context.styled(context.t("label.cases"), .bold))
        context.print(caseRendering.table(cases).render(terminal: context.terminal))
      }
    }
  }
}
