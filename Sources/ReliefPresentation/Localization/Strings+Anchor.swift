// swift-format-ignore-file
// Words of the history's anchor (db anchor, db verify --anchor, the report's footer), of the
// append-only check of db check, and of the refusal of an unpaid "paid in full".

extension Strings {
  package static let englishAnchor: [String: String] = [
    "report.anchor": "History anchor: {anchor} (keep this line: `relief db verify --anchor` tells whether the history still extends it)",
    "db.verify.anchor": "History anchor: {anchor}",
    "db.verify.extends": "the history extends the anchor {anchor}",
    "db.verify.removed": "the history has {events} event(s); the anchor names {count} with head {head}: {missing} event(s) were removed",
    "db.verify.rewritten": "event {position} ({case} #{seq}) does not carry the anchor's head {head}: the history was rewritten",
    "error.anchor-malformed": "--anchor {value} is not an anchor: expected `relief-anchor COUNT HASH` as `relief db anchor` prints it (COUNT in digits, HASH 64 lowercase hexadecimal digits)",
    "db.check.append-only": "events, steps, officers and clock specs append-only",
    "db.problem.trigger-missing": "trigger {trigger} is missing: {operation} is no longer refused",
    "db.problem.trigger-altered": "trigger {trigger} no longer refuses {operation}",
    "guard.resolve.paid-in-full-when-paid": "paid-in-full only when the amount recovered equals the amount owed",
    "error.not-paid-in-full": "cannot resolve as paid-in-full: {recovered} recovered of {owed} owed; record the payments first (`case act ID pay --amount A`) or choose another outcome",
  ]

  package static let chineseAnchor: [String: String] = [
    "report.anchor": "历史锚点：{anchor}（请另行保存此行：`relief db verify --anchor` 可检查历史是否仍延续该锚点）",
    "db.verify.anchor": "历史锚点：{anchor}",
    "db.verify.extends": "历史延续锚点 {anchor}",
    "db.verify.removed": "历史现有 {events} 个事件；锚点记载 {count} 个，末位哈希 {head}：有 {missing} 个事件被删除",
    "db.verify.rewritten": "第 {position} 个事件（{case} #{seq}）的哈希与锚点的末位哈希 {head} 不符：历史被改写",
    "error.anchor-malformed": "--anchor {value} 不是有效的锚点：应为 `relief db anchor` 输出的 `relief-anchor 数量 哈希`（数量为数字，哈希为 64 位小写十六进制）",
    "db.check.append-only": "事件、步骤、办理人和时限规格只增不改",
    "db.problem.trigger-missing": "触发器 {trigger} 缺失：不再拒绝 {operation}",
    "db.problem.trigger-altered": "触发器 {trigger} 已不再拒绝 {operation}",
    "guard.resolve.paid-in-full-when-paid": "仅当已追回金额等于欠款金额时方可办结为全额清偿",
    "error.not-paid-in-full": "不能办结为全额清偿：欠款 {owed}，已追回 {recovered}；请先记录回款（`case act ID pay --amount A`）或选择其他办结结果",
  ]
}
