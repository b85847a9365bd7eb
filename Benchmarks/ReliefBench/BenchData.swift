import ReliefDomain

/// Words the generated data is made of: places of a province (Guangdong) and a few beyond,
/// firms, debtors, departments, officers and notes.
enum BenchData {
  /// County-level regions with their city, weighted by how many firms they hold.
  static let regions: [((code: String, city: String), Int)] = [
    (("440103", "广州市"), 3), (("440104", "广州市"), 4), (("440105", "广州市"), 4),
    (("440106", "广州市"), 9), (("440111", "广州市"), 5), (("440112", "广州市"), 4),
    (("440113", "广州市"), 5), (("440114", "广州市"), 3), (("440115", "广州市"), 2),
    (("440303", "深圳市"), 4), (("440304", "深圳市"), 7), (("440305", "深圳市"), 9),
    (("440306", "深圳市"), 8), (("440307", "深圳市"), 7), (("440309", "深圳市"), 5),
    (("440402", "珠海市"), 3), (("440507", "汕头市"), 2), (("440604", "佛山市"), 3),
    (("440605", "佛山市"), 4), (("440606", "佛山市"), 5), (("440703", "江门市"), 2),
    (("440803", "湛江市"), 1), (("441202", "肇庆市"), 1), (("441302", "惠州市"), 3),
    (("441900", "东莞市"), 8), (("442000", "中山市"), 4), (("445102", "潮州市"), 1),
    (("445202", "揭阳市"), 1), (("310115", "上海市"), 1), (("330106", "杭州市"), 1),
    (("110108", "北京市"), 1),
  ]

  static let brands = Array(
    "星河 华信 恒达 宏远 金桥 瑞丰 中科 嘉禾 天成 博远 鼎盛 正合 海纳 晨光 云帆 德润 新锐 万象 鹏程 粤海 南方 明珠 凯达 利通 永兴 长青 创维 盈科 聚力 华南"
      .split(separator: " ").map(String.init))
  static let filler = Array("安宁泰和丰盛兴旺宏达永信益众鑫源茂昌隆汇通利达信诚瑞祥康福美乐佳华新创智远").map(String.init)

  /// Trades: the word in the name, the sector, an industry code.
  static let trades: [(word: String, sector: Sector, industry: String)] = [
    ("科技", .softwareAndIT, "I6510"), ("电子", .industry, "C3971"), ("精密机械", .industry, "C3484"),
    ("新材料", .industry, "C2651"), ("食品", .industry, "C1491"), ("软件", .softwareAndIT, "I6513"),
    ("物流", .transport, "G5438"), ("商贸", .wholesale, "F5179"), ("连锁超市", .retail, "F5211"),
    ("光电", .industry, "C3976"), ("模具", .industry, "C3525"), ("医疗器械", .industry, "C3581"),
  ]

  static let surnames = Array("王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高").map(String.init)
  static let givenNames = Array("伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英").map(String.init)

  /// Officers as they log in: pinyin names.
  static let officers: [String] = {
    let family = ["li", "wang", "zhang", "liu", "chen", "yang", "huang", "zhao", "wu", "zhou"]
    let given = [
      "wei", "fang", "na", "min", "jing", "li", "qiang", "lei", "jun", "yang", "yong", "yan",
      "jie", "juan", "tao", "ming", "chao", "xia", "ping", "gang",
    ]
    return family.flatMap { surname in given.map { "\(surname).\($0)" } }
  }()

  /// Debtors of complaints, with their type; `{city}` is the complainant's city. All within the
  /// scope of intake (ArrearsScope): agencies, public institutions, large enterprises.
  static let debtors: [(name: String, type: DebtorType, weight: Int)] = [
    ("{city}住房和城乡建设局", .government, 6), ("{city}城市管理和综合执法局", .government, 4),
    ("{city}交通运输局", .government, 4), ("{city}教育局", .government, 3),
    ("{city}卫生健康委员会", .government, 2), ("{city}某镇人民政府", .government, 5),
    ("{city}某街道办事处", .government, 4), ("{city}第一人民医院", .publicInstitution, 4),
    ("{city}中医院", .publicInstitution, 2), ("{city}职业技术学院", .publicInstitution, 2),
    ("{city}公共资源交易中心", .publicInstitution, 1), ("华粤建设集团有限公司", .largeEnterprise, 5),
    ("珠江城市建设投资集团有限公司", .largeEnterprise, 4), ("南海石化集团有限公司", .largeEnterprise, 3),
    ("深海重工装备股份有限公司", .largeEnterprise, 3), ("华南物流控股集团有限公司", .largeEnterprise, 3),
    ("粤通汽车制造股份有限公司", .largeEnterprise, 3), ("广电网络科技集团有限公司", .largeEnterprise, 2),
    ("{city}城市更新开发集团有限公司", .largeEnterprise, 3), ("{city}商贸集团有限公司", .largeEnterprise, 2),
  ]

  static let departments = [
    "市工业和信息化局", "市住房和城乡建设局", "市财政局", "市国有资产监督管理委员会", "区工业和信息化局",
    "区财政局", "市卫生健康委员会", "市交通运输局",
  ]

  static let reasons = [
    "材料不齐，请补充合同及对账单", "超出受理范围", "已进入诉讼程序", "企业申请撤回", "双方已自行和解",
    "欠款方申请分期", "需进一步核实", "超期未办结", "企业多次反映", "资质不符",
  ]

  /// Notes officers add to a history.
  static let notes = [
    "已电话联系企业负责人，了解欠款情况", "欠款方承诺月底前支付部分款项", "已发函督促欠款方履行付款义务",
    "企业补充提交了验收单和发票", "约谈欠款方财务负责人", "现场走访企业，核实合同履行情况",
    "企业反映资金周转困难，请求加快办理", "转办单位已回复，正在协调资金", "已将处理结果告知企业",
    "审核中发现申报期间有误，已退回修改", "企业申请加急办理", "已与税务部门沟通退税进度",
  ]

  static let campaigns = ["惠企政策进万企", "中小企业服务月", "数字化转型伙伴行动", "一起益企", "专精特新服务月"]

  static let serviceNotes = [
    "现场答疑", "线上直播", "政策解读", "银企对接会", "上门走访", "专家问诊", "集中培训",
  ]

  static let taxPeriods = ["Q1", "Q2", "Q3", "Q4"]
}
