import ArgumentParser
import ReliefDomain
import ReliefPresentation

extension Relief.WorkflowGroup {
  /// `relief workflow show KIND`: the workflow, generated from its definition.
  struct Show: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "show",
      abstract: "Show a kind's states, events, inputs, guards and clocks.",
      discussion: "The diagrams in Docs/workflows.md are made with --format mermaid.")

    enum Format: String, ExpressibleByArgument, CaseIterable {
      case text, mermaid, dot
    }

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The kind: arrears, tax-refund, whitelist, cultivation.")
    var kind: CaseKind

    @Option(help: "text, mermaid or dot.")
    var format: Format = .text

    func run() throws {
      let workflow = kind.workflow
      let t = global.localizer
      if global.json {
        StandardOutput.print(WorkflowRendering.json(workflow, t: t).render())
        return
      }
      switch format {
      case .text:
        StandardOutput.print(
          WorkflowRendering.text(
            workflow, t: t, terminal: .current(environment: Environment.values)))
      case .mermaid: StandardOutput.print(WorkflowRendering.mermaid(workflow))
      case .dot: StandardOutput.print(WorkflowRendering.dot(workflow))
      }
    }
  }
}

/// A workflow as text, Mermaid, Graphviz dot and JSON: all generated from the definition.
enum WorkflowRendering {
  static func inputs(_ transition: Transition) -> String {
    transition.inputs.map { $0.isRequired ? "--\($0.field.rawValue)" : "[--\($0.field.rawValue)]" }
      .joined(separator: " ")
  }

  static func text(_ workflow: Workflow, t: Localizer, terminal: Terminal) -> String {
    var lines: [String] = []
    lines.append(
      Style.bold.apply(
        "\(t.kind(workflow.kind)) (\(workflow.kind.rawValue)): \(workflow.kind.idPrefix)-YYYY-NNNNNN",
        colour: terminal.usesColour))
    var states = Table(columns: [
      .init(header: t("col.state")), .init(header: ""), .init(header: t("col.clock")),
    ])
    for state in workflow.states {
      var clock = state.pausesClock ? t("label.clock-stops") : ""
      if !state.clocks.isEmpty {
        clock = state.clocks.map { spec in
          let text = t(
            "clock.\(spec.setting)",
            ["length": String(spec.defaultLength), "limit": String(spec.limit?.defaultValue ?? 0)])
          return spec.condition.map { "\($0.values.joined(separator: ", ")): \(text)" } ?? text
        }.joined(separator: "; ")
      }
      var label = t.state(state.name)
      if state.name == workflow.initialState { label += " ▶" }
      if state.isTerminal { label += " ■" }
      states.add([Table.Cell(state.name.rawValue), Table.Cell(label), Table.Cell(clock)])
    }
    lines.append("")
    lines.append(states.render(terminal: terminal))
    var events = Table(columns: [
      .init(header: t("col.event")), .init(header: t("col.from")), .init(header: t("col.to")),
      .init(header: t("col.inputs")), .init(header: t("col.guards")),
    ])
    events.add([
      Table.Cell(EventName.open.rawValue), "—", Table.Cell(workflow.initialState.rawValue),
      Table.Cell(
        (["enterprise"] + workflow.openingInputs).map { "--\($0)" }.joined(separator: " ")),
      Table.Cell(workflow.openingGuards.map { t("guard.\($0.id)") }.joined(separator: "; ")),
    ])
    for transition in workflow.transitions where !transition.isCommon {
      let effects = transition.effect.map { [t("effect.\($0.id)")] } ?? []
      events.add([
        Table.Cell(transition.event.rawValue),
        Table.Cell(transition.sources.map(\.rawValue).joined(separator: ", ")),
        Table.Cell(transition.target?.rawValue ?? t("label.same-state")),
        Table.Cell(inputs(transition)),
        Table.Cell(
          (transition.guards.map { t("guard.\($0.id)") } + effects).joined(separator: "; ")),
      ])
    }
    lines.append("")
    lines.append(events.render(terminal: terminal))
    let common = workflow.transitions.filter(\.isCommon).map { transition in
      let scope =
        transition.sources.count == workflow.states.count
        ? t("label.every-state") : t("label.every-open-state")
      return "\(transition.event.rawValue) \(inputs(transition)) (\(scope))"
    }
    lines.append("")
    lines.append("\(t("label.common-events")): \(common.joined(separator: "; "))")
    return lines.joined(separator: "\n")
  }

  static func mermaidID(_ state: CaseState) -> String {
    state.rawValue.replacingOccurrences(of: "-", with: "_")
  }

  static func mermaid(_ workflow: Workflow) -> String {
    var lines = ["stateDiagram-v2"]
    for state in workflow.states where state.name.rawValue.contains("-") {
      lines.append("  state \"\(state.name.rawValue)\" as \(mermaidID(state.name))")
    }
    lines.append("  [*] --> \(mermaidID(workflow.initialState)): open")
    for transition in workflow.transitions where !transition.isCommon {
      for source in transition.sources {
        let target = transition.target ?? source
        lines.append(
          "  \(mermaidID(source)) --> \(mermaidID(target)): \(transition.event.rawValue)")
      }
    }
    for state in workflow.states where state.isTerminal {
      lines.append("  \(mermaidID(state.name)) --> [*]")
    }
    for state in workflow.states where state.pausesClock {
      lines.append("  note right of \(mermaidID(state.name)): clock stops; restarts on receipt")
    }
    for state in workflow.states where !state.clocks.isEmpty {
      let texts = state.clocks.map { clock in
        let unit = clock.unit == .workingDays ? "working days" : "days"
        let condition = clock.condition.map { " (\($0.values.joined(separator: ", ")))" } ?? ""
        return clock.unit == .validity
          ? "re-review at validUntil, reminders \(clock.defaultLength) days before"
          : "clock\(condition): \(clock.defaultLength) \(unit)\(clock.isStatutory ? " (statutory)" : "")"
      }
      lines.append("  note right of \(mermaidID(state.name)): \(texts.joined(separator: "; "))")
    }
    return lines.joined(separator: "\n")
  }

  static func dot(_ workflow: Workflow) -> String {
    var lines = [
      "digraph \"\(workflow.kind.rawValue)\" {",
      "  rankdir=LR;",
      "  node [shape=box, style=rounded, fontname=\"Helvetica\"];",
      "  edge [fontname=\"Helvetica\", fontsize=10];",
      "  start [shape=point, label=\"\"];",
    ]
    for state in workflow.states {
      var attributes: [String] = []
      if state.isTerminal { attributes.append("peripheries=2") }
      if !state.clocks.isEmpty {
        let lengths = state.clocks.map { clock in
          let unit = clock.unit == .workingDays ? "wd" : clock.unit == .days ? "d" : "d reminder"
          return "\(clock.defaultLength) \(unit)"
        }
        attributes.append(
          "label=\"\(state.name.rawValue)\\n(\(lengths.joined(separator: " / ")))\"")
      }
      let suffix = attributes.isEmpty ? "" : " [\(attributes.joined(separator: ", "))]"
      lines.append("  \"\(state.name.rawValue)\"\(suffix);")
    }
    lines.append("  start -> \"\(workflow.initialState.rawValue)\" [label=\"open\"];")
    for transition in workflow.transitions where !transition.isCommon {
      for source in transition.sources {
        let target = transition.target ?? source
        lines.append(
          "  \"\(source.rawValue)\" -> \"\(target.rawValue)\" [label=\"\(transition.event.rawValue)\"];"
        )
      }
    }
    lines.append("}")
    return lines.joined(separator: "\n")
  }

  static func json(_ workflow: Workflow, t: Localizer) -> JSONValue {
    .object([
      ("kind", .string(workflow.kind.rawValue)),
      ("idPrefix", .string(workflow.kind.idPrefix)),
      ("initialState", .string(workflow.initialState.rawValue)),
      ("openingInputs", .array(workflow.openingInputs.map { .string($0) })),
      ("openingGuards", .array(workflow.openingGuards.map { .string($0.id) })),
      (
        "states",
        .array(
          workflow.states.map { state in
            .object([
              ("name", .string(state.name.rawValue)),
              ("terminal", .bool(state.isTerminal)),
              ("pausesClock", .bool(state.pausesClock)),
              (
                "clocks",
                .array(
                  state.clocks.map { clock in
                    .object([
                      ("setting", .string(clock.setting)),
                      ("unit", .string(clock.unit.rawValue)),
                      ("length", .int(Int64(clock.defaultLength))),
                      ("anchor", .string(clock.anchor.rawValue)),
                      ("limit", .int(clock.limit?.defaultValue)),
                      ("statutory", .bool(clock.isStatutory)),
                      (
                        "when",
                        clock.condition.map { condition in
                          .object([
                            ("detail", .string(condition.detail)),
                            ("values", .array(condition.values.map { .string($0) })),
                          ])
                        } ?? .null
                      ),
                    ])
                  })
              ),
            ])
          })
      ),
      (
        "events",
        .array(
          workflow.transitions.map { transition in
            .object([
              ("event", .string(transition.event.rawValue)),
              ("from", .array(transition.sources.map { .string($0.rawValue) })),
              ("to", .string(transition.target?.rawValue)),
              (
                "inputs",
                .array(
                  transition.inputs.map { input in
                    .object([
                      ("option", .string(input.field.rawValue)),
                      ("required", .bool(input.isRequired)),
                    ])
                  })
              ),
              ("guards", .array(transition.guards.map { .string($0.id) })),
              ("effect", .string(transition.effect?.id)),
              ("common", .bool(transition.isCommon)),
            ])
          })
      ),
    ])
  }
}
