import ArgumentParser
import ReliefDomain
import ReliefPresentation
import ReliefStoreAPI

extension Relief.EnterpriseGroup {
  /// `relief enterprise update`: changes an enterprise's fields.
  struct Update: StoreCommand {
    static let configuration = CommandConfiguration(
      commandName: "update",
      abstract: "Change an enterprise's fields; an empty value clears an optional field.")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The enterprise's Unified Social Credit Code.")
    var code: String

    @OptionGroup var fields: EnterpriseFields

    func run(_ context: CommandContext) throws {
      let uscc = try Parse.uscc(code, allowBadChecksum: true)
      let view = try context.write { session, now in
        guard var enterprise = try session.enterprise(uscc) else {
          throw StoreError.enterpriseNotFound(uscc)
        }
        // Figures given anew re-derive the size unless a size is given too.
        if fields.size == nil,
          fields.sector != nil || fields.employees != nil
            || fields.revenue != nil || fields.assets != nil
        {
          enterprise.size = nil
        }
        try fields.apply(to: &enterprise)
        try session.updateEnterprise(enterprise, now: now)
        return try session.enterpriseView(uscc, today: context.zone.date(of: now))!
      }
      let rendering = EnterpriseRendering(context)
      if context.json {
        context.print(json: rendering.json(view))
      } else {
        context.print(
          context.t(
            "msg.enterprise-updated", ["name": view.enterprise.name, "uscc": uscc.rawValue]))
      }
    }
  }
}
