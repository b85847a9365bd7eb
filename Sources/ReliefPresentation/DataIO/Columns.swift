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

  /// The accepted column a header cell names, if any: its JSON key (ignoring case) or its
  /// Chinese header (`统一社会信用代码`), ignoring surrounding spaces.
  package func canonical(_ cell: String) -> String? {
    let trimmed = cell.trimmingCharacters(in: .whitespaces)
    let wanted = trimmed.lowercased()
    return (accepted + refused).first {
      $0.lowercased() == wanted || Columns.definition($0).chinese == trimmed
    }
  }

  /// A one-paragraph summary for `--help`.
  package var help: String {
    var text =
      "Columns (JSON keys or their Chinese headers; CSV and .xlsx need a header row): required \(required.joined(separator: ", "))"
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
      "enterpriseName", "region", "dueDate", "alert", "reReviewDue", "nextEvents", "interest",
      "warnings",
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
      "enterpriseName", "region", "updatedAt", "closedAt", "dueDate", "alert", "reReviewDue",
      "supervisionLevel", "details", "nextEvents", "interest", "warnings",
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
      "openedAt", "updatedAt", "closedAt", "dueDate", "alert", "reReviewDue", "supervisionLevel",
    ]
    let details = CaseKind.allCases.filter { kind == nil || $0.rawValue == kind }
      .flatMap { $0.detailFields.map(\.key) }
    return base + details + ["nextEvents"]
  }

  /// The columns of `relief export events --format csv`.
  package static let eventExport = [
    "case", "kind", "seq", "event", "from", "to", "at", "recordedAt", "officer", "note", "reason",
    "department", "amount", "outcome", "days", "score", "region", "satisfaction", "fastTrack",
    "assignee", "level", "validUntil", "banYears", "banUntil", "enterprise", "title",
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

/// What a column holds, for a spreadsheet's typed cells and for the words `--lang zh` puts in
/// its cells.
package enum CellType: Equatable, Sendable {
  /// Text; a whole number (a service's id) as a number.
  case text
  /// A code, however many digits: always text, so that `00123` and an 18-digit code keep every
  /// digit.
  case code
  /// A whole number.
  case integer
  /// An amount of money: a number shown with two decimals (`#,##0.00`).
  case money
  /// A day: an Excel date.
  case date
  /// A timestamp: an Excel date and time in the agency's time zone.
  case time
  /// `true` or `false`.
  case boolean
  /// Codes separated by `;`.
  case list
  /// An identifier whose labels are `group.identifier` in the language tables.
  case enumeration(group: String)
  /// A case state (`state`, `from`, `to`).
  case state
  /// An event name, or a list of them (`nextEvents`), labelled for the row's kind.
  case event
}

/// One column of the imports and exports: its JSON key (the header of an English export and the
/// import's contract), its Chinese header, and what it holds.
package struct ColumnDefinition: Sendable {
  package let key: String
  /// The header of a `--lang zh` export, also accepted by every import.
  package let chinese: String
  /// What the column holds.
  package let type: CellType
}

extension Columns {
  /// Every column of every import and export, one line each: the one place of each header in
  /// each language (English is the JSON key). A detail of a case takes its type from the kind's
  /// description (`CaseKind.detailFields`). Two keys may share a Chinese header only when no
  /// import or export has both (a test holds them to it).
  package static let definitions: [String: ColumnDefinition] = {
    let table: [(String, String, CellType?)] = [
      // Enterprises.
      ("uscc", "统一社会信用代码", .code), ("name", "企业名称", .text),
      ("region", "行政区划代码", .code), ("size", "企业规模", .enumeration(group: "size")),
      ("sector", "所属行业", .enumeration(group: "sector")), ("employees", "从业人员", .integer),
      ("revenue", "营业收入", .money), ("industry", "行业代码", .code), ("contact", "联系人", .text),
      ("phone", "联系电话", .code), ("tier", "培育层级", .enumeration(group: "tier")),
      ("whitelisted", "白名单", .boolean), ("checksumWarning", "校验码存疑", .boolean),
      ("createdAt", "录入时间", .time), ("updatedAt", "更新时间", .time),
      // Cases.
      ("id", "编号", .text), ("kind", "案件类型", .enumeration(group: "kind")),
      ("state", "办理状态", .state), ("enterprise", "统一社会信用代码", .code),
      ("enterpriseName", "企业名称", .text), ("title", "案件标题", .text),
      ("assignee", "经办人", .text), ("openedAt", "登记时间", .time), ("closedAt", "办结时间", .time),
      ("dueDate", "办理期限", .date), ("alert", "预警", .enumeration(group: "alert")),
      ("reReviewDue", "待复审", .boolean), ("taxAuthority", "受理税务机关", nil),
      ("banUntil", "禁止申报期至", nil), ("banYears", "禁止申报年限", .integer),
      ("assets", "资产总额", .money), ("deliveredOn", "交付日期", nil),
      ("contractDate", "合同订立日", nil), ("outOfScope", "超范围受理理由", nil),
      ("supervisionLevel", "督办级别", .text), ("nextEvents", "可办理事项", .event),
      ("officer", "记录人", .text), ("interest", "逾期利息", .text), ("warnings", "提示", .text),
      ("history", "办理记录", .text), ("details", "详情", .text),
      // The details of each kind (types from `CaseKind.detailFields`).
      ("debtor", "欠款方", nil), ("debtorType", "欠款方类型", nil), ("debtorCode", "欠款方信用代码", nil),
      ("contract", "合同编号", .code), ("amountOwed", "欠款金额", nil), ("paymentDueDate", "约定付款日", nil),
      ("amountRecovered", "已回款金额", nil), ("amountOutstanding", "尚欠金额", nil),
      ("handlingDepartment", "承办部门", nil), ("outcome", "办理结果", nil),
      ("extensionDays", "延期天数", nil), ("annualRate", "约定年利率", nil),
      ("satisfaction", "满意度", nil), ("reliefType", "减免类型", nil), ("amountClaimed", "申请金额", nil),
      ("amountApproved", "批准金额", nil), ("amountDisbursed", "拨付金额", nil),
      ("taxPeriod", "所属期", .code), ("category", "白名单类别", nil), ("chain", "产业链", nil),
      ("recognizedRegions", "互认省份", nil), ("score", "评分", nil), ("validUntil", "有效期至", nil),
      ("priorTierEvidence", "前一层级证明", nil), ("fastTrack", "快速通道", nil),
      // Events.
      ("case", "案件编号", .code), ("seq", "序号", .integer), ("event", "事件", .event),
      ("from", "原状态", .state), ("to", "新状态", .state), ("at", "发生时间", .time),
      ("recordedAt", "记录时间", .time), ("note", "备注", .text), ("reason", "理由", .text),
      ("department", "承办部门", .text), ("amount", "金额", .money),
      ("days", "天数", .integer), ("level", "督办级别", .text),
      // Services.
      ("type", "服务类型", .enumeration(group: "service-type")), ("date", "服务日期", .date),
      ("campaign", "活动名称", .text), ("served", "服务企业数", .integer),
      ("enterprises", "服务企业", .list),
    ]
    let details = CaseKind.allCases.flatMap(\.detailFields)
    var result: [String: ColumnDefinition] = [:]
    for (key, chinese, given) in table {
      let type = given ?? details.first { $0.key == key }.map { cellType(of: $0.type) } ?? .text
      result[key] = ColumnDefinition(key: key, chinese: chinese, type: type)
    }
    return result
  }()

  /// The cell type of a detail of a case.
  static func cellType(of type: DetailField.ValueType) -> CellType {
    switch type {
    case .text, .rate: return .text
    case .money: return .money
    case .date: return .date
    case .integer, .days: return .integer
    case .uscc: return .code
    case .enumeration(let table, _): return .enumeration(group: table)
    case .regions: return .list
    }
  }

  /// The definition of a column (every key of the imports and exports has one; a test holds
  /// them to it).
  package static func definition(_ key: String) -> ColumnDefinition {
    definitions[key] ?? ColumnDefinition(key: key, chinese: key, type: .text)
  }

  /// A column's header in a language: the JSON key, or its Chinese label.
  package static func header(_ key: String, _ language: Language) -> String {
    language == .zh ? definition(key).chinese : key
  }
}
