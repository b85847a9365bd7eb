// swift-format-ignore-file
// Words of cultivation's re-review, revocation, ban and expiry, and of tax relief's submission to
// the tax authority with its decision clocks by relief type.

extension Strings {
  package static let englishCult: [String: String] = [
    "event.fail-review": "re-review failed",
    "event.tax-refund.review": "submitted to the tax authority",
    "input.ban-years": "ban (years)",
    "input.banUntil": "ban until",
    "label.tax-authority": "Tax authority",
    "label.ban-until": "Banned until",
    "guard.cultivation.sme-only": "the enterprise is not recorded as large (SMEs only)",
    "guard.cultivation.not-banned": "no revocation's ban is in force",
    "guard.renew.within-window": "only within the 90 days before validUntil, or after it; once per period",
    "guard.revoke.ban-years-range": "ban from 0 to 10 years",
    "effect.review.set-authority": "records the tax authority",
    "effect.revoke.set-ban": "bans a new cultivation case until the revocation day plus the years",
    "clock.clock.tax-refund.under-review.refund": "VAT credit refund decided within {length} days of submission (Implementing Rules art. 78, statutory)",
    "clock.clock.tax-refund.under-review.deferral": "deferral decided within {length} days of submission (Implementing Rules art. 42, statutory)",
    "error.renewal-window": "the renewal window opens on {opens}, 90 days before the recognition runs out ({date}); a recognition is renewed once per period",
    "error.ban-years-range": "--ban-years {years} is out of range: 0 to {limit}",
    "error.cultivation-not-sme": "only SMEs may be cultivation candidates; the enterprise is recorded as large (`relief enterprise update` if that is wrong)",
    "error.cultivation-banned": "a revocation bars a new cultivation case for this enterprise until {date}",
    "sla.expired": "Expired {count} lapsed recognition(s) as officer system: {cases}",
  ]

  package static let chineseCult: [String: String] = [
    "event.fail-review": "复核未通过",
    "event.tax-refund.review": "已提交税务机关",
    "input.ban-years": "禁止申报年限",
    "input.banUntil": "禁止申报至",
    "label.tax-authority": "税务机关",
    "label.ban-until": "禁止申报至",
    "guard.cultivation.sme-only": "企业未登记为大型企业（仅限中小企业）",
    "guard.cultivation.not-banned": "不在撤销后的禁止申报期内",
    "guard.renew.within-window": "仅限有效期届满前90日内或届满后；每个有效期一次",
    "guard.revoke.ban-years-range": "禁止申报0至10年",
    "effect.review.set-authority": "记录受理的税务机关",
    "effect.revoke.set-ban": "自撤销之日起按年限禁止新的培育申报",
    "clock.clock.tax-refund.under-review.refund": "提交之日起{length}日内办理留抵退税（实施细则第七十八条，法定）",
    "clock.clock.tax-refund.under-review.deferral": "提交之日起{length}日内作出延期缴纳决定（实施细则第四十二条，法定）",
    "error.renewal-window": "复核窗口自{opens}起开放（有效期{date}届满前90日）；每个有效期只能复核通过一次",
    "error.ban-years-range": "--ban-years {years} 超出范围：0至{limit}",
    "error.cultivation-not-sme": "仅中小企业可以作为培育对象；该企业登记为大型企业（如有误请用 `relief enterprise update`）",
    "error.cultivation-banned": "该企业被撤销认定，{date}前不得新建梯度培育案件",
    "sla.expired": "已以 system 身份将{count}项过期认定记为失效：{cases}",
  ]
}
