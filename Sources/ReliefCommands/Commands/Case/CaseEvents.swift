import ReliefDomain
import ReliefPresentation
import ReliefStoreAPI

/// Performs one event on a case in one transaction and prints the result.
enum CaseEvents {
  static func perform(
    _ event: EventName, inputs: EventInputs, at: String?, on id: String, context: CommandContext,
    message: (CaseRecord) -> String
  ) throws {
    let caseID = try Parse.caseID(id)
    let officer = try context.officer()
    let at = try at.map { try Parse.time($0) }
    let record = try context.write { session, now in
      try session.perform(event, inputs: inputs, at: at, officer: officer, on: caseID, now: now)
    }
    let rendering = CaseRendering(context)
    if context.json {
      let history = try context.store.read { try $0.history(of: caseID) }
      context.print(json: rendering.json(record, history: history))
      return
    }
    context.print(message(record))
    if let clock = record.reliefCase.clock {
      let alert = rendering.alertCell(clock.alert(on: context.today))
      context.print(
        "  "
          + context.t(
            "msg.due-line", ["date": clock.dueDate.description, "rule": rendering.clockRule(clock)])
          + "  " + context.styled(alert.text, alert.style))
      if clock.usesFallbackCalendar { context.warn(context.t("msg.fallback-calendar")) }
    }
  }
}
