import ReliefDomain
import ReliefPresentation

/// The words the demo builds realistic names from. All firms and debtors are fictional.
enum DemoData {
  /// Places the demo's enterprises are registered in: Guangdong first (the demo agency is
  /// Guangdong's SME service centre), then other provinces.
  static let homeRegions: [(code: String, city: String)] = [
    ("440106", "广州市"), ("440111", "广州市"), ("440304", "深圳市"), ("440305", "深圳市"),
    ("440306", "深圳市"), ("440307", "深圳市"), ("440402", "珠海市"), ("440604", "佛山市"),
    ("440606", "佛山市"), ("441900", "东莞市"), ("442000", "中山市"), ("441302", "惠州市"),
    ("440703", "江门市"), ("440507", "汕头市"),
  ]

  static let otherRegions: [(code: String, city: String)] = [
    ("310115", "上海市"), ("320505", "苏州市"), ("330106", "杭州市"), ("330212", "宁波市"),
    ("350203", "厦门市"), ("350503", "泉州市"), ("370212", "青岛市"), ("420111", "武汉市"),
    ("510107", "成都市"), ("110108", "北京市"), ("430104", "长沙市"), ("610113", "西安市"),
  ]

  static let brands = [
    "星河", "华信", "恒达", "宏远", "金桥", "瑞丰", "中科", "嘉禾", "天成", "博远", "鼎盛", "正合",
    "海纳", "晨光", "云帆", "德润", "新锐", "万象", "卓越", "汇通", "同创", "蓝海", "远景", "和谐",
    "启明", "长青", "福瑞", "兴业", "精诚", "安泰", "明阳", "凯达", "永信", "宇航", "华彩", "锦程",
    "创维", "立德", "信达", "骏马", "泰和", "光华", "智远", "敏达", "乐康", "优品", "嘉信", "盛世",
  ]

  /// Industry words with the sector and the industry code (GB/T 4754) they suggest.
  static let trades: [(word: String, sector: Sector, industry: String)] = [
    ("科技", .softwareAndIT, "I6513"), ("电子", .industry, "C3971"),
    ("精密机械", .industry, "C3484"), ("新材料", .industry, "C2929"),
    ("生物医药", .industry, "C2761"), ("食品", .industry, "C1499"),
    ("纺织", .industry, "C1713"), ("软件", .softwareAndIT, "I6511"),
    ("物流", .transport, "G5990"), ("汽车零部件", .industry, "C3670"),
    ("环保科技", .industry, "C3591"), ("智能装备", .industry, "C3490"),
    ("半导体", .industry, "C3973"), ("医疗器械", .industry, "C3581"),
    ("商贸", .wholesale, "F5179"), ("连锁超市", .retail, "F5212"),
    ("信息技术", .softwareAndIT, "I6531"), ("光电", .industry, "C3976"),
  ]

  static let surnames = ["王", "李", "张", "刘", "陈", "杨", "黄", "赵", "周", "吴", "徐", "孙", "林", "郭"]
  static let givenNames = [
    "伟", "芳", "敏", "静", "磊", "洋", "艳", "勇", "军", "杰", "娟", "涛", "明", "超", "霞",
  ]

  /// Officers of the demo agency.
  static let officers = ["chen.jing", "li.wei", "wang.fang", "zhang.min", "liu.yang"]

  /// Debtors: government agencies, public institutions and large enterprises, some owing many;
  /// all within the scope of intake (ArrearsScope), each with a code that agrees with its type.
  static let debtors: [(name: String, type: DebtorType)] = [
    ("深圳市某区住房和建设局", .government), ("广州市某区城市管理和综合执法局", .government),
    ("佛山市某区交通运输局", .government), ("东莞市某镇人民政府", .government),
    ("珠海市某区教育局", .government), ("惠州市某县水务局", .government),
    ("中山市第一人民医院", .publicInstitution), ("广州某职业技术学院", .publicInstitution),
    ("深圳市某区疾病预防控制中心", .publicInstitution), ("佛山市某区公共资源交易中心", .publicInstitution),
    ("华粤建设集团有限公司", .largeEnterprise), ("珠江城市建设投资集团有限公司", .largeEnterprise),
    ("岭南交通建设集团有限公司", .largeEnterprise), ("广信汽车集团股份有限公司", .largeEnterprise),
    ("南海石化集团有限公司", .largeEnterprise), ("粤通电子商务集团有限公司", .largeEnterprise),
    ("深海重工装备股份有限公司", .largeEnterprise), ("华南物流控股集团有限公司", .largeEnterprise),
    ("广府城市更新开发集团有限公司", .largeEnterprise),
  ]

  static let departments = [
    "市工业和信息化局", "市住房和城乡建设局", "市交通运输局", "市国资委", "市财政局", "区工业和信息化局",
  ]

  /// Tax authorities a relief application is submitted to (`review --to`).
  static let taxAuthorities = [
    "国家税务总局深圳市南山区税务局", "国家税务总局深圳市福田区税务局", "国家税务总局深圳市宝安区税务局",
    "国家税务总局广州市天河区税务局", "国家税务总局深圳市税务局",
  ]

  /// Grounds of a revocation with a ban, and of a failed re-review.
  static let revocationGrounds = ["提供虚假申报材料", "发生重大安全生产事故", "存在偷漏税行为"]
  static let reviewFailures = ["复核评分未达到60分", "主营业务收入占比下降，不再符合认定条件"]

  static let notes = [
    "已电话联系企业核实情况", "企业补充提供了合同和发票复印件", "已与欠款方召开协调会",
    "欠款方承诺月底前支付首期款项", "企业反映对接顺畅", "已现场走访核实", "等待承办部门书面答复",
  ]

  static let reasons = [
    "材料不全，缺少合同与验收单", "企业主动撤回", "已进入诉讼程序", "不属于受理范围", "逾期未补正材料",
    "承办部门申请延长办理期限", "企业对答复不满意", "专项督办", "超期未办结",
  ]
}
