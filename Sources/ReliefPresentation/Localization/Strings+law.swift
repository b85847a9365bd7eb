// Words of the law as officers apply it (issue 15): the scope of intake of arrears complaints,
// the one-year LPR floor of an agreed rate, and the sixteen sectors of the size standard.

extension Strings {
  package static let englishlaw: [String: String] = [
    "error.scope.complainant-large":
      "a large enterprise cannot complain of arrears: the Regulations on Ensuring Payments to SMEs protect small and medium-sized enterprises (arts. 2, 3); to open it anyway, give --allow-out-of-scope REASON",
    "error.scope.debtor-other":
      "a debtor that is neither a government agency, a public institution nor a large enterprise is outside the Regulations on Ensuring Payments to SMEs (art. 2): record an ordinary consultation service instead (relief service log --type consultation); to open it anyway, give --allow-out-of-scope REASON",
    "error.scope.debtor-other-command":
      "a debtor that is neither a government agency, a public institution nor a large enterprise is outside the Regulations on Ensuring Payments to SMEs (art. 2): record an ordinary consultation service instead: relief service log --type consultation --date {date} --enterprise {uscc} --note \"{note}\"; to open it anyway, give --allow-out-of-scope REASON",
    "scope.consultation-note": "arrears owed by {debtor}",
    "error.scope.debtor-code":
      "the debtor code {code} begins with {prefix}, which names {says}, not a {type} (GB 32100-2015: 11 organs of state, 12 public institutions, 91-93 enterprises): correct --debtor-type or --debtor-code, or give --allow-out-of-scope REASON",
    "scope.code-names-none": "no debtor the regulation binds",
    "error.scope.not-yet-due":
      "the payment was due on {due} and is not overdue on {day}: a complaint may be made once the due date has passed (arts. 9, 24); to open it anyway, give --allow-out-of-scope REASON",
    "error.due-date-needed":
      "give --payment-due DATE, or --delivered DATE when no due date was agreed (the statutory one is then counted: 30 days for agencies and public institutions, 60 for large enterprises, art. 9)",
    "label.delivered": "Delivered",
    "label.contract-date": "Contract signed",
    "label.out-of-scope": "Out of scope",
    "label.assets": "Total assets",
    "msg.out-of-scope-warning":
      "opened outside the scope of intake (--allow-out-of-scope): {reason}",
    "msg.rate-raised-to-lpr":
      "the agreed rate {agreed} is below the one-year LPR {lpr} in force on the contract date (published {date}): interest accrues at {lpr} (Regulations on Ensuring Payments to SMEs, art. 17)",
    "sector.agriculture": "agriculture, forestry, animal husbandry and fishery",
    "sector.construction": "construction",
    "sector.warehousing": "warehousing",
    "sector.postal": "postal services",
    "sector.accommodation": "accommodation",
    "sector.catering": "catering",
    "sector.information-transmission": "information transmission",
    "sector.real-estate-development": "real-estate development",
    "sector.property-management": "property management",
    "sector.leasing-and-business-services": "leasing and business services",
    "sector.other": "other sectors",
    "lpr.col.date": "Published",
    "lpr.col.rate": "One-year LPR",
    "lpr.col.source": "Source",
    "lpr.source.shipped": "shipped with Relief",
    "lpr.source.imported": "imported",
    "lpr.done": "{count} one-year LPR values imported",
    "error.lpr-line": "line {line}: expected date,rate such as 2025-06-20,3.00%, found \"{text}\"",
    "error.lpr-before-first":
      "line {line}: {date} is before the first one-year LPR of the reformed mechanism ({first})",
    "error.lpr-repeated": "line {line}: {date} is listed twice",
    "error.lpr-empty": "the file lists no rate",
  ]

  package static let chineselaw: [String: String] = [
    "error.scope.complainant-large":
      "大型企业不能投诉拖欠账款：《保障中小企业款项支付条例》保护的是中小企业（第二条、第三条）；如仍要立案，请给出 --allow-out-of-scope 理由",
    "error.scope.debtor-other":
      "债务人既非机关、事业单位，也非大型企业，不属《保障中小企业款项支付条例》调整范围（第二条）：请改为登记一次普通咨询服务（relief service log --type consultation）；如仍要立案，请给出 --allow-out-of-scope 理由",
    "error.scope.debtor-other-command":
      "债务人既非机关、事业单位，也非大型企业，不属《保障中小企业款项支付条例》调整范围（第二条）：请改为登记一次普通咨询服务：relief service log --type consultation --date {date} --enterprise {uscc} --note \"{note}\"；如仍要立案，请给出 --allow-out-of-scope 理由",
    "scope.consultation-note": "{debtor} 拖欠账款",
    "error.scope.debtor-code":
      "债务人代码 {code} 以 {prefix} 开头，表示{says}，而非{type}（GB 32100-2015：11 机关，12 事业单位，91-93 企业）：请更正 --debtor-type 或 --debtor-code，或给出 --allow-out-of-scope 理由",
    "scope.code-names-none": "条例不调整的主体",
    "error.scope.not-yet-due":
      "约定付款日为 {due}，至 {day} 尚未逾期：付款期限届满后方可投诉（第九条、第二十四条）；如仍要立案，请给出 --allow-out-of-scope 理由",
    "error.due-date-needed":
      "请给出 --payment-due 日期；未约定付款期限的，给出 --delivered 交付日期（按法定期限计算：机关、事业单位 30 日，大型企业 60 日，第九条）",
    "label.delivered": "交付日期",
    "label.contract-date": "合同订立日",
    "label.out-of-scope": "超出受理范围",
    "label.assets": "资产总额",
    "msg.out-of-scope-warning": "超出受理范围立案（--allow-out-of-scope）：{reason}",
    "msg.rate-raised-to-lpr":
      "约定利率 {agreed} 低于合同订立时的1年期贷款市场报价利率 {lpr}（{date} 公布）：按 {lpr} 计息（《保障中小企业款项支付条例》第十七条）",
    "sector.agriculture": "农、林、牧、渔业",
    "sector.construction": "建筑业",
    "sector.warehousing": "仓储业",
    "sector.postal": "邮政业",
    "sector.accommodation": "住宿业",
    "sector.catering": "餐饮业",
    "sector.information-transmission": "信息传输业",
    "sector.real-estate-development": "房地产开发经营",
    "sector.property-management": "物业管理",
    "sector.leasing-and-business-services": "租赁和商务服务业",
    "sector.other": "其他未列明行业",
    "lpr.col.date": "公布日",
    "lpr.col.rate": "1年期LPR",
    "lpr.col.source": "来源",
    "lpr.source.shipped": "随 Relief 提供",
    "lpr.source.imported": "导入",
    "lpr.done": "已导入 {count} 个1年期LPR",
    "error.lpr-line": "第 {line} 行：应为“日期,利率”，如 2025-06-20,3.00%，实为“{text}”",
    "error.lpr-before-first": "第 {line} 行：{date} 早于改革后首次公布的1年期LPR（{first}）",
    "error.lpr-repeated": "第 {line} 行：{date} 重复列出",
    "error.lpr-empty": "文件中没有利率",
  ]
}
