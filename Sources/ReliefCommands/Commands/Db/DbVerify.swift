import ArgumentParser
import ReliefDomain
import ReliefPresentation
import ReliefStoreAPI

extension Relief.DbGroup {
  /// `relief db verify`: walks the audit chain and names the first event that was altered; with
  /// `--anchor`, also that the history still extends an anchor taken earlier.
  struct Verify: StoreCommand {
    static let configuration = CommandConfiguration(
      commandName: "verify",
      abstract: "Verify the audit chain: name the first event whose hash does not match.",
      discussion: """
        Each event carries a SHA-256 hash over its content and the previous event's hash. An \
        altered column, a deleted or inserted event, or a case renumbered under its events breaks \
        the chain at that event. When the chain holds, prints the history's anchor (as `relief \
        db anchor` does). --anchor LINE also requires the history to extend that anchor: events \
        removed from the end of the history, which leave the chain whole, are found this way. \
        Exits 0 when the chain holds (and extends the anchor), 1 otherwise.
        """)

    @OptionGroup var global: GlobalOptions

    var readsOnly: Bool { true }

    @Option(
      help: ArgumentHelp(
        "An anchor taken earlier with `relief db anchor`: fail unless the history extends it.",
        valueName: "line"))
    var anchor: String?

    func run(_ context: CommandContext) throws {
      let t = context.t
      let given = try anchor.map { line in
        guard let parsed = HistoryAnchor(line: line) else {
          throw Refusal("error.anchor-malformed", ["value": line])
        }
        return parsed
      }
      let total = try context.store.read { try $0.counts().events }
      let progress = Progress(label: t("db.verify.progress"), total: total)
      var reported = 0
      let result = try context.store.read { session in
        try session.verifyChain(position: given?.count) { checked in
          progress.advance(by: checked - reported)
          reported = checked
        }
      }
      progress.finish()
      let verdict = given.flatMap { result.verdict(on: $0) }
      let ok = result.firstBreak == nil && (given == nil || verdict == .extended)
      if context.json {
        context.print(json: json(result, given: given, verdict: verdict, ok: ok))
      } else {
        if let broken = result.firstBreak {
          context.print(
            context.styled(
              t(
                "db.verify.broken",
                [
                  "event": String(broken.eventID), "case": broken.caseCode,
                  "seq": String(broken.seq), "checked": String(result.checked),
                ]), .red))
        } else {
          context.print(
            context.styled("✓ ", .green) + t("db.verify.ok", ["checked": String(result.checked)]))
          if let current = result.anchor {
            context.print(t("db.verify.anchor", ["anchor": current.description]))
          }
        }
        if let given, let verdict {
          context.print(describe(verdict, given: given, checked: result.checked, context))
        }
      }
      if !ok { throw ExitCode.failure }
    }

    private func describe(
      _ verdict: HistoryAnchor.Verdict, given: HistoryAnchor, checked: Int,
      _ context: CommandContext
    ) -> String {
      let t = context.t
      switch verdict {
      case .extended:
        return context.styled("✓ ", .green)
          + t("db.verify.extends", ["anchor": given.description])
      case .eventsRemoved(let events):
        return context.styled(
          t(
            "db.verify.removed",
            [
              "events": String(events), "count": String(given.count), "head": given.headHex,
              "missing": String(given.count - events),
            ]), .red)
      case .rewritten(let position, let found):
        return context.styled(
          t(
            "db.verify.rewritten",
            [
              "position": String(position), "case": found.caseCode, "seq": String(found.seq),
              "head": given.headHex,
            ]), .red)
      }
    }

    private func json(
      _ result: ChainVerification, given: HistoryAnchor?, verdict: HistoryAnchor.Verdict?,
      ok: Bool
    ) -> JSONValue {
      var members: [(String, JSONValue)] = [
        ("ok", .bool(ok)),
        ("checked", .int(Int64(result.checked))),
        (
          "firstBreak",
          result.firstBreak.map { broken in
            .object([
              ("event", .int(broken.eventID)), ("case", .string(broken.caseCode)),
              ("seq", .int(Int64(broken.seq))),
            ])
          } ?? .null
        ),
        ("anchor", .string(result.anchor?.description)),
      ]
      if let given {
        var check: [(String, JSONValue)] = [
          ("anchor", .string(given.description)),
          ("extended", .bool(verdict == .extended)),
        ]
        switch verdict {
        case .extended?:
          check.append(("problem", .null))
        case .eventsRemoved(let events)?:
          check += [
            ("problem", .string("events-removed")), ("events", .int(Int64(events))),
            ("missing", .int(Int64(given.count - events))),
          ]
        case .rewritten(let position, let found)?:
          check += [
            ("problem", .string("rewritten")),
            (
              "event",
              .object([
                ("position", .int(Int64(position))), ("case", .string(found.caseCode)),
                ("seq", .int(Int64(found.seq))),
              ])
            ),
          ]
        case nil:
          check.append(("problem", .string("chain-broken")))
        }
        members.append(("anchorCheck", .object(check)))
      }
      return .object(members)
    }
  }
}
