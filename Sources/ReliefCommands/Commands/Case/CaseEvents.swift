import Foundation
import ReliefDomain
import ReliefPresentation
import ReliefStoreAPI

/// Performs one event on one case or on several, in one transaction, and prints the results.
enum CaseEvents {
  /// The ids a batch command names: those given, then those of `--ids-from FILE` (one a line;
  /// blank lines and `#` comments left out). Every bad or repeated id is refused together.
  static func ids(_ given: [String], from file: String?) throws -> [CaseID] {
    var texts = given
    if let file {
      let path = GlobalOptions.expand(file)
      guard let data = FileManager.default.contents(atPath: path) else {
        throw Refusal("error.ids-file", ["file": path])
      }
      for line in String(decoding: data, as: UTF8.self).split(whereSeparator: \.isNewline) {
        let text = line.trimmingCharacters(in: .whitespaces)
        if text.isEmpty || text.hasPrefix("#") { continue }
        texts.append(text)
      }
    }
    guard !texts.isEmpty else { throw Refusal("error.no-ids") }
    var ids: [CaseID] = []
    var problems: [String] = []
    for text in texts {
      do {
        let id = try Parse.caseID(text)
        if ids.contains(id) {
          problems.append(text)
        } else {
          ids.append(id)
        }
      } catch {
        problems.append(text)
      }
    }
    if !problems.isEmpty {
      throw Refusal("error.bad-ids", ["ids": problems.joined(separator: ", ")])
    }
    return ids
  }

  /// Performs `event` on every case, all in one transaction: when any is refused, none is
  /// recorded and every refusal is listed.
  static func perform(
    _ event: EventName, inputs: EventInputs, at: String?, on ids: [CaseID],
    context: CommandContext, message: (CaseRecord) -> String
  ) throws {
    let officer = try context.officer()
    let at = try at.map { try Parse.time($0) }
    let t = context.t
    let records = try context.write { session, now in
      var records: [CaseRecord] = []
      var refusals: [(id: CaseID, error: any Error)] = []
      for id in ids {
        do {
          records.append(
            try session.perform(event, inputs: inputs, at: at, officer: officer, on: id, now: now))
        } catch {
          refusals.append((id, error))
        }
      }
      guard refusals.isEmpty else {
        // One case: its refusal as it always was.
        if ids.count == 1 { throw refusals[0].error }
        let lines = refusals.map {
          "  \($0.id): " + ErrorText.describe($0.error, t, zone: context.zone)
        }
        throw ReliefFailure(
          message: t(
            "error.batch-refused",
            ["refused": String(refusals.count), "total": String(ids.count)])
            + "\n" + lines.joined(separator: "\n"))
      }
      return records
    }
    let rendering = CaseRendering(context)
    if context.json {
      let documents = try context.store.read { session in
        try records.map { record in
          rendering.json(record, history: try session.history(of: record.reliefCase.id))
        }
      }
      context.print(json: documents.count == 1 ? documents[0] : .array(documents))
      return
    }
    for record in records {
      context.print(message(record))
      if let clock = record.reliefCase.clock {
        let alert = rendering.alertCell(clock)
        context.print(
          "  "
            + t(
              "msg.due-line",
              ["date": clock.dueDate.description, "rule": rendering.clockRule(clock)])
            + "  " + context.styled(alert.text, alert.style))
        if clock.usesFallbackCalendar { context.warn(t("msg.fallback-calendar")) }
      }
    }
  }
}
