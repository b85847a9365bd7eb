import ReliefDomain

/// The columns an import takes and an export writes, named as the JSON keys. One definition
/// serves the import's checks, the export's header and `--help`.
package struct ColumnSet {
  /// Columns every record must fill.
  package let required: [String]
  /// Columns a file may leave out or leave empty.
  package let optional: [String]
  /// Columns an export writes that an import accepts and ignores: they are derived (an
  /// enterprise's tier comes from its cases).
  package let ignored: [String]
  /// Columns an export writes that this import refuses, with the key of the reason.
  package let refused: [String]
  /// Why `refused` columns are refused.
  package let refusedReason: String

  package init(
    required: [String], optional: [String], ignored: [String] = [], refused: [String] = [],
    refusedReason: String = ""
  ) {
    self.required = required
    self.optional = optional
    self.ignored = ignored
    self.refused = refused
    self.refusedReason = refusedReason
  }

  /// Every column an import accepts.
  package var accepted: [String] { required + optional + ignored }

  /// The accepted column a header cell names (ignoring case and surrounding spaces), if any.
  package func canonical(_ cell: String) -> String? {
    let wanted = cell.trimmingCharacters(in: .whitespaces).lowercased()
    return (accepted + refused).first { $0.lowercased() == wanted }
  }

  /// A one-paragraph summary for `--help`.
  package var help: String {
    var text =
      "Columns (JSON keys; CSV needs a header row): required \(required.joined(separator: ", "))"
    text += "; optional \(optional.joined(separator: ", "))"
    if !ignored.isEmpty {
      text += "; accepted and ignored (derived) \(ignored.joined(separator: ", "))"
    }
    return text + "."
  }
}

/// The column sets of every import and export (Docs/data.md describes them).
package enum Columns {
  /// Enterprises: the keys of `relief enterprise show --json`, plus when they were registered.
  package static let enterprises = ColumnSet(
    required: ["uscc", "name", "region"],
    optional: [
      "size", "sector", "employees", "revenue", "assets", "industry", "contact", "phone",
      "checksumWarning", "createdAt", "updatedAt",
    ],
    ignored: ["tier", "whitelisted"])

  /// The opening facts of each kind of case, as the keys of a case's `details`: the import
  /// columns of the kind's description (`CaseKind.detailFields`).
  package static let openingDetails: [(kind: String, required: [String], optional: [String])] =
    CaseKind.allCases.map { kind in
      let fields = kind.openingFields
      return (
        kind.rawValue, fields.filter(\.requiredAtOpening).compactMap(\.importColumn),
        fields.filter { !$0.requiredAtOpening }.compactMap(\.importColumn)
      )
    }

  /// The details no opening sets (events set them, or they are derived): a new case cannot
  /// bring them.
  package static let detailsAfterOpening = CaseKind.allCases.flatMap { kind in
    kind.detailFields.filter { $0.setBy != .opening }.map(\.key)
  }

  /// Cases opened anew by an import (CSV, or JSON without a history).
  package static let newCases = ColumnSet(
    required: ["kind", "enterprise"],
    optional: ["title", "assignee", "openedAt", "officer"]
      + openingDetails.flatMap { $0.required + $0.optional },
    ignored: [
      "enterpriseName", "region", "dueDate", "alert", "nextEvents", "interest", "warnings",
    ],
    refused: [
      "id", "state", "updatedAt", "closedAt", "supervisionLevel", "history",
    ] + detailsAfterOpening,
    refusedReason: "import.error.needs-history")

  /// The keys of a case restored with its history (JSON): those of `relief case show --json`.
  package static let restoredCases = ColumnSet(
    required: ["id", "kind", "history"],
    optional: ["state", "enterprise", "title", "assignee", "openedAt"],
    ignored: [
      "enterpriseName", "region", "updatedAt", "closedAt", "dueDate", "alert", "supervisionLevel",
      "details", "nextEvents", "interest", "warnings",
    ])

  /// Services.
  package static let services = ColumnSet(
    required: ["type", "date"],
    optional: ["region", "campaign", "note", "served", "enterprises", "officer", "recordedAt"],
    ignored: ["id"])

  /// The columns of `relief export cases --format csv`: the keys of a case in JSON with its
  /// `details` spread out (for one kind, only that kind's details), as the kinds' descriptions list
  /// them.
  package static func caseExport(kind: String?) -> [String] {
    let base = [
      "id", "kind", "state", "enterprise", "enterpriseName", "region", "title", "assignee",
      "openedAt", "updatedAt", "closedAt", "dueDate", "alert", "supervisionLevel",
    ]
    let details = CaseKind.allCases.filter { kind == nil || $0.rawValue == kind }
      .flatMap { $0.detailFields.map(\.key) }
    return base + details + ["nextEvents"]
  }

  /// The columns of `relief export events --format csv`.
  package static let eventExport = [
    "case", "kind", "seq", "event", "from", "to", "at", "recordedAt", "officer", "note", "reason",
    "department", "amount", "outcome", "days", "score", "region", "satisfaction", "fastTrack",
    "assignee", "level", "validUntil", "enterprise", "title",
  ]

  /// The columns of `relief export enterprises --format csv`.
  package static let enterpriseExport = [
    "uscc", "name", "region", "size", "sector", "employees", "revenue", "assets", "industry",
    "contact", "phone", "tier", "whitelisted", "checksumWarning", "createdAt", "updatedAt",
  ]

  /// The columns of `relief export services --format csv`.
  package static let serviceExport = [
    "id", "type", "date", "region", "campaign", "note", "served", "enterprises", "officer",
    "recordedAt",
  ]
}
