/// The words of imports' and restores' own refusals, and of a database constraint.
package let englishImports: [String: String] = [
  "imports.error.id-year":
    "{id} carries the year {idYear}, but its case was opened in {year} (in the agency's time zone); a case's id carries the year it was opened in",
  "imports.error.recorded-before":
    "event #{seq} was recorded at {recordedAt}, before it took effect at {at}; recordedAt may not be earlier than at",
  "imports.error.future": "{at} is in the future (now is {now})",
  "imports.error.updated-before-created":
    "{updatedAt} is earlier than createdAt ({createdAt}); an enterprise cannot be updated before it was registered",
  "imports.error.duplicate-key": "is given twice in one JSON object; give each key once",
  "imports.error.constraint":
    "the database refused a value that breaks one of its rules (a text too long, a number out of range); check the record's values",
]

/// 导入与恢复的拒绝信息。
package let chineseImports: [String: String] = [
  "imports.error.id-year": "{id} 的年份是 {idYear}，但该案件于 {year} 年（按本机构时区）立案；案件编号须带立案年份",
  "imports.error.recorded-before": "第 {seq} 个事件的记录时间 {recordedAt} 早于其生效时间 {at}；recordedAt 不能早于 at",
  "imports.error.future": "{at} 晚于当前时间（现在是 {now}）",
  "imports.error.updated-before-created": "{updatedAt} 早于 createdAt（{createdAt}）；企业不能在登记之前被更新",
  "imports.error.duplicate-key": "在同一个 JSON 对象中出现了两次；每个键只能给出一次",
  "imports.error.constraint": "数据库拒绝了违反其规则的值（文字过长或数值超出范围）；请检查该记录的各项值",
]
