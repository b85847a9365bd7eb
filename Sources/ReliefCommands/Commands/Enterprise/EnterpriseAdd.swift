import ArgumentParser
import ReliefDomain
import ReliefPresentation
import ReliefStoreAPI

extension Relief.EnterpriseGroup {
  /// `relief enterprise add`: registers an enterprise.
  struct Add: StoreCommand {
    static let configuration = CommandConfiguration(
      commandName: "add",
      abstract: "Register an enterprise by its Unified Social Credit Code.")

    @OptionGroup var global: GlobalOptions

    @Option(help: "Unified Social Credit Code (18 characters).")
    var uscc: String

    @OptionGroup var fields: EnterpriseFields

    @Flag(help: "Accept a code whose check characters fail, with a warning.")
    var allowBadChecksum = false

    func run(_ context: CommandContext) throws {
      let code = try Parse.uscc(uscc, allowBadChecksum: allowBadChecksum)
      var enterprise = Enterprise(
        uscc: code, name: fields.name ?? "", region: try Parse.region(fields.region ?? ""),
        hasChecksumWarning: USCC.checksumProblem(of: code) != nil)
      try fields.apply(to: &enterprise)
      let view = try context.write { session, now in
        try session.addEnterprise(enterprise, now: now)
        return try session.enterpriseView(code, today: context.zone.date(of: now))!
      }
      let rendering = EnterpriseRendering(context)
      if context.json {
        context.print(json: rendering.json(view))
        return
      }
      context.print(
        context.t("msg.enterprise-added", ["name": view.enterprise.name, "uscc": code.rawValue]))
      if view.enterprise.hasChecksumWarning { context.warn(context.t("msg.checksum-warning")) }
    }
  }
}
