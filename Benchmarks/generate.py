#!/usr/bin/env python3
"""Generates import files at the scale of a province, for Benchmarks/data.sh.

    generate.py FOLDER [ENTERPRISES] [CASES]

writes FOLDER/enterprises.csv (default 200,000 firms with valid codes and Chinese names) and
FOLDER/cases.csv (default 1,000,000 arrears, tax-refund, whitelist and cultivation cases opened
over 2025 and 2026). Deterministic: the same arguments give the same files.
"""
import os
import random
import sys

ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2]


def org_value(c):
    return int(c) if c.isdigit() else ord(c) - ord("A") + 10


def uscc(rng, region):
    body = "MA" + "".join(rng.choice(ALPHABET) for _ in range(6))
    s = sum(org_value(c) * w for c, w in zip(body, ORG_WEIGHTS))
    c = 11 - s % 11
    body += "X" if c == 10 else "0" if c == 11 else str(c)
    first17 = "91" + region + body
    s = sum(ALPHABET.index(c) * w for c, w in zip(first17, WEIGHTS))
    check = (31 - s % 31) % 31
    return first17 + ALPHABET[check]


CITIES = [("440106", "广州市"), ("440305", "深圳市"), ("440402", "珠海市"), ("440604", "佛山市"),
          ("441900", "东莞市"), ("442000", "中山市"), ("441302", "惠州市"), ("310115", "上海市"),
          ("330106", "杭州市"), ("350203", "厦门市"), ("510107", "成都市"), ("110108", "北京市")]
BRANDS = "星河 华信 恒达 宏远 金桥 瑞丰 中科 嘉禾 天成 博远 鼎盛 正合 海纳 晨光 云帆 德润 新锐 万象".split()
FILLER = "安宁泰和丰盛兴旺宏达永信益众鑫源茂昌隆汇通利达信诚瑞祥康福美乐佳华新创智远"
TRADES = [("科技", "software-and-it"), ("电子", "industry"), ("精密机械", "industry"),
          ("新材料", "industry"), ("食品", "industry"), ("软件", "software-and-it"),
          ("物流", "transport"), ("商贸", "wholesale"), ("连锁超市", "retail"), ("光电", "industry")]
DEBTORS = ["深圳市某区住房和建设局", "广州市某区城市管理和综合执法局", "佛山市某区交通运输局",
           "东莞市某镇人民政府", "中山市第一人民医院", "华粤建设集团有限公司", "珠江城市建设投资集团有限公司",
           "南海石化集团有限公司", "深海重工装备股份有限公司", "华南物流控股集团有限公司"]


def main():
    folder = sys.argv[1]
    enterprises = int(sys.argv[2]) if len(sys.argv) > 2 else 200_000
    cases = int(sys.argv[3]) if len(sys.argv) > 3 else 1_000_000
    rng = random.Random(20260428)
    os.makedirs(folder, exist_ok=True)
    codes = []
    seen = set()
    with open(os.path.join(folder, "enterprises.csv"), "w", encoding="utf-8") as out:
        out.write("uscc,name,region,sector,employees,revenue,contact,phone\n")
        while len(codes) < enterprises:
            region, city = rng.choice(CITIES)
            code = uscc(rng, region)
            if code in seen:
                continue
            seen.add(code)
            trade, sector = rng.choice(TRADES)
            name = city + rng.choice(BRANDS) + rng.choice(FILLER) + rng.choice(FILLER) + trade + "有限公司"
            staff = rng.choice([8, 15, 35, 60, 120, 260, 450, 800])
            revenue = staff * rng.randint(120, 900) * 1000
            phone = "1" + str(rng.randint(30, 89)) + str(rng.randint(10_000_000, 99_999_999))
            out.write(f"{code},{name},{region},{sector},{staff},{revenue},王伟,{phone}\n")
            codes.append(code)
    with open(os.path.join(folder, "cases.csv"), "w", encoding="utf-8") as out:
        out.write("kind,enterprise,openedAt,debtor,debtorType,amountOwed,paymentDueDate,"
                  "reliefType,amountClaimed,category,chain,tier,priorTierEvidence\n")
        listed = 0  # An enterprise has at most one open whitelist case: each gets its own.
        for index in range(cases):
            day = f"202{5 + index * 2 // cases}-{1 + (index * 24 // cases) % 12:02d}-{1 + index % 28:02d}"
            code = rng.choice(codes)
            roll = rng.random()
            if roll < 0.6:
                debtor = rng.choice(DEBTORS)
                kind = "large-enterprise" if "公司" in debtor else "government"
                out.write(f"arrears,{code},{day},{debtor},{kind},{rng.randint(1, 500) * 10000},"
                          f"{day},,,,,,\n")
            elif roll < 0.85:
                out.write(f"tax-refund,{code},{day},,,,,vat-credit-refund,{rng.randint(1, 90) * 1000},"
                          ",,,\n")
            elif roll < 0.9 and listed < len(codes):
                out.write(f"whitelist,{codes[listed]},{day},,,,,,,other,equipment,,\n")
                listed += 1
            else:
                out.write(f"cultivation,{code},{day},,,,,,,,,innovative,\n")


if __name__ == "__main__":
    main()
