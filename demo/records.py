"""Demo IP records of the park's enterprises and of outside holders, and their pledges."""

import datetime as dt
import random
from decimal import Decimal

from enterprises.codes import patent_check_digit
from enterprises.models import (
    Copyright,
    Enterprise,
    GIProduct,
    ICLayoutDesign,
    Industry,
    Patent,
    PlantVariety,
    Trademark,
    default_expiry,
)
from finance.matching import link_pledged_patents
from finance.models import Pledge, PledgedItem

from .roster import seed_management

TITLES = {
    Industry.GREEN_CHEMICALS: [
        "一种磷石膏综合利用方法",
        "一种精细化工中间体的合成工艺",
        "一种废水中有机物的催化降解装置",
        "一种高纯度磷酸的提纯方法",
        "一种环保型表面活性剂及其制备方法",
    ],
    Industry.NEW_ENERGY_MATERIALS: [
        "一种锂离子电池正极材料及其制备方法",
        "一种高镍三元前驱体的连续合成装置",
        "一种石墨烯导电浆料",
        "一种固态电解质膜",
        "一种储能电池热管理系统",
    ],
    Industry.HIGH_END_EQUIPMENT: [
        "一种智能焊接机器人",
        "一种数控机床主轴冷却结构",
        "一种汽车底盘轻量化支架",
        "一种自动化装配生产线",
        "一种精密减速器",
    ],
    Industry.BIOMEDICINE: [
        "一种中药提取物及其应用",
        "一种缓释注射剂的制备方法",
        "一种医用导管",
        "一种检测试剂盒",
        "一种药物晶型",
    ],
    Industry.OTHER: ["一种农产品保鲜装置", "一种数据采集终端", "一种包装盒", "一种智能仓储管理方法", "一种照明灯具"],
}


OUTSIDE_HOLDERS = [
    "武汉理工大学",
    "华中科技大学",
    "湖北工业大学",
    "宜昌某某精细化工有限公司",
    "襄阳某某汽车部件有限公司",
]


BANKS = ["中国银行荆门分行", "湖北银行荆门分行", "交通银行荆门分行", "农业银行荆门分行", "建设银行荆门分行"]


MARK_WORDS = [
    "宏拓",
    "楚绿",
    "锂源",
    "掇刀",
    "恒瑞",
    "荆力",
    "中科",
    "天元",
    "象山",
    "康泰",
    "绿源",
    "东宝",
    "漳河",
    "高新",
    "荆楚",
    "明珠",
    "磷研",
    "仁和",
    "华智",
    "凤凰",
    "光电",
    "长宁",
    "屈家岭",
    "龙泉",
]


def _day(rng: random.Random, year: int) -> dt.date:
    return dt.date(year, 1, 1) + dt.timedelta(days=rng.randint(0, 364))


def seed_records(enterprises: list[Enterprise]) -> dict[str, int]:
    """A few thousand realistic records across 2015–2025; the same ones on every run."""
    rng = random.Random(2025)
    patents, serials = [], {}
    for index in range(3000):
        enterprise = rng.choice(enterprises) if rng.random() < 0.9 else None
        grant_year = rng.choices(range(2016, 2026), weights=[2, 3, 3, 4, 5, 6, 7, 8, 9, 10])[0]
        type_digit = rng.choices("1238", weights=[24, 60, 15, 1])[0]
        delay = rng.randint(500, 1100) if type_digit in "18" else rng.randint(150, 360)
        granted = _day(rng, grant_year)
        applied = granted - dt.timedelta(days=delay)
        year = applied.year
        serials[year] = serials.get(year, rng.randint(100000, 200000)) + rng.randint(1, 40)
        digits = f"{year}{type_digit}{serials[year]:07d}"[:12]
        status, lapse = "valid", None
        if rng.random() < 0.12:
            status, lapse = "lapsed", granted + dt.timedelta(days=rng.randint(200, 2500))
            if lapse > dt.date(2025, 12, 31):
                status, lapse = "valid", None
        if rng.random() < 0.06:
            granted, status = None, rng.choice(["pending", "pending", "rejected", "withdrawn"])
        pct = type_digit in "18" and rng.random() < 0.05
        industry = enterprise.industry if enterprise else Industry.OTHER
        patents.append(
            Patent(
                application_number=f"{digits}.{patent_check_digit(digits)}",
                patent_type={"1": "invention", "8": "invention", "2": "utility_model", "3": "design"}[type_digit],
                pct_entry=type_digit == "8",
                title=rng.choice(TITLES[industry or Industry.OTHER]),
                application_date=applied,
                grant_date=granted,
                legal_status=status,
                lapse_date=lapse,
                pct_number=f"PCT/CN{applied.year}/{100000 + index:06d}" if pct else "",
                pct_filing_date=applied + dt.timedelta(days=rng.randint(30, 300)) if pct else None,
                strategic_emerging=type_digit in "18" and rng.random() < 0.3,
                overseas_family=type_digit in "18" and rng.random() < 0.05,
                holder_name=enterprise.name if enterprise else rng.choice(OUTSIDE_HOLDERS),
                holder_credit_code=enterprise.credit_code if enterprise else "",
                enterprise=enterprise,
            )
        )
    Patent.objects.bulk_create(patents, ignore_conflicts=True, batch_size=500)

    marks = []
    for index in range(1500):
        enterprise = rng.choice(enterprises) if rng.random() < 0.92 else None
        registered = _day(rng, rng.choices(range(2012, 2026), weights=[2, 2, 3, 3, 4, 4, 5, 6, 7, 8, 9, 10, 11, 12])[0])
        marks.append(
            Trademark(
                registration_number=str(30000000 + index * 7),
                nice_class=rng.randint(1, 45),
                mark=rng.choice(MARK_WORDS) + rng.choice(["", "牌", "科技", "新材"]),
                application_date=registered - dt.timedelta(days=rng.randint(180, 400)),
                registration_date=registered,
                expiry_date=default_expiry(registered),
                status=rng.choices(["valid", "cancelled", "invalid"], weights=[92, 5, 3])[0],
                holder_name=enterprise.name if enterprise else "外地商贸有限公司",
                holder_credit_code=enterprise.credit_code if enterprise else "",
                enterprise=enterprise,
            )
        )
    qujialing = next((e for e in enterprises if "屈家岭" in e.name), enterprises[0])
    marks.append(
        Trademark(
            registration_number="29990001",
            nice_class=31,
            mark="屈家岭葡萄",
            registration_date=dt.date(2024, 9, 14),
            expiry_date=default_expiry(dt.date(2024, 9, 14)),
            status="valid",
            geographical_indication=True,
            holder_name=qujialing.name,
            holder_credit_code=qujialing.credit_code,
            enterprise=qujialing,
        )
    )
    Trademark.objects.bulk_create(marks, ignore_conflicts=True, batch_size=500)

    by_enterprise: dict[int, list[str]] = {}
    for number, enterprise_id in Patent.objects.filter(enterprise__isnull=False, grant_date__isnull=False).values_list(
        "application_number", "enterprise_id"
    ):
        by_enterprise.setdefault(enterprise_id, []).append(number)
    pledges, items = [], []
    for index in range(150):
        enterprise = rng.choice(enterprises)
        year = rng.choices(range(2019, 2026), weights=[3, 4, 5, 6, 8, 9, 10])[0]
        ip_type = rng.choices(["patent", "trademark"], weights=[85, 15])[0]
        numbers = by_enterprise.get(enterprise.pk) or []
        pledge = Pledge(
            registration_number=f"Y{year}{index:06d}",
            pledgor_name=enterprise.name,
            pledgor_credit_code=enterprise.credit_code,
            enterprise=enterprise,
            pledgee_name=rng.choice(BANKS),
            ip_type=ip_type,
            amount=Decimal(rng.randint(100, 3000)) * 10000,
            registration_date=_day(rng, year),
        )
        pledge.end_date = pledge.registration_date + dt.timedelta(days=365 * rng.randint(1, 3))
        pledges.append(pledge)
        chosen = (
            rng.sample(numbers, min(len(numbers), rng.randint(1, 3)))
            if ip_type == "patent" and numbers
            else [str(30000000 + rng.randint(0, 1499) * 7)]
        )
        items.append((pledge.registration_number, chosen))
    Pledge.objects.bulk_create(pledges, ignore_conflicts=True)
    ids = dict(
        Pledge.objects.filter(registration_number__in=[n for n, _ in items]).values_list("registration_number", "id")
    )
    PledgedItem.objects.bulk_create(
        [
            PledgedItem(pledge_id=ids[n], number=number, position=i)
            for n, numbers in items
            for i, number in enumerate(numbers)
        ],
        ignore_conflicts=True,
    )
    link_pledged_patents()

    Copyright.objects.bulk_create(
        [
            Copyright(
                registration_number=f"{2019 + i % 7}SR{1000000 + i * 13:07d}",
                title=f"{rng.choice(MARK_WORDS)}生产管理系统V{1 + i % 3}.0",
                registration_date=_day(rng, 2019 + i % 7),
                holder_name=(e := rng.choice(enterprises)).name,
                holder_credit_code=e.credit_code,
                enterprise=e,
            )
            for i in range(120)
        ],
        ignore_conflicts=True,
    )
    ICLayoutDesign.objects.bulk_create(
        [
            ICLayoutDesign(
                registration_number=f"BS.2{2050000 + i}",
                title=f"电池管理芯片布图{i + 1}",
                registration_date=_day(rng, 2021 + i),
                holder_name=enterprises[7].name,
                holder_credit_code=enterprises[7].credit_code,
                enterprise=enterprises[7],
            )
            for i in range(3)
        ],
        ignore_conflicts=True,
    )
    PlantVariety.objects.bulk_create(
        [
            PlantVariety(
                registration_number=f"CNA2023{1000 + i}.{i}",
                title=f"荆香稻{i + 1}号",
                crop="水稻",
                registration_date=_day(rng, 2023 + i),
                holder_name=enterprises[19].name,
                holder_credit_code=enterprises[19].credit_code,
                enterprise=enterprises[19],
            )
            for i in range(2)
        ],
        ignore_conflicts=True,
    )
    GIProduct.objects.get_or_create(
        registration_number="2025年第8号",
        defaults={"title": "屈家岭香稻", "region": "荆门市屈家岭管理区", "approval_date": dt.date(2025, 6, 18)},
    )
    seed_management(enterprises)
    return {
        "patents": Patent.objects.count(),
        "trademarks": Trademark.objects.count(),
        "pledges": Pledge.objects.count(),
        "copyrights": Copyright.objects.count(),
    }


def seed_recent_records(enterprise: Enterprise, today: dt.date) -> list[Patent]:
    """Four invention patents and a pledge of the enterprise dated this year, on or before today,
    so that the current round of support items has records to claim for on any day."""
    patents = []
    for n in range(4):
        granted = max(dt.date(today.year, 1, 1), today - dt.timedelta(days=20 * (n + 1)))
        digits = f"{today.year - 2}1{9000001 + n:07d}"
        patent, _ = Patent.objects.get_or_create(
            application_number=f"{digits}.{patent_check_digit(digits)}",
            defaults={
                "patent_type": "invention",
                "title": TITLES[enterprise.industry or Industry.OTHER][n % 5],
                "application_date": granted - dt.timedelta(days=700),
                "grant_date": granted,
                "legal_status": "valid",
                "holder_name": enterprise.name,
                "holder_credit_code": enterprise.credit_code,
                "enterprise": enterprise,
            },
        )
        patents.append(patent)
    registered = max(dt.date(today.year, 1, 1), today - dt.timedelta(days=30))
    Pledge.objects.get_or_create(
        registration_number=f"Y{today.year}900001",
        defaults={
            "pledgor_name": enterprise.name,
            "pledgor_credit_code": enterprise.credit_code,
            "enterprise": enterprise,
            "pledgee_name": BANKS[0],
            "ip_type": "patent",
            "amount": Decimal(5000000),
            "registration_date": registered,
            "end_date": registered + dt.timedelta(days=365),
        },
    )
    return patents
