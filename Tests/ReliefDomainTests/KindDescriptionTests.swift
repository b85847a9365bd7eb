import Testing

@testable import ReliefDomain

/// Each kind's description of its details (`CaseKind.detailFields`) is the one place its facts
/// are written; these tests hold it to the details types and to the workflows' effects.
@Suite("Kind descriptions")
struct KindDescriptionTests {
  @Test(
    "names are unique within a kind, and set where the field is set", arguments: CaseKind.allCases)
  func names(kind: CaseKind) {
    let fields = kind.detailFields
    #expect(!fields.isEmpty)
    #expect(Set(fields.map(\.key)).count == fields.count)
    #expect(Set(fields.compactMap(\.storedKey)).count == fields.compactMap(\.storedKey).count)
    #expect(Set(fields.compactMap(\.optionName)).count == fields.compactMap(\.optionName).count)
    #expect(!fields.compactMap(\.storedKey).contains("kind"), "kind is the stored JSON's tag")
    for field in fields {
      let atOpening = field.setBy == .opening
      #expect((field.optionName != nil) == atOpening, "\(field.key)")
      #expect((field.importColumn != nil) == atOpening, "\(field.key)")
      #expect(!field.requiredAtOpening || atOpening, "\(field.key)")
      #expect((field.storedKey == nil) == (field.setBy == .derived), "\(field.key)")
      #expect(field.labelKey.hasPrefix("label."), "\(field.key)")
      if case .enumeration(_, let values) = field.type { #expect(!values.isEmpty) }
    }
    // `workflow show` and the docs list the required opening options, derived from the fields.
    #expect(
      kind.workflow.openingInputs
        == fields.filter(\.requiredAtOpening).compactMap(\.optionName))
    #expect(kind.openingFields.contains { $0.requiredAtOpening })
  }

  @Test(
    "every field has a value of its type in a case of its kind in every state",
    arguments: CaseKind.allCases)
  func valuesInEveryState(kind: CaseKind) throws {
    for state in kind.workflow.states {
      let reliefCase = try Fixtures.reliefCase(kind, in: state.name)
      for field in kind.detailFields {
        let value = try #require(field.value(in: reliefCase.details), "\(kind) \(field.key)")
        #expect(value.fits(field.type), "\(kind) \(field.key): \(value)")
        if case .enumeration(_, let allowed) = field.type, case .text(let raw?) = value {
          #expect(allowed.contains(raw), "\(kind) \(field.key): \(raw)")
        }
      }
      // A field of another kind has no value here.
      for other in CaseKind.allCases where other != kind {
        for field in other.detailFields {
          #expect(field.value(in: reliefCase.details) == nil)
        }
      }
    }
  }

  @Test(
    "a field changes only by the events it names, and each names events that change it",
    arguments: CaseKind.allCases)
  func setByEvents(kind: CaseKind) throws {
    let workflow = kind.workflow
    var changedBy: [String: Set<EventName>] = [:]
    for state in workflow.states {
      let before = try Fixtures.reliefCase(kind, in: state.name)
      let step = workflow.shortestPath(to: state.name).count + 1
      for event in workflow.allowedEvents(in: state.name) {
        var inputs = Fixtures.inputs(for: event, kind: kind)
        if event == .extend { inputs.days = 1 }
        // Optional inputs too, so that what they set is seen to change.
        for input in workflow.transition(event)?.inputs ?? [] where !input.isRequired {
          switch input.field {
          case .fastTrack: inputs.fastTrack = "fixture"
          case .satisfaction: inputs.satisfaction = .satisfied
          case .to: inputs.to = "fixture authority"
          case .banYears: inputs.banYears = 3
          default: break
          }
        }
        guard
          let after = try? before.applying(
            EventRequest(
              event, inputs: inputs, at: Fixtures.time(step: step, event: event),
              officer: "tester"), context: Fixtures.context()
          ).reliefCase
        else { continue }
        for field in kind.detailFields
        where field.value(in: before.details) != field.value(in: after.details) {
          changedBy[field.key, default: []].insert(event)
          switch field.setBy {
          case .derived: break
          case .opening:
            Issue.record("\(kind) \(field.key) is set at opening but \(event) changed it")
          case .events(let events):
            #expect(events.contains(event), "\(kind) \(field.key) changed by \(event)")
          }
        }
      }
    }
    for field in kind.detailFields {
      guard case .events(let events) = field.setBy else { continue }
      for event in events {
        let transition = try #require(workflow.transition(event), "\(kind) has no \(event)")
        #expect(transition.effect != nil, "\(kind) \(event) has no effect")
      }
      // The driven cases reach every event that sets something (a reopening clears it).
      #expect(!(changedBy[field.key] ?? []).isEmpty, "\(kind) \(field.key) never changed")
    }
  }

  @Test("the event and state constants are the workflows' names")
  func constants() {
    let events = Set(CaseKind.allCases.flatMap { $0.workflow.transitions.map(\.event) })
    let states = Set(CaseKind.allCases.flatMap { $0.workflow.states.map(\.name) })
    let named: [EventName] = [
      .requestDocuments, .receiveDocuments, .accept, .reject, .transfer, .extend, .resolve,
      .reopen, .close, .withdraw, .pay, .review, .approve, .disburse, .recognize, .suspend,
      .reinstate, .remove, .apply, .evaluate, .decline, .renew, .revoke, .expire, .note, .assign,
      .supervise, .failReview,
    ]
    let namedStates: [CaseState] = [
      .registered, .awaitingDocuments, .accepted, .transferred, .resolved, .rejected, .closed,
      .withdrawn, .applied, .underReview, .approved, .disbursed, .reviewing, .listed, .suspended,
      .removed, .candidate, .evaluating, .recognized, .notRecognized, .revoked, .expired,
    ]
    #expect(Set(named) == events)
    #expect(Set(namedStates) == states)
  }
}
