import ArgumentParser
import ReliefDomain
import ReliefStore

extension Relief.DbGroup {
  /// `relief db verify`: walks the audit chain and names the first event that was altered.
  struct Verify: StoreCommand {
    static let configuration = CommandConfiguration(
      commandName: "verify",
      abstract: "Verify the audit chain: name the first event whose hash does not match.",
      discussion: """
        Each event carries a SHA-256 hash over its content and the previous event's hash. An \
        altered column, a deleted or inserted event, or a case renumbered under its events breaks \
        the chain at that event. Exits 0 when the chain holds, 1 otherwise.
        """)

    @OptionGroup var global: GlobalOptions

    var readsOnly: Bool { true }

    func run(_ context: CommandContext) throws {
      let t = context.t
      let total = try context.store.read { try $0.counts().events }
      let progress = Progress(label: t("db.verify.progress"), total: total)
      var reported = 0
      let result = try context.store.read { session in
        try session.verifyChain { checked in
          progress.advance(by: checked - reported)
          reported = checked
        }
      }
      progress.finish()
      if context.json {
        context.print(
          json: .object([
            ("ok", .bool(result.firstBreak == nil)),
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
          ]))
      } else if let broken = result.firstBreak {
        context.print(
          context.styled(
            t(
              "db.verify.broken",
              [
                "event": String(broken.eventID), "case": broken.caseCode, "seq": String(broken.seq),
                "checked": String(result.checked),
              ]), .red))
      } else {
        context.print(
          context.styled("✓ ", .green) + t("db.verify.ok", ["checked": String(result.checked)]))
      }
      if result.firstBreak != nil { throw ExitCode.failure }
    }
  }
}
