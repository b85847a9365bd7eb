/// The four workflow definitions (Docs/workflows.md).
public enum Workflows {
  /// The score a cultivation candidate needs for recognition without a fast-track reason.
  public static let recognitionThreshold = 60
  /// How long a recognition is valid: three years for each tier, then a re-review (优质中小企业梯度
  /// 培育管理暂行办法, 工信部企业〔2022〕63号, as the 2026 measures keep it).
  public static let recognitionYears = 3
  /// How many days before `validUntil` a renewal (the re-review passed) may be recorded: the
  /// re-review is prepared in the last 90 days of the validity (agency practice under the same
  /// measures). A renewal adds 3 years to `validUntil`, which moves the window 3 years on: a
  /// recognition is renewed once per period.
  public static let renewalWindowDays = 90
  /// The longest ban a revocation may impose on a new cultivation case, in years. The measures
  /// bar an enterprise revoked on serious grounds (falsified data, a major safety, quality or
  /// environmental accident, tax evasion) from applying again for 3 years; 10 is a sanity bound.
  public static let banYearsLimit = 10

  /// Complaints about overdue payments under the Regulations on Ensuring Payments to SMEs.
  public static let arrears = Workflow(
    kind: .arrears,
    states: [
      StateSpec(
        .registered,
        clock: ClockSpec(
          setting: "clock.arrears.registered", unit: .workingDays, defaultLength: 10,
          rule: "accept or reject within 10 working days of registration")),
      StateSpec(.awaitingDocuments, pausesClock: true),
      StateSpec(
        .accepted,
        clock: ClockSpec(
          setting: "clock.arrears.accepted", unit: .workingDays, defaultLength: 10,
          isStatutory: true, rule: "transfer within 10 working days of acceptance")),
      StateSpec(
        .transferred,
        clock: arrearsResult),
      StateSpec(.resolved),
      StateSpec(.rejected, terminal: true),
      StateSpec(.closed, terminal: true),
      StateSpec(.withdrawn, terminal: true),
    ],
    initialState: .registered,
    detailFields: DetailField.arrears,
    transitions: [
      Transition(
        .requestDocuments, from: [.registered], to: .awaitingDocuments,
        inputs: [.required(.reason)]),
      Transition(.receiveDocuments, from: [.awaitingDocuments], to: .registered),
      Transition(.accept, from: [.registered], to: .accepted),
      Transition(.reject, from: [.registered], to: .rejected, inputs: [.required(.reason)]),
      Transition(
        .transfer, from: [.accepted], to: .transferred, inputs: [.required(.to)],
        effect: arrearsEffect("transfer.set-department") { details, inputs in
          details.handlingDepartment = inputs.to
        }),
      Transition(
        .extend, from: [.transferred], to: nil, inputs: [.required(.days), .required(.reason)],
        guards: [
          Guard("extend.within-limit") { context in
            guard let details = context.reliefCase.details.arrears else { return nil }
            let spec = arrearsResult
            let requested = context.inputs.days ?? 0
            if requested < 1 {
              return .invalidValue(field: "days", value: String(requested), expected: "1 or more")
            }
            let limit = context.clocks.limit(of: spec) ?? 90
            let used = context.clocks.length(of: spec) + details.extensionDays
            if used + requested > limit {
              return .extensionBeyondLimit(
                requested: requested, available: max(0, limit - used), limit: limit)
            }
            return nil
          }
        ],
        effect: arrearsEffect("extend.add-days") { details, inputs in
          details.extensionDays += inputs.days ?? 0
        }),
      Transition(
        .resolve, from: [.transferred], to: .resolved, inputs: [.required(.outcome)],
        guards: [
          Guard("resolve.paid-in-full-when-paid") { context in
            guard context.inputs.outcome == .paidInFull,
              let details = context.reliefCase.details.arrears,
              details.amountRecovered != details.amountOwed
            else { return nil }
            return .notPaidInFull(recovered: details.amountRecovered, owed: details.amountOwed)
          }
        ],
        effect: arrearsEffect("resolve.set-outcome") { details, inputs in
          details.outcome = inputs.outcome
        }),
      Transition(
        .reopen, from: [.resolved], to: .transferred, inputs: [.required(.reason)],
        effect: arrearsEffect("reopen.clear-outcome") { details, _ in
          details.outcome = nil
          details.extensionDays = 0
        }),
      Transition(
        .close, from: [.resolved], to: .closed, inputs: [.optional(.satisfaction)],
        effect: arrearsEffect("close.set-satisfaction") { details, inputs in
          details.satisfaction = inputs.satisfaction
        }),
      Transition(
        .withdraw, from: [.registered, .awaitingDocuments, .accepted, .transferred],
        to: .withdrawn, inputs: [.required(.reason)]),
      Transition(
        .pay, from: [.accepted, .transferred, .resolved], to: nil,
        inputs: [.required(.amount)],
        guards: [
          positiveAmount,
          Guard("pay.within-outstanding") { context in
            guard let details = context.reliefCase.details.arrears,
              let amount = context.inputs.amount, amount > details.outstanding
            else { return nil }
            return .paymentExceedsOutstanding(amount: amount, outstanding: details.outstanding)
          },
        ],
        effect: arrearsEffect("pay.add-to-recovered") { details, inputs in
          details.amountRecovered += inputs.amount ?? .zero
        }),
    ])

  /// Tax and fee relief: VAT credit refunds, tax and fee cuts, deferrals.
  public static let taxRefund = Workflow(
    kind: .taxRefund,
    states: [
      StateSpec(
        .applied,
        clock: ClockSpec(
          setting: "clock.tax-refund.applied", unit: .workingDays, defaultLength: 5,
          rule: "submission to the tax authority within 5 working days")),
      // The tax authority's decision clock depends on the relief type (the first that applies
      // runs; every relief type has exactly one, a test checks).
      StateSpec(
        .underReview,
        clocks: [
          // Tax Collection Law Implementing Rules art. 78: a refund applied for is checked and
          // made within 30 days of the application.
          ClockSpec(
            setting: "clock.tax-refund.under-review.refund", unit: .days, defaultLength: 30,
            isStatutory: true, when: .detail("reliefType", in: [ReliefType.vatCreditRefund]),
            rule: "refund decided within 30 days of submission (Implementing Rules art. 78)"),
          // Tax Collection Law Implementing Rules art. 42: a deferral is approved or refused
          // within 20 days of receiving the application.
          ClockSpec(
            setting: "clock.tax-refund.under-review.deferral", unit: .days, defaultLength: 20,
            isStatutory: true, when: .detail("reliefType", in: [ReliefType.taxDeferral]),
            rule: "deferral decided within 20 days of submission (Implementing Rules art. 42)"),
          // Other relief (tax and fee reductions): agency practice, 15 working days.
          ClockSpec(
            setting: "clock.tax-refund.under-review", unit: .workingDays, defaultLength: 15,
            when: .detail("reliefType", in: [ReliefType.taxReduction, .feeReduction]),
            rule: "other relief decided within 15 working days (agency practice)"),
        ]),
      StateSpec(.awaitingDocuments, pausesClock: true),
      StateSpec(
        .approved,
        clock: ClockSpec(
          setting: "clock.tax-refund.approved", unit: .workingDays, defaultLength: 10,
          rule: "disbursement within 10 working days")),
      StateSpec(.disbursed, terminal: true),
      StateSpec(.rejected, terminal: true),
      StateSpec(.withdrawn, terminal: true),
    ],
    initialState: .applied,
    detailFields: DetailField.taxRefund,
    transitions: [
      // `review` is the submission to the tax authority; `--to` names it. Optional, so that
      // histories recorded before it existed still replay and import.
      Transition(
        .review, from: [.applied], to: .underReview, inputs: [.optional(.to)],
        effect: taxRefundEffect("review.set-authority") { details, inputs in
          if let authority = inputs.to { details.taxAuthority = authority }
        }),
      Transition(
        .requestDocuments, from: [.underReview], to: .awaitingDocuments,
        inputs: [.required(.reason)]),
      Transition(.receiveDocuments, from: [.awaitingDocuments], to: .underReview),
      Transition(
        .approve, from: [.underReview], to: .approved, inputs: [.required(.amount)],
        guards: [
          positiveAmount,
          Guard("approve.within-claim") { context in
            guard let details = context.reliefCase.details.taxRefund,
              let amount = context.inputs.amount, amount > details.amountClaimed
            else { return nil }
            return .approvalExceedsClaim(amount: amount, claimed: details.amountClaimed)
          },
        ],
        effect: taxRefundEffect("approve.set-approved") { details, inputs in
          details.amountApproved = inputs.amount
        }),
      Transition(.reject, from: [.underReview], to: .rejected, inputs: [.required(.reason)]),
      Transition(
        .disburse, from: [.approved], to: .disbursed, inputs: [.optional(.amount)],
        guards: [
          positiveAmount,
          Guard("disburse.within-approval") { context in
            guard let details = context.reliefCase.details.taxRefund,
              let approved = details.amountApproved, let amount = context.inputs.amount,
              amount > approved
            else { return nil }
            return .disbursementExceedsApproval(amount: amount, approved: approved)
          },
        ],
        effect: Effect(
          "disburse.set-disbursed",
          prepare: { reliefCase, inputs, _ in
            if inputs.amount == nil { inputs.amount = reliefCase.details.taxRefund?.amountApproved }
          },
          apply: { reliefCase, inputs in
            if case .taxRefund(var details) = reliefCase.details {
              details.amountDisbursed = inputs.amount
              reliefCase.details = .taxRefund(details)
            }
          })),
      Transition(
        .withdraw, from: [.applied, .underReview, .awaitingDocuments], to: .withdrawn,
        inputs: [.required(.reason)]),
    ])

  /// Enrolment on the white list of key industrial and supply-chain enterprises.
  public static let whitelist = Workflow(
    kind: .whitelist,
    states: [
      StateSpec(.applied, clock: whitelistDecision),
      StateSpec(.reviewing, clock: whitelistDecision),
      StateSpec(.listed),
      StateSpec(.suspended),
      StateSpec(.rejected, terminal: true),
      StateSpec(.removed, terminal: true),
      StateSpec(.withdrawn, terminal: true),
    ],
    initialState: .applied,
    detailFields: DetailField.whitelist,
    openingGuards: [
      OpeningGuard("whitelist.one-open-case") { _, standing in
        standing.openWhitelistCase.map { .whitelistCaseOpen(existing: $0) }
      }
    ],
    transitions: [
      Transition(.review, from: [.applied], to: .reviewing),
      Transition(.approve, from: [.reviewing], to: .listed),
      Transition(.reject, from: [.reviewing], to: .rejected, inputs: [.required(.reason)]),
      Transition(
        .recognize, from: [.listed], to: nil, inputs: [.required(.region)],
        guards: [
          Guard("recognize.other-province") { context in
            guard let region = context.inputs.region?.province else { return nil }
            if let home = context.standing?.region.province, home == region {
              return .regionIsHomeProvince(region)
            }
            if context.reliefCase.details.whitelist?.recognizedRegions.contains(region) == true {
              return .regionAlreadyRecognized(region)
            }
            return nil
          }
        ],
        effect: Effect(
          "recognize.add-region",
          prepare: { _, inputs, _ in inputs.region = inputs.region?.province },
          apply: { reliefCase, inputs in
            if case .whitelist(var details) = reliefCase.details, let region = inputs.region {
              details.recognizedRegions.append(region)
              reliefCase.details = .whitelist(details)
            }
          })),
      Transition(.suspend, from: [.listed], to: .suspended, inputs: [.required(.reason)]),
      Transition(.reinstate, from: [.suspended], to: .listed),
      Transition(
        .remove, from: [.listed, .suspended], to: .removed, inputs: [.required(.reason)]),
      Transition(
        .withdraw, from: [.applied, .reviewing], to: .withdrawn,
        inputs: [.required(.reason)]),
    ])

  /// Tiered cultivation: innovative SME, specialized SME, little giant.
  public static let cultivation = Workflow(
    kind: .cultivation,
    states: [
      StateSpec(.candidate),
      StateSpec(.applied),
      StateSpec(
        .evaluating,
        clock: ClockSpec(
          setting: "clock.cultivation.evaluating", unit: .workingDays, defaultLength: 30,
          rule: "decision within 30 working days")),
      StateSpec(
        .recognized,
        clock: ClockSpec(
          setting: "clock.cultivation.recognized", unit: .validity, defaultLength: 90,
          rule: "re-review due when the recognition runs out; reminders from 90 days before")),
      StateSpec(.notRecognized, terminal: true),
      StateSpec(.revoked, terminal: true),
      StateSpec(.expired, terminal: true),
      StateSpec(.withdrawn, terminal: true),
    ],
    initialState: .candidate,
    detailFields: DetailField.cultivation,
    openingGuards: [
      // Only SMEs may be candidates (the measures; sizes by the 2011 classification standard,
      // 工信部联企业〔2011〕300号): an enterprise recorded as large is refused.
      OpeningGuard("cultivation.sme-only") { _, standing in
        standing.size == .large ? .cultivationNotSME : nil
      },
      // A revocation's ban (`revoke --ban-years N`) refuses a new case until the day it ends.
      OpeningGuard("cultivation.not-banned") { _, standing in
        guard let until = standing.cultivationBanUntil else { return nil }
        if let day = standing.day, day >= until { return nil }
        return .cultivationBanned(until: until)
      },
      OpeningGuard("cultivation.holds-tier-below") { details, standing in
        guard let details = details.cultivation, let below = details.tier.below,
          details.priorTierEvidence == nil
        else { return nil }
        if let held = standing.tier, held >= below { return nil }
        return .priorTierMissing(tier: details.tier, required: below)
      },
    ],
    transitions: [
      Transition(.apply, from: [.candidate], to: .applied),
      Transition(
        .evaluate, from: [.applied], to: .evaluating, inputs: [.required(.score)],
        guards: [
          Guard("evaluate.score-range") { context in
            guard let score = context.inputs.score, !(0...100).contains(score) else { return nil }
            return .scoreOutOfRange(score)
          }
        ],
        effect: cultivationEffect("evaluate.set-score") { details, inputs in
          details.score = inputs.score
        }),
      Transition(
        .recognize, from: [.evaluating], to: .recognized, inputs: [.optional(.fastTrack)],
        guards: [
          Guard("recognize.score-threshold") { context in
            let score = context.reliefCase.details.cultivation?.score ?? 0
            guard context.inputs.fastTrack == nil, score < recognitionThreshold else { return nil }
            return .scoreBelowThreshold(score: score, threshold: recognitionThreshold)
          }
        ],
        effect: Effect(
          "recognize.set-validity",
          prepare: { _, inputs, day in inputs.validUntil = day.adding(years: recognitionYears) },
          apply: { reliefCase, inputs in
            if case .cultivation(var details) = reliefCase.details {
              details.validUntil = inputs.validUntil
              details.fastTrack = inputs.fastTrack
              reliefCase.details = .cultivation(details)
            }
          })),
      Transition(
        .decline, from: [.evaluating], to: .notRecognized, inputs: [.required(.reason)]),
      // The re-review passed: only from 90 days before validUntil (or after it, when the
      // recognition lapsed unnoticed and no expiry was recorded); validUntil += 3 years, which
      // moves the window on, so once per period.
      Transition(
        .renew, from: [.recognized], to: nil,
        guards: [
          Guard("renew.within-window") { context in
            guard let validUntil = context.reliefCase.details.cultivation?.validUntil else {
              return nil
            }
            let opens = renewalOpens(validUntil: validUntil)
            guard context.day < opens else { return nil }
            return .renewalWindowNotOpen(opens: opens, validUntil: validUntil)
          }
        ],
        effect: Effect(
          "renew.extend-validity",
          prepare: { reliefCase, inputs, day in
            let current = reliefCase.details.cultivation?.validUntil ?? day
            inputs.validUntil = current.adding(years: recognitionYears)
          },
          apply: { reliefCase, inputs in
            if case .cultivation(var details) = reliefCase.details {
              details.validUntil = inputs.validUntil
              reliefCase.details = .cultivation(details)
            }
          })),
      // The re-review failed: the recognition is revoked, without a ban.
      Transition(
        .failReview, from: [.recognized], to: .revoked, inputs: [.required(.reason)]),
      // Revocation; `--ban-years N` (default 0, 3 on serious grounds under the measures) bars a
      // new cultivation case for the enterprise until the revocation day + N years.
      Transition(
        .revoke, from: [.recognized], to: .revoked,
        inputs: [.required(.reason), .optional(.banYears)],
        guards: [
          Guard("revoke.ban-years-range") { context in
            guard let years = context.inputs.banYears, !(0...banYearsLimit).contains(years)
            else { return nil }
            return .banYearsOutOfRange(years)
          }
        ],
        effect: Effect(
          "revoke.set-ban",
          prepare: { _, inputs, day in
            if let years = inputs.banYears, years > 0 {
              inputs.banUntil = day.adding(years: years)
            }
          },
          apply: { reliefCase, inputs in
            if case .cultivation(var details) = reliefCase.details {
              details.banUntil = inputs.banUntil
              reliefCase.details = .cultivation(details)
            }
          })),
      Transition(
        .expire, from: [.recognized], to: .expired,
        guards: [
          Guard("expire.after-validity") { context in
            guard let validUntil = context.reliefCase.details.cultivation?.validUntil,
              context.day <= validUntil
            else { return nil }
            return .recognitionStillValid(validUntil: validUntil)
          }
        ]),
      Transition(
        .withdraw, from: [.candidate, .applied, .evaluating], to: .withdrawn,
        inputs: [.required(.reason)]),
    ])

  /// True when a cultivation case's recognition gives its enterprise the tier on `day`: the case
  /// is `recognized` and its `validUntil` is not past. Revoked (`revoke`, `fail-review`) and
  /// expired recognitions are terminal states and never count; a lapsed one not yet expired stops
  /// counting the day after `validUntil`. The store reads an enterprise's standing through this;
  /// its SQL for lists (`Enterprises.tierRank`) is a copy, held to it by the end-to-end tests.
  public static func recognitionHolds(state: CaseState, validUntil: LocalDate?, on day: LocalDate)
    -> Bool
  {
    guard state == .recognized, let validUntil else { return false }
    return validUntil >= day
  }

  /// The first day a recognition valid until `validUntil` may be renewed.
  public static func renewalOpens(validUntil: LocalDate) -> LocalDate {
    validUntil.adding(days: -renewalWindowDays)
  }

  static let arrearsResult = ClockSpec(
    setting: "clock.arrears.transferred", unit: .days, defaultLength: 30,
    limit: ("clock.arrears.transferred.max", 90), isStatutory: true,
    rule: "written result within 30 days of transfer, extendable to 90 in total")

  static let whitelistDecision = ClockSpec(
    setting: "clock.whitelist.decision", unit: .workingDays, defaultLength: 5,
    anchor: .caseOpening, rule: "decision within 5 working days of opening")

  static let positiveAmount = Guard("amount.positive") { context in
    guard let amount = context.inputs.amount, amount <= .zero else { return nil }
    return .amountNotPositive(field: "amount")
  }

  static func arrearsEffect(
    _ id: String, _ change: @escaping @Sendable (inout ArrearsDetails, EventInputs) -> Void
  ) -> Effect {
    Effect(id) { reliefCase, inputs in
      guard case .arrears(var details) = reliefCase.details else { return }
      change(&details, inputs)
      reliefCase.details = .arrears(details)
    }
  }

  static func taxRefundEffect(
    _ id: String, _ change: @escaping @Sendable (inout TaxRefundDetails, EventInputs) -> Void
  ) -> Effect {
    Effect(id) { reliefCase, inputs in
      guard case .taxRefund(var details) = reliefCase.details else { return }
      change(&details, inputs)
      reliefCase.details = .taxRefund(details)
    }
  }

  static func cultivationEffect(
    _ id: String, _ change: @escaping @Sendable (inout CultivationDetails, EventInputs) -> Void
  ) -> Effect {
    Effect(id) { reliefCase, inputs in
      guard case .cultivation(var details) = reliefCase.details else { return }
      change(&details, inputs)
      reliefCase.details = .cultivation(details)
    }
  }
}
