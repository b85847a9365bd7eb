import ArgumentParser
import ReliefDomain
import ReliefPresentation
import ReliefStoreAPI

extension Relief.ServiceGroup {
  /// `relief service log`: records one service activity.
  struct Log: StoreCommand {
    static let configuration = CommandConfiguration(
      commandName: "log",
      abstract: "Log one service activity, with the enterprises served or how many there were.",
      discussion: """
        Name the enterprises one by one with --enterprise (each counts once), or give --count when \
        they are not listed (a briefing to 200 firms), or both when a few of many are named. The \
        region is --region, else the first enterprise's.
        """)

    @OptionGroup var global: GlobalOptions

    @Option(help: "The type of service.")
    var type: ServiceType

    @Option(help: "The day it was delivered (YYYY-MM-DD).")
    var date: String

    @Option(
      name: .customLong("enterprise"),
      help: ArgumentHelp("An enterprise served (USCC); repeat for each.", valueName: "uscc"))
    var enterprises: [String] = []

    @Option(help: "How many enterprises were served, when they are not all listed.")
    var count: Int?

    @Option(help: "Region code (6 digits) where it took place; default the first enterprise's.")
    var region: String?

    @Option(help: "The campaign it belongs to, such as 惠企政策进万企.")
    var campaign: String?

    @Option(help: "A note.")
    var note: String?

    func run(_ context: CommandContext) throws {
      let day = try Parse.date(date, field: "date")
      let draft = ServiceDraft(
        type: type, date: day,
        enterprises: try enterprises.map { try Parse.uscc($0, allowBadChecksum: true) },
        count: count, region: try region.map(Parse.region), campaign: campaign, note: note)
      let officer = try context.officer()
      let record: ServiceRecord
      do {
        record = try context.write { session, now in
          let today = context.zone.date(of: now)
          guard day <= today else {
            throw Refusal(
              "error.service-date-future", ["date": day.description, "today": today.description])
          }
          return try session.logService(draft, officer: officer, now: now)
        }
      } catch StoreError.enterpriseNotFound(let uscc) {
        throw Refusal("error.service-enterprise-unknown", ["uscc": uscc.rawValue])
      }
      let rendering = ServiceRendering(context)
      if context.json {
        context.print(json: rendering.json(record))
        return
      }
      context.print(
        context.t(
          "msg.service-logged",
          [
            "id": String(record.id), "type": context.t.value("service-type", record.type.rawValue),
            "date": record.date.description, "served": String(record.served),
          ]))
    }
  }
}
