/// An administrative division code (GB/T 2260): province (2 digits), prefecture (2), county (2).
public struct RegionCode: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
  /// The six digits, such as `440300` (Shenzhen).
  public let rawValue: String

  /// A code known to be valid, without re-checking it (values read back from the database).
  public init(trusted rawValue: String) {
    self.rawValue = rawValue
  }

  /// Parses six digits whose province exists; `440000` is a province, `440300` a prefecture.
  public init(parsing text: String) throws(RegionError) {
    let code = Text.trimmed(text, newlines: false)
    guard code.count == 6, code.allSatisfy(\.isASCIIDigit) else { throw .malformed(code) }
    guard Regions.provinces[String(code.prefix(2))] != nil else {
      throw .unknownProvince(code)
    }
    if code.dropFirst(2).prefix(2) == "00", code.suffix(2) != "00" {
      throw .malformed(code)
    }
    self.rawValue = code
  }

  /// The two province digits, such as `44`.
  public var provinceDigits: String { String(rawValue.prefix(2)) }

  /// The province this division belongs to, such as `440000`.
  public var province: RegionCode { RegionCode(trusted: provinceDigits + "0000") }

  /// True for a province-level code (`XX0000`).
  public var isProvince: Bool { rawValue.hasSuffix("0000") }

  public var description: String { rawValue }

  public static func < (lhs: RegionCode, rhs: RegionCode) -> Bool { lhs.rawValue < rhs.rawValue }

  public init(from decoder: any Decoder) throws {
    rawValue = try decoder.singleValueContainer().decode(String.self)
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(rawValue)
  }
}

/// A region filter: 2 digits (a province), 4 (a prefecture) or 6 (a county).
public struct RegionPrefix: Hashable, Sendable, CustomStringConvertible {
  /// The digits.
  public let digits: String

  /// Parses 2, 4 or 6 digits with a known province. Trailing zero pairs of a 6-digit code are
  /// kept: `440000` means the province itself and everything in it only when written `44`.
  public init(parsing text: String) throws(RegionError) {
    let digits = Text.trimmed(text, newlines: false)
    guard [2, 4, 6].contains(digits.count), digits.allSatisfy(\.isASCIIDigit) else {
      throw .malformedPrefix(digits)
    }
    guard Regions.provinces[String(digits.prefix(2))] != nil else {
      throw .unknownProvince(digits)
    }
    self.digits = digits
  }

  /// True when the code lies in this region.
  public func contains(_ code: RegionCode) -> Bool {
    code.rawValue.hasPrefix(digits)
  }

  /// The smallest code after every code with this prefix, for range queries: `44` gives `45`.
  public var upperBound: String {
    var bytes = Array(digits.utf8)
    var index = bytes.count - 1
    while index >= 0 {
      if bytes[index] < UInt8(ascii: "9") {
        bytes[index] += 1
        return String(decoding: bytes[0...index], as: UTF8.self)
      }
      index -= 1
    }
    return ":"
  }

  public var description: String { digits }
}

/// Why a region was refused.
public enum RegionError: Error, Equatable, Sendable {
  /// Not six digits, or a county under no prefecture.
  case malformed(String)
  /// Not 2, 4 or 6 digits.
  case malformedPrefix(String)
  /// The first two digits are no province.
  case unknownProvince(String)
}

/// Names of divisions: every province, and the prefectures and counties Relief knows by name.
public enum Regions {
  /// Province codes (two digits) with their Chinese and English names.
  public static let provinces: [String: (zh: String, en: String)] = [
    "11": ("北京市", "Beijing"), "12": ("天津市", "Tianjin"), "13": ("河北省", "Hebei"),
    "14": ("山西省", "Shanxi"), "15": ("内蒙古自治区", "Inner Mongolia"),
    "21": ("辽宁省", "Liaoning"), "22": ("吉林省", "Jilin"), "23": ("黑龙江省", "Heilongjiang"),
    "31": ("上海市", "Shanghai"), "32": ("江苏省", "Jiangsu"), "33": ("浙江省", "Zhejiang"),
    "34": ("安徽省", "Anhui"), "35": ("福建省", "Fujian"), "36": ("江西省", "Jiangxi"),
    "37": ("山东省", "Shandong"), "41": ("河南省", "Henan"), "42": ("湖北省", "Hubei"),
    "43": ("湖南省", "Hunan"), "44": ("广东省", "Guangdong"),
    "45": ("广西壮族自治区", "Guangxi"), "46": ("海南省", "Hainan"), "50": ("重庆市", "Chongqing"),
    "51": ("四川省", "Sichuan"), "52": ("贵州省", "Guizhou"), "53": ("云南省", "Yunnan"),
    "54": ("西藏自治区", "Tibet"), "61": ("陕西省", "Shaanxi"), "62": ("甘肃省", "Gansu"),
    "63": ("青海省", "Qinghai"), "64": ("宁夏回族自治区", "Ningxia"),
    "65": ("新疆维吾尔自治区", "Xinjiang"), "71": ("台湾省", "Taiwan"),
    "81": ("香港特别行政区", "Hong Kong"), "82": ("澳门特别行政区", "Macao"),
  ]

  /// Prefectures and counties known by name (4 or 6 digits), enough to name the demo's firms.
  public static let divisions: [String: String] = [
    "1101": "北京市", "110101": "东城区", "110105": "朝阳区", "110108": "海淀区",
    "1201": "天津市", "120116": "滨海新区", "1301": "石家庄市", "1302": "唐山市",
    "1306": "保定市", "1401": "太原市", "1501": "呼和浩特市", "1502": "包头市",
    "2101": "沈阳市", "2102": "大连市", "2201": "长春市", "2301": "哈尔滨市",
    "3101": "上海市", "310101": "黄浦区", "310104": "徐汇区", "310110": "杨浦区",
    "310115": "浦东新区", "3201": "南京市", "3202": "无锡市", "3204": "常州市",
    "3205": "苏州市", "320505": "虎丘区", "320506": "吴中区", "3206": "南通市",
    "3301": "杭州市", "330106": "西湖区", "3302": "宁波市", "330212": "鄞州区",
    "3303": "温州市", "3304": "嘉兴市", "3306": "绍兴市", "3307": "金华市", "3401": "合肥市",
    "3402": "芜湖市", "3501": "福州市", "3502": "厦门市", "350203": "思明区",
    "350206": "湖里区", "3505": "泉州市", "350503": "丰泽区", "3601": "南昌市",
    "3701": "济南市", "3702": "青岛市", "370212": "崂山区", "3706": "烟台市",
    "3707": "潍坊市", "4101": "郑州市", "4103": "洛阳市", "4201": "武汉市",
    "420111": "洪山区", "4205": "宜昌市", "4301": "长沙市", "4302": "株洲市",
    "4401": "广州市", "440106": "天河区", "440111": "白云区", "440307": "龙岗区",
    "440402": "香洲区", "440604": "禅城区", "440606": "顺德区", "4407": "江门市",
    "440703": "蓬江区", "4405": "汕头市", "440507": "龙湖区", "441302": "惠城区",
    "430104": "岳麓区", "610113": "雁塔区", "4403": "深圳市", "440304": "福田区",
    "440305": "南山区", "440306": "宝安区", "4404": "珠海市", "4406": "佛山市",
    "4413": "惠州市", "4419": "东莞市", "4420": "中山市", "4501": "南宁市", "4502": "柳州市",
    "4601": "海口市", "5001": "重庆市", "500103": "渝中区", "500112": "渝北区",
    "5101": "成都市", "510107": "武侯区", "5107": "绵阳市", "5201": "贵阳市",
    "5301": "昆明市", "5401": "拉萨市", "6101": "西安市", "6201": "兰州市",
    "6301": "西宁市", "6401": "银川市", "6501": "乌鲁木齐市",
  ]

  /// The Chinese name of a code as precisely as Relief knows it: `广东省深圳市南山区`.
  public static func chineseName(of code: RegionCode) -> String {
    let province = provinces[code.provinceDigits]?.zh ?? code.provinceDigits
    if code.isProvince { return province }
    let prefectureKey = String(code.rawValue.prefix(4))
    var name = province
    if let prefecture = divisions[prefectureKey], prefecture != province {
      name += prefecture
    }
    if !code.rawValue.hasSuffix("00"), let county = divisions[code.rawValue] {
      name += county
    }
    return name
  }
}
